import { progressStatuses } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { targetParams, type Rule } from './types.js';

export const progressMissing: Rule = {
  id: 'progress-missing',
  severity: 'warning',
  describe: { ja: '目標値と実績値があるのに進捗度が空欄', en: 'Target and actual are present but the progress is blank' },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      const statuses = progressStatuses(t);
      for (let i = 0; i < statuses.length; i++) {
        const p = t.progress?.[i];
        const s = statuses[i];
        if (s.kind !== 'missing' || !p) continue;
        findings.push(findingAt('progress-missing', 'warning', p.ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: targetParams(t, t.columns[i]) }));
      }
    }
    return findings;
  },
};
