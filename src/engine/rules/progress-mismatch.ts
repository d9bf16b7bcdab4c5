import { saidOf, totalProgressStatus } from '../compute.js';
import { runningPairOf, runningProgressStatus } from '../indicators.js';
import { findingAt, type Finding } from '../findings.js';
import type { SummaryRow, ValueCell } from '../model.js';
import { findingsForOwnStatus, findingsForStatus, summaryRowParams, targetParams, type Rule } from './types.js';

/** How a finding names the 累計 column where a year would stand (`数値目標(1)-① 累計の進捗度 …`). */
const TOTAL_COLUMN = '累計';

/** The words stated with the progress (`100%超`, `68%(達成)`), named with its number: the words may be what is wrong. */
function saidIn(cell: ValueCell): { said?: string } {
  return cell.parsed.kind === 'number' ? saidOf(cell.parsed) : {};
}

export const progressMismatch: Rule = {
  id: 'progress-mismatch',
  severity: 'error',
  describe: {
    ja: '記載された進捗度が 実績値 ÷ 目標値 × 100 と一致しない(表示桁の丸めで説明できる差は除く)',
    en: 'A stated progress differs from actual ÷ target × 100 beyond what the displayed precision allows',
  },
  check(ctx) {
    return [
      ...findingsForStatus(ctx.targets, 'mismatch', (t, i, s) => {
        const p = t.progress?.[i];
        return p && findingAt('progress-mismatch', 'error', p.ref, { expected: s.expected.toNumber(), stated: s.stated.toNumber(), calc: s.calc, params: { ...targetParams(t, t.columns[i]), ...saidIn(p) } });
      }),
      ...findingsForOwnStatus(ctx, 'mismatch', (row, s) => row.progress && findingAt('progress-mismatch', 'error', row.progress.ref, { expected: s.expected.toNumber(), stated: s.stated.toNumber(), calc: s.calc, params: { ...summaryRowParams(row), ...saidIn(row.progress) } })),
      // The progress in each 累計 column.
      ...ctx.targets.all.flatMap(({ target: t }): Finding[] =>
        (t.totals ?? []).flatMap((total) => {
          const s = totalProgressStatus(t, total);
          if (s.kind !== 'mismatch') return [];
          return [findingAt('progress-mismatch', 'error', total.progress!.ref, { expected: s.expected.toNumber(), stated: s.stated.toNumber(), calc: s.calc, params: { ...targetParams(t), column: TOTAL_COLUMN, ...saidIn(total.progress!) } })];
        }),
      ),
      // Each year's progress of the running totals, in a 累計進捗度 row under the block: as a summary's of running totals.
      ...ctx.targets.all.flatMap(({ target: t }): Finding[] =>
        {
          // A wrong year is worked out as the row's other years are written (the basis most of them agree with).
          const pair = t.runningProgress && runningPairOf(t, t.runningProgress);
          return (t.runningProgress ?? []).flatMap((cell, i) => {
            if (cell.parsed.kind !== 'number') return [];
            const s = runningProgressStatus(t, i, { progress: cell } as SummaryRow, pair);
            if (s?.kind !== 'mismatch') return [];
            const params = { ...targetParams(t, t.columns[i]), running: '1', actualBasis: s.pair.actual, targetBasis: s.pair.target, ...saidIn(cell) };
            return [findingAt('progress-mismatch', 'error', cell.ref, { expected: s.expected.toNumber(), stated: s.stated.toNumber(), calc: s.calc, params })];
          });
        },
      ),
    ];
  },
};
