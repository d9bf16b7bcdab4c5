import { findingAt, type Finding } from '../findings.js';
import { unitGroup } from '../numbers.js';
import type { ValueCell } from '../model.js';
import type { Rule } from './types.js';

/** The first cell whose unit cannot be converted to the unit of the cells before it. */
function firstClash(cells: ValueCell[]): { cell: ValueCell; unit: string; other: string } | undefined {
  let seen: { group: string; unit: string } | undefined;
  for (const c of cells) {
    if (c.parsed.kind !== 'number') continue;
    const group = unitGroup(c.parsed.unit);
    if (!group) continue;
    const unit = `${c.parsed.scaleLabel}${c.parsed.unit ?? ''}`;
    if (!seen) seen = { group, unit };
    else if (seen.group !== group) return { cell: c, unit, other: seen.unit };
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
      const clash = firstClash([...t.target, ...t.actual]);
      if (clash) findings.push(findingAt('unit-mismatch', 'warning', clash.cell.ref, { params: { target: t.id.display, unit: clash.unit, other: clash.other } }));
    }
    for (const table of model.tables) {
      if (table.kind !== 'budget') continue;
      for (const row of table.rows) {
        const clash = firstClash([...row.cells, ...(row.cumulative ? [row.cumulative] : [])]);
        if (clash) findings.push(findingAt('unit-mismatch', 'warning', clash.cell.ref, { params: { row: row.label, unit: clash.unit, other: clash.other } }));
      }
    }
    return findings;
  },
};
