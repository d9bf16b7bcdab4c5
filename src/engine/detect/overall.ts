/** Overall score tables (総合評価): columns Ⅰ, Ⅱ, Ⅲ and 総合評価, one row per zone. */
import { cellText } from '../numbers.js';
import type { OverallScoreRow, OverallScoreTable } from '../model.js';
import type { Label, SheetScan } from './scan.js';

export function detectOverallScoreTables(scan: SheetScan): OverallScoreTable[] {
  const view = scan.view;
  const tables: OverallScoreTable[] = [];
  const seen = new Set<number>();
  for (const one of scan.kind('roman1')) {
    if (seen.has(one.row)) continue;
    const two = scan.inRow('roman2', one.row).find((l) => l.col !== one.col);
    const three = scan.inRow('roman3', one.row).find((l) => l.col !== one.col && l.col !== two?.col);
    if (!two || !three) continue;
    let overall: Label | undefined;
    for (let r = Math.max(0, one.row - 2); r <= one.row + 2 && !overall; r++) {
      overall = scan.inRow('overall', r).find((l) => ![one.col, two.col, three.col].includes(l.col));
    }
    if (!overall) continue;
    seen.add(one.row);
    const headerBottom = Math.max(
      ...[one, two, three, overall].map((l) => view.mergeAt(l.row, l.col)?.bottom ?? l.row),
    );
    const cols = [overall.col, one.col, two.col, three.col];
    const minCol = Math.min(...cols);
    const rows: OverallScoreRow[] = [];
    let nameCol = minCol;
    let r = headerBottom + 1;
    for (; r < view.rowCount; r++) {
      const cells = cols.map((c) => scan.valueCell(r, c));
      if (cells.every((c) => c.parsed.kind === 'blank')) {
        // Multi-row headers (Ⅰ over its description) leave text rows before the numbers.
        if (rows.length === 0 && r - headerBottom <= 3) continue;
        break;
      }
      if (cells.every((c) => c.parsed.kind !== 'number')) {
        if (rows.length === 0 && r - headerBottom <= 3) continue;
        break;
      }
      let name = '';
      for (let c = 0; c < view.rowWidth(r) && !name; c++) {
        if (cols.includes(c)) continue;
        const t = cellText(view.shown(r, c).cell).trim();
        if (t && !/^[\d.\s]+$/.test(t)) {
          name = t;
          nameCol = Math.min(nameCol, c);
        }
      }
      rows.push({ name, overall: cells[0], scores: [cells[1], cells[2], cells[3]] });
    }
    if (rows.length === 0) continue;
    tables.push({
      kind: 'overall-score',
      sheet: view.name,
      range: { top: Math.min(one.row, overall.row), left: nameCol, bottom: rows[rows.length - 1].overall.ref.row, right: Math.max(...cols) },
      rows,
    });
  }
  return tables;
}
