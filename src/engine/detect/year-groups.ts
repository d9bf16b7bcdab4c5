/**
 * Progress tables with the targets across and the years down, each year a group of rows labelled 目標値 / 実績値 /
 * 進捗度 (and 寄与度) under a row naming the targets, the year in a column left of the labels, merged down over its
 * group or in its first row:
 *
 * | 年度 | 区分   | 数値目標(1)-① 投資額 | 数値目標(1)-② 雇用 |
 * | H29  | 目標値 | 115                 | 100               |
 * |      | 実績値 | 119                 | 90                |
 * |      | 進捗度 | 104%                | 90%               |
 * | H30  | 目標値 | …                                       |
 *
 * A `累計` in the year column heads a group of the running totals (the `累計` column of a block).
 *
 * Between the header and the first group a few rows may state what every year shares, each under the target it
 * concerns: a blank row, a row of the targets' names (a header of two rows), a `単位` row (`億円 | 人`: the unit of the
 * target's plain numbers) or a `寄与度` row (the targets' weights). A `寄与度` row may follow the last group instead.
 * A weight may also be stated in the header itself (`数値目標(1)-① 投資額（寄与度50%）`).
 */
import { cellIndex, type Cell } from '../grid.js';
import { cellText } from '../numbers.js';
import { parseFiscalYear, type FiscalYear } from '../years.js';
import type { CellRef, IndicatorProgressCell, NumericTarget, ProgressTable, ValueCell, Weight, YearColumn } from '../model.js';
import { decideMode, isRunningTotalLabel } from '../compute.js';
import { isSummaryLine, type SheetScan } from './scan.js';
import { readGoals } from './goal.js';
import { weightInCell, weightInText, weightLabelAt, yearlyWeights } from './weight.js';
import { isUnitText, unitInParentheses } from './units.js';
import { idColumnsOfRow } from './summary.js';
import { compact, findIndicatorId, INDICATOR_PROGRESS_LABEL, indicatorOnlyId } from '../text.js';

type Figure = 'target' | 'actual' | 'progress' | 'weight';

interface Group {
  /** Null for the group of running totals (`累計`). */
  fy: FiscalYear | null;
  header: string;
  rows: Map<Figure, number>;
  /** A row of the indicator's progress in the group (`評価指標(1)の進捗度`), and the indicator its label names. */
  indicator?: { row: number; named: string | undefined };
  bottom: number;
}

/** Rows of other figures (`差（実績－目標）`) a group may hold between its own, one after the other. */
const OTHER_ROWS = 2;

/** The longest text a header naming a target may be (`数値目標(1)-① 特区関連事業による投資額 475億円（累計）`). */
const MAX_HEADER = 60;

/** Rows between the header and the first group, each stating something every year shares (LeadRow). */
const MAX_LEAD_ROWS = 3;

/** What a row between the header and the first group states under the targets. */
type LeadRow = 'blank' | 'names' | 'units' | 'weights';

/** Cells of labels the tables read (`cellIndex`): no progress block is to be made of them again. */
export type TakenLabels = Set<number>;

export function detectYearGroupTables(scan: SheetScan): { tables: ProgressTable[]; taken: TakenLabels } {
  const view = scan.view;
  const tables: ProgressTable[] = [];
  const taken: TakenLabels = new Set();
  const idCells = scan.idCells;
  for (let i = 0; i < idCells.length; ) {
    const row = idCells[i].row;
    let end = i + 1;
    while (end < idCells.length && idCells[end].row === row) end++;
    const from = i;
    i = end;
    // The ids stand right of the label column (and of a year column): a row whose id cells all lie in the first column
    // heads none.
    const lastCol = idCells[end - 1].col;
    if (lastCol < 1) continue;
    let headerBottom = row;
    if (view.hasMerges) for (let k = from; k < end; k++) headerBottom = Math.max(headerBottom, view.mergeAt(row, idCells[k].col)?.bottom ?? row);
    const start = headerBottom + 1;
    const found = firstGroupRow(scan, start, lastCol);
    if (!found) continue;
    const { first, labelCol, yearCol } = found;
    // Headers naming the targets: short, on one line (a paragraph naming ids, a summary line, heads nothing).
    const headers = idCells.slice(from, end).filter((x) => x.col > labelCol && x.text.length <= MAX_HEADER && !x.text.includes('\n') && !isSummaryLine(compact(x.text)));
    const ids = idColumnsOfRow(
      scan,
      row,
      headers.map((x) => x.col),
    );
    if (ids.length === 0) continue;
    const idCols = ids.map((x) => x.col);
    const lead: Partial<Record<LeadRow, number>> = {};
    let leadOk = true;
    for (let r = start; r < first && leadOk; r++) {
      const kind = leadRow(scan, r, labelCol, idCols);
      if (kind === undefined || (kind !== 'blank' && lead[kind] !== undefined)) leadOk = false;
      else lead[kind] = r;
    }
    if (!leadOk) continue;
    const groups = groupsDown(scan, first, yearCol, labelCol);
    const yearly = groups.filter((g) => g.fy !== null);
    // Each year's group states a target and an actual; a baseline's (`当初(令和3年度)`) may state the actual alone.
    const planned = yearly.filter((g) => !g.fy!.baseline);
    if (planned.length === 0 || !planned.every((g) => g.rows.has('target') && g.rows.has('actual'))) continue;
    const totalGroups = totalsOf(groups);
    for (const g of groups) for (const r of g.rows.values()) taken.add(cellIndex(r, labelCol));
    const columns: YearColumn[] = yearly.map((g) => ({ col: yearCol, year: g.fy!.year, baseline: g.fy!.baseline, header: g.header }));
    const withProgress = planned.every((g) => g.rows.has('progress'));
    const firstGroup = planned[0];
    const groupsBottom = Math.max(...groups.map((g) => Math.max(g.bottom, g.indicator?.row ?? 0)));
    // The weights of every year: in a 寄与度 row over the groups, else in one under the last.
    const weightsRow = yearly.some((g) => g.rows.has('weight'))
      ? undefined
      : (lead.weights ?? (groupsBottom + 1 < view.rowCount && leadRow(scan, groupsBottom + 1, labelCol, idCols) === 'weights' ? groupsBottom + 1 : undefined));
    const targets: NumericTarget[] = ids.map((id) => {
      const shown = view.shown(row, id.col);
      const text = cellText(shown.cell);
      const labelRef = scan.ref(shown.row, shown.col);
      // The target's name on the row under the ids (a header of two rows), read with them.
      const nameText = lead.names === undefined ? '' : cellText(view.raw(lead.names, id.col)).trim();
      const named: { text: string; ref: CellRef }[] = [{ text, ref: labelRef }, ...(nameText ? [{ text: nameText, ref: scan.ref(lead.names!, id.col) }] : [])];
      // A unit for the target's plain numbers: in the 単位 row under its name, else in the name's parentheses (`投資額（億円）`).
      const unitText = lead.units === undefined ? '' : cellText(view.raw(lead.units, id.col)).trim();
      const unit = (isUnitText(unitText) ? unitText : undefined) ?? named.map((n) => unitInParentheses(n.text)).find((u) => u !== undefined);
      const read = (r: number, figure: Figure) => (unit && (figure === 'target' || figure === 'actual') ? scan.valueCellInUnit(r, id.col, unit) : scan.valueCell(r, id.col));
      // A figure a group has no row for (a baseline's target or progress, a year without a 寄与度 row) reads as a blank
      // at the group's last cell: nothing is missing there (a baseline states no progress) and nothing is written.
      const cells = (figure: Figure): ValueCell[] => yearly.map((g) => (g.rows.has(figure) ? read(g.rows.get(figure)!, figure) : scan.noAmountCell(g.bottom, id.col)));
      const goals = named.reduce<ReturnType<typeof readGoals> | undefined>((found, n) => (found?.goal ? found : readGoals(n.text, n.ref, columns.map((c) => c.year))), undefined);
      const goal = goals?.goal ?? null;
      const target = cells('target');
      const { mode, source } = decideMode(goal, target, columns, isRunningTotalLabel(cellText(view.raw(firstGroup.rows.get('target')!, labelCol))));
      const weights = yearly.some((g) => g.rows.has('weight')) ? yearlyWeights(cells('weight').map(weightInCell)) : undefined;
      const stated = named.find((n) => weightLabelAt(n.text) >= 0);
      const weight: Weight | null =
        weights?.weight ??
        (weightsRow !== undefined ? weightInCell(scan.valueCell(weightsRow, id.col)) : null) ??
        (stated ? { value: weightInText(stated.text) ?? null, ref: stated.ref, text: stated.text.trim() } : null);
      return {
        id: id.target ?? indicatorOnlyId(id.indicator),
        idInferred: false,
        label: named.map((n) => n.text.trim()).join(' '),
        labelRef,
        goal,
        ...(goals && goals.others.length > 0 && { otherGoals: goals.others }),
        mode,
        modeSource: source,
        weight,
        ...(weights?.yearWeights && { yearWeights: weights.yearWeights }),
        columns,
        target,
        actual: cells('actual'),
        progress: withProgress ? cells('progress') : null,
        ...(totalGroups.length > 0 && {
          totals: totalGroups.map(({ group, of }) => ({
            ...(group.rows.has('target') && { target: read(group.rows.get('target')!, 'target') }),
            ...(group.rows.has('actual') && { actual: read(group.rows.get('actual')!, 'actual') }),
            ...(group.rows.has('progress') && { progress: scan.valueCell(group.rows.get('progress')!, id.col) }),
            ...(of && { of }),
          })),
        }),
        rows: { target: firstGroup.rows.get('target')!, actual: firstGroup.rows.get('actual')!, progress: withProgress ? firstGroup.rows.get('progress')! : null },
      };
    });
    // The indicator's progress, in the first target's column (or a cell merged across the targets'): of the indicator
    // its label names, else of the one every target belongs to.
    const common = targets.every((t) => t.id.indicator === targets[0].id.indicator) ? targets[0].id.indicator : undefined;
    const indicatorCells: IndicatorProgressCell[] = [];
    for (const g of yearly) {
      const indicator = g.indicator?.named ?? common;
      if (g.indicator && indicator !== undefined) indicatorCells.push({ indicator, year: g.fy!.year, cell: scan.valueCell(g.indicator.row, ids[0].col) });
    }
    const bottom = Math.max(groupsBottom, weightsRow ?? 0);
    tables.push({
      kind: 'progress',
      sheet: view.name,
      range: { top: row, left: yearCol, bottom, right: ids[ids.length - 1].col },
      targets,
      indicatorCells,
    });
  }
  return { tables, taken };
}

/**
 * The first row of the first group under a header ending at `start - 1`, with its label column (left of the ids, whose
 * last stands in `lastCol`) and its year column: in the row itself, or past at most MAX_LEAD_ROWS rows (leadRow).
 */
function firstGroupRow(scan: SheetScan, start: number, lastCol: number): { first: number; labelCol: number; yearCol: number } | undefined {
  const view = scan.view;
  for (let first = start; first <= start + MAX_LEAD_ROWS && first < view.rowCount; first++) {
    // The label column in the group's first row and the year column left of it; or a year on a row of its own in the
    // label column, over the group's first label.
    let labelCol = -1;
    let yearCol = -1;
    // An empty cell shows a label only as part of a merged area whose first cell, left of it, was looked at already.
    for (let c = 0; c < lastCol && labelCol < 0; c++) if (view.raw(first, c) !== undefined && figureAt(scan, first, c)) labelCol = c;
    if (labelCol >= 0) {
      for (let c = labelCol - 1; c >= 0 && yearCol < 0; c--) if (parseFiscalYear(cellText(view.shown(first, c).cell))) yearCol = c;
    } else if (first + 1 < view.rowCount) {
      for (let c = 0; c < lastCol && labelCol < 0; c++) if (parseFiscalYear(cellText(view.raw(first, c))) && figureAt(scan, first + 1, c)) labelCol = yearCol = c;
    }
    if (labelCol >= 0 && yearCol >= 0) return { first, labelCol, yearCol };
  }
  return undefined;
}

/**
 * What a row outside the groups states under the targets (in `idCols`): their weights (labelled 寄与度); their units
 * (labelled 単位); nothing; their names (texts under them naming no id, no label left of them). Undefined for any
 * other row.
 */
function leadRow(scan: SheetScan, row: number, labelCol: number, idCols: number[]): LeadRow | undefined {
  const view = scan.view;
  // The row's label: the first text left of the ids, in the label column or left of it.
  let label = '';
  for (let c = 0; c <= labelCol && !label; c++) {
    const shown = view.shown(row, c);
    if (shown.row !== row) continue;
    label = compact(cellText(shown.cell));
    if (label && scan.cellKind(shown.cell) === 'weight') return 'weights';
  }
  if (/^単位[:：]?$/.test(label)) return 'units';
  if (label) return undefined;
  // The texts under the ids, each in a cell of its own.
  const stated: Cell[] = [];
  for (const c of idCols) {
    const shown = view.shown(row, c);
    if (shown.row === row && shown.col === c && shown.cell && cellText(shown.cell).trim() !== '') stated.push(shown.cell);
  }
  if (stated.length === 0) return 'blank';
  // Names, not numbers; nor the ids of another table's header.
  const names = stated.every((cell) => typeof cell.value === 'string' && scan.parse(cell).kind !== 'number' && !scan.targetIdIn(cell.value) && !scan.indicatorIdIn(cell.value));
  return names ? 'names' : undefined;
}

/** The figure a row's label in the label column names, if it is one a group holds. */
function figureAt(scan: SheetScan, row: number, col: number): Figure | undefined {
  const shown = scan.view.shown(row, col);
  if (shown.row !== row) return undefined;
  const kind = scan.cellKind(shown.cell);
  return kind === 'target' || kind === 'actual' || kind === 'progress' || kind === 'weight' ? kind : undefined;
}

/**
 * The groups of running totals (`累計`) that state a target or an actual, and the years each adds up (`of`, indices among
 * the year groups) where there are several, one per plan period (`H29 … R3 | 累計 | R4 R5 | 累計` down the groups): those
 * since the one before it. One alone adds up every year.
 */
function totalsOf(groups: Group[]): { group: Group; of?: number[] }[] {
  const totals: { group: Group; of: number[] }[] = [];
  let years = 0;
  let since = 0;
  for (const g of groups) {
    if (g.fy !== null) {
      years++;
      continue;
    }
    if (!g.rows.has('target') && !g.rows.has('actual')) continue;
    if (years > since) totals.push({ group: g, of: Array.from({ length: years - since }, (_, k) => since + k) });
    since = years;
  }
  return totals.length === 1 && totals[0].of.length === years ? [{ group: totals[0].group }] : totals;
}

/**
 * The groups of rows from `first` down: a year (or `累計`) in the year column starts one, its rows labelled in the
 * label column follow; the first row without such a label, or a figure a group already holds, ends the table. When
 * the year column is the label column, each year stands on a row of its own over its group (`H29` over `目標値`).
 */
function groupsDown(scan: SheetScan, first: number, yearCol: number, labelCol: number): Group[] {
  const view = scan.view;
  const groups: Group[] = [];
  let current: Group | undefined;
  let others = 0;
  const ownRow = yearCol === labelCol;
  for (let r = first; r < view.rowCount; r++) {
    const shown = view.shown(r, yearCol);
    const header = cellText(shown.cell).trim();
    const figure = figureAt(scan, r, labelCol);
    // A year or `累計` starting a group (on a row of its own, one holding no figure's label).
    const heads = header !== '' && shown.row === r && !(ownRow && figure);
    const fy = heads ? parseFiscalYear(header) : undefined;
    const running = heads && !fy && scan.cellKind(shown.cell) === 'cumulative';
    const starts = ownRow ? fy !== undefined || running : shown.row === r && header !== '';
    if (starts) {
      if (!ownRow && !figure) break;
      if (!fy && !running) break;
      current = { fy: fy ?? null, header, rows: new Map(), bottom: r };
      groups.push(current);
      others = 0;
      if (ownRow) continue;
    }
    if (!figure) {
      // Inside a group: a row of the indicator's progress, or of other figures; a blank label ends the table.
      const label = view.shown(r, labelCol);
      const text = label.row === r ? compact(cellText(label.cell)) : '';
      if (!current || text === '') break;
      if (INDICATOR_PROGRESS_LABEL.test(text) && !current.indicator) current.indicator = { row: r, named: findIndicatorId(text)?.indicator };
      else if (++others > OTHER_ROWS) break;
      continue;
    }
    others = 0;
    if (!current || current.rows.has(figure)) break;
    current.rows.set(figure, r);
    current.bottom = r;
  }
  return groups;
}
