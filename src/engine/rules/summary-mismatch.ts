import { roundHalfUp, show } from '../decimal.js';
import { roundedEqual } from '../exact.js';
import { asNumber, halfStep, mayBeEqual, progressOf, progressStatuses, reachable, statedDecimals } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { columnOfYear, restatedTotal, runningProgressStatus, runningTotals, summaryTarget, summaryYear, weightIn } from '../indicators.js';
import { inUnitOf, type NumberValue } from '../numbers.js';
import type { ValueCell } from '../model.js';
import type { Rule } from './types.js';

/** A number as the interval its shown digits cover, exact or not: 33 % is 32.5–33.5 %. */
function asShown(v: NumberValue): NumberValue {
  if (!v.exact) return v;
  const half = halfStep(v.decimals).times(v.scale);
  return { ...v, lo: v.value.minus(half), hi: v.value.plus(half) };
}

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
        if (!row.target) continue;
        const t = summaryTarget(targets, row.target.key, row.indicator, row.year, row.labelRef.sheet);
        if (!t) continue;
        const year = summaryYear(row, t);
        const i = columnOfYear(t, year);
        if (i < 0) continue;
        const base = { target: t.id.display, indicator: t.id.indicator, year };
        // Figures stated as running totals are compared with the target's running totals (any way of writing them), never
        // with one year's; there being none, they are left unchecked.
        const running = row.runningTotals;
        const totals = running ? runningTotals(t, i) : undefined;
        const compare = (field: 'target' | 'actual' | 'weight', cell: ValueCell | undefined, tableAsRead: NumberValue | undefined | null, total = false) => {
          const statedAsRead = asNumber(cell?.parsed);
          if (!statedAsRead || !tableAsRead || !cell) return;
          if (total && restatedTotal(statedAsRead, field === 'target' ? totals!.targets : totals!.actuals)) return;
          // `87 億円` in a line against a bare 87 in the table: the same amount.
          const stated = inUnitOf(statedAsRead, tableAsRead);
          const table = inUnitOf(tableAsRead, statedAsRead);
          // A weight is a share rounded as shown (`33%` for 1/3), whether or not it counts as exact elsewhere.
          if (mayBeEqual(stated, table) || (field === 'weight' && mayBeEqual(asShown(stated), asShown(table)))) return;
          const scale = stated.scale;
          // A value that is no finite decimal (a weight of 1/3: 33.33…) is reported to two decimals, as weights are shown.
          const exact = table.value.div(scale);
          const expected = exact.decimalPlaces() > 6 ? roundHalfUp(exact, 2) : exact;
          findings.push(
            findingAt('summary-mismatch', 'error', cell.ref, {
              expected: expected.toNumber(),
              stated: stated.value.div(scale).toNumber(),
              calc: `${show(table.value.div(scale), 4)} ≠ ${show(stated.value.div(scale), 4)}`,
              params: { ...base, field, unit: `${stated.scaleLabel}${stated.unit ?? ''}`, ...(total && { running: 1 }) },
            }),
          );
        };
        if (running?.target) compare('target', row.targetValue, totals!.targets[0], true);
        else compare('target', row.targetValue, asNumber(t.target[i].parsed));
        if (running?.actual) compare('actual', row.actualValue, totals!.actuals[0], true);
        else compare('actual', row.actualValue, asNumber(t.actual[i].parsed));
        if (row.weight) compare('weight', row.weight, weightIn(t, year)?.value);
        const stated = asNumber(row.progress?.parsed);
        if (stated && row.progress && running?.progress) {
          const status = runningProgressStatus(t, i, row);
          if (status?.kind === 'mismatch') {
            findings.push(
              findingAt('summary-mismatch', 'error', row.progress.ref, {
                expected: status.expected.toNumber(),
                stated: status.stated.toNumber(),
                calc: status.calc,
                params: { ...base, field: 'progress', unit: '%', running: 1 },
              }),
            );
          }
        } else if (stated && row.progress) {
          const decimals = statedDecimals(stated);
          const tableStated = asNumber(t.progress?.[i]?.parsed);
          // The summary usually repeats the table's progress: then nothing else is needed.
          if (tableStated && roundedEqual(tableStated.value, stated.value, decimals)) continue;
          const shown = roundHalfUp(stated.value, decimals);
          const a = asNumber(t.actual[i].parsed);
          const tv = asNumber(t.target[i].parsed);
          const p = a && tv ? progressOf(a, tv) : undefined;
          const agreesWithComputation = p && reachable(shown, decimals, p.range);
          if (!agreesWithComputation && (p || tableStated)) {
            const status = progressStatuses(t)[i];
            const expected = p ? roundHalfUp(p.point, decimals) : roundHalfUp(tableStated!.value, decimals);
            findings.push(
              findingAt('summary-mismatch', 'error', row.progress.ref, {
                expected: expected.toNumber(),
                stated: shown.toNumber(),
                calc: 'calc' in status ? status.calc : undefined,
                params: { ...base, field: 'progress', unit: '%' },
              }),
            );
          }
        }
      }
    }
    return findings;
  },
};
