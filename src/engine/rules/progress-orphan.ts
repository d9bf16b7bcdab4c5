import { assessProgress } from '../compute.js';
import { findingAt } from '../findings.js';
import { targetParams, type Rule } from './types.js';

export const progressOrphan: Rule = {
  id: 'progress-orphan',
  severity: 'warning',
  describe: { ja: '進捗度が記載されているが、その年度の目標値または実績値が空欄', en: 'A progress is stated but the target or actual of that year is blank' },
  check({ targets }) {
    return targets.all.flatMap(({ target: t }) =>
      t.columns.flatMap((col, i) => {
        const p = t.progress?.[i];
        const s = assessProgress(t.target[i], t.actual[i], p);
        if (s.kind !== 'orphan' || !p) return [];
        return [findingAt('progress-orphan', 'warning', p.ref, { stated: s.stated.toNumber(), params: { ...targetParams(t, col), blank: s.blank } })];
      }),
    );
  },
};
