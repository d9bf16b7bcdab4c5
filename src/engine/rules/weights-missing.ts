import { findingAt, type Finding } from '../findings.js';
import { completeGenerations } from '../indicators.js';
import { targetName, type Rule } from './types.js';

export const weightsMissing: Rule = {
  id: 'weights-missing',
  severity: 'warning',
  describe: {
    ja: '複数の数値目標がある評価指標で寄与度が記載されていない(均等として計算)',
    en: 'An indicator with several targets gives no weights (computed as equal weights)',
  },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const [indicator, list] of completeGenerations(targets)) {
      if (list.length < 2) continue;
      const missing = list.filter((t) => !t.weight?.value);
      if (missing.length === 0) continue;
      // None given: one finding for the indicator; some given: one at each gap.
      const at = missing.length === list.length ? [missing[0]] : missing;
      for (const t of at) {
        const ref = t.weight?.ref ?? t.labelRef ?? t.target[0].ref;
        findings.push(findingAt('weights-missing', 'warning', ref, { params: { indicator, ...targetName(t), count: list.length, missing: missing.length } }));
      }
    }
    return findings;
  },
};
