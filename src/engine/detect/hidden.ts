/**
 * What hiding left out of the check: rows and columns hidden in the workbook are part of no table (a reviewer checks what
 * is shown), and rows hidden by an active filter are read as shown (a filter is a view). Either way the report says so
 * where the hidden cells hold figures or labels, so that a clean report is never silently partial.
 */
import { columnLetters, type Cell, type Sheet, type SheetView } from '../grid.js';
import type { Fault } from '../model.js';

/** Most runs of rows or columns a note lists; past them it says how many there are in all. */
const MAX_RUNS = 20;

function holdsSomething(cell: Cell | undefined): boolean {
  if (cell === undefined) return false;
  if (cell.error !== undefined) return true;
  return cell.value !== null && !(typeof cell.value === 'string' && cell.value.trim() === '');
}

/** `4, 5, 6, 7, 11` (0-based) → `5-8, 12` as Excel numbers rows (or `E-H, L` as it letters columns). */
export function runsOf(indexes: readonly number[], name: (i: number) => string): string {
  const runs: string[] = [];
  let i = 0;
  while (i < indexes.length && runs.length < MAX_RUNS) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
    runs.push(i === j ? name(indexes[i]) : `${name(indexes[i])}-${name(indexes[j])}`);
    i = j + 1;
  }
  return i < indexes.length ? `${runs.join(', ')}, … (${indexes.length} in all)` : runs.join(', ');
}

const rowName = (r: number) => String(r + 1);

/** The notes for one sheet: its filtered rows read as shown, its hidden rows and columns that hold something left out. */
export function hidingFaults(source: Sheet, view: SheetView): Fault[] {
  const faults: Fault[] = [];
  const filtered = (source.filteredRows ?? []).filter((r) => source.rows[r]?.some(holdsSomething));
  if (filtered.length > 0) faults.push({ sheet: source.name, reason: 'filtered-rows', detail: runsOf(filtered, rowName) });
  // A cell of a merged area shown elsewhere stays in the view: what it holds was checked.
  const left = (r: number, c: number) => holdsSomething(source.rows[r]?.[c]) && view.sheet.rows[r]?.[c] !== source.rows[r][c];
  const rows = (source.hiddenRows ?? []).filter((r) => {
    const cells = source.rows[r];
    if (!cells) return false;
    for (let c = 0; c < cells.length; c++) if (left(r, c)) return true;
    return false;
  });
  if (rows.length > 0) faults.push({ sheet: source.name, reason: 'hidden-rows', detail: runsOf(rows, rowName) });
  const hiddenRow = new Set(source.hiddenRows);
  const cols = (source.hiddenCols ?? []).filter((c) => {
    for (let r = 0; r < source.rows.length; r++) if (!hiddenRow.has(r) && left(r, c)) return true;
    return false;
  });
  if (cols.length > 0) faults.push({ sheet: source.name, reason: 'hidden-columns', detail: runsOf(cols, columnLetters) });
  return faults;
}
