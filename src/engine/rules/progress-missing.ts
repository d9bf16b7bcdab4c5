import { findingAt } from '../findings.js';
import { findingsForStatus, targetParams, type Rule } from './types.js';

export const progressMissing: Rule = {
  id: 'progress-missing',
  severity: 'warning',
  describe: { ja: '目標値と実績値があるのに進捗度が空欄', en: 'Target and actual are present but the progress is blank' },
  check({ targets }) {
    return findingsForStatus(targets, 'missing', (t, i, s) => {
      const p = t.progress?.[i];
      return p && findingAt('progress-missing', 'warning', p.ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: targetParams(t, t.columns[i]) });
    });
  },
};
