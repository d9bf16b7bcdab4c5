/**
 * The engine's view of a workbook: sheets of cells, independent of where they came from
 * (the .xlsx reader, Office.js, a test). Rows and columns are 0-based inside the engine; addresses
 * shown to people are A1.
 */
export type CellValue = number | string | boolean | null;

export interface Cell {
  /** Number, text or boolean; null when the cell is empty (or a formula has no cached result). */
  value: CellValue;
  /** Displayed text, when the source knows it (Office.js `text`). */
  text?: string;
  /** Excel number format code, e.g. `0%`, `#,##0"億円"`. */
  numFmt?: string;
  /** Formula without the leading `=`. */
  formula?: string;
  /** Error value such as `#DIV/0!`. */
  error?: string;
  /** A formula whose result was never cached in the file. */
  noCachedResult?: boolean;
  /** A date (value holds its ISO text). */
  isDate?: boolean;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  hidden?: boolean;
  /** rows[r][c]; sparse arrays are fine. */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
  /**
   * Rows hidden in the workbook (0-based, ascending). A reviewer checks a table as shown: a hidden row (an old 目標値
   * or 進捗度 kept out of sight) is part of no table; formulas still see its cells.
   */
  hiddenRows?: number[];
  /**
   * Rows hidden by an active filter (of the sheet or of an Excel table; 0-based, ascending). A filter is a view, not a
   * decision to hide: these rows are read as shown (they are not in hiddenRows), and the report notes them.
   */
  filteredRows?: number[];
  /** Columns hidden in the workbook (0-based, ascending): as hidden rows, part of no table. */
  hiddenCols?: number[];
  /** Formulas the file held no result for (or asked to recalculate) whose values the reader worked out. */
  computedFormulas?: number;
}

export interface Workbook {
  sheets: Sheet[];
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeA1(r: CellRange): string {
  const start = a1(r.top, r.left);
  const end = a1(r.bottom, r.right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses `B7` or `$B$7` into 0-based row and column. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not an A1 address: ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRangeA1(ref: string): CellRange {
  const [from, to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Whether a row lies under the header row of one of the ranges of active filters: hidden there, it is read as hidden by
 * the filter (a row hidden by hand there cannot be told from one in the file, nor through Office.js).
 */
export function underFilter(row: number, filters: readonly CellRange[]): boolean {
  return filters.some((f) => row > f.top && row <= f.bottom);
}

/** How many cells a range covers. */
export function cellsIn(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

const COLS = 16384;

/**
 * The columns of a row's cells, left to right, when the row reaches far right (a note in column XFD): such a row is a
 * sparse array of thousands of holes, each costing a lookup when tried. Undefined for a row short enough to try each
 * column of (most rows: listing their keys costs more).
 */
export function sparseColumns(row: readonly unknown[]): number[] | undefined {
  return row.length > SPARSE_ROW ? Object.keys(row).map(Number) : undefined;
}

const SPARSE_ROW = 1024;

/**
 * One number for a cell of a sheet (Excel has 16,384 columns): the key the detectors, the fix and the formula evaluator
 * share when they note cells by where they are.
 */
export function cellIndex(row: number, col: number): number {
  return row * COLS + col;
}
/**
 * The sheet as a reviewer sees it: hidden rows empty, hidden columns' cells removed (addresses unchanged). The source
 * is left as it is (the formula evaluator and the fix follow formulas into hidden cells); a sheet hiding nothing is
 * returned as it is.
 */
function shownOnly(source: Sheet): Sheet {
  const hiddenRows = source.hiddenRows ?? [];
  const hiddenCols = source.hiddenCols ?? [];
  if (hiddenRows.length === 0 && hiddenCols.length === 0) return source;
  const rows = source.rows.slice();
  for (const r of hiddenRows) if (r < rows.length && rows[r] !== undefined) rows[r] = [];
  if (hiddenCols.length > 0) {
    const first = hiddenCols[0];
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells || cells.length <= first) continue;
      const copy = cells.slice();
      for (const c of hiddenCols) {
        if (c >= copy.length) break;
        delete copy[c];
      }
      let n = copy.length;
      while (n > 0 && copy[n - 1] === undefined) n--;
      copy.length = n;
      rows[r] = copy;
    }
  }
  // A merged area shows its value wherever part of it is shown (an id merged down the rows of a block whose first row
  // is hidden): its top-left cell stays.
  if (source.merges.length > 0) {
    const rowHidden = new Set(hiddenRows);
    const colHidden = new Set(hiddenCols);
    const shownIn = (from: number, to: number, hidden: Set<number>) => {
      for (let i = from; i <= to; i++) if (!hidden.has(i)) return true;
      return false;
    };
    for (const m of source.merges) {
      if (!rowHidden.has(m.top) && !colHidden.has(m.left)) continue;
      const cell = source.rows[m.top]?.[m.left];
      if (cell === undefined || !shownIn(m.top, m.bottom, rowHidden) || !shownIn(m.left, m.right, colHidden)) continue;
      const cells = rows[m.top];
      if (cells === source.rows[m.top]) continue;
      cells[m.left] = cell;
    }
  }
  return { ...source, rows };
}

/** Merged areas larger than this are looked up by their rows (or by scanning, when tall) instead of by cell. */
const MAX_INDEXED_MERGE = 4096;
/** Large merged areas up to this many rows (whole rows merged for titles) are listed under each of their rows. */
const MAX_ROW_INDEXED_HEIGHT = 64;

/**
 * Read access to one sheet with merged cells resolved in O(1): a cell inside a merged area
 * reads as the area's top-left cell.
 */
export class SheetView {
  /** The sheet as shown: the source itself, or (with hidden rows or columns) a copy without their cells. */
  readonly sheet: Sheet;
  readonly name: string;
  readonly rowCount: number;
  /** Whether the sheet has merged areas at all. */
  readonly hasMerges: boolean;
  private readonly mergeByCell = new Map<number, CellRange>();
  /** Per row, 1 when a merged area of mergeByCell covers part of it: most rows have none, and need no lookup. */
  private readonly mergedRows: Uint8Array;
  private readonly wideMerges = new Map<number, CellRange[]>();
  private readonly tallMerges: CellRange[] = [];

  constructor(source: Sheet) {
    const sheet = (this.sheet = shownOnly(source));
    this.name = sheet.name;
    // Rows past the last cell that a merged area showing a value covers exist as shown (a label merged down into
    // an empty last row), whether or not the source lists them (Office.js and Hyoka's reader need not).
    let rowCount = sheet.rows.length;
    let lastMergedRow = -1;
    for (const m of sheet.merges) if (cellsIn(m) <= MAX_INDEXED_MERGE) lastMergedRow = Math.max(lastMergedRow, m.bottom);
    this.mergedRows = new Uint8Array(lastMergedRow + 1);
    for (const m of sheet.merges) {
      if (m.bottom >= rowCount && m.top < sheet.rows.length && sheet.rows[m.top]?.[m.left] !== undefined) rowCount = Math.min(m.bottom + 1, sheet.rows.length + MAX_ROW_INDEXED_HEIGHT);
      if (cellsIn(m) > MAX_INDEXED_MERGE) {
        if (m.bottom - m.top + 1 > MAX_ROW_INDEXED_HEIGHT) this.tallMerges.push(m);
        else {
          for (let r = m.top; r <= m.bottom; r++) {
            const list = this.wideMerges.get(r);
            if (list) list.push(m);
            else this.wideMerges.set(r, [m]);
          }
        }
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++) {
        this.mergedRows[r] = 1;
        for (let c = m.left; c <= m.right; c++) this.mergeByCell.set(cellIndex(r, c), m);
      }
    }
    this.rowCount = rowCount;
    this.hasMerges = sheet.merges.length > 0;
  }

  /** The cell as stored (no merge resolution). */
  raw(row: number, col: number): Cell | undefined {
    return this.sheet.rows[row]?.[col];
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    const m = this.mergedRows[row] === 1 ? this.mergeByCell.get(cellIndex(row, col)) : undefined;
    if (m) return m;
    const wide = this.wideMerges.size > 0 ? this.wideMerges.get(row) : undefined;
    const inWide = wide?.find((b) => col >= b.left && col <= b.right);
    if (inWide || this.tallMerges.length === 0) return inWide;
    return this.tallMerges.find((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  }

  /** The cell that shows at (row, col): the top-left of its merged area, if any. */
  shown(row: number, col: number): { cell: Cell | undefined; row: number; col: number } {
    const m = this.mergeAt(row, col);
    if (m) return { cell: this.raw(m.top, m.left), row: m.top, col: m.left };
    return { cell: this.raw(row, col), row, col };
  }

  /** The cell that shows at (row, col), as shown() finds it, without the object saying where it is. */
  shownCell(row: number, col: number): Cell | undefined {
    const m = this.mergeAt(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** Per row, its width once worked out (-1 before). */
  private widths: Int32Array | undefined;

  /**
   * The last column index + 1 that holds a cell: a row padded with empty slots (as Office.js gives the used
   * range) reads as the same row without them, so that detection does not depend on where the cells came from.
   */
  rowWidth(row: number): number {
    const cells = this.sheet.rows[row];
    if (!cells) return 0;
    this.widths ??= new Int32Array(this.sheet.rows.length).fill(-1);
    let w = this.widths[row];
    if (w >= 0) return w;
    w = cells.length;
    while (w > 0 && cells[w - 1] === undefined) w--;
    this.widths[row] = w;
    return w;
  }
}
