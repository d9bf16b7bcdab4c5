import { progressStatuses } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { targetParams, type Rule } from './types.js';

export const zeroTarget: Rule = {
  id: 'zero-target',
  severity: 'info',
  describe: { ja: '目標値が 0 のため進捗度は計算しない', en: 'The target is 0, so progress is not computed' },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      const statuses = progressStatuses(t);
      for (let i = 0; i < statuses.length; i++) {
        const s = statuses[i];
        if (s.kind !== 'zero-target') continue;
        findings.push(findingAt('zero-target', 'info', (t.progress?.[i] ?? t.target[i]).ref, { stated: s.stated?.toNumber() ?? null, params: targetParams(t, t.columns[i]) }));
      }
    }
    return findings;
  },
};
