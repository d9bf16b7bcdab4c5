/**
 * Overall score tables (総合評価): columns Ⅰ, Ⅱ, Ⅲ and 総合評価, one row per zone; or one zone's
 * Ⅰ, Ⅱ, Ⅲ and 総合評価 down a column, each with its score to the right.
 */
import { cellText } from '../numbers.js';
import type { OverallScoreRow, OverallScoreTable, ValueCell } from '../model.js';
import type { Label, SheetScan } from './scan.js';

const AVERAGE = /^(全体|全特区|特区)?(の)?平均(値|点)?$/;

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
      // An average of the zones (`平均`) is no zone: its scores need not follow the 1:1:2 rule once rounded.
      if (AVERAGE.test(name.replace(/\s+/g, ''))) continue;
      rows.push({ name, overall: cells[0], scores: [cells[1], cells[2], cells[3]] });
    }
    if (rows.length === 0) continue;
    // The header's other rows (Ⅰ Ⅱ Ⅲ over a row of what they stand for) head this table, not one of their own.
    for (let h = Math.min(one.row, overall.row); h < rows[0].overall.ref.row; h++) seen.add(h);
    tables.push({
      kind: 'overall-score',
      sheet: view.name,
      range: { top: Math.min(one.row, overall.row), left: nameCol, bottom: rows[rows.length - 1].overall.ref.row, right: Math.max(...cols) },
      rows,
    });
  }
  return [...tables, ...detectDownAColumn(scan, seen)];
}

/** How far apart, in rows, the labels of a table down a column may be (a label may fill several merged rows). */
const LABEL_GAP = 4;
/** How far right of its label a score may be (a description may sit between). */
const SCORE_REACH = 6;

/** One zone's scores down a column: Ⅰ, then Ⅱ, Ⅲ and 総合評価 below it, each score the first number right of its label. */
function detectDownAColumn(scan: SheetScan, seen: Set<number>): OverallScoreTable[] {
  const view = scan.view;
  const tables: OverallScoreTable[] = [];
  const bottomOf = (l: Label) => view.mergeAt(l.row, l.col)?.bottom ?? l.row;
  const below = (kind: 'roman2' | 'roman3' | 'overall', above: Label) =>
    scan.kind(kind).find((l) => l.col === above.col && l.row > bottomOf(above) && l.row <= bottomOf(above) + LABEL_GAP);
  const scoreOf = (l: Label) => {
    const from = (view.mergeAt(l.row, l.col)?.right ?? l.col) + 1;
    for (let c = from; c < from + SCORE_REACH && c < view.rowWidth(l.row); c++) {
      const cell = scan.valueCell(l.row, c);
      if (cell.parsed.kind === 'number') return cell;
    }
    return undefined;
  };
  for (const one of scan.kind('roman1')) {
    if (seen.has(one.row)) continue;
    const two = below('roman2', one);
    const three = two && below('roman3', two);
    const overall = three && below('overall', three);
    if (!two || !three || !overall) continue;
    const zones = zoneColumns(scan, [overall, one, two, three]).filter((c) => !AVERAGE.test((zoneName(scan, one.row, c) ?? '').replace(/\s+/g, '')));
    if (zones.length > 1) {
      const rows = zones.map((c) => {
        const [s0, s1, s2, s3] = [overall, one, two, three].map((l) => scan.valueCell(l.row, c));
        return { name: zoneName(scan, one.row, c) ?? view.name, overall: s0, scores: [s1, s2, s3] as [ValueCell, ValueCell, ValueCell] };
      });
      tables.push({ kind: 'overall-score', sheet: view.name, range: { top: Math.max(0, one.row - 1), left: one.col, bottom: bottomOf(overall), right: zones[zones.length - 1] }, rows });
      continue;
    }
    const [s0, s1, s2, s3] = [overall, one, two, three].map(scoreOf);
    if (!s0 || !s1 || !s2 || !s3) continue;
    tables.push({
      kind: 'overall-score',
      sheet: view.name,
      range: { top: one.row, left: one.col, bottom: bottomOf(overall), right: Math.max(...[s0, s1, s2, s3].map((c) => c.ref.col)) },
      // The sheet is the zone's own: its name names the zone.
      rows: [{ name: view.name, overall: s0, scores: [s1, s2, s3] }],
    });
  }
  return tables;
}

/**
 * Several zones side by side, one column each (`評価項目 | A特区 | B特区` over Ⅰ, Ⅱ, Ⅲ, 総合評価):
 * the columns right of the labels where all four rows hold a number.
 */
function zoneColumns(scan: SheetScan, labels: Label[]): number[] {
  const view = scan.view;
  const from = Math.max(...labels.map((l) => view.mergeAt(l.row, l.col)?.right ?? l.col)) + 1;
  const to = Math.min(...labels.map((l) => view.rowWidth(l.row)));
  const cols: number[] = [];
  for (let c = from; c < to; c++) if (labels.every((l) => scan.parse(view.raw(l.row, c)).kind === 'number')) cols.push(c);
  return cols;
}

/** The zone a column of scores is for: the text over it, in the two rows above Ⅰ. */
function zoneName(scan: SheetScan, row: number, col: number): string | undefined {
  for (let r = row - 1; r >= Math.max(0, row - 2); r--) {
    const t = cellText(scan.view.shown(r, col).cell).trim();
    if (t && !/^[\d.\s]+$/.test(t)) return t;
  }
  return undefined;
}
