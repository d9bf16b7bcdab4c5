/** Conversions between what Office.js reports for a cell and the engine's grid or a snapshot. */
import type { Cell } from '../../engine/grid.js';
import { formatInfo } from '../../engine/numbers.js';
import type { CellSnapshot } from '../host.js';
import type { XRange, XRangeFill } from './api.js';

/** What one cell reads as through Range.values / text / numberFormat / formulas / valueTypes. */
export interface OfficeCell {
  value: unknown;
  text: string | undefined;
  numberFormat: unknown;
  formula: unknown;
  valueType: string | undefined;
}

/**
 * Office.js `formulas` gives a constant cell's value, and a text cell typed as `'=1+1` comes back
 * as `=1+1` too (no quote): a formula is a `=` text that differs from the cell's value.
 */
export function formulaOf(formula: unknown, value: unknown): string | null {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : null;
}

/** Excel shows `###` when a number does not fit its column: that is not what the cell says. */
function displayText(text: string | undefined): string | undefined {
  return text === undefined || /^#+$/.test(text) ? undefined : text;
}

function numFmtOf(numberFormat: unknown): string | undefined {
  return typeof numberFormat === 'string' && numberFormat !== '' && !/^general$/i.test(numberFormat) ? numberFormat : undefined;
}

/** `Sheet!A1` with `$` removed and letters in capitals: one key per cell. */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, '').toUpperCase()}`;
}

/** One Office.js cell as the engine's cell; undefined for an empty cell. Dates stay serial numbers with their format. */
export function toGridCell(c: OfficeCell): Cell | undefined {
  const formula = formulaOf(c.formula, c.value);
  const numFmt = numFmtOf(c.numberFormat);
  // An empty cell formatted as a percentage keeps its format, as the file reader reads it: a ratio is written there.
  const empty = c.valueType === 'Empty' || (!c.valueType && (c.value === '' || c.value === null || c.value === undefined));
  if (empty && !formula) return numFmt !== undefined && formatInfo(numFmt).percent ? { value: null, numFmt } : undefined;
  const cell: Cell = { value: null };
  if (numFmt) cell.numFmt = numFmt;
  if (formula) cell.formula = formula.slice(1);
  if (c.valueType === 'Error') {
    cell.error = String(c.value);
    return cell;
  }
  const v = c.value;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') cell.value = v;
  else if (c.text !== undefined) cell.value = c.text;
  const text = displayText(c.text);
  if (text !== undefined && text !== String(cell.value)) cell.text = text;
  return cell;
}

/** A loaded fill as `#RRGGBB`, or null for no fill. Without `pattern` (before ExcelApi 1.9) white reads as no fill. */
export function fillOf(fill: XRangeFill, withPattern: boolean): string | null {
  if (withPattern && fill.pattern === 'None') return null;
  const color = fill.color;
  if (!color) return null;
  if (!withPattern && /^#?ffffff$/i.test(color)) return null;
  return color.toUpperCase();
}

/** The properties to load on a target cell for its snapshot. */
export const SNAPSHOT_PROPS = ['values', 'text', 'formulas', 'numberFormat'];

export function fillProps(withPattern: boolean): string[] {
  return withPattern ? ['color', 'pattern'] : ['color'];
}

/** Queues the loads a snapshot of one cell needs. */
export function loadSnapshot(range: XRange, withPattern: boolean): void {
  range.load(SNAPSHOT_PROPS);
  range.format.fill.load(fillProps(withPattern));
}

export function snapshotOf(sheet: string, address: string, range: XRange, withPattern: boolean): CellSnapshot {
  const value = range.values[0][0];
  return {
    sheet,
    address,
    value: typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : '',
    formula: formulaOf(range.formulas[0][0], value),
    numberFormat: String(range.numberFormat[0][0] ?? 'General'),
    fill: fillOf(range.format.fill, withPattern),
  };
}

/**
 * A value to assign through Range.values that Excel keeps as it is. Excel parses assigned text as
 * if typed: `=1+1` becomes a formula, `138%` a number, `１２３` a number in Japanese Excel. A leading
 * quote keeps text as text; plain words without digits need none (the quote would mark the cell's style).
 */
export function literal(value: number | string | boolean | null, numberFormat?: string): number | string | boolean {
  if (value === null) return '';
  // A cell formatted as Text (`@`) keeps whatever it is given; a quote there could stay visible.
  if (typeof value !== 'string' || value === '' || numberFormat === '@') return value;
  const parseable = /^[=+\-@'#]/.test(value) || /[0-9０-９]/.test(value) || /^(true|false)$/i.test(value.trim());
  return parseable ? `'${value}` : value;
}

/** Queues putting a snapshot back into its cell (value or formula, number format, and fill when asked). */
export function queueRestore(range: XRange, s: CellSnapshot, withFill: boolean): void {
  range.numberFormat = [[s.numberFormat]];
  if (s.formula) range.formulas = [[s.formula]];
  else range.values = [[literal(s.value, s.numberFormat)]];
  if (!withFill) return;
  if (s.fill === null) range.format.fill.clear();
  else range.format.fill.color = s.fill;
}
