import { roundHalfUp, show } from '../decimal.js';
import { asNumber, statedDecimals } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { indicatorAccepts, indicatorBasis, indicatorProgress } from '../indicators.js';
import type { SummaryTable, ValueCell } from '../model.js';
import type { Rule } from './types.js';

export const indicatorScoreMismatch: Rule = {
  id: 'indicator-score-mismatch',
  severity: 'error',
  describe: {
    ja: '評価指標の進捗度が数値目標の進捗度の寄与度付き平均と一致しない',
    en: "A stated indicator progress differs from the weighted mean of its targets' progress",
  },
  check({ model, targets }) {
    const stated: { indicator: string; year: number | null; cell: ValueCell; own?: SummaryTable }[] = [];
    for (const table of model.tables) {
      if (table.kind === 'progress') for (const c of table.indicatorCells) stated.push(c);
      if (table.kind === 'summary')
        // An indicator's progress of running totals is left unchecked: nothing weighs running totals.
        for (const row of table.rows) if (!row.target && row.progress && !row.runningTotals?.progress) stated.push({ indicator: row.indicator, year: row.year, cell: row.progress, own: table });
    }
    const findings: Finding[] = [];
    for (const s of stated) {
      const value = asNumber(s.cell.parsed);
      // The indicator's targets in the tables it speaks of (when the workbook repeats them), or as the summary
      // states them itself.
      const at = { sheet: s.cell.ref.sheet, row: s.cell.ref.row, year: s.year };
      const basis = value && indicatorBasis(targets, s.indicator, at, value, s.own);
      if (!value || !basis) continue;
      const { list, year, shownYear } = basis;
      if (indicatorAccepts(list, year, value)) continue;
      const ip = indicatorProgress(list, year);
      if (!ip) continue;
      const decimals = statedDecimals(value);
      findings.push(
        findingAt('indicator-score-mismatch', 'error', s.cell.ref, {
          expected: roundHalfUp(ip.point, decimals).toNumber(),
          stated: roundHalfUp(value.value, decimals).toNumber(),
          calc: ip.calc,
          params: {
            indicator: s.indicator,
            year: shownYear,
            weighted: ip.weighted ? 1 : 0,
            fromStated: ip.fromStated ? show(ip.fromStated, 2) : null,
            leftOut: ip.leftOut.length > 0 ? ip.leftOut.join(', ') : null,
          },
        }),
      );
    }
    return findings;
  },
};
