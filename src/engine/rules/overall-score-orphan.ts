import { findingAt } from '../findings.js';
import { statedOverallScores, type Rule } from './types.js';

const PARTS = ['Ⅰ', 'Ⅱ', 'Ⅲ'];

/**
 * A stated 総合評価 beside a blank Ⅰ, Ⅱ or Ⅲ cannot be worked out (a blank is not zero): a warning, as a progress stated
 * over a blank target or actual is (progress-orphan), since the table is incomplete rather than contradicting itself.
 */
export const overallScoreOrphan: Rule = {
  id: 'overall-score-orphan',
  severity: 'warning',
  describe: {
    ja: '総合評価が記載されているが、Ⅰ・Ⅱ・Ⅲ のいずれかが空欄で確かめられない',
    en: 'An overall score (総合評価) is stated but Ⅰ, Ⅱ or Ⅲ is blank, so it cannot be checked',
  },
  check({ model }) {
    return statedOverallScores(model).flatMap(({ row, stated }) => {
      // A part holding text no number (評価対象外) is an unparseable-number of its own.
      const blank = row.scores.flatMap((c, k) => (c.parsed.kind === 'blank' ? [PARTS[k]] : []));
      if (blank.length === 0) return [];
      return [findingAt('overall-score-orphan', 'warning', row.overall.ref, { stated: stated.value.toNumber(), params: { name: row.name, blank: blank.join(',') } })];
    });
  },
};
