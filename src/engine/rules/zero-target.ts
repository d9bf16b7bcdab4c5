import { findingAt } from '../findings.js';
import { findingsForStatus, targetParams, type Rule } from './types.js';

export const zeroTarget: Rule = {
  id: 'zero-target',
  severity: 'info',
  describe: { ja: '目標値が 0 のため進捗度は計算しない', en: 'The target is 0, so progress is not computed' },
  check({ targets }) {
    return findingsForStatus(targets, 'zero-target', (t, i, s) =>
      findingAt('zero-target', 'info', (t.progress?.[i] ?? t.target[i]).ref, { stated: s.stated?.toNumber() ?? null, params: targetParams(t, t.columns[i]) }),
    );
  },
};
