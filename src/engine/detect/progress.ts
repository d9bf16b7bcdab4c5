/**
 * Progress blocks (別紙1): a 目標値 row, a 実績値 row right under it in the same label column, and
 * usually a 進捗度 row, over year columns named by the nearest year header above.
 */
import { compact, findIndicatorId, findSubOnlyId, idColumnWord, INDICATOR_PROGRESS_LABEL, indicatorOnlyId, NUMBER_COLUMN, subTargetId, type TargetId } from '../text.js';
import { a1, cellIndex, sparseColumns, type CellRange } from '../grid.js';
import type { CellRef, Fault, IndicatorProgressCell, NumericTarget, PlanGoal, ProgressTable, ValueCell, Weight, YearColumn } from '../model.js';
import { BUDGET_ROW_KINDS, ID_WORDS, isBudgetRowKind, type Label, type SheetScan, type YearCell } from './scan.js';
import { parseGoal, readGoals } from './goal.js';
import { idColumnsOfRow, otherIdColumnsOfRow } from './summary.js';
import { OTHER_ID_STARTS, otherWordId } from './other-ids.js';
import { fractionWeight, namesWeightedProgress, parseWeightText, startsWithWeightLabel, weightInText, weightLabelAt, weightPercent, yearlyWeights } from './weight.js';
import { assessProgress, decideMode, isRunningTotalLabel } from '../compute.js';
import { cellText, type Parsed } from '../numbers.js';
import { goalPlanPeriod, parseFiscalYear } from '../years.js';
import { periodTotals } from './totals.js';
import { isBlankText, isUnitText, unitInParentheses, unitNote } from './units.js';

interface Block {
  target: NumericTarget;
  headerRow: number | null;
  range: CellRange;
  indicatorCells: IndicatorProgressCell[];
  /** The column of its 目標値 label, and whether that label says its row holds running totals. */
  labelCol: number;
  runningLabel: boolean;
}

function labelsByColumn(labels: Label[]): Map<number, Label[]> {
  const map = new Map<number, Label[]>();
  for (const l of labels) {
    let list = map.get(l.col);
    if (!list) map.set(l.col, (list = []));
    list.push(l);
  }
  return map;
}

/** The last label of a row-sorted list above `before`, at most `within` rows up (binary search). */
function lastAbove(list: Label[] | undefined, before: number, within: number): Label | undefined {
  if (!list) return undefined;
  const l = list[firstFrom(list, before) - 1];
  return l && l.row >= before - within ? l : undefined;
}

/**
 * The 実績値 label of a 目標値 label's block: the one at most 3 rows below it, that no nearer 目標値
 * label claims. Blocks that put 実績値 first (実績値 / 目標値 / 進捗度) pair it with the one at most 3
 * rows above instead, when nothing between claims it, and the next label below is not a 実績値 or
 * the column's first 実績値 comes before its first 目標値.
 */
function pairedActual(scan: SheetScan, t: Label, tBottom: number, actuals: Label[] | undefined, targets: Label[] | undefined, progresses: Label[] | undefined): Label | undefined {
  const below = firstBelow(actuals, tBottom, 3) ?? pastRepeatedHeader(scan, tBottom, actuals);
  const next = firstBelow(targets, t.row, 3);
  const above = lastAbove(actuals, t.row, 3);
  const previous = lastAbove(targets, t.row, 3);
  const actualFirst =
    above !== undefined &&
    (previous === undefined || (previous.row < above.row && !pairsBelow(previous, above, actuals, targets, progresses))) &&
    (below === undefined ||
      (next !== undefined && next.row < below.row) ||
      (firstBelow(progresses, tBottom, 3)?.row ?? Infinity) < below.row ||
      actuals![0].row < targets![0].row);
  if (actualFirst) return above;
  // An actual row belongs to the nearest target label above it, never to two blocks.
  return below && !(next && next.row < below.row) ? below : undefined;
}

/**
 * Whether the 実績値 row right under a target (`actual`, below `previous`) is that target's: a row under a block (a
 * `目標値（累計）` stating the plan's goal under 目標値 / 実績値 / 進捗度) takes no actual from the block over it.
 */
function pairsBelow(previous: Label, actual: Label, actuals: Label[] | undefined, targets: Label[] | undefined, progresses: Label[] | undefined): boolean {
  const below = firstBelow(actuals, previous.row, 3);
  if (below !== actual) return false;
  // The target over it pairs with an actual above itself (実績値 / 目標値 / 進捗度 blocks), not this one.
  const above = lastAbove(actuals, previous.row, 3);
  const beforeIt = lastAbove(targets, previous.row, 3);
  return !(above !== undefined && (beforeIt === undefined || beforeIt.row < above.row) && ((firstBelow(progresses, previous.row, 3)?.row ?? Infinity) < actual.row || actuals![0].row < targets![0].row));
}

/**
 * The 実績値 label under a page break that falls between a block's 目標値 and 実績値, its print titles repeated (`別紙1（続き）`,
 * `令和` over the years, the years): the first one within 8 rows, past a row of the years over the block and rows of one
 * text or none alone.
 */
function pastRepeatedHeader(scan: SheetScan, tBottom: number, actuals: Label[] | undefined): Label | undefined {
  const a = firstBelow(actuals, tBottom, 8);
  if (!a) return undefined;
  // The years over the block, repeated column for column: another table's header makes no repeat.
  let over: YearCell[] | undefined;
  for (let r = tBottom - 1; r >= 0 && r >= tBottom - 80 && !over; r--) over = scan.yearRows.get(r);
  if (!over) return undefined;
  let years = false;
  for (let r = tBottom + 1; r < a.row; r++) {
    const header = scan.yearRows.get(r);
    if (header) {
      if (!over.every((y) => header.some((h) => h.col === y.col && h.fy.year === y.fy.year))) return undefined;
      years = true;
    } else if (!oneTextAtMost(scan, r)) return undefined;
  }
  return years ? a : undefined;
}

/** Whether a row holds one text or none (a title, `別紙1（続き）`, `令和` over the years, a page's number). */
function oneTextAtMost(scan: SheetScan, r: number): boolean {
  let texts = 0;
  for (let c = 0, width = scan.view.rowWidth(r); c < width && texts < 2; c++) {
    const shown = scan.view.shown(r, c);
    if (shown.row === r && shown.col === c && cellText(shown.cell).trim() !== '') texts++;
  }
  return texts <= 1;
}

/**
 * The 進捗度 row under a page break that falls between a block's 実績値 and 進捗度, its print titles repeated from `row`
 * on: the row labelled 進捗度 in the label column past a row of the block's years and rows of one text or none (within 6
 * rows), not on top of the next block. undefined when no such titles start at `row`; null when they lead to no such row.
 */
function progressPastTitles(scan: SheetScan, row: number, labelCol: number, columns: YearColumn[]): number | null | undefined {
  if (!scan.yearRows.has(row) && !oneTextAtMost(scan, row)) return undefined;
  let years = false;
  for (let r = row; r < row + 6 && r < scan.view.rowCount; r++) {
    const header = scan.yearRows.get(r);
    // The block's own years repeated, column for column; another table's header ends the search.
    if (header) {
      if (!columns.every((c) => header.some((y) => y.col === c.col && y.fy.year === c.year))) return years ? null : undefined;
      years = true;
    } else if (!oneTextAtMost(scan, r)) return years && scan.shownKind(r, labelCol) === 'progress' && !overBlock(scan, r, labelCol) ? r : years ? null : undefined;
  }
  return years ? null : undefined;
}

/** The first label of a row-sorted list below `after`, at most `within` rows down (binary search). */
function firstBelow(list: Label[] | undefined, after: number, within: number): Label | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].row <= after) lo = mid + 1;
    else hi = mid;
  }
  const l = list[lo];
  return l && l.row <= after + within ? l : undefined;
}

/** A 目標値, 実績値 or 進捗度 label of running totals (`目標値(累計)`, `累計実績値`), not of each year's figures. */
function ofRunningTotals(l: Label): boolean {
  return l.compact.includes('累計');
}

/** Whether the label shown at (row, col) is one of running totals, as ofRunningTotals reads a label. */
function showsRunningTotals(scan: SheetScan, row: number, col: number): boolean {
  return scan.shownText(row, col).includes('累計');
}

/**
 * A label column's labels of one kind, all and split by what they state (each year's figures, running totals):
 * a block stating both pairs each year's 目標値 with each year's 実績値 and running totals with running totals.
 */
function labelLists(labels: Label[]): { all: Map<number, Label[]>; yearly: Map<number, Label[]>; running: Map<number, Label[]> } {
  return { all: labelsByColumn(labels), yearly: labelsByColumn(labels.filter((l) => !ofRunningTotals(l))), running: labelsByColumn(labels.filter(ofRunningTotals)) };
}

/**
 * The 実績値 of a 目標値 of the same kind (each year's, or running totals) at most 3 rows below it, when a label of
 * the other kind stands between them: a block stating both in turn.
 */
function interleavedActual(t: Label, tBottom: number, actuals: Map<number, Label[]>, targets: Map<number, Label[]>, otherActuals: Map<number, Label[]>, otherTargets: Map<number, Label[]>): Label | undefined {
  if (!otherTargets.has(t.col) && !otherActuals.has(t.col)) return undefined;
  const below = firstBelow(actuals.get(t.col), tBottom, 3);
  if (!below) return undefined;
  const next = firstBelow(targets.get(t.col), t.row, 3);
  if (next && next.row < below.row) return undefined;
  const between = below.row - t.row - 1;
  return firstBelow(otherTargets.get(t.col), t.row, between) ?? firstBelow(otherActuals.get(t.col), t.row, between) ? below : undefined;
}

/** A 実績値 label saying its figures are preliminary: `実績値(速報)`, `実績見込`, `実績値（暫定値）`. */
const PRELIMINARY = /速報|見込|暫定|概算|推計/;

/**
 * A second 実績値 row right under a block's 実績値, one of the two preliminary and the other not (`実績値(速報)` over
 * `実績値(確定)`, `実績見込` over `実績値`, or the other way round): the block states its actuals twice, and the row
 * under them is its progress. Undefined where the row under is the 実績値 of a block that puts it first (a 目標値
 * follows it), or both or neither say they are preliminary.
 */
function revisedActual(scan: SheetScan, a: Label, aBottom: number, actuals: Label[] | undefined, targets: Label[] | undefined): (Label & { preliminaryFirst: boolean }) | undefined {
  const next = firstBelow(actuals, aBottom, 1);
  if (!next || ofRunningTotals(next) !== ofRunningTotals(a)) return undefined;
  const nextBottom = scan.view.mergeAt(next.row, next.col)?.bottom ?? next.row;
  if (firstBelow(targets, nextBottom, 1)) return undefined;
  const first = PRELIMINARY.test(a.compact);
  return first !== PRELIMINARY.test(next.compact) ? { ...next, preliminaryFirst: first } : undefined;
}

// Words saying a 目標値 row states the target as first set (`目標値（当初）`) or as revised (`変更後目標値`, `目標値（見直し後）`).
const ORIGINAL_TARGET = /当初|(?:変更|修正|見直し|改定|改訂)前/;
const REVISED_TARGET = /(?:変更|修正|見直し|改定|改訂)後|再設定/;

/**
 * A target stated twice, as first set and as revised, in two 目標値 rows one right over the other (`目標値（当初）` over
 * `目標値（変更後）`, either order): both rows are the block's, and progress is worked out of the revised one. Undefined
 * where the label over `t` is no such pair with it.
 */
function revisedTarget(scan: SheetScan, t: Label, targets: Label[] | undefined): { top: number; revised: Label } | undefined {
  const above = lastAbove(targets, t.row, 3);
  if (!above || (scan.view.mergeAt(above.row, above.col)?.bottom ?? above.row) !== t.row - 1 || ofRunningTotals(above) !== ofRunningTotals(t)) return undefined;
  const original = (l: Label) => ORIGINAL_TARGET.test(l.compact) && !REVISED_TARGET.test(l.compact);
  const revised = (l: Label) => REVISED_TARGET.test(l.compact);
  if (revised(t) || (original(above) && !original(t))) return { top: above.row, revised: t };
  if (revised(above) || (original(t) && !original(above))) return { top: above.row, revised: above };
  return undefined;
}

/** A number without a unit, percent or scale of its own: the only kind of figure valueCellInUnit reads in another unit. */
function isBareNumber(p: Parsed): boolean {
  return p.kind === 'number' && p.unit === null && !p.percent && p.scaleLabel === '';
}

/** `readElsewhere`: label cells (`cellIndex`) of tables read otherwise (year-groups.ts), which start no block. */
export function detectProgressTables(scan: SheetScan, faults: Fault[], counter: { n: number }, readElsewhere: ReadonlySet<number> = new Set()): ProgressTable[] {
  const view = scan.view;
  const actuals = labelLists(scan.kind('actual'));
  const targets = labelLists(scan.kind('target'));
  const progressByCol = labelsByColumn(scan.kind('progress'));
  const beside = besideKinds(scan);
  const blocks: Block[] = [];
  // Per year header row, the last row of the last block under it (blocks come in reading order).
  const reach: Reach = { bottoms: new Map() };
  // The progress rows blocks have taken, as row × 16384 + label column.
  const taken = new Set<number>();
  // The unit notes over each header (`（単位：億円）`), by header row × 16384 + the blocks' left column, once looked for.
  const notes = new Map<number, string | undefined>();
  for (const t of scan.kind('target')) {
    if (readElsewhere.size > 0 && readElsewhere.has(cellIndex(t.row, t.col))) continue;
    if (t.compact === '計画' && besideBudgetLabel(scan, t)) continue;
    const tMerge = view.mergeAt(t.row, t.col);
    const tBottom = tMerge?.bottom ?? t.row;
    const labelRight = tMerge?.right ?? t.col;
    // A block stating each year's figures and running totals in turn (目標値 / 目標値(累計) / 実績値 / 実績値(累計)):
    // each year's 目標値 pairs with each year's 実績値, running totals with running totals. Any other block (one of
    // running totals under a plain 実績値, `目標値(累計) / 実績値 / 進捗度`, included) pairs as labels come.
    const running = ofRunningTotals(t);
    const interleaved = running ? interleavedActual(t, tBottom, actuals.running, targets.running, actuals.yearly, targets.yearly) : interleavedActual(t, tBottom, actuals.yearly, targets.yearly, actuals.running, targets.running);
    const mixed = interleaved !== undefined;
    const a = interleaved ?? pairedActual(scan, t, tBottom, actuals.all.get(t.col), targets.all.get(t.col), progressByCol.get(t.col));
    if (!a) continue;
    const aBottom = view.mergeAt(a.row, a.col)?.bottom ?? a.row;
    const revised = mixed ? undefined : revisedActual(scan, a, aBottom, actuals.all.get(t.col), targets.all.get(t.col));
    const revision = a.row > t.row ? revisedTarget(scan, t, targets.all.get(t.col)) : undefined;
    // The row the targets are read from: the revised one of a target stated twice.
    const targetLabel = revision?.revised ?? t;
    // The block's first and last rows of its 目標値 and 実績値 (実績値 may come first).
    const top = Math.min(revision?.top ?? t.row, a.row);
    const pairBottom = Math.max(tBottom, revised ? (view.mergeAt(revised.row, revised.col)?.bottom ?? revised.row) : aBottom);
    // Another block's labels in these rows mark a table beside this one: its columns are not this block's.
    const { left, right } = besideLabels(beside, top, pairBottom, t.col, labelRight);
    let { columns, headerRow } = yearColumns(scan, t.row, a.row, labelRight, right, reach);
    // Labels right of the years (`数値目標(1) 投資額 | H29 | H30 | R1 | 目標値`): the years left of them.
    if (columns.length === 0) ({ columns, headerRow } = yearsLeftOfLabels(scan, t.row, a.row, left, t.col));
    if (columns.length === 0) {
      faults.push({ sheet: view.name, cell: a1(t.row, t.col), reason: 'block-without-years' });
      continue;
    }
    // Columns without years, each headed by a target of its own (`| 数値目標(1)-① | 数値目標(1)-② |` over 当該年度目標値 /
    // 当該年度実績値 rows): a summary on its side (summary.ts), not one target's years.
    if (headerRow === null && columns.length >= 2 && idsHeadColumns(scan, top, columns)) continue;
    const firstValueCol = columns[0].col;
    // The progress row: a 進捗度 row just above that no block above has taken (進捗度 / 目標値 / 実績値), else the one below.
    const onTop = lastAbove(progressByCol.get(t.col), top, 3);
    const onTopRow = onTop && (view.mergeAt(onTop.row, onTop.col)?.bottom ?? onTop.row) === top - 1 && !taken.has(onTop.row * 16384 + t.col) ? onTop.row : null;
    const below = () => {
      let row = findProgressRow(scan, pairBottom + 1, left, t.col, firstValueCol, columns, t.row, a.row) ?? progressPastOtherRows(scan, pairBottom + 1, t.col, mixed ? running : undefined);
      // A block stating both in turn states both progresses after them (進捗度 / 進捗度(累計)): the other's row right
      // under this block's 実績値 gives way to this block's own after it.
      if (row !== null && mixed && scan.shownKind(row, t.col) === 'progress' && showsRunningTotals(scan, row, t.col) !== running) row = progressPastOtherRows(scan, pairBottom + 1, t.col, running, taken);
      // A row marked as an aid to the calculation (`進捗率（計算用）` of =D5/D4) over the row stating the progress
      // (`進捗度(%)`): the latter is the block's; the aid is the block's only when no such row follows it.
      if (row !== null && isAidRow(scan, row, left, firstValueCol)) row = statedUnderAid(scan, row, left, t.col, firstValueCol, columns, t.row, a.row) ?? row;
      // Where a column states both, a 進捗度 of running totals is the running totals' block's, any other the year's.
      return row !== null && mixed && scan.shownKind(row, t.col) === 'progress' && showsRunningTotals(scan, row, t.col) !== running ? null : row;
    };
    // An aid row right over the block (the block above's `進捗率（計算用）`) gives way to a row under 実績値 stating the progress.
    const stated = onTopRow !== null && isAidRow(scan, onTopRow, left, firstValueCol) ? below() : null;
    let progressRow = (stated !== null && !isAidRow(scan, stated, left, firstValueCol) ? stated : onTopRow) ?? below();
    // A 進捗度 row on top that names an indicator and no target (`評価指標(1) 産業集積 | 進捗度 | 115%`) may state the
    // indicator's progress: with one labelled 進捗度 under 実績値 too, the one whose figures are actual ÷ target × 100
    // is the block's, the one under when both agree as much (an indicator of one target states its target's
    // progress, as it does once the recalculation has rewritten it). Only labels open the question: figures alone
    // would let a recalculation's writes move a block's progress row.
    let indicatorOnTop: number | undefined;
    if (onTopRow !== null && progressRow === onTopRow && statesIndicator(scan, onTopRow, left, t.col, firstValueCol, headerRow)) {
      const under = below();
      if (under !== null && scan.shownKind(under, t.col) === 'progress') {
        const fromUnder = agreeing(scan, under, columns, t.row, a.row);
        const fromTop = agreeing(scan, onTopRow, columns, t.row, a.row);
        if (fromUnder > fromTop || (fromUnder === fromTop && fromUnder > 0)) {
          progressRow = under;
          indicatorOnTop = onTopRow;
        }
      }
    }
    // `計画` over `実績` alone may be any plan beside its result (a project's spending by stage): a block only with a
    // progress row labelled so (`達成率`).
    if (t.compact === '計画' && (progressRow === null || scan.shownKind(progressRow, t.col) !== 'progress')) continue;
    if (progressRow !== null) taken.add(progressRow * 16384 + t.col);
    const blockTop = Math.min(top, progressRow ?? top);
    const progressBottom = progressRow === null || progressRow < top ? pairBottom : view.mergeAt(progressRow, t.col)?.bottom ?? progressRow;
    // A 寄与度 row of its own under the progress row belongs to the block.
    const weightRow = progressRow !== null && progressRow > pairBottom ? weightRowUnder(scan, progressBottom + 1, left, t.col, columns) : undefined;
    // So does a `累計進捗度` row right under it: the progress of the running totals, year by year.
    const runningRow = progressRow !== null && progressRow > pairBottom && !weightRow ? runningProgressUnder(scan, progressBottom + 1, t.col) : undefined;
    // Taken, it is no progress row of the block under it.
    if (runningRow !== undefined) taken.add(runningRow * 16384 + t.col);
    // A row of the target's part of its indicator's progress under it (`寄与度×進捗度`) is the block's, checked as weight × progress.
    const ownRowsEnd = weightRow?.bottom ?? runningRow ?? progressBottom;
    const partsEnd = weightedProgressRow(scan, ownRowsEnd + 1, t.col) ? ownRowsEnd + 1 : ownRowsEnd;
    // A row under it stating the plan's cumulative goal in one cell (`目標値（累計） | 475億円`) is the block's too.
    const goalRow = goalRowUnder(scan, partsEnd + 1, t.col, columns);
    const lastRow = goalRow?.bottom ?? partsEnd;
    if (headerRow !== null) reach.bottoms.set(headerRow, Math.max(reach.bottoms.get(headerRow) ?? lastRow, lastRow));
    const ids = findIds(scan, blockTop, lastRow, left, t.col, labelRight, columns, headerRow, mixed ? running : undefined);
    // Rows labelled with their target's id (`数値目標(1)-① 目標値`): the id in the label.
    if (!ids.target) {
      const own = scan.targetIdIn(t.text);
      if (own) ids.target = { row: t.row, col: t.col, text: t.text, end: own.end, id: own.id };
    }
    let id: TargetId;
    let idInferred = false;
    if (ids.target) id = ids.target.id;
    else if (ids.indicator) id = ids.indicator.written ? { ...indicatorOnlyId(ids.indicator.indicator), written: ids.indicator.written } : indicatorOnlyId(ids.indicator.indicator);
    else {
      counter.n++;
      id = { indicator: `?${counter.n}`, display: `?${counter.n}`, key: `?${counter.n}` };
      idInferred = true;
    }
    const nameCell = idInferred ? unreadName(scan, blockTop, lastRow, left, t.col) : undefined;
    const labelCell = ids.target ?? ids.indicator;
    const labelRef = labelCell ? scan.ref(labelCell.row, labelCell.col) : null;
    const goalSource = ids.target ?? ids.indicator;
    const unreadGoal: ValueCell[] = [];
    const goals = goalSource ? readGoals(goalSource.text.slice(goalSource.end), scan.ref(goalSource.row, goalSource.col), columns.map((c) => c.year), unreadGoal) : undefined;
    let goal = goals?.goal;
    let totalCols = headerRow === null ? [] : cumulativeColumns(scan, headerRow, columns, labelRight, right);
    const totalCol = totalCols.length === 0 ? null : Math.max(...totalCols.map((c) => c.col));
    if (!goal) goal = goalInBlock(scan, blockTop, lastRow, left, firstValueCol, goalSource, headerRow, unreadGoal);
    if (!goal && goalRow) goal = goalRow.goal;
    // An id over the block's header: its goal may be on a line of its own under it (`目標：283億円（累計）`).
    if (!goal && goalSource && goalSource.row < blockTop - 1) goal = goalInBlock(scan, goalSource.row + 1, blockTop - 1, left, firstValueCol, goalSource, null, unreadGoal);
    // Or in a cell of its own on the id's row over the years (`数値目標(1) 投資額 | | 目標：475億円（累計）`), which holds no figures.
    if (!goal && goalSource && headerRow !== null && goalSource.row < headerRow) goal = goalInBlock(scan, goalSource.row, goalSource.row, left, view.rowWidth(goalSource.row), goalSource, null, unreadGoal) ?? goalBesideLabel(scan, goalSource.row, left, unreadGoal);
    if (!goal && headerRow !== null) goal = goalRightOfYears(scan, t.row, headerRow, columns, totalCol, right, unreadGoal);
    const startLevels = periodStartColumns(columns, goal, totalCols, headerRow === null ? () => false : (col) => startsPeriodHead(scan, headerRow!, col));
    if (startLevels !== columns) {
      columns = startLevels;
      if (headerRow !== null) totalCols = cumulativeColumns(scan, headerRow, columns, labelRight, right);
    }
    // A unit written once for the block's plain numbers: in the row's label, in the target's name, in a note, or in the
    // goal when it has a scale (`投資額 475億円（累計）` over 115 | 81 | …: amounts in whole 億円, rounded as shown).
    let blockUnit: string | null | undefined = null;
    const unitOf = (label: string) => {
      const own = unitInParentheses(label);
      if (own !== undefined) return own;
      if (blockUnit === null) {
        blockUnit = labelCell ? unitInParentheses(labelCell.text) : undefined;
        if (blockUnit === undefined && headerRow !== null) {
          const key = headerRow * 16384 + left;
          if (!notes.has(key)) notes.set(key, unitNote(scan, headerRow, left, columns[columns.length - 1].col));
          blockUnit = notes.get(key);
        }
        if (blockUnit === undefined && goal && goal.value.scaleLabel !== '') blockUnit = goal.value.scaleLabel + (goal.value.unit ?? '');
      }
      return blockUnit;
    };
    // A row's cells; given the row's label, its numbers without a unit of their own are read in the unit unitOf finds.
    // That unit is looked for at the first such number only: most tables write each figure's unit in its cell
    // (`149億円`), and the target's title, a text of its own, would be read for it in every block for nothing.
    const cells = (row: number, label?: string) => {
      let unit: string | null | undefined = null;
      return columns.map((c) => {
        if (c.unitCol !== undefined) return scan.valueCellWithUnit(row, c.col, c.unitCol);
        const cell = scan.valueCell(row, c.col);
        if (label === undefined || !isBareNumber(cell.parsed)) return cell;
        if (unit === null) unit = unitOf(label);
        return unit === undefined ? cell : scan.valueCellInUnit(row, c.col, unit);
      });
    };
    const target = cells(targetLabel.row, targetLabel.text);
    let actual = cells(a.row, a.text);
    const progress = progressRow === null ? null : cells(progressRow);
    if (revised) {
      // Each year's final figure where it is given, else its preliminary one where a progress is stated of it (a
      // forecast for a year to come, its progress left blank, asks for none).
      const second = cells(revised.row, revised.text);
      const [preliminary, final] = revised.preliminaryFirst ? [actual, second] : [second, actual];
      actual = final.map((c, i) => (c.parsed.kind === 'blank' && progress !== null && progress[i].parsed.kind !== 'blank' ? preliminary[i] : c));
    }
    const { mode, source } = decideMode(goal ?? null, target, columns, isRunningTotalLabel(t.text));
    const numeric: NumericTarget = {
      id,
      idInferred,
      label: labelCell ? labelCell.text.trim() : '',
      labelRef,
      ...(nameCell && { unreadId: nameCell }),
      goal: goal ?? null,
      ...(goals && goals.others.length > 0 && { otherGoals: goals.others }),
      mode,
      modeSource: source,
      weight:
        weightRow?.weight ??
        findWeight(scan, blockTop, lastRow, left, firstValueCol) ??
        (ids.target ? weightOverBlock(scan, ids.target.row, blockTop, headerRow, left, right) : null) ??
        (headerRow === null ? null : weightInColumn(scan, t.row, headerRow, columns, { left, col: t.col, right: labelRight }, right)),
      ...(weightRow?.yearWeights && { yearWeights: weightRow.yearWeights }),
      columns,
      target,
      actual,
      progress,
      totals:
        totalCols.length === 0
          ? undefined
          : totalCols.map(({ col, of }) => ({
              target: scan.valueCell(targetLabel.row, col),
              actual: scan.valueCell(a.row, col),
              ...totalProgress(scan, headerRow!, col, t.col, [targetLabel.row, a.row, progressRow], progressBottom + 1),
              ...(of && { of }),
            })),
      rows: { target: targetLabel.row, actual: a.row, progress: progressRow },
      ...(!goal && unreadGoal.length > 0 && { unreadGoal: unreadGoal[0] }),
      ...(runningRow !== undefined && { runningProgress: columns.map((c) => scan.valueCell(runningRow, c.col)) }),
      ...(partsEnd > ownRowsEnd && { weightedProgress: columns.map((c) => scan.valueCell(partsEnd, c.col)) }),
    };
    // The indicator's weighted progress stated in a row of its own under its last block (`評価指標(1)の進捗度`), or
    // over its first one (`評価指標(1) 産業集積 | 進捗度`).
    const indicatorRow =
      (indicatorOnTop !== undefined && statesIndicator(scan, indicatorOnTop, left, t.col, firstValueCol, headerRow, id.indicator) ? { row: indicatorOnTop, indicator: id.indicator } : undefined) ??
      findIndicatorRow(scan, lastRow + 1, left, t.col, firstValueCol, id.indicator);
    const indicatorCells = indicatorRow ? columns.map((c) => ({ indicator: indicatorRow.indicator, year: c.year, cell: scan.valueCell(indicatorRow.row, c.col) })) : [];
    if (indicatorRow) taken.add(indicatorRow.row * 16384 + t.col);
    const minCol = Math.min(t.col, labelCell?.col ?? t.col);
    // A goal or weight in a column of its own right of the years is part of the table.
    // So is a 累計進捗度 column beside the 累計 one.
    const besideCols = [goal?.ref, numeric.weight?.ref, ...(numeric.totals ?? []).map((c) => c.progress?.ref)].map((ref) => (ref && ref.row >= blockTop && ref.row <= lastRow ? ref.col : 0));
    const maxCol = Math.max(totalCol ?? 0, columns[columns.length - 1].col, labelRight, ...besideCols);
    blocks.push({
      target: numeric,
      headerRow,
      range: { top: Math.min(headerRow ?? blockTop, labelCell?.row ?? blockTop, indicatorRow?.row ?? blockTop), left: minCol, bottom: Math.max(indicatorRow?.row ?? lastRow, lastRow), right: maxCol },
      indicatorCells,
      labelCol: t.col,
      runningLabel: isRunningTotalLabel(t.text),
    });
    // Each label over two rows, `単年度` and `累計` beside them (目標値 merged over 単年度 | 累計): the second rows are the
    // target's running totals, as `目標値（累計）` rows are.
    const runningRows = mixed ? undefined : runningRowsBeside(scan, t.col, labelRight, firstValueCol, [t.row, a.row, progressRow]);
    if (runningRows) {
      const runningTarget = cells(runningRows[0], t.text);
      const { mode: runningMode, source: runningSource } = decideMode(goal ?? null, runningTarget, columns, true);
      blocks.push({
        target: {
          ...numeric,
          mode: runningMode,
          modeSource: runningSource,
          target: runningTarget,
          actual: cells(runningRows[1], a.text),
          progress: runningRows[2] === null ? null : cells(runningRows[2]),
          totals: undefined,
          weightedProgress: undefined,
          rows: { target: runningRows[0], actual: runningRows[1], progress: runningRows[2] },
        },
        headerRow,
        range: { ...blocks[blocks.length - 1].range },
        indicatorCells: [],
        labelCol: t.col,
        runningLabel: true,
      });
    }
  }
  return groupBlocks(scan.view.name, joinWrappedYears(blocks));
}

/**
 * The rows of running totals of a block whose 目標値 and 実績値 labels (and its 進捗度 label, if any) are each merged over
 * two rows beside `単年度` | `累計` in the column after them: the second row of each, null for a 進捗度 not so split.
 */
function runningRowsBeside(scan: SheetScan, labelCol: number, labelRight: number, firstValueCol: number, rows: [number, number, number | null]): [number, number, number | null] | undefined {
  const q = labelRight + 1;
  if (q >= firstValueCol) return undefined;
  const second = (row: number): number | undefined => {
    const m = scan.view.mergeAt(row, labelCol);
    if (!m || m.top !== row || m.bottom !== row + 1) return undefined;
    return /^(単|各)?年度?(値|分)?$/.test(scan.shownText(row, q)) && /^累計値?$/.test(scan.shownText(row + 1, q)) ? row + 1 : undefined;
  };
  const target = second(rows[0]);
  const actual = second(rows[1]);
  if (target === undefined || actual === undefined) return undefined;
  return [target, actual, rows[2] === null ? null : (second(rows[2]) ?? null)];
}

/**
 * A long plan's years wrapped onto a second band (`H28 … R2` over the blocks, then `R3 … R7` over their 目標値 /
 * 実績値 / 進捗度 rows again, no id repeated): the band's blocks, naming no target, right under the blocks of a header
 * whose years they go on from, one for one in the same label column, are those targets' later years.
 */
function joinWrappedYears(blocks: Block[]): Block[] {
  const bands: Block[][] = [];
  for (const b of blocks) {
    const band = bands[bands.length - 1];
    if (band && band[0].headerRow !== null && band[0].headerRow === b.headerRow) band.push(b);
    else bands.push([b]);
  }
  const joined: Block[] = [];
  let previous: Block[] | undefined;
  for (const band of bands) {
    if (previous && continuesYears(previous, band)) {
      band.forEach((b, k) => joinBlock(previous![k], b));
      continue;
    }
    joined.push(...band);
    previous = band;
  }
  return joined;
}

/** Whether a band of blocks goes on with the years of the band above, block for block. */
function continuesYears(above: Block[], band: Block[]): boolean {
  const bottom = Math.max(...above.map((p) => p.range.bottom));
  const header = band[0].headerRow;
  // The band's header right under the blocks above, a blank row between at most.
  if (header === null || above[0].headerRow === null || header <= bottom || header > bottom + 2 || band.length !== above.length) return false;
  return band.every((b, k) => {
    const p = above[k];
    const before = p.target;
    const after = b.target;
    if (!after.idInferred || b.labelCol !== p.labelCol || b.runningLabel !== p.runningLabel) return false;
    if ((before.progress === null) !== (after.progress === null) || before.yearWeights || after.yearWeights || before.totals) return false;
    const last = before.columns[before.columns.length - 1]?.year;
    const first = after.columns[0]?.year;
    return last !== null && last !== undefined && first !== null && first !== undefined && first === last + 1;
  });
}

/** Appends a wrapped band's block to the block of the same target above it. */
function joinBlock(p: Block, b: Block): void {
  const t = p.target;
  const later = b.target;
  const offset = t.columns.length;
  t.columns = [...t.columns, ...later.columns];
  t.target = [...t.target, ...later.target];
  t.actual = [...t.actual, ...later.actual];
  t.progress = t.progress && later.progress ? [...t.progress, ...later.progress] : null;
  if (later.totals) t.totals = later.totals.map((c) => (c.of ? { ...c, of: c.of.map((k) => k + offset) } : c));
  ({ mode: t.mode, source: t.modeSource } = decideMode(t.goal, t.target, t.columns, p.runningLabel));
  p.indicatorCells.push(...b.indicatorCells);
  p.range = { top: p.range.top, left: Math.min(p.range.left, b.range.left), bottom: Math.max(p.range.bottom, b.range.bottom), right: Math.max(p.range.right, b.range.right) };
}

// Blocks under one header share its year columns (the header's cells are one array per scan).
const columnsOfHeader = new WeakMap<YearCell[], YearColumn[]>();

/** How far a year header reaches down, in rows: from the header itself, or from the last block under it. */
const HEADER_REACH = 80;

/**
 * Per year header row, the last row of the last block under it; and, once a gap between blocks asks for it, per row
 * how many rows above it are quiet (quietRows).
 */
interface Reach {
  bottoms: Map<number, number>;
  quiet?: Int32Array;
}

/**
 * Per row, how many rows above it hold nothing of a table (`quiet[r]`, rows 0 to r - 1): no number, no label, no year
 * header. Blank rows are quiet, and so are rows of text: the form's sections under each block (代替指標…,
 * 目標達成の考え方…) written out at length or merged over many rows. One pass over the sheet's cells.
 */
function quietRows(scan: SheetScan): Int32Array {
  const rows = scan.view.sheet.rows;
  const count = Math.max(scan.view.rowCount, rows.length);
  const loud = new Uint8Array(count);
  for (const l of scan.labels) loud[l.row] = 1;
  for (const r of scan.yearRowList) loud[r] = 1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || loud[r] === 1) continue;
    const columns = sparseColumns(row);
    for (let k = 0, n = columns ? columns.length : row.length; k < n; k++) {
      const cell = row[columns ? columns[k] : k];
      if (cell && scan.parse(cell).kind === 'number') {
        loud[r] = 1;
        break;
      }
    }
  }
  const quiet = new Int32Array(count + 1);
  for (let r = 0; r < count; r++) quiet[r + 1] = quiet[r] + 1 - loud[r];
  return quiet;
}

/**
 * The header of a block further than HEADER_REACH below it: the nearest year header above, when
 * the blocks under it run down to within HEADER_REACH rows of this one (one header over a long
 * list of targets). Quiet rows between the last of them and this block (quietRows: blank, or text
 * only, as the form's sections merged over dozens of rows under each block) do not count: what
 * lies between matters, not how many rows it takes. A block far below a header with nothing of
 * its own in between gets none.
 */
function chainedHeader(scan: SheetScan, targetRow: number, labelRight: number, beforeCol: number, reach: Reach): YearCell[] | undefined {
  let nearest = -1;
  for (const [row, bottom] of reach.bottoms) {
    let distance = targetRow - bottom;
    if (distance > HEADER_REACH) {
      reach.quiet ??= quietRows(scan);
      distance -= reach.quiet[targetRow] - reach.quiet[bottom + 1];
    }
    // Blocks come in reading order: a header no block reached in the last HEADER_REACH rows (quiet ones aside) is
    // out of reach for good.
    if (distance > HEADER_REACH) reach.bottoms.delete(row);
    else if (row < targetRow && row > nearest) nearest = row;
  }
  if (nearest < 0) return undefined;
  const header = scan.headerAbove(targetRow, labelRight, targetRow - nearest, beforeCol);
  return header && header[0].row === nearest ? header : undefined;
}

/**
 * Whether a label shows a budget table's row label left of it (`国予算(a) | 計画`, merged down over its stages or not):
 * `計画` over `実績` is a plan and its result, and starts a block, but not as the stage of a budget table's part.
 */
function besideBudgetLabel(scan: SheetScan, l: Label): boolean {
  for (let c = 0; c < l.col; c++) {
    if (isBudgetRowKind(scan.shownKind(l.row, c))) return true;
  }
  return false;
}

/** The labels besideLabels looks at, each list in reading order (as the scan lists them): looked up by rows. */
interface BesideKinds {
  blocks: Label[][];
  budgets: Label[][];
}

function besideKinds(scan: SheetScan): BesideKinds {
  return { blocks: [scan.kind('target'), scan.kind('actual')], budgets: BUDGET_ROW_KINDS.map((kind) => scan.kind(kind)) };
}

/** The index of the first label of a row-sorted list in row `row` or below it (binary search). */
function firstFrom(list: Label[], row: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The columns of the 目標値 / 実績値 labels of other blocks in a block's rows: the nearest left of
 * its label (`left` is the column after it, 0 when there is none) and right of it (`right`,
 * Infinity when there is none). Tables side by side (targets (1) left, (2) right, one year header
 * row) keep their ids, weights and years apart by them.
 */
function besideLabels(kinds: BesideKinds, targetRow: number, actualRow: number, labelCol: number, labelRight: number): { left: number; right: number } {
  let left = 0;
  let right = Infinity;
  // The rows' labels by a search in each list, not a lookup per row and kind: a block's few rows, for every block.
  for (const list of kinds.blocks) {
    for (let i = firstFrom(list, targetRow); i < list.length && list[i].row <= actualRow; i++) {
      const l = list[i];
      if (l.col < labelCol) left = Math.max(left, l.col + 1);
      else if (l.col > labelRight) right = Math.min(right, l.col);
    }
  }
  // A budget table's row labels (`国予算(a)(実績)`, `総事業費(a+b)`, `件数`) right of the block: a table beside it.
  for (const list of kinds.budgets) {
    for (let i = firstFrom(list, targetRow); i < list.length && list[i].row <= actualRow; i++) if (list[i].col > labelRight) right = Math.min(right, list[i].col);
  }
  return { left, right };
}

/**
 * The year columns of a block whose labels stand right of its years, under the nearest header above: only with the
 * block's own id (a 数値目標 or 評価指標) in its 目標値 row left of the years, so that a block never takes the years of
 * another block beside it.
 */
function yearsLeftOfLabels(scan: SheetScan, targetRow: number, actualRow: number, left: number, labelCol: number): { columns: YearColumn[]; headerRow: number | null } {
  const none = { columns: [], headerRow: null };
  const header = scan.headerAbove(targetRow, left - 1, HEADER_REACH, labelCol);
  if (!header || header[0].col <= left) return none;
  let named = false;
  for (let c = left; c < header[0].col && !named; c++) {
    const v = scan.view.shown(targetRow, c).cell?.value;
    named = typeof v === 'string' && (scan.targetIdIn(v) !== undefined || scan.indicatorIdIn(v) !== undefined);
  }
  if (!named) return none;
  let cols = columnsOfHeader.get(header);
  if (!cols) columnsOfHeader.set(header, (cols = withUnitColumns(scan, header, targetRow, actualRow)));
  const hasValue = cols.some((c) => scan.parse(scan.view.raw(targetRow, c.col)).kind === 'number' || scan.parse(scan.view.raw(actualRow, c.col)).kind === 'number');
  return hasValue ? { columns: cols, headerRow: header[0].row } : none;
}

/** Year columns from the nearest header above; without one, the columns that hold numbers. */
function yearColumns(scan: SheetScan, targetRow: number, actualRow: number, labelRight: number, beforeCol: number, reach: Reach): { columns: YearColumn[]; headerRow: number | null } {
  const header = scan.headerAbove(targetRow, labelRight, HEADER_REACH, beforeCol) ?? chainedHeader(scan, targetRow, labelRight, beforeCol, reach);
  if (header) {
    let cols = columnsOfHeader.get(header);
    if (!cols) columnsOfHeader.set(header, (cols = withUnitColumns(scan, header, targetRow, actualRow)));
    const hasValue = cols.some((c) => scan.parse(scan.view.raw(targetRow, c.col)).kind === 'number' || scan.parse(scan.view.raw(actualRow, c.col)).kind === 'number');
    if (hasValue) return { columns: cols, headerRow: header[0].row };
  }
  const cols: YearColumn[] = [];
  const width = Math.min(Math.max(scan.view.rowWidth(targetRow), scan.view.rowWidth(actualRow)), labelRight + 41, beforeCol);
  let gap = 0;
  for (let c = labelRight + 1; c < width; c++) {
    const kinds = [scan.parse(scan.view.raw(targetRow, c)).kind, scan.parse(scan.view.raw(actualRow, c)).kind];
    if (kinds.includes('number')) {
      cols.push({ col: c, year: null, baseline: false, header: '' });
      gap = 0;
    } else if (kinds.every((k) => k === 'blank') && cols.length > 0 && ++gap <= 2) {
      cols.push({ col: c, year: null, baseline: false, header: '' });
    } else if (cols.length > 0) break;
  }
  while (cols.length > 0 && [targetRow, actualRow].every((r) => scan.parse(scan.view.raw(r, cols[cols.length - 1].col)).kind === 'blank')) cols.pop();
  return { columns: cols, headerRow: null };
}

/**
 * The year columns of a header. A year merged over two columns, the first holding the block's
 * numbers and the second their unit (`100 | 社`), is one year column whose values take that unit;
 * otherwise each year cell is a column (as the reader spreads a merged year over its cells).
 * A year merged over several columns (方眼紙 sheets) takes as its column the one under it where
 * the block's numbers are (valueOffsets).
 */
function withUnitColumns(scan: SheetScan, header: YearCell[], targetRow: number, actualRow: number): YearColumn[] {
  const view = scan.view;
  const columns: YearColumn[] = [];
  const unitsCol = unitsColumn(scan, header, targetRow, actualRow);
  const offsets = valueOffsets(scan, header, targetRow, actualRow);
  for (let i = 0; i < header.length; i++) {
    const h = header[i];
    if (offsets[i] > 0) {
      columns.push({ col: h.col + offsets[i], year: h.fy.year, baseline: h.fy.baseline, header: h.header, ...(unitsCol === undefined ? {} : { unitCol: unitsCol }) });
      continue;
    }
    const column: YearColumn = { col: h.col, year: h.fy.year, baseline: h.fy.baseline, header: h.header, ...(unitsCol === undefined ? {} : { unitCol: unitsCol }) };
    columns.push(column);
    if (unitsCol !== undefined) continue;
    const merge = view.mergeAt(h.row, h.col);
    const next = header[i + 1];
    if (!merge || merge.left !== h.col || merge.right !== h.col + 1) continue;
    const rows = [targetRow, actualRow];
    const unitsBeside = rows.every((r) => {
      const unit = view.raw(r, h.col + 1)?.value;
      return unit === undefined || unit === null || (typeof unit === 'string' && isUnitText(unit));
    });
    const someUnit = rows.some((r) => typeof view.raw(r, h.col + 1)?.value === 'string');
    if (unitsBeside && someUnit) {
      column.unitCol = h.col + 1;
      // A source that copies a merged area's value (exceljs does; Office.js and Hyoka's reader do not) shows the year in its second cell too.
      if (next?.col === h.col + 1) i++;
    }
  }
  return columns;
}

/**
 * Per year cell of a header, which column of the area it is merged over holds the block's values, counted from its
 * left: a grid of narrow columns (方眼紙) with `平成29年度` merged over two and the figures typed, unmerged, in the
 * right one. The column where the 目標値 / 実績値 rows hold numbers; the left one when several or none do (`100 | 社`
 * keeps its value column), unless the header's other years agree on one column: a year whose figures are all blank
 * (one still to come) is read where the others are.
 */
function valueOffsets(scan: SheetScan, header: YearCell[], targetRow: number, actualRow: number): number[] {
  const view = scan.view;
  const offsets: number[] = header.map(() => 0);
  if (!view.hasMerges) return offsets;
  const undecided: number[] = [];
  let agreed: number | undefined;
  let disagree = false;
  for (let i = 0; i < header.length; i++) {
    const h = header[i];
    const merge = view.mergeAt(h.row, h.col);
    if (!merge || merge.left !== h.col || merge.right === h.col) continue;
    const right = Math.min(merge.right, (header[i + 1]?.col ?? Infinity) - 1);
    const holding: number[] = [];
    for (let c = h.col; c <= right; c++) {
      if ([targetRow, actualRow].some((r) => view.shown(r, c).col === c && scan.parse(view.raw(r, c)).kind === 'number')) holding.push(c - h.col);
    }
    if (holding.length === 0) {
      undecided.push(i);
      continue;
    }
    const offset = holding.length === 1 ? holding[0] : 0;
    offsets[i] = offset;
    if (agreed === undefined) agreed = offset;
    else if (agreed !== offset) disagree = true;
  }
  if (agreed !== undefined && agreed > 0 && !disagree) {
    for (const i of undecided) {
      const h = header[i];
      const merge = view.mergeAt(h.row, h.col)!;
      if (h.col + agreed <= Math.min(merge.right, (header[i + 1]?.col ?? Infinity) - 1)) offsets[i] = agreed;
    }
  }
  return offsets;
}

/**
 * A column headed 単位 left of the years whose cells in the block's rows are units or blank (`目標値 | 億円 | 115`):
 * each row's numbers take the unit beside them.
 */
function unitsColumn(scan: SheetScan, header: YearCell[], targetRow: number, actualRow: number): number | undefined {
  const view = scan.view;
  for (let c = header[0].col - 1; c >= 0; c--) {
    const text = view.raw(header[0].row, c)?.value;
    if (typeof text !== 'string' || !/^[(（]?単位[)）:：]?$/.test(compact(text))) continue;
    const units = [targetRow, actualRow].map((r) => view.raw(r, c)?.value);
    const unitsOrBlank = units.every((u) => u === undefined || u === null || (typeof u === 'string' && (isBlankText(u) || isUnitText(u))));
    return unitsOrBlank && units.some((u) => typeof u === 'string' && u.trim() !== '') ? c : undefined;
  }
  return undefined;
}

/**
 * The 累計 columns of a block's header row and the years each adds up (periodTotals); one before the years
 * (`累計 | H29 … R3`) adds up every year shown.
 */
function cumulativeColumns(scan: SheetScan, headerRow: number, columns: YearColumn[], labelRight: number, beforeCol: number): { col: number; of?: number[] }[] {
  const inRow = scan.inRow('cumulative', headerRow);
  const leading = inRow.filter((l) => l.col < columns[0].col && l.col > labelRight).map((l) => ({ col: l.col }));
  return [...leading, ...periodTotals(inRow.filter((l) => l.col > columns[0].col && l.col > labelRight && l.col < beforeCol), columns)];
}

/**
 * The cell stating a 累計 column's progress: its own in the progress row; where that is blank or the block has no
 * progress row, the one a `累計進捗度` column right after it states (in the progress row, or in the block's first row, as
 * a cell merged over them is read), else the 累計 column's in a `累計進捗度` row right under the progress row.
 */
function totalProgress(scan: SheetScan, headerRow: number, col: number, labelCol: number, [targetRow, actualRow, progressRow]: [number, number, number | null], below: number): { progress?: ValueCell } {
  const own = progressRow === null ? undefined : scan.valueCell(progressRow, col);
  if (own && own.parsed.kind !== 'blank') return { progress: own };
  const column = scan.inRow('progress', headerRow).find((l) => l.col === col + 1 && l.compact.includes('累計'));
  if (column) {
    for (const row of [progressRow, targetRow, actualRow]) {
      const cell = row === null ? undefined : scan.valueCell(row, column.col);
      if (cell && cell.parsed.kind !== 'blank') return { progress: cell };
    }
  }
  if (progressRow !== null && below < scan.view.rowCount && scan.shownKind(below, labelCol) === 'progress' && scan.shownText(below, labelCol).includes('累計')) {
    const cell = scan.valueCell(below, col);
    if (cell.parsed.kind !== 'blank') return { progress: cell };
  }
  return own ? { progress: own } : {};
}

/**
 * A plan period's columns with the year before it as its starting level, a baseline column (as `当初(令和3年度)`): the
 * first column of a table whose goal names its period (`500億円（令和4～8年度累計）` over `R3 | R4 … R8`), and a year
 * shown again where the next period starts (`H29 … R3 | 累計 | R3 R4 R5 | 累計`, the years after it following on), which
 * neither a period's sums nor its 累計 column count twice. The columns themselves where there is none.
 */
function periodStartColumns(columns: YearColumn[], goal: PlanGoal | undefined, totals: { col: number }[], startsHead: (col: number) => boolean): YearColumn[] {
  const period = goal?.cumulative ? goalPlanPeriod(goal) : undefined;
  const from = period?.to != null ? period.to - period.years + 1 : null;
  const starts = (k: number) => {
    const c = columns[k];
    if (c.baseline || c.year === null || columns[k + 1]?.year !== c.year + 1) return false;
    if (k === 0) return from !== null && c.year === from - 1;
    // Shown before, with a 累計 column between, a period's head over it (`第2期計画` over `R3 R4 R5`) or other years: a
    // year's own column and its forecast beside it (`R5 | R5(見込)`) are no period's start.
    const between = totals.some((x) => x.col > columns[k - 1].col && x.col < c.col);
    return columns.some((o, j) => j < k && o.year === c.year) && (between || columns[k - 1].year !== c.year || startsHead(c.col));
  };
  if (!columns.some((_, k) => starts(k))) return columns;
  return columns.map((c, k) => (starts(k) ? { ...c, baseline: true } : c));
}

/** Whether a plan period's head (`第2期`, `第2期計画（R4～R8）`) over a table's years starts at `col`, in the row above its year header. */
function startsPeriodHead(scan: SheetScan, headerRow: number, col: number): boolean {
  if (headerRow === 0) return false;
  const shown = scan.view.shown(headerRow - 1, col);
  return shown.col === col && /^第[\d一二三四五]+期/.test(scan.shownText(headerRow - 1, col));
}

/** A `累計進捗度` (or `進捗度（累計）`) row at `row`, labelled in the block's label column. */
function runningProgressUnder(scan: SheetScan, row: number, labelCol: number): number | undefined {
  return row < scan.view.rowCount && scan.shownKind(row, labelCol) === 'progress' && scan.shownText(row, labelCol).includes('累計') ? row : undefined;
}

/** A note opening a cell: `※R4は速報値`, `＊1 …`, `注1 …`, `（注）…`. */
const NOTE_OPENING = /^\s*(?:[※＊*]|[(（]\s*注|注\s*[0-9０-９:：.．、)）])/;

/**
 * Whether a row holds nothing but notes (`※R4は速報値`), in its label cells or written over the years, as offices
 * put one between 実績値 and 進捗度.
 */
function isNoteRow(scan: SheetScan, row: number, left: number, columns: YearColumn[]): boolean {
  let note = false;
  for (let c = left, right = columns[columns.length - 1].col; c <= right; c++) {
    const shown = scan.view.shown(row, c);
    if (shown.row !== row || shown.col !== c) continue;
    const text = cellText(shown.cell).trim();
    if (text === '') continue;
    if (!NOTE_OPENING.test(text)) return false;
    note = true;
  }
  return note;
}

/**
 * The row right under 実績値 is the progress row when it is labelled so, holds 寄与度, or holds percentages; past a row
 * or two of notes alone (`※R4は速報値`).
 */
function findProgressRow(scan: SheetScan, row: number, left: number, labelCol: number, firstValueCol: number, columns: YearColumn[], targetRow: number, actualRow: number, notes = 0): number | null {
  if (row >= scan.view.rowCount) return null;
  if (notes < 2 && isNoteRow(scan, row, left, columns)) return findProgressRow(scan, row + 1, left, labelCol, firstValueCol, columns, targetRow, actualRow, notes + 1);
  const past = notes === 0 ? progressPastTitles(scan, row, labelCol, columns) : undefined;
  if (past !== undefined) return past;
  const own = scan.shownKind(row, labelCol);
  if (own === 'progress') return row;
  if (own === 'target' || own === 'actual') return null;
  for (let c = left; c < firstValueCol; c++) {
    const kind = scan.shownKind(row, c);
    if (kind === 'progress' || kind === 'weight') return row;
    if (kind === 'target' || kind === 'actual') return null;
  }
  const own2 = scan.shownText(row, labelCol);
  if (own2 && !/%|％/.test(own2)) return null;
  // A row of year headers (the next block's) holds no progress, whatever its numbers.
  if (scan.yearRows.has(row)) return null;
  // Unlabelled: a row holding a percentage, or a number within 1 of actual ÷ target × 100 (as read, units aside).
  for (const c of columns) {
    const p = scan.parse(scan.view.raw(row, c.col));
    if (p.kind !== 'number') continue;
    if (p.percent) return row;
    const t = scan.parse(scan.view.raw(targetRow, c.col));
    const a = scan.parse(scan.view.raw(actualRow, c.col));
    if (t.kind === 'number' && a.kind === 'number' && !t.value.isZero() && a.value.div(t.value).times(100).minus(p.value).abs().lte(1)) return row;
  }
  return null;
}

/** Words marking a row as an aid to the calculation, not a figure the evaluation states: `計算用`, `作業用`, `参考`. */
const AID_ROW = /計算用|作業用|参考|検算|補助/;

/** Whether a label cell starting in the row (left of the years) marks it as an aid to the calculation: `進捗率（計算用）`. */
function isAidRow(scan: SheetScan, row: number, left: number, firstValueCol: number): boolean {
  for (let c = left; c < firstValueCol; c++) {
    const shown = scan.view.shown(row, c);
    if (shown.row === row && shown.col === c && AID_ROW.test(cellText(shown.cell))) return true;
  }
  return false;
}

/**
 * The progress row right under an aid row (or under a second one), not an aid itself and not on top of the next
 * block: the row stating the block's progress. A 寄与度 row of its own there (`寄与度 | 50% | 50%`) is none.
 */
function statedUnderAid(scan: SheetScan, aid: number, left: number, labelCol: number, firstValueCol: number, columns: YearColumn[], targetRow: number, actualRow: number): number | null {
  let r = aid;
  for (let n = 0; n < 2; n++) {
    r = (scan.view.mergeAt(r, labelCol)?.bottom ?? r) + 1;
    if (r >= scan.view.rowCount || scan.shownKind(r, labelCol) === 'weight' || findProgressRow(scan, r, left, labelCol, firstValueCol, columns, targetRow, actualRow) === null) return null;
    if (!isAidRow(scan, r, left, firstValueCol)) return overBlock(scan, r, labelCol) ? null : r;
  }
  return null;
}

/**
 * How many of a row's progress figures the rules accept as actual ÷ target × 100 in their column (the units,
 * ratios and precision read as the rules read them): a recalculation fills the block's own row with such figures.
 */
function agreeing(scan: SheetScan, row: number, columns: YearColumn[], targetRow: number, actualRow: number): number {
  let n = 0;
  for (const c of columns) {
    const cell = (r: number) => (c.unitCol === undefined ? scan.valueCell(r, c.col) : scan.valueCellWithUnit(r, c.col, c.unitCol));
    const kind = assessProgress(cell(targetRow), cell(actualRow), cell(row)).kind;
    if (kind === 'ok' || kind === 'within-precision') n++;
  }
  return n;
}

/**
 * Whether a row's label cells name the indicator `indicator` (any, when not given) in a cell starting in that
 * row, and no numeric target in any cell they show: a row stating that indicator's progress.
 */
function namesOnlyIndicator(scan: SheetScan, row: number, left: number, firstValueCol: number, indicator?: string): boolean {
  if (!scan.showsIdWords(row, ID_WORDS.indicator)) return false;
  let named = false;
  for (let c = left; c < firstValueCol; c++) {
    const shown = scan.view.shown(row, c);
    const value = shown.cell?.value;
    if (typeof value !== 'string') continue;
    if (scan.targetIdIn(value)) return false;
    const id = shown.row === row ? scan.indicatorIdIn(value) : undefined;
    if (id && (indicator === undefined || id.indicator === indicator)) named = true;
  }
  return named;
}

/**
 * Whether a 進捗度 row over a block may state the indicator `indicator`'s progress (any, when not given): its label
 * cells name that indicator only, or (`評価指標(1) 産業集積 | | R3 | R4` over `| 進捗度 | 115% | 99%`) they hold
 * nothing but the 進捗度 label and the year header right over it names that indicator only.
 */
function statesIndicator(scan: SheetScan, row: number, left: number, labelCol: number, firstValueCol: number, headerRow: number | null, indicator?: string): boolean {
  if (namesOnlyIndicator(scan, row, left, firstValueCol, indicator)) return true;
  if (headerRow === null || row !== headerRow + 1) return false;
  for (let c = left; c < firstValueCol; c++) {
    const shown = scan.view.shown(row, c);
    if (c !== labelCol && shown.row === row && cellText(shown.cell).trim() !== '') return false;
  }
  return namesOnlyIndicator(scan, headerRow, left, firstValueCol, indicator);
}

/**
 * A 進捗度 row labelled so in the label column, one or two rows under the row right under 実績値
 * (`from`), past rows of other figures (`差（実績－目標）`, `前年度比`); none past another block's row.
 */
function progressPastOtherRows(scan: SheetScan, from: number, labelCol: number, running?: boolean, taken?: ReadonlySet<number>): number | null {
  // Whether the other kind's progress row passed over is one a block has taken: this target's own, under its rows.
  let passedOwn = false;
  for (let r = from; r <= from + 2 && r < scan.view.rowCount; r++) {
    if (scan.yearRows.has(r)) return null;
    const kind = scan.shownKind(r, labelCol);
    // A block stating both each year's figures and running totals (`running` given) passes the other's rows, its
    // progress row included.
    if ((kind === 'target' || kind === 'actual' || kind === 'progress') && running !== undefined && showsRunningTotals(scan, r, labelCol) !== running) {
      if (kind === 'progress' && taken?.has(r * 16384 + labelCol)) passedOwn = true;
      continue;
    }
    // One right over a 目標値 or 実績値 is the next block's, on top of it; unless it follows this target's other
    // progress row (進捗度 / 進捗度(累計) under the block, the next block right after).
    if (kind === 'progress' && r > from) return overBlock(scan, r, labelCol) && !passedOwn ? null : r;
    if (kind === 'target' || kind === 'actual' || kind === 'weight') return null;
  }
  return null;
}

/** Whether one of the two rows over a block names a target or an indicator over each of its columns. */
function idsHeadColumns(scan: SheetScan, top: number, columns: YearColumn[]): boolean {
  const cols = columns.map((c) => c.col);
  for (let r = top - 1; r >= Math.max(0, top - 2); r--) {
    if (idColumnsOfRow(scan, r, cols).length === cols.length) return true;
    // Ids written without 数値目標 (`| 1-① | 1-② | 1-③`) over each column, nothing else right of the labels.
    const other = otherIdColumnsOfRow(scan, r, cols[0]);
    if (other.length === cols.length && other.every((x, k) => x.col === cols[k])) return true;
  }
  return false;
}

/** Whether the row right under a row (past its merged label) holds a 目標値 or 実績値 label: the row is on top of a block. */
function overBlock(scan: SheetScan, row: number, labelCol: number): boolean {
  const next = scan.shownKind((scan.view.mergeAt(row, labelCol)?.bottom ?? row) + 1, labelCol);
  return next === 'target' || next === 'actual';
}

interface IdHit {
  row: number;
  col: number;
  text: string;
  end: number;
}

// Ids without their word, as a column headed 数値目標 or 評価指標 holds them: `(1)`, `①`, and a target's written whole,
// `1-1`, `1-(1)`, `1-①` (a bare `1` may be any number).
const WHOLE_BARE_ID = /^\s*[(（]?\s*[0-9０-９]{1,2}\s*[)）]?\s*[-－ー‐]\s*(?:[(（]\s*)?(?:[0-9０-９]{1,2}|[①-⑳])/;
const BARE_ID = new RegExp(`^\\s*(?:[(（]\\s*[0-9０-９]+\\s*[)）]|[①-⑳])|${WHOLE_BARE_ID.source}`);

/** `running`: for a block stating both each year's figures and running totals, which of them this block states. */
function findIds(scan: SheetScan, top: number, bottom: number, left: number, labelCol: number, labelRight: number, columns: YearColumn[], headerRow: number | null, running?: boolean) {
  let target: (IdHit & { id: TargetId }) | undefined;
  let indicator: (IdHit & { indicator: string; written?: string }) | undefined;
  const view = scan.view;
  // Above the block, past another block's rows, only an indicator can be this block's (a target's id there is that block's).
  let pastBlock = false;
  // `数値目標①` in the block's own rows: target ① of the indicator found.
  let subOnly: (IdHit & { sub: string }) | undefined;
  const consider = (row: number, col: number) => {
    // The cell shown at (row, col): the top-left of its merged area, if any.
    const merge = view.mergeAt(row, col);
    if (merge) {
      row = merge.top;
      col = merge.left;
    }
    const value = view.raw(row, col)?.value;
    if (typeof value !== 'string') return;
    // An id's word first: a text without it names no such id (findTargetId, findIndicatorId, findSubOnlyId look for
    // it first), and testing for it costs less than a lookup in the workbook's memo of ids.
    if (!target && !pastBlock && value.includes('数値目標')) {
      const t = scan.targetIdIn(value);
      if (t) target = { row, col, text: value, end: t.end, id: t.id };
      else if (!subOnly && row >= top) {
        const sub = findSubOnlyId(value);
        if (sub) subOnly = { row, col, text: value, end: sub.end, sub: sub.sub };
      }
    }
    if (!indicator && value.includes('評価指標')) {
      const i = scan.indicatorIdIn(value);
      if (i) indicator = { row, col, text: value, end: i.end, indicator: i.indicator };
    }
  };
  // Only rows that show a word of an id still missing can give it.
  const missing = () => (target ? 0 : ID_WORDS.target) | (indicator ? 0 : ID_WORDS.indicator);
  for (let r = top; r <= bottom; r++) if (scan.showsIdWords(r, missing())) for (let c = left; c < labelCol; c++) consider(r, c);
  if (!target || !indicator) {
    // The indicator (or a lone target label) may sit in the rows just above: the header row of 000_….
    const header = scan.headerAbove(top, labelRight, HEADER_REACH);
    // Over a header of the block's own, two rows: the target's title may stand over a line of its goal.
    const ownHeader = header !== undefined && header[0].row === top - 1;
    const stop = Math.max(0, Math.min(header ? header[0].row : top - 2, top - 1) - (ownHeader ? 2 : 1));
    for (let r = top - 1; r >= stop; r--) {
      if (!target && !pastBlock) {
        const kind = scan.shownKind(r, labelCol);
        // The other kind's rows of a block stating both (目標値 over 目標値(累計)) are the same target's.
        const sameTarget = running !== undefined && showsRunningTotals(scan, r, labelCol) !== running;
        pastBlock = (kind === 'target' || kind === 'actual' || kind === 'progress') && !sameTarget;
      }
      if (scan.showsIdWords(r, missing())) for (let c = left; c <= labelRight && c < columns[0].col; c++) consider(r, c);
    }
  }
  if (!target && !indicator && headerRow !== null) {
    // A column headed 数値目標 (or 評価指標) whose cells hold the bare ids: `(1) 連携企業数`, `①`; an indicator's column
    // beside the targets' (`評価指標 | 数値目標` over `(1) 経済効果 | ①投資額`, the indicator merged down its targets' rows).
    let indicatorColumn = false;
    for (let c = left; c < labelCol && !target && (!indicator || indicatorColumn); c++) {
      const header = cellText(view.shown(headerRow, c).cell);
      // A column of numbers (`No.`, `番号`) holds a target's id only written whole (`(1)-①`, `1-1`).
      const numbers = NUMBER_COLUMN.test(compact(header));
      const word = numbers ? '数値目標' : idColumnWord(header);
      if (!word) continue;
      for (let r = top; r <= bottom && !target && (!indicator || indicatorColumn); r++) {
        const shown = view.shown(r, c);
        const value = shown.cell?.value;
        if (typeof value !== 'string' || !(numbers ? WHOLE_BARE_ID : BARE_ID).test(value)) continue;
        const named = `${word}${value}`;
        const t = scan.targetIdIn(named);
        if (t) target = { row: shown.row, col: shown.col, text: value, end: Math.max(0, t.end - word.length), id: t.id };
        else if (indicator) {
          const sub = findSubOnlyId(named);
          if (sub && !subOnly) subOnly = { row: shown.row, col: shown.col, text: value, end: Math.max(0, sub.end - word.length), sub: sub.sub };
          break;
        } else {
          const i = scan.indicatorIdIn(named);
          if (i) {
            indicator = { row: shown.row, col: shown.col, text: value, end: Math.max(0, i.end - word.length), indicator: i.indicator };
            indicatorColumn = true;
            break;
          }
        }
      }
      if (subOnly) break;
    }
  }
  // A name opening with a circled number right of the indicator's cell, no header naming the columns (`評価指標(1) 経済効果`
  // merged down its targets' blocks beside `①投資額`, `②就業者数`): target ① of that indicator, as `数値目標①` would be.
  for (let r = top; !target && !subOnly && indicator && r <= bottom; r++) {
    for (let c = indicator.col + 1; c < labelCol && !subOnly; c++) {
      const value = view.raw(r, c)?.value;
      const sub = typeof value === 'string' ? /^\s*([①-⑳])/.exec(value) : null;
      if (sub) subOnly = { row: r, col: c, text: value as string, end: sub[0].length, sub: sub[1] };
    }
  }
  if (!target && subOnly && indicator) target = { ...subOnly, id: subTargetId(indicator.indicator, subOnly.sub) };
  if (target && indicator && target.id.indicator !== indicator.indicator) indicator = undefined;
  // No 数値目標 or 評価指標 id anywhere: an id written otherwise opening a text of the block's rows left of its labels.
  if (!target && !indicator) {
    for (let r = top; r <= bottom && !target && !indicator; r++) {
      for (let c = left; c < labelCol && !target && !indicator; c++) {
        const shown = view.shown(r, c);
        const value = shown.cell?.value;
        if (typeof value !== 'string' || !OTHER_ID_STARTS.has(value.charCodeAt(0)) || !(shown.row === r || r === top)) continue;
        const other = otherWordId(scan, value);
        if (other && 'id' in other) target = { row: shown.row, col: shown.col, text: value, end: other.end, id: other.id };
        else if (other) indicator = { row: shown.row, col: shown.col, text: value, end: other.end, indicator: other.indicator, written: other.written };
      }
    }
  }
  return { target, indicator };
}

/** The first text left of a block's 目標値 label in its rows, where a block whose id cannot be read shows its name. */
function unreadName(scan: SheetScan, top: number, bottom: number, left: number, labelCol: number): { ref: CellRef; text: string } | undefined {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c < labelCol; c++) {
      const shown = scan.view.shown(r, c);
      const v = shown.cell?.value;
      if (typeof v === 'string' && v.trim() && !scan.labelKind(v)) return { ref: scan.ref(shown.row, shown.col), text: v.trim() };
    }
  }
  return undefined;
}

function goalInBlock(scan: SheetScan, top: number, bottom: number, left: number, firstValueCol: number, skip: IdHit | undefined, headerRow: number | null, unread?: ValueCell[]) {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c < firstValueCol; c++) {
      const shown = scan.view.shown(r, c);
      if (skip && shown.row === skip.row && shown.col === skip.col) continue;
      const v = shown.cell?.value;
      if ((typeof v !== 'string' && typeof v !== 'number') || (typeof v === 'string' && v.length > 80)) continue;
      const ref = scan.ref(shown.row, shown.col);
      const goal = typeof v === 'string' ? parseGoal(v, ref, undefined, unread) : undefined;
      if (goal) return headerRow === null || headerRow >= top ? goal : withPlanEnd(goal, goalHeaderWhat(scan, headerRow, shown.col));
      const headed = headerRow === null || headerRow >= top ? undefined : headedGoal(scan, headerRow, shown.row, shown.col, unread);
      if (headed) return headed;
    }
  }
  return undefined;
}

/** On a title row, an amount in the cell right of one saying what it is: `目標値（累計）` | `475億円`, `目標(R7)` | `900社`. */
function goalBesideLabel(scan: SheetScan, row: number, left: number, unread?: ValueCell[]) {
  for (let c = left, width = scan.view.rowWidth(row); c < width - 1; c++) {
    const head = scan.view.raw(row, c)?.value;
    if (typeof head !== 'string' || head.length > 20 || !/^\s*(?:最終|計画)?目標値?\s*(?:[(（][^)）]*[)）])?\s*[:：]?\s*$/.test(head)) continue;
    const next = (scan.view.mergeAt(row, c)?.right ?? c) + 1;
    const goal = goalUnderHead(scan, head, row, next, unread);
    if (goal) return goal;
  }
  return undefined;
}

/** A bare amount in a column headed with what it is: `目標(R6)` | `300社`, `累計目標` | `475億円`. */
function headedGoal(scan: SheetScan, headerRow: number, row: number, col: number, unread?: ValueCell[]) {
  return goalUnderHead(scan, cellText(scan.view.shown(headerRow, col).cell), row, col, unread);
}

/** A bare amount under (or beside) a cell saying what it is: `目標(R6)` | `300社`, `目標値（累計）` | `475億円`. */
function goalUnderHead(scan: SheetScan, head: string, row: number, col: number, unread?: ValueCell[]) {
  if (!head.includes('目標')) return undefined;
  // `5年間の目標`, `計画期間の目標`: a total over those years, as `(5年間)` after a goal says.
  const what = /累計/.test(head) ? '累計' : (/[(（]([^)）]+)[)）]/.exec(head)?.[1] ?? head.replace(/(最終|計画)?目標値?|[:：\s]/g, '').replace(/の$/, ''));
  const text = cellText(scan.view.shown(row, col).cell);
  // Under a bare `最終目標`, the goal says what it is of itself (`1,100人（累計）`, `900社（令和7年度）`, `令和7年度末 900社`).
  const goal = what ? parseGoal(`${text}(${what})`, scan.ref(row, col), undefined, unread) : parseGoal(text, scan.ref(row, col), undefined, unread);
  return withPlanEnd(goal, what);
}

/** A total under a header naming a year (`R3目標`, `目標(R3)` over `475億円（累計）`): that year ends its plan (PlanGoal.to). */
function withPlanEnd(goal: PlanGoal | undefined, what: string): PlanGoal | undefined {
  if (!goal?.cumulative || goal.period || goal.to !== undefined) return goal;
  const fy = parseFiscalYear(what);
  return fy && !fy.baseline ? { ...goal, to: fy.year } : goal;
}

/** What a header over a goal column says the goal is (`R3` of `R3目標` and of `目標(R3)`), when it heads goals. */
function goalHeaderWhat(scan: SheetScan, headerRow: number, col: number): string {
  const head = cellText(scan.view.shown(headerRow, col).cell);
  if (!head.includes('目標')) return '';
  return /[(（]([^)）]+)[)）]/.exec(head)?.[1] ?? head.replace(/(最終|計画)?目標値?|[:：\s]/g, '');
}

/** The goal in the 目標値 row under a header such as `最終目標(R7)` just right of the years (or of 累計). */
export function goalRightOfYears(scan: SheetScan, targetRow: number, headerRow: number, columns: YearColumn[], totalCol: number | null, beforeCol: number, unread?: ValueCell[]) {
  const after = Math.max(columns[columns.length - 1].col, totalCol ?? 0);
  for (let c = after + 1; c <= after + 2 && c < beforeCol; c++) {
    const goal = headedGoal(scan, headerRow, targetRow, c, unread);
    if (goal) return goal;
  }
  return undefined;
}

function findWeight(scan: SheetScan, top: number, bottom: number, left: number, firstValueCol: number): Weight | null {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c < firstValueCol; c++) {
      const shown = scan.view.shown(r, c);
      if (shown.row !== r && shown.row < top) continue;
      const v = shown.cell?.value;
      if (typeof v !== 'string' || weightLabelAt(v) < 0) continue;
      const ref = scan.ref(shown.row, shown.col);
      if (!startsWithWeightLabel(compact(v))) {
        // Stated inside the id's text: `数値目標(1)-① 投資額（寄与度33%）`.
        const inText = weightInText(v);
        if (inText) return { value: inText, ref, text: v.trim() };
        continue;
      }
      const inLabel = parseWeightText(v);
      if (inLabel !== undefined) return { value: inLabel, ref, text: v.trim() };
      // `寄与度(※)` with the number in the next cell.
      const next = scan.view.shown(r, (scan.view.mergeAt(r, c)?.right ?? c) + 1);
      if (next.col < firstValueCol) {
        const p = scan.parse(next.cell);
        if (p.kind === 'number') return { value: weightPercent(p), ref: scan.ref(next.row, next.col), text: String(next.cell?.value ?? '') };
      }
      return { value: null, ref, text: v.trim() };
    }
  }
  return null;
}

/**
 * The weight on the row of a target's title over its block, or on a line between the title and the block (a year
 * header not included): in the title (`数値目標(1)-① 投資額 475億円（累計）（寄与度70%）`, merged across the table) or
 * in a cell of the row, at its end too (`寄与度：70%` under a year's column).
 */
function weightOverBlock(scan: SheetScan, titleRow: number, blockTop: number, headerRow: number | null, left: number, right: number): Weight | null {
  const bottom = headerRow !== null && headerRow >= titleRow && headerRow < blockTop ? headerRow - 1 : blockTop - 1;
  let width = 0;
  for (let r = titleRow; r <= bottom; r++) width = Math.max(width, scan.view.rowWidth(r));
  return titleRow <= bottom ? findWeight(scan, titleRow, bottom, left, Math.min(right, width)) : null;
}

/**
 * A row under a block labelled as the plan's cumulative goal (`目標値（累計）`, `累計目標`, `計画期間の累計目標`, `5年間の目標値`)
 * stating one figure under the years, no 実績値 under it: the block's goal, a total over the plan's years.
 */
function goalRowUnder(scan: SheetScan, row: number, labelCol: number, columns: YearColumn[]): { goal: PlanGoal; bottom: number } | undefined {
  if (row >= scan.view.rowCount) return undefined;
  const label = compact(scan.shownText(row, labelCol));
  if (label.length > 20 || !label.includes('目標') || !/累計|\d年間|計画期間/.test(label)) return undefined;
  const bottom = scan.view.mergeAt(row, labelCol)?.bottom ?? row;
  const next = scan.shownKind(bottom + 1, labelCol);
  if (next === 'actual' || next === 'target' || next === 'progress') return undefined;
  let found: ValueCell | undefined;
  for (const c of columns) {
    const cell = scan.valueCell(row, c.col);
    if (cell.parsed.kind === 'blank') continue;
    if (found) return undefined;
    found = cell;
  }
  if (found?.parsed.kind !== 'number') return undefined;
  return { goal: { value: found.parsed, cumulative: true, year: null, ref: found.ref, text: found.text }, bottom };
}

/** Whether a row's label in the label column names a weight times a progress (`寄与度×進捗度`). */
function weightedProgressRow(scan: SheetScan, row: number, labelCol: number): boolean {
  if (row >= scan.view.rowCount) return false;
  const text = cellText(scan.view.shown(row, labelCol).cell);
  return text.length <= 40 && namesWeightedProgress(compact(text));
}

/**
 * A row stating an indicator's progress, right under a block: labelled with 評価指標 (or 指標全体, 加重平均)
 * and 進捗 or 達成 left of the years. Its indicator is the one the label names, else the block's.
 */
function findIndicatorRow(scan: SheetScan, row: number, left: number, labelCol: number, firstValueCol: number, blockIndicator: string): { row: number; indicator: string } | undefined {
  if (row >= scan.view.rowCount) return undefined;
  // `評価指標(1) | 進捗度(加重平均)`: a 進捗度 label beside the indicator's name, with no block of it under.
  if (scan.shownKind(row, labelCol) === 'progress' && namesOnlyIndicator(scan, row, left, firstValueCol, blockIndicator)) {
    return overBlock(scan, row, labelCol) ? undefined : { row, indicator: blockIndicator };
  }
  let found: { row: number; indicator: string } | undefined;
  for (let c = left; c < firstValueCol; c++) {
    const shown = scan.view.shown(row, c);
    // A row of another block (its 目標値, 実績値, 進捗度 or 寄与度 label) states no indicator's progress.
    const kind = scan.cellKind(shown.cell);
    if (kind === 'target' || kind === 'actual' || kind === 'progress' || kind === 'weight') return undefined;
    if (found || shown.row !== row) continue;
    const text = cellText(shown.cell);
    if (!text.includes('進捗') && !text.includes('達成')) continue;
    // The label ends with what it states: `評価指標(1)の進捗度`, `評価指標の進捗度（加重平均）`; not a summary line.
    const c2 = compact(text);
    if (c2.length > 40 || !INDICATOR_PROGRESS_LABEL.test(c2)) continue;
    const named = findIndicatorId(c2);
    if (named && named.indicator !== blockIndicator) return undefined;
    found = { row, indicator: named?.indicator ?? blockIndicator };
  }
  return found;
}

/**
 * A weight stated with its figure in a cell of its own left of the label column, in a row under the block holding
 * nothing else (`寄与度(※):50%` under an id merged down the block's three rows).
 */
function weightAloneLeftOfLabels(scan: SheetScan, row: number, left: number, labelCol: number, columns: YearColumn[]): { bottom: number; weight: Weight } | undefined {
  if (cellText(scan.view.shown(row, labelCol).cell).trim() !== '' || columns.some((c) => cellText(scan.view.raw(row, c.col)).trim() !== '')) return undefined;
  for (let c = left; c < labelCol; c++) {
    const shown = scan.view.shown(row, c);
    const v = shown.cell?.value;
    if (shown.row !== row || shown.col !== c || typeof v !== 'string' || !startsWithWeightLabel(compact(v))) continue;
    const value = parseWeightText(v);
    return value ? { bottom: scan.view.mergeAt(row, c)?.bottom ?? row, weight: { value, ref: scan.ref(row, c), text: v.trim() } } : undefined;
  }
  return undefined;
}

/**
 * A row of its own labelled 寄与度 in a block's label column, stating the weight under the years
 * (`寄与度 | 50% | 50% | 50%`) or in its label (`寄与度：50%`). The weight is the latest year's
 * that states one; weights that change from year to year are each year's too (yearWeights); a row
 * stating none gives a weight of none.
 */
function weightRowUnder(scan: SheetScan, row: number, left: number, labelCol: number, columns: YearColumn[]): { bottom: number; weight: Weight; yearWeights?: (Weight | null)[] } | undefined {
  if (row >= scan.view.rowCount) return undefined;
  if (scan.shownKind(row, labelCol) !== 'weight') return weightAloneLeftOfLabels(scan, row, left, labelCol, columns);
  const label = scan.view.shown(row, labelCol);
  const bottom = scan.view.mergeAt(row, labelCol)?.bottom ?? row;
  const stated = yearlyWeights(
    columns.map((c): Weight | null => {
      const cell = scan.view.raw(row, c.col);
      const p = scan.parse(cell);
      const text = cellText(cell).trim();
      const value = p.kind === 'number' ? weightPercent(p) : fractionWeight(compact(text));
      return value ? { value, ref: scan.ref(row, c.col), text } : null;
    }),
  );
  if (stated) return { bottom, ...stated };
  const text = cellText(label.cell).trim();
  return { bottom, weight: { value: parseWeightText(text) ?? null, ref: scan.ref(label.row, label.col), text } };
}

/**
 * The weight in the 目標値 row under a `寄与度` header beside the years: right of them
 * (`R4 | R5 | 寄与度` over `… | 33%`), between the block's label and them (`区分 | 寄与度 | R4 | R5`), or among the
 * columns of ids and names left of the label (`数値目標 | 寄与度 | 区分 | R4`, the weight merged down the block).
 */
function weightInColumn(scan: SheetScan, targetRow: number, headerRow: number, columns: YearColumn[], label: { left: number; col: number; right: number }, beforeCol: number): Weight | null {
  const first = columns[0].col;
  const last = columns[columns.length - 1].col;
  for (const l of scan.inRow('weight', headerRow)) {
    if (l.col < label.left || (l.col >= label.col && l.col <= label.right) || (l.col >= first && l.col <= last) || l.col >= beforeCol) continue;
    const shown = scan.view.shown(targetRow, l.col);
    const p = scan.parse(shown.cell);
    const ref = scan.ref(shown.row, shown.col);
    const text = String(shown.cell?.value ?? '');
    if (p.kind === 'number') return { value: weightPercent(p), ref, text };
    if (p.kind === 'blank') return { value: null, ref, text };
    // A share (`1/3`, `3分の1`).
    const share = fractionWeight(compact(text));
    if (share) return { value: share, ref, text };
  }
  return null;
}

function groupBlocks(sheet: string, blocks: Block[]): ProgressTable[] {
  // A 累計進捗度 row another block took as its own progress row (the progress of its `目標値（累計）` rows) is that block's.
  for (const b of blocks) {
    const running = b.target.runningProgress?.[0]?.ref.row;
    if (running !== undefined && blocks.some((o) => o !== b && o.target.rows.progress === running)) delete b.target.runningProgress;
  }
  const tables: ProgressTable[] = [];
  let current: ProgressTable | undefined;
  let currentHeader: number | null | undefined;
  for (const b of blocks.sort((x, y) => x.range.top - y.range.top || x.range.left - y.range.left)) {
    const joins = current && currentHeader === b.headerRow && b.headerRow !== null && b.range.left <= current.range.right && b.range.right >= current.range.left;
    if (current && joins) {
      current.targets.push(b.target);
      current.indicatorCells.push(...b.indicatorCells);
      current.range = {
        top: Math.min(current.range.top, b.range.top),
        left: Math.min(current.range.left, b.range.left),
        bottom: Math.max(current.range.bottom, b.range.bottom),
        right: Math.max(current.range.right, b.range.right),
      };
    } else {
      current = { kind: 'progress', sheet, range: { ...b.range }, targets: [b.target], indicatorCells: [...b.indicatorCells] };
      currentHeader = b.headerRow;
      tables.push(current);
    }
  }
  return tables;
}

export type { ValueCell };
