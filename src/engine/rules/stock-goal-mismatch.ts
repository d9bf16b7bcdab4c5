import { show } from '../decimal.js';
import { a1 } from '../grid.js';
import { asNumber, mayBeEqual, yearOrder } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { inUnitOf } from '../numbers.js';
import { columnOfYear } from '../indicators.js';
import { targetParams, type Rule } from './types.js';

export const stockGoalMismatch: Rule = {
  id: 'stock-goal-mismatch',
  severity: 'error',
  describe: {
    ja: 'ストック型の数値目標で、最終年度の目標値が計画の目標と一致しない',
    en: "A stock target's final-year target differs from its stated goal",
  },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      // A cumulative goal is a stock's goal only when each year's target is the running total.
      if (t.mode !== 'stock' || !t.goal || (t.goal.cumulative && t.modeSource !== 'running-total-label')) continue;
      let i = columnOfYear(t, t.goal.year);
      // A goal for a year after the last the table shows (最終目標(R7) beside R4 … R6) is not yet due.
      const lastYear = t.columns.reduce<number | null>((y, c) => (c.year !== null && (y === null || c.year > y) ? c.year : y), null);
      if (i < 0 && t.goal.year !== null && lastYear !== null && t.goal.year > lastYear) continue;
      if (i < 0) {
        const order = yearOrder(t.columns);
        for (let k = order.length - 1; k >= 0 && i < 0; k--) if (asNumber(t.target[order[k]].parsed)) i = order[k];
      }
      const asRead = i >= 0 ? asNumber(t.target[i].parsed) : undefined;
      if (!asRead) continue;
      // A bare number on either side is in the other's unit.
      const final = inUnitOf(asRead, t.goal.value);
      const goal = inUnitOf(t.goal.value, asRead);
      if (mayBeEqual(final, goal)) continue;
      const scale = goal.scale;
      findings.push(
        findingAt('stock-goal-mismatch', 'error', t.goal.ref, {
          expected: final.value.div(scale).toNumber(),
          stated: goal.value.div(scale).toNumber(),
          calc: `${t.columns[i].header || t.target[i].text}: ${show(final.value.div(scale), 4)} ≠ ${show(goal.value.div(scale), 4)}`,
          params: { ...targetParams(t, t.columns[i]), finalCell: a1(t.target[i].ref.row, t.target[i].ref.col), unit: `${goal.scaleLabel}${goal.unit ?? ''}` },
        }),
      );
    }
    return findings;
  },
};
