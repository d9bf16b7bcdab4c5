import { dec, show, sum } from '../decimal.js';
import { compareWithLowSum, overlapsSum } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { cumulativeComparisons, missingTargetColumns, planPeriod, targetsSoFar } from '../plan.js';
import { targetParams, type Rule } from './types.js';

export const cumulativeTotalMismatch: Rule = {
  id: 'cumulative-total-mismatch',
  severity: 'error',
  describe: {
    ja: 'フロー型の数値目標で、累計目標が各年度の目標値の合計と一致しない',
    en: "A flow target's stated cumulative goal differs from the sum of its yearly targets",
  },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      let incomplete: boolean | undefined;
      for (const { ref, goal, parts, column, inGoalUnit } of cumulativeComparisons(t)) {
        if (overlapsSum(goal, parts)) continue;
        // A 累計 column may hold the totals to date: its target the sum of the targets of the years with an actual.
        const soFar = column ? targetsSoFar(t) : [];
        if (soFar.length > 0 && overlapsSum(goal, inGoalUnit(soFar))) continue;
        // Targets missing from the plan (years the table does not show yet, the `5年間` of a table of the years so far,
        // or years shown without a target) are part of the total: the targets given may not exceed it, and falling
        // short of it is no contradiction (target-missing notes the blank years).
        // A target that cannot be read (`調整中`, reported as such) is one not known, as a blank one.
        incomplete ??=
          (planPeriod(t.label)?.years ?? 0) > t.columns.filter((c) => !c.baseline).length ||
          missingTargetColumns(t).length > 0 ||
          t.target.some((c, i) => !t.columns[i].baseline && c.parsed.kind === 'invalid');
        if (incomplete && compareWithLowSum(goal.hi, parts) >= 0) continue;
        const total = sum(parts.map((v) => v.value));
        const scale = goal.scale.gt(0) ? goal.scale : dec(1);
        const terms = parts.map((v) => show(v.value.div(scale), 4)).join(' + ');
        findings.push(
          findingAt('cumulative-total-mismatch', 'error', ref, {
            expected: total.div(scale).toNumber(),
            stated: goal.value.div(scale).toNumber(),
            calc: `${terms} = ${show(total.div(scale), 4)}`,
            params: { ...targetParams(t), unit: `${goal.scaleLabel}${goal.unit ?? ''}` },
          }),
        );
      }
    }
    return findings;
  },
};
