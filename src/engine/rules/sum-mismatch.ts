import { show, sum } from '../decimal.js';
import { asNumber, overlapsSum } from '../compute.js';
import { findingAt, type Finding } from '../findings.js';
import { inUnitOf, type NumberValue } from '../numbers.js';
import type { BudgetRow, BudgetTable } from '../model.js';
import { budgetRowName, type Rule } from './types.js';

/** The rows a total adds up: the rows of the same project (and run of rows) named by its letters, nearest first. */
function partsOf(table: BudgetTable, index: number, stages: Set<string>): BudgetRow[] | undefined {
  const total = table.rows[index];
  const letters = total.totalOf ?? [];
  const found: BudgetRow[] = [];
  for (const letter of letters) {
    let best: BudgetRow | undefined;
    let bestDistance = Infinity;
    // A total of one stage (`計画`, `実績`) adds up the parts of that stage, where the parts have one.
    const staged = total.stage !== undefined && stages.has(`${letter}\u0000${total.stage}`);
    // Only the rows 8 or fewer away (not the whole table for each total: a table of n projects has n totals).
    for (let i = Math.max(0, index - 8); i <= Math.min(table.rows.length - 1, index + 8); i++) {
      const r = table.rows[i];
      if (r.part !== letter || r.block !== total.block || (total.project && r.project && r.project !== total.project) || (staged && r.stage !== total.stage)) continue;
      const d = Math.abs(i - index);
      if (d < bestDistance) {
        best = r;
        bestDistance = d;
      }
    }
    if (!best) return undefined;
    found.push(best);
  }
  return found.length > 0 ? found : undefined;
}

/** Each part letter of a table with each stage a row of that letter has (`a\u0000実績`). */
function partStages(table: BudgetTable): Set<string> {
  const stages = new Set<string>();
  for (const r of table.rows) if (r.part !== undefined && r.stage !== undefined) stages.add(`${r.part}\u0000${r.stage}`);
  return stages;
}

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  severity: 'error',
  describe: {
    ja: '合計欄(総事業費(a+b) など)が内訳の和と一致しない(累計列を含む)',
    en: 'A stated total such as 総事業費(a+b) differs from the sum of its parts, in any column, the cumulative one (累計) included',
  },
  check({ model }) {
    const findings: Finding[] = [];
    for (const table of model.tables) {
      if (table.kind !== 'budget') continue;
      let stages: Set<string> | undefined;
      for (const [index, row] of table.rows.entries()) {
        if (!row.totalOf && !row.acrossOf) continue;
        // A 合計 row under the projects adds up each project's row; its parts are named by their projects.
        const across = !row.totalOf;
        const parts = across ? row.acrossOf!.map((i) => table.rows[i]) : partsOf(table, index, (stages ??= partStages(table)));
        if (!parts) continue;
        // The table's columns, then its 累計 columns (k ≥ n): indices, not a closure for each column of each row.
        const n = table.columns.length;
        const cellAt = (r: BudgetRow, k: number) => (k < n ? r.cells[k] : r.totals?.[k - n]?.cell);
        for (let k = 0; k < n + (row.totals?.length ?? 0); k++) {
          const totalCell = cellAt(row, k);
          const totalAsRead = asNumber(totalCell?.parsed);
          if (!totalAsRead || !totalCell) continue;
          // The parts as read, and the first stating a unit; one loop, as it runs for every column of every total.
          const read: (NumberValue | undefined)[] = [];
          let withUnit: NumberValue | undefined;
          let unreadable = false;
          for (const p of parts) {
            const parsed = cellAt(p, k)?.parsed;
            // A part that cannot be read (`調整中`) is no 0: the column cannot be added up (unparseable-number reports it).
            if (parsed?.kind === 'invalid') {
              unreadable = true;
              break;
            }
            const v = asNumber(parsed);
            if (!withUnit && v && (v.unit !== null || v.scaleLabel !== '')) withUnit = v;
            read.push(v);
          }
          if (unreadable) continue;
          // A bare number is in the unit of the other side: `260 (千円)` over parts holding 100 and 160.
          const total = inUnitOf(totalAsRead, withUnit);
          const values: (NumberValue | undefined)[] = [];
          const present: NumberValue[] = [];
          for (const v of read) {
            const inTotalUnit = v && inUnitOf(v, total);
            values.push(inTotalUnit);
            if (inTotalUnit) present.push(inTotalUnit);
          }
          if (present.length === 0) continue;
          if (overlapsSum(total, present)) continue;
          const point = sum(present.map((v) => v.value));
          const scale = total.scale;
          // A blank part is none, not 0 (SPEC §2): written `-` as tables write it.
          const terms = parts.map((p, i) => (values[i] ? show(values[i]!.value.div(scale), 4) : '-')).join(' + ');
          findings.push(
            findingAt('sum-mismatch', 'error', totalCell.ref, {
              expected: point.div(scale).toNumber(),
              stated: total.value.div(scale).toNumber(),
              calc: `${terms} = ${show(point.div(scale), 4)}`,
              params: { project: row.project, row: k >= n && row.totals?.[k - n]?.eachStage ? row.label : budgetRowName(row), column: k < n ? table.columns[k].header : '累計', parts: parts.map((p) => (across ? p.project : p.label)).join(' + '), unit: `${total.scaleLabel}${total.unit ?? ''}` },
            }),
          );
        }
      }
    }
    return findings;
  },
};
