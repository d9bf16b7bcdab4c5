/**
 * Overall score tables (総合評価): columns Ⅰ, Ⅱ, Ⅲ and 総合評価, one row per zone; or one zone's
 * Ⅰ, Ⅱ, Ⅲ and 総合評価 down a column, each with its score to the right.
 */
import { cellText, parseNumberText } from '../numbers.js';
import { toHalfWidth } from '../text.js';
import type { NumberValue } from '../numbers.js';
import type { OverallScoreRow, OverallScoreTable, ValueCell } from '../model.js';
import type { Label, SheetScan } from './scan.js';

const AVERAGE = /^(全体|全特区|特区)?(の)?平均(値|点)?$/;
/** A zone left unscored says so in its score cells (`評価対象外`) or leaves them blank or dashed. */
const NOT_SCORED = /対象外|評価(なし|せず)|未評価/;

type ScoreKind = 'overall' | 'roman1' | 'roman2' | 'roman3';
type Group = Record<ScoreKind, Label>;
const SCORE_KINDS: ScoreKind[] = ['overall', 'roman1', 'roman2', 'roman3'];

/**
 * The sets of score columns a header row heads, left to right: 総合評価, Ⅰ, Ⅱ and Ⅲ in any order, a kind met
 * again starting the next set (令和5年度 | 令和4年度 side by side, `Ⅰ（前年度）…`, cards side by side). A set whose
 * 総合評価 stands in a row above or below (merged over two header rows) takes the nearest one over its columns.
 */
function headerGroups(scan: SheetScan, row: number): Group[] {
  const labels = (['roman1', 'roman2', 'roman3', 'overall'] as const).flatMap((k) => scan.inRow(k, row)).sort((a, b) => a.col - b.col);
  const partial: Partial<Group>[] = [];
  let current: Partial<Group> = {};
  for (const l of labels) {
    const kind = l.kind as ScoreKind;
    if (current[kind]) partial.push(current), (current = {});
    current[kind] = l;
  }
  partial.push(current);
  const groups = partial.filter((g) => g.roman1 && g.roman2 && g.roman3);
  const used = new Set(labels.map((l) => l.col));
  groups.forEach((g, i) => {
    if (g.overall) return;
    const cols = [g.roman1!.col, g.roman2!.col, g.roman3!.col];
    const from = i > 0 ? Math.max(...SCORE_KINDS.flatMap((k) => (groups[i - 1][k] ? [groups[i - 1][k]!.col] : []))) : -1;
    const to = i + 1 < groups.length ? Math.min(...cols, ...[groups[i + 1].roman1!.col, groups[i + 1].roman2!.col, groups[i + 1].roman3!.col]) : Infinity;
    // A 総合評価 label in this set's columns: past the set before, before the next, in a column no other label takes.
    const free = (l: Label) => !used.has(l.col) && l.col > from && (i + 1 === groups.length || l.col < to);
    let best: Label | undefined;
    for (let r = Math.max(0, row - 2); r <= row + 2; r++) {
      if (r === row) continue;
      for (const l of scan.inRow('overall', r)) if (free(l) && (!best || Math.abs(r - row) < Math.abs(best.row - row))) best = l;
    }
    // As 003_… prints a card: the 総合評価 score beside Ⅰ Ⅱ Ⅲ's, over its label (`総合評価（ⅠとⅡとⅢを1：1：2の割合で計算）`), a
    // number standing between the header and the label.
    const [firstCol, lastCol] = [Math.min(...cols), Math.max(...cols)];
    for (let r = row + 3; !best && r <= row + UNDER_SCORE_REACH; r++) {
      best = scan.inRow('overall', r).find((l) => free(l) && (l.col < firstCol || l.col > lastCol) && scoreOver(scan, l, row, cols));
    }
    if (best) {
      g.overall = best;
      used.add(best.col);
    }
  });
  return groups.filter((g): g is Group => !!g.overall);
}

// A grade or stars a score is written with: `A`, `S`, `B+`, `優`, `A評価`, `★★★★★`.
const GRADE = String.raw`(?:[SA-E][+-]?|[優良可]|[★☆]+)(?:評価)?`;
// A score with its grade or stars: `A（4.8）`, `A：4.8`, `4.8点（A）`, `4.8 (A評価)`, `★4.8`, `★★★★★ 5`, `5 ★★★★★`.
const GRADED = new RegExp(String.raw`^${GRADE}\s*(?:[(:：]\s*([^()]+?)\s*\)?|\s([^()]+))$|^([^()]+?)\s*(?:\(\s*${GRADE}\s*\)|\s${GRADE}|[★☆]+)$|^[★☆]+\s*([^()★☆]+)$`);

/**
 * A score cell, read past the grade or stars written with it (`A（4.8）`, `4.8点（A）`, `★4.8`), which alone would make it
 * no number: only a cell that reads as none is looked at again.
 */
function scoreCell(scan: SheetScan, row: number, col: number): ValueCell {
  const cell = scan.valueCell(row, col);
  const parsed = cell.parsed.kind === 'invalid' ? gradedScore(cell.parsed.text) : undefined;
  return parsed ? (Object.assign(Object.create(cell) as ValueCell, { parsed }) as ValueCell) : cell;
}

/** The score a text writes with its grade or stars (GRADED), if it writes one. */
function gradedScore(text: string): NumberValue | undefined {
  const m = GRADED.exec(toHalfWidth(text).trim());
  const score = m && (m[1] ?? m[2] ?? m[3] ?? m[4]);
  const parsed = score ? parseNumberText(score) : undefined;
  return parsed?.kind === 'number' ? parsed : undefined;
}

/** How many rows under a header of Ⅰ Ⅱ Ⅲ a 総合評価 label under its score may stand (descriptions, the scores, and the card's details such as the targets' progress between). */
const UNDER_SCORE_REACH = 16;

/**
 * Whether a 総合評価 label stands under its score: a number over it, below the header row, in a row whose Ⅰ Ⅱ Ⅲ
 * columns (`scoreCols`) hold numbers too.
 */
function scoreOver(scan: SheetScan, label: Label, headerRow: number, scoreCols: number[]): boolean {
  const isNumber = (r: number, c: number) => {
    const cell = scan.view.shown(r, c).cell;
    const parsed = cell && scan.parse(cell);
    return !!parsed && (parsed.kind === 'number' || (parsed.kind === 'invalid' && !!gradedScore(parsed.text)));
  };
  for (let r = label.row - 1; r > headerRow; r--) if (isNumber(r, label.col) && scoreCols.every((c) => isNumber(r, c))) return true;
  return false;
}

/**
 * Whether a set's 総合評価 label stands under its score, not in the header (scoreOver): past the header's reach, or
 * within it right under the scores (`Ⅰ Ⅱ Ⅲ` over `4.8 5 4 5` over `総合評価`, a card with no details between).
 */
function overallUnder(scan: SheetScan, g: Group): boolean {
  const { overall, roman1, roman2, roman3 } = g;
  if (overall.row > roman1.row + 2) return true;
  return overall.row === roman1.row + 2 && scoreOver(scan, overall, roman1.row, [roman1.col, roman2.col, roman3.col]);
}

export function detectOverallScoreTables(scan: SheetScan): OverallScoreTable[] {
  const view = scan.view;
  const tables: OverallScoreTable[] = [];
  const seen = new Set<number>();
  // Per row, its texts that are no plain number, left to right (a zone's name among them).
  const textsOf = new Map<number, { col: number; text: string }[]>();
  const texts = (r: number) => {
    let list = textsOf.get(r);
    if (!list) {
      list = [];
      for (let c = 0; c < view.rowWidth(r); c++) {
        const t = cellText(view.shown(r, c).cell).trim();
        if (t && !/^[\d.\s]+$/.test(t)) list.push({ col: c, text: t });
      }
      textsOf.set(r, list);
    }
    return list;
  };
  for (const first of scan.kind('roman1')) {
    if (seen.has(first.row)) continue;
    const groups = headerGroups(scan, first.row);
    if (groups.length === 0) continue;
    seen.add(first.row);
    const groupCols = new Set(groups.flatMap((g) => SCORE_KINDS.map((k) => g[k].col)));
    const spans = groups.map((g) => {
      const cols = SCORE_KINDS.map((k) => g[k].col);
      return { min: Math.min(...cols), max: Math.max(...cols) };
    });
    // Per row, its texts outside the score columns (one pass over the row, whatever the number of sets).
    const outside = new Map<number, { col: number; text: string }[]>();
    /** The zone a row is for: the nearest text left of the set's columns after the set before, else the first set's. */
    const nameIn = (r: number, i: number): { col: number; text: string } | undefined => {
      let list = outside.get(r);
      if (!list) outside.set(r, (list = texts(r).filter((t) => !groupCols.has(t.col))));
      // The last text left of the set (texts are in column order).
      let lo = 0;
      for (let hi = list.length; lo < hi; ) {
        const mid = (lo + hi) >> 1;
        if (list[mid].col < spans[i].min) lo = mid + 1;
        else hi = mid;
      }
      const before = list[lo - 1];
      if (before && before.col > (i > 0 ? spans[i - 1].max : -1)) return before;
      if (i > 0) return nameIn(r, 0);
      return list.find((t) => t.col > spans[i].max);
    };
    groups.forEach((g, i) => {
      const table = readGroup(scan, g, (r) => nameIn(r, i), texts, i > 0 ? spans[i - 1].max + 1 : 0);
      if (!table) return;
      // The header's other rows (Ⅰ Ⅱ Ⅲ over a row of what they stand for) head this table, not one of their own.
      for (let h = table.range.top; h < table.rows[0].overall.ref.row; h++) seen.add(h);
      tables.push(table);
    });
  }
  return [...tables, ...detectDownAColumn(scan, seen)];
}

/**
 * One set of score columns read down from its header: a row per zone with a score, past rows without one (a
 * heading `〔地域活性化総合特区〕`, a zone not scored, `－` or blank) until a row holding other text in a score
 * column or two blank rows; a zone's row two rows tall (its name over two lines) is read once.
 */
function readGroup(
  scan: SheetScan,
  g: Group,
  nameIn: (r: number) => { col: number; text: string } | undefined,
  texts: (r: number) => { col: number; text: string }[],
  leftmost: number,
): OverallScoreTable | undefined {
  const view = scan.view;
  const labels = SCORE_KINDS.map((k) => g[k]);
  // A 総合評価 label under its score is not part of the header.
  const header = overallUnder(scan, g) ? labels.slice(1) : labels;
  const headerTop = Math.min(...header.map((l) => l.row));
  const headerBottom = Math.max(...header.map((l) => view.mergeAt(l.row, l.col)?.bottom ?? l.row));
  const cols = labels.map((l) => l.col);
  const minCol = Math.min(...cols);
  const rows: OverallScoreRow[] = [];
  let nameCol = minCol;
  let blankRun = 0;
  for (let r = headerBottom + 1; r < view.rowCount; r++) {
    const merged = view.mergeAt(r, g.overall.col);
    if (merged && merged.top < r) continue;
    const cells = cols.map((c) => scoreCell(scan, r, c));
    if (cells.every((c) => c.parsed.kind !== 'number')) {
      // Multi-row headers (Ⅰ over its description) leave text rows before the numbers.
      if (rows.length === 0) {
        if (r - headerBottom <= 3) continue;
        break;
      }
      if (!cells.every((c) => c.parsed.kind === 'blank' || (c.parsed.kind === 'invalid' && NOT_SCORED.test(c.parsed.text)))) break;
      if (texts(r).length > 0) blankRun = 0;
      else if (++blankRun > 1) break;
      continue;
    }
    blankRun = 0;
    const found = nameIn(r);
    // A name on two lines (its prefectures under it) is shown on one.
    const name = found?.text.replace(/\s*[\r\n]+\s*/g, ' ').trim() ?? '';
    if (found && found.col >= leftmost) nameCol = Math.min(nameCol, found.col);
    // An average of the zones (`平均`) is no zone: its scores need not follow the 1:1:2 rule once rounded.
    if (AVERAGE.test(name.replace(/\s+/g, ''))) continue;
    rows.push({ name, overall: cells[0], scores: [cells[1], cells[2], cells[3]] });
  }
  if (rows.length === 0) return undefined;
  // A card for one zone: its name stands over the header, else the sheet is the zone's own.
  if (rows.length === 1 && !rows[0].name) rows[0].name = titleOver(scan, headerTop, minCol, Math.max(...cols)) ?? view.name;
  const last = rows[rows.length - 1].overall.ref;
  return {
    kind: 'overall-score',
    sheet: view.name,
    // A 総合評価 label under its score closes the table.
    range: { top: headerTop, left: nameCol, bottom: Math.max(view.mergeAt(last.row, last.col)?.bottom ?? last.row, overallUnder(scan, g) ? g.overall.row : 0), right: Math.max(...cols) },
    rows,
  };
}

/** The text over a card's header, in the two rows above it across the card's columns. */
function titleOver(scan: SheetScan, top: number, left: number, right: number): string | undefined {
  for (let r = top - 1; r >= Math.max(0, top - 2); r--) {
    for (let c = left; c <= right; c++) {
      const t = cellText(scan.view.shown(r, c).cell).trim();
      if (t && !/^[\d.\s]+$/.test(t)) return t;
    }
  }
  return undefined;
}

/** How far apart, in rows, the labels of a table down a column may be (a label may fill several merged rows). */
const LABEL_GAP = 4;
/** How far right of its label a score may be (a description may sit between). */
const SCORE_REACH = 6;

/**
 * One zone's scores down a column: Ⅰ, Ⅱ, Ⅲ and 総合評価 in one column, in any order (総合評価 on top or at the bottom),
 * each score the first number right of its label. The labels with a score are read in order down each column, a kind
 * met again (cards stacked) or a gap of more than LABEL_GAP rows starting the next set, as headerGroups reads across.
 */
function detectDownAColumn(scan: SheetScan, seen: Set<number>): OverallScoreTable[] {
  const view = scan.view;
  const tables: OverallScoreTable[] = [];
  const bottomOf = (l: Label) => view.mergeAt(l.row, l.col)?.bottom ?? l.row;
  const scoreOf = (l: Label) => {
    const from = (view.mergeAt(l.row, l.col)?.right ?? l.col) + 1;
    for (let c = from; c < from + SCORE_REACH && c < view.rowWidth(l.row); c++) {
      const cell = scoreCell(scan, l.row, c);
      if (cell.parsed.kind === 'number') return cell;
    }
    return undefined;
  };
  // Only columns holding a Ⅰ not in a header read across.
  const columns = new Set(scan.kind('roman1').flatMap((l) => (seen.has(l.row) ? [] : [l.col])));
  if (columns.size === 0) return tables;
  // Per column, its labels with a score right of them (a heading 総合評価 over a card has none), down the column.
  const byCol = new Map<number, { label: Label; kind: ScoreKind }[]>();
  // Per column, its labels with no score: a part left blank, taken by a set lacking that part only; a 総合評価 left blank
  // under the parts, taken by a set lacking it only.
  const scoreless = new Map<number, { label: Label; kind: ScoreKind }[]>();
  for (const kind of SCORE_KINDS) {
    for (const label of scan.kind(kind)) {
      if (!columns.has(label.col) || seen.has(label.row)) continue;
      if (!scoreOf(label)) {
        scoreless.set(label.col, [...(scoreless.get(label.col) ?? []), { label, kind }]);
        continue;
      }
      let list = byCol.get(label.col);
      if (!list) byCol.set(label.col, (list = []));
      list.push({ label, kind });
    }
  }
  const groups: Group[] = [];
  for (const list of byCol.values()) {
    list.sort((a, b) => a.label.row - b.label.row);
    let current: Partial<Group> = {};
    let last: Label | undefined;
    const close = () => {
      const missing = SCORE_KINDS.filter((k) => !current[k]);
      if (missing.length === 1) {
        // A part with no score among the others' rows (Ⅰ over a blank Ⅱ over Ⅲ); a 総合評価 with none under the parts (a
        // heading 総合評価 over the card stands above them).
        const rows = Object.values(current).map((l) => l.row);
        const [top, bottom] = [missing[0] === 'overall' ? Math.max(...rows) + 1 : Math.min(...rows) - LABEL_GAP, Math.max(...rows) + LABEL_GAP];
        const part = scoreless.get(list[0].label.col)?.find((p) => p.kind === missing[0] && p.label.row >= top && p.label.row <= bottom);
        if (part) current[part.kind] = part.label;
      }
      if (current.overall && current.roman1 && current.roman2 && current.roman3) groups.push(current as Group);
      current = {};
    };
    for (const { label, kind } of list) {
      if (current[kind] || (last && label.row - bottomOf(last) > LABEL_GAP)) close();
      current[kind] = label;
      last = label;
    }
    close();
  }
  // In reading order of their Ⅰ.
  groups.sort((a, b) => a.roman1.row - b.roman1.row || a.roman1.col - b.roman1.col);
  for (const { overall, roman1: one, roman2: two, roman3: three } of groups) {
    const labels = [overall, one, two, three];
    const top = Math.min(...labels.map((l) => l.row));
    const bottom = Math.max(...labels.map(bottomOf));
    const zones = zoneColumns(scan, labels).filter((c) => !AVERAGE.test((zoneName(scan, top, c) ?? '').replace(/\s+/g, '')));
    if (zones.length > 1) {
      const rows = zones.map((c) => {
        const [s0, s1, s2, s3] = labels.map((l) => scoreCell(scan, l.row, c));
        return { name: zoneName(scan, top, c) ?? view.name, overall: s0, scores: [s1, s2, s3] as [ValueCell, ValueCell, ValueCell] };
      });
      tables.push({ kind: 'overall-score', sheet: view.name, range: { top: Math.max(0, top - 1), left: one.col, bottom, right: zones[zones.length - 1] }, rows });
      continue;
    }
    // One zone's column of scores where one is found, a column of the parts' weights (`比重 | 1 | 1 | 2`) left of it not read.
    const scores = zones.length === 1 ? labels.map((l) => scan.valueCell(l.row, zones[0])) : labels.map(scoreOf);
    // A part with no score is the blank cell in the column of the others' (one column of scores), if blank it is.
    const scoreCols = new Set(scores.flatMap((c) => (c ? [c.ref.col] : [])));
    const [s0, s1, s2, s3] = scores.map((c, k) => {
      if (c || scoreCols.size !== 1) return c;
      const cell = scan.valueCell(labels[k].row, [...scoreCols][0]);
      return cell.parsed.kind === 'blank' ? cell : undefined;
    });
    if (!s0 || !s1 || !s2 || !s3) continue;
    tables.push({
      kind: 'overall-score',
      sheet: view.name,
      range: { top, left: one.col, bottom, right: Math.max(...[s0, s1, s2, s3].map((c) => c.ref.col)) },
      // The sheet is the zone's own: its name names the zone.
      rows: [{ name: view.name, overall: s0, scores: [s1, s2, s3] }],
    });
  }
  return tables;
}

/** A column of the parts' weights beside the scores (`比重 | 1 | 1 | 2`), no zone's. */
const WEIGHTS_HEADER = /比重|重み|ウェイト|割合|配点|係数|倍率/;

/**
 * Several zones side by side, one column each (`評価項目 | A特区 | B特区` over Ⅰ, Ⅱ, Ⅲ, 総合評価):
 * the columns right of the labels where all four rows hold a number, or 総合評価 and some of Ⅰ Ⅱ Ⅲ do and the others
 * are blank (a zone's score stated over a blank part, which overall-score-orphan reports), or Ⅰ Ⅱ Ⅲ do and 総合評価 is
 * blank (a zone's score left out, which overall-score-missing reports) beside a zone whose 総合評価 is stated.
 */
function zoneColumns(scan: SheetScan, labels: Label[]): number[] {
  const view = scan.view;
  const from = Math.max(...labels.map((l) => view.mergeAt(l.row, l.col)?.right ?? l.col)) + 1;
  // A blank part may end its row short of the others.
  const to = Math.max(...labels.map((l) => view.rowWidth(l.row)));
  const top = Math.min(...labels.map((l) => l.row));
  const cols: number[] = [];
  let stated = false;
  for (let c = from; c < to; c++) {
    const [overall, ...parts] = labels.map((l) => {
      const parsed = scan.parse(view.raw(l.row, c));
      return parsed.kind === 'invalid' && gradedScore(parsed.text) ? 'number' : parsed.kind;
    });
    if (overall === 'number' && parts.includes('number') && parts.every((k) => k === 'number' || k === 'blank')) {
      cols.push(c);
      stated = true;
    } else if (overall === 'blank' && parts.every((k) => k === 'number') && !WEIGHTS_HEADER.test(zoneName(scan, top, c) ?? '')) cols.push(c);
  }
  return stated ? cols : [];
}

/** The zone a column of scores is for: the text over it, in the two rows above Ⅰ. */
function zoneName(scan: SheetScan, row: number, col: number): string | undefined {
  for (let r = row - 1; r >= Math.max(0, row - 2); r--) {
    const t = cellText(scan.view.shown(r, col).cell).trim();
    if (t && !/^[\d.\s]+$/.test(t)) return t;
  }
  return undefined;
}
