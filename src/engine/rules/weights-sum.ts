import { Decimal, dec, show, sum } from '../decimal.js';
import { halfStep } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { completeGenerations, summaryOnlyWeights } from '../indicators.js';
import type { Rule } from './types.js';

export const weightsSum: Rule = {
  id: 'weights-sum',
  severity: 'error',
  describe: {
    ja: '評価指標の寄与度の合計が 100% にならない(各寄与度の丸め分は許容: 33+33+33 は可)',
    en: "An indicator's weights do not sum to 100 (each may be short by its rounding: 33+33+33 is fine)",
  },
  check({ model, targets }) {
    const findings: Finding[] = [];
    // The indicators of the progress tables, and those of summaries handed in without theirs (the weights they state).
    for (const [indicator, list] of [...completeGenerations(targets), ...summaryOnlyWeights(model, targets)]) {
      const weights = list.map((t) => t.weight?.value ?? null);
      // One target carries the whole indicator whatever its weight says.
      if (weights.some((w) => w === null) || weights.length < 2) continue;
      const ws = weights as NonNullable<(typeof weights)[number]>[];
      const total = sum(ws.map((w) => w.value));
      const slack = sum(ws.map((w) => (w.exact && w.decimals === 0 ? halfStep(0) : halfStep(w.decimals))));
      const hundred = dec(100);
      if (total.minus(slack).lte(hundred) && total.plus(slack).gte(hundred)) continue;
      const first = list[0].weight!;
      findings.push(
        findingAt('weights-sum', 'error', first.ref, {
          expected: 100,
          stated: total.toNumber(),
          calc: `${ws.map((w) => show(w.value, 2)).join(' + ')} = ${show(total, 2)} ≠ 100`,
          params: { indicator, count: list.length, slack: show(Decimal.max(slack, 0), 2) },
        }),
      );
    }
    return findings;
  },
};
