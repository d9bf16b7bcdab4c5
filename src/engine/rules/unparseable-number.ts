import { a1 } from '../grid.js';
import { findingAt, type Finding } from '../findings.js';
import type { Table, ValueCell } from '../model.js';
import type { Rule } from './types.js';

/** Every cell of every table where a number belongs. */
export function valueCellsOf(table: Table): ValueCell[] {
  switch (table.kind) {
    case 'progress':
      return table.targets.flatMap((t) => [...t.target, ...t.actual, ...(t.progress ?? []), ...(t.total?.target ? [t.total.target] : []), ...(t.total?.actual ? [t.total.actual] : [])]).concat(table.indicatorCells.map((c) => c.cell));
    case 'summary':
      return table.rows.flatMap((r) => [r.targetValue, r.actualValue, r.progress, r.weight].filter((c): c is ValueCell => !!c));
    case 'budget':
      return table.rows.flatMap((r) => [...r.cells, ...(r.cumulative ? [r.cumulative] : [])]);
    case 'overall-score':
      return table.rows.flatMap((r) => [r.overall, ...r.scores]);
  }
}

export const unparseableNumber: Rule = {
  id: 'unparseable-number',
  severity: 'warning',
  describe: {
    ja: '数値が入るべきセルに、数値でも空欄でもない文字・エラー値・日付などがある',
    en: 'A cell where a number belongs holds text that is not a number or a blank (or an error value, a date)',
  },
  check({ model }) {
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const table of model.tables) {
      for (const cell of valueCellsOf(table)) {
        if (cell.parsed.kind !== 'invalid') continue;
        const key = `${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push(findingAt('unparseable-number', 'warning', cell.ref, { params: { text: cell.parsed.text.slice(0, 80), reason: cell.parsed.reason } }));
      }
    }
    return findings;
  },
};
