import { show } from '../decimal.js';
import { asNumber, isReduction, yearOrder } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import type { NumberValue } from '../numbers.js';
import { targetParams, type Rule } from './types.js';

export const stockDecrease: Rule = {
  id: 'stock-decrease',
  severity: 'warning',
  describe: {
    ja: 'ストック型の数値目標で、目標値または実績値が前年度より減っている',
    en: "A stock target's targets or actuals go down from one year to the next",
  },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      // A level the plan brings down (待機児童数, CO2排出量): its targets and actuals are meant to go down.
      if (t.mode !== 'stock' || isReduction(t)) continue;
      for (const [row, cells] of [['target', t.target], ['actual', t.actual]] as const) {
        let prev: { v: NumberValue; i: number } | undefined;
        // From one year to the next, whichever way the table shows them.
        yearOrder(t.columns).forEach((i) => {
          const c = cells[i];
          const v = asNumber(c.parsed);
          if (!v) return;
          if (prev && v.hi.lt(prev.v.lo)) {
            findings.push(
              findingAt('stock-decrease', 'warning', c.ref, {
                expected: prev.v.value.div(v.scale).toNumber(),
                stated: v.value.div(v.scale).toNumber(),
                calc: `${show(prev.v.value.div(v.scale), 4)} → ${show(v.value.div(v.scale), 4)}`,
                params: { ...targetParams(t, t.columns[i]), row, previousColumn: t.columns[prev.i].header, previousYear: t.columns[prev.i].year, unit: `${v.scaleLabel}${v.unit ?? ''}` },
              }),
            );
          }
          prev = { v, i };
        });
      }
    }
    return findings;
  },
};
