/**
 * Budget tables (財政支援措置の状況) and the tax and finance tables that share their shape: a
 * header of years and `累計`, rows such as `国予算(a) (実績)`, `自治体予算(b) (実績)`,
 * `総事業費(a+b)` or `件数`, grouped by project.
 */
import { toHalfWidth } from '../text.js';
import { cellText } from '../numbers.js';
import { columnLetters } from '../grid.js';
import type { BudgetRow, BudgetTable, ValueCell, YearColumn } from '../model.js';
import { isBudgetRowKind, type LabelKind, type SheetScan, type YearCell } from './scan.js';
import { yearsDown } from './vertical.js';
import { periodTotals } from './totals.js';
import { unitInParentheses, unitNote } from './units.js';

/** A label typed on two lines (`総事業費` over `(a+b)` in one cell) on one, as the messages name it. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, '');
}

const TITLE_RE = /(財政|税制|金融)支援措置|支援措置の状況|予算|事業費/;

/** Per year header row, the columns other tables take of it (progress tables, budget tables found so far). */
export type TakenColumns = Map<number, { left: number; right: number }[]>;

const WHOLE_ROW = [{ left: 0, right: Infinity }];

export function detectBudgetTables(scan: SheetScan, usedRows: TakenColumns): BudgetTable[] {
  const view = scan.view;
  const tables: BudgetTable[] = [];
  // Tables side by side on one header row (a 税制支援措置 table beside the 財政支援措置 one) are read one after the other.
  for (let i = 0, again = false; i < scan.yearRowList.length; again ? (again = false) : i++) {
    const headerRow = scan.yearRowList[i];
    // A header row a progress table or a budget table takes part of (another table beside it, its years on the same
    // row): the years right of the tables left of them, up to the next table right of them.
    const taken = usedRows.get(headerRow) ?? [];
    const all = scan.yearRows.get(headerRow)!;
    const free = taken.length === 0 ? 0 : all.findIndex((y) => !taken.some((t) => y.col >= t.left && y.col <= t.right));
    if (free < 0) continue;
    // Its labels start right of the tables left of it: those taking part of the header row, a budget table found
    // beside it on a header row of its own, the figures of one in the header row.
    const beside = tables.filter((t) => t.range.top < headerRow && t.range.bottom >= headerRow && t.range.right < all[free].col);
    let figuresLeft = -1;
    for (let c = all[free].col - 1; c >= 0 && figuresLeft < 0; c--) if (scan.parse(view.raw(headerRow, c)).kind === 'number' && !all.some((y) => y.col === c)) figuresLeft = c;
    const startCol = Math.max(0, figuresLeft + 1, ...taken.filter((t) => t.right < all[free].col).map((t) => t.right + 1), ...beside.map((t) => t.range.right + 1));
    // A year met again after a column of labels starts the next table's years (`H29 H30 累計 | 区分 H29 H30 累計`, or
    // `件数` under a blank header); without one (`H29 H30 | H29 H30` under 計画 and 実績), the years are one table's.
    const labelsBefore = (k: number) => {
      for (let c = all[k - 1].col + 1; c < all[k].col; c++) {
        for (let r = headerRow; r <= headerRow + 3 && r < view.rowCount; r++) {
          const cell = view.raw(r, c);
          if (scan.parse(cell).kind === 'invalid' && scan.labelKind(cellText(cell)) !== 'cumulative') return true;
        }
      }
      return false;
    };
    const repeated = all.findIndex((y, k) => k > free && all.slice(free, k).some((x) => x.fy.year === y.fy.year && x.fy.baseline === y.fy.baseline) && labelsBefore(k));
    const endCol = Math.min(repeated < 0 ? Infinity : all[repeated].col, ...taken.filter((t) => t.left > all[free].col).map((t) => t.left));
    const years = all.filter((y) => y.col >= all[free].col && y.col < endCol);
    // One year (`R3 | 累計`) is a table only as the last part of one split in two, going on the table before it.
    const before = tables[tables.length - 1];
    const lastPart =
      years.length === 1 &&
      before !== undefined &&
      before.columns[before.columns.length - 1].year === years[0].fy.year - 1 &&
      (headerRow > before.range.bottom ? headerRow - before.range.bottom <= 4 : headerRow >= before.range.top && years[0].col > before.range.right);
    if (years.length < 2 && !lastPart) continue;
    // Years under stage headings (`計画` over `H29 H30`, `実績` over `H29 H30`): the first stage's are the table's columns.
    const over = stagesOverYears(scan, headerRow, years);
    const columns: YearColumn[] = (over?.years ?? years).map((y) => ({ col: y.col, year: y.fy.year, baseline: y.fy.baseline, header: y.header }));
    // Its 累計 columns: one per plan period where it spans two.
    // One between the labels and the years (`区分 | 累計 | H29 …`) adds up every year shown.
    const leading = scan.inRow('cumulative', headerRow).filter((l) => l.col > startCol && l.col < years[0].col && /^(累計|合計|計)$/.test(l.compact));
    // Under stage headings, the first stage's 累計 columns: each other stage's stand as far right of them as its years.
    const stagesEnd = over && over.readings.length > 1 ? over.years[0].col + over.readings[1].offset : endCol;
    const totalCols: { col: number; of?: number[]; stage?: string; shared?: boolean }[] = [
      ...leading.map((l) => ({ col: l.col })),
      ...periodTotals(
        scan.inRow('cumulative', headerRow).filter((l) => l.col > years[0].col && l.col < stagesEnd),
        columns,
      ),
    ];
    // The labels stand left of the years, and of a 累計 before them.
    const firstCol = Math.min(columns[0].col, ...leading.map((l) => l.col));
    const yearsBottom = Math.max(headerRow, ...years.map((y) => view.mergeAt(y.row, y.col)?.bottom ?? y.row));
    // Each year (and 累計) over `計画 | 実績` sub-columns: every row is read once per stage, from that stage's sub-column.
    const withTotals = stageSubColumns(scan, yearsBottom + 1, [...columns.map((c) => c.col), ...totalCols.map((c) => c.col)]);
    const stages = withTotals ?? stageSubColumns(scan, yearsBottom + 1, columns.map((c) => c.col), Math.min(...totalCols.map((t) => t.col).filter((c) => c > columns[columns.length - 1].col)));
    // A 累計 over one figure beside years over two stages: of the stage written under it (`実績`), else of one the table
    // does not say, read on the first stage's row (`shared`).
    if (stages && !withTotals) {
      for (const t of totalCols) {
        const under = cellText(view.raw(yearsBottom + 1, t.col)).replace(/\s+/g, '');
        const stage = STAGE_CELL.exec(under)?.[1];
        if (stage) t.stage = stage;
        else t.shared = true;
      }
      totalCols.splice(0, totalCols.length, ...totalCols.filter((t) => t.shared || stages.some((x) => x.stage === t.stage)));
    }
    // Where each stage's figure of a 累計 column stands: its own sub-column, or the one figure under it.
    const totalOffset = (t: (typeof totalCols)[number], offset: number) => (t.shared || t.stage ? 0 : offset);
    const headerBottom = stages ? yearsBottom + 1 : yearsBottom;
    const readings = stages ?? over?.readings ?? [{ stage: undefined, offset: 0 }];
    const rows: BudgetRow[] = [];
    let blanks = 0;
    let isProgress = false;
    const lastOffset = readings[readings.length - 1].offset;
    const rightCol = Math.max(columns[columns.length - 1].col + lastOffset, ...totalCols.map((c) => c.col + totalOffset(c, lastOffset)));
    const valueCols = [...columns.map((c) => c.col), ...totalCols.map((c) => c.col)];
    const valuesIn = (r: number) => readings.some(({ offset }) => valueCols.some((c) => view.raw(r, c + offset)?.value != null));
    const budgetRowIn = (r: number) => {
      if (r >= view.rowCount || !valuesIn(r)) return false;
      for (let c = startCol; c < firstCol; c++) if (isRowLabel(scan, cellText(view.shown(r, c).cell).trim())) return true;
      return false;
    };
    const repeatsHeader = (r: number) => {
      const again = scan.yearRows.get(r)?.filter((y) => y.col >= startCol && y.col <= rightCol);
      return again !== undefined && again.length === years.length && again.every((y, k) => y.col === years[k].col && y.fy.year === years[k].fy.year);
    };
    const headersAgain: number[] = [];
    // Over the header again, the table's title again or a word that it goes on (`（続き）`); another title starts another table.
    const title = titleAbove(scan, headerRow, startCol);
    const continuedTitle = (r: number) => {
      let said = false;
      for (let c = 0; c < view.rowWidth(r); c++) {
        const t = cellText(view.raw(r, c)).trim();
        if (t && !(said = (title !== '' && t === title) || /続/.test(t))) return false;
      }
      return said;
    };
    let heading: string | undefined;
    const tableUnit = unitNote(scan, headerRow, startCol, rightCol) ?? unitAlone(scan, headerRow, startCol, rightCol);
    for (let r = headerBottom + 1; r < view.rowCount && blanks < 2; r++) {
      // The header again (the table going on over a page break, `（続き）` maybe over it) is passed over, with its row of
      // stages; another header of years over these columns ends the table; one beside it starts a table of its own.
      if (repeatsHeader(r) || (repeatsHeader(r + 1) && !valuesIn(r) && continuedTitle(r))) {
        if (repeatsHeader(r)) {
          headersAgain.push(r);
          if (stages) r++;
        }
        continue;
      }
      if (scan.yearRows.get(r)?.some((y) => y.col >= startCol && y.col <= rightCol)) break;
      const texts: { col: number; text: string; row: number }[] = [];
      for (let c = startCol; c < firstCol; c++) {
        const shown = view.shown(r, c);
        const t = cellText(shown.cell).trim();
        if (t && !texts.some((x) => x.row === shown.row && x.col === shown.col)) texts.push({ col: shown.col, text: t, row: shown.row });
      }
      const hasValues = valuesIn(r);
      if (texts.length === 0 && !hasValues) {
        blanks++;
        continue;
      }
      blanks = 0;
      let label = [...texts].reverse().find((t) => isRowLabel(scan, t.text)) ?? texts[texts.length - 1];
      if (!label) continue;
      // A stage alone (`実績` under `国予算(a) | 計画`, the part written once over its two rows, not merged): the row
      // above's part at this stage.
      const previous = rows[rows.length - 1];
      const stageAlone = label.row === r && previous && isRowLabel(scan, previous.label) && STAGE_CELL.exec(label.text.replace(/\s+/g, ''));
      if (stageAlone) label = { col: previous.labelRef.col, row: previous.labelRef.row, text: previous.label };
      const kind = scan.labelKind(label.text);
      if (kind === 'target' || kind === 'actual' || kind === 'progress') {
        isProgress = true;
        break;
      }
      if (!hasValues && !isRowLabel(scan, label.text)) {
        // A project's name on a row of its own over its rows (`【事業A】`); a note (`（単位：千円）`, `※…`) over them or
        // over such a name is passed over.
        // A title stating its unit (`税制支援措置の状況（単位：百万円）`) is another table's, no note.
        const note = /^[(（［[]?\s*単位|^[※*注]/.test(label.text) || (/単位/.test(label.text) && !TITLE_RE.test(label.text));
        if (label.row === r && budgetRowIn(r + 1) && !note) {
          heading = label.text.replace(/^[【［[＜<]\s*(.*?)\s*[】］\]＞>]$/, '$1');
          continue;
        }
        if (note && (budgetRowIn(r + 1) || budgetRowIn(r + 2))) continue;
        break;
      }
      // A row without a project of its own is its project's above (the name written once, not merged down).
      // `合計` (or `小計`) written left of the labels above (across the label columns): the projects' total, none of the one above.
      // So under a 小計 written so (`小計` then `合計`, each across the label columns).
      const ownTotal =
        previous &&
        (label.col < previous.labelRef.col || (label.col === previous.labelRef.col && subtotal(previous.label))) &&
        (total(label.text) || subtotal(label.text)) &&
        projectsSinceTotal(rows, subtotal(label.text)) >= 2;
      // Its name, not its number where a column numbers the projects (`No. | 事業名 | 区分`).
      const own = stageAlone ? [] : texts.filter((t) => t.col < label.col);
      const named = own.find((t) => !/^(No\.?|№)?[\d０-９]+[.．)）]?$/i.test(t.text.replace(/\s+/g, ''))) ?? own[0];
      const project = named ? named.text : ownTotal ? label.text : (heading ?? previous?.project ?? '');
      heading = undefined;
      const letters = partLetters(label.text);
      const labelled = stageAlone ? stageAlone[1] : stageOf(label.text, texts.filter((t) => t.col > label.col));
      // A figure without a unit of its own is in its label's (`減税額（千円）`), else in the table's (`（単位：千円）`),
      // which a count (`件数`) is not.
      const unit = unitInParentheses(label.text) ?? (kind === 'count' ? undefined : tableUnit);
      const cellsAt = readings.map(({ offset }) => columns.map((c) => amountCell(scan, kind, r, c.col + offset, unit)));
      readings.forEach(({ stage: sub, offset }, k) => {
        const stage = sub ?? labelled;
        // A 累計 of one stage on that stage's row; one of no stage said on the first's, with every stage's years.
        const totals = totalCols.filter((t) => (t.shared ? k === 0 : !t.stage || t.stage === sub));
        rows.push({
          project,
          label: oneLine(label.text),
          labelRef: scan.ref(label.row, label.col),
          ...letters,
          ...(stage && { stage }),
          cells: cellsAt[k],
          ...(totals.length > 0 && {
            totals: totals.map((t) => ({ cell: amountCell(scan, kind, r, t.col + totalOffset(t, offset), unit), ...(t.of && { of: t.of }), ...(t.shared && { eachStage: cellsAt }) })),
          }),
        });
      });
    }
    if (isProgress || rows.length === 0) continue;
    if (!rows.some((r) => isRowLabel(scan, r.label))) continue;
    numberBlocks(rows);
    implicitTotals(scan, rows);
    acrossTotals(rows);
    const lastRow = Math.max(...rows.map((r) => r.cells[0].ref.row));
    const table: BudgetTable = {
      kind: 'budget',
      sheet: view.name,
      range: { top: headerRow, left: Math.min(...rows.map((r) => r.labelRef.col), firstCol), bottom: lastRow, right: rightCol },
      title,
      columns,
      rows,
    };
    const joined = joinsSplitTable(scan, tables, table);
    if (lastPart && !joined) continue;
    if (!joined) tables.push(table);
    if (endCol === Infinity) usedRows.set(headerRow, WHOLE_ROW);
    else {
      usedRows.set(headerRow, [...taken, { left: startCol, right: rightCol }]);
      again = true;
    }
    for (const row of headersAgain) usedRows.set(row, endCol === Infinity ? WHOLE_ROW : [...(usedRows.get(row) ?? []), { left: startCol, right: rightCol }]);
  }
  const sideways = detectBudgetsOnTheirSide(scan, usedRows, tables);
  return [...tables, ...sideways, ...detectBudgetsByProject(scan, [...tables, ...sideways])];
}

/**
 * A table split in two, its first years in one (`H29 H30 R1`) and the next years and 累計 in another below it or right of
 * it (`R2 R3 累計`), the same rows in both: the second goes on the first (its years added to the first's, each 累計 adding
 * up both parts' years), so that a 累計 is checked against every year shown. Only where the first has no 累計, the years
 * of the second follow the first's, and the rows are the same, label for label.
 */
function joinsSplitTable(scan: SheetScan, tables: BudgetTable[], next: BudgetTable): boolean {
  const first = tables[tables.length - 1];
  if (!first || !next.rows.some((r) => r.totals) || first.rows.some((r) => r.totals) || first.rows.length !== next.rows.length) return false;
  // Below it, with nothing between but blank rows or a word that it goes on (`（続き）`): a title is another table's.
  let between = true;
  for (let r = first.range.bottom + 1; r < next.range.top && between; r++) {
    for (let c = 0; c < scan.view.rowWidth(r) && between; c++) {
      const t = cellText(scan.view.raw(r, c)).trim();
      between = t === '' || (/続/.test(t) && !TITLE_RE.test(t));
    }
  }
  const below = between && next.range.top > first.range.bottom && next.range.top - first.range.bottom <= 4;
  const beside = next.range.left > first.range.right && next.range.top <= first.range.bottom && next.range.bottom >= first.range.top;
  const last = first.columns[first.columns.length - 1];
  if (!(below || beside) || last.year === null || next.columns[0].year !== last.year + 1 || next.columns[0].baseline) return false;
  if (next.rows.some((r, i) => r.label !== first.rows[i].label || r.project !== first.rows[i].project || r.stage !== first.rows[i].stage || r.totals?.some((t) => t.eachStage))) return false;
  const n = first.columns.length;
  first.columns.push(...next.columns);
  first.rows.forEach((r, i) => {
    const totals = next.rows[i].totals;
    r.cells.push(...next.rows[i].cells);
    if (totals) r.totals = totals.map((t) => ({ ...t, ...(t.of && { of: t.of.map((k) => k + n) }) }));
  });
  first.range = { top: first.range.top, left: Math.min(first.range.left, next.range.left), bottom: Math.max(first.range.bottom, next.range.bottom), right: Math.max(first.range.right, next.range.right) };
  return true;
}

/**
 * Budget tables with one column per project and no years (`区分 | 事業A | 事業B` over rows `国予算(a)`,
 * `自治体予算(b)`, `総事業費(a+b)`): a run of budget rows down one column of labels, each column right of it with a
 * figure in the total's row a project's. Only where a total adds up parts (by letters, or the one total of parts
 * without them), so that a lone row of amounts is no table.
 */
function detectBudgetsByProject(scan: SheetScan, found: BudgetTable[]): BudgetTable[] {
  const view = scan.view;
  const tables: BudgetTable[] = [];
  // The rows the tables found so far cover (a total inside one is that table's).
  const covered = new Uint8Array(view.rowCount);
  for (const t of found) covered.fill(1, t.range.top, t.range.bottom + 1);
  const labelAt = (row: number, col: number) => cellText(view.raw(row, col)).trim();
  // `合計(a+b)` is a total by its letters; a plain 累計 or 合計 (most of them: column headers) is none.
  const totals = [...scan.kind('budget-total'), ...scan.kind('cumulative').filter((l) => /[+＋]/.test(l.text) && partLetters(l.text).totalOf)];
  for (const total of totals) {
    if (covered[total.row] === 1 || scan.yearRows.has(total.row)) continue;
    // The run of budget rows down the total's column, around it.
    let top = total.row;
    while (top > 0 && isRowLabel(scan, labelAt(top - 1, total.col))) top--;
    let bottom = total.row;
    while (bottom + 1 < view.rowCount && isRowLabel(scan, labelAt(bottom + 1, total.col))) bottom++;
    if (bottom - top < 2) continue;
    const headerRow = top - 1;
    const columns: YearColumn[] = [];
    for (let c = total.col + 1; c < view.rowWidth(total.row); c++) {
      if (scan.parse(view.raw(total.row, c)).kind !== 'number') continue;
      const header = headerRow >= 0 ? cellText(view.shown(headerRow, c).cell).trim() : '';
      columns.push({ col: c, year: null, baseline: false, header: header || columnLetters(c) });
    }
    if (columns.length === 0) continue;
    const rows: BudgetRow[] = [];
    for (let r = top; r <= bottom; r++) {
      const label = labelAt(r, total.col);
      const kind = scan.labelKind(label);
      rows.push({ project: '', label: oneLine(label), labelRef: scan.ref(r, total.col), ...partLetters(label), cells: columns.map((c) => amountCell(scan, kind, r, c.col)) });
    }
    implicitTotals(scan, rows);
    if (!rows.some((r) => r.totalOf)) continue;
    covered.fill(1, top, bottom + 1);
    tables.push({
      kind: 'budget',
      sheet: view.name,
      range: { top: headerRow >= 0 && labelAt(headerRow, total.col) ? headerRow : top, left: total.col, bottom, right: columns[columns.length - 1].col },
      title: titleAbove(scan, headerRow >= 0 ? headerRow : top),
      columns,
      rows,
    });
  }
  return tables;
}

/**
 * Budget tables turned on their side: a header row of parts and totals (`国予算(a)` … `総事業費(a+b)`),
 * one row per year below it, and a `累計` row under the years. Each labelled column is a row of the table.
 */
function detectBudgetsOnTheirSide(scan: SheetScan, usedRows: TakenColumns, across: BudgetTable[]): BudgetTable[] {
  const view = scan.view;
  const tables: BudgetTable[] = [];
  for (const row of [...new Set(scan.kind('budget-part').map((l) => l.row))]) {
    if (usedRows.has(row)) continue;
    // `合計(a+b)` reads as a 合計 label: it is a total here by its letters.
    const totals = [...scan.inRow('budget-total', row), ...scan.inRow('cumulative', row).filter((l) => partLetters(l.text).totalOf)];
    if (totals.length === 0 || across.some((t) => row >= t.range.top && row <= t.range.bottom)) continue;
    const all = [...scan.inRow('budget-part', row), ...totals, ...scan.inRow('budget-request', row), ...scan.inRow('count', row)].sort((a, b) => a.col - b.col);
    // Tables side by side on one header row (`年度 | 国予算(a) … | 年度 | 国予算(a) …`): a label met again starts the next,
    // its years right of the one before.
    const groups: (typeof all)[] = [];
    for (const l of all) {
      const group = groups[groups.length - 1];
      if (!group || group.some((x) => x.compact === l.compact)) groups.push([l]);
      else group.push(l);
    }
    let fromCol = 0;
    for (const labels of groups) {
      const headerBottom = Math.max(...labels.map((l) => view.mergeAt(l.row, l.col)?.bottom ?? l.row));
      const years = yearsDown(scan, headerBottom + 1, new Set(labels.map((l) => l.col)), fromCol);
      fromCol = labels[labels.length - 1].col + 1;
      if (!years || years.columns.length < 2) continue;
      const { col: yearCol, columns, rows: yearRows, totals: totalRows } = years;
      const rows: BudgetRow[] = labels.map((l) => ({
        project: '',
        label: oneLine(l.text),
        labelRef: scan.ref(l.row, l.col),
        ...partLetters(l.text),
        cells: yearRows.map((r) => scan.valueCell(r, l.col)),
        ...(totalRows.length > 0 && { totals: totalRows.map(({ row: r, of }) => ({ cell: scan.valueCell(r, l.col), ...(of && { of }) })) }),
      }));
      implicitTotals(scan, rows);
      usedRows.set(row, WHOLE_ROW);
      const table: BudgetTable = {
        kind: 'budget',
        sheet: view.name,
        range: { top: row, left: Math.min(yearCol, labels[0].col), bottom: Math.max(yearRows[yearRows.length - 1], ...totalRows.map((x) => x.row)), right: Math.max(yearCol, labels[labels.length - 1].col) },
        title: titleAbove(scan, row),
        columns,
        rows,
      };
      if (!joinsSplitTable(scan, tables, table)) tables.push(table);
    }
  }
  return tables;
}

/** Numbers each project's run of rows (BudgetRow.block); unnamed projects are told apart by a row met again. */
function numberBlocks(rows: BudgetRow[]): void {
  let block = 0;
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const key = `${r.stage ?? ''}|${r.label}`;
    if (i > 0 && (r.project !== rows[i - 1].project || (r.project === '' && seen.has(key)))) {
      block++;
      seen.clear();
    }
    seen.add(key);
    r.block = block;
  });
}

const ACROSS_TOTAL = /^(合計|総計|計)$/;
const total = (text: string) => ACROSS_TOTAL.test(toHalfWidth(text).replace(/[\s【】\[\]()（）]/g, ''));
// A group of projects' total (`小計`, `小計（分野1）`, `分野1小計`).
const subtotal = (text: string) => /^小計|小計$/.test(toHalfWidth(text).replace(/[\s【】\[\]()（）]/g, ''));

/**
 * How many projects the rows since the last total (a project's `計`, a 合計 of projects; a 小計 too, when counting for
 * one) name: under one, a `計` is that project's own.
 */
function projectsSinceTotal(rows: BudgetRow[], sub: boolean): number {
  let k = rows.length - 1;
  while (k >= 0 && !total(rows[k].project) && !total(rows[k].label) && !(sub && subtotal(rows[k].project))) k--;
  return new Set(rows.slice(k + 1).map((r) => r.project)).size;
}

/**
 * A 合計 row under the projects (`合計 | 件数` under `措置A | 件数` and `措置B | 件数`, or `合計` written across the label
 * columns under projects of one row each) adds up each project's row of its own label and stage, since the last 合計;
 * a 小計 so the projects since the last 小計 or 合計. Under 小計s, a 合計 adds up the 小計s and the projects after the
 * last of them, never a project and its 小計 both; not where another project ends in 計 (`分野1計`), which may be one.
 */
function acrossTotals(rows: BudgetRow[]): void {
  // The last 合計 rows (and 合計 or 小計 rows) so far, each the last of another block than the one after it: the last
  // before a row of another block than the row's is one of the two (the rows above are not searched again for each total).
  const lastTotals = new LastOfOtherBlock();
  const lastTotalsOrSubs = new LastOfOtherBlock();
  const at = new Map(rows.map((r, i) => [r, i]));
  rows.forEach((row, i) => {
    const sub = subtotal(row.project);
    const isTotal = !sub && total(row.project);
    if (!sub && !isTotal) return;
    // The projects since the last 合計 (or 小計, for a 小計) before this one's rows.
    const from = (sub ? lastTotalsOrSubs : lastTotals).before(row.block) + 1;
    if (isTotal) lastTotals.add(i, row.block);
    lastTotalsOrSubs.add(i, row.block);
    let above = rows.slice(from, i).filter((r) => r.block !== row.block);
    let lastSub = above.length - 1;
    while (lastSub >= 0 && !subtotal(above[lastSub].project)) lastSub--;
    if (lastSub >= 0) above = above.filter((r, k) => subtotal(r.project) || k > lastSub);
    if (above.some((r) => /計$/.test(r.project.trim()) && !subtotal(r.project))) return;
    const blocks = new Set(above.map((r) => r.block));
    const parts = total(row.label) || subtotal(row.label)
      ? blocks.size === above.length
        ? above
        : []
      : above.filter((r) => r.label === row.label && r.stage === row.stage);
    if (parts.length >= 2 && new Set(parts.map((r) => r.block)).size === parts.length) row.acrossOf = parts.map((r) => at.get(r)!);
  });
}

/** The last of the rows added that stands in another block than a given one (-1 when none does). */
class LastOfOtherBlock {
  private last = -1;
  private lastBlock: number | undefined;
  /** The last added in another block than `lastBlock`. */
  private beforeLastBlock = -1;

  add(i: number, block: number | undefined): void {
    if (this.last >= 0 && block !== this.lastBlock) this.beforeLastBlock = this.last;
    this.last = i;
    this.lastBlock = block;
  }

  before(block: number | undefined): number {
    return this.last >= 0 && this.lastBlock !== block ? this.last : this.beforeLastBlock;
  }
}

/**
 * Totals without letters over parts without letters (`国費 | 地方費 | 事業費計`, `国予算 | 自治体予算 |
 * 合計`): in each project's run of rows, a single total (総事業費, 事業費計, 合計, 計) adds up the parts
 * around it, when they are at least two and none is a share of it (`うち国費`). Each part gets a
 * letter of its own (`#1`, `#2`), as `(a+b)` would give it.
 */
function implicitTotals(scan: SheetScan, rows: BudgetRow[]): void {
  for (let start = 0; start < rows.length; ) {
    let end = start + 1;
    // A row without a project of its own is its project's above (the name written once, not merged down).
    while (end < rows.length && rows[end].block === rows[start].block && (rows[end].project === rows[start].project || rows[end].project === '')) end++;
    const project = rows.slice(start, end);
    start = end;
    // Parts with letters no total names (`国費(a) | 地方費(b) | 合計`) are added up by the one total so too.
    if (project.some((r) => r.totalOf !== undefined)) continue;
    // A project with a 計画 and a 実績 row for each part and total: the total of each stage adds up that stage's parts.
    for (const stage of new Set(project.map((r) => r.stage))) lettersOfImplicitTotal(scan, project.filter((r) => r.stage === stage));
  }
}

/** Letters for a project's (or a stage's) rows when they are parts and one total of them. */
function lettersOfImplicitTotal(scan: SheetScan, group: BudgetRow[]): void {
  const kinds = group.map((r) => scan.labelKind(r.label));
  // A total numbered in front as its parts are (`①国費 | ②地方費 | ③計`) too.
  const totals = group.filter((r, i) => kinds[i] === 'budget-total' || /^[①-⑳]?(合計|計)$/.test(toHalfWidth(r.label).replace(/\s+/g, '')));
  const parts = group.filter((_, i) => kinds[i] === 'budget-part');
  if (totals.length !== 1 || parts.length < 2 || parts.length + 1 !== group.length || parts.some((r) => /^[①-⑳]?うち/.test(r.label.replace(/\s+/g, '')))) return;
  parts.forEach((r, i) => (r.part = `#${i + 1}`));
  totals[0].totalOf = parts.map((r) => r.part!);
}

// The stage of a row's figures, in a cell of its own right of the label (`計画`, `実績額`; `予算額` over `決算額`) or in the
// label (`国予算(a)(実績)`).
const STAGE_WORD = '計画|実績|見込み?|予定|予算|決算|当初|変更後';
const STAGE_CELL = new RegExp(`^(${STAGE_WORD})(額|値)?$`);
const STAGE_IN_LABEL = new RegExp(`[(（](${STAGE_WORD})(額|値)?[)）]`);

function stageOf(label: string, after: { text: string }[]): string | undefined {
  const inLabel = STAGE_IN_LABEL.exec(label);
  if (inLabel) return inLabel[1];
  for (const t of after) {
    const m = STAGE_CELL.exec(t.text.replace(/\s+/g, ''));
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The stages written under each heading (`H29` merged over `計画 | 実績`, the row under the years) and how far right of
 * the heading each stage's sub-column stands; none unless every heading has the same two or more stages. The last
 * heading's end where a column of another kind starts (a 累計 over one stage).
 */
function stageSubColumns(scan: SheetScan, row: number, headings: number[], end = Infinity): { stage: string; offset: number }[] | null {
  if (row >= scan.view.rowCount) return null;
  const sorted = [...headings].sort((a, b) => a - b);
  let first: string[] | null = null;
  for (let k = 0; k < sorted.length; k++) {
    const words: string[] = [];
    for (let c = sorted[k]; c < (sorted[k + 1] ?? end); c++) {
      const m = STAGE_CELL.exec(cellText(scan.view.raw(row, c)).replace(/\s+/g, ''));
      if (!m) break;
      words.push(m[1]);
    }
    if (words.length < 2 || (first && words.join() !== first.join())) return null;
    first ??= words;
  }
  return first && first.map((stage, offset) => ({ stage, offset }));
}

/**
 * Years under stage headings in the row over them (`計画` merged over `H29 H30`, `実績` over `H29 H30`): the first
 * stage's years, and how far right of them each stage's stand; none unless every stage shows the same years alike.
 */
function stagesOverYears(scan: SheetScan, headerRow: number, years: YearCell[]): { years: YearCell[]; readings: { stage: string; offset: number }[] } | null {
  if (headerRow === 0) return null;
  const groups = new Map<string, { stage: string; years: YearCell[] }>();
  for (const y of years) {
    const shown = scan.view.shown(headerRow - 1, y.col);
    const m = STAGE_CELL.exec(cellText(shown.cell).replace(/\s+/g, ''));
    if (!m) return null;
    const key = `${shown.row}:${shown.col}`;
    const group = groups.get(key);
    if (group) group.years.push(y);
    else groups.set(key, { stage: m[1], years: [y] });
  }
  if (groups.size < 2) return null;
  const [first, ...others] = [...groups.values()];
  for (const g of others) {
    const offset = g.years[0].col - first.years[0].col;
    if (g.years.length !== first.years.length || g.years.some((y, k) => y.fy.year !== first.years[k].fy.year || y.col - first.years[k].col !== offset)) return null;
  }
  return { years: first.years, readings: [first, ...others].map((g) => ({ stage: g.stage, offset: g.years[0].col - first.years[0].col })) };
}

// What a 財政支援要望 cell says when it says whether support was asked for, not how much (`有`, `無`, `○`).
const YES_OR_NO = /^(有り?|無し?|あり|なし|○|〇|◯|×|✕|要望(あり|なし|有|無))$/;

/** A budget table's cell where an amount belongs; a 財政支援要望 cell saying yes or no holds none. */
function amountCell(scan: SheetScan, kind: LabelKind | undefined, row: number, col: number, unit?: string): ValueCell {
  const cell = unit === undefined ? scan.valueCell(row, col) : scan.valueCellInUnit(row, col, unit);
  if (kind !== 'budget-request' || cell.parsed.kind !== 'invalid' || !YES_OR_NO.test(cell.parsed.text.replace(/\s+/g, ''))) return cell;
  return scan.noAmountCell(row, col);
}

function isRowLabel(scan: SheetScan, text: string): boolean {
  return isBudgetRowKind(scan.labelKind(text));
}

/** A unit alone in parentheses (`（百万円）`, `(千円)`) in a table's header row or the two rows over it, within its columns. */
function unitAlone(scan: SheetScan, headerRow: number, left: number, right: number): string | undefined {
  for (let r = headerRow; r >= Math.max(0, headerRow - 2); r--) {
    for (let c = left; c <= Math.min(right + 1, scan.view.rowWidth(r) - 1); c++) {
      const t = cellText(scan.view.raw(r, c)).trim();
      const unit = /^[(（][^()（）]+[)）]$/.test(t) ? unitInParentheses(t) : undefined;
      if (unit) return unit;
    }
  }
  return undefined;
}

/**
 * `国予算(a)` → part a; `総事業費(a+b)` or `総事業費(a)+(b)` → total of a and b; parts numbered in circles after their
 * name (`国費①`, `合計①+②`) or in front of it (`①国費`, `③合計(①+②)`) so too.
 */
export function partLetters(label: string): { part?: string; totalOf?: string[] } {
  const t = toHalfWidth(label).toLowerCase().replace(/\s+/g, '');
  const total = /[(]([a-z](?:\+[a-z])+)[)]/.exec(t);
  if (total) return { totalOf: total[1].split('+') };
  const chain = /[(][a-z][)](?:\+[(][a-z][)])+/.exec(t);
  if (chain) return { totalOf: chain[0].replace(/[()]/g, '').split('+') };
  const part = /[(]([a-z])[)]/.exec(t);
  if (part) return { part: part[1] };
  const circled = /[(]?([①-⑳](?:\+[①-⑳])+)[)]?$/.exec(t);
  if (circled) return { totalOf: circled[1].split('+') };
  const circledPart = /[^\d①-⑳+][(]?([①-⑳])[)]?$/.exec(t);
  if (circledPart) return { part: circledPart[1] };
  const numbered = /^[(]?([①-⑳])[)]?[^\d①-⑳+]/.exec(t);
  if (numbered) return { part: numbered[1] };
  return {};
}

/** The title over a table: the nearest over its own columns first (`税制支援措置の状況` over the table right of another). */
function titleAbove(scan: SheetScan, headerRow: number, left = 0): string {
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 4); r--) {
    const width = scan.view.rowWidth(r);
    for (let k = 0; k < width; k++) {
      const c = k < width - left ? left + k : k - (width - left);
      const t = cellText(scan.view.raw(r, c)).trim();
      if (t && TITLE_RE.test(t) && t.length <= 40) return t;
    }
  }
  return '';
}
