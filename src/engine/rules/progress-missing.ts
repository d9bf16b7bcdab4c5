import { assessProgress } from '../compute.js';
import { findingAt } from '../findings.js';
import { targetParams, type Rule } from './types.js';

export const progressMissing: Rule = {
  id: 'progress-missing',
  severity: 'warning',
  describe: { ja: '目標値と実績値があるのに進捗度が空欄', en: 'Target and actual are present but the progress is blank' },
  check({ targets }) {
    return targets.all.flatMap(({ target: t }) =>
      t.columns.flatMap((col, i) => {
        const p = t.progress?.[i];
        const s = assessProgress(t.target[i], t.actual[i], p);
        if (s.kind !== 'missing' || !p) return [];
        return [findingAt('progress-missing', 'warning', p.ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: targetParams(t, col) })];
      }),
    );
  },
};
