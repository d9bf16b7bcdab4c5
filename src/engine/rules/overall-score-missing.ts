import { asNumber, overallScore } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import type { Rule } from './types.js';

/**
 * A blank 総合評価 beside numbers in all of Ⅰ, Ⅱ and Ⅲ: the score the table leaves out, worked out. A warning, as a progress
 * left blank beside its target and actual is (progress-missing): the table is incomplete, not contradicting itself.
 */
export const overallScoreMissing: Rule = {
  id: 'overall-score-missing',
  severity: 'warning',
  describe: {
    ja: 'Ⅰ・Ⅱ・Ⅲ が記載されているのに総合評価が空欄',
    en: 'Ⅰ, Ⅱ and Ⅲ are stated but the overall score (総合評価) is blank',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const table of model.tables) {
      if (table.kind !== 'overall-score') continue;
      for (const row of table.rows) {
        if (row.overall.parsed.kind !== 'blank') continue;
        const [s1, s2, s3] = row.scores.map((c) => asNumber(c.parsed));
        if (!s1 || !s2 || !s3) continue;
        const score = overallScore(s1.value, s2.value, s3.value);
        findings.push(findingAt('overall-score-missing', 'warning', row.overall.ref, { expected: score.rounded.toNumber(), stated: null, calc: score.calc, params: { name: row.name } }));
      }
    }
    return findings;
  },
};
