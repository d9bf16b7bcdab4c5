import { roundHalfUp } from '../decimal.js';
import { asNumber, overallScore } from '../compute.js';
import { findingAt } from '../findings.js';
import { statedOverallScores, type Rule } from './types.js';

export const overallScoreMismatch: Rule = {
  id: 'overall-score-mismatch',
  severity: 'error',
  describe: {
    ja: '総合評価が (Ⅰ + Ⅱ + 2×Ⅲ) ÷ 4 (小数第1位に四捨五入)と一致しない',
    en: 'A stated overall score (総合評価) differs from (Ⅰ + Ⅱ + 2·Ⅲ) ÷ 4 rounded half up to one decimal',
  },
  check({ model }) {
    return statedOverallScores(model).flatMap(({ row, stated }) => {
      const [s1, s2, s3] = row.scores.map((c) => asNumber(c.parsed));
      if (!s1 || !s2 || !s3) return [];
      // The score is worked out to one decimal: a cell formatted `0.00` showing 4.50 states 4.5. A stated second
      // decimal (4.48) is compared at the places it states.
      const places = Math.max(1, roundHalfUp(stated.value, stated.decimals).decimalPlaces());
      const score = overallScore(s1.value, s2.value, s3.value, places);
      if (roundHalfUp(stated.value, places).eq(score.rounded)) return [];
      return [
        findingAt('overall-score-mismatch', 'error', row.overall.ref, {
          expected: score.rounded.toNumber(),
          stated: stated.value.toNumber(),
          calc: score.calc,
          params: { name: row.name },
        }),
      ];
    });
  },
};
