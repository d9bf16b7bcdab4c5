/**
 * Summary of the indicators (本文 3① 評価指標): either a table with 目標値 / 実績値 / 進捗度 /
 * 寄与度 columns and one row per indicator or numeric target, or text lines such as
 * `【当該年度目標値 87 億円、当該年度実績値 120 億円、進捗度 138%、寄与度 33%】`.
 */
import { cellText, MARKS_BEFORE, parseNumberText, REACH_WORD } from '../numbers.js';
import { compact, findIndicatorId, findSubOnlyId, findTargetId, idColumnWord, INDICATOR_PROGRESS_LABEL, indicatorOnlyId, NUMBER_COLUMN, subTargetId, toHalfWidth, type TargetId } from '../text.js';
import { decideMode } from '../compute.js';
import { latestActualYear, weightOf, zoneScores, zoneWordsOf } from '../indicators.js';
import { findFiscalYearIn, namesPartOfYearIn, parseFiscalYear, planPeriod } from '../years.js';
import type { ProgressTable, SummaryGoal, SummaryRow, SummaryTable, Table, ValueCell } from '../model.js';
import { classifyLabel, ID_WORDS, isSummaryLine, PLAIN_SUMMARY_LINE, BRACKET_CLASS, SUMMARY_BRACKETS, type SheetScan } from './scan.js';
import { parseGoal } from './goal.js';
import { notesUnderHeader, unitInParentheses, unitNote } from './units.js';
import { fractionWeight, WEIGHT_WORD } from './weight.js';
import { OTHER_ID_STARTS, otherWordId } from './other-ids.js';

type Column = 'target' | 'actual' | 'progress' | 'weight' | 'year';

/** A header cell of a summary table, possibly prefixed by a year: `令和5年度目標値`, `R5実績値`. */
function headerKind(scan: SheetScan, text: string): { kind: Column; year?: number } | undefined {
  const direct = scan.labelKind(text);
  if (direct === 'target' || direct === 'actual' || direct === 'progress' || direct === 'weight') return { kind: direct };
  if (direct === 'year-column') return { kind: 'year' };
  // The pattern below needs a year: a 年, an era letter and its number, FY or a year of four digits (`2019(R1)目標値`);
  // most cells of a row have none.
  if (!text.includes('年') && !/^\s*(?:[RHＲＨ][0-9０-９]|FY|ＦＹ|[12１２][0-9０-９]{3})/i.test(text)) return undefined;
  const c = compact(text);
  const m = /^(.+?年度?|[RH]\d{1,2}|FY\d{2,4}|\d{4}(?:\([RH]\d{1,2}\))?)(の)?(目標値?|実績値?|進捗(度|率)?|達成(度|率))([(（].*[)）]|%)?$/.exec(c);
  if (m) {
    const fy = parseFiscalYear(m[1]);
    const rest = classifyLabel(m[3]);
    if (fy && (rest === 'target' || rest === 'actual' || rest === 'progress')) return { kind: rest, year: fy.year };
  }
  return undefined;
}

/**
 * The year of the nearest title at most 12 rows above (titles are in reading order); past that reach, the year
 * every title above names when they all name the same (a document's title over its 本文, `令和５年度　総合特別区域評価書`,
 * governs its lines however far down they stand; titles naming different years leave a line far below them none).
 */
function titleYear(scan: SheetScan, row: number): number | null {
  const titles = scan.yearTitles;
  let lo = 0;
  let hi = titles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (titles[mid].row < row - 12) lo = mid + 1;
    else hi = mid;
  }
  let best: number | null = null;
  for (let i = lo; i < titles.length && titles[i].row <= row; i++) {
    const y = yearOfTitle(scan, i);
    if (y) best = y;
  }
  return best ?? (lo > 0 ? soleYearUpTo(scan, lo - 1) : null);
}

/**
 * The year of a title naming a half or a quarter of one (`評価対象年度：令和5年度上半期`): the figures under it are no whole
 * year's, and a year no table shows leaves them compared with none.
 */
export const PART_OF_A_YEAR = -1;

/** The year a title names as evaluated: PART_OF_A_YEAR for a half or a quarter of it, else the year found. */
function evaluatedYearIn(title: string): number | undefined {
  return namesPartOfYearIn(title) ? PART_OF_A_YEAR : findFiscalYearIn(title);
}

/** The one year a title names (`【平成29年度】`, `平成30年度の実績`); a period (`平成29年度～令和3年度`) names none. */
function yearOfTitleText(title: string): number | undefined {
  return title.length <= 40 && !planPeriod(title) ? evaluatedYearIn(title) : undefined;
}

/**
 * The year a title right over a table names (`【平成29年度】`, `平成30年度の実績` over each year's table of a sheet holding
 * one per year): the text alone in the nearest row holding any within two rows above the header; a title naming a
 * period (`平成29年度～令和3年度`) names no one year.
 */
function yearOverTable(scan: SheetScan, header: number): number | undefined {
  const view = scan.view;
  for (let r = header - 1; r >= Math.max(0, header - 2); r--) {
    let title: string | undefined;
    for (let c = 0; c < view.rowWidth(r); c++) {
      const merge = view.mergeAt(r, c);
      if (merge && (merge.top !== r || merge.left !== c)) continue;
      const text = cellText(view.raw(r, c)).trim();
      if (!text) continue;
      if (title !== undefined) return undefined;
      title = text;
    }
    if (title !== undefined) return yearOfTitleText(title);
  }
  return undefined;
}

// Per scan, for each title, the one year the titles up to it name (null when none or several).
const soleYears = new WeakMap<SheetScan, (number | null)[]>();

function soleYearUpTo(scan: SheetScan, i: number): number | null {
  let sole = soleYears.get(scan);
  if (!sole) {
    sole = [];
    let year: number | null | undefined;
    for (let k = 0; k < scan.yearTitles.length; k++) {
      const y = yearOfTitle(scan, k);
      if (y && y !== PART_OF_A_YEAR) year = year === undefined || year === y ? y : null;
      sole.push(year ?? null);
    }
    soleYears.set(scan, sole);
  }
  return sole[i];
}

/**
 * The column groups of a summary header that repeats 目標値 / 実績値 / 進捗度 once per year, the
 * year above each group (`令和4年度` merged over its three columns), under it, or in its headers
 * (`令和4年度目標値`). One group, the first columns of each kind, when the header does not repeat
 * or a group's year is missing or repeated. `yearsBelow`: the years stand in the row under the header.
 */
function yearGroups(scan: SheetScan, row: number, first: Map<Column, number>): { cols: Map<Column, number>; year: number | undefined; yearsBelow?: true; idCol?: number }[] {
  const view = scan.view;
  const headers: { col: number; kind: Column; year?: number }[] = [];
  for (let c = 0; c < view.rowWidth(row); c++) {
    const v = view.raw(row, c)?.value;
    const h = typeof v === 'string' ? headerKind(scan, v) : undefined;
    if (h && h.kind !== 'year') headers.push({ col: c, ...h });
  }
  const starts = headers.filter((h) => h.kind === 'target').map((h) => h.col);
  const single = [{ cols: first, year: undefined }];
  if (starts.length < 2) return single;
  const groups = starts.map((start, i) => {
    const end = starts[i + 1] ?? Infinity;
    const cols = new Map<Column, number>();
    let year: number | undefined;
    for (const h of headers) {
      if (h.col < start || h.col >= end || cols.has(h.kind)) continue;
      cols.set(h.kind, h.col);
      year ??= h.year;
    }
    year ??= row > 0 ? parseFiscalYear(cellText(view.shown(row - 1, start).cell))?.year : undefined;
    // Tables side by side, one per year, each with its ids' column (`数値目標 | 目標値 | 実績値 | 進捗度`) under its title
    // (`【平成29年度】` over the ids): the group's ids and year stand left of its first header, after the group before.
    const after = i === 0 ? -1 : Math.max(...headers.filter((h) => h.col < start).map((h) => h.col));
    let idCol: number | undefined;
    for (let c = start - 1; c > after && i > 0 && idCol === undefined; c--) if (idColumnWord(cellText(view.shown(row, c).cell))) idCol = c;
    for (let c = start - 1; c > after && row > 0 && year === undefined && (i === 0 || idCol !== undefined); c--) year = yearOfTitleText(cellText(view.raw(row - 1, c)).trim());
    const below = year === undefined && scan.yearRows.has(row + 1) ? parseFiscalYear(cellText(view.shown(row + 1, start).cell))?.year : undefined;
    return below === undefined ? { cols, year, ...(idCol !== undefined && { idCol }) } : { cols, year: below, yearsBelow: true as const };
  });
  const years = groups.map((g) => g.year);
  if (years.includes(undefined) || new Set(years).size < years.length) return single;
  return groups;
}

// Every summary line below a title asks for its year: read once per title of a scan.
const titleYears = new WeakMap<SheetScan, (number | undefined)[]>();

function yearOfTitle(scan: SheetScan, i: number): number | undefined {
  let years = titleYears.get(scan);
  if (!years) titleYears.set(scan, (years = []));
  if (!(i in years)) years[i] = evaluatedYearIn(scan.yearTitles[i].text);
  return years[i];
}

/**
 * `skipRows`: header rows already read as progress tables turned on their side. `yearRows`: rows of year
 * headers outside progress tables, which may head a summary table whose headers carry their year
 * (`R5目標値 | R5実績値 | R5進捗度`).
 */
export function detectSummaryTables(scan: SheetScan, skipRows: Set<number> = new Set(), yearRows: number[] = []): SummaryTable[] {
  const tables = [...detectSummaryGrids(scan, skipRows, yearRows), ...detectProgressByYear(scan, yearRows), ...detectSummaryAcross(scan)];
  for (const t of tables) {
    const headings = titlesOver(scan, t.range.top);
    if (headings) t.headings = headings;
  }
  return [...tables, ...detectSummaryLines(scan)];
}

/**
 * The titles right over a table: the texts standing alone in their rows (a merged title in its first cell), nearest first,
 * within three rows above `top`, blank rows between passed over; a row holding two texts or a figure ends them.
 */
export function titlesOver(scan: SheetScan, top: number): string[] | undefined {
  const view = scan.view;
  const titles: string[] = [];
  for (let r = top - 1; r >= Math.max(0, top - 3); r--) {
    let title: string | undefined;
    let other = false;
    for (let c = 0; c < view.rowWidth(r) && !other; c++) {
      const merge = view.mergeAt(r, c);
      if (merge && (merge.top !== r || merge.left !== c)) continue;
      const v = view.raw(r, c)?.value;
      if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) continue;
      if (typeof v !== 'string' || title !== undefined) other = true;
      else title = v.trim();
    }
    if (other) break;
    if (title !== undefined) titles.push(title);
  }
  return titles.length > 0 ? titles : undefined;
}

/** Of the given cells of a row, those naming a target or an indicator (each its own merged area's first cell). */
export function idColumnsOfRow(scan: SheetScan, row: number, cols: readonly number[]): { col: number; indicator: string; target: TargetId | null }[] {
  const found: { col: number; indicator: string; target: TargetId | null }[] = [];
  if (!scan.showsIdWords(row, ID_WORDS.target | ID_WORDS.indicator)) return found;
  for (const c of cols) {
    const shown = scan.view.shown(row, c);
    const v = shown.cell?.value;
    if (typeof v !== 'string' || shown.col !== c) continue;
    const t = scan.targetIdIn(v);
    const i = t ? undefined : scan.indicatorIdIn(v);
    if (t) found.push({ col: c, indicator: t.id.indicator, target: t.id });
    else if (i) found.push({ col: c, indicator: i.indicator, target: null });
  }
  return found;
}

/**
 * The cells of a row from `from` on when each that holds anything (each merged area's first cell) names a target or an
 * indicator by an id written without 数値目標 or 評価指標 (`1-①`, `(1)-①`, `指標1-①`, `KPI(2)`); else none.
 */
export function otherIdColumnsOfRow(scan: SheetScan, row: number, from: number): { col: number; indicator: string; target: TargetId | null }[] {
  const view = scan.view;
  const found: { col: number; indicator: string; target: TargetId | null }[] = [];
  for (let c = from; c < view.rowWidth(row); c++) {
    const shown = view.shown(row, c);
    const v = shown.cell?.value;
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim()) || shown.col !== c || shown.row !== row) continue;
    if (typeof v !== 'string') return [];
    const start = v.search(/\S/);
    const other = OTHER_ID_STARTS.has(v.charCodeAt(start)) ? otherWordId(scan, v) : undefined;
    if (!other) return [];
    found.push('id' in other ? { col: c, indicator: other.id.indicator, target: other.id } : { col: c, indicator: other.indicator, target: null });
  }
  return found;
}

/**
 * A summary table on its side: a row naming the targets (or indicators) in cells of their own, at least two, over
 * rows labelled 目標値, 実績値, 進捗度 and 寄与度 left of them; each column is a target's summary row.
 */
function detectSummaryAcross(scan: SheetScan): SummaryTable[] {
  const view = scan.view;
  const tables: SummaryTable[] = [];
  const idCells = scan.idCells;
  const heads: { row: number; ids: ReturnType<typeof idColumnsOfRow> }[] = [];
  for (let i = 0; i < idCells.length; ) {
    // Only a row with two cells naming ids or more (most name one: a block's id) can head such a table.
    const cell = idCells[i];
    let end = i + 1;
    while (end < idCells.length && idCells[end].row === cell.row) end++;
    const cols = idCells.slice(i, end).map((x) => x.col);
    i = end;
    if (cols.length < 2) continue;
    const ids = idColumnsOfRow(scan, cell.row, cols);
    if (ids.length >= 2) heads.push({ row: cell.row, ids });
  }
  // Ids written without 数値目標 or 評価指標 (`| 1-① | 1-② | 1-③`, `指標1-①`): a row of them over a 目標値 label, its rows between labelled.
  const seen = new Set(heads.map((h) => h.row));
  for (const label of scan.kind('target')) {
    for (let r = label.row - 1; r >= Math.max(0, label.row - 6) && !scan.yearRows.has(r) && !seen.has(r); r--) {
      const ids = otherIdColumnsOfRow(scan, r, label.col + 1);
      if (ids.length < 2) continue;
      seen.add(r);
      heads.push({ row: r, ids });
      break;
    }
  }
  heads.sort((a, b) => a.row - b.row);
  for (const { row, ids } of heads) {
    const firstIdCol = ids[0].col;
    const labelRows = new Map<Column, { row: number; col: number; year?: number }>();
    for (let r = row + 1; r <= row + 6 && r < view.rowCount; r++) {
      if (scan.yearRows.has(r)) break;
      let label: { row: number; col: number; kind: Column; year?: number } | undefined;
      for (let c = 0; c < firstIdCol && !label; c++) {
        const v = view.raw(r, c)?.value;
        const h = typeof v === 'string' ? headerKind(scan, v) : undefined;
        if (h && h.kind !== 'year') label = { row: r, col: c, kind: h.kind, year: h.year };
      }
      if (!label) {
        if (labelRows.size > 0) break;
        continue;
      }
      if (!labelRows.has(label.kind)) labelRows.set(label.kind, label);
    }
    if (!labelRows.has('target') || !(labelRows.has('actual') || labelRows.has('progress'))) continue;
    const year = labelRows.get('target')!.year ?? titleYear(scan, row);
    const valueAt = (kind: Column, col: number) => {
      const at = labelRows.get(kind);
      return at ? scan.valueCell(at.row, col) : undefined;
    };
    const saysRunning = (kind: Column) => {
      const at = labelRows.get(kind);
      return at ? saysRunningTotal(cellText(view.raw(at.row, at.col))) : undefined;
    };
    const runningTotals = runningTotalsOf(saysRunning('target'), saysRunning('actual'), !!saysRunning('progress'));
    const rows: SummaryRow[] = ids.map((id) => ({
      indicator: id.indicator,
      target: id.target,
      year,
      targetValue: id.target ? valueAt('target', id.col) : undefined,
      actualValue: id.target ? valueAt('actual', id.col) : undefined,
      progress: valueAt('progress', id.col),
      weight: id.target ? weightValue(valueAt('weight', id.col)) : undefined,
      labelRef: scan.ref(row, id.col),
      ...(runningTotals && { runningTotals }),
    }));
    const labels = [...labelRows.values()];
    tables.push({
      kind: 'summary',
      sheet: view.name,
      range: { top: row, left: Math.min(...labels.map((l) => l.col)), bottom: Math.max(...labels.map((l) => l.row)), right: ids[ids.length - 1].col },
      year,
      rows,
    });
  }
  return tables;
}

/**
 * The progress of each indicator or target year by year, in a table of its own (`評価指標 | R3 | R4 | R5`
 * over `(1) | 115% | 85% | 115%`): a row of years whose ids stand under a header of their own, and
 * nothing but percentages under the years. A title above naming 目標値 or 実績値 and not 進捗 marks a table of
 * other figures.
 */
function detectProgressByYear(scan: SheetScan, yearRows: number[]): SummaryTable[] {
  const view = scan.view;
  const tables: SummaryTable[] = [];
  for (const header of yearRows) {
    const years = scan.yearRows.get(header)!;
    const firstYearCol = years[0].col;
    // Ids under a header of their own (`評価指標 | R3 | R4`), or each row saying what it states beside its id
    // (`評価指標(1) 産業集積 | 進捗度 | 113%`).
    const idWord = new Map<number, '評価指標' | '数値目標'>();
    // Columns of numbers (`No.`, `番号`), which name a target only by its id written whole (numberedId).
    const numbered = new Map<number, { whole: boolean }>();
    for (let c = 0; c < firstYearCol; c++) {
      const text = cellText(view.raw(header, c));
      const word = idColumnWord(text);
      if (word) idWord.set(c, word);
      else if (NUMBER_COLUMN.test(compact(text))) numbered.set(c, { whole: false });
    }
    const headed = idHeaderLeftOf(scan, header, firstYearCol) || numbered.size > 0;
    if (!headed && !progressLabelIn(scan, (view.mergeAt(header, firstYearCol)?.bottom ?? header) + 1, firstYearCol)) continue;
    if (!titleSpeaksOfProgress(scan, header, firstYearCol)) continue;
    const rows: SummaryRow[] = [];
    let allPercent = true;
    let blanks = 0;
    for (let r = (view.mergeAt(header, firstYearCol)?.bottom ?? header) + 1; r < view.rowCount && blanks < 2 && allPercent; r++) {
      let target: ReturnType<typeof findTargetId>;
      let indicator: ReturnType<typeof findIndicatorId>;
      let labelCol = -1;
      for (let c = 0; c < firstYearCol && !target; c++) {
        const shown = view.shown(r, c);
        const v = numbered.has(c) ? numberedId(scan, r, c, numbered.get(c)!) ?? shown.cell?.value : bareId(shown.cell?.value, idWord.get(c), indicator?.indicator);
        if (typeof v !== 'string') continue;
        target = scan.targetIdIn(v);
        indicator ??= scan.indicatorIdIn(v);
        if ((target || indicator) && labelCol < 0) labelCol = c;
      }
      const cells = years.map((y) => ({ year: y.fy.year, cell: scan.valueCell(r, y.col) }));
      if (!target && !indicator) {
        if (cells.every((x) => x.cell.parsed.kind === 'blank')) {
          blanks++;
          continue;
        }
        break;
      }
      blanks = 0;
      if (!headed && !progressLabelIn(scan, r, firstYearCol)) break;
      for (const { year, cell } of cells) {
        if (cell.parsed.kind === 'blank') continue;
        if (cell.parsed.kind !== 'number' || !cell.parsed.percent) allPercent = false;
        rows.push({ indicator: target?.id.indicator ?? indicator!.indicator, target: target ? target.id : null, year, progress: cell, labelRef: scan.ref(r, labelCol) });
      }
    }
    if (!allPercent || rows.length === 0) continue;
    const bottom = Math.max(...rows.map((x) => x.labelRef.row));
    const left = Math.min(...rows.map((x) => x.labelRef.col));
    tables.push({ kind: 'summary', sheet: view.name, range: { top: header, left, bottom, right: years[years.length - 1].col }, year: null, rows });
  }
  return tables;
}

/** Whether a row holds a 進捗度 label left of `col`. */
function progressLabelIn(scan: SheetScan, row: number, col: number): boolean {
  for (let c = 0; c < col; c++) if (scan.shownKind(row, c) === 'progress') return true;
  return false;
}

/** Whether the nearest text in the two rows above a table (its title), if any, speaks of progress rather than of targets or actuals. */
function titleSpeaksOfProgress(scan: SheetScan, header: number, width: number): boolean {
  for (let r = header - 1; r >= Math.max(0, header - 2); r--) {
    for (let c = 0; c < Math.max(width, scan.view.rowWidth(r)); c++) {
      const t = cellText(scan.view.raw(r, c));
      if (t.trim()) return /進捗|達成/.test(t) || !/目標|実績/.test(t);
    }
  }
  return true;
}

// A target's id written whole in half-width: the indicator's number, a dash and a circled or parenthesised sub-number.
const WHOLE_ID = /^\(?\d{1,2}\)?\s*[-－ー‐]\s*(?:[①-⑳]|\(\d{1,2}\))/;

/**
 * A bare id in a column headed 評価指標 or 数値目標, written out as the id it is: `(1)` or 1 under
 * 数値目標 → `数値目標(1)`, `①` → `数値目標(1)-①` in the row of 評価指標 (1). Anything else as it is.
 */
export function bareId(v: unknown, word: '評価指標' | '数値目標' | undefined, indicator: string | undefined): unknown {
  if (!word) return v;
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 100 ? `${word}(${v})` : v;
  if (typeof v !== 'string') return v;
  let t = toHalfWidth(v).trim();
  // The id written with 指標 or KPI for its word (`指標1-①`, `KPI(2)`), or 目標 for a target's written whole (`目標1-①`), as
  // a block may write it (progress.ts otherWordId).
  if ((t.startsWith('指標') || t.startsWith('KPI')) && /^(?:指標|KPI)\s*[(\d]/.test(t)) t = t.replace(/^(?:指標|KPI)\s*/, '');
  else if (t.startsWith('目標') && /^目標\s*\(?\d{1,2}\)?\s*[-－ー‐]\s*(?:[①-⑳]|\(\d{1,2}\)|\d{1,2}(?=$|[\s:：、)]))/.test(t)) t = t.replace(/^目標\s*/, '');
  // A target's id written whole (`1-①`, `(1)-②`) is a target's, in a column headed 指標 too (an indicator's number alone is `1`).
  if (word === '評価指標' && (t.charCodeAt(0) === 0x28 || (t.charCodeAt(0) >= 0x30 && t.charCodeAt(0) <= 0x39)) && WHOLE_ID.test(t)) word = '数値目標';
  if (/^\(\d{1,2}\)/.test(t)) return `${word}${t}`;
  // A bare number only alone or before `-①`: `10 社` under 数値目標 is an amount, not an id.
  const plain = /^(\d{1,2})(?=$|-)(.*)$/s.exec(t);
  if (plain) return `${word}(${plain[1]})${plain[2]}`;
  if (/^[①-⑳]/.test(t) && word === '数値目標' && indicator) return `数値目標(${indicator})-${t}`;
  return v;
}

/** A target's id written whole in a column of numbers (`1-①`, `(1)-②`), as `数値目標1-①`, with its indicator's number. */
function wholeIdIn(v: unknown): { id: string; indicator: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const t = toHalfWidth(v).trim();
  const m = WHOLE_ID.exec(t);
  return m ? { id: `数値目標${t}`, indicator: Number(/\d+/.exec(m[0])![0]) } : undefined;
}

/**
 * A cell of a column of numbers (`No.`, `番号`) as the id it names: a target's written whole (`1-①`, `(1)-②`); a bare
 * number, the indicator whose target the row below names so (`1` over `1-①`), or, in a column that has named targets
 * so, a target of its own (`2` as `数値目標(2)`, as under 数値目標). Else none: `1`, `2` or `1-1` may number any list.
 */
function numberedId(scan: SheetScan, row: number, col: number, column: { whole: boolean }): string | undefined {
  const v = scan.view.shown(row, col).cell?.value;
  const whole = wholeIdIn(v);
  if (whole) {
    column.whole = true;
    return whole.id;
  }
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? toHalfWidth(v).trim() : '';
  if (!/^\d{1,2}$/.test(text) || Number(text) === 0) return undefined;
  if (row + 1 < scan.view.rowCount && wholeIdIn(scan.view.shown(row + 1, col).cell?.value)?.indicator === Number(text)) return `評価指標(${Number(text)})`;
  return column.whole ? `数値目標(${Number(text)})` : undefined;
}

/** Whether the first cell holding anything right of (row, col), within three, is a year (`進捗度 | R3`). */
function yearsRightOf(scan: SheetScan, row: number, col: number): boolean {
  const from = (scan.view.mergeAt(row, col)?.right ?? col) + 1;
  for (let c = from; c <= from + 2 && c < scan.view.rowWidth(row); c++) {
    const text = cellText(scan.view.raw(row, c)).trim();
    if (text) return parseFiscalYear(text) !== undefined;
  }
  return false;
}

/** A column header naming the ids alone: `評価指標`, `数値目標`, `評価指標名`, `数値目標(番号)`. */
const ID_HEADER = /^(評価指標|数値目標|指標)(名|番号|No\.?)?([(（][^()（）]*[)）])?$/;

/** Whether a cell of its own left of `col` in a row is a header naming the ids alone (ID_HEADER). */
export function idHeaderLeftOf(scan: SheetScan, row: number, col: number): boolean {
  for (let c = 0; c < col; c++) {
    const v = scan.view.raw(row, c)?.value;
    if (typeof v === 'string' && v.length <= 20 && idColumnWord(v) && ID_HEADER.test(compact(v))) return true;
  }
  return false;
}

/** What the summaries state (`of` each), listed by the key of the target it is of, in the summaries' order. */
function byTarget<T>(tables: Table[], of: (t: SummaryTable) => T[], key: (x: T) => string): Map<string, T[]> {
  const stated = new Map<string, T[]>();
  for (const t of tables) {
    if (t.kind !== 'summary') continue;
    for (const x of of(t)) {
      const list = stated.get(key(x));
      if (list) list.push(x);
      else stated.set(key(x), [x]);
    }
  }
  return stated;
}

/**
 * Weights stated only in a summary (`数値目標 | 寄与度` beside the tables): each target of the
 * progress tables that states no weight (or an empty `寄与度(※):`) takes its summary row's, from a
 * summary on its own sheet if there is one, else from the summary of its latest year's evaluation. Where zones repeat the
 * ids, only from a summary whose titles name the target's zone, when one does (`京浜…総合特区` over it, the zone's name
 * in the sheet's name or the titles over the target's table).
 * A target stating a weight keeps it (summary-mismatch compares the two).
 */
export function lendWeights(tables: Table[]): void {
  const stated = byTarget(tables, (t) => t.rows.filter((row) => row.target && row.weight?.parsed.kind === 'number'), (row) => row.target!.key);
  if (stated.size === 0) return;
  const headings = new Map<SummaryRow, readonly string[]>();
  for (const t of tables) {
    if (t.kind !== 'summary') continue;
    for (const row of t.rows) {
      const h = row.headings ?? t.headings;
      if (h) headings.set(row, h);
    }
  }
  const tablesOfKey = new Map<string, ProgressTable[]>();
  for (const t of tables) {
    if (t.kind !== 'progress') continue;
    for (const target of t.targets) {
      const list = tablesOfKey.get(target.id.key);
      if (!list) tablesOfKey.set(target.id.key, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }
  for (const t of tables) {
    if (t.kind !== 'progress') continue;
    for (const target of t.targets) {
      let rows = target.weight?.value == null ? stated.get(target.id.key) : undefined;
      if (!rows) continue;
      const repeats = tablesOfKey.get(target.id.key)!;
      if (rows.length > 1 && repeats.length > 1) {
        // The rows whose titles name this table's zone alone of the tables repeating the id.
        const words = repeats.map((x) => zoneWordsOf(x.sheet, x.headings));
        const own = repeats.indexOf(t);
        const zoned = rows.filter((r) => {
          const h = headings.get(r);
          if (!h) return false;
          const score = zoneScores(h, words);
          return score[own] > 0 && score.every((s, k) => k === own || s < score[own]);
        });
        if (zoned.length > 0) rows = zoned;
      }
      const latest = rows.length > 1 ? latestActualYear(target) : null;
      const row = rows.find((r) => r.weight!.ref.sheet === t.sheet) ?? rows.find((r) => r.year !== null && r.year === latest) ?? rows[0];
      target.weight = weightOf(row);
    }
  }
}

/**
 * Goals stated only in a summary (`数値目標（1）：180 社（令和3年度）→900 社（令和7年度）` over a table whose label is
 * `数値目標(1)` alone, as 000_… writes them): each target of the progress tables that states no goal takes its summary's,
 * from a summary on its own sheet if there is one, and its mode follows from that goal as from its own (SPEC §3). A
 * target stating a goal keeps it (the rules compare the summary's with its targets too).
 */
export function lendGoals(tables: Table[]): void {
  const stated = byTarget(tables, (t) => (t.goals ?? []).filter((g) => g.goal.parsed.kind === 'number'), (g) => g.target.key);
  if (stated.size === 0) return;
  for (const t of tables) {
    if (t.kind !== 'progress') continue;
    for (const target of t.targets) {
      const goals = target.goal ? undefined : stated.get(target.id.key);
      if (!goals) continue;
      const g = goals.find((x) => x.goal.ref.sheet === t.sheet) ?? goals[0];
      if (g.goal.parsed.kind !== 'number') continue;
      target.goal = { value: g.goal.parsed, cumulative: g.cumulative, year: g.year, ref: g.goal.ref, text: g.text };
      // A running-total label decided the mode whatever the goal says; otherwise the goal decides it.
      if (target.modeSource === 'default') {
        const { mode, source } = decideMode(target.goal, target.target, target.columns);
        target.mode = mode;
        target.modeSource = source;
      }
    }
  }
}

/**
 * Whether a row under a row of years says what each year's column holds (`R2 | R3 | R4 | R5 | R6` over `実績 | 実績 |
 * 実績 | 見込 | 計画`): each year, one of its own, heads a single column and has a word under it. Such a row heads
 * the blocks' columns, not a summary's (its `実績` and `計画` are no 実績値 and 目標値 columns); with no word under no year.
 */
function stagesUnderYears(scan: SheetScan, row: number): boolean {
  const years = scan.yearRows.get(row - 1);
  if (!years || years.length < 2 || new Set(years.map((y) => y.fy.year)).size !== years.length) return false;
  const cols = new Set<number>();
  for (const y of years) {
    const m = scan.view.mergeAt(y.row, y.col);
    if ((m && m.right > m.left) || typeof scan.view.raw(row, y.col)?.value !== 'string') return false;
    cols.add(y.col);
  }
  // Words under no year between them (`R4 | | R5 |` over `目標値 | 実績値 | 目標値 | 実績値`) head a summary's columns, each year's first.
  for (let c = years[0].col, last = years[years.length - 1].col; c <= last; c++) if (!cols.has(c) && cellText(scan.view.raw(row, c)).trim() !== '') return false;
  return true;
}

function detectSummaryGrids(scan: SheetScan, skipRows: Set<number>, yearRows: number[]): SummaryTable[] {
  const view = scan.view;
  const tables: SummaryTable[] = [];
  const headerRows = new Set<number>();
  for (const l of scan.kind('target')) headerRows.add(l.row);
  // Tables of the progress or the weights alone (`評価指標 | 進捗度`, `数値目標 | 寄与度`) have no 目標値 column;
  // their ids stand under a header of their own, left of the label.
  const idHeaded = new Set<number>();
  for (const kind of ['progress', 'weight'] as const) {
    // A row of years is a progress table's header (`数値目標 | 寄与度 | R4 | R5`), read there.
    // So is one whose label heads years of its own (`評価指標 | 進捗度 | R3 | R4`: a matrix of the progress), which no scan
    // counts among the rows of years.
    for (const l of scan.kind(kind)) if (l.compact.length <= 12 && !scan.yearRows.has(l.row) && !yearsRightOf(scan, l.row, l.col) && idHeaderLeftOf(scan, l.row, l.col)) idHeaded.add(l.row);
  }
  for (const row of idHeaded) headerRows.add(row);
  // Headers that carry their year (`R5目標値 | R5実績値 | R5進捗度`) read as a row of years.
  for (const row of yearRows) headerRows.add(row);
  for (const row of [...headerRows].sort((a, b) => a - b)) {
    // Most 目標値 rows are rows of progress blocks, with no 実績値 or 進捗度 header beside them.
    if (skipRows.has(row) || !(scan.mayHoldColumnHeader(row) || idHeaded.has(row)) || stagesUnderYears(scan, row)) continue;
    const cols = new Map<Column, number>();
    let headerYear: number | undefined;
    const width = view.rowWidth(row);
    // A column of the indicators' progress (`評価指標の進捗度`), beside their targets' rows.
    let indicatorCol: number | undefined;
    for (let c = 0; c < width; c++) {
      const v = view.raw(row, c)?.value;
      if (typeof v !== 'string') continue;
      const h = headerKind(scan, v);
      if (h && !cols.has(h.kind)) {
        cols.set(h.kind, c);
        if (h.year) headerYear = h.year;
      } else if (!h && indicatorCol === undefined && v.length <= 30 && INDICATOR_PROGRESS_LABEL.test(compact(v))) indicatorCol = c;
    }
    const valueKinds = (['target', 'actual', 'progress'] as const).filter((k) => cols.has(k));
    const firstValueCol = Math.min(...[...cols.entries()].filter(([k]) => k !== 'year').map(([, c]) => c));
    // A table needs 目標値 and a 実績値 or 進捗度 column; without 目標値, the ids under a header of
    // their own and one of 実績値, 進捗度 or 寄与度 (never a block's 進捗度 or 寄与度 row).
    if (cols.has('target') ? valueKinds.length < 2 : valueKinds.length === 0 && !cols.has('weight')) continue;
    if (!cols.has('target') && !idHeaderLeftOf(scan, row, firstValueCol)) continue;
    // Columns headed 評価指標 or 数値目標 may hold the bare ids: `(1)`, `1`, `(1)-①`, `①`.
    const idWord = new Map<number, '評価指標' | '数値目標'>();
    // Columns of numbers (`No.`, `番号`, or no header), which name a target only by its id written whole; with whether
    // they have named one so (a bare number is an id only in a column of such ids, not in one numbering the rows).
    const numbered = new Map<number, { whole: boolean }>();
    // Over columns headed per year (`R4 | | R5 |` over `目標値 | 実績値 | 目標値 | 実績値`), the ids' headers may stand on the
    // row of years alone, over an empty cell, as they would merged down over both rows.
    const yearsOver = row > 0 && scan.yearRows.has(row - 1);
    const headerOf = (c: number) => {
      const own = cellText(view.shown(row, c).cell);
      return own.trim() === '' && yearsOver ? cellText(view.shown(row - 1, c).cell) : own;
    };
    for (let c = 0; c < firstValueCol; c++) {
      const word = c === indicatorCol ? undefined : idColumnWord(headerOf(c));
      if (word) idWord.set(c, word);
      else {
        const header = compact(headerOf(c));
        if (header === '' || NUMBER_COLUMN.test(header)) numbered.set(c, { whole: false });
      }
    }
    const groups = yearGroups(scan, row, cols);
    // The indicators whose progress the column has given a row (one per indicator, unless stated again).
    const indicatorsRead = new Set<string>();
    const valueCols = groups.flatMap((g) => [...g.cols.values()]);
    const headerBottom = Math.max(...[...cols.values()].map((c) => view.mergeAt(row, c)?.bottom ?? row), groups.some((g) => g.yearsBelow) ? row + 1 : row);
    const tableYear = groups.length > 1 ? groups[0].year! : headerYear ?? yearOverTable(scan, row) ?? titleYear(scan, row);
    // A unit written once for a column's plain numbers: in its header (`当該年度目標値（百万円）`), in a row of notes
    // under it (`（百万円）`, read with the rows below) or in a note over the table (`（単位：百万円）`).
    const units = new Map<number, string>();
    const unitless = new Set<number>();
    let note: string | undefined | null = null;
    for (const group of groups) {
      for (const kind of ['target', 'actual'] as const) {
        const col = group.cols.get(kind);
        if (col === undefined) continue;
        if (note === null) note = unitNote(scan, row, Math.min(...cols.values()), Math.max(...valueCols));
        const own = unitInParentheses(cellText(view.shown(row, col).cell));
        if (!own) unitless.add(col);
        const unit = own ?? note;
        if (unit) units.set(col, unit);
      }
    }
    // Columns whose header says they hold running totals (`目標値（累計）`, `累計実績値`).
    const saysRunning = (col: number | undefined) => (col === undefined ? undefined : saysRunningTotal(cellText(view.shown(row, col).cell)));
    const runningOf = groups.map((g) => runningTotalsOf(saysRunning(g.cols.get('target')), saysRunning(g.cols.get('actual')), !!saysRunning(g.cols.get('progress'))));
    const rows: SummaryRow[] = [];
    let lastIndicator: string | undefined;
    let r = headerBottom + 1;
    let blanks = 0;
    for (; r < view.rowCount && blanks < 2; r++) {
      // A row whose value cells all continue merged areas from the row above (a row of the table two rows tall or more)
      // is that row: empty as Office.js and Hyoka's reader give it, or repeating its values where a source copies
      // them (exceljs does).
      if (view.hasMerges && valueCols.length > 0 && valueCols.every((c) => (view.mergeAt(r, c)?.top ?? r) < r)) continue;
      let target: ReturnType<typeof findTargetId>;
      let indicator: ReturnType<typeof findIndicatorId>;
      let labelCol = -1;
      for (let c = 0; c < firstValueCol; c++) {
        const shown = view.shown(r, c);
        const v = numbered.has(c) ? numberedId(scan, r, c, numbered.get(c)!) ?? shown.cell?.value : bareId(shown.cell?.value, idWord.get(c), indicator?.indicator ?? lastIndicator);
        if (typeof v !== 'string') continue;
        if (shown.row !== r && !scan.targetIdIn(v)) {
          // A merged 評価指標 cell covering several target rows still names their indicator.
          const ind = scan.indicatorIdIn(v);
          if (ind && !indicator) indicator = ind;
          continue;
        }
        target ??= scan.targetIdIn(v);
        indicator ??= scan.indicatorIdIn(v);
        // `数値目標①` in a row under its indicator's: that indicator's target ①.
        const sub = target || indicator ? undefined : findSubOnlyId(v);
        const subOf = indicator?.indicator ?? lastIndicator;
        if (sub && subOf) target = { id: subTargetId(subOf, sub.sub), end: sub.end };
        if ((target || indicator) && labelCol < 0) labelCol = c;
      }
      if (!target && !indicator) {
        const empty = [cols.get('year'), ...valueCols].every((c) => c === undefined || view.raw(r, c)?.value == null);
        if (empty) {
          blanks++;
          continue;
        }
        // Before the first row, a row of notes on the columns (`（A）| （B）| （B/A）`, `（億円）`): a unit there is that
        // of its column's plain numbers.
        const notes = rows.length === 0 && r <= headerBottom + 2 ? notesUnderHeader(scan, r, width) : undefined;
        if (notes) {
          for (const [c, unit] of notes) if (unitless.has(c)) units.set(c, unit);
          continue;
        }
        break;
      }
      // A label under a column of values (a block's 目標値 under `評価指標 | 進捗度`, or under a 目標値 row taken
      // for a header) ends the table: the rows below are a progress block's.
      if (valueCols.some((c) => scan.cellKind(view.raw(r, c)) !== undefined)) break;
      // A summary line in the column of ids (`評価指標(2)：…【当該年度目標値 …、進捗度 …】`) with no value beside it is a
      // line of the text below the table, read as a line: it ends the table, and the blank cells beside it are none of its.
      if (labelCol >= 0 && valueCols.every((c) => view.raw(r, c)?.value == null) && isSummaryLine(compact(cellText(view.shown(r, labelCol).cell)))) break;
      blanks = 0;
      const yearCol = cols.get('year');
      const rowYear = yearCol !== undefined ? parseFiscalYear(String(view.raw(r, yearCol)?.value ?? ''))?.year ?? null : null;
      const ind = target?.id.indicator ?? indicator!.indicator;
      lastIndicator = ind;
      const labelRef = scan.ref(r, labelCol < 0 ? firstValueCol : labelCol);
      // A target's name stating its goal with a scale (`投資額 475億円（累計）`) gives the row's plain numbers its unit,
      // as in a block: 119 there is 118.5–119.5 億円.
      const label = target ? cellText(view.shown(r, labelCol).cell) : '';
      const goal = /\d/.test(label) ? parseGoal(label, labelRef) : undefined;
      const goalUnit = goal && goal.value.scaleLabel !== '' ? goal.value.scaleLabel + (goal.value.unit ?? '') : undefined;
      for (const [g, group] of groups.entries()) {
        const runningTotals = runningOf[g];
        const cell = (k: Column) => {
          const col = group.cols.get(k);
          if (col === undefined) return undefined;
          const unit = units.get(col) ?? (k === 'target' || k === 'actual' ? goalUnit : undefined);
          return unit ? scan.valueCellInUnit(r, col, unit) : scan.valueCell(r, col);
        };
        // A table beside, with its own ids' column: the row's target as that column names it, none where it names none.
        let own = target;
        if (group.idCol !== undefined) {
          const v = bareId(view.shown(r, group.idCol).cell?.value, idColumnWord(cellText(view.shown(row, group.idCol).cell)), ind);
          own = typeof v === 'string' ? scan.targetIdIn(v) : undefined;
          if (!own) continue;
        }
        rows.push({
          indicator: own ? own.id.indicator : ind,
          target: own ? own.id : null,
          year: rowYear ?? group.year ?? tableYear,
          targetValue: cell('target'),
          actualValue: cell('actual'),
          progress: cell('progress'),
          weight: weightValue(cell('weight')),
          labelRef,
          ...(runningTotals && { runningTotals }),
        });
      }
      // The indicator's progress: in a cell of the row's own (a merged one over its targets' rows counts in its first),
      // for the first row of each indicator even when blank (a cell to fill), and wherever else it is stated.
      if (indicatorCol !== undefined && groups.length === 1) {
        const shown = view.shown(r, indicatorCol);
        const cell = shown.row === r && shown.col === indicatorCol ? scan.valueCell(r, indicatorCol) : undefined;
        if (cell && (cell.parsed.kind !== 'blank' || !indicatorsRead.has(ind))) {
          indicatorsRead.add(ind);
          rows.push({ indicator: ind, target: null, year: rowYear ?? groups[0].year ?? tableYear, progress: cell, labelRef });
        }
      }
    }
    if (rows.length === 0) continue;
    const right = Math.max(...cols.values(), ...valueCols, indicatorCol ?? 0);
    const left = Math.min(...cols.values(), ...rows.map((x) => x.labelRef.col));
    tables.push({ kind: 'summary', sheet: view.name, range: { top: row, left, bottom: rows[rows.length - 1].labelRef.row, right }, year: tableYear, rows });
  }
  return tables;
}

/** A summary's weight cell: a fraction (`1/3`, `3分の1`) is the share it states, as the progress tables read it. */
function weightValue(cell: ValueCell | undefined): ValueCell | undefined {
  if (cell?.parsed.kind !== 'invalid') return cell;
  const share = fractionWeight(compact(cell.text));
  return share ? readAs(cell, share) : cell;
}

/**
 * A cell read otherwise than it reads itself: every other field (its address, text, storage, a line's place) comes
 * from the cell, which a table's cell works out in getters that copying its fields (`{ ...cell }`) would lose.
 */
function readAs(cell: ValueCell, parsed: ValueCell['parsed']): ValueCell {
  return Object.assign(Object.create(cell) as ValueCell, { parsed });
}

// Per UTF-16 code, whether it opens (OPENS) or closes (CLOSES) a summary's bracket: one read per character of every
// line, where `text[i]` made a string of each character and a search in the brackets for it.
const OPENS = 1;
const CLOSES = 2;
const BRACKET = new Uint8Array(0x10000);
for (const ch of SUMMARY_BRACKETS.opening) BRACKET[ch.charCodeAt(0)] = OPENS;
for (const ch of SUMMARY_BRACKETS.closing) BRACKET[ch.charCodeAt(0)] = CLOSES;
const FIRST_OPENING = new RegExp(`[${BRACKET_CLASS.opening}]`);
// A number, its unit and a note in parentheses after it (`125億円（見込）`, `177,000 (千円)`); a closing bracket or quote is no unit.
// `約` or `延べ` may come before the figure (`当該年度実績値 約120 億円`), as in a cell; `パーセント` is a unit of five. A mark
// before it (`進捗度 ○150%`, `×62%`) is taken with it, so that the figure is read as in a cell, its mark with it.
// The number is the whole run of digits, separators and points, for parseNumberText to judge (`87.0.1`, `1.2,345` are none).
// A share in 割 is taken whole (`5割5分`, `五割五分`), never its first part.
const VALUE_TEXT = String.raw`(?:[${MARKS_BEFORE}]\s*)?(?:約|延べ?)?(?:(?:\d+(?:\.\d+)?|[一二三四五六七八九十])割(?:[\d〇一二三四五六七八九]分(?:[\d〇一二三四五六七八九]厘)?)?|[△▲-]?\d(?:[\d,，.]*\d)?\s*(?:パーセント|[^\d\s、，,${BRACKET_CLASS.closing}」』()（）／/・にでとはを]{0,4}))(?:\s*[(（][^()（）]{0,12}[)）])?`;
const VALUE = `(${VALUE_TEXT})`;
// A weight may be a fraction: `1/3`, `3分の1` (the text is half-width by then).
const SHARE = String.raw`(\d{1,3}\s*\/\s*\d{1,3}(?![\d.])|\d{1,3}\s*分の\s*\d{1,3}(?![\d.])|${VALUE_TEXT})`;
// A progress may follow words saying whether it reached its target, the figure in parentheses or not, as in a cell:
// `進捗度 目標を上回った（138％）`, `進捗度：目標未達成 68%`.
const PROGRESS_VALUE = String.raw`((?:${REACH_WORD})[:：、]?\s*(?:[(（]\s*\d[\d,，.]*\s*(?:%|パーセント)\s*[)）]|${VALUE_TEXT})|${VALUE_TEXT})`;
// Notes between a label and its figure, any number of them: in parentheses (`（見込）`, `（速報値）`, `（令和元年度）`, `（％）`,
// `（累計目標に対する）`, the last saying its figure is a running total) or a reference mark (`※`, `※1`).
const NOTE = String.raw`(?:\s*(?:[(（][^()（）]{0,26}[)）]|※\d{0,2}))*`;
// An actual may be called a forecast in its label: `実績見込値`, `実績見込`.
const FIELD = {
  target: new RegExp(`当該年度目標値?${NOTE}\\s*[:：]?\\s*${VALUE}`),
  actual: new RegExp(`当該年度実績(?:見込)?値?${NOTE}\\s*[:：]?\\s*${VALUE}`),
  progress: new RegExp(`(?:進捗|達成)(?:度|率)は?${NOTE}\\s*[:：]?\\s*${PROGRESS_VALUE}`),
  weight: new RegExp(`${WEIGHT_WORD}${NOTE}\\s*[:：]?\\s*${SHARE}`),
};
// Lines that state the year's figures without 当該年度 (`目標値：100億円　実績値：120億円`), in a sentence too (`目標額87億円に対し、
// 実績額は120億円であり、進捗度は138%`); 当該年度 wins when both are there.
const PLAIN_FIELD: Partial<Record<keyof typeof FIELD, RegExp>> = {
  target: new RegExp(`(?<!数値|前年度?[のは]?)目標[値額]?は?${NOTE}\\s*[:：]?\\s*${VALUE}`),
  actual: new RegExp(`(?<!前年度?[のは]?)実績(?:見込)?[値額]?は?${NOTE}\\s*[:：]?\\s*${VALUE}`),
};

// The year before's target and `に対し` right before an actual: `前年度の目標額81億円に対し、`.
const PRIOR_TARGET_THEN = /前年度?[のは]?目標[値額]?は?\s*[:：]?\s*[\d,.]+[^\d、。]{0,6}に対し(?:て)?[、,]?\s*$/;

// A note after a figure saying it is a running total: `475億円（累計）`.
const RUNNING_NOTE = /[(（][^()（）]*累計[^()（）]*[)）]\s*$/;

/** Whether a header or label says its figures are running totals (`目標値（累計）`, `累計実績値`). */
function saysRunningTotal(label: string): boolean {
  return label.includes('累計');
}

/**
 * Which of a summary row's figures are running totals: the target and the actual as their labels say, the progress
 * as its own says, or when the target and actual it stands beside (those stated) are running totals all.
 */
function runningTotalsOf(target: boolean | undefined, actual: boolean | undefined, progress: boolean): SummaryRow['runningTotals'] {
  const figures = [target, actual].filter((x) => x !== undefined);
  const running = { target: !!target, actual: !!actual, progress: progress || (figures.length > 0 && figures.every((x) => x)) };
  return running.target || running.actual || running.progress ? running : undefined;
}

function inlineValue(scan: SheetScan, row: number, col: number, line: string, start: number, text: string): ValueCell {
  let parsed = parseNumberText(text.replace(/\s+/g, ''));
  // What the parentheses hold is no note of the number's (`120%（前年度比+10%）`): the number before them.
  const paren = parsed.kind === 'invalid' ? /^(.*?)\s*[(（][^()（）]*[)）]$/.exec(text) : null;
  if (paren && parseNumberText(paren[1].replace(/\s+/g, '')).kind === 'number') {
    text = paren[1];
    parsed = parseNumberText(text.replace(/\s+/g, ''));
  }
  const end = start + text.trimEnd().length;
  // A line a formula builds (`="【…進捗度 "&'別紙1'!E4&"%…】"`) keeps its formula: the recalculation follows it, and undo restores it.
  // The cell's own, not valueCell's, which would parse the whole line as a number for nothing.
  const formula = scan.view.raw(row, col)?.formula;
  return { ref: scan.ref(row, col), parsed, text: line.slice(start, end), storage: 'text', inline: { line, start, end }, ...(formula !== undefined && { formula }) };
}

// A year a line names for its figures: 令和4年度, R4, 2022年度.
const FIGURES_YEAR = String.raw`((?:令和|平成)(?:元|\d{1,2})年度?|[RH]\d{1,2}(?:年度?)?|(?:19|20)\d\d年度?)`;
// A year right before a line's figures: `【令和4年度目標値 …`, `【R4目標値 …`, `（令和4年度）目標値：…`, `当該年度(令和4年度)目標値`.
const YEAR_OF_FIGURES = new RegExp(`(?:^|[【\\[(、,])${FIGURES_YEAR}\\)?の?(?:当該年度)?(?:目標|実績)`);

// A year in a note right after a label of the figures: `当該年度目標値（令和元年度）210人`, `目標値（R1）200人`.
const YEAR_AFTER_LABEL = new RegExp(`(?:目標|実績)値?\\(${FIGURES_YEAR}\\)`);

// What every year FIGURES_YEAR reads holds, as the line stands before compact() (which drops white space and makes full-width
// letters and digits half-width): 令 or 平 of its era, an R or H, or a digit before 年 with white space between or none.
const MAY_NAME_YEAR = /[令平RHＲＨ]|[0-9０-９][\s\u200b]*年/;

/** The year a summary line names for its figures, if it names one there (a year in the id's name is no such year). */
function yearOfFigures(line: string): number | undefined {
  // Most lines name none (`【当該年度目標値 …】`): they need not be compacted.
  if (!MAY_NAME_YEAR.test(line)) return undefined;
  const c = compact(line);
  const m = YEAR_OF_FIGURES.exec(c) ?? YEAR_AFTER_LABEL.exec(c);
  return m ? parseFiscalYear(m[1])?.year : undefined;
}

/**
 * A target's id opening a summary line written without 数値目標 (`指標1-①：投資額【…】`, `目標1-①`, `1-①`, `(1)-①`), as a block
 * may write it; a bare one only with its sub-number circled or in brackets (`1-1 概要【…】` may number a section).
 */
function otherLineId(scan: SheetScan, before: string): { id: TargetId; end: number } | undefined {
  const start = before.search(/\S/);
  if (start < 0 || !OTHER_ID_STARTS.has(before.charCodeAt(start))) return undefined;
  const other = otherWordId(scan, before);
  if (!other || !('id' in other)) return undefined;
  return other.id.written || /^\s*\(?\d{1,2}\)?\s*[-－ー‐]\s*(?:[①-⑳]|\(\d{1,2}\))/.test(before) ? other : undefined;
}

// A year a sentence opens on, before its figures: `令和元年度の投資額は、目標額87億円に対し…`, `平成30年度は目標額…` (not a
// period's end, `令和3年度までの累計`, `平成29年度から令和3年度の`, `H29～R3の`).
const SENTENCE_YEAR = new RegExp(`(?<!から|[～~〜\\-－ー])${FIGURES_YEAR}(?:は|の|に|では|、)`);

/** The year a line naming no id of its own names before its figures (a sentence under its target's id), if any. */
function sentenceYear(before: string): number | undefined {
  if (!MAY_NAME_YEAR.test(before)) return undefined;
  const m = SENTENCE_YEAR.exec(compact(before));
  return m ? parseFiscalYear(m[1])?.year : undefined;
}

/** Whom a summary line speaks of; with the text after the id that names them, which may state the plan's goal. */
type Who = { indicator: string; target: ReturnType<typeof findTargetId>; after?: { text: string; row: number; col: number } };

/** A cell's text split at its line breaks, none inside brackets (`【当該年度目標値 87 億円、⏎当該年度実績値 …】` is one line). */
function paragraphs(text: string): { text: string; start: number }[] {
  if (!text.includes('\n')) return [{ text, start: 0 }];
  const parts: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const bracket = BRACKET[code];
    if (bracket === OPENS) depth++;
    else if (bracket === CLOSES && depth > 0) depth--;
    else if (code === 0x0a && depth === 0) {
      if (text.slice(start, i).trim()) parts.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) parts.push({ text: text.slice(start), start });
  return parts;
}

/**
 * The summaries of one line, each a bracket with the id before it (`数値目標(1)-①【…】 数値目標(1)-②【…】`, as text
 * pasted from a PDF loses its line breaks): where each starts and ends. A bracket stating figures starts a summary of
 * its own only when the text since the bracket before names an id; else the line is one summary.
 */
function summariesInLine(text: string): { start: number; end: number }[] {
  const whole = [{ start: 0, end: text.length }];
  const first = text.search(FIRST_OPENING);
  if (first < 0) return whole;
  const spans: { open: number; close: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = first; i < text.length; i++) {
    const bracket = BRACKET[text.charCodeAt(i)];
    if (bracket === OPENS) {
      if (depth++ === 0) open = i;
    } else if (bracket === CLOSES && depth > 0 && --depth === 0) spans.push({ open, close: i + 1 });
  }
  if (spans.length < 2) return whole;
  const segments: { start: number; end: number }[] = [];
  let start = 0;
  for (let k = 1; k < spans.length; k++) {
    const gap = text.slice(spans[k - 1].close, spans[k].open);
    if (!(findTargetId(gap) || findIndicatorId(gap) || findSubOnlyId(gap))) continue;
    if (!isSummaryLine(compact(text.slice(spans[k].open, spans[k].close)))) continue;
    segments.push({ start, end: spans[k - 1].close });
    start = spans[k - 1].close;
  }
  segments.push({ start, end: text.length });
  return segments;
}

function detectSummaryLines(scan: SheetScan): SummaryTable[] {
  const rows: SummaryRow[] = [];
  const ids = scan.idCells;
  let idIndex = 0;
  let current: Who | undefined;
  // The id cells before `resolved` are accounted for in `current`.
  let resolved = 0;
  /** The id named last before the id cell `end`: needed only for lines that name none of their own. */
  const currentBefore = (end: number) => {
    for (let i = end - 1; i >= resolved; i--) {
      const t = ids[i].text;
      // Read here, not looked up in the memo of ids: the ids these lines follow mostly stand in 本文 lines that no other
      // detector reads, whose entries in the memo cost more than reading them (a lookup and an entry in a map of every
      // id text of the workbook, against a search for the id's word and one pattern).
      const target = findTargetId(t);
      if (target) {
        current = { indicator: target.id.indicator, target, after: { text: t.slice(target.end), row: ids[i].row, col: ids[i].col } };
        break;
      }
      const ind = findIndicatorId(t);
      if (ind) {
        current = { indicator: ind.indicator, target: undefined };
        break;
      }
    }
    resolved = end;
    return current;
  };
  // Goals stated after the ids the lines speak of (`数値目標（1）：180 社（令和3年度）→900 社（令和7年度）`), by their cell.
  const idGoals = new Map<number, SummaryGoal>();
  const goalAfterId = (who: Who) => {
    const after = who.target && who.after;
    const key = after ? after.row * 16384 + after.col : -1;
    // Most ids are followed by a name alone: a goal has a digit.
    if (!after || idGoals.has(key) || !/\d/.test(after.text)) return;
    const ref = scan.ref(after.row, after.col);
    const goal = parseGoal(after.text, ref);
    if (goal) idGoals.set(key, { indicator: who.indicator, target: who.target!.id, goal: { ref, parsed: goal.value, text: goal.text, storage: 'text' }, text: after.text, cumulative: goal.cumulative, year: goal.year });
  };
  for (const line of scan.summaryLines) {
    while (idIndex < ids.length && (ids[idIndex].row < line.row || (ids[idIndex].row === line.row && ids[idIndex].col < line.col))) idIndex++;
    // A cell holding several paragraphs (the 本文 pasted into one cell): each line on its own, a line naming an id
    // and no figures naming that of the lines after it.
    const parts = paragraphs(line.text);
    let named: Who | undefined;
    for (const part of parts) {
      const whole = toHalfWidth(part.text);
      if (parts.length > 1 && !isSummaryLine(compact(whole))) {
        const target = findTargetId(whole);
        const indicator = target ? undefined : findIndicatorId(whole);
        if (target) named = { indicator: target.id.indicator, target, after: { text: whole.slice(target.end), row: line.row, col: line.col } };
        else if (indicator) named = { indicator: indicator.indicator, target: undefined };
        continue;
      }
      for (const seg of summariesInLine(whole)) {
        const text = whole.slice(seg.start, seg.end);
        const bracket = text.search(FIRST_OPENING);
        // The id the line names before its figures: before its bracket, or before its first field when it has none.
        const firstField = bracket >= 0 ? -1 : text.search(/目標[値額]?は?\s*[:：]?\s*(?:約|延べ?)?[△▲-]?\d|実績[値額]?は?\s*[:：]?\s*(?:約|延べ?)?[△▲-]?\d|(?:進捗|達成)(?:度|率)/);
        const before = bracket > 0 ? text.slice(0, bracket) : firstField > 0 ? text.slice(0, firstField) : '';
        const ownIndicator = findIndicatorId(before);
        const ownTarget = findTargetId(before) ?? (ownIndicator ? undefined : otherLineId(scan, before));
        let who: Who | undefined = ownTarget
          ? { indicator: ownTarget.id.indicator, target: ownTarget, after: { text: before.slice(ownTarget.end), row: line.row, col: line.col } }
          : ownIndicator ? { indicator: ownIndicator.indicator, target: undefined } : (named ?? currentBefore(idIndex));
        // `数値目標①：【…】` under a line or cell naming its indicator: that indicator's target ①.
        const ownSub = ownTarget || ownIndicator ? undefined : findSubOnlyId(before);
        if (who && ownSub) who = { indicator: who.indicator, target: { id: subTargetId(who.indicator, ownSub.sub), end: ownSub.end } };
        if (!who) continue;
        named = who;
        const body = bracket >= 0 ? text.slice(bracket) : text;
        // 当該年度目標値 / 実績値 speak of a target: under an indicator line, of its single target.
        // Asked only where it decides (most lines name their target and state 当該年度 figures): the line compacted
        // and a pattern of three `.*` is a tenth of a line's reading.
        let plainLine: boolean | undefined;
        const plain = () => (plainLine ??= PLAIN_SUMMARY_LINE.test(compact(body)));
        const targetId = who.target?.id ?? (/当該年度(目標|実績)/.test(body) || plain() ? indicatorOnlyId(who.indicator) : null);
        const bodyStart = part.start + seg.start + (bracket >= 0 ? bracket : 0);
        // Fields whose label says they are running totals (`累計目標値 475億円`, `進捗度（累計）80%`).
        const running = new Set<keyof typeof FIELD>();
        const field = (k: keyof typeof FIELD, src = body, srcStart = bodyStart) => {
          let m = FIELD[k].exec(src);
          if (!m && PLAIN_FIELD[k] && plain()) {
            m = PLAIN_FIELD[k].exec(src);
            // An actual set against the year before's target (`前年度の目標額81億円に対し実績額は141億円`) is that year's too.
            if (m && k === 'actual' && PRIOR_TARGET_THEN.test(src.slice(0, m.index))) m = null;
          }
          if (!m) return undefined;
          // So is a figure whose note says it (`目標値は475億円（累計）であり`: the plan's total, not the year's target).
          if (k !== 'weight' && (/累計の?\s*$/.test(src.slice(Math.max(0, m.index - 4), m.index)) || saysRunningTotal(m[0].slice(0, m[0].length - m[1].length)) || RUNNING_NOTE.test(m[1]))) running.add(k);
          // toHalfWidth maps character for character, so offsets hold in the original text.
          const value = inlineValue(scan, line.row, line.col, line.text, srcStart + m.index + m[0].length - m[1].length, m[1]);
          return k === 'weight' ? weightValue(value) : value;
        };
        const targetValue = field('target');
        const actualValue = field('actual');
        const progress = field('progress');
        // A weight may follow the target's name, before the bracket (`数値目標(1)-①：投資額（寄与度50％）【…】`).
        const weight = field('weight') ?? (bracket > 0 ? field('weight', before, part.start + seg.start) : undefined);
        // A title stating no figure (`【進捗度】` over a matrix of the progress) is no summary.
        if (!targetValue && !actualValue && !progress && !weight) continue;
        const runningTotals = runningTotalsOf(targetValue && running.has('target'), actualValue && running.has('actual'), running.has('progress'));
        goalAfterId(who);
        rows.push({
          indicator: who.indicator,
          target: targetId,
          year: yearOfFigures(text) ?? (ownTarget || ownIndicator ? undefined : sentenceYear(before)) ?? titleYear(scan, line.row),
          targetValue,
          actualValue,
          progress,
          weight,
          labelRef: scan.ref(line.row, line.col),
          ...(runningTotals && { runningTotals }),
        });
      }
    }
  }
  if (rows.length === 0) return [];
  titleLines(scan, rows);
  const top = Math.min(...rows.map((r) => r.labelRef.row));
  const bottom = Math.max(...rows.map((r) => r.labelRef.row));
  const left = Math.min(...rows.map((r) => r.labelRef.col));
  const right = Math.max(...rows.map((r) => r.labelRef.col));
  const goals = [...goalsOfLines(scan), ...idGoals.values()];
  return [{ kind: 'summary', sheet: scan.view.name, range: { top, left, bottom, right }, year: rows[0].year, rows, ...(goals.length > 0 && { goals }) }];
}

/**
 * Gives each summary line the titles it stands under (SummaryRow.headings): those between it and the line before it, nearest
 * first, else the line before's, so that lines under each zone's name on one 本文 sheet (`京浜臨海部…総合特区`, then its
 * lines; `つくば…総合特区`, then its lines) are matched with that zone's tables, as a summary table under the name is. A
 * title is a short text standing alone in its row that is no summary line, id or goal line, nor a sentence (ending in 。).
 * The titles are looked for once per sheet, in the rows above the last line.
 */
function titleLines(scan: SheetScan, rows: SummaryRow[]): void {
  const view = scan.view;
  const taken = new Set<number>();
  for (const list of [scan.summaryLines, scan.idCells, scan.goalLines]) for (const x of list) taken.add(x.row);
  const last = rows[rows.length - 1].labelRef.row;
  const titles: { row: number; text: string }[] = [];
  for (let r = 0; r < last; r++) {
    if (taken.has(r)) continue;
    let text: string | undefined;
    let alone = true;
    for (let c = 0; c < view.rowWidth(r) && alone; c++) {
      const v = view.raw(r, c)?.value;
      if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) continue;
      const merge = view.hasMerges ? view.mergeAt(r, c) : undefined;
      if (merge && (merge.top !== r || merge.left !== c)) continue;
      if (typeof v !== 'string' || text !== undefined) alone = false;
      else text = v.trim();
    }
    if (alone && text !== undefined && text.length <= 60 && !/[。．]$/.test(text)) titles.push({ row: r, text });
  }
  let k = 0;
  let headings: string[] | undefined;
  for (const row of rows) {
    const own: string[] = [];
    while (k < titles.length && titles[k].row < row.labelRef.row) own.push(titles[k++].text);
    // A few nearest: the zone's name stands right over its lines, a document's title far above them.
    if (own.length > 0) headings = own.slice(-6).reverse();
    if (headings) row.headings = headings;
  }
}

/** The number a goal line states after its 累計 (`累計：475 億円`). */
const GOAL_FIGURE = /累計\s*[:：]?\s*(約?\s*\d[\d,.]*\s*(?:百万|万|億|千|兆)?\s*(?:円|人|件|社|者|名))/;

/**
 * The cumulative goals of the 本文 (`数値目標（1）－①：特区関連事業による投資額` over `5 年間（平成 29～令和 3 年度）累計：475 億円`):
 * each goal line with the target the id cell at most three rows above it names (an indicator's, its one target).
 */
function goalsOfLines(scan: SheetScan): SummaryGoal[] {
  const goals: SummaryGoal[] = [];
  const ids = scan.idCells;
  let k = 0;
  for (const line of scan.goalLines) {
    while (k < ids.length && (ids[k].row < line.row || (ids[k].row === line.row && ids[k].col < line.col))) k++;
    const above = ids[k - 1];
    if (!above || above.row < line.row - 3) continue;
    const target = scan.targetIdIn(above.text)?.id ?? (() => {
      const ind = scan.indicatorIdIn(above.text);
      return ind ? indicatorOnlyId(ind.indicator) : undefined;
    })();
    const whole = toHalfWidth(line.text);
    const m = GOAL_FIGURE.exec(whole);
    if (!target || !m) continue;
    // A goal written wrong (`累計：1,2345人`) is kept: unparseable-number warns of it, the comparison passes it by.
    const goal = inlineValue(scan, line.row, line.col, line.text, m.index + m[0].length - m[1].length, m[1]);
    goals.push({ indicator: target.indicator, target, goal, text: line.text, cumulative: true, year: null });
  }
  return goals;
}
