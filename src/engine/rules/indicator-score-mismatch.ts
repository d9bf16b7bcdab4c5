import { roundHalfUp, show, showBeforeRounding } from '../decimal.js';
import { asNumber, progressStatuses, statedDecimals } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { indicatorAccepts, indicatorBasis, indicatorProgress, statedWeightedPart } from '../indicators.js';
import type { Model, NumericTarget, SummaryTable, ValueCell } from '../model.js';
import { targetParams, type Rule } from './types.js';

export const indicatorScoreMismatch: Rule = {
  id: 'indicator-score-mismatch',
  severity: 'error',
  describe: {
    ja: '評価指標の進捗度が数値目標の進捗度の寄与度付き平均と一致しない(数値目標の寄与度×進捗度の行も確かめる)',
    en: "A stated indicator progress differs from the weighted mean of its targets' progress (a target's 寄与度×進捗度 row is checked too)",
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
    findings.push(...weightedParts(model));
    return findings;
  },
};

/**
 * A target's part of its indicator's progress stated in a row under its block (`寄与度×進捗度`, `寄与度を乗じた進捗度`):
 * each year's is its weight × its progress ÷ 100, from the stated progress or from actual ÷ target × 100, as rounded
 * to the decimals the cell shows. A year without a weight, a progress or a computation is not checked.
 */
function weightedParts(model: Model): Finding[] {
  const findings: Finding[] = [];
  for (const table of model.tables) {
    if (table.kind !== 'progress') continue;
    for (const t of table.targets) if (t.weightedProgress) findings.push(...weightedPartsOf(t, t.weightedProgress));
  }
  return findings;
}

function weightedPartsOf(t: NumericTarget, row: ValueCell[]): Finding[] {
  const findings: Finding[] = [];
  const statuses = progressStatuses(t);
  for (let i = 0; i < row.length; i++) {
    const part = statedWeightedPart(t, i, statuses);
    if (!part || part.accepted) continue;
    const { weight, progress, parts, stated, decimals } = part;
    findings.push(
      findingAt('indicator-score-mismatch', 'error', row[i].ref, {
        expected: roundHalfUp(parts[0], decimals).toNumber(),
        stated: roundHalfUp(stated, decimals).toNumber(),
        calc: `${show(weight, 4)} × ${show(progress, 4)} ÷ 100 = ${showBeforeRounding(parts[0], decimals + 2, decimals)} → ${show(roundHalfUp(parts[0], decimals), decimals)}`,
        params: { ...targetParams(t, t.columns[i]), part: 1, weight: show(weight, 4), progress: show(progress, 4) },
      }),
    );
  }
  return findings;
}
