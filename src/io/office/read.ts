/**
 * Reads every sheet's used range into the engine's grid. The number of syncs depends on how much
 * there is to read, never on how many sheets hold it: one for the sheet list, one for every used
 * range's size (and merged areas), then one per request of at most `requestBudgetBytes` (estimated;
 * a request Excel still finds too big is read again in halves).
 */
import { parseA1, parseRangeA1, rangeA1, underFilter, type Cell, type CellRange, type Sheet, type Workbook } from '../../engine/grid.js';
import { HostError } from '../host.js';
import { errorText, type ExcelContext, type OfficeRuntime, type XAutoFilter, type XRange, type XRangeView, type XTableCollection, type XWorksheet } from './api.js';
import { toGridCell } from './cells.js';

export interface OfficeReadLimits {
  /** Most cells read over all sheets; Excel on the web answers at most 5 million per read. */
  maxCells: number;
  /** Estimated size of one request's answer; Excel on the web refuses answers over 5 MB. */
  requestBudgetBytes: number;
  /** Estimated answer size per cell for values, text, numberFormat, formulas and valueTypes together. */
  bytesPerCell: number;
}

export const DEFAULT_OFFICE_LIMITS: OfficeReadLimits = {
  maxCells: 5_000_000,
  requestBudgetBytes: 2 * 1024 * 1024,
  bytesPerCell: 100,
};

const CONTENT_PROPS = ['values', 'text', 'numberFormat', 'formulas', 'valueTypes'];

interface SheetProbe {
  ws: XWorksheet;
  used: XRange;
  merges: ReturnType<XRange['getMergedAreasOrNullObject']> | null;
  /** The sheet's Excel tables, listed when their filters are to be read (ExcelApi 1.9). */
  tables: XTableCollection | null;
}

/** A block of whole rows of one used range, read in one piece. */
interface Chunk {
  sheet: number;
  area: CellRange;
}

/** `Sheet1!A1:B2, 'My sheet'!C3:D4` → the areas, sheet names dropped. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*(?:,|$))/g;
  for (const m of address.matchAll(re)) out.push(parseRangeA1(m[1].replace(/\$/g, '')));
  return out;
}

/** Splits each used range into row blocks and packs the blocks into requests under the byte budget. */
export function planRequests(areas: (CellRange | null)[], limits: OfficeReadLimits): Chunk[][] {
  const budgetCells = Math.max(1, Math.floor(limits.requestBudgetBytes / limits.bytesPerCell));
  const requests: Chunk[][] = [];
  let current: Chunk[] = [];
  let currentCells = 0;
  areas.forEach((area, sheet) => {
    if (!area) return;
    const cols = area.right - area.left + 1;
    const rowsPerChunk = Math.max(1, Math.floor(budgetCells / cols));
    for (let top = area.top; top <= area.bottom; top += rowsPerChunk) {
      const bottom = Math.min(area.bottom, top + rowsPerChunk - 1);
      const cells = (bottom - top + 1) * cols;
      if (currentCells > 0 && currentCells + cells > budgetCells) {
        requests.push(current);
        current = [];
        currentCells = 0;
      }
      current.push({ sheet, area: { top, left: area.left, bottom, right: area.right } });
      currentCells += cells;
    }
  });
  if (current.length > 0) requests.push(current);
  return requests;
}

/** Loads every used range's size, with the merged areas when the API set has them. */
async function probeSheets(ctx: ExcelContext, sheets: XWorksheet[], withMerges: boolean, withTables: boolean): Promise<SheetProbe[]> {
  const queue = (merges: boolean): SheetProbe[] =>
    sheets.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      const m = merges ? ws.getRange().getMergedAreasOrNullObject() : null;
      m?.load(['address']);
      const tables = withTables ? ws.tables : null;
      tables?.load(['items/name']);
      return { ws, used, merges: m, tables };
    });
  const probes = queue(withMerges);
  try {
    await ctx.sync();
    return probes;
  } catch (e) {
    // A sheet with more than 512 merged areas fails the whole request: read sizes alone, then
    // ask each sheet for its merges separately so that one such sheet costs only its own.
    if (!withMerges) throw e;
  }
  const sized = queue(false);
  await ctx.sync();
  for (const probe of sized) {
    const m = probe.ws.getRange().getMergedAreasOrNullObject();
    m.load(['address']);
    try {
      await ctx.sync();
      probe.merges = m;
    } catch {
      probe.merges = null;
    }
  }
  return sized;
}

function place(rows: (Cell | undefined)[][], range: XRange, area: CellRange): void {
  const { values, text, numberFormat, formulas, valueTypes } = range;
  // Past Excel's read limit the values come back empty instead of failing.
  if (!Array.isArray(values) || values.length !== area.bottom - area.top + 1) throw new HostError('too-large', rangeA1(area));
  values.forEach((row, r) => {
    let out = rows[area.top + r];
    row.forEach((value, c) => {
      const cell = toGridCell({
        value,
        text: text?.[r]?.[c],
        numberFormat: numberFormat?.[r]?.[c],
        formula: formulas?.[r]?.[c],
        valueType: valueTypes?.[r]?.[c],
      });
      if (!cell) return;
      if (!out) out = rows[area.top + r] = [];
      out[area.left + c] = cell;
    });
  });
}

/** Estimated answer size of one address of a visible view (`'Sheet'!AB12345` and JSON) besides the sheet's name. */
const VIEW_BYTES_PER_ADDRESS = 24;
/** Most estimated bytes of one sheet's visible views: a longer sheet is read as if nothing were hidden. */
const VIEW_BUDGET_BYTES = 1024 * 1024;

/**
 * Which rows and columns are shown (ExcelApi 1.3): the visible view of each used range's first column tells the rows,
 * that of its first row the columns. Read with the sheet's first row block, in the syncs the contents take anyway; so
 * are the filters of the sheet and of its Excel tables (ExcelApi 1.9), under which hidden rows are read as shown.
 */
interface Visibility {
  /** Per sheet, its used range when its views are to be read; null when not. */
  areas: (CellRange | null)[];
  /** Cleared when Excel fails a request with views (then read again without them). */
  on: boolean;
  /** Per sheet, its Excel tables (null: filters are not read). */
  tables: (XTableCollection | null)[];
  /** Cleared when Excel fails a request with filters (then read again without them, views kept). */
  filters: boolean;
}

interface QueuedFilter {
  filter: XAutoFilter;
  range: ReturnType<XAutoFilter['getRangeOrNullObject']>;
}

interface QueuedViews {
  sheet: number;
  area: CellRange;
  column: XRangeView;
  row: XRangeView;
  filters: QueuedFilter[];
}

function queueFilter(filter: XAutoFilter): QueuedFilter {
  filter.load(['isDataFiltered']);
  const range = filter.getRangeOrNullObject();
  range.load(['address']);
  return { filter, range };
}

/** The ranges of the queued filters that hide rows. */
function activeFilters(filters: QueuedFilter[]): CellRange[] {
  return filters.flatMap(({ filter, range }) => (filter.isDataFiltered && !range.isNullObject ? parseAreas(range.address) : []));
}

/** The 0-based row or column of each address of a view; null when none parses (a hidden first column or row). */
function shownIndexes(view: XRangeView, of: 'row' | 'col'): Set<number> | null {
  const out = new Set<number>();
  const grid = view.cellAddresses;
  if (!Array.isArray(grid)) return null;
  for (const line of grid) {
    if (!Array.isArray(line)) continue;
    for (const address of line) {
      if (typeof address !== 'string') continue;
      try {
        const at = parseA1(address.slice(address.lastIndexOf('!') + 1));
        out.add(of === 'row' ? at.row : at.col);
      } catch {
        // Not an address: read nothing from it.
      }
    }
  }
  return out.size > 0 ? out : null;
}

/**
 * Notes on the sheet the rows and columns of its used range that the views do not show; rows under an active filter
 * (the views cannot tell them from rows hidden by hand, as the file cannot) as filtered, to be read as shown.
 */
function noteHidden(sheet: Sheet, q: QueuedViews): void {
  const rows = shownIndexes(q.column, 'row');
  const cols = shownIndexes(q.row, 'col');
  const filters = activeFilters(q.filters);
  const hiddenRows: number[] = [];
  const filteredRows: number[] = [];
  if (rows) for (let r = q.area.top; r <= q.area.bottom; r++) if (!rows.has(r)) (underFilter(r, filters) ? filteredRows : hiddenRows).push(r);
  const hiddenCols: number[] = [];
  if (cols) for (let c = q.area.left; c <= q.area.right; c++) if (!cols.has(c)) hiddenCols.push(c);
  if (hiddenRows.length > 0) sheet.hiddenRows = hiddenRows;
  if (filteredRows.length > 0) sheet.filteredRows = filteredRows;
  if (hiddenCols.length > 0) sheet.hiddenCols = hiddenCols;
}

/** Excel's answers to a request or range too big to read at once. */
const TOO_BIG = new Set(['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded', 'RangeExceedsLimit']);

function isTooBig(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && TOO_BIG.has(String(e.code));
}

/** Two requests that together read what `request` reads; null when it is one row already. */
function halve(request: Chunk[]): [Chunk[], Chunk[]] | null {
  if (request.length > 1) return [request.slice(0, request.length >> 1), request.slice(request.length >> 1)];
  const { sheet, area } = request[0];
  if (area.top === area.bottom) return null;
  const mid = (area.top + area.bottom) >> 1;
  return [[{ sheet, area: { ...area, bottom: mid } }], [{ sheet, area: { ...area, top: mid + 1 } }]];
}

/**
 * Reads one request's row blocks into the sheets. The size per cell is an estimate: when long
 * texts make Excel refuse the answer anyway, the request is read again in halves.
 */
async function loadRequest(ctx: ExcelContext, wsList: XWorksheet[], sheets: Sheet[], request: Chunk[], visibility: Visibility): Promise<void> {
  const ranges = request.map((chunk) => {
    const range = wsList[chunk.sheet].getRange(rangeA1(chunk.area));
    range.load(CONTENT_PROPS);
    return range;
  });
  const views: QueuedViews[] = [];
  if (visibility.on) {
    for (const chunk of request) {
      const area = visibility.areas[chunk.sheet];
      if (!area || chunk.area.top !== area.top) continue;
      const ws = wsList[chunk.sheet];
      const column = ws.getRange(rangeA1({ ...area, right: area.left })).getVisibleView();
      column.load(['cellAddresses']);
      const row = ws.getRange(rangeA1({ ...area, bottom: area.top })).getVisibleView();
      row.load(['cellAddresses']);
      const tables = visibility.filters ? visibility.tables[chunk.sheet] : null;
      const filters = tables ? [ws.autoFilter, ...tables.items.map((t) => t.autoFilter)].map(queueFilter) : [];
      views.push({ sheet: chunk.sheet, area, column, row, filters });
    }
  }
  try {
    await ctx.sync();
  } catch (e) {
    const halves = isTooBig(e) ? halve(request) : null;
    if (!halves && views.some((q) => q.filters.length > 0)) {
      // Excel refused the filters: the views are read without them, rows hidden by a filter as hidden.
      visibility.filters = false;
      return loadRequest(ctx, wsList, sheets, request, visibility);
    }
    if (!halves && views.length > 0) {
      // Excel refused the visible views (or a row with them): the contents are read without them, all rows as shown.
      visibility.on = false;
      return loadRequest(ctx, wsList, sheets, request, visibility);
    }
    if (!isTooBig(e)) throw e;
    if (!halves) throw new HostError('too-large', `${sheets[request[0].sheet].name}!${request[0].area.top + 1}:${request[0].area.top + 1}`);
    for (const half of halves) await loadRequest(ctx, wsList, sheets, half, visibility);
    return;
  }
  request.forEach((chunk, i) => place(sheets[chunk.sheet].rows, ranges[i], chunk.area));
  for (const q of views) noteHidden(sheets[q.sheet], q);
}

/** The used cells past the read limit, in either language: of one sheet, or of the sheets together (`sheet` null). */
function tooManyCells(sheet: string | null, cells: number, max: number): HostError {
  const [n, limit] = [cells, max].map((v) => v.toLocaleString('en-US'));
  return new HostError('too-large', {
    ja: `${sheet === null ? 'すべてのシートの使用範囲で' : `シート「${sheet}」の使用範囲が`} ${n} セル以上(上限 ${limit} セル)`,
    en: `${sheet === null ? 'the sheets’ used ranges hold' : `the used range of “${sheet}” holds`} ${n} cells or more (at most ${limit})`,
  });
}

export async function readWorkbook(rt: OfficeRuntime, limits: OfficeReadLimits): Promise<Workbook> {
  const withMerges = rt.isSetSupported('ExcelApi', '1.13');
  const withViews = rt.isSetSupported('ExcelApi', '1.3');
  const withFilters = withViews && rt.isSetSupported('ExcelApi', '1.9');
  try {
    return await rt.run(async (ctx) => {
      const collection = ctx.workbook.worksheets;
      collection.load(['items/name', 'items/visibility']);
      await ctx.sync();
      const wsList = collection.items;
      const probes = await probeSheets(ctx, wsList, withMerges, withFilters);

      const sheets: Sheet[] = probes.map(({ ws, merges }) => ({
        name: ws.name,
        ...(ws.visibility !== 'Visible' ? { hidden: true } : {}),
        rows: [],
        merges: merges && !merges.isNullObject ? parseAreas(merges.address) : [],
      }));
      let total = 0;
      const areas = probes.map(({ ws, used }): CellRange | null => {
        if (used.isNullObject || used.rowCount === 0 || used.columnCount === 0) return null;
        const cells = used.rowCount * used.columnCount;
        total += cells;
        if (cells > limits.maxCells || total > limits.maxCells) throw tooManyCells(cells > limits.maxCells ? ws.name : null, cells > limits.maxCells ? cells : total, limits.maxCells);
        return { top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 };
      });

      const visibility: Visibility = {
        on: withViews,
        tables: probes.map((p) => p.tables),
        filters: withFilters,
        areas: areas.map((area, i) =>
          area && (area.bottom - area.top + 1 + area.right - area.left + 1) * (VIEW_BYTES_PER_ADDRESS + 3 * sheets[i].name.length) <= VIEW_BUDGET_BYTES ? area : null,
        ),
      };
      for (const request of planRequests(areas, limits)) await loadRequest(ctx, wsList, sheets, request, visibility);
      return { sheets };
    });
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('read-failed', errorText(e));
  }
}
