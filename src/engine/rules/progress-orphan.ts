import { progressStatuses } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { targetParams, type Rule } from './types.js';

export const progressOrphan: Rule = {
  id: 'progress-orphan',
  severity: 'warning',
  describe: { ja: '進捗度が記載されているが、その年度の目標値または実績値が空欄', en: 'A progress is stated but the target or actual of that year is blank' },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      const statuses = progressStatuses(t);
      for (let i = 0; i < statuses.length; i++) {
        const p = t.progress?.[i];
        const s = statuses[i];
        if (s.kind !== 'orphan' || !p) continue;
        findings.push(findingAt('progress-orphan', 'warning', p.ref, { stated: s.stated.toNumber(), params: { ...targetParams(t, t.columns[i]), blank: s.blank } }));
      }
    }
    return findings;
  },
};
