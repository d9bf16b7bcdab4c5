/** Finds every table of SPEC §1 on every sheet, by labels and structure, never by position. */
import { markRatioRows } from '../compute.js';
import { a1, parseA1, SheetView, type CellRange, type Workbook } from '../grid.js';
import type { Fault, Model, ProgressTable, Table } from '../model.js';
import { goalPeriod } from '../plan.js';
import { planPeriod } from '../years.js';
import { detectBudgetTables, type TakenColumns } from './budget.js';
import { hidingFaults } from './hidden.js';
import { findMatrices, pairMatrices, unpairedFigures, unpairedProgress, type Matrix } from './matrix.js';
import { detectOverallScoreTables } from './overall.js';
import { detectProgressTables } from './progress.js';
import { ID_WORDS, SheetScan, TextMemo } from './scan.js';
import { detectSummaryTables, lendGoals, lendWeights, PART_OF_A_YEAR, titlesOver } from './summary.js';
import { detectVerticalTables } from './vertical.js';
import { detectYearGroupTables } from './year-groups.js';
import { weightLabelAt, weightsListedInText } from './weight.js';
import { findIndicatorId, subTargetId } from '../text.js';

/** Runs one stage of a check; the benchmark passes one that times each stage (bench/phases.mts). */
export type Stage = <T>(name: string, run: () => T) => T;

export const untimed: Stage = (_name, run) => run();

export interface DetectOptions {
  /** Flow/stock chosen by the user, by target key (`1-1`) or display id (`1-①`). */
  modeOverrides?: Record<string, 'flow' | 'stock'>;
  stage?: Stage;
}

/** Whether an A1 address lies inside a range. */
function within(range: CellRange, address: string): boolean {
  const { row, col } = parseA1(address);
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** The index of the first row of an ascending list at or below `row`. */
function firstAtOrBelow(rows: readonly number[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A block numbered by position (`?1`) because its id could not be read, where that loses a check: it stands among
 * other blocks or states a weight (the weights' sum and the indicator's progress need its indicator), or the workbook
 * has a summary table (matched by ids). Its own progress is checked all the same.
 */
function unreadIds(tables: Table[]): Fault[] {
  const summary = tables.some((t) => t.kind === 'summary');
  const faults: Fault[] = [];
  // A block read twice (each year's figures and running totals beside them) is one block to report.
  const seen = new Set<string>();
  for (const table of tables) {
    if (table.kind !== 'progress') continue;
    for (const t of table.targets) {
      if (!t.idInferred || !t.id.indicator.startsWith('?')) continue;
      if (!summary && table.targets.length < 2 && !t.weight?.value) continue;
      const ref = t.unreadId?.ref ?? t.target[0].ref;
      const cell = `${ref.sheet}!${a1(ref.row, ref.col)}`;
      if (seen.has(cell)) continue;
      seen.add(cell);
      const text = t.unreadId?.text.replace(/\s+/g, ' ') ?? '';
      faults.push({ sheet: ref.sheet, cell: a1(ref.row, ref.col), reason: 'target-id-unread', ...(text && { detail: text.length > 40 ? `${text.slice(0, 40)}…` : text }) });
    }
  }
  return faults;
}

/**
 * A plan period stated on a line of its own over progress tables (`計画期間：平成29年度～令和3年度`): the years of their
 * cumulative goals that name none, the nearest line above each table, so that a table of the years so far is read as the
 * plan under way.
 */
function lendPlanPeriods(scan: SheetScan, tables: ProgressTable[]): void {
  if (scan.planPeriodLines.length === 0) return;
  for (const table of tables) {
    let line: { row: number; text: string } | undefined;
    for (const l of scan.planPeriodLines) if (l.row < table.range.top && (!line || l.row > line.row)) line = l;
    const period = line && planPeriod(line.text);
    if (!period) continue;
    // A length alone (`計画期間：5年間`) gives the years, not the first: the goal is a plan of that many years (a table of
    // fewer is a plan under way, one of as many its whole), as a label counting them (`5年間累計`).
    for (const t of table.targets) if (t.goal?.cumulative && !goalPeriod(t)) t.goal.period = { years: period.years, to: period.to };
  }
}

/**
 * Weights listed per target in their indicator's title, over or inside the table (`評価指標(1) 産業集積（寄与度：(1)-①60%、
 * (1)-②40%）`, `評価指標１：…［寄与度 ①50％ ②30％ ③20％］`): each target of that indicator the list names by its id, stating
 * no weight of its own, takes its own (weights-sum checks them as any other). Only tables with such a target look.
 */
function lendListedWeights(scan: SheetScan, tables: ProgressTable[]): void {
  for (const table of tables) {
    const unweighted = table.targets.filter((t) => !t.weight && !t.idInferred);
    if (unweighted.length === 0) continue;
    const { top, bottom, left, right } = table.range;
    for (let r = Math.max(0, top - 3); r <= bottom; r++) {
      if (!scan.showsIdWords(r, ID_WORDS.indicator)) continue;
      for (let c = left; c <= right; c++) {
        const value = scan.view.raw(r, c)?.value;
        if (typeof value !== 'string' || !value.includes('評価指標') || weightLabelAt(value) < 0) continue;
        const own = findIndicatorId(value);
        if (!own) continue;
        for (const listed of weightsListedInText(value)) {
          const key = subTargetId(listed.indicator ?? own.indicator, listed.sub).key;
          for (const t of unweighted) if (!t.weight && t.id.key === key) t.weight = { value: listed.value, ref: scan.ref(r, c), text: value };
        }
      }
    }
  }
}

export function detect(workbook: Workbook, options: DetectOptions = {}): Model {
  const tables: Table[] = [];
  const faults: Fault[] = [];
  const counter = { n: 0 };
  const memo = new TextMemo();
  const stage = options.stage ?? untimed;
  // Matrices a sheet leaves unpaired (a 目標値 sheet, a 実績値 sheet): paired across sheets at the end.
  const loose: Matrix[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) faults.push({ sheet: sheet.name, reason: 'hidden-sheet', detail: 'checked, although hidden' });
    // Values the reader worked out from formulas are checked as stated values; the report says how many there were.
    if (sheet.computedFormulas) faults.push({ sheet: sheet.name, reason: 'formulas-computed', detail: String(sheet.computedFormulas) });
    if (sheet.rows.length === 0) {
      faults.push({ sheet: sheet.name, reason: 'empty-sheet' });
      continue;
    }
    const scan = stage('scan', () => new SheetScan(new SheetView(sheet), memo));
    faults.push(...hidingFaults(sheet, scan.view));
    const vertical = stage('detect vertical', () => detectVerticalTables(scan, counter));
    const grouped = stage('detect year groups', () => detectYearGroupTables(scan));
    const faultsBefore = faults.length;
    const blocks = [...stage('detect progress', () => detectProgressTables(scan, faults, counter, grouped.taken)), ...vertical.tables, ...grouped.tables];
    const matrices = stage('detect matrices', () => pairMatrices(findMatrices(scan, blocks)));
    // A 目標値 matrix's title under a 実績値 matrix's reads to the block detector as a block's labels with no years over
    // them; the matrices read those cells, so the fault would say of a table read right that it was not.
    if (matrices.tables.length > 0) {
      const readAsMatrix = (f: Fault) => f.reason === 'block-without-years' && f.cell !== undefined && matrices.tables.some((t) => within(t.range, f.cell!));
      const kept = faults.slice(faultsBefore).filter((f) => !readAsMatrix(f));
      faults.splice(faultsBefore, faults.length - faultsBefore, ...kept);
    }
    loose.push(...matrices.unused);
    faults.push(...matrices.faults);
    const progress = [...blocks, ...matrices.tables];
    lendPlanPeriods(scan, progress);
    lendListedWeights(scan, progress);
    for (const t of progress) {
      const headings = titlesOver(scan, t.range.top);
      if (headings) t.headings = headings;
    }
    // The columns of the year headers progress tables use: they start no budget table (the budget detector asks only of
    // those), a budget table beside them on the same header row starts right or left of them.
    const inProgress = new Uint8Array(sheet.rows.length);
    for (const t of progress) inProgress.fill(1, t.range.top, t.range.bottom + 1);
    const usedRows: TakenColumns = new Map();
    for (const t of progress) {
      for (let i = firstAtOrBelow(scan.yearRowList, t.range.top); i < scan.yearRowList.length && scan.yearRowList[i] <= t.range.bottom; i++) {
        const row = scan.yearRowList[i];
        const list = usedRows.get(row);
        if (list) list.push(t.range);
        else usedRows.set(row, [t.range]);
      }
    }
    const freeYearRows = scan.yearRowList.filter((r) => inProgress[r] !== 1);
    tables.push(
      ...progress,
      ...stage('detect summary', () => detectSummaryTables(scan, vertical.headerRows, freeYearRows)),
      ...stage('detect budget', () => detectBudgetTables(scan, usedRows)),
      ...stage('detect overall', () => detectOverallScoreTables(scan)),
    );
  }
  // A summary under a title naming a half or a quarter of a year is compared with no year's figures: said so.
  for (const t of tables) {
    if (t.kind === 'summary' && (t.year === PART_OF_A_YEAR || t.rows.some((r) => r.year === PART_OF_A_YEAR))) {
      faults.push({ sheet: t.sheet, cell: a1(t.range.top, t.range.left), reason: 'summary-part-of-year' });
    }
  }
  let unpaired = loose;
  if (new Set(loose.map((m) => m.scan)).size > 1) {
    const across = pairMatrices(loose);
    tables.push(...across.tables);
    faults.push(...across.faults);
    unpaired = across.unused;
  }
  faults.push(...unpairedProgress(unpaired, tables), ...unpairedFigures(unpaired, tables));
  lendWeights(tables);
  lendGoals(tables);
  for (const t of tables) if (t.kind === 'progress') markRatioRows(t.targets);
  faults.push(...unreadIds(tables));
  const overrides = options.modeOverrides ?? {};
  if (Object.keys(overrides).length === 0) return { tables, faults };
  for (const t of tables) {
    if (t.kind !== 'progress') continue;
    for (const target of t.targets) {
      const mode = overrides[target.id.key] ?? overrides[target.id.display];
      // Choosing the mode it already has changes nothing (a running-total row stays one).
      if (mode && mode !== target.mode) {
        target.mode = mode;
        target.modeSource = 'override';
      }
    }
  }
  return { tables, faults };
}
