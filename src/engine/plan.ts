/**
 * A target's plan period, and the years of it without a target (SPEC §4 target-missing), which also tell the
 * cumulative check that a flow target's yearly targets are incomplete rather than contradicting its goal.
 */
import { asNumber, compareWithLowSum, overlapsSum, yearOrder } from './compute.js';
import { columnOfYear } from './indicators.js';
import { inUnitOf, type NumberValue } from './numbers.js';
import { goalPlanPeriod, planPeriod, type PlanPeriod } from './years.js';
import type { CellRef, NumericTarget, TotalColumn } from './model.js';

/** The plan a target's goal covers: the period its goal names (one of two plans' goals), else the label's. */
export function goalPeriod(t: NumericTarget): PlanPeriod | undefined {
  const period = (t.goal && goalPlanPeriod(t.goal)) ?? planPeriod(t.label);
  const to = t.goal?.to;
  if (period || to === undefined) return period;
  // A total headed with its plan's last year (`R3目標`): the plan from the first year shown to that one.
  let first = Infinity;
  for (const c of t.columns) if (!c.baseline && c.year !== null) first = Math.min(first, c.year);
  return first <= to ? { years: to - first + 1, to } : undefined;
}

/** The yearly targets of a target that hold numbers (baseline columns excluded), of the years `keep` keeps (all without). */
function targetsOf(t: NumericTarget, keep?: (i: number) => boolean): NumberValue[] {
  const values: NumberValue[] = [];
  for (let i = 0; i < t.columns.length; i++) {
    const v = t.columns[i].baseline || (keep && !keep(i)) ? undefined : asNumber(t.target[i].parsed);
    if (v) values.push(v);
  }
  return values;
}

/** A flow target's stated total (its cumulative goal, its 累計 column's target) beside its yearly targets, in one unit. */
export interface CumulativeComparison {
  ref: CellRef;
  goal: NumberValue;
  parts: NumberValue[];
  /** The 累計 column whose target the total is (it may hold the totals to date), when it is not the goal. */
  column?: TotalColumn;
  /** The stated total's unit given to a list of targets. */
  inGoalUnit(list: NumberValue[]): NumberValue[];
}

/** The yearly targets of the years (a 累計 column's) that state an actual: what a 累計 column of the totals to date adds up. */
export function targetsSoFar(t: NumericTarget, column?: TotalColumn): NumberValue[] {
  return targetsOf(t, (i) => !!asNumber(t.actual[i].parsed) && (!column?.of || column.of.includes(i)));
}

/** `fewest`: the yearly targets needed for a comparison (a goal over one year's target is that year's, for the rule). */
export function cumulativeComparisons(t: NumericTarget, fewest = 2): CumulativeComparison[] {
  if (t.mode !== 'flow') return [];
  const values = targetsOf(t);
  if (values.length < fewest) return [];
  // Built without intermediate lists or closures but inGoalUnit: it runs for every flow target.
  const comparisons: CumulativeComparison[] = [];
  if (t.goal?.cumulative) comparisons.push(comparison(t.goal.value, t.goal.ref, undefined, targetsOfPlan(t, values)));
  for (const column of t.totals ?? []) {
    const total = asNumber(column.target?.parsed);
    if (!total || !column.target) continue;
    // A plan period's 累計 column adds up that period's years alone.
    const of = column.of;
    comparisons.push(comparison(total, column.target.ref, column, of ? targetsOf(t, (i) => of.includes(i)) : values));
  }
  return comparisons;
}

/**
 * The yearly targets a cumulative goal adds up: those of the years the label names (`475億円（平成29～令和3年度累計）`),
 * or of as many years as it counts (`5年間累計：475億円`) from the first year with a target, when the table shows
 * those years and more (a plan extended by a year, the next plan's first year beside it); else every year's (`all`).
 */
function targetsOfPlan(t: NumericTarget, all: NumberValue[]): NumberValue[] {
  const period = goalPeriod(t);
  if (!period) return all;
  let first = Infinity;
  let last = -Infinity;
  let firstTarget = Infinity;
  for (let i = 0; i < t.columns.length; i++) {
    const c = t.columns[i];
    if (c.baseline) continue;
    if (c.year === null) return all;
    first = Math.min(first, c.year);
    last = Math.max(last, c.year);
    if (asNumber(t.target[i].parsed)) firstTarget = Math.min(firstTarget, c.year);
  }
  const to = period.to ?? firstTarget + period.years - 1;
  const from = to - period.years + 1;
  if (first > from || last < to || (first === from && last === to)) return all;
  return targetsOf(t, (i) => t.columns[i].year! >= from && t.columns[i].year! <= to);
}

function comparison(stated: NumberValue, ref: CellRef, column: TotalColumn | undefined, values: NumberValue[]): CumulativeComparison {
  // A bare number is in the unit of the other side: a goal of `475億円` over cells holding 115, 81 ….
  let withUnit: NumberValue | undefined;
  for (const v of values) {
    if (v.unit !== null || v.scaleLabel !== '') {
      withUnit = v;
      break;
    }
  }
  const goal = inUnitOf(stated, withUnit);
  return { ref, goal, parts: inUnitOfAll(values, goal), column, inGoalUnit: (list) => inUnitOfAll(list, goal) };
}

/** A list of targets in the unit of `goal`: the list itself when that changes none. */
function inUnitOfAll(list: NumberValue[], goal: NumberValue): NumberValue[] {
  for (const v of list) if (inUnitOf(v, goal) !== v) return list.map((w) => inUnitOf(w, goal));
  return list;
}

/** Whether the years a target's table shows skip one (`H29 | H30 | R2 | R3`): the skipped year's target is not shown. */
export function skipsYears(t: NumericTarget): boolean {
  const years = t.columns.filter((c) => !c.baseline && c.year !== null).map((c) => c.year!).sort((a, b) => a - b);
  return years.some((y, k) => k > 0 && y - years[k - 1] > 1);
}

/** Whether the yearly targets add up to less than the total stated: only the years still to come can make it up. */
function shortOfTotal(c: CumulativeComparison): boolean {
  return !overlapsSum(c.goal, c.parts) && compareWithLowSum(c.goal.hi, c.parts) >= 0;
}

/**
 * Where, in the order of the years, a flow target's plan ends when its goal is a total tied to no year: the label's
 * last year (`平成29～令和3年度`), or as many years as it names (`5年間`) from the first target; with neither, the
 * table's last year when the targets shown fall short of the total (the years left blank are the plan's), else -1.
 */
function flowPlanEnd(t: NumericTarget, order: readonly number[], first: number): number {
  if (t.mode !== 'flow' || t.goal?.year != null || (!t.goal?.cumulative && !t.totals?.some((c) => c.target))) return -1;
  const yearly = [...order.keys()].filter((k) => !t.columns[order[k]].baseline);
  if (yearly.length === 0) return -1;
  const from = yearly.findIndex((k) => k >= first);
  const period = goalPeriod(t);
  if (period && from >= 0) {
    const startYear = t.columns[order[yearly[from]]].year;
    const lastYear = period.to ?? (startYear !== null ? startYear + period.years - 1 : null);
    if (lastYear !== null && order.every((i) => t.columns[i].year !== null)) {
      let end = -1;
      for (const k of yearly) if (t.columns[order[k]].year! <= lastYear) end = k;
      return end;
    }
    return yearly[Math.min(from + period.years - 1, yearly.length - 1)];
  }
  return cumulativeComparisons(t, 1).some(shortOfTotal) ? yearly[yearly.length - 1] : -1;
}

/**
 * The columns of the years inside a target's plan period that have no target: from its first target to its last, to
 * its goal's year (`900社（令和7年度）`), or to the end of a flow target's plan (flowPlanEnd).
 */
export function missingTargetColumns(t: NumericTarget): number[] {
  // In the order of the years (a table may show them from the latest: `R3 | R2 | R1`).
  const order = yearOrder(t.columns);
  const present = order.map((i) => t.target[i].parsed.kind !== 'blank');
  const first = present.indexOf(true);
  if (first < 0) return [];
  let last = present.lastIndexOf(true);
  const goalCol = t.goal?.year ? order.indexOf(columnOfYear(t, t.goal.year)) : -1;
  if (goalCol > last) last = goalCol;
  if (last < order.length - 1) last = Math.max(last, flowPlanEnd(t, order, first));
  return gaps(order, present, first, last);
}

function gaps(order: readonly number[], present: boolean[], first: number, last: number): number[] {
  const columns: number[] = [];
  for (let k = first; k <= last; k++) if (!present[k]) columns.push(order[k]);
  return columns;
}
