/** What the detector recognizes: typed tables whose cells are already parsed. */
import type { CellRange, CellValue } from './grid.js';
import type { NumberValue, Parsed } from './numbers.js';
import type { TargetId } from './text.js';

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** A cell where a number belongs, with what it was read as. */
export interface ValueCell {
  ref: CellRef;
  parsed: Parsed;
  /** The text as shown, for messages. */
  text: string;
  /** How the cell stores its value: a number, or text such as `138%`. */
  storage: 'number' | 'text' | 'empty' | 'other';
  numFmt?: string;
  formula?: string;
  /** The value exactly as the cell stores it (1.38 in a `0%` cell), for undo; null when empty. */
  stored?: CellValue;
  /**
   * A number inside a line of text (`【…進捗度 138%…】`): the cell's whole text and where the
   * number stands in it, so that a recalculation rewrites only that number.
   */
  inline?: { line: string; start: number; end: number };
}

export interface YearColumn {
  col: number;
  /** Gregorian start year; null when the table has no readable year header. */
  year: number | null;
  baseline: boolean;
  header: string;
  /**
   * A column beside it under the same merged year header that holds the unit of its values
   * (`100 | 社`, `110 | %`): its values are read with that unit.
   */
  unitCol?: number;
}

export type TargetMode = 'flow' | 'stock';

export interface PlanGoal {
  value: NumberValue;
  /** `(累計)`: the goal is a 5-year total. */
  cumulative: boolean;
  /** `（令和7年度）`: the goal is a level to reach by that fiscal year. */
  year: number | null;
  /**
   * The years of a plan's total whose label names none, taken from the other plan's beside it (`第1期 475億円（累計）、
   * 第2期 500億円（令和4～8年度累計）`: 平成29～令和3年度), or from a line above its table (`計画期間：平成29年度～令和3年度`;
   * `計画期間：5年間` gives the years alone, `to` null).
   */
  period?: { years: number; to: number | null };
  /** The plan's last year a header over a total names (`R3目標`, `目標(R3)` over `475億円（累計）`), its first year not named. */
  to?: number;
  ref: CellRef;
  text: string;
}

export interface Weight {
  /** Null when the label gives none (`寄与度(※):-(%)` or an empty `寄与度(※):`). */
  value: NumberValue | null;
  ref: CellRef;
  text: string;
}

/** A `累計` column's cells (its progress, when the block has a progress row) and the years it adds up. */
export interface TotalColumn {
  target?: ValueCell;
  actual?: ValueCell;
  progress?: ValueCell;
  /**
   * The indices in `columns` of the years it adds up, where the table has several 累計 columns: those since the
   * 累計 column before it (a plan period's), or as many as it counts (`直近3年累計`). Absent: every year shown.
   */
  of?: number[];
}

/** One 数値目標 block: target, actual and progress rows over the year columns. */
export interface NumericTarget {
  id: TargetId;
  /** True when the id was not written in the workbook and was numbered by position. */
  idInferred: boolean;
  label: string;
  labelRef: CellRef | null;
  /** For an id numbered by position: the text the block shows where its id would stand (`指標1-① 投資額`), not read as one. */
  unreadId?: { ref: CellRef; text: string };
  goal: PlanGoal | null;
  /**
   * The goals the label states for the other plans, totals (`第1期 475億円（累計）、第2期 500億円（…累計）`) or levels
   * (`900社（令和3年度）、1,200社（令和8年度）`): those not `goal`.
   */
  otherGoals?: PlanGoal[];
  mode: TargetMode;
  modeSource: 'cumulative-label' | 'running-total-label' | 'running-total-values' | 'goal-year' | 'stock-label' | 'default' | 'override';
  /** The weight, the latest year's where they change from year to year (yearWeights). */
  weight: Weight | null;
  /**
   * Where a 寄与度 row states weights that change from one year to the next (`50% | 70% | 70%`): each column's,
   * null where the row states none (that year takes `weight`). Absent when the weight is the same every year.
   */
  yearWeights?: (Weight | null)[];
  columns: YearColumn[];
  target: ValueCell[];
  actual: ValueCell[];
  /** Null when the block has no progress row. */
  progress: ValueCell[] | null;
  /**
   * The `累計` columns of the table, in order: usually one; one per plan period where the table spans two
   * (`H29 … R3 | 累計 | R4 R5 | 累計`).
   */
  totals?: TotalColumn[];
  /**
   * Its progress row (where the row tells nothing, its table's) states bare numbers as ratios (1.08 for 108 %): a progress
   * over a target of 0, which no computation tells apart, is read so (1 is 100 %). Set by markRatioRows.
   */
  progressRatios?: true;
  /** A `累計進捗度` row under the block's progress row: each year's cell states the progress of the running totals through it. */
  runningProgress?: ValueCell[];
  /** A `寄与度×進捗度` row under the block (`寄与度を乗じた進捗度`): each year's cell states the weight × the year's progress. */
  weightedProgress?: ValueCell[];
  rows: { target: number; actual: number; progress: number | null };
  /** A goal the label states in a number that cannot be read (`1,2345人（累計）`): the label's cell, for a warning. */
  unreadGoal?: ValueCell;
}

/** A cell that states an indicator's progress for one year (the workbook's own 評価指標 進捗度). */
export interface IndicatorProgressCell {
  indicator: string;
  year: number | null;
  cell: ValueCell;
}

export interface ProgressTable {
  kind: 'progress';
  sheet: string;
  range: CellRange;
  targets: NumericTarget[];
  indicatorCells: IndicatorProgressCell[];
  /** The titles right over the table, each alone in its row (`京浜臨海部…総合特区`): they may name its zone. */
  headings?: string[];
}

export interface SummaryRow {
  /** Null target id: a line about the indicator as a whole. */
  indicator: string;
  target: TargetId | null;
  year: number | null;
  targetValue?: ValueCell;
  actualValue?: ValueCell;
  progress?: ValueCell;
  weight?: ValueCell;
  labelRef: CellRef;
  /**
   * The figures stated as running totals (a header or label saying 累計: `目標値（累計）`, `累計実績値`, and a progress
   * labelled so or stated beside running totals alone): checked against the target's running totals, never one year's.
   */
  runningTotals?: { target?: boolean; actual?: boolean; progress?: boolean };
  /** A summary line's titles (SummaryTable.headings for lines): the nearest title above it and those right over that one. */
  headings?: string[];
}

/** A target's cumulative goal stated in the 本文 on a line of its own under the target's id (`累計：475 億円`). */
export interface SummaryGoal {
  indicator: string;
  target: TargetId;
  goal: ValueCell;
  /** The line, which may name the plan's years (`5 年間（平成 29～令和 3 年度）`). */
  text: string;
  /** As PlanGoal's: a total over the plan's years (`累計：475 億円`), or a level to reach by a year (`900 社（令和7年度）`). */
  cumulative: boolean;
  year: number | null;
}

export interface SummaryTable {
  kind: 'summary';
  sheet: string;
  range: CellRange;
  year: number | null;
  rows: SummaryRow[];
  /** The cumulative goals its lines state (summary lines only). */
  goals?: SummaryGoal[];
  /** As ProgressTable's: the titles right over a summary table (none for lines, which stand in a text). */
  headings?: string[];
}

export interface BudgetRow {
  project: string;
  /**
   * Which project's run of rows this is, counted down the table: a new name starts one, and so does a row met again
   * where no project is named (`国予算(a) 自治体予算(b) 総事業費(a+b)` twice over, one under the other).
   */
  block?: number;
  label: string;
  labelRef: CellRef;
  /** Letter of a part, `a` in `国予算(a)`; the letters a total adds up, `['a','b']` in `(a+b)`. */
  part?: string;
  totalOf?: string[];
  /** A 合計 row under the projects: the indices in the table's rows of each project's row it adds up (its own label's). */
  acrossOf?: number[];
  /** The stage of the figures when a part or total has a row for each (`計画`, `実績`): a total adds up the parts of its own. */
  stage?: string;
  cells: ValueCell[];
  /**
   * Its `累計` cells: usually one; one per plan period where the table spans two (`H29 … R3 | 累計 | R4 R5 | 累計`), each
   * with the indices in the table's `columns` of the years it adds up (`of`; absent: every year shown). One over a single
   * figure beside years read per stage (`H29` over `計画 | 実績`, `累計` over one cell) is of a stage the table does not
   * say: it is on the first stage's row alone, with each stage's cells of the years (`eachStage`), and short only of all.
   */
  totals?: { cell: ValueCell; of?: number[]; eachStage?: ValueCell[][] }[];
}

export interface BudgetTable {
  kind: 'budget';
  sheet: string;
  range: CellRange;
  title: string;
  columns: YearColumn[];
  rows: BudgetRow[];
}

export interface OverallScoreRow {
  name: string;
  overall: ValueCell;
  scores: [ValueCell, ValueCell, ValueCell];
}

export interface OverallScoreTable {
  kind: 'overall-score';
  sheet: string;
  range: CellRange;
  rows: OverallScoreRow[];
}

export type Table = ProgressTable | SummaryTable | BudgetTable | OverallScoreTable;

/** Something the detector saw but could not use, so that nothing is dropped silently. */
export interface Fault {
  sheet: string;
  cell?: string;
  reason:
    | 'hidden-sheet'
    | 'empty-sheet'
    | 'sheet-too-large'
    | 'block-without-years'
    | 'matrix-row-unpaired'
    | 'matrix-unpaired'
    | 'matrix-years-disjoint'
    | 'summary-part-of-year'
    | 'target-id-unread'
    | 'unreadable-sheet'
    | 'formulas-computed'
    | 'hidden-rows'
    | 'hidden-columns'
    | 'filtered-rows';
  detail?: string;
}

export interface Model {
  tables: Table[];
  faults: Fault[];
}
