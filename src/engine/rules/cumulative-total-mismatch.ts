import { dec, show, sum } from '../decimal.js';
import { asNumber, boundMayHold, compareWithLowSum, overlapsSum, yearOrder } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { cumulativeComparisons, goalPeriod, missingTargetColumns, skipsYears, targetsSoFar } from '../plan.js';
import { summaryGoals } from '../indicators.js';
import { goalPlanPeriod } from '../years.js';
import type { NumericTarget, PlanGoal } from '../model.js';
import { periodParam, targetParams, type Rule, type RuleContext } from './types.js';

/** The years a cumulative goal covers where nothing states them (SPEC §1.1: `475億円 (累計)` is a 5-year total). */
export const PLAN_YEARS = 5;

/** What the cumulative rules find: errors (cumulative-total-mismatch), and goals of a plan under way not checked (info). */
interface Verdicts {
  mismatch: Finding[];
  unchecked: Finding[];
}

/**
 * The findings of a flow target's stated totals (its goal, its 累計 column) against the sum of its yearly targets, into
 * `out`: a goal the targets shown fall short of, in a table of fewer years than a plan's ending at a year with an actual
 * and no plan period stated (a table of the years so far), is noted as not checked yet rather than contradicting them.
 */
function mismatches(t: NumericTarget, out: Verdicts): void {
  const findings = out.mismatch;
  let incomplete: boolean | undefined;
  for (const { ref, goal, parts, column, inGoalUnit } of cumulativeComparisons(t)) {
    // A goal stated as a bound (`470億円以上（累計）`) holds where the total may meet it (`1,100人超` not by 1,100 人).
    if (goal.bound ? boundMayHold(sum(parts.map((v) => v.lo)), sum(parts.map((v) => v.hi)), goal) : overlapsSum(goal, parts)) continue;
    // A 累計 column may hold the totals to date: its target the sum of the targets of the years with an actual.
    const soFar = column ? targetsSoFar(t, column) : [];
    if (soFar.length > 0 && overlapsSum(goal, inGoalUnit(soFar))) continue;
    // Targets missing from the plan (years the table does not show yet, the `5年間` of a table of the years so far,
    // a year the table skips, or years shown without a target) are part of the total: the targets given may not exceed it, and falling
    // short of it is no contradiction (target-missing notes the blank years). A plan period's 累計 column, of its period's.
    if (compareWithLowSum(goal.hi, parts) >= 0 && (column?.of ? periodIncomplete(t, column.of) : (incomplete ??= planIncomplete(t)))) continue;
    const total = sum(parts.map((v) => v.value));
    const scale = goal.scale.gt(0) ? goal.scale : dec(1);
    const terms = parts.map((v) => show(v.value.div(scale), 4)).join(' + ');
    if (!column && compareWithLowSum(goal.hi, parts) >= 0 && !goalPeriod(t) && yearsShown(t) < PLAN_YEARS && showsSoFar(t)) {
      out.unchecked.push(
        findingAt('cumulative-goal-unchecked', 'info', ref, {
          expected: total.div(scale).toNumber(),
          stated: goal.value.div(scale).toNumber(),
          calc: `${terms} = ${show(total.div(scale), 4)}`,
          params: { ...targetParams(t), unit: `${goal.scaleLabel}${goal.unit ?? ''}`, years: yearsShown(t), planYears: PLAN_YEARS },
        }),
      );
      continue;
    }
    // A row rising every year may state running totals (`115 | 196 | 283 | 376 | 475` under `475億円（累計）`, read so when
    // its last is the goal): the reviewer is told the goal is not its last target either, not only the sum no one meant.
    const last = parts[parts.length - 1].value;
    const rising = !column && parts.length > 1 && parts.every((v, k) => k === 0 || v.value.gt(parts[k - 1].value)) && total.gt(goal.hi);
    findings.push(
      findingAt('cumulative-total-mismatch', 'error', ref, {
        expected: total.div(scale).toNumber(),
        stated: goal.value.div(scale).toNumber(),
        calc: `${terms} = ${show(total.div(scale), 4)}`,
        params: {
          ...targetParams(t),
          unit: `${goal.scaleLabel}${goal.unit ?? ''}`,
          ...periodParam(t.columns, column?.of),
          ...(goal.bound && { said: goal.bound }),
          ...(rising && { lastTarget: last.div(scale).toNumber() }),
        },
      }),
    );
  }
}

/** Whether a target's table ends at a year with an actual: it shows the years so far, none still to come. */
export function showsSoFar(t: NumericTarget): boolean {
  const order = yearOrder(t.columns);
  for (let k = order.length - 1; k >= 0; k--) if (!t.columns[order[k]].baseline) return asNumber(t.actual[order[k]].parsed) !== undefined;
  return false;
}

/** How many years (baselines not counted) a target's table shows. */
export function yearsShown(t: NumericTarget): number {
  return t.columns.filter((c) => !c.baseline).length;
}

const verdicts = new WeakMap<RuleContext['targets'], Verdicts>();

/** The cumulative goals' findings, worked out once for both rules that report them. */
export function cumulativeVerdicts({ model, targets }: RuleContext): Verdicts {
  let out = verdicts.get(targets);
  if (out) return out;
  out = { mismatch: [], unchecked: [] };
  for (const { target: t } of targets.all) {
    mismatches(t, out);
    // The other plans' totals the label states, each against its own plan's years where the table shows them whole.
    for (const goal of t.otherGoals ?? []) if (goal.cumulative && showsWhole(t, goal)) mismatches({ ...t, goal, totals: undefined }, out);
  }
  // A goal the 本文 states on a line of its own (`5 年間（平成 29～令和 3 年度）累計：475 億円`) is compared with the yearly
  // targets of the table it restates, as the table's own goal is.
  for (const { target: t, goal } of summaryGoals(model, targets, true)) if (t.mode === 'flow') mismatches({ ...t, goal, totals: undefined, label: `${t.label} ${goal.text}` }, out);
  verdicts.set(targets, out);
  return out;
}

/** Whether a target's table shows every year of the plan a goal names. */
function showsWhole(t: NumericTarget, goal: PlanGoal): boolean {
  const period = goalPlanPeriod(goal);
  if (period?.to == null) return false;
  const shown = new Set(t.columns.filter((c) => !c.baseline).map((c) => c.year));
  for (let y = period.to - period.years + 1; y <= period.to; y++) if (!shown.has(y)) return false;
  return true;
}

/** Whether a target's plan is shown incomplete. A target that cannot be read (`調整中`, reported as such) is one not known, as a blank one. */
function planIncomplete(t: NumericTarget): boolean {
  return (
    (goalPeriod(t)?.years ?? 0) > t.columns.filter((c) => !c.baseline).length ||
    missingTargetColumns(t).length > 0 ||
    skipsYears(t) ||
    t.target.some((c, i) => !t.columns[i].baseline && c.parsed.kind === 'invalid')
  );
}

/**
 * Whether the years a plan period's 累計 column adds up (`of`) show its plan incomplete: a year without a target, a year
 * skipped, or fewer years than another period's 累計 column adds up (the period under way, its later years not shown
 * yet); a column of the last years within another's (`直近3年累計` beside `計画期間累計`) is no period under way.
 */
function periodIncomplete(t: NumericTarget, of: number[]): boolean {
  const others = (t.totals ?? []).filter((c) => c.of && c.of !== of);
  const underWay = others.some((c) => c.of!.length > of.length) && !others.some((c) => c.of!.some((k) => of.includes(k)));
  const years = of.map((i) => t.columns[i].year).filter((y): y is number => y !== null);
  return underWay || of.some((i) => t.target[i].parsed.kind !== 'number') || years.some((y, k) => k > 0 && Math.abs(y - years[k - 1]) > 1);
}

export const cumulativeTotalMismatch: Rule = {
  id: 'cumulative-total-mismatch',
  severity: 'error',
  describe: {
    ja: 'フロー型の数値目標で、累計目標が各年度の目標値の合計と一致しない',
    en: "A flow target's stated cumulative goal differs from the sum of its yearly targets",
  },
  check(ctx) {
    return cumulativeVerdicts(ctx).mismatch;
  },
};
