/**
 * One worksheet part into the engine's rows: values with their number formats, cached formula
 * results, merged areas. Cells are read straight from the bytes; only values become strings.
 */
import { parseRangeA1, type Cell, type CellRange } from '../../engine/grid.js';
import { XlsxReadError } from './errors.js';
import { shiftFormula } from './formula.js';
import { unescapeOoxml, type Styles } from './parts.js';
import { integerShown, serialToIso, yearShown } from './numfmt.js';
import { attributes, decodeText, nameIs, XmlStream, type XmlHandler } from './xml.js';

/** Cells read so far over the whole workbook, and how many are allowed. */
export interface CellBudget {
  count: number;
  max: number;
}

const enum Capture {
  None,
  Value,
  Formula,
  InlineText,
}

// Cell types (`t` attribute), by their first letter and length.
const enum Type {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

const COLS = 16384;

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

export class SheetReader implements XmlHandler {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: CellRange[] = [];
  /** Rows (`<row hidden="1">`) and columns (`<col min max hidden="1">`, 1-based ranges) hidden, as read. */
  private readonly hiddenRows: number[] = [];
  private readonly hiddenColRanges: [number, number][] = [];
  /** The sheet's `<autoFilter ref>` (not a custom view's), and whether a `<filterColumn>` of it has criteria. */
  private autoFilter: { ref: CellRange; active: boolean } | undefined;
  private inAutoFilter = false;
  private inFilterColumn = false;
  private inCustomView = 0;
  /** The relationship ids of the sheet's Excel tables (`<tablePart r:id>`), whose filters hide rows too. */
  readonly tableRelIds: string[] = [];
  wantText = false;

  private readonly stream = new XmlStream(this);
  private capture = Capture.None;
  private inSheetData = false;
  private row = -1;
  private col = -1;
  private inCell = false;
  private style = 0;
  private type = Type.Number;
  private valueText: string | undefined;
  /** A `<v>` that is a plain whole number (a shared-string index, a count) read without a string; -1 otherwise. */
  private valueInt = -1;
  private formula: string | undefined;
  /** Whether the cell has a `<v>`, even an empty one. */
  private hasValue = false;
  private formulaType: string | undefined;
  private formulaSi: string | undefined;
  private inline = false;
  private inlineText: string | undefined;
  private phonetic = 0;
  private readonly shared = new Map<string, SharedMaster>();

  constructor(
    private readonly strings: readonly string[],
    private readonly styles: Styles,
    private readonly date1904: boolean,
    private readonly budget: CellBudget,
  ) {}

  push(chunk: Uint8Array): void {
    this.stream.push(chunk);
  }

  /** Formulas read without a cached result. */
  uncached = 0;

  /** The range of the sheet's filter when it has criteria (hides rows), undefined when it has none. */
  get activeFilter(): CellRange | undefined {
    return this.autoFilter?.active ? this.autoFilter.ref : undefined;
  }

  end(): { rows: (Cell | undefined)[][]; merges: CellRange[]; hiddenRows?: number[]; hiddenCols?: number[] } {
    this.stream.end();
    this.clearMerged();
    // Only what lies over cells read: a column range hiding the rest of the sheet (`min="20" max="16384"`) lists none.
    const hiddenRows = this.hiddenRows.filter((r) => r < this.rows.length).sort((x, y) => x - y);
    let width = 0;
    if (this.hiddenColRanges.length > 0) for (const cells of this.rows) if (cells && cells.length > width) width = cells.length;
    const cols = new Set<number>();
    for (const [min, max] of this.hiddenColRanges) for (let c = min - 1; c < Math.min(max, width); c++) cols.add(c);
    const hiddenCols = [...cols].sort((x, y) => x - y);
    return {
      rows: this.rows,
      merges: this.merges,
      ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(hiddenCols.length > 0 ? { hiddenCols } : {}),
    };
  }

  open(buf: Uint8Array, n: number, ne: number, a: number, ae: number, selfClosing: boolean): void {
    const len = ne - n;
    const c0 = buf[n];
    // A criterion (`<filters>`, `<customFilters>`, `<top10>` …) under a filter column: the filter hides rows.
    if (this.inFilterColumn && this.autoFilter) this.autoFilter.active = true;
    if (len === 1) {
      if (c0 === 99 /* c */) {
        if (this.inSheetData) this.startCell(buf, a, ae);
      } else if (c0 === 118 /* v */) {
        if (this.inCell) this.hasValue = true;
        if (this.inCell && !selfClosing) this.startText(Capture.Value);
      } else if (c0 === 102 /* f */) {
        if (this.inCell) this.startFormula(buf, a, ae, selfClosing);
      } else if (c0 === 116 /* t */) {
        if (this.inline && this.phonetic === 0 && !selfClosing) this.startText(Capture.InlineText);
      }
    } else if (len === 3 && c0 === 114 /* r */ && buf[n + 1] === 111 && buf[n + 2] === 119) {
      if (this.inSheetData) this.startRow(buf, a, ae);
    } else if (len === 2 && c0 === 105 && buf[n + 1] === 115 /* is */) {
      if (this.inCell) this.inline = true;
    } else if (len === 3 && nameIs(buf, n, ne, 'rPh')) {
      if (!selfClosing) this.phonetic++;
    } else if (len === 9 && nameIs(buf, n, ne, 'sheetData')) {
      this.inSheetData = !selfClosing;
    } else if (len === 3 && c0 === 99 && buf[n + 1] === 111 && buf[n + 2] === 108 /* col */) {
      if (!this.inSheetData) this.readCol(buf, a, ae);
    } else if (len === 10 && nameIs(buf, n, ne, 'autoFilter')) {
      if (!this.inSheetData && this.inCustomView === 0) this.readAutoFilter(buf, a, ae, selfClosing);
    } else if (len === 12 && nameIs(buf, n, ne, 'filterColumn')) {
      if (this.inAutoFilter) this.inFilterColumn = !selfClosing;
    } else if (len === 15 && nameIs(buf, n, ne, 'customSheetView')) {
      if (!selfClosing) this.inCustomView++;
    } else if (len === 9 && nameIs(buf, n, ne, 'tablePart')) {
      for (const [k, v] of attributes(buf, a, ae)) if (k.endsWith(':id')) this.tableRelIds.push(v);
    } else if (len === 9 && nameIs(buf, n, ne, 'mergeCell')) {
      const ref = attributes(buf, a, ae).get('ref');
      if (ref) {
        try {
          this.merges.push(parseRangeA1(ref));
        } catch {
          // A malformed merge is ignored, as a spreadsheet would.
        }
      }
    }
  }

  close(buf: Uint8Array, n: number, ne: number): void {
    const len = ne - n;
    const c0 = buf[n];
    if (len === 1) {
      if (c0 === 99) {
        if (this.inCell) this.endCell();
      } else if (c0 === 118 || c0 === 102 || c0 === 116) {
        this.capture = Capture.None;
        this.wantText = false;
      }
    } else if (len === 2 && c0 === 105 && buf[n + 1] === 115) {
      this.inline = false;
    } else if (len === 3 && nameIs(buf, n, ne, 'rPh')) {
      this.phonetic = Math.max(0, this.phonetic - 1);
    } else if (len === 9 && nameIs(buf, n, ne, 'sheetData')) {
      this.inSheetData = false;
    } else if (len === 10 && nameIs(buf, n, ne, 'autoFilter')) {
      this.inAutoFilter = false;
      this.inFilterColumn = false;
    } else if (len === 12 && nameIs(buf, n, ne, 'filterColumn')) {
      this.inFilterColumn = false;
    } else if (len === 15 && nameIs(buf, n, ne, 'customSheetView')) {
      this.inCustomView = Math.max(0, this.inCustomView - 1);
    }
  }

  text(buf: Uint8Array, start: number, end: number, cdata: boolean): void {
    // Numbers and shared-string indexes only: a `str` cell's `007` must stay text.
    if (this.capture === Capture.Value && (this.type === Type.Number || this.type === Type.Shared) && this.valueText === undefined && this.valueInt < 0 && end - start <= 15) {
      let n = 0;
      let k = start;
      for (; k < end; k++) {
        const b = buf[k];
        if (b < 48 || b > 57) break;
        n = n * 10 + (b - 48);
      }
      if (k === end && end > start) {
        this.valueInt = n;
        return;
      }
    }
    const piece = decodeText(buf, start, end, cdata);
    if (this.capture === Capture.Value) {
      const before = this.value;
      this.valueText = before === undefined ? piece : before + piece;
      this.valueInt = -1;
    } else if (this.capture === Capture.Formula) this.formula = this.formula === undefined ? piece : this.formula + piece;
    else if (this.capture === Capture.InlineText) this.inlineText = this.inlineText === undefined ? piece : this.inlineText + piece;
  }

  /** The text of `<v>`, undefined when the cell has none. */
  private get value(): string | undefined {
    return this.valueText ?? (this.valueInt >= 0 ? String(this.valueInt) : undefined);
  }

  private startText(capture: Capture): void {
    this.capture = capture;
    this.wantText = true;
  }

  private startRow(buf: Uint8Array, a: number, ae: number): void {
    const r = readNumberAttr(buf, a, ae, 114 /* r */);
    this.row = r > 0 ? r - 1 : this.row + 1;
    this.col = -1;
    if (isHidden(buf, a, ae)) this.hiddenRows.push(this.row);
  }

  private readAutoFilter(buf: Uint8Array, a: number, ae: number, selfClosing: boolean): void {
    const ref = attributes(buf, a, ae).get('ref');
    if (!ref) return;
    try {
      this.autoFilter = { ref: parseRangeA1(ref), active: false };
      this.inAutoFilter = !selfClosing;
    } catch {
      // A malformed range filters nothing Hyoka can place.
    }
  }

  /** `<col min="3" max="5" hidden="1"/>` in `<cols>`: columns C to E hidden. */
  private readCol(buf: Uint8Array, a: number, ae: number): void {
    if (!isHidden(buf, a, ae)) return;
    const at = attributes(buf, a, ae);
    const min = Number(at.get('min'));
    const max = Number(at.get('max') ?? min);
    if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) this.hiddenColRanges.push([min, Math.min(max, COLS)]);
  }

  private startCell(buf: Uint8Array, a: number, ae: number): void {
    this.inCell = true;
    this.style = 0;
    this.type = Type.Number;
    this.valueText = undefined;
    this.valueInt = -1;
    this.hasValue = false;
    this.formula = undefined;
    this.formulaType = undefined;
    this.formulaSi = undefined;
    this.inline = false;
    this.inlineText = undefined;
    let hasRef = false;
    // Attributes read in place: r="B7", s="3", t="s".
    let i = a;
    while (i < ae) {
      while (i < ae && buf[i] <= 32) i++;
      if (i >= ae) break;
      let nameStart = i;
      while (i < ae && buf[i] !== 61 && buf[i] > 32) {
        if (buf[i] === 58) nameStart = i + 1;
        i++;
      }
      const nameLen = i - nameStart;
      const name = buf[nameStart];
      while (i < ae && buf[i] !== 34 && buf[i] !== 39) i++;
      const q = buf[i];
      const vs = i + 1;
      let ve = vs;
      while (ve < ae && buf[ve] !== q) ve++;
      i = ve + 1;
      if (nameLen !== 1) continue;
      if (name === 114 /* r */) {
        let col = 0;
        let row = 0;
        let k = vs;
        for (; k < ve; k++) {
          const b = buf[k];
          if (b >= 65 && b <= 90) col = col * 26 + (b - 64);
          else if (b >= 97 && b <= 122) col = col * 26 + (b - 96);
          else if (b !== 36) break;
        }
        for (; k < ve; k++) {
          const b = buf[k];
          if (b >= 48 && b <= 57) row = row * 10 + (b - 48);
          else if (b !== 36) break;
        }
        if (col > 0 && row > 0) {
          this.col = col - 1;
          this.row = row - 1;
          hasRef = true;
        }
      } else if (name === 115 /* s */) {
        let s = 0;
        for (let k = vs; k < ve; k++) s = s * 10 + (buf[k] - 48);
        this.style = s;
      } else if (name === 116 /* t */) {
        this.type = cellType(buf, vs, ve);
      }
    }
    if (!hasRef) this.col++;
    if (this.row < 0) this.row = 0;
  }

  private startFormula(buf: Uint8Array, a: number, ae: number, selfClosing: boolean): void {
    if (a < ae) {
      const at = attributes(buf, a, ae);
      this.formulaType = at.get('t');
      this.formulaSi = at.get('si');
    }
    if (!selfClosing) this.startText(Capture.Formula);
  }

  private endCell(): void {
    this.inCell = false;
    this.capture = Capture.None;
    this.wantText = false;
    const row = this.row;
    const col = this.col;
    if (col < 0 || col >= COLS) return;
    const fmt = this.styles.numFmt[this.style];
    // An empty `<f/>` without a type is no formula.
    const formula = this.formula || this.formulaType !== undefined ? this.formulaText(row, col) : undefined;
    const cell = formula !== undefined ? this.formulaCell(formula, fmt) : this.valueCell(fmt);
    if (cell) this.put(row, col, cell);
  }

  private formulaText(row: number, col: number): string {
    const own = this.formula;
    if (this.formulaType !== 'shared' || this.formulaSi === undefined) return own ?? '';
    if (own) {
      this.shared.set(this.formulaSi, { formula: own, row, col });
      return own;
    }
    const master = this.shared.get(this.formulaSi);
    return master ? shiftFormula(master.formula, row - master.row, col - master.col) : '';
  }

  private formulaCell(formula: string, fmt: string | undefined): Cell {
    const v = this.value;
    // `=IF(A1="","",…)` saved with its empty text result: `<c t="str"><f>…</f><v></v></c>`.
    if (!v && this.type === Type.Str && this.hasValue) return { value: '', formula, numFmt: fmt };
    if (!v) {
      this.uncached++;
      return { value: null, formula, noCachedResult: true, numFmt: fmt };
    }
    let inner: Cell | undefined;
    switch (this.type) {
      case Type.Str:
        inner = { value: unescapeOoxml(v), numFmt: fmt };
        break;
      case Type.Bool:
        inner = { value: parseInt(v, 10) !== 0, numFmt: fmt };
        break;
      case Type.Error:
        inner = { value: null, error: v, numFmt: fmt };
        break;
      default:
        inner = this.numberCell(v, fmt);
    }
    return { ...inner, formula };
  }

  private valueCell(fmt: string | undefined): Cell | undefined {
    if (this.type === Type.Inline) {
      const text = this.inlineText ?? this.value;
      return text === undefined ? undefined : { value: unescapeOoxml(text), numFmt: fmt };
    }
    const v = this.value;
    // An empty cell formatted as a percentage (a progress cell left blank in a `0%` row) keeps its format: a ratio is
    // what it would show as a percentage, and the recalculation writes one there.
    if (v === undefined) return this.styles.percent[this.style] ? { value: null, numFmt: fmt } : undefined;
    switch (this.type) {
      case Type.Shared: {
        const s = this.strings[this.valueInt >= 0 ? this.valueInt : parseInt(v, 10)];
        return s === undefined ? undefined : { value: s, numFmt: fmt };
      }
      case Type.Str:
        return { value: unescapeOoxml(v), numFmt: fmt };
      case Type.Bool:
        return { value: parseInt(v, 10) !== 0, numFmt: fmt };
      case Type.Error:
        return { value: null, error: v, numFmt: fmt };
      case Type.Date: {
        const d = new Date(v.trim());
        return Number.isNaN(d.getTime()) ? { value: v, numFmt: fmt } : dateCell(d.toISOString(), fmt);
      }
      default:
        return this.numberCell(v, fmt);
    }
  }

  private numberCell(v: string, fmt: string | undefined): Cell {
    const n = this.valueInt >= 0 ? this.valueInt : parseFloat(v);
    if (this.styles.isDate[this.style]) {
      const iso = serialToIso(n, this.date1904);
      if (iso !== undefined) return dateCell(iso, fmt);
    }
    // A year header typed as a number (5 shown as 令和5年度) keeps the text it shows, as Office.js gives it.
    if (this.styles.integerYear[this.style] && Number.isInteger(n)) return { value: n, text: integerShown(n, fmt), numFmt: fmt };
    return { value: n, numFmt: fmt };
  }

  private put(row: number, col: number, cell: Cell): void {
    let cells = this.rows[row];
    if (!cells) this.rows[row] = cells = [];
    if (cells[col] === undefined && ++this.budget.count > this.budget.max) throw new XlsxReadError('too-many-cells', `> ${this.budget.max}`);
    cells[col] = cell;
  }

  /**
   * A merged area shows its top-left cell alone, as Excel does and as Office.js reads it (its other cells empty):
   * values stored under the rest of the area are not shown, so not read. The command line and the add-in so see
   * one grid: a label or a figure merged over several cells is one cell, never one per cell it covers.
   */
  private clearMerged(): void {
    let cleared = 0;
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom && r < this.rows.length; r++) {
        const cells = this.rows[r];
        if (!cells) continue;
        const right = Math.min(m.right, cells.length - 1);
        if (right < m.left) continue;
        cleared += right - m.left + 1;
        if (cleared > this.budget.max) throw new XlsxReadError('too-many-cells', `merged areas > ${this.budget.max}`);
        for (let c = m.left; c <= right; c++) {
          if ((r === m.top && c === m.left) || cells[c] === undefined) continue;
          delete cells[c];
          this.budget.count--;
        }
        trim(cells);
        if (cells.length === 0) delete this.rows[r];
      }
    }
    trim(this.rows);
  }
}

/** Drops trailing holes, so that a row's length is its last cell's column + 1. */
function trim<T>(list: (T | undefined)[]): void {
  let n = list.length;
  while (n > 0 && list[n - 1] === undefined) n--;
  list.length = n;
}

function cellType(buf: Uint8Array, vs: number, ve: number): Type {
  const len = ve - vs;
  const c = buf[vs];
  if (len === 1) {
    if (c === 115) return Type.Shared;
    if (c === 98) return Type.Bool;
    if (c === 101) return Type.Error;
    if (c === 100) return Type.Date;
    return Type.Number;
  }
  if (len === 3 && c === 115) return Type.Str;
  if (len === 9 && c === 105) return Type.Inline;
  return Type.Number;
}

/**
 * Whether an element has `hidden="1"` (or `"true"`): one pass over its attributes, looking only at names of six
 * letters, so that a row costs next to nothing more.
 */
function isHidden(buf: Uint8Array, a: number, ae: number): boolean {
  let i = a;
  while (i < ae) {
    while (i < ae && buf[i] <= 32) i++;
    if (i >= ae) return false;
    let nameStart = i;
    while (i < ae && buf[i] !== 61 && buf[i] > 32) {
      if (buf[i] === 58) nameStart = i + 1;
      i++;
    }
    const named = i - nameStart === 6 && buf[nameStart] === 104 /* h */ && buf[nameStart + 5] === 110 /* n */;
    while (i < ae && buf[i] !== 34 && buf[i] !== 39) i++;
    const q = buf[i];
    const vs = i + 1;
    let ve = vs;
    while (ve < ae && buf[ve] !== q) ve++;
    if (named && nameIs(buf, nameStart, nameStart + 6, 'hidden')) return buf[vs] === 49 /* 1 */ || buf[vs] === 116 /* t */;
    i = ve + 1;
  }
  return false;
}

/** A whole-number attribute with a one-letter local name, read in place; -1 when absent. */
function readNumberAttr(buf: Uint8Array, a: number, ae: number, letter: number): number {
  let i = a;
  while (i < ae) {
    while (i < ae && buf[i] <= 32) i++;
    let nameStart = i;
    while (i < ae && buf[i] !== 61 && buf[i] > 32) {
      if (buf[i] === 58) nameStart = i + 1;
      i++;
    }
    const isIt = i - nameStart === 1 && buf[nameStart] === letter;
    while (i < ae && buf[i] !== 34 && buf[i] !== 39) i++;
    const q = buf[i];
    let ve = i + 1;
    let n = 0;
    let digits = false;
    while (ve < ae && buf[ve] !== q) {
      const b = buf[ve];
      if (isIt && b >= 48 && b <= 57) {
        n = n * 10 + (b - 48);
        digits = true;
      }
      ve++;
    }
    if (isIt) return digits ? n : -1;
    i = ve + 1;
  }
  return -1;
}

/** A date cell; one shown as its year alone (`令和5年度`, a year header kept as a date) keeps that text. */
function dateCell(iso: string, fmt: string | undefined): Cell {
  const text = yearShown(iso, fmt);
  return text === undefined ? { value: iso, isDate: true, numFmt: fmt } : { value: iso, text, isDate: true, numFmt: fmt };
}
