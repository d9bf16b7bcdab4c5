import { dec, show, sum } from '../decimal.js';
import { asNumber, compareWithLowSum, overlapsSum } from '../compute.js';
import { toHalfWidth } from '../text.js';
import { parseFiscalYear } from '../years.js';
import { findingAt, type Finding } from '../findings.js';
import { inUnitOf, type NumberValue } from '../numbers.js';
import type { CellRef, NumericTarget } from '../model.js';
import { targetParams, type Rule } from './types.js';

/** The yearly targets of a flow target that hold numbers (baseline columns excluded). */
function yearlyTargets(t: NumericTarget): NumberValue[] {
  const values: NumberValue[] = [];
  for (let i = 0; i < t.columns.length; i++) {
    const v = t.columns[i].baseline ? undefined : asNumber(t.target[i].parsed);
    if (v) values.push(v);
  }
  return values;
}

/** Σ of the yearly targets, with its interval. */
function yearlyTargetSum(values: NumberValue[]) {
  return { values, point: sum(values.map((v) => v.value)), lo: sum(values.map((v) => v.lo)), hi: sum(values.map((v) => v.hi)) };
}

const YEAR = String.raw`(?:(?:令和|平成|[RH])\s*(?:元|\d{1,2})|(?:19|20)\d\d)(?:\s*年度?)?`;
const YEAR_RANGE = new RegExp(`(${YEAR})\s*[～〜~\-ー－]\s*(${YEAR})`);
const YEAR_COUNT = /(\d{1,2})\s*(?:年間|か年|ヵ年|カ年|ケ年)/;

/**
 * How many years a target's label says its plan covers: `5年間`, `5か年`, or the years from one to another
 * (`平成29～令和3年度`); undefined when it says neither.
 */
export function planYears(label: string): number | undefined {
  const t = toHalfWidth(label);
  const range = YEAR_RANGE.exec(t);
  if (range) {
    const from = parseFiscalYear(range[1].replace(/\s+/g, ''));
    const to = parseFiscalYear(range[2].replace(/\s+/g, ''));
    if (from && to && to.year >= from.year) return to.year - from.year + 1;
  }
  const count = YEAR_COUNT.exec(t);
  return count ? Number(count[1]) : undefined;
}

export const cumulativeTotalMismatch: Rule = {
  id: 'cumulative-total-mismatch',
  severity: 'error',
  describe: {
    ja: 'フロー型の数値目標で、累計目標が各年度の目標値の合計と一致しない',
    en: "A flow target's stated cumulative goal differs from the sum of its yearly targets",
  },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      if (t.mode !== 'flow') continue;
      const values = yearlyTargets(t);
      if (values.length < 2) continue;
      const stated: { value: NumberValue; ref: CellRef }[] = [];
      if (t.goal?.cumulative) stated.push({ value: t.goal.value, ref: t.goal.ref });
      const totalCell = t.total?.target;
      const total = asNumber(totalCell?.parsed);
      if (total && totalCell) stated.push({ value: total, ref: totalCell.ref });
      for (const g of stated) {
        // A bare number is in the unit of the other side: a goal of `475億円` over cells holding 115, 81 ….
        const goal = inUnitOf(g.value, values.find((v) => v.unit !== null || v.scaleLabel !== ''));
        const parts = values.some((v) => inUnitOf(v, goal) !== v) ? values.map((v) => inUnitOf(v, goal)) : values;
        if (overlapsSum(goal, parts)) continue;
        // A table showing fewer years than the plan its goal covers (the years so far): the targets shown are part of
        // the total, which they may not exceed.
        const years = planYears(t.label);
        if (years !== undefined && t.columns.filter((c) => !c.baseline).length < years && compareWithLowSum(goal.hi, parts) >= 0) continue;
        const s = yearlyTargetSum(parts);
        const scale = goal.scale.gt(0) ? goal.scale : dec(1);
        const terms = s.values.map((v) => show(v.value.div(scale), 4)).join(' + ');
        findings.push(
          findingAt('cumulative-total-mismatch', 'error', g.ref, {
            expected: s.point.div(scale).toNumber(),
            stated: goal.value.div(scale).toNumber(),
            calc: `${terms} = ${show(s.point.div(scale), 4)}`,
            params: { ...targetParams(t), unit: `${goal.scaleLabel}${goal.unit ?? ''}` },
          }),
        );
      }
    }
    return findings;
  },
};
