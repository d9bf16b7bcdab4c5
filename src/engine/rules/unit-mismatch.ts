import { findingAt, type Finding } from '../findings.js';
import { unitGroup, type NumberValue } from '../numbers.js';
import type { ValueCell } from '../model.js';
import { targetName, type Rule } from './types.js';

const unitText = (n: NumberValue) => `${n.scaleLabel}${n.unit ?? ''}`;

/** The first cell whose unit cannot be converted to the unit of the cells before it. */
function firstClash(lists: readonly (readonly ValueCell[])[]): { cell: ValueCell; unit: string; other: string } | undefined {
  let seen: { group: string; value: NumberValue } | undefined;
  for (const cells of lists) {
    for (const c of cells) {
      if (c.parsed.kind !== 'number') continue;
      // The unit seen first again is its group again: unitGroup (a pattern, a lookup) only for another unit.
      if (seen && c.parsed.unit === seen.value.unit) continue;
      const group = unitGroup(c.parsed.unit);
      if (!group) continue;
      if (!seen) seen = { group, value: c.parsed };
      else if (seen.group !== group) return { cell: c, unit: unitText(c.parsed), other: unitText(seen.value) };
    }
  }
  return undefined;
}

export const unitMismatch: Rule = {
  id: 'unit-mismatch',
  severity: 'warning',
  describe: { ja: '同じ行(目標値と実績値)に換算できない単位が混在している(人 と 件 など)', en: 'One row mixes units that cannot be converted (人 and 件)' },
  check({ model, targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      const clash = firstClash([t.target, t.actual]);
      if (clash) findings.push(findingAt('unit-mismatch', 'warning', clash.cell.ref, { params: { ...targetName(t), unit: clash.unit, other: clash.other } }));
    }
    for (const table of model.tables) {
      if (table.kind !== 'budget') continue;
      for (const row of table.rows) {
        const clash = firstClash(row.totals ? [row.cells, row.totals.map((c) => c.cell)] : [row.cells]);
        if (clash) findings.push(findingAt('unit-mismatch', 'warning', clash.cell.ref, { params: { row: row.label, unit: clash.unit, other: clash.other } }));
      }
    }
    return findings;
  },
};
