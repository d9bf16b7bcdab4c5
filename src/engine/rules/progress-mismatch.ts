import { progressStatuses } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { targetParams, type Rule } from './types.js';

export const progressMismatch: Rule = {
  id: 'progress-mismatch',
  severity: 'error',
  describe: {
    ja: '記載された進捗度が 実績値 ÷ 目標値 × 100 と一致しない(表示桁の丸めで説明できる差は除く)',
    en: 'A stated progress differs from actual ÷ target × 100 beyond what the displayed precision allows',
  },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      const statuses = progressStatuses(t);
      for (let i = 0; i < statuses.length; i++) {
        const p = t.progress?.[i];
        const s = statuses[i];
        if (s.kind !== 'mismatch' || !p) continue;
        findings.push(findingAt('progress-mismatch', 'error', p.ref, { expected: s.expected.toNumber(), stated: s.stated.toNumber(), calc: s.calc, params: targetParams(t, t.columns[i]) }));
      }
    }
    return findings;
  },
};
