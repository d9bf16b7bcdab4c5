import { findingAt, type Finding } from '../findings.js';
import { columnOfYear, summaryDifferences, summaryTarget, summaryYear } from '../indicators.js';
import { targetName, type Rule } from './types.js';

export const summaryMismatch: Rule = {
  id: 'summary-mismatch',
  severity: 'error',
  describe: {
    ja: '本文の評価指標の記載(当該年度目標値・実績値・進捗度・寄与度)が進捗表の値と一致しない',
    en: "A summary line's target, actual, progress or weight differs from the progress table's value for that year",
  },
  check({ model, targets }) {
    const findings: Finding[] = [];
    for (const table of model.tables) {
      if (table.kind !== 'summary') continue;
      for (const row of table.rows) {
        const t = summaryTarget(targets, row);
        if (!t) continue;
        const year = summaryYear(row, t);
        const i = columnOfYear(t, year);
        if (i < 0) continue;
        for (const d of summaryDifferences(row, t, i)) {
          findings.push(
            findingAt('summary-mismatch', 'error', d.ref, {
              expected: d.expected,
              stated: d.stated,
              calc: d.calc,
              params: { ...targetName(t), indicator: t.id.indicator, year, field: d.field, unit: d.unit, ...(d.expectedUnit !== undefined && { expectedUnit: d.expectedUnit }), ...(d.running && { running: 1 }), ...(d.said && { said: d.said }) },
            }),
          );
        }
      }
    }
    return findings;
  },
};
