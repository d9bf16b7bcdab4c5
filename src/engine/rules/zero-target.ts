import { assessProgress } from '../compute.js';
import { findingAt } from '../findings.js';
import { targetParams, type Rule } from './types.js';

export const zeroTarget: Rule = {
  id: 'zero-target',
  severity: 'info',
  describe: { ja: '目標値が 0 のため進捗度は計算しない', en: 'The target is 0, so progress is not computed' },
  check({ targets }) {
    return targets.all.flatMap(({ target: t }) =>
      t.columns.flatMap((col, i) => {
        const p = t.progress?.[i];
        const s = assessProgress(t.target[i], t.actual[i], p);
        if (s.kind !== 'zero-target') return [];
        return [findingAt('zero-target', 'info', (p ?? t.target[i]).ref, { stated: s.stated?.toNumber() ?? null, params: targetParams(t, col) })];
      }),
    );
  },
};
