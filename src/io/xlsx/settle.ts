/**
 * What a recalculation does to the formulas of a workbook. A summary cell `='別紙1'!E4` or an indicator's
 * `=ROUND((E4+E7)/2,2)` shows a result worked out from cells the recalculation rewrites: its saved result goes stale,
 * and a plan made from the saved results would replace the formula with a value although the formula itself is right.
 * Here the plan's writes are made on a copy of the grid and every formula is worked out again (evaluate.ts):
 * - a formula cell the plan would overwrite keeps its formula when its new result is one the check accepts (the plan
 *   made again on the result writes nothing there);
 * - a formula the writes make wrong (one referring to another year's progress, right by chance before) is rewritten, as
 *   the plan made again on the result asks;
 * - each other formula whose result changes gets its new result saved, when the evaluator gives the result the file
 *   holds before the writes (so it works that formula out as Excel does);
 * - a formula it cannot work out, or works out otherwise than the file holds, may still depend on a rewritten cell: the
 *   file then asks Excel to recalculate every formula on opening (`fullCalcOnLoad`).
 * Pure: the command line, the standalone page and the add-in use it alike.
 */
import { checkWorkbook } from '../../engine/check.js';
import type { DetectOptions } from '../../engine/detect/index.js';
import { planRecalculation, type CellWrite, type RecalculationOptions, type RecalculationPlan } from '../../engine/fix.js';
import { a1, cellIndex, type Cell, type Sheet, type Workbook } from '../../engine/grid.js';
import type { Model } from '../../engine/model.js';
import { formulaResults, resultCell, shownNumber, type Scalar } from './evaluate.js';

/** A formula cell's new result, to save in the file in place of the stale one (its formula stays). */
export interface FormulaRefresh {
  sheet: string;
  row: number;
  col: number;
  address: string;
  value: Scalar;
  /** The result the file held. */
  before: Scalar;
}

export interface SettledPlan extends RecalculationPlan {
  /** Writes left out: the cell's own formula gives a value the check accepts once the other writes are made. */
  keptFormulas: (CellWrite & { result: Scalar })[];
  /** Formula cells (not written) whose saved result the writes change. */
  refreshed: FormulaRefresh[];
  /** Whether the file should ask Excel to recalculate every formula on opening (a formula this cannot follow). */
  recalcOnOpen: boolean;
}

/** A formula's result as people read it in a list of changes: the number or text, or the error value. */
export function resultText(v: Scalar): string {
  return v !== null && typeof v === 'object' ? v.error : String(v ?? '');
}

export type SettleOptions = RecalculationOptions & Pick<DetectOptions, 'modeOverrides'>;

/**
 * How many times the plan is made again on the result before giving up keeping formulas (one or two rounds settle; a
 * round more for each kind of cell a formula overwritten in turn may be referred to by).
 */
const MAX_ROUNDS = 6;

/**
 * The order in which kept formulas shown wrong are overwritten: a target's progress first, then an indicator's, then a
 * summary's, which restate them. A summary `='別紙1'!E9` is wrong while the progress formula it refers to is, and right
 * once that is rewritten: it is given the round after to show it.
 */
const ORDER: Record<CellWrite['what'], number> = { progress: 0, 'indicator-progress': 1, 'summary-progress': 2 };

export function settleFormulas(workbook: Workbook, plan: RecalculationPlan, options: SettleOptions = {}): SettledPlan {
  const unchanged: SettledPlan = { ...plan, keptFormulas: [], refreshed: [], recalcOnOpen: false };
  if (plan.writes.length === 0 || !workbook.sheets.some(hasFormula)) return unchanged;
  const before = formulaResults(workbook.sheets);
  const sheetIndex = new Map(workbook.sheets.map((sheet, i) => [sheet.name, i]));
  const workedOut = (w: CellWrite) => before[sheetIndex.get(w.sheet)!]?.has(cellIndex(w.row, w.col)) ?? false;
  // Overwriting a formula the evaluator works out with a value or a formula (the same one too: its saved result stale, as
  // in the first cell of an array formula over several cells, which takes no write): kept until shown wrong.
  let kept = new Set(plan.writes.filter((w) => w.before.formula !== undefined && workedOut(w)));
  let writes = plan.writes;
  let after: Worked | undefined;
  // The plan made again on the result, until it asks for nothing new: a kept formula that gives a wrong value is
  // overwritten after all, and so is a formula whose result the writes make wrong (one referring to another year's
  // progress, right by chance before).
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const trial = worked(workbook, writes.filter((w) => !kept.has(w)));
    // No formula kept and none whose result the writes change: the plan made again would ask for nothing new.
    if (kept.size === 0 && !anyResultChanged(before, trial.results)) {
      after = trial;
      break;
    }
    const planned = new Map(writes.map((w) => [cellKeyOf(w), w]));
    const again = planRecalculation(checkWorkbook(trial.workbook, { modeOverrides: options.modeOverrides }).model, options).writes;
    const shownWrong = [...kept].filter((w) => again.some((a) => cellKeyOf(a) === cellKeyOf(w)));
    const first = Math.min(...shownWrong.map((w) => ORDER[w.what]));
    const overwrite = new Set(shownWrong.filter((w) => ORDER[w.what] === first));
    // What the file holds is what a write records as before (for undo and the list of changes), not the trial's result.
    const added = again.filter((a) => !planned.has(cellKeyOf(a))).map((a) => ({ ...a, before: beforeInFile(workbook, a) }));
    if (overwrite.size === 0 && added.length === 0) {
      after = trial;
      break;
    }
    kept = new Set([...kept].filter((w) => !overwrite.has(w)));
    writes = [...writes, ...added];
  }
  if (!after) {
    // Not settled in a few rounds: every formula the plan names is overwritten, as before.
    kept = new Set();
    after = worked(workbook, writes);
  }
  writes = writes.filter((w) => !kept.has(w));
  const writtenCells = new Set(writes.map(cellKeyOf));
  const keptCells = new Set([...kept].map(cellKeyOf));
  const refreshed: FormulaRefresh[] = [];
  let recalcOnOpen = false;
  workbook.sheets.forEach((sheet, s) => {
    sheet.rows.forEach((cells, r) => {
      if (!cells) return;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell?.formula === undefined) continue;
        const here = `${sheet.name}!${r}:${c}`;
        if (writtenCells.has(here)) continue;
        const key = cellIndex(r, c);
        const shown = shownOf(cell);
        const next = after.results[s].get(key);
        // A formula worked out as the file holds it is followed through the writes; any other may depend on them.
        const followed = next !== undefined && (keptCells.has(here) || (before[s].has(key) && same(before[s].get(key)!, shown)));
        if (!followed) {
          recalcOnOpen = true;
          continue;
        }
        if (!same(next, shown)) refreshed.push({ sheet: sheet.name, row: r, col: c, address: a1(r, c), value: next, before: shown });
      }
    });
  });
  const keptFormulas = [...kept].map((w) => ({ ...w, result: after.results[sheetIndex.get(w.sheet)!].get(cellIndex(w.row, w.col)) ?? null }));
  // A cell whose formula is kept got no value: it is no cell of `valuesInsteadOfFormulas` (an indicator's `='別紙1'!F13`).
  const keptAddresses = new Set(keptFormulas.map((k) => `${k.sheet}!${k.address}`));
  const valuesInsteadOfFormulas = plan.valuesInsteadOfFormulas.filter((a) => !keptAddresses.has(a));
  const marksKept = plan.marksKept.filter((a) => !keptAddresses.has(a));
  return { ...plan, writes, keptFormulas, refreshed, recalcOnOpen, valuesInsteadOfFormulas, marksKept };
}

/** A checked model's recalculation, planned and followed through the workbook's formulas (settleFormulas). */
export function settledRecalculation(workbook: Workbook, model: Model, options: SettleOptions = {}): SettledPlan {
  return settleFormulas(workbook, planRecalculation(model, options), options);
}

/** What a cell the plan made on a trial writes held in the workbook: the formula's saved result, not the trial's. */
function beforeInFile(workbook: Workbook, w: CellWrite): CellWrite['before'] {
  const cell = workbook.sheets.find((s) => s.name === w.sheet)?.rows[w.row]?.[w.col];
  if (cell?.formula === undefined) return w.before;
  return { ...w.before, value: cell.error ?? cell.value };
}

/** Whether a formula worked out on the written grid gives another result than on the grid as it was (or has one now). */
function anyResultChanged(before: Map<number, Scalar>[], after: Map<number, Scalar>[]): boolean {
  return after.some((results, s) => {
    for (const [key, v] of results) if (!before[s].has(key) || !same(before[s].get(key)!, v)) return true;
    return false;
  });
}

function hasFormula(sheet: Sheet): boolean {
  return sheet.rows.some((cells) => cells?.some((cell) => cell?.formula !== undefined));
}

function cellKeyOf(w: { sheet: string; row: number; col: number }): string {
  return `${w.sheet}!${w.row}:${w.col}`;
}

/** What a cell shows, as the evaluator gives it. */
function shownOf(cell: Cell): Scalar {
  if (cell.error) return { error: cell.error };
  return cell.noCachedResult ? null : cell.value;
}

/** Whether two shown values are the same: numbers to Excel's 15 significant digits. */
function same(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'number' && typeof b === 'number') return shownNumber(a) === shownNumber(b);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return a.error === b.error;
  return a === b;
}

/**
 * The workbook with `writes` made (as the file would be read back) and then every formula worked out afresh, with the
 * results: the cells a re-check would read.
 */
interface Worked {
  workbook: Workbook;
  results: Map<number, Scalar>[];
}

function worked(workbook: Workbook, writes: CellWrite[]): Worked {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  const written: Workbook = {
    sheets: workbook.sheets.map((sheet) => {
      const list = bySheet.get(sheet.name);
      if (!list) return sheet;
      const rows = sheet.rows.slice();
      for (const w of list) {
        const cells = (rows[w.row] = rows[w.row]?.slice() ?? []);
        const old = cells[w.col];
        // The number format the written cell shows, as write.ts gives it: its own, or the one it borrows, or 0%.
        let numFmt = old?.numFmt;
        if (w.styleFrom && (numFmt === undefined || w.numFmt !== undefined)) numFmt = sheet.rows[w.styleFrom.row]?.[w.styleFrom.col]?.numFmt ?? numFmt;
        if (numFmt === undefined && w.numFmt === '0%') numFmt = '0%';
        cells[w.col] = { value: w.value, ...(numFmt !== undefined ? { numFmt } : {}), ...(w.formula ? { formula: w.formula } : {}) };
      }
      return { ...sheet, rows };
    }),
  };
  const results = formulaResults(written.sheets);
  // Each formula shows its new result; one it cannot work out keeps what it showed.
  const sheets = written.sheets.map((sheet, s) => {
    if (results[s].size === 0) return sheet;
    const rows = sheet.rows.map((cells, r) => {
      if (!cells) return cells;
      let copy: (Cell | undefined)[] | undefined;
      for (let c = 0; c < cells.length; c++) {
        const v = results[s].get(cellIndex(r, c));
        if (v === undefined) continue;
        const cell = cells[c]!;
        copy ??= cells.slice();
        // As the reader makes it: a year header worked out (`=C1+1` in `"令和"0"年度"`) keeps the year it shows.
        copy[c] = resultCell(cell, v) ?? cell;
      }
      return copy ?? cells;
    });
    return { ...sheet, rows };
  });
  return { workbook: { sheets }, results };
}
