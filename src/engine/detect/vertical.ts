/**
 * Progress tables turned on their side: a header row with 目標値 / 実績値 / 進捗度 columns and
 * one row per fiscal year, for the 数値目標 named just above the table.
 */
import { cellText } from '../numbers.js';
import { compact, findIndicatorId, INDICATOR_PROGRESS_LABEL, indicatorOnlyId } from '../text.js';
import { namesPartOfYear, parseFiscalYear } from '../years.js';
import type { IndicatorProgressCell, NumericTarget, ProgressTable, YearColumn } from '../model.js';
import { decideMode, isRunningTotalLabel } from '../compute.js';
import type { SheetScan } from './scan.js';
import { readGoals } from './goal.js';
import { weightInCell, weightInText, weightLabelAt, yearlyWeights } from './weight.js';
import { idHeaderLeftOf } from './summary.js';
import { notesUnderHeader, unitInParentheses } from './units.js';

type Kind = 'target' | 'actual' | 'progress' | 'weight';

export function detectVerticalTables(scan: SheetScan, counter: { n: number }): { tables: ProgressTable[]; headerRows: Set<number> } {
  const view = scan.view;
  const tables: ProgressTable[] = [];
  const headerRows = new Set<number>();
  const rows = [...new Set(scan.kind('target').map((l) => l.row))];
  for (const row of rows) {
    // One group of columns per target: a kind seen again starts the next target's group
    // (目標値 / 実績値 / 進捗度 for (1), then the same for (2), under one header row).
    const groups: Map<Kind, number>[] = [];
    let cols = new Map<Kind, number>();
    for (let c = 0; c < view.rowWidth(row); c++) {
      const kind = scan.cellKind(view.raw(row, c));
      if (kind !== 'target' && kind !== 'actual' && kind !== 'progress' && kind !== 'weight') continue;
      if (cols.has(kind)) {
        groups.push(cols);
        cols = new Map();
      }
      cols.set(kind, c);
    }
    groups.push(cols);
    const complete = groups.filter((g) => g.has('target') && g.has('actual'));
    if (complete.length === 0) continue;
    const labelCols = complete.flatMap((g) => [...g.values()]);
    const headerBottom = Math.max(...labelCols.map((c) => view.mergeAt(row, c)?.bottom ?? row));
    // Up to two rows between the header and the first year holding only notes on the columns (`（億円）`, `（B/A）`) or
    // nothing; a unit there is that of its column's plain numbers.
    const noteUnits = new Map<number, string>();
    let first = headerBottom + 1;
    for (let n = 0; n < 2 && first < view.rowCount; n++, first++) {
      const notes = notesUnderHeader(scan, first, view.rowWidth(row));
      if (!notes) break;
      for (const [c, unit] of notes) if (!noteUnits.has(c)) noteUnits.set(c, unit);
    }
    const years = yearsDown(scan, first, new Set(labelCols));
    if (!years) continue;
    // Rows that name targets make a summary table with a 年度 column, not a table on its side: in words, or bare
    // under a header naming the ids (`評価指標 | 数値目標 | 年度 | 目標値 …` over `(1) | ① | R4 | …`).
    const firstRowNamesTargets = Array.from({ length: view.rowWidth(first) }, (_, c) => cellText(view.shown(first, c).cell)).some((t) => /数値目標|評価指標/.test(t));
    if (firstRowNamesTargets || idHeaderLeftOf(scan, row, Math.min(...labelCols))) continue;
    const { col: yearCol, columns, rows: yearRows, totals } = years;
    if (yearRows.length < 2) continue;
    headerRows.add(row);
    const targets: NumericTarget[] = [];
    let top = row;
    let left = Math.min(...labelCols, yearCol);
    complete.forEach((group, i) => {
      // Each group's title stands above its own columns; a lone group's may stand anywhere above.
      const groupCols = [...group.values()];
      // Or the columns' headers name it (`数値目標(1)-① 目標値`, a header flattened from two rows): a target they name
      // wins over an indicator named above.
      const above = complete.length === 1 ? titleAbove(scan, row, 0, Infinity) : titleAbove(scan, row, i === 0 ? 0 : Math.min(...groupCols), Math.max(...groupCols));
      const title = above?.target ? above : (titleInHeader(scan, row, group.get('target')!) ?? above);
      // A unit written once for a column's plain numbers: in its header (`目標値（億円）`), in a row of notes under it
      // (`（億円）`) or in the title (`投資額（億円）`).
      const unitOf = (kind: Kind) =>
        kind === 'target' || kind === 'actual'
          ? (unitInParentheses(cellText(view.raw(row, group.get(kind)!))) ?? noteUnits.get(group.get(kind)!) ?? (title ? unitInParentheses(title.text) : undefined))
          : undefined;
      const cells = (kind: Kind) => {
        const unit = unitOf(kind);
        return yearRows.map((r) => (unit === undefined ? scan.valueCell(r, group.get(kind)!) : scan.valueCellInUnit(r, group.get(kind)!, unit)));
      };
      let id = title?.target ?? (title?.indicator ? indicatorOnlyId(title.indicator) : undefined);
      const idInferred = !id;
      if (!id) {
        counter.n++;
        id = { indicator: `?${counter.n}`, display: `?${counter.n}`, key: `?${counter.n}` };
      }
      const labelRef = title ? scan.ref(title.row, title.col) : null;
      const goals = title && labelRef ? readGoals(title.text, labelRef, columns.map((c) => c.year)) : undefined;
      const goal = goals?.goal;
      const target = cells('target');
      const { mode, source } = decideMode(goal ?? null, target, columns, isRunningTotalLabel(cellText(view.shown(row, group.get('target')!).cell)));
      // A 寄与度 column: the latest year's weight, and each year's where they change from year to year.
      const weights = yearlyWeights((group.has('weight') ? cells('weight') : []).map(weightInCell));
      const titleWeight = title ? weightInText(title.text) : undefined;
      targets.push({
        id,
        idInferred,
        label: title?.text.trim() ?? '',
        labelRef,
        goal: goal ?? null,
        ...(goals && goals.others.length > 0 && { otherGoals: goals.others }),
        mode,
        modeSource: source,
        weight: weights?.weight ?? (title && weightLabelAt(title.text) >= 0 && labelRef ? { value: titleWeight ?? null, ref: labelRef, text: title.text } : null),
        ...(weights?.yearWeights && { yearWeights: weights.yearWeights }),
        columns,
        target,
        actual: cells('actual'),
        progress: group.has('progress') ? cells('progress') : null,
        ...(totals.length > 0 && {
          totals: totals.map(({ row: totalRow, of }) => ({
            target: scan.valueCell(totalRow, group.get('target')!),
            actual: scan.valueCell(totalRow, group.get('actual')!),
            ...(group.has('progress') && { progress: scan.valueCell(totalRow, group.get('progress')!) }),
            ...(of && { of }),
          })),
        }),
        rows: { target: row, actual: row, progress: group.has('progress') ? row : null },
      });
      if (title) {
        top = Math.min(top, title.row);
        left = Math.min(left, title.col);
      }
    });
    // A column of the indicator's progress beside its targets' (`評価指標(1)の進捗度`, `進捗度（加重平均）`).
    const indicatorColumn = indicatorColumnOf(scan, row, headerBottom, new Set([...labelCols, yearCol]), targets);
    const indicatorCells: IndicatorProgressCell[] = indicatorColumn
      ? yearRows.map((r, i) => ({ indicator: indicatorColumn.indicator, year: columns[i].year, cell: scan.valueCell(r, indicatorColumn.col) }))
      : [];
    tables.push({
      kind: 'progress',
      sheet: view.name,
      range: { top, left, bottom: Math.max(yearRows[yearRows.length - 1], ...totals.map((x) => x.row)), right: Math.max(...labelCols, yearCol, indicatorColumn?.col ?? 0) },
      targets,
      indicatorCells,
    });
  }
  return { tables, headerRows };
}

/**
 * The years down a column, from `firstRow`: the column (other than `skipCols`) whose cell in that row reads
 * as a fiscal year, one YearColumn per row while its cells do, and a 累計 (or 合計) row right under them; where a 累計
 * row is followed by more years (one per plan period: `H29 … R3 | 累計 | R4 R5 | 累計`), those too, each 累計 row with the
 * years since the one before it (`of`, indices in `columns`). Undefined when no cell of `firstRow` reads as a year (from
 * `fromCol` on: a table beside another looks right of it).
 */
export function yearsDown(scan: SheetScan, firstRow: number, skipCols: Set<number>, fromCol = 0): { col: number; columns: YearColumn[]; rows: number[]; totals: { row: number; of?: number[] }[] } | undefined {
  const view = scan.view;
  let col = -1;
  for (let c = fromCol; c < view.rowWidth(firstRow) && col < 0; c++) {
    if (!skipCols.has(c) && parseFiscalYear(cellText(view.shown(firstRow, c).cell))) col = c;
  }
  if (col < 0) return undefined;
  // Halves or quarters beside the years (`R3 | 上期`, `R3 | 下期`): each row is a part of a year, no year's, a year merged
  // down over its parts included.
  const partOf = (r: number) => cellText(view.shown(r, col + 1).cell).trim();
  const byParts = namesPartOfYear(partOf(firstRow));
  const columns: YearColumn[] = [];
  const rows: number[] = [];
  const totals: { row: number; of: number[] }[] = [];
  let since = 0;
  let after = firstRow;
  for (let r = firstRow; r < view.rowCount; r = after) {
    const shown = view.shown(r, col);
    const header = cellText(shown.cell);
    const fy = parseFiscalYear(header);
    if (!fy) {
      const next = r + 1 < view.rowCount ? parseFiscalYear(cellText(view.shown(r + 1, col).cell)) : undefined;
      if (!next || since === columns.length || scan.shownKind(r, col) !== 'cumulative') break;
      totals.push({ row: r, of: [...columns.keys()].slice(since) });
      since = columns.length;
      after = r + 1;
      continue;
    }
    if (byParts) {
      after = r + 1;
      columns.push({ col, year: null, baseline: false, header: `${header.trim()} ${partOf(r)}` });
      rows.push(r);
      continue;
    }
    // A year merged down several rows (with its figures) is one year, in its first row.
    after = (shown.row === r ? view.mergeAt(r, col)?.bottom ?? r : r) + 1;
    columns.push({ col, year: fy.year, baseline: fy.baseline, header: header.trim() });
    rows.push(r);
  }
  if (after < view.rowCount && scan.shownKind(after, col) === 'cumulative' && since < columns.length) {
    totals.push({ row: after, of: [...columns.keys()].slice(since) });
    // A plain 累計 after the periods' own adds up the whole span (`… | 累計 | R4 R5 | 累計 | 累計`).
    if (totals.length > 1 && after + 1 < view.rowCount && scan.shownKind(after + 1, col) === 'cumulative') totals.push({ row: after + 1, of: [...columns.keys()] });
  }
  // One 累計 row alone adds up every year.
  return { col, columns, rows, totals: totals.length === 1 && since === 0 ? [{ row: totals[0].row }] : totals };
}

/** A target's id in a group's own 目標値 header (`数値目標(1)-① 目標値`), as titleAbove gives a title. */
function titleInHeader(scan: SheetScan, row: number, col: number) {
  const v = scan.view.raw(row, col)?.value;
  const t = typeof v === 'string' ? scan.targetIdIn(v) : undefined;
  return t && typeof v === 'string' ? { row, col, text: v, target: t.id, indicator: t.id.indicator } : undefined;
}

/** The nearest 数値目標 or 評価指標 cell in the 4 rows above a header, shown in columns fromCol…toCol (merged areas by their left cell). */
function titleAbove(scan: SheetScan, row: number, fromCol: number, toCol: number) {
  for (let r = row - 1; r >= Math.max(0, row - 4); r--) {
    for (let c = 0; c < scan.view.rowWidth(r); c++) {
      if (c > toCol || (fromCol > 0 && (scan.view.mergeAt(r, c)?.right ?? c) < fromCol)) continue;
      const v = scan.view.raw(r, c)?.value;
      if (typeof v !== 'string') continue;
      const t = scan.targetIdIn(v);
      if (t) return { row: r, col: c, text: v, target: t.id, indicator: t.id.indicator };
      const i = scan.indicatorIdIn(v);
      if (i) return { row: r, col: c, text: v, target: undefined, indicator: i.indicator };
    }
  }
  return undefined;
}

/**
 * The column headed with an indicator's progress in a header (rows `row` to `headerBottom`, or the two rows above
 * `row` when merged down into it), other than `skipCols`; its indicator is the one the header names, else that of
 * every target of the table.
 */
function indicatorColumnOf(scan: SheetScan, row: number, headerBottom: number, skipCols: Set<number>, targets: NumericTarget[]): { col: number; indicator: string } | undefined {
  const view = scan.view;
  const common = targets.every((t) => !t.idInferred && t.id.indicator === targets[0].id.indicator) ? targets[0].id.indicator : undefined;
  for (let r = Math.max(0, row - 2); r <= headerBottom; r++) {
    for (let c = 0; c < view.rowWidth(r); c++) {
      const v = view.raw(r, c)?.value;
      if (typeof v !== 'string' || v.length > 40 || skipCols.has(c)) continue;
      const merge = view.mergeAt(r, c);
      // Above the header row, only a cell merged down into it, or over empty cells down to it, heads a column.
      if (r < row && (merge?.bottom ?? r) < row && !emptyDown(scan, r + 1, headerBottom, c)) continue;
      const text = compact(v);
      // `評価指標(1)` over `進捗度`: a 進捗度 of no target's columns headed by an indicator's name.
      const named = r === row && scan.cellKind(view.raw(r, c)) === 'progress' ? indicatorOver(scan, row, c) : undefined;
      if (named !== undefined) return { col: c, indicator: named };
      if (!INDICATOR_PROGRESS_LABEL.test(text)) continue;
      const indicator = findIndicatorId(text)?.indicator ?? common;
      if (indicator !== undefined) return { col: c, indicator };
    }
  }
  return undefined;
}

/** Whether a column's cells from row `from` to row `to` are all empty. */
function emptyDown(scan: SheetScan, from: number, to: number, col: number): boolean {
  for (let r = from; r <= to; r++) if (cellText(scan.view.shown(r, col).cell).trim() !== '') return false;
  return true;
}

/** The indicator a cell in one of the two rows over a header cell names, when it names an indicator and no target. */
function indicatorOver(scan: SheetScan, row: number, col: number): string | undefined {
  for (let r = row - 1; r >= Math.max(0, row - 2); r--) {
    const v = scan.view.shown(r, col).cell?.value;
    if (typeof v !== 'string' || v.trim() === '') continue;
    return scan.targetIdIn(v) ? undefined : scan.indicatorIdIn(v)?.indicator;
  }
  return undefined;
}
