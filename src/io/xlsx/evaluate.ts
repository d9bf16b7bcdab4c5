/**
 * Formula results a file does not hold, worked out as Excel shows them. Workbooks written by programs
 * (openpyxl, SheetJS) store formulas without their results, and some (xlsxwriter) store 0 for every
 * formula and ask Excel to recalculate on opening (`<calcPr fullCalcOnLoad="1"/>`): a check would
 * otherwise see no number, or a 0 Excel never shows, where a table computes its progress or a total.
 *
 * Only the arithmetic tables are built with is evaluated: numbers, text, references and ranges on any
 * sheet of the workbook, `+ - * / ^ & %`, comparisons, and SUM, SUMPRODUCT (a weighted mean), PRODUCT,
 * AVERAGE, MIN, MAX, COUNT, ROUND, ROUNDUP, ROUNDDOWN, ABS, INT, IF, IFERROR, and TEXT with a plain number format (`#,##0`,
 * `0.0%`: a summary line built from the table). A formula using anything else (another function, another format, a date,
 * a name, a whole column) keeps no result: the check says so at its cell, as before. Nothing is
 * written back: the file is never changed by reading it.
 */
import { cellIndex, type Cell, type Sheet } from '../../engine/grid.js';
import { Decimal } from '../../engine/decimal.js';
import { integerShown, isDateFormat, showsIntegersAsYears } from './numfmt.js';

/** A value a cell shows: a number, text, a boolean, nothing, or an error value. */
export type Scalar = number | string | boolean | null | { error: string };
type Value = Scalar | { range: Scalar[] };

/** A formula using what this evaluator does not know: it keeps no result. */
class Unsupported extends Error {}

const UNSUPPORTED = new Unsupported();

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; sheet: number; row: number; col: number }
  | { t: 'range'; sheet: number; top: number; left: number; bottom: number; right: number }
  | { t: 'unary'; op: string; a: Node }
  | { t: 'percent'; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

// Tokens: a number, a string, a (sheet-qualified) reference or range, a name (function or TRUE/FALSE), an operator.
const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?|\.\d+(?:[Ee][+-]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?(?![\w(])|([A-Za-z_][\w.]*)|(<>|<=|>=|[-+*/^&=<>%(),]))/y;

interface Token {
  kind: 'num' | 'str' | 'ref' | 'name' | 'op';
  text: string;
  sheet?: string;
  to?: string;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(formula);
    if (!m) {
      if (/^\s*$/.test(formula.slice(at))) break;
      throw UNSUPPORTED;
    }
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', text: m[2].replace(/""/g, '"') });
    else if (m[4] !== undefined) tokens.push({ kind: 'ref', text: m[4], sheet: m[3]?.slice(0, -1), to: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: 'name', text: m[6].toUpperCase() });
    else if (m[7] !== undefined) tokens.push({ kind: 'op', text: m[7] });
  }
  return tokens;
}

function address(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Recursive descent in Excel's precedence: comparison < & < + - < * / < ^ < % < unary minus. */
class Parser {
  private i = 0;
  private nesting = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly sheetIndex: (name: string | undefined) => number,
  ) {}

  parse(): Node {
    const node = this.comparison();
    if (this.i !== this.tokens.length) throw UNSUPPORTED;
    return node;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.i];
    return t?.kind === 'op' && ops.includes(t.text) ? t.text : undefined;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let a = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.i++;
      a = { t: 'bin', op, a, b: next() };
    }
    return a;
  }

  private comparison = (): Node => this.binary(this.concat, ['=', '<>', '<', '>', '<=', '>=']);
  private concat = (): Node => this.binary(this.additive, ['&']);
  private additive = (): Node => this.binary(this.multiplicative, ['+', '-']);
  private multiplicative = (): Node => this.binary(this.power, ['*', '/']);
  private power = (): Node => this.binary(this.percent, ['^']);

  private percent = (): Node => {
    let a = this.unary();
    while (this.peekOp('%')) {
      this.i++;
      a = { t: 'percent', a };
    }
    return a;
  };

  private unary = (): Node => {
    const op = this.peekOp('-', '+');
    if (op) {
      this.i++;
      return this.nested(() => ({ t: 'unary', op, a: this.unary() }));
    }
    return this.primary();
  };

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw UNSUPPORTED;
    if (t.kind === 'num') return { t: 'num', v: Number(t.text) };
    if (t.kind === 'str') return { t: 'str', v: t.text };
    if (t.kind === 'ref') {
      const sheet = this.sheetIndex(t.sheet);
      const a = address(t.text);
      if (!t.to) return { t: 'ref', sheet, ...a };
      const b = address(t.to);
      return { t: 'range', sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
    }
    if (t.kind === 'name' && this.peekOp('(')) {
      this.i++;
      return this.nested(() => ({ t: 'call', name: t.text, args: this.args() }));
    }
    if (t.kind === 'name' && (t.text === 'TRUE' || t.text === 'FALSE')) return { t: 'bool', v: t.text === 'TRUE' };
    if (t.kind === 'op' && t.text === '(') {
      return this.nested(() => {
        const inner = this.comparison();
        if (!this.peekOp(')')) throw UNSUPPORTED;
        this.i++;
        return inner;
      });
    }
    throw UNSUPPORTED;
  }

  /** A function's arguments after its `(`, up to its `)`. */
  private args(): Node[] {
    const args: Node[] = [];
    if (this.peekOp(')')) {
      this.i++;
      return args;
    }
    for (;;) {
      args.push(this.comparison());
      const sep = this.peekOp(',', ')');
      if (!sep) throw UNSUPPORTED;
      this.i++;
      if (sep === ')') return args;
    }
  }

  /** Parentheses and functions nest no deeper than Excel allows (and than the stack can follow). */
  private nested(parse: () => Node): Node {
    if (++this.nesting > MAX_NESTING) throw UNSUPPORTED;
    const node = parse();
    this.nesting--;
    return node;
  }
}

const isError = (v: Value): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;
const ERR = (error: string): { error: string } => ({ error });

/** A result of arithmetic: #NUM! when it leaves the numbers. */
function excelNumber(n: number): Scalar {
  return Number.isFinite(n) ? n : ERR('#NUM!');
}

/** A formula's result as Excel shows it, to 15 significant digits (0.1 + 0.2 is 0.3); Excel has no -0 (`ROUND(-0.3,0)`). */
export function shownNumber(v: Scalar): Scalar {
  if (typeof v !== 'number') return v;
  return v === 0 ? 0 : Number(v.toPrecision(15));
}

/** A value in arithmetic: an empty cell is 0, TRUE 1, text that reads as a number that number, other text #VALUE!. */
function toNumber(v: Scalar): number | { error: string } {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const m = /^\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?)\s*(%?)\s*$/.exec(v);
  if (!m || !/\d/.test(m[1])) return ERR('#VALUE!');
  const n = Number(m[1].replace(/,/g, ''));
  return m[2] ? n / 100 : n;
}

function toText(v: Scalar): string | { error: string } {
  if (isError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' ? String(shownNumber(v)) : v;
}

function round(x: number, digits: number, mode: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8): number {
  const d = Math.trunc(digits);
  const value = new Decimal(x.toPrecision(15));
  if (d >= 0) return value.toDecimalPlaces(d, mode).toNumber();
  const scale = new Decimal(10).pow(-d);
  return value.div(scale).toDecimalPlaces(0, mode).times(scale).toNumber();
}

/** The numbers a function like SUM takes from its arguments: a range's numbers (text and blanks skipped), a scalar coerced. */
function numbersOf(args: Value[]): number[] | { error: string } {
  const out: number[] = [];
  for (const a of args) {
    if (isError(a)) return a;
    if (typeof a === 'object' && a !== null && 'range' in a) {
      for (const v of a.range) {
        if (isError(v)) return v;
        if (typeof v === 'number') out.push(v);
      }
      continue;
    }
    const n = toNumber(a);
    if (typeof n !== 'number') return n;
    out.push(n);
  }
  return out;
}

/** How deep references may chain (a formula over a formula over …) before the rest is left without a result. */
const MAX_DEPTH = 400;
/** Excel's own limits: a formula's length, and how deep functions nest. */
const MAX_FORMULA = 8192;
const MAX_NESTING = 64;
/** Cells of ranges read in all, for a whole workbook: a file of many formulas over large ranges costs no more. */
const RANGE_BUDGET = 20_000_000;

class Evaluator {
  private readonly state = new Map<string, Scalar | 'pending'>();
  private depth = 0;
  private rangeCells = 0;

  constructor(
    private readonly sheets: Sheet[],
    private readonly recompute: boolean,
  ) {}

  private readonly byName = new Map<string, number>();

  sheetIndex(name: string | undefined, current: number): number {
    if (name === undefined) return current;
    const bare = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
    if (this.byName.size === 0) this.sheets.forEach((s, i) => this.byName.set(s.name.toLowerCase(), i));
    const i = this.byName.get(bare.toLowerCase());
    if (i === undefined) throw UNSUPPORTED;
    return i;
  }

  /** Whether a cell's formula is worked out here rather than taken from the file. */
  needs(cell: Cell): boolean {
    return cell.formula !== undefined && (cell.noCachedResult === true || this.recompute);
  }

  /** The value a cell shows: its own, or its formula's result worked out. Throws UNSUPPORTED. */
  valueAt(sheet: number, row: number, col: number): Scalar {
    const cell = this.sheets[sheet]?.rows[row]?.[col];
    if (!cell) return null;
    if (!this.needs(cell)) {
      if (cell.error) return ERR(cell.error);
      if (cell.isDate) throw UNSUPPORTED;
      return cell.value;
    }
    const key = `${sheet}:${row}:${col}`;
    const known = this.state.get(key);
    if (known === 'pending') throw UNSUPPORTED;
    if (known !== undefined) return known;
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      throw UNSUPPORTED;
    }
    this.state.set(key, 'pending');
    try {
      const v = this.formula(cell.formula!, sheet);
      this.state.set(key, v);
      return v;
    } catch (e) {
      this.state.delete(key);
      throw e;
    } finally {
      this.depth--;
    }
  }

  formula(text: string, sheet: number): Scalar {
    if (text.length > MAX_FORMULA) throw UNSUPPORTED;
    const node = new Parser(tokenize(text.replace(/^=/, '')), (name) => this.sheetIndex(name, sheet)).parse();
    const v = node.t === 'bin' && (node.op === '+' || node.op === '-') ? this.finalSum(node) : this.compute(node);
    if (typeof v === 'object' && v !== null && 'range' in v) {
      // A lone range of one cell gives that cell.
      return v.range.length === 1 ? shownNumber(v.range[0] ?? 0) : ERR('#VALUE!');
    }
    return v === null ? 0 : shownNumber(v);
  }

  private compute(node: Node): Value {
    switch (node.t) {
      case 'num':
      case 'str':
      case 'bool':
        return node.v;
      case 'ref':
        return this.valueAt(node.sheet, node.row, node.col);
      case 'range': {
        const cells = (node.bottom - node.top + 1) * (node.right - node.left + 1);
        if (cells > 100_000 || (this.rangeCells += cells) > RANGE_BUDGET) throw UNSUPPORTED;
        const range: Scalar[] = [];
        for (let r = node.top; r <= node.bottom; r++) for (let c = node.left; c <= node.right; c++) range.push(this.valueAt(node.sheet, r, c));
        return { range };
      }
      case 'unary': {
        const n = toNumber(this.scalar(node.a));
        return typeof n !== 'number' ? n : node.op === '-' ? excelNumber(-n) : n;
      }
      case 'percent': {
        const n = toNumber(this.scalar(node.a));
        return typeof n !== 'number' ? n : excelNumber(n / 100);
      }
      case 'bin':
        return this.binary(node.op, this.scalar(node.a), this.scalar(node.b));
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  /**
   * The sum or difference a formula ends with: 0 where its two figures cancel to 15 digits (`0.1+0.2-0.3` leaves
   * 5.55e-17 in binary), as Excel makes a last addition or subtraction that comes out at almost 0 (not one inside
   * another operation, `1*(0.1+0.2-0.3)`).
   */
  private finalSum(node: Extract<Node, { t: 'bin' }>): Value {
    const a = this.scalar(node.a);
    const b = this.scalar(node.b);
    const v = this.binary(node.op, a, b);
    if (typeof v !== 'number' || v === 0) return v;
    const x = toNumber(a);
    const y = toNumber(b);
    if (typeof x !== 'number' || typeof y !== 'number') return v;
    return fifteen(x) === fifteen(node.op === '-' ? y : -y) ? 0 : v;
  }

  private scalar(node: Node): Scalar {
    const v = this.compute(node);
    if (typeof v === 'object' && v !== null && 'range' in v) {
      if (v.range.length === 1) return v.range[0];
      throw UNSUPPORTED;
    }
    return v;
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (op === '&') {
      const x = toText(a);
      const y = toText(b);
      return isError(x) ? x : isError(y) ? y : x + y;
    }
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      if (isError(a)) return a;
      if (isError(b)) return b;
      const c = compare(a, b);
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    const x = toNumber(a);
    if (typeof x !== 'number') return x;
    const y = toNumber(b);
    if (typeof y !== 'number') return y;
    switch (op) {
      case '+':
        return excelNumber(x + y);
      case '-':
        return excelNumber(x - y);
      case '*':
        return excelNumber(x * y);
      case '/':
        return y === 0 ? ERR('#DIV/0!') : excelNumber(x / y);
      default:
        return x === 0 && y < 0 ? ERR('#DIV/0!') : excelNumber(x ** y);
    }
  }

  private call(name: string, args: Node[]): Value {
    switch (name) {
      case 'SUM':
      case 'AVERAGE':
      case 'MIN':
      case 'MAX':
      case 'COUNT': {
        const values = args.map((a) => this.compute(a));
        if (name === 'COUNT') return values.reduce<number>((n, v) => n + (typeof v === 'object' && v !== null && 'range' in v ? v.range.filter((x) => typeof x === 'number').length : typeof v === 'number' ? 1 : 0), 0);
        const ns = numbersOf(values);
        if (!Array.isArray(ns)) return ns;
        if (name === 'SUM') return excelNumber(ns.reduce((s, n) => s + n, 0));
        if (ns.length === 0) return name === 'AVERAGE' ? ERR('#DIV/0!') : 0;
        if (name === 'AVERAGE') return excelNumber(ns.reduce((s, n) => s + n, 0) / ns.length);
        return name === 'MIN' ? Math.min(...ns) : Math.max(...ns);
      }
      case 'SUMPRODUCT': {
        // Ranges of one size multiplied cell by cell and added up; what is not a number counts as 0.
        const arrays = args.map((a) => {
          const v = this.compute(a);
          return typeof v === 'object' && v !== null && 'range' in v ? v.range : [v];
        });
        if (arrays.length === 0 || arrays.some((a) => a.length !== arrays[0].length)) return ERR('#VALUE!');
        let total = 0;
        for (let k = 0; k < arrays[0].length; k++) {
          let product = 1;
          for (const a of arrays) {
            const v = a[k];
            if (isError(v)) return v;
            product *= typeof v === 'number' ? v : 0;
          }
          total += product;
        }
        return excelNumber(total);
      }
      case 'PRODUCT': {
        const ns = numbersOf(args.map((a) => this.compute(a)));
        return Array.isArray(ns) ? excelNumber(ns.reduce((p, n) => p * n, 1)) : ns;
      }
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        if (args.length !== 2) throw UNSUPPORTED;
        const x = toNumber(this.scalar(args[0]));
        if (typeof x !== 'number') return x;
        const d = toNumber(this.scalar(args[1]));
        if (typeof d !== 'number') return d;
        return round(x, d, name === 'ROUND' ? Decimal.ROUND_HALF_UP : name === 'ROUNDUP' ? Decimal.ROUND_UP : Decimal.ROUND_DOWN);
      }
      case 'ABS':
      case 'INT': {
        if (args.length !== 1) throw UNSUPPORTED;
        const x = toNumber(this.scalar(args[0]));
        if (typeof x !== 'number') return x;
        return name === 'ABS' ? Math.abs(x) : Math.floor(x);
      }
      case 'IF': {
        if (args.length < 2 || args.length > 3) throw UNSUPPORTED;
        const test = this.scalar(args[0]);
        if (isError(test)) return test;
        if (typeof test === 'string') return ERR('#VALUE!');
        const truth = toNumber(test);
        if (typeof truth !== 'number') return truth;
        return truth !== 0 ? this.scalar(args[1]) : args.length === 3 ? this.scalar(args[2]) : false;
      }
      case 'TEXT': {
        if (args.length !== 2) throw UNSUPPORTED;
        const v = this.scalar(args[0]);
        const format = toText(this.scalar(args[1]));
        if (isError(v)) return v;
        if (isError(format)) return format;
        const x = toNumber(v);
        // Text that is no number is shown as it is, whatever the format.
        if (typeof x !== 'number') return typeof v === 'string' ? v : x;
        return textOf(x, format);
      }
      case 'IFERROR': {
        if (args.length !== 2) throw UNSUPPORTED;
        const v = this.scalar(args[0]);
        return isError(v) ? this.scalar(args[1]) : v;
      }
      default:
        throw UNSUPPORTED;
    }
  }
}

// The number formats TEXT is worked out for: whole numbers or decimals, grouped or not, as a percentage or not
// (`0`, `#,##0`, `0.0`, `0%`, `0.0%`); any other (dates, literals, sections) leaves the formula to Excel.
const TEXT_FORMAT = /^(#,##0|0)(?:\.(0+))?(%?)$/;

/** TEXT(x, format) for the formats of TEXT_FORMAT: rounded half away from zero to the format's decimals, as Excel shows it. */
function textOf(x: number, format: string): string {
  const m = TEXT_FORMAT.exec(format);
  if (!m) throw UNSUPPORTED;
  const decimals = m[2]?.length ?? 0;
  const value = new Decimal(x.toPrecision(15)).times(m[3] ? 100 : 1).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const digits = value.abs().toFixed(decimals);
  const grouped = m[1] === '#,##0' ? digits.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ',')) : digits;
  return `${value.isNegative() && !value.isZero() ? '-' : ''}${grouped}${m[3]}`;
}

/** Excel's order for comparing: numbers < text < booleans; text without regard to case; blank as 0 or "". */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'boolean' ? 2 : typeof v === 'string' ? 1 : 0);
  const x = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const y = b === null ? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  // Numbers as Excel shows them, to 15 digits: 0.1 + 0.2 = 0.3, and 8290/2000*100 (414.4999… in binary) >= 414.5.
  return fifteen(Number(x)) - fifteen(Number(y));
}

/** A number to the 15 significant digits Excel keeps. */
function fifteen(n: number): number {
  return Number(n.toPrecision(15));
}

/** The cell a formula's worked-out result makes, as the reader makes one; undefined when its format would need more (a date). */
export function resultCell(cell: Cell, v: Scalar): Cell | undefined {
  if (isError(v)) return { value: null, error: v.error, numFmt: cell.numFmt, formula: cell.formula };
  if (typeof v === 'number' && isDateFormat(cell.numFmt)) return undefined;
  // A year header worked out as a number (`=D3+1` in `"令和"0"年度"`) shows its year, as the reader gives a typed one.
  if (typeof v === 'number' && Number.isInteger(v) && showsIntegersAsYears(cell.numFmt)) return { value: v, text: integerShown(v, cell.numFmt), numFmt: cell.numFmt, formula: cell.formula };
  return { value: v, numFmt: cell.numFmt, formula: cell.formula };
}

/**
 * Each formula cell `evaluator` works out (those it `needs`), in reading order, with its result and the cell that result
 * makes; `worked` is undefined when it cannot work the formula out (or the cell's format would need more: a date).
 */
function forEachFormula(
  sheets: Sheet[],
  evaluator: Evaluator,
  visit: (sheet: number, row: number, col: number, cells: (Cell | undefined)[], cell: Cell, worked: { value: Scalar; cell: Cell } | undefined) => void,
): void {
  sheets.forEach((sheet, s) => {
    sheet.rows.forEach((cells, r) => {
      if (!cells) return;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell || !evaluator.needs(cell)) continue;
        let worked: { value: Scalar; cell: Cell } | undefined;
        try {
          const value = evaluator.valueAt(s, r, c);
          const next = resultCell(cell, value);
          if (next) worked = { value, cell: next };
        } catch (e) {
          // A formula too long for the stack to follow (thousands of terms) is left as one it does not know.
          if (!(e instanceof Unsupported) && !(e instanceof RangeError)) throw e;
        }
        visit(s, r, c, cells, cell, worked);
      }
    });
  });
}

/**
 * Works out the formulas of `sheets` that hold no result (all of them when `recompute`: the file asks for a full
 * recalculation on opening), in place. A formula it cannot work out keeps what the file holds, except a cached 0 the
 * file asks to recompute (xlsxwriter stores 0 for every formula), which is no result (`noCachedResult`).
 */
export function evaluateFormulas(sheets: Sheet[], recompute: boolean): void {
  const results: { rows: (Cell | undefined)[]; col: number; cell: Cell }[] = [];
  const computed = new Map<Sheet, number>();
  forEachFormula(sheets, new Evaluator(sheets, recompute), (s, _r, c, cells, cell, worked) => {
    let next = worked?.cell;
    if (next && !next.noCachedResult) computed.set(sheets[s], (computed.get(sheets[s]) ?? 0) + 1);
    // One it cannot work out keeps the result the file holds, unless that is the 0 a writer stores for every formula
    // (xlsxwriter): Excel would show another value once recalculated.
    if (!next && !cell.noCachedResult && cell.value === 0) next = { value: null, formula: cell.formula, noCachedResult: true, numFmt: cell.numFmt };
    if (next) results.push({ rows: cells, col: c, cell: next });
  });
  // Written after every formula is worked out: each read the cells as the file holds them.
  for (const { rows, col, cell } of results) rows[col] = cell;
  for (const [sheet, n] of computed) sheet.computedFormulas = n;
}

/**
 * Every formula of `sheets` worked out afresh from what the other cells hold, as Excel recalculating would: per sheet
 * (by index), per cell (`cellIndex(row, col)`), the value it shows. A formula it cannot work out (another function, a
 * date, past the limits) has no entry. Nothing is changed.
 */
export function formulaResults(sheets: Sheet[]): Map<number, Scalar>[] {
  const results = sheets.map(() => new Map<number, Scalar>());
  forEachFormula(sheets, new Evaluator(sheets, true), (s, r, c, _cells, _cell, worked) => {
    if (worked) results[s].set(cellIndex(r, c), worked.value);
  });
  return results;
}
