import { findingAt } from '../findings.js';
import { findingsForStatus, targetParams, type Rule } from './types.js';

export const progressOrphan: Rule = {
  id: 'progress-orphan',
  severity: 'warning',
  describe: { ja: '進捗度が記載されているが、その年度の目標値または実績値が空欄', en: 'A progress is stated but the target or actual of that year is blank' },
  check({ targets }) {
    return findingsForStatus(targets, 'orphan', (t, i, s) => {
      const p = t.progress?.[i];
      return p && findingAt('progress-orphan', 'warning', p.ref, { stated: s.stated.toNumber(), params: { ...targetParams(t, t.columns[i]), blank: s.blank } });
    });
  },
};
