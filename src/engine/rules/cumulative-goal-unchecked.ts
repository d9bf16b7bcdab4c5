import { cumulativeVerdicts } from './cumulative-total-mismatch.js';
import { stockGoalsUnchecked } from './stock-goal-mismatch.js';
import type { Rule } from './types.js';

/**
 * A flow target's cumulative goal above the sum of the yearly targets of a table showing fewer years than a plan's, its
 * last year with an actual, no plan period stated anywhere (label, a 計画期間 line, a header such as `R3目標`): the table likely shows the years so
 * far of a plan under way, so the goal cannot be checked yet. Information, not an error: nothing contradicts it. So too a
 * stock's goal naming no year (`（ストック） 310社`) above the last target of such a table.
 */
export const cumulativeGoalUnchecked: Rule = {
  id: 'cumulative-goal-unchecked',
  severity: 'info',
  describe: {
    ja: '累計目標が表示された年度の目標値の合計を上回り(年度のないストックの目標が最後の目標値を上回り)、計画期間の記載がないため、途中の計画として確かめていない',
    en: "A cumulative goal exceeds the sum of the years' targets shown (a stock's goal naming no year, the last target) and no plan period is stated: a plan under way, not checked yet",
  },
  check(ctx) {
    return [...cumulativeVerdicts(ctx).unchecked, ...stockGoalsUnchecked(ctx)];
  },
};
