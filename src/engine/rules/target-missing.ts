import { findingAt } from '../findings.js';
import { missingTargetColumns } from '../plan.js';
import { targetParams, type Rule } from './types.js';

export const targetMissing: Rule = {
  id: 'target-missing',
  severity: 'warning',
  describe: { ja: '計画期間内の年度に目標値がない', en: 'A year inside the plan period has no target' },
  check({ targets }) {
    return targets.all.flatMap(({ target: t }) =>
      missingTargetColumns(t).map((i) => findingAt('target-missing', 'warning', t.target[i].ref, { params: targetParams(t, t.columns[i]) })),
    );
  },
};
