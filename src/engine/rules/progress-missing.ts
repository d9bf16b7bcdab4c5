import { findingAt } from '../findings.js';
import { findingsForOwnStatus, findingsForStatus, summaryRowParams, targetParams, type Rule } from './types.js';

export const progressMissing: Rule = {
  id: 'progress-missing',
  severity: 'warning',
  describe: { ja: '目標値と実績値があるのに進捗度が空欄', en: 'Target and actual are present but the progress is blank' },
  check(ctx) {
    return [
      ...findingsForStatus(ctx.targets, 'missing', (t, i, s) => {
        const p = t.progress?.[i];
        return p && findingAt('progress-missing', 'warning', p.ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: targetParams(t, t.columns[i]) });
      }),
      ...findingsForOwnStatus(ctx, 'missing', (row, s) => row.progress && findingAt('progress-missing', 'warning', row.progress.ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: summaryRowParams(row) })),
    ];
  },
};
