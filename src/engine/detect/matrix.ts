/**
 * Progress tables kept as one matrix per figure: a 目標値 matrix, a 実績値 matrix and often a 進捗度 matrix, each a
 * row of years headed by what it holds (`目標値 | R3 | R4 | R5`) or titled with it just above (`【目標値】`), over
 * one row per target (`数値目標(1) 件数 | 10 | 10 | 10`, or a bare `(1) 件数` under a `数値目標` header). A target's
 * rows in the three make its block.
 */
import { cellText } from '../numbers.js';
import { compact, idColumnWord, indicatorOnlyId, type TargetId } from '../text.js';
import { parseFiscalYear } from '../years.js';
import { a1, type CellRange } from '../grid.js';
import type { Fault, IndicatorProgressCell, Table, NumericTarget, ProgressTable, TotalColumn, ValueCell, YearColumn } from '../model.js';
import { decideMode, isRunningTotalLabel } from '../compute.js';
import type { Label, SheetScan } from './scan.js';
import { parseGoal } from './goal.js';
import { goalRightOfYears } from './progress.js';
import { periodTotals } from './totals.js';
import { yearsDown } from './vertical.js';
import { weightInText, weightPercent } from './weight.js';
import { bareId } from './summary.js';
import { unitInParentheses, unitNote } from './units.js';

type Figure = 'target' | 'actual' | 'progress';

/** A target's (or an indicator's) row in a matrix. */
interface MatrixRow {
  row: number;
  col: number;
  id: TargetId;
  text: string;
  /** The row names an indicator alone (`評価指標(1)`). */
  indicatorOnly: boolean;
}

export interface Matrix {
  /** The sheet it stands on: the 実績値 and 進捗度 matrices may stand on sheets of their own. */
  scan: SheetScan;
  figure: Figure;
  /**
   * The years run down (`目標値 | 数値目標(1) | 数値目標(2)` over `R3 | 10 | 20`): each year's `col` (and each 累計's) is
   * then its row, and each target's row its column.
   */
  down?: boolean;
  header: number;
  years: { col: number; year: number; baseline: boolean; header: string }[];
  /** The 累計 columns among and right after the years (one per plan period where the matrix spans two). */
  totals: Label[];
  /** A column headed 単位 left of the years: each row's plain numbers are in the unit it gives. */
  unitCol?: number;
  /** A unit written once for the matrix's plain numbers: in its label (`目標値（億円）`) or a note over it (`（単位：億円）`). */
  unit?: string;
  /** Each target's row, by its key. */
  rows: Map<string, MatrixRow>;
  /** The rows naming an indicator alone, by its number (one naming an indicator without targets is in `rows` too). */
  indicators: Map<string, MatrixRow>;
  range: CellRange;
}

/** A number that may be a year typed as one (2015 | 2016): parseFiscalYear reads 1950 to 2200. */
function isYearNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1950 && n <= 2200;
}

/**
 * The years in a row from `from` to `to`: a run of year cells (at least two) starting at the first cell holding
 * anything; undefined when there are fewer, or when `whole` and a cell of the span is no year.
 */
function yearsIn(scan: SheetScan, row: number, from: number, to: number, whole = false): Matrix['years'] | undefined {
  const years: Matrix['years'] = [];
  let last = -1;
  const end = Math.min(to, scan.view.rowWidth(row) - 1);
  for (let c = from; c <= end; c++) {
    const merge = scan.view.mergeAt(row, c);
    const cell = merge ? scan.view.raw(merge.top, merge.left) : scan.view.raw(row, c);
    // Most labels head a block's amounts: a number that is no year ends the run at once.
    if (typeof cell?.value === 'number' && cell.text === undefined && !isYearNumber(cell.value)) break;
    const text = cellText(cell).trim();
    if (!text) {
      // The years start at most two blank cells after the label.
      if (years.length > 0 || c - from >= 2) break;
      continue;
    }
    const fy = parseFiscalYear(text);
    if (!fy) {
      // A 累計 column after a plan's years goes on to the next plan's (`H29 … R3 | 累計 | R4 R5 | 累計`).
      if (years.length > 0 && scan.labelKind(text) === 'cumulative') {
        last = c;
        continue;
      }
      break;
    }
    years.push({ col: c, year: fy.year, baseline: fy.baseline, header: text });
    last = c;
  }
  if (years.length < 2 || (whole && (years[0].col !== from || last !== to))) return undefined;
  // Bare numbers (2015 | 2016) are years only as consecutive ones: a 目標値 row may hold such amounts.
  const bare = years.every((y) => typeof scan.view.shown(row, y.col).cell?.value === 'number');
  return !bare || years.every((y, i) => i === 0 || y.year === years[i - 1].year + 1) ? years : undefined;
}

/**
 * A header of a column of the rows' ids, names or units, which may stand between the ids and the years:
 * `評価指標`, `数値目標`, `指標名`, `名称`, `項目`, `単位`.
 */
function isRowHeading(text: string): boolean {
  const t = compact(text);
  if (t.length <= 20 && idColumnWord(t)) return true;
  return /^(?:(?:評価指標|数値目標|指標|目標|項目|事業)?(?:名|名称|内容)|項目|指標|区分|[(（]?単位[)）:：]?)$/.test(t);
}

/** Whether a header cell heads a column of units (`単位`, `（単位）`). */
const isUnitHeading = (text: string) => /^[(（]?単位[)）:：]?$/.test(compact(text));

/**
 * Where the years of the matrix a figure label heads stand: right of it in its row (`目標値 | R3 | R4 | R5`); in the
 * row under it, across its merged area or up to the next label (`目標値` over `R3 | R4 | R5`, matrices side by side
 * under one row of years); or, the label a title alone in its row (`【目標値】`), in one of the two rows under it.
 */
function headerOf(scan: SheetScan, labelRow: number, labelCol: number): { header: number; years: Matrix['years'] } | undefined {
  const view = scan.view;
  // Most labels are a block's, a number right beside them that is no year (`目標値 | 115 | 120`): no years follow, and
  // such a label heads no span (below). Told at once, before the row's headings and years are looked for.
  const beside = view.raw(labelRow, labelCol + 1);
  if (typeof beside?.value === 'number' && beside.text === undefined && !isYearNumber(beside.value) && !view.mergeAt(labelRow, labelCol) && !view.mergeAt(labelRow, labelCol + 1)) return undefined;
  // Columns of the rows' names or units may stand between the label and the years (`目標値 | 指標名 | R3 | R4`).
  let from = (view.mergeAt(labelRow, labelCol)?.right ?? labelCol) + 1;
  for (let n = 0; n < 3 && from < view.rowWidth(labelRow) && isRowHeading(cellText(view.raw(labelRow, from))); n++) from = (view.mergeAt(labelRow, from)?.right ?? from) + 1;
  const own = yearsIn(scan, labelRow, from, Infinity);
  if (own) return { header: labelRow, years: own };
  const merge = view.mergeAt(labelRow, labelCol);
  // A label with something right beside it (a block's 目標値 before its amounts) heads no span and is no title.
  if (!merge && cellText(view.raw(labelRow, labelCol + 1)).trim()) return undefined;
  const under = (merge?.bottom ?? labelRow) + 1;
  if (under >= view.rowCount) return undefined;
  let right = merge?.right ?? labelCol;
  // Unmerged, the label spans the blank cells after it, up to the next label or, the last of its row, the years' end.
  const width = Math.max(view.rowWidth(labelRow), view.rowWidth(under));
  if (!merge) while (right + 1 < width && !cellText(view.shown(labelRow, right + 1).cell).trim() && right - labelCol < 40) right++;
  const spanned = yearsIn(scan, under, labelCol, right, true);
  if (spanned) return { header: under, years: spanned };
  // A title: nothing else in its row (its own merged area aside, which a source may fill with it, as exceljs does).
  for (let c = 0; c < view.rowWidth(labelRow); c++) {
    if (c === labelCol || (merge && c >= merge.left && c <= merge.right)) continue;
    if (cellText(view.raw(labelRow, c)).trim()) return undefined;
  }
  for (let r = labelRow + 1; r <= labelRow + 2 && r < view.rowCount; r++) {
    for (let c = 0; c < view.rowWidth(r); c++) {
      const text = cellText(view.raw(r, c)).trim();
      if (!text) continue;
      const years = parseFiscalYear(text) && c > 0 ? yearsIn(scan, r, c, Infinity) : undefined;
      if (years) return { header: r, years };
      if (!isRowHeading(text)) break;
    }
  }
  return undefined;
}

/** The matrix a figure label heads (headerOf), with its rows of targets under the years. */
function matrixAt(scan: SheetScan, labelRow: number, labelCol: number, figure: Figure): Matrix | undefined {
  const view = scan.view;
  const found = headerOf(scan, labelRow, labelCol);
  if (!found) return undefined;
  const { header, years } = found;
  // Columns headed by the ids' word hold the bare ids (`(1) 件数` under `数値目標`).
  const words = new Map<number, '数値目標' | '評価指標'>();
  let unitCol: number | undefined;
  for (let c = 0; c < years[0].col; c++) {
    const text = cellText(view.shown(header, c).cell);
    if (isUnitHeading(text)) unitCol = c;
    const word = text.length <= 20 ? idColumnWord(text) : undefined;
    if (word) words.set(c, word);
  }
  const first = years[0].col;
  const rows: Matrix['rows'] = new Map();
  const indicators: Matrix['indicators'] = new Map();
  // The rows start under the header's cells merged down (a year, or the label, two rows tall).
  const headerBottom = Math.max(header, ...[...years.map((y) => y.col), ...(header === labelRow ? [labelCol] : [])].map((c) => view.mergeAt(header, c)?.bottom ?? header));
  let bottom = headerBottom;
  // The indicator of the row above, for a bare `①` under 数値目標 whose 評価指標 cell is left blank.
  let above: string | undefined;
  let left = labelCol;
  for (let r = headerBottom + 1; r < view.rowCount; r++) {
    // Each cell left of the years may name an id: a target's (`数値目標(1)-① 投資額`, `①` under 数値目標 in the row of
    // 評価指標 (1)) makes the row the target's, though an indicator column stands before it (`評価指標(1) 産業集積`,
    // merged down over its targets); an indicator's alone makes it the indicator's row.
    let target: MatrixRow | undefined;
    let indicator: MatrixRow | undefined;
    for (let c = 0; c < first && !target; c++) {
      const shown = view.shown(r, c);
      const v = bareId(shown.cell?.value, words.get(c), indicator?.id.indicator ?? above);
      if (typeof v !== 'string') continue;
      const t = scan.targetIdIn(v);
      const text = String(shown.cell?.value);
      if (t) target = { row: r, col: c, id: t.id, text, indicatorOnly: false };
      else if (!indicator) {
        const i = scan.indicatorIdIn(v);
        if (i) indicator = { row: r, col: c, id: indicatorOnlyId(i.indicator), text, indicatorOnly: true };
      }
    }
    const hit = target ?? indicator;
    // The matrix ends at the first row naming no target, or holding a label of its own (the next matrix's).
    if (!hit || years.some((y) => scan.cellKind(view.raw(r, y.col)) !== undefined)) break;
    above = hit.id.indicator;
    left = Math.min(left, hit.col, indicator?.col ?? hit.col);
    if (hit.indicatorOnly && !indicators.has(hit.id.indicator)) indicators.set(hit.id.indicator, hit);
    // A target's row takes its key from a row naming its indicator alone (`評価指標(2) 連携` over `数値目標(2) 社数`).
    if (!rows.has(hit.id.key) || (!hit.indicatorOnly && rows.get(hit.id.key)!.indicatorOnly)) rows.set(hit.id.key, hit);
    bottom = r;
  }
  if (rows.size === 0) return undefined;
  // A row naming an indicator alone over its targets' rows heads them: it is no target of its own.
  const withTargets = new Set<string>();
  for (const x of rows.values()) if (!x.indicatorOnly) withTargets.add(x.id.indicator);
  for (const [key, x] of rows) if (x.indicatorOnly && withTargets.has(x.id.indicator)) rows.delete(key);
  const unit = unitInParentheses(cellText(view.raw(labelRow, labelCol))) ?? unitNote(scan, Math.min(header, labelRow), left, years[years.length - 1].col);
  const lastYear = years[years.length - 1].col;
  const totals = scan.inRow('cumulative', header).filter((l) => l.col > years[0].col && (l.col < lastYear || l.col === (view.mergeAt(header, lastYear)?.right ?? lastYear) + 1));
  const right = Math.max(lastYear, ...totals.map((l) => l.col));
  return { scan, figure, header, years, totals, rows, indicators, unitCol, unit, range: { top: labelRow, left, bottom, right } };
}

/**
 * A matrix on its side: the figure over a column of years (and 累計 rows, one per plan period), the targets' ids across
 * its row (`目標値 | 数値目標(1) | 数値目標(2)` over `R3 | 10 | 20`).
 */
function matrixDown(scan: SheetScan, labelRow: number, labelCol: number, figure: Figure): Matrix | undefined {
  const view = scan.view;
  const rows: Matrix['rows'] = new Map();
  for (let c = (view.mergeAt(labelRow, labelCol)?.right ?? labelCol) + 1; c < view.rowWidth(labelRow); c++) {
    const text = cellText(view.raw(labelRow, c)).trim();
    const t = text ? scan.targetIdIn(text) : undefined;
    if (!t) break;
    if (!rows.has(t.id.key)) rows.set(t.id.key, { row: labelRow, col: c, id: t.id, text, indicatorOnly: false });
  }
  if (rows.size === 0) return undefined;
  const first = (view.mergeAt(labelRow, labelCol)?.bottom ?? labelRow) + 1;
  if (first >= view.rowCount) return undefined;
  const down = yearsDown(scan, first, new Set([...rows.values()].map((x) => x.col)));
  if (!down || down.col !== labelCol || down.columns.length < 2) return undefined;
  const years = down.columns.map((c, i) => ({ col: down.rows[i], year: c.year!, baseline: c.baseline, header: c.header }));
  const totals: Label[] = down.totals.map((x) => ({ row: x.row, col: x.row, kind: 'cumulative', text: cellText(view.raw(x.row, labelCol)), compact: compact(cellText(view.raw(x.row, labelCol))) }));
  const bottom = Math.max(years[years.length - 1].col, ...totals.map((x) => x.row));
  const unit = unitInParentheses(cellText(view.raw(labelRow, labelCol))) ?? unitNote(scan, labelRow, labelCol, Math.max(...[...rows.values()].map((x) => x.col)));
  return { scan, figure, down: true, header: labelRow, years, totals, rows, indicators: new Map(), unit, range: { top: labelRow, left: labelCol, bottom, right: Math.max(...[...rows.values()].map((x) => x.col)) } };
}

/** The matrices of a sheet outside `tables` (the progress tables found otherwise, whose cells they never take again). */
export function findMatrices(scan: SheetScan, tables: ProgressTable[]): Matrix[] {
  const matrices: Matrix[] = [];
  const overlaps = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
  for (const figure of ['target', 'actual', 'progress'] as const) {
    for (const l of scan.kind(figure)) {
      // A merged label heads from its first cell (a source may repeat it in the others, as exceljs does).
      const merge = scan.view.mergeAt(l.row, l.col);
      if (merge && (merge.top !== l.row || merge.left !== l.col)) continue;
      const m = matrixAt(scan, l.row, l.col, figure) ?? matrixDown(scan, l.row, l.col, figure);
      if (m && !tables.some((t) => overlaps(t.range, m.range))) matrices.push(m);
    }
  }
  return matrices;
}

/**
 * The rows of 進捗度 matrices no 目標値 matrix took, on any sheet, where no table was read either: their progress goes
 * unchecked, and the report says so at each target's row.
 */
export function unpairedProgress(unused: Matrix[], tables: readonly Table[]): Fault[] {
  const faults: Fault[] = [];
  for (const m of unused) {
    if (m.figure !== 'progress') continue;
    const sheet = m.scan.view.name;
    const r = m.range;
    if (tables.some((t) => t.sheet === sheet && t.range.top <= r.bottom && r.top <= t.range.bottom && t.range.left <= r.right && r.left <= t.range.right)) continue;
    for (const row of m.rows.values()) if (!row.indicatorOnly) faults.push({ sheet, cell: a1(row.row, row.col), reason: 'matrix-row-unpaired', detail: `${row.id.display} target` });
  }
  return faults;
}

/**
 * A 目標値 or 実績値 matrix no other matrix takes, on any sheet, makes no table: the report names its range, so that it
 * is not dropped without a word. A 目標値 matrix none of whose years the workbook has an actual for (a plan for the years
 * ahead, or a workbook of no actuals yet) is plainly a plan with no actuals yet: nothing to say.
 */
export function unpairedFigures(unused: Matrix[], tables: readonly Table[]): Fault[] {
  const lone = unused.filter((m) => m.figure !== 'progress' && [...m.rows.values()].some((x) => !x.indicatorOnly) && !overlapsTable(m, tables));
  if (lone.length === 0) return [];
  // The latest year the workbook states an actual for: in its progress tables, or in a 実績値 matrix left over.
  let lastActual = -Infinity;
  for (const t of tables) {
    if (t.kind !== 'progress') continue;
    for (const target of t.targets) target.columns.forEach((c, i) => c.year !== null && target.actual[i]?.parsed.kind === 'number' && (lastActual = Math.max(lastActual, c.year)));
  }
  for (const m of lone) {
    if (m.figure !== 'actual') continue;
    for (const y of m.years) if ([...m.rows.values()].some((x) => m.scan.valueCell(...cellAt(m, x, y.col)).parsed.kind === 'number')) lastActual = Math.max(lastActual, y.year);
  }
  const faults: Fault[] = [];
  for (const m of lone) {
    if (m.figure === 'target' && m.years.every((y) => y.year > lastActual)) continue;
    const { top, left, bottom, right } = m.range;
    faults.push({ sheet: m.scan.view.name, cell: a1(top, left), reason: 'matrix-unpaired', detail: `${m.figure} ${a1(top, left)}:${a1(bottom, right)}` });
  }
  return faults;
}

function overlapsTable(m: Matrix, tables: readonly Table[]): boolean {
  const sheet = m.scan.view.name;
  const r = m.range;
  return tables.some((t) => t.sheet === sheet && t.range.top <= r.bottom && r.top <= t.range.bottom && t.range.left <= r.right && r.left <= t.range.right);
}

/** The cell of a target's row in a matrix at a year's (or a 累計's) column, or at its row where the years run down. */
function cellAt(m: Matrix, x: MatrixRow, line: number): [number, number] {
  return m.down ? [line, x.col] : [x.row, line];
}

/**
 * The progress tables the matrices make, each 目標値 matrix with the 実績値 and 進捗度 matrices sharing the most
 * targets with it (on its own sheet first); `unused`, the matrices left over (to be paired with other sheets');
 * `faults`, the targets' rows one of the paired matrices holds and the 目標値 or 実績値 matrix lacks, which make no block.
 */
export function pairMatrices(matrices: Matrix[]): { tables: ProgressTable[]; unused: Matrix[]; faults: Fault[] } {
  const targets = matrices.filter((m) => m.figure === 'target');
  if (targets.length === 0) return { tables: [], unused: matrices, faults: [] };
  const faults: Fault[] = [];
  const unpaired = (m: Matrix, row: MatrixRow, missing: 'target' | 'actual') => {
    if (!row.indicatorOnly) faults.push({ sheet: m.scan.view.name, cell: a1(row.row, row.col), reason: 'matrix-row-unpaired', detail: `${row.id.display} ${missing}` });
  };
  const used = new Set<Matrix>();
  // The 実績値 and 進捗度 matrices by the targets they hold: a 目標値 matrix looks only at those sharing one.
  const byKey = new Map<string, Matrix[]>();
  for (const m of matrices) {
    if (m.figure === 'target') continue;
    for (const key of m.rows.keys()) {
      const list = byKey.get(key);
      if (list) list.push(m);
      else byKey.set(key, [m]);
    }
  }
  /**
   * The matrix of a figure sharing the most targets with `t`, the nearest on a tie, not taken by another; a 実績値 matrix
   * among those showing one of its years at least (`take` false: found, not taken).
   */
  const partner = (t: Matrix, figure: Figure, take = true) => {
    const shared = new Map<Matrix, number>();
    for (const key of t.rows.keys()) for (const m of byKey.get(key) ?? []) if (m.figure === figure && !used.has(m) && (!take || figure !== 'actual' || sharesYear(t, m))) shared.set(m, (shared.get(m) ?? 0) + 1);
    let best: Matrix | undefined;
    let bestShared = 0;
    for (const [m, n] of shared) {
      const distance = (x: Matrix) => (x.scan === t.scan ? Math.abs(x.header - t.header) : Infinity);
      const nearer = best !== undefined && distance(m) < distance(best);
      if (n > bestShared || (n === bestShared && nearer)) {
        best = m;
        bestShared = n;
      }
    }
    if (best && take) used.add(best);
    return best;
  };
  const found: ProgressTable[] = [];
  // 目標値 matrices whose only 実績値 matrix shows none of their years (`目標値 | R6 | R7 | R8` against `実績値 | R3 | R4 | R5`).
  const disjoint: [Matrix, Matrix][] = [];
  for (const t of targets) {
    const a = partner(t, 'actual');
    if (!a) {
      const other = partner(t, 'actual', false);
      if (other) disjoint.push([t, other]);
      continue;
    }
    used.add(t);
    const scan = t.scan;
    // A 寄与度 column right of the 目標値 matrix's years and 累計 columns (`目標値 | R3 | R4 | R5 | 累計 | 寄与度`).
    const lastTotal = t.totals.length > 0 && !t.down ? Math.max(...t.totals.map((l) => l.col)) : null;
    const afterYears = Math.max(t.years[t.years.length - 1].col, lastTotal ?? 0) + 1;
    const weightColumn = t.down ? undefined : scan.inRow('weight', t.header).find((l) => l.col >= afterYears && l.col <= afterYears + 1)?.col;
    const p = partner(t, 'progress');
    const list: NumericTarget[] = [];
    for (const [key, tr] of t.rows) {
      const ar = a.rows.get(key);
      if (!ar) {
        unpaired(t, tr, 'actual');
        continue;
      }
      const pr = p?.rows.get(key);
      const has = (m: Matrix, year: number | null) => m.years.some((x) => x.year === year);
      // A 実績値 or 進捗度 matrix may show only the years so far (`実績値 | H29 | H30 | R1` beside `目標値 | H29 … R3`):
      // it holds nothing for the years after its last, which stay the target's. A 進捗度 matrix so ending leaves out a
      // year whose actual is stated, whose progress has no cell.
      const after = (m: Matrix, year: number | null) => year !== null && m.years.every((x) => x.year < year);
      const actualBlank = (year: number | null) => !has(a, year) || a.scan.parse(a.scan.view.raw(...cellAt(a, ar, colIn(a, year)!))).kind === 'blank';
      const colIn = (m: Matrix, year: number | null) => m.years.find((x) => x.year === year)?.col;
      // The years of the 目標値 matrix the others show or end before, in its order.
      const years = t.years.filter((y) => (has(a, y.year) || after(a, y.year)) && (!pr || has(p!, y.year) || (after(p!, y.year) && actualBlank(y.year))));
      if (years.length === 0) continue;
      const columns: YearColumn[] = years.map((y) => ({ col: y.col, year: y.year, baseline: y.baseline, header: y.header }));
      const labelRef = scan.ref(tr.row, tr.col);
      // The goal in the target's name, or under a header such as `最終目標(R7)` right of the 目標値 matrix's years.
      const unreadGoal: ValueCell[] = [];
      const goal = parseGoal(tr.text, labelRef, undefined, unreadGoal) ?? (t.down ? undefined : goalRightOfYears(scan, tr.row, t.header, t.years, lastTotal, Infinity, unreadGoal)) ?? null;
      // The 目標値 and 実績値 read in the unit of a 単位 column, else in one written once: the matrix's (its label, a note
      // over it; a note over the 目標値 matrix serves all), the target's name (`投資額（億円）`), or the goal's scale
      // (`475億円（累計）` over plain 115 | 81). The 進捗度 are percentages, whatever they say.
      const unitOf = (m: Matrix, row: MatrixRow) =>
        m.unit ?? unitInParentheses(row.text) ?? t.unit ?? (goal && goal.value.scaleLabel !== '' ? goal.value.scaleLabel + (goal.value.unit ?? '') : undefined);
      const cells = (m: Matrix, row: MatrixRow): ValueCell[] => {
        const unit = m.figure === 'progress' || m.unitCol !== undefined ? undefined : unitOf(m, row);
        return years.map((y) => {
          const col = colIn(m, y.year);
          if (col === undefined) return m.scan.noAmountCell(row.row, row.col);
          if (m.unitCol !== undefined && m.figure !== 'progress') return m.scan.valueCellWithUnit(row.row, col, m.unitCol);
          const [r, c] = cellAt(m, row, col);
          return unit === undefined ? m.scan.valueCell(r, c) : m.scan.valueCellInUnit(r, c, unit);
        });
      };
      const target = cells(t, tr);
      const { mode, source } = decideMode(goal, target, columns, isRunningTotalLabel(tr.text));
      const weight = weightColumn === undefined ? weightInText(tr.text) : undefined;
      const weightCell = weightColumn === undefined ? undefined : scan.valueCell(tr.row, weightColumn);
      // Each 累計 column of the 目標値 matrix, with the 実績値 and 進捗度 matrices' after the same last year.
      const totalIn = (m: Matrix, lastYear: number) => {
        // Through a year to come the matrix does not show yet, its 累計 after the years it shows.
        const shown = m.years[m.years.length - 1];
        const last = colIn(m, lastYear) ?? (lastYear > shown.year ? shown.col : undefined);
        return last === undefined ? undefined : m.totals.find((l) => l.col > last && !m.years.some((y) => y.col > last && y.col < l.col))?.col;
      };
      const totals: TotalColumn[] = periodTotals(t.totals, columns).map(({ col, of }) => {
        const lastYear = columns[of ? of[of.length - 1] : columns.length - 1].year!;
        const actualCol = totalIn(a, lastYear);
        const progressCol = p && pr ? totalIn(p, lastYear) : undefined;
        return {
          target: scan.valueCell(...cellAt(t, tr, col)),
          ...(actualCol !== undefined && { actual: a.scan.valueCell(...cellAt(a, ar, actualCol)) }),
          ...(progressCol !== undefined && { progress: p!.scan.valueCell(...cellAt(p!, pr!, progressCol)) }),
          ...(of && { of }),
        };
      });
      const weightValue = weightCell?.parsed.kind === 'number' ? weightPercent(weightCell.parsed) : null;
      list.push({
        id: tr.id,
        idInferred: false,
        label: tr.text.trim(),
        labelRef,
        goal,
        mode,
        modeSource: source,
        weight: weightCell ? { value: weightValue, ref: weightCell.ref, text: weightCell.text.trim() } : weight === undefined ? null : { value: weight, ref: labelRef, text: tr.text.trim() },
        columns,
        target,
        actual: cells(a, ar),
        progress: pr ? cells(p!, pr) : null,
        ...(totals.length > 0 && { totals }),
        rows: { target: tr.row, actual: ar.row, progress: pr?.row ?? null },
        ...(!goal && unreadGoal.length > 0 && { unreadGoal: unreadGoal[0] }),
      });
    }
    for (const m of [a, ...(p ? [p] : [])]) for (const [key, row] of m.rows) if (!t.rows.has(key)) unpaired(m, row, 'target');
    if (list.length === 0) continue;
    // Rows of the 進捗度 matrix naming an indicator of these targets (`評価指標(1) | 110% | 105%`) state its progress.
    const indicatorCells: IndicatorProgressCell[] = [];
    for (const pr of p?.indicators.values() ?? []) {
      if (list.some((x) => x.rows.progress === pr.row) || !list.some((x) => x.id.indicator === pr.id.indicator)) continue;
      // Blank in every year, as over the targets' rows in the 目標値 matrix, it only heads them.
      const ps = p!.scan;
      if (t.indicators.has(pr.id.indicator) && p!.years.every((y) => ps.parse(ps.view.raw(pr.row, y.col)).kind === 'blank')) continue;
      for (const y of p!.years) indicatorCells.push({ indicator: pr.id.indicator, year: y.year, cell: ps.valueCell(pr.row, y.col) });
    }
    // Its range on the 目標値 matrix's sheet.
    const parts = [t, a, ...(p ? [p] : [])].filter((m) => m.scan === scan);
    found.push({
      kind: 'progress',
      sheet: scan.view.name,
      range: {
        top: Math.min(...parts.map((m) => m.range.top)),
        left: Math.min(...parts.map((m) => m.range.left)),
        bottom: Math.max(...parts.map((m) => m.range.bottom)),
        right: Math.max(...parts.map((m) => m.range.right)),
      },
      targets: list,
      indicatorCells,
    });
  }
  // Paired, they would make a table of no actuals: the report names both, neither left to be read as a matrix alone.
  for (const [t, a] of disjoint) {
    if (used.has(t) || used.has(a)) continue;
    used.add(t).add(a);
    faults.push({ sheet: t.scan.view.name, cell: a1(t.range.top, t.range.left), reason: 'matrix-years-disjoint', detail: `${rangeText(t)} ${a.scan === t.scan ? '' : `${a.scan.view.name}!`}${rangeText(a)}` });
  }
  return { tables: found, unused: matrices.filter((m) => !used.has(m)), faults };
}

/** Whether two matrices show a year in common. */
function sharesYear(a: Matrix, b: Matrix): boolean {
  return a.years.some((y) => b.years.some((x) => x.year === y.year));
}

function rangeText(m: Matrix): string {
  return `${a1(m.range.top, m.range.left)}:${a1(m.range.bottom, m.range.right)}`;
}
