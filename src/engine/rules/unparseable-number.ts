import { asNumber } from '../compute.js';
import { a1 } from '../grid.js';
import { findingAt, type Finding } from '../findings.js';
import type { Table, ValueCell } from '../model.js';
import { targetParams, type Rule } from './types.js';

/** Every cell of a table where a number belongs, in the order of the table's parts. */
export function forEachValueCell(table: Table, visit: (cell: ValueCell) => void): void {
  const each = (cells: readonly ValueCell[]) => {
    for (const c of cells) visit(c);
  };
  switch (table.kind) {
    case 'progress':
      for (const t of table.targets) {
        each(t.target);
        each(t.actual);
        if (t.progress) each(t.progress);
        for (const total of t.totals ?? []) {
          if (total.target) visit(total.target);
          if (total.actual) visit(total.actual);
          if (total.progress) visit(total.progress);
        }
      }
      for (const c of table.indicatorCells) visit(c.cell);
      return;
    case 'summary':
      for (const r of table.rows) {
        if (r.targetValue) visit(r.targetValue);
        if (r.actualValue) visit(r.actualValue);
        if (r.progress) visit(r.progress);
        if (r.weight) visit(r.weight);
      }
      for (const g of table.goals ?? []) visit(g.goal);
      return;
    case 'budget':
      for (const r of table.rows) {
        each(r.cells);
        for (const total of r.totals ?? []) visit(total.cell);
      }
      return;
    case 'overall-score':
      for (const r of table.rows) {
        visit(r.overall);
        each(r.scores);
      }
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
      // A progress formula dividing by a target of 0 (zero-target notes it) or by none yet (filled ahead) shows #DIV/0!: it states nothing.
      const noTarget = new Set<ValueCell>();
      if (table.kind === 'progress') {
        for (const t of table.targets) {
          t.progress?.forEach((p, i) => {
            const target = asNumber(t.target[i].parsed);
            if (p.formula !== undefined && p.text === '#DIV/0!' && (!target || target.value.isZero())) noTarget.add(p);
          });
        }
      }
      const note = (cell: ValueCell, reason: string, named?: Record<string, string | number | null>) => {
        if (cell.parsed.kind !== 'invalid' || noTarget.has(cell)) return;
        const key = `${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push(findingAt('unparseable-number', 'warning', cell.ref, { params: { text: cell.parsed.text.slice(0, 80), reason, ...named } }));
      };
      // Most cells hold numbers or blanks: only those that do not are looked at further.
      forEachValueCell(table, (cell) => {
        if (cell.parsed.kind === 'invalid') note(cell, cell.parsed.reason);
      });
      // A goal in a label whose number cannot be read (`1,2345人（累計）`): the goal is not checked.
      if (table.kind === 'progress') for (const t of table.targets) if (t.unreadGoal) note(t.unreadGoal, 'goal', targetParams(t));
    }
    return findings;
  },
};
