import { unstatedProgress, yearOrder } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import type { TargetIndex } from '../indicators.js';
import type { ProgressTable } from '../model.js';
import { findingsForOwnStatus, findingsForStatus, summaryRowParams, targetParams, type Rule } from './types.js';

/**
 * The blocks with no progress row at all in a table whose other blocks have one (the form's 進捗度 row left out): one
 * warning each, for the latest year with a target and an actual, at that actual, as no progress cell exists. A table
 * with no progress row anywhere may hold targets and actuals alone (参考指標): none there; nor is a block of the same
 * target's running totals (目標値(累計) / 実績値(累計) beside its yearly rows) without a progress of its own.
 */
function blocksWithoutProgressRow(targets: TargetIndex): Finding[] {
  const withRow = new Map<ProgressTable, Set<string>>();
  for (const { table, target } of targets.all) if (target.progress) withRow.set(table, (withRow.get(table) ?? new Set()).add(target.id.display));
  const findings: Finding[] = [];
  for (const { table, target: t } of targets.all) {
    const ids = withRow.get(table);
    if (t.progress || !ids || ids.has(t.id.display)) continue;
    const order = yearOrder(t.columns);
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k];
      const s = unstatedProgress(t, i);
      if (!s) continue;
      findings.push(findingAt('progress-missing', 'warning', t.actual[i].ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: { ...targetParams(t, t.columns[i]), noRow: 1 } }));
      break;
    }
  }
  return findings;
}

export const progressMissing: Rule = {
  id: 'progress-missing',
  severity: 'warning',
  describe: { ja: '目標値と実績値があるのに進捗度が空欄', en: 'Target and actual are present but the progress is blank' },
  check(ctx) {
    return [
      ...findingsForStatus(ctx.targets, 'missing', (t, i, s) => {
        const p = t.progress?.[i];
        return p && findingAt('progress-missing', 'warning', p.ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: targetParams(t, t.columns[i]) });
      }),
      ...blocksWithoutProgressRow(ctx.targets),
      ...findingsForOwnStatus(ctx, 'missing', (row, s) => row.progress && findingAt('progress-missing', 'warning', row.progress.ref, { expected: s.expected.toNumber(), stated: null, calc: s.calc, params: summaryRowParams(row) })),
    ];
  },
};
