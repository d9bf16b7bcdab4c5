/** Units written once for many numbers: in a label's parentheses, in a note over a table, in a column of their own. */
import { cellText, parseNumberText, unitGroup } from '../numbers.js';
import { compact, toHalfWidth } from '../text.js';
import type { SheetScan } from './scan.js';

/** A unit the engine knows (a scale, 円 人 件 社 者 名 %, a length of time), not any short word. */
function knownUnit(text: string): string | undefined {
  const p = parseNumberText(`1${text}`);
  return p.kind === 'number' && (p.scaleLabel !== '' || (p.unit !== null && !unitGroup(p.unit)!.startsWith('other:'))) ? text : undefined;
}

// A word of at most six characters in parentheses, maybe after 単位: (`（億円）`, `(単位：千人)`).
const UNIT_IN_PARENTHESES = /[(（]\s*(?:単位\s*[:：]\s*)?([^()（）\s\d０-９]{1,6})\s*[)）]/g;

/** The unit in the last parentheses of a label holding one alone (`目標値（億円）`, `投資額（単位：億円）`). */
export function unitInParentheses(label: string): string | undefined {
  if (!label.includes(')') && !label.includes('）')) return undefined;
  if (inParentheses.has(label)) return inParentheses.get(label);
  let found: string | undefined;
  // exec in a loop, not matchAll: matchAll copies the pattern on every call, most of the cost for a label read once
  // (a block's title, `数値目標(1)-① 投資額 475億円（累計）`, is one of a kind).
  UNIT_IN_PARENTHESES.lastIndex = 0;
  for (let m = UNIT_IN_PARENTHESES.exec(label); m; m = UNIT_IN_PARENTHESES.exec(label)) found = knownUnit(m[1]) ?? found;
  if (inParentheses.size >= 100_000) inParentheses.clear();
  inParentheses.set(label, found);
  return found;
}

// Labels repeat (`目標値（億円）` in every block): each is read once, up to a bound on the memory kept.
const inParentheses = new Map<string, string | undefined>();

/** Forgets the labels read so far (see forgetParsed). */
export function forgetUnits(): void {
  inParentheses.clear();
}

/** A note giving the unit (`（単位：億円）`, `単位:千人`) in a table's year header row or the two rows over it, within its columns. */
export function unitNote(scan: SheetScan, headerRow: number, left: number, lastYearCol: number): string | undefined {
  for (let r = headerRow; r >= Math.max(0, headerRow - 2); r--) {
    const width = Math.min(scan.view.rowWidth(r), lastYearCol + 4);
    for (let c = left; c < width; c++) {
      const v = scan.view.raw(r, c)?.value;
      if (typeof v !== 'string' || !v.includes('単位')) continue;
      const m = /単位\s*[:：]\s*([^()（）\s\d０-９、,]{1,6})/.exec(toHalfWidth(v));
      const unit = m ? knownUnit(m[1]) : undefined;
      if (unit) return unit;
    }
  }
  return undefined;
}

/** A short text that is only a unit (`社`, `%`, `億円`, `(千円)`), as a column beside the numbers holds it. */
export function isUnitText(text: string): boolean {
  const t = text.trim().replace(/^[(（](.*)[)）]$/, '$1');
  return t.length > 0 && t.length <= 4 && !/[\d０-９]/.test(t) && !isBlankText(t) && parseNumberText(`1${t}`).kind === 'number';
}

/** A text standing for no value (`-`, `－`, `―`, `/`): in a unit's place, no unit. */
export function isBlankText(text: string): boolean {
  return parseNumberText(text).kind === 'blank';
}

// Letters of a formula written under the headers it names (`A`, `B/A`, `B÷A×100`, `③=②/①`, `(B)/(A)`).
const FORMULA = /^\(?[A-Z①-⑳]\)?(?:[/÷×*+\-=]\(?[A-Z①-⑳]\)?)*(?:[×*]100)?%?$/;

/**
 * A note under a column header, not a figure: a unit (`（億円）`, `%`), the letters of a formula (`（A）`, `（B/A）`,
 * `B÷A×100`), a `※`, or a short note in parentheses without a digit (`（見込み）`, `（単位：億円）`).
 */
export function isHeaderNote(text: string): boolean {
  const t = compact(text);
  if (t.length === 0 || t.length > 16) return false;
  const inner = /^[([【](.*)[)\]】]$/.exec(t)?.[1] ?? t;
  if (knownUnit(inner) || FORMULA.test(inner) || /^※\d{0,2}$/.test(inner)) return true;
  return inner !== t && inner.length > 0 && !/\d/.test(inner);
}

/**
 * A row right under a table's header that states no figures: empty, or holding only notes on the columns above
 * (isHeaderNote) in its first `width` cells; with the unit each column's note gives (`（億円）` under 目標値).
 * Undefined when a cell holds anything else: a figure, a year or an id, a row of the table's own.
 */
export function notesUnderHeader(scan: SheetScan, row: number, width: number): Map<number, string> | undefined {
  const units = new Map<number, string>();
  const end = Math.min(width, scan.view.rowWidth(row));
  for (let c = 0; c < end; c++) {
    const text = cellText(scan.view.raw(row, c)).trim();
    if (text === '') continue;
    if (!isHeaderNote(text)) return undefined;
    const unit = unitInParentheses(text) ?? unitInParentheses(`(${text})`);
    if (unit) units.set(c, unit);
  }
  return units;
}
