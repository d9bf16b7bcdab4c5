import { Decimal, dec, show, sum } from '../decimal.js';
import { halfStep } from '../compute.js';
import * as exact from '../exact.js';
import { findingAt, type Finding } from '../findings.js';
import { completeGenerations, summaryOnlyWeights, weightIn, weightYears } from '../indicators.js';
import type { NumericTarget, Weight } from '../model.js';
import type { NumberValue } from '../numbers.js';
import type { Rule } from './types.js';

/** How far a weight may be from what it stands for: half a unit of its last shown digit. */
function slackOf(w: NumberValue): Decimal {
  return w.exact && w.decimals === 0 ? halfStep(0) : halfStep(w.decimals);
}

const HUNDRED: exact.Fraction = { n: 100, d: 1 };

/**
 * Whether weights add up to 100 within their slack, decided in exact fractions (as the rule's decimals decide it, without
 * allocating decimals for every indicator); false also for weights too long for fractions, which the decimals then decide.
 */
function addsUp(ws: readonly NumberValue[]): boolean {
  try {
    let total = exact.integer(0);
    let slack = exact.integer(0);
    for (const w of ws) {
      total = exact.reduce(exact.add(total, exact.fractionOf(w.value)));
      slack = exact.reduce(exact.add(slack, exact.fractionOf(slackOf(w))));
    }
    return exact.compare(exact.subtract(total, slack), HUNDRED) <= 0 && exact.compare(exact.add(total, slack), HUNDRED) >= 0;
  } catch (e) {
    if (!exact.isOutOfRange(e)) throw e;
  }
  return false;
}

export const weightsSum: Rule = {
  id: 'weights-sum',
  severity: 'error',
  describe: {
    ja: '評価指標の寄与度の合計が 100% にならない(各寄与度の丸め分は許容: 33+33+33 は可)',
    en: "An indicator's weights do not sum to 100 (each may be short by its rounding: 33+33+33 is fine)",
  },
  check({ model, targets }) {
    const findings: Finding[] = [];
    const flagged = new Set<string>();
    const check = (indicator: string, weights: (Weight | null)[], year: number | null = null) => {
      // One target carries the whole indicator whatever its weight says.
      if (weights.some((w) => w?.value == null) || weights.length < 2) return;
      const ws = weights.map((w) => w!.value!);
      if (addsUp(ws)) return;
      const total = sum(ws.map((w) => w.value));
      const slack = sum(ws.map(slackOf));
      const hundred = dec(100);
      if (total.minus(slack).lte(hundred) && total.plus(slack).gte(hundred)) return;
      const first = weights[0]!;
      // Years without weights of their own take the latest: one finding at a cell.
      const at = `${first.ref.sheet}\u0000${first.ref.row}:${first.ref.col}`;
      if (flagged.has(at)) return;
      flagged.add(at);
      findings.push(
        findingAt('weights-sum', 'error', first.ref, {
          expected: 100,
          stated: total.toNumber(),
          calc: `${ws.map((w) => show(w.value, 2)).join(' + ')} = ${show(total, 2)} ≠ 100`,
          params: { indicator, count: weights.length, slack: show(Decimal.max(slack, 0), 2), ...(year !== null && { year }) },
        }),
      );
    };
    // The indicators of the progress tables (each year's weights where they change from year to year), and those of
    // summaries handed in without theirs (the weights they state).
    for (const [indicator, list] of completeGenerations(targets)) {
      for (const year of weightYears(list)) check(indicator, list.map((t: NumericTarget) => weightIn(t, year)), year);
    }
    for (const [indicator, list] of summaryOnlyWeights(model, targets)) check(indicator, list.map((t) => t.weight));
    return findings;
  },
};
