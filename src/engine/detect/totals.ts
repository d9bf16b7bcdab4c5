/** The years each 累計 column of a table adds up, where a table has one per plan period. */
import { parseFiscalYear } from '../years.js';
import type { YearColumn } from '../model.js';
import type { Label } from './scan.js';

/**
 * The 累計 columns among and after a table's years (`labels`, in order) and the years each adds up (`of`, indices in
 * `columns`). One alone after the years adds up every year shown. Where a 累計 column stands among the years (one per
 * plan period: `H29 … R3 | 累計 | R4 R5 | 累計`), each adds up the years since the 累計 column before it; one counting its
 * years (`直近3年累計` beside a `計画期間累計`) as many years before it, one naming a year (`令和元年度(累計)`) the years
 * through it, one of every period (`全期間累計`, `通算`) every year, and one after the periods' own with no year since them (a
 * plain `累計` or `合計` after `小計 | R4 R5 | 小計`) every year too.
 */
export function periodTotals(labels: readonly Label[], columns: readonly YearColumn[]): { col: number; of?: number[] }[] {
  if (labels.length === 1 && labels[0].col > columns[columns.length - 1].col) return [{ col: labels[0].col }];
  const totals: { col: number; of?: number[] }[] = [];
  let from = -1;
  // In the order of the columns (a year heading running totals is labelled after the others).
  for (const l of [...labels].sort((a, b) => a.col - b.col)) {
    const before = [...columns.keys()].filter((k) => columns[k].col < l.col && !columns[k].baseline);
    const since = before.filter((k) => columns[k].col > from);
    // One of every period's years (`全期間累計`, `通算`) adds up all of them.
    if (/^(?:全期間|通算)/.test(l.compact)) {
      totals.push({ col: l.col });
      continue;
    }
    const counted = /^(?:直近|過去|最近)?(\d+)か?年間?の?(?:累計|合計|計)/.exec(l.compact);
    const through = counted ? undefined : parseFiscalYear(l.text);
    const of = counted ? before.slice(-Number(counted[1])) : through ? before.filter((k) => columns[k].year !== null && columns[k].year! <= through.year) : since;
    // A running total through a year (`令和元年度(累計)`) or of the last years ends no period.
    if (since.length > 0 && !counted && !through) from = l.col;
    if (of.length > 0) totals.push({ col: l.col, of });
    // A plain 累計 after the periods' own, with no year since them, adds up the whole span (`… | 累計 | R4 R5 | 累計 | 累計`).
    else if (!counted && !through && totals.length > 0 && before.length > 0) totals.push({ col: l.col, of: before });
  }
  return totals;
}
