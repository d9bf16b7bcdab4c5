import { show, sum } from '../decimal.js';
import { asNumber, compareWithLowSum, holdsRunningTotals } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { inUnitOf, type NumberValue } from '../numbers.js';
import type { ValueCell } from '../model.js';
import { budgetRowName, periodParam, targetParams, type Rule } from './types.js';

function shortBy(cells: ValueCell[], cumulative: ValueCell | undefined) {
  const totalAsRead = asNumber(cumulative?.parsed);
  if (!totalAsRead || !cumulative) return undefined;
  const read: NumberValue[] = [];
  for (const c of cells) {
    const v = asNumber(c.parsed);
    if (v) read.push(v);
  }
  if (read.length === 0) return undefined;
  // A bare number is in the unit of the other side.
  const total = inUnitOf(totalAsRead, read.find((v) => v.unit !== null || v.scaleLabel !== ''));
  const values = read.map((v) => inUnitOf(v, total));
  if (compareWithLowSum(total.hi, values) >= 0) return undefined;
  const point = sum(values.map((v) => v.value));
  const scale = total.scale;
  return {
    expected: point.div(scale).toNumber(),
    stated: total.value.div(scale).toNumber(),
    calc: `${values.length > 1 ? `${values.map((v) => show(v.value.div(scale), 4)).join(' + ')} = ` : ''}${show(point.div(scale), 4)} > ${show(total.value.div(scale), 4)}`,
    unit: `${total.scaleLabel}${total.unit ?? ''}`,
  };
}

function shortOfEach(stages: ValueCell[][], cumulative: ValueCell) {
  let least: ReturnType<typeof shortBy>;
  for (const cells of stages) {
    const s = shortBy(cells, cumulative);
    if (!s) return undefined;
    if (!least || s.expected < least.expected) least = s;
  }
  return least;
}

export const cumulativeColumnShort: Rule = {
  id: 'cumulative-column-short',
  severity: 'warning',
  describe: {
    ja: '累計列が表示されている年度の合計より小さい(それ以前の年度を含む場合があるため、大きいのは可)',
    en: 'A cumulative (累計) column is smaller than the sum of the years shown (larger is fine: it may cover earlier years)',
  },
  check({ model, targets }) {
    const findings: Finding[] = [];
    for (const table of model.tables) {
      if (table.kind !== 'budget') continue;
      for (const row of table.rows) {
        for (const { cell, of, eachStage } of row.totals ?? []) {
          // A plan period's 累計 column, against the years of its period.
          const years = (cells: ValueCell[]) => (of ? of.map((k) => cells[k]) : cells);
          // One of no stage said, against each stage's years: short only of every one, by the least sum.
          const s = eachStage ? shortOfEach(eachStage.map(years), cell) : shortBy(years(row.cells), cell);
          if (s) findings.push(findingAt('cumulative-column-short', 'warning', cell.ref, { ...s, params: { project: row.project, row: eachStage ? row.label : budgetRowName(row), unit: s.unit, ...periodParam(table.columns, of) } }));
        }
      }
    }
    for (const { target: t } of targets.all) {
      for (const total of t.totals ?? []) {
        if (!total.actual) continue;
        // A plan period's 累計 column, against the years of its period.
        const years = [...t.actual.keys()].filter((i) => !t.columns[i].baseline && (!total.of || total.of.includes(i)));
        // Rows of running totals (`実績値（累計）`): the column against the latest year's, which already adds up the years.
        const latest = holdsRunningTotals(t) ? years.filter((i) => asNumber(t.actual[i].parsed)).at(-1) : undefined;
        const s = shortBy(latest === undefined ? years.map((i) => t.actual[i]) : [t.actual[latest]], total.actual);
        if (!s) continue;
        const params = latest === undefined ? { ...targetParams(t), ...periodParam(t.columns, total.of) } : { ...targetParams(t, t.columns[latest]), running: '1' };
        findings.push(findingAt('cumulative-column-short', 'warning', total.actual.ref, { ...s, params: { ...params, row: '実績値', unit: s.unit } }));
      }
    }
    return findings;
  },
};
