import { show } from '../decimal.js';
import { a1 } from '../grid.js';
import { asNumber, boundMayHold, holdsRunningTotals, mayBeEqual, yearOrder } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { inUnitOf, type NumberValue } from '../numbers.js';
import { columnOfYear, summaryGoals } from '../indicators.js';
import type { NumericTarget, PlanGoal } from '../model.js';
import { PLAN_YEARS, showsSoFar, yearsShown } from './cumulative-total-mismatch.js';
import { targetParams, type Rule, type RuleContext } from './types.js';
import type { Decimal } from '../decimal.js';

export const stockGoalMismatch: Rule = {
  id: 'stock-goal-mismatch',
  severity: 'error',
  describe: {
    ja: 'ストック型の数値目標で、最終年度の目標値が計画の目標と一致しない',
    en: "A stock target's final-year target differs from its stated goal",
  },
  check({ model, targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      // A cumulative goal is a stock's goal only when each year's target is the running total.
      if (t.mode !== 'stock' || !t.goal || (t.goal.cumulative && !holdsRunningTotals(t))) continue;
      const finding = mismatch(t, t.goal, true);
      if (finding) findings.push(finding);
      // The levels the label states for the other plans (`900社（令和3年度）` beside `1,200社（令和8年度）`), each at its year.
      for (const goal of t.otherGoals ?? []) {
        const other = goal.year !== null && !goal.cumulative ? mismatch(t, goal, false) : undefined;
        if (other) findings.push(other);
      }
    }
    // A level the 本文 states after a target's id (`数値目標（1）：180 社（令和3年度）→900 社（令和7年度）`) beside the
    // table's own goal is compared with the table's targets too (one lent to a table stating none is its goal, above).
    for (const { target: t, goal } of summaryGoals(model, targets, false)) {
      const finding = t.mode === 'stock' ? mismatch(t, goal, true) : undefined;
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

/** How a final target misses a goal stated as a bound: under `以上`, at most `超`, over `以下`, at least `未満`. */
const MISSED: Record<string, string> = { 以上: '<', 超: '≤', 以下: '>', 未満: '≥' };

/** The column of the last year stating a target, in year order; -1 when none does. */
function lastTargetColumn(t: NumericTarget): number {
  const order = yearOrder(t.columns);
  for (let k = order.length - 1; k >= 0; k--) if (asNumber(t.target[order[k]].parsed)) return order[k];
  return -1;
}

/**
 * A stock target's goal against its target of the goal's year; with `orLast`, of the last year with a target when the
 * table shows not its year. Undefined when nothing is due yet or the target meets the goal; else the column compared
 * and both figures, each in the other's unit where one is bare.
 */
function missedGoal(t: NumericTarget, goalOf: PlanGoal, orLast: boolean): { i: number; final: NumberValue; goal: NumberValue } | undefined {
  let i = columnOfYear(t, goalOf.year);
  // A goal for a year after the last the table shows (最終目標(R7) beside R4 … R6) is not yet due.
  const lastYear = t.columns.reduce<number | null>((y, c) => (c.year !== null && (y === null || c.year > y) ? c.year : y), null);
  if (i < 0 && goalOf.year !== null && lastYear !== null && goalOf.year > lastYear) return undefined;
  if (i < 0 && !orLast) return undefined;
  if (i < 0) i = lastTargetColumn(t);
  const asRead = i >= 0 ? asNumber(t.target[i].parsed) : undefined;
  if (!asRead) return undefined;
  // A bare number on either side is in the other's unit.
  const final = inUnitOf(asRead, goalOf.value);
  const goal = inUnitOf(goalOf.value, asRead);
  // A goal stated as a bound (`900社以上（令和7年度）`) holds where the final target may meet it (`900社超` not by 900 社).
  if (goal.bound ? boundMayHold(final.lo, final.hi, goal) : mayBeEqual(final, goal)) return undefined;
  return { i, final, goal };
}

/** A stock target's goal its target of the goal's year (or the last one's, with `orLast`) misses: an error at the goal. */
function mismatch(t: NumericTarget, goalOf: PlanGoal, orLast: boolean): Finding | undefined {
  const missed = missedGoal(t, goalOf, orLast);
  if (!missed) return undefined;
  const { i, final, goal } = missed;
  // A level naming no year above the last target of a table of the years so far: not due yet (cumulative-goal-unchecked says so).
  if (yearlessUnderway(t, goalOf, final.value, goal.value)) return undefined;
  const scale = goal.scale;
  // An earlier plan's level (`第1期 900社（令和3年度）`) is compared with a year before the last with a target: no final year's.
  const last = lastTargetColumn(t);
  return findingAt('stock-goal-mismatch', 'error', goalOf.ref, {
    expected: final.value.div(scale).toNumber(),
    stated: goal.value.div(scale).toNumber(),
    // A bound the final target misses is shown by how it misses it (`900社超` by 900: 900 ≤ 900), never as two equal numbers ≠.
    calc: `${t.columns[i].header || t.target[i].text}: ${show(final.value.div(scale), 4)} ${MISSED[goal.bound ?? ''] ?? '≠'} ${show(goal.value.div(scale), 4)}`,
    // A goal the 本文 states is on another sheet than the target it is compared with: the message names that sheet.
    params: { ...targetParams(t, t.columns[i]), finalCell: a1(t.target[i].ref.row, t.target[i].ref.col), ...(t.target[i].ref.sheet !== goalOf.ref.sheet && { finalSheet: t.target[i].ref.sheet }), ...(i !== last && { earlier: 1 }), unit: `${goal.scaleLabel}${goal.unit ?? ''}`, ...(goal.bound && { said: goal.bound }) },
  });
}

/**
 * Whether a stock's goal naming no year (`立地企業数（ストック） 310社`) may be a level the table does not reach yet: above the
 * last target of a table of fewer years than a plan's, its last year with an actual (the years so far of a plan under way).
 */
function yearlessUnderway(t: NumericTarget, goal: PlanGoal, final: Decimal, level: Decimal): boolean {
  return goal.year === null && !goal.cumulative && level.gt(final) && yearsShown(t) < PLAN_YEARS && showsSoFar(t);
}

/** The stocks' goals naming no year that yearlessUnderway leaves unchecked: information, nothing contradicts them. */
export function stockGoalsUnchecked({ targets }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const { target: t } of targets.all) {
    const g = t.goal;
    if (t.mode !== 'stock' || !g || g.cumulative || g.year !== null) continue;
    const missed = missedGoal(t, g, true);
    if (!missed || !yearlessUnderway(t, g, missed.final.value, missed.goal.value)) continue;
    const { i, final, goal } = missed;
    const scale = goal.scale;
    findings.push(
      findingAt('cumulative-goal-unchecked', 'info', g.ref, {
        expected: final.value.div(scale).toNumber(),
        stated: goal.value.div(scale).toNumber(),
        calc: `${t.columns[i].header || t.target[i].text}: ${show(final.value.div(scale), 4)} < ${show(goal.value.div(scale), 4)}`,
        params: { ...targetParams(t, t.columns[i]), stock: 1, unit: `${goal.scaleLabel}${goal.unit ?? ''}`, years: yearsShown(t), planYears: PLAN_YEARS },
      }),
    );
  }
  return findings;
}
