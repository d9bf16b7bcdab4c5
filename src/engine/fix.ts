/**
 * The one-click recalculation (SPEC §5) as data: which progress cells get which value, in the
 * convention of their row, and what each held before. Adapters apply the plan; nothing else is touched.
 */
import { Decimal, dec, roundHalfUp } from './decimal.js';
import { asNumber, isRatioCell, progressOf, progressStatuses, reachable, statedDecimals, statesMultiple, targetOfYear, totalProgressStatus } from './compute.js';
import { a1, cellIndex } from './grid.js';
import { columnOfYear, indexTargets, indicatorAccepts, indicatorBasis, indicatorProgress, ownProgressStatus, runningPairOf, runningProgressStatus, runningTotals, statedWeightedPart, summaryTarget, summaryYear, type RunningPair } from './indicators.js';
import { BOUND, BY_HOW_MUCH, MARKS_BEFORE, REACH_WORD, formatInfo, parseNumberText, type NumberValue } from './numbers.js';
import type { Model, NumericTarget, SummaryRow, SummaryTable, ValueCell } from './model.js';

export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  address: string;
  /** The value written: a number, or text such as `138%` when the row holds text. */
  value: number | string;
  /** Formula (without `=`) when formulas were asked for and can compute the value. */
  formula?: string;
  /** Number format to give the cell (copied from its row), when it has none of its own. */
  numFmt?: string;
  /** A cell whose style the written cell takes, when it had none (xlsx adapter). */
  styleFrom?: { row: number; col: number };
  /** What the cell held before, for undo. */
  before: { value: number | string | boolean | null; formula?: string; numFmt?: string };
  reason: 'mismatch' | 'missing';
  what: 'progress' | 'indicator-progress' | 'summary-progress';
  target: string;
  year: number | null;
}

export interface RecalculationPlan {
  writes: CellWrite[];
  /**
   * Cells that got a value although formulas were asked for: a progress whose target or actual is text, not a number
   * (`8者`), or whose row writes its progress as text; an indicator's weighted progress.
   */
  valuesInsteadOfFormulas: string[];
  /**
   * Cells written with a mark that says the target was reached (`○`) under a progress of less than 100 %, or not
   * reached (`×`, `△`) over one of 100 % or more: the workbook shows no mark of its own for the other case, so the
   * cell's own was kept.
   */
  marksKept: string[];
}

export interface RecalculationOptions {
  formulas?: boolean;
  /**
   * Cells (`Sheet!E9`) the file takes no write into (the first cell of a shared formula, a cell inside an array formula's
   * range or a merged area): never planned, so that a summary restating one is left as it is, as the cell is.
   */
  unwritable?: ReadonlySet<string>;
}

interface Convention {
  kind: 'number' | 'ratio' | 'text';
  /** Text of a bare ratio (`1.38` for 138 %), as a row of ratios typed as text holds it. */
  textRatio?: boolean;
  numFmt?: string;
  /** What the cell's own text writes before its number, kept: a mark (`○`, `◎`), a word (`達成 `), a parenthesis. */
  prefix?: string;
  suffix: string;
  fullWidth: boolean;
  /** Decimals a text shows (`70.0%`, `103.5%`): the number written shows as many, at least. */
  decimals?: number;
  /** The minus sign a row of texts writes (`△12%`, `▲5%`), in place of `-`. */
  minus?: string;
  /** The thousands separator a row of texts writes (`4,210%`, `４，２１０％`). */
  grouping?: string;
  styleFrom?: { row: number; col: number };
}

/**
 * How a row writes its progress: `0%` numbers hold 1.38, plain numbers 138, text `138%`. `point`
 * is the unrounded progress, the one the check compares the cell with, so that a cell written
 * as a ratio is read back as one. `readsRatios` false: the check reads the cell's bare number as a percentage (an
 * indicator's or a summary's progress), so only a `%` format makes it a ratio.
 */
function conventionOf(cell: ValueCell, siblings: ValueCell[], point: Decimal, readsRatios = true, pointOf?: (s: ValueCell) => Decimal | undefined): Convention {
  if (cell.inline) {
    // What follows the number in the line is kept (`%`, `％`, a note such as `（見込）`), but a unit other than `%`.
    const whole = cell.text.trim();
    const { lead, closing, number: t } = aroundNumber(whole);
    // A share in 割 written in kanji (`四割`) is rewritten as the percentage it reads as, as one in digits is.
    const own = NUMBER_THEN.exec(t)?.[1] ?? (t.includes('割') ? '割' : '');
    const grouping = separatorOf(t);
    const kept = { ...(lead && { prefix: lead }), fullWidth: /^[０-９]/.test(t) };
    // A multiple (`進捗度 1.50倍`) is rewritten as one: `1.04倍`.
    if (multiple(cell)) return { kind: 'text', suffix: `${own}${closing}`, ...kept, textRatio: true };
    return { kind: 'text', suffix: `${readsAsPercent(own) ? own : '%'}${closing}`, ...kept, decimals: shownDecimals(cell), ...(grouping && { grouping }) };
  }
  // A blank (empty, or `-` as a placeholder) takes the convention of a neighbour that holds a number.
  const row = writingOfRow(siblings);
  const sample = holdsNumber(cell) ? cell : (row.holdingNumber ?? (cell.storage !== 'empty' ? cell : row.filled));
  // A cell that holds no number of its own (empty, or a `-` placeholder) takes that neighbour's style too, so that
  // a ratio written into it shows as `1%`, not `0.01`.
  const styleFrom = cell.storage !== 'number' && sample && sample !== cell ? { row: sample.ref.row, col: sample.ref.col } : undefined;
  if (sample?.storage === 'text') {
    const t = sample.text.trim();
    // The cell's own text keeps what follows its number (`%`, and a note such as `(見込)`); a neighbour's lends its `%` only.
    // A unit other than `%` (`87億円`, `177,000 (千円)` typed into a progress row) gives way to `%`: kept, the number
    // would read back as 100億 or 100,000 円 and never settle.
    // A mark or word before the number (`○104%`, `達成 104%`) or parentheses around it (`(104%)`) are kept, as the check reads past them.
    const { lead, closing, number } = sample === cell ? aroundNumber(t) : { lead: '', closing: '', number: t };
    const own = sample === cell ? NUMBER_THEN.exec(number)?.[1] : undefined;
    // A row of multiples (`1.04倍`) is written in multiples, with the cell's own words after the number or the neighbour's 倍.
    if (multiple(sample)) return { kind: 'text', suffix: own ?? '倍', fullWidth: /^[０-９]/.test(t), styleFrom, textRatio: true };
    // The neighbour's `%` as it writes it: `％`, after full-width digits (`１３６％`), after a space (`130 %`).
    // A share in 割 (`五割`, `5割2分`) is written as the percentage it reads as.
    const suffix = own === undefined ? (/[\d０-９](\s*[%％])/.exec(t)?.[1] ?? (t.includes('割') && sample.parsed.kind === 'number' && sample.parsed.percent ? '%' : '')) : readsAsPercent(own) ? own : '%';
    // A bare number read as a ratio (`1.40`, as the check reads it) gets a ratio: `138` would change the row's way.
    const textRatio = suffix === '' && readsRatios && statesRatio(sample, siblings, point, pointOf);
    // A negative written with △ or ▲, as Japanese tables write it; thousands grouped in the row (`4,210%`): a progress
    // over 1,000 % is written grouped too. The sample's own, else the row's first (looked for once per row).
    const minus = minusOf(sample) ?? row.minus;
    const grouping = groupingOf(sample) ?? row.grouping;
    return {
      kind: 'text',
      suffix: `${suffix}${closing}`,
      ...(lead && { prefix: lead }),
      fullWidth: /^[０-９]/.test(number),
      styleFrom,
      ...(minus && { minus }),
      ...(grouping && { grouping }),
      ...(textRatio ? { textRatio } : { decimals: shownDecimals(sample) }),
    };
  }
  // An empty cell formatted as a percentage of its own shows a ratio as its percent (1.38 as 138%): it gets a ratio,
  // whatever number its neighbours hold (138 written there would show as 13800%).
  if (cell.storage === 'empty' && formatInfo(cell.numFmt).percent) return { kind: 'ratio', suffix: '', fullWidth: false };
  if (sample?.storage === 'number') {
    const numFmt = sample.numFmt;
    const info = formatInfo(numFmt);
    // A `0.00"倍"` cell shows a multiple: 1.04 is 104 %.
    if (multiple(sample)) return { kind: 'ratio', numFmt: sample === cell ? undefined : numFmt, suffix: '', fullWidth: false, styleFrom };
    // A format that shows a unit or a date (`"令和"0"年度"`, `0"件"`) is no way to show a progress: a plain number, as
    // `進捗度(%)` rows hold, never a ratio (the check reads such a cell's number as it stands) and, from a neighbour,
    // without its format (the number written would read back in that unit).
    if (!info.percent && (info.isDate || info.exponentStep > 0 || (info.unitText !== '' && !readsAsPercent(info.unitText)))) return { kind: 'number', suffix: '', fullWidth: false };
    const ratio = info.percent || (readsRatios && statesRatio(sample, siblings, point, pointOf));
    return { kind: ratio ? 'ratio' : 'number', numFmt: sample === cell ? undefined : numFmt, suffix: '', fullWidth: false, styleFrom };
  }
  // Nothing in the row to copy: a plain number, as `進捗度(%)` rows hold.
  return { kind: 'number', suffix: '', fullWidth: false };
}

const minusOf = (x: ValueCell) => (x.storage === 'text' ? /^\s*([△▲])/.exec(x.text)?.[1] : undefined);
const groupingOf = (x: ValueCell) => (x.storage === 'text' ? separatorOf(x.text) : undefined);
const holdsNumber = (s: ValueCell) => (s.storage === 'number' || s.storage === 'text') && s.parsed.kind === 'number';

interface RowWriting {
  /** The row's first cell holding a number, and its first holding anything (a `-` placeholder too). */
  holdingNumber?: ValueCell;
  filled?: ValueCell;
  /** The first minus sign (`△`) and thousands separator its cells write. */
  minus?: string;
  grouping?: string;
}

/**
 * What a row's cells show of how the row is written, by row, looked for once: each of a summary table's n rows is written
 * as its whole column is, and would look through the column's n cells.
 */
let rowWritings = new WeakMap<readonly ValueCell[], RowWriting>();
function writingOfRow(cells: readonly ValueCell[]): RowWriting {
  let found = rowWritings.get(cells);
  if (!found) {
    found = {};
    for (const c of cells) {
      if (!found.holdingNumber && holdsNumber(c)) found.holdingNumber = c;
      if (!found.filled && (c.storage === 'number' || c.storage === 'text')) found.filled = c;
      found.minus ??= minusOf(c);
      found.grouping ??= groupingOf(c);
    }
    rowWritings.set(cells, found);
  }
  return found;
}

/** Whether a cell states its progress as a multiple (`1.04倍`), which the check reads as a ratio. */
function multiple(cell: ValueCell): boolean {
  return cell.parsed.kind === 'number' && statesMultiple(cell.parsed);
}

/**
 * Whether a cell's number is a ratio (1.38 for 138 %), as the check reads it. A 0 reads the same either way and tells
 * nothing: the row's first other number of the same storage decides, and a row of nothing else is written in percent
 * (a 1 written as a ratio there would read back as 1 % in a summary).
 */
function statesRatio(sample: ValueCell, siblings: ValueCell[], point: Decimal, pointOf?: (s: ValueCell) => Decimal | undefined): boolean {
  const telling = (s: ValueCell) => s.storage === sample.storage && s.parsed.kind === 'number' && !s.parsed.value.isZero();
  // Under 1 % a ratio would read back as a percent (isRatioCell): the cell is written in percent.
  if (point.abs().lt(1)) return false;
  // Each number against its own progress where it is known. A low progress (under 20 %) reads as a ratio only within a
  // point, so the first number of a progress not low decides when there is one: a blank, or a wrong 0.12, beside 1.03
  // and 1.38 is written as a ratio. The sample first, then the others as far as needed (a summary's column may be long).
  let first: { parsed: NumberValue; p: Decimal } | undefined;
  for (let k = -1; k < siblings.length; k++) {
    const c = k < 0 ? sample : siblings[k];
    if ((k >= 0 && c === sample) || !telling(c) || c.parsed.kind !== 'number') continue;
    const p = c === sample ? point : (pointOf?.(c) ?? point);
    if (p.abs().gte(20)) return isRatioCell(c.parsed, p);
    first ??= { parsed: c.parsed, p };
  }
  return first !== undefined && isRatioCell(first.parsed, first.p);
}

/** The decimals a text percentage (or a bare number) shows: 1 for `70.0%` and `１０３．５％`, none for a figure in another unit. */
function shownDecimals(cell: ValueCell): number {
  const p = cell.parsed;
  return p.kind === 'number' && (p.percent || p.unit === null || p.unit === '') && p.scaleLabel === '' ? Math.max(0, p.decimals) : 0;
}

/** The separator a typed number groups its thousands with (`4,210%`, `４，２１０％`), if it groups them. */
function separatorOf(text: string): string | undefined {
  return /^\s*(?:約)?[△▲+\-−‐‑‒–]?[\d０-９]{1,3}([,，])[\d０-９]{3}(?![\d０-９])/.exec(text)?.[1];
}

/** A number as typed, and what follows it. */
const NUMBER_THEN = /^(?:約)?[△▲+\-−‐‑‒–]?[\d０-９,，.．]+(.*)$/s;

/** Whether a number followed by `suffix` reads back as that number of percent (or a bare number). */
function readsAsPercent(suffix: string): boolean {
  const p = parseNumberText(`100${suffix}`);
  return p.kind === 'number' && p.value.eq(100) && (p.unit === null || p.unit === '' || p.percent);
}

/** Marks saying a target was reached (`○104%`), or not (`×62%`, `62%△`); any other (`●`) says nothing of it. */
const REACHED_MARK = /[○◎〇◯]/;
const NOT_REACHED_MARK = /[×✕✖△▲]/;
/** A mark before a progress's figure (△ and ▲ there are minus signs), or after it. */
const MARK_BEFORE = /^\s*([○◎〇◯×✕✖])/;
const MARK_AFTER = /[\d０-９%％]\s*([○◎〇◯×✕✖△▲])\s*$/;

/** Whether a mark says the target was reached (true), was not (false), or neither (undefined). */
function markSays(mark: string): boolean | undefined {
  return REACHED_MARK.test(mark) ? true : NOT_REACHED_MARK.test(mark) ? false : undefined;
}

/** A progress's mark, before or after its figure. */
function markOf(text: string): string | undefined {
  return MARK_BEFORE.exec(text)?.[1] ?? MARK_AFTER.exec(text)?.[1];
}

/**
 * A mark a table writes with its progress: the figures (percent) it writes it with where it says what they say, and
 * whether it writes it on the other side of 100 % too (`○95%` beside `○104%`: the table's ○ is no mark of 100 % reached).
 */
export interface MarkUse {
  mark: string;
  lo?: Decimal;
  hi?: Decimal;
  across: boolean;
}

/** The marks the cells of a table write with their figures (`○104%`, `×62%`): those the recalculation may write for the other case. */
function marksUsed(cells: ValueCell[]): MarkUse[] {
  const uses = new Map<string, MarkUse>();
  for (const cell of cells) {
    if (cell.storage !== 'text' || cell.parsed.kind !== 'number' || !cell.parsed.percent) continue;
    const mark = markOf(cell.text);
    const says = mark === undefined ? undefined : markSays(mark);
    if (mark === undefined || says === undefined) continue;
    const figure = cell.parsed.value;
    const use = uses.get(mark) ?? { mark, across: false };
    if (figure.gte(100) !== says) use.across = true;
    else {
      use.lo = use.lo ? Decimal.min(use.lo, figure) : figure;
      use.hi = use.hi ? Decimal.max(use.hi, figure) : figure;
    }
    uses.set(mark, use);
  }
  return [...uses.values()];
}

/**
 * The mark to write with a progress in place of `own`: its own where it says what the progress says (or says nothing);
 * else the table's mark for that case, the one whose figures take the progress in (or the nearest, outside them all).
 * Undefined: the table shows none that fits, or several it falls between.
 */
function fittingMark(own: string, expected: Decimal, uses: MarkUse[][]): string | undefined {
  const reached = expected.gte(100);
  const says = markSays(own);
  if (says === undefined || says === reached) return own;
  // A table writing the cell's own mark on both sides of 100 % draws its line elsewhere: the mark is left as it is.
  if (uses.find((list) => list.some((u) => u.mark === own))?.find((u) => u.mark === own)?.across) return undefined;
  // The table's marks for the case, else the workbook's.
  const sideOf = (list: MarkUse[]) => list.filter((u): u is Required<MarkUse> => markSays(u.mark) === reached && !u.across && u.lo !== undefined && u.hi !== undefined);
  const side = (uses.map(sideOf).find((list) => list.length > 0) ?? []).sort((a, b) => a.lo.comparedTo(b.lo));
  if (side.length <= 1) return side[0]?.mark;
  const within = side.filter((u) => expected.gte(u.lo) && expected.lte(u.hi));
  if (within.length === 1) return within[0].mark;
  if (within.length > 1) return undefined;
  if (expected.lt(side[0].lo)) return side[0].mark;
  if (expected.gt(side[side.length - 1].hi)) return side[side.length - 1].mark;
  return undefined;
}

/** The text with its mark (before or after the figure) replaced by the one fitting the progress, where one fits. */
function withFittingMark(text: string, expected: Decimal, uses: MarkUse[][]): string {
  const before = MARK_BEFORE.exec(text);
  if (before) {
    const mark = fittingMark(before[1], expected, uses);
    return mark ? text.replace(before[1], mark) : text;
  }
  const after = MARK_AFTER.exec(text);
  if (!after) return text;
  const mark = fittingMark(after[1], expected, uses);
  return mark ? `${text.slice(0, text.length - after[0].length)}${after[0].replace(after[1], mark)}` : text;
}

/** Whether a progress written carries a mark saying the opposite of its figure (`○62%`). */
function markContradicts(text: string, expected: Decimal): boolean {
  const mark = markOf(text);
  const says = mark === undefined ? undefined : markSays(mark);
  return says !== undefined && says !== expected.gte(100);
}

function render(expected: Decimal, conv: Convention, marks: MarkUse[][] = []): number | string {
  const shown = renderFigure(expected, conv);
  return typeof shown === 'string' ? withFittingMark(shown, expected, marks) : shown;
}

function renderFigure(expected: Decimal, conv: Convention): number | string {
  if (conv.kind === 'ratio') return expected.div(100).toNumber();
  if (conv.kind === 'number') return expected.toNumber();
  // A ratio shows two more decimals than its percent: 138 → `1.38`, 140 → `1.40`, 103.5 → `1.035`.
  // A percentage shows the row's decimals: 68 in a row of `70.0%` is `68.0%` (as a `0.0%` format shows it).
  const digits = conv.textRatio ? expected.div(100).toFixed(expected.decimalPlaces() + 2) : expected.toFixed(Math.max(expected.decimalPlaces(), conv.decimals ?? 0));
  // A row grouping its thousands (`4,210%`) gets them grouped: 1100 → `1,100`.
  const grouped = conv.grouping ? digits.replace(/^-?\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, conv.grouping!)) : digits;
  const signed = conv.minus && grouped.startsWith('-') ? `${conv.minus}${grouped.slice(1)}` : grouped;
  const shown = conv.fullWidth ? signed.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : signed;
  return `${conv.prefix ? reachedWord(conv.prefix, expected) : ''}${shown}${reachedNote(withoutBound(conv.suffix), expected)}`;
}

/**
 * What may stand before a progress's number, as parseNumberText reads past it: a mark, a word saying whether it was
 * reached, a parenthesis (after such a word too: `目標を上回った(138%)`).
 */
const LEAD = new RegExp(`^\\s*(?:[${MARKS_BEFORE}]\\s*|(?:${REACH_WORD})[:：、]?\\s*(?:[(（]\\s*)?|[(（]\\s*)(?=[\\d０-９.．約△▲+])`);

/** A progress's text split around its number: a mark or word before it, the closing parenthesis of one opened before it. */
function aroundNumber(text: string): { lead: string; closing: string; number: string } {
  const lead = LEAD.exec(text)?.[0] ?? '';
  const closing = /[(（]\s*$/.test(lead) ? (/[)）]$/.exec(text)?.[0] ?? '') : '';
  return { lead, closing, number: text.slice(lead.length, text.length - closing.length) };
}

/** A word before the progress saying whether the target was reached (`達成 `, `未達成 `, `目標を上回った`) says so of the progress written. */
function reachedWord(prefix: string, expected: Decimal): string {
  return prefix.replace(/[上下]回|未達成|未達|達成/, (word) => saidOf(word, expected));
}

/** A word saying whether the target was reached, as it says so of `expected`: `上回` or `下回`, `達成` or `未達成` (`未達` when not). */
function saidOf(word: string, expected: Decimal): string {
  const reached = expected.gte(100);
  if (word === '上回' || word === '下回') return reached ? '上回' : '下回';
  return reached ? '達成' : word === '達成' ? '未達成' : word;
}

/** The progress written is the exact one: a bound after the number it replaces (`100%以上`, `100%超`) goes. */
function withoutBound(suffix: string): string {
  return suffix.replace(BOUND, '');
}

// The word of such a note, with what stands before and after it.
const REACHED_NOTE_WORD = new RegExp(`^(.*[(（](?:目標値?を?)?${BY_HOW_MUCH}?|[^(（]*)([上下]回|未達成|未達|達成)((?:見込み?|った|っている|る)?[)）].*|)$`, 's');

/** A note saying whether the target was reached (`(達成)`, `（未達成）`, `(未達)`, `（目標を上回った）`) says so of the progress written. */
function reachedNote(suffix: string, expected: Decimal): string {
  const m = REACHED_NOTE_WORD.exec(suffix);
  if (!m) return suffix;
  return `${m[1]}${saidOf(m[2], expected)}${m[3]}`;
}

interface InlineEdit {
  inline: NonNullable<ValueCell['inline']>;
  value: number | string;
}

/** The cell's text with only its numbers replaced: `進捗度 110%` → `進捗度 103%`, the rest kept (one or more figures of one text). */
function rewriteInline(inline: NonNullable<ValueCell['inline']>, edits: InlineEdit[]): string {
  let text = inline.line;
  for (const e of [...edits].sort((a, b) => b.inline.start - a.inline.start)) text = `${text.slice(0, e.inline.start)}${e.value}${text.slice(e.inline.end)}`;
  return text;
}

function before(cell: ValueCell): CellWrite['before'] {
  if (cell.inline) return { value: cell.inline.line, ...(cell.formula !== undefined && { formula: cell.formula }) };
  // An error value (`#REF!`) is what the cell shows, as settle.ts records a formula's saved result.
  const error = cell.parsed.kind === 'invalid' && cell.parsed.reason === 'error';
  const value = error ? cell.text : cell.stored !== undefined ? cell.stored : cell.storage === 'empty' ? null : cell.text;
  return { value: value === '' ? null : value, ...(cell.formula ? { formula: cell.formula } : {}), ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
}

/** How many characters either side of a change in a long text `changedPart` keeps. */
const CONTEXT = 12;

/**
 * A write as a person reads it, before → after: a long text whose numbers alone were rewritten (a summary line, the
 * 本文 pasted into one cell) shows each changed number with a little context, the rest left out
 * (`…る経済効果【進捗度 105%】… …人、進捗度 70%、寄与度 50%…` → the same with 103% and 68%).
 */
export function changedPart(before: string, after: string): { before: string; after: string } {
  if (before.length + after.length <= 4 * CONTEXT + 20) return { before, after };
  const a = before.match(/\d+|\D+/g) ?? [];
  const b = after.match(/\d+|\D+/g) ?? [];
  // Texts that differ in more than their numbers are shown whole.
  if (a.length !== b.length || a.some((t, i) => t !== b[i] && !(/^\d/.test(t) && /^\d/.test(b[i])))) return { before, after };
  // Each changed number's window in both texts (their offsets differ once a number changed length), merged where they meet.
  const windows: { from: [number, number]; to: [number, number] }[] = [];
  let inBefore = 0;
  let inAfter = 0;
  for (let i = 0; i < a.length; inBefore += a[i].length, inAfter += b[i].length, i++) {
    if (a[i] === b[i]) continue;
    const back = Math.min(CONTEXT, inBefore);
    const ahead = Math.min(CONTEXT, before.length - inBefore - a[i].length);
    const window = { from: [inBefore - back, inAfter - back] as [number, number], to: [inBefore + a[i].length + ahead, inAfter + b[i].length + ahead] as [number, number] };
    const last = windows[windows.length - 1];
    if (last && last.to[0] >= window.from[0]) last.to = window.to;
    else windows.push(window);
  }
  if (windows.length === 0) return { before, after };
  const cut = (text: string, k: 0 | 1) =>
    windows.map((w) => `${w.from[k] > 0 ? '…' : ''}${text.slice(w.from[k], w.to[k])}${w.to[k] < text.length ? '…' : ''}`).join(' ');
  return { before: cut(before, 0), after: cut(after, 1) };
}

/** Cells by where they are (a workbook's cells read by several tables are one), keyed by number within each sheet. */
class CellSet {
  private readonly bySheet = new Map<string, Set<number>>();

  add(cell: ValueCell): void {
    const { sheet, row, col } = cell.ref;
    let set = this.bySheet.get(sheet);
    if (!set) this.bySheet.set(sheet, (set = new Set()));
    set.add(cellIndex(row, col));
  }

  has(cell: ValueCell): boolean {
    const { sheet, row, col } = cell.ref;
    return this.bySheet.get(sheet)?.has(cellIndex(row, col)) ?? false;
  }
}

/** A formula's reference from `cell` to `input`: its address, with its sheet's name where it stands on another (`'実績値'!C3`). */
function refFrom(cell: ValueCell, input: ValueCell): string {
  const address = a1(input.ref.row, input.ref.col);
  return input.ref.sheet === cell.ref.sheet ? address : `'${input.ref.sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * A progress formula showing an error value (`#REF!` of a formula whose cells were deleted, `#N/A`, `#VALUE!`) where its
 * target and actual give a progress: it states none, and the recalculation writes the computed one there (a `#DIV/0!`
 * over a target of 0 is left: no progress is computed).
 */
function brokenProgress(cell: ValueCell, target: ValueCell, actual: ValueCell): { expected: Decimal; point: Decimal } | undefined {
  if (cell.formula === undefined || cell.parsed.kind !== 'invalid' || cell.parsed.reason !== 'error') return undefined;
  const t = asNumber(target.parsed);
  const a = asNumber(actual.parsed);
  const p = t && a ? progressOf(a, t) : undefined;
  return p && { expected: roundHalfUp(p.point), point: p.point };
}

/** The unrounded progress of the running totals of `pair` through column `i`, where the year has them. */
function runningPoint(t: NumericTarget, i: number, pair: RunningPair | undefined): Decimal | undefined {
  if (!pair || i < 0 || i >= t.columns.length) return undefined;
  const totals = runningTotals(t, i);
  const a = totals.actuals[totals.actualBases.indexOf(pair.actual)];
  const b = totals.targets[totals.targetBases.indexOf(pair.target)];
  return a && b ? progressOf(a, b)?.point : undefined;
}

export function planRecalculation(model: Model, options: RecalculationOptions = {}): RecalculationPlan {
  // Rows looked at afresh by each plan: a model's cells may be read again between plans.
  rowWritings = new WeakMap();
  const writes: CellWrite[] = [];
  const valuesInsteadOfFormulas: string[] = [];
  const written = new CellSet();
  const keyOf = (cell: ValueCell) => `${cell.ref.sheet}!${cell.ref.row}:${cell.ref.col}`;
  // The figures progress is computed from (targets' 目標値 and 実績値, and their 累計) are never written, whatever
  // else a cell is read as: the recalculation rewrites progress only.
  const inputs = new CellSet();
  for (const table of model.tables) {
    if (table.kind !== 'progress') continue;
    for (const t of table.targets) {
      for (const cell of t.target) inputs.add(cell);
      for (const cell of t.actual) inputs.add(cell);
      for (const total of t.totals ?? []) {
        if (total.target) inputs.add(total.target);
        if (total.actual) inputs.add(total.actual);
      }
    }
  }
  // Per cell holding several figures in its text (the 本文 pasted into one cell), its write and the figures it rewrites.
  const inlineWrites = new Map<string, { write: CellWrite; edits: InlineEdit[] }>();
  const unwritable = (cell: ValueCell) => options.unwritable?.has(`${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`) ?? false;
  // The marks each table writes with its progress (`○104%`, `×62%`), by cell, for a mark to fit the progress written.
  const marksByCell = new Map<string, MarkUse[]>();
  const workbookCells: ValueCell[] = [];
  for (const table of model.tables) {
    const cells = progressCellsOf(table);
    const uses = marksUsed(cells);
    // One push per cell: a table's cells spread as arguments overflow the stack (some 120,000 cells: 40,000 blocks of three years).
    for (const cell of cells) {
      marksByCell.set(keyOf(cell), uses);
      workbookCells.push(cell);
    }
  }
  // A table showing no mark for the case falls back on the workbook's.
  const workbookMarks = marksUsed(workbookCells);
  const marksOf = (cell: ValueCell) => [marksByCell.get(keyOf(cell)) ?? [], workbookMarks];
  const marksKept: string[] = [];
  // The same, to ask of: a table of n wrong marked progresses (`○95%`) would look through the list n times.
  const marked = new Set<string>();
  const add = (cell: ValueCell, expected: Decimal, conv: Convention, rest: Omit<CellWrite, 'sheet' | 'row' | 'col' | 'address' | 'value' | 'before' | 'numFmt' | 'styleFrom'>) => {
    if (unwritable(cell)) return;
    const shown = render(expected, conv, marksOf(cell));
    // A mark saying the opposite of the progress, kept for want of the workbook's own: said in the summary of changes.
    const address = `${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`;
    const noteMark = () => {
      if (typeof shown === 'string' && markContradicts(shown, expected) && !marked.has(address)) {
        marked.add(address);
        marksKept.push(address);
      }
    };
    // Only a cell holding figures in its text is looked up by its address as text.
    const key = cell.inline ? keyOf(cell) : '';
    const earlier = cell.inline && inlineWrites.get(key);
    if (cell.inline && earlier) {
      // Another figure of a cell written already: the one write rewrites both (a figure once only).
      const inline = cell.inline;
      if (earlier.edits.some((e) => e.inline.start === inline.start)) return;
      earlier.edits.push({ inline, value: shown });
      earlier.write.value = rewriteInline(inline, earlier.edits);
      noteMark();
      return;
    }
    if (written.has(cell) || (!cell.inline && inputs.has(cell))) return;
    written.add(cell);
    noteMark();
    const edits: InlineEdit[] = cell.inline ? [{ inline: cell.inline, value: shown }] : [];
    const write: CellWrite = {
      sheet: cell.ref.sheet,
      row: cell.ref.row,
      col: cell.ref.col,
      address: a1(cell.ref.row, cell.ref.col),
      value: cell.inline ? rewriteInline(cell.inline, edits) : shown,
      ...(conv.numFmt && cell.storage !== 'number' ? { numFmt: conv.numFmt } : {}),
      ...(conv.styleFrom ? { styleFrom: conv.styleFrom } : {}),
      before: before(cell),
      ...rest,
    };
    writes.push(write);
    if (cell.inline) inlineWrites.set(key, { write, edits });
  };

  const index = indexTargets(model);
  // Progress this plan rewrites no longer vouches for a summary that agreed with its old value.
  const rewritten = new Map<NumericTarget, Set<number | null>>();
  const wasRewritten = (t: NumericTarget, year: number | null) => rewritten.get(t)?.has(year) ?? false;
  /** A progress cell rewritten in its row's way (`siblings`), as a formula dividing `ac` by `tc` when asked and possible. */
  const writeProgress = (
    cell: ValueCell,
    t: NumericTarget,
    tc: ValueCell,
    ac: ValueCell,
    status: { expected: Decimal; point: Decimal },
    base: Pick<CellWrite, 'reason' | 'what' | 'target' | 'year'>,
  ) => {
    // The progress each cell of the row states, as the check computes it.
    const statuses = progressStatuses(t);
    const pointOf = (s: ValueCell) => {
      const status = statuses[t.progress!.indexOf(s)];
      return status && 'point' in status ? status.point : undefined;
    };
    const conv = conventionOf(cell, t.progress!, status.point, true, pointOf);
    const tv = asNumber(tc.parsed);
    const av = asNumber(ac.parsed);
    if (options.formulas) {
      const computable = tc.storage === 'number' && ac.storage === 'number' && tv && av && tv.scale.eq(av.scale) && conv.kind !== 'text';
      if (computable) {
        // actual*100/target, not actual/target*100: whole figures give the exact quotient in binary too (8290*100/2000
        // is 414.5, 8290/2000*100 is 414.4999…), so an engine that rounds no result to 15 digits, as LibreOffice, shows
        // the half-up percent Excel does.
        const formula = conv.kind === 'ratio' ? `ROUND(${refFrom(cell, ac)}/${refFrom(cell, tc)},2)` : `ROUND(${refFrom(cell, ac)}*100/${refFrom(cell, tc)},0)`;
        add(cell, status.expected, conv, { ...base, formula });
        return;
      }
      valuesInsteadOfFormulas.push(`${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`);
    }
    add(cell, status.expected, conv, base);
  };
  for (const { target: t } of index.all) {
    if (!t.progress) continue;
    t.columns.forEach((col, i) => {
      const cell = t.progress![i];
      // The statuses the rules report (a baseline year with no progress is none missing).
      const status = progressStatuses(t)[i];
      const due = status.kind === 'mismatch' || status.kind === 'missing' ? status : status.kind === 'none' && !col.baseline ? brokenProgress(cell, targetOfYear(t, i), t.actual[i]) : undefined;
      if (!due || unwritable(cell)) return;
      if (!rewritten.has(t)) rewritten.set(t, new Set());
      rewritten.get(t)!.add(col.year);
      const reason = status.kind === 'missing' ? 'missing' : 'mismatch';
      writeProgress(cell, t, targetOfYear(t, i), t.actual[i], due, { reason, what: 'progress', target: t.id.display, year: col.year });
    });
    // The progress in a 累計 column that no way of stating totals gives (totalProgressStatus): the column's.
    let columnRewritten = false;
    for (const total of t.totals ?? []) {
      const totalStatus = totalProgressStatus(t, total);
      if (totalStatus.kind === 'mismatch' && total.progress && total.target && total.actual) {
        columnRewritten = true;
        writeProgress(total.progress, t, total.target, total.actual, totalStatus, { reason: 'mismatch', what: 'progress', target: t.id.display, year: null });
      }
    }
    // A 累計進捗度 row under the block: each wrong year on the running totals the check works it out from (the pair most
    // of the row's years agree with), in the row's way. A value, formulas asked for or not: no one formula restates it.
    if (t.runningProgress) {
      const row = t.runningProgress;
      const pair = runningPairOf(t, row);
      const pointOf = (s: ValueCell) => runningPoint(t, row.indexOf(s), pair);
      row.forEach((cell, i) => {
        if (cell.parsed.kind !== 'number' || i >= t.columns.length) return;
        // A 累計 column's progress this plan rewrites vouches for no year that agreed with it.
        const s = runningProgressStatus(t, i, { progress: cell } as SummaryRow, pair, !columnRewritten);
        if (s?.kind !== 'mismatch') return;
        const point = runningPoint(t, i, s.pair) ?? s.expected;
        // A ratio (`1.50`) shows two more decimals than the percent it is: 1.33 is 133 %.
        const expected = isRatioCell(cell.parsed, point) ? roundHalfUp(point, Math.max(0, cell.parsed.decimals - 2)) : s.expected;
        const before = writes.length;
        add(cell, expected, conventionOf(cell, row, point, true, pointOf), { reason: 'mismatch', what: 'progress', target: t.id.display, year: t.columns[i].year });
        if (options.formulas && writes.length > before) valuesInsteadOfFormulas.push(`${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`);
      });
    }
  }

  // A 寄与度×進捗度 row under a block: each year's weight × the progress computed, where the row's figure agrees with
  // neither that nor a stated progress this plan leaves (the rule accepts either); a progress rewritten vouches for none.
  // A value, formulas asked for or not: the weight may stand where no formula can reach it (the block's title).
  for (const { target: t } of index.all) {
    const row = t.weightedProgress;
    if (!row) continue;
    const statuses = progressStatuses(t);
    const parts = row.map((_, i) => statedWeightedPart(t, i, statuses));
    const pointOf = (s: ValueCell) => parts[row.indexOf(s)]?.computed;
    row.forEach((cell, i) => {
      const part = parts[i];
      if (!part?.computed) return;
      const agrees = roundHalfUp(part.computed, part.decimals).eq(roundHalfUp(part.stated, part.decimals));
      if (agrees || (part.accepted && !wasRewritten(t, t.columns[i].year))) return;
      const before = writes.length;
      add(cell, roundHalfUp(part.computed, part.decimals), conventionOf(cell, row, part.computed, true, pointOf), { reason: 'mismatch', what: 'progress', target: t.id.display, year: t.columns[i].year });
      if (options.formulas && writes.length > before) valuesInsteadOfFormulas.push(`${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`);
    });
  }

  // Summary rows checked on their own whose progress this plan rewrites: they no longer vouch for their indicator's.
  const ownRewritten = new Set<ValueCell>();
  for (const table of model.tables) {
    if (table.kind !== 'summary') continue;
    for (const row of table.rows) {
      const own = row.progress && ownProgressStatus(index, row);
      if (own && (own.kind === 'mismatch' || own.kind === 'missing')) ownRewritten.add(row.progress!);
    }
  }

  /**
   * An indicator's stated progress (year null: its latest year with an actual), rewritten when it disagrees or is
   * blank; `own`: the summary stating it, whose own rows give its targets when no progress table does.
   */
  const fixIndicator = (cell: ValueCell, indicator: string, rowYear: number | null, conv: Convention, own?: SummaryTable) => {
    const stated = asNumber(cell.parsed);
    if (!stated && cell.parsed.kind !== 'blank') return;
    const basis = indicatorBasis(index, indicator, { sheet: cell.ref.sheet, row: cell.ref.row, year: rowYear }, stated, own);
    if (!basis) return;
    const { list, year, shownYear } = basis;
    // A baseline year (基準値, 当初) states no progress, its indicator's none either: a blank there is none missing.
    if (!stated && list.some((t) => t.columns[columnOfYear(t, year)]?.baseline)) return;
    // Targets whose progress this plan rewrites: their stated progress vouches for nothing.
    const rewrittenHere = list.some((t) => wasRewritten(t, year) || (t.progress !== null && ownRewritten.has(t.progress[0])));
    // An indicator the rule accepts needs nothing written.
    if (stated && indicatorAccepts(list, year, stated, !rewrittenHere)) return;
    const ip = indicatorProgress(list, year);
    if (!ip) return;
    add(cell, ip.expected, conv, { reason: stated ? 'mismatch' : 'missing', what: 'indicator-progress', target: indicator, year: shownYear });
    if (options.formulas) valuesInsteadOfFormulas.push(`${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`);
  };

  // Indicator progress rows inside progress tables (`評価指標(1)の進捗度`), year by year.
  for (const table of model.tables) {
    if (table.kind !== 'progress') continue;
    // Written as the row's other cells are, or else as the table's progress rows.
    const cells = [...table.indicatorCells.map((c) => c.cell), ...table.targets.flatMap((t) => t.progress ?? [])];
    for (const c of table.indicatorCells) fixIndicator(c.cell, c.indicator, c.year, conventionOf(c.cell, cells, dec(100), false));
  }

  /** A summary's progress, a value even when formulas are asked for (none restates the table's): such a cell is named. */
  const addSummary: typeof add = (cell, expected, conv, rest) => {
    const before = writes.length;
    add(cell, expected, conv, rest);
    if (options.formulas && writes.length > before) valuesInsteadOfFormulas.push(`${cell.ref.sheet}!${a1(cell.ref.row, cell.ref.col)}`);
  };
  for (const table of model.tables) {
    if (table.kind !== 'summary') continue;
    const progressCells = table.rows.map((r) => r.progress).filter((c): c is ValueCell => !!c);
    for (const row of table.rows) {
      const cell = row.progress;
      if (!cell) continue;
      const stated = asNumber(cell.parsed);
      if (!stated && cell.parsed.kind !== 'blank') continue;
      const decimals = stated ? statedDecimals(stated) : 0;
      const own = ownProgressStatus(index, row);
      if (own) {
        // A row that restates no progress table: its own target and actual give its progress.
        if (own.kind === 'mismatch' || own.kind === 'missing') addSummary(cell, own.expected, conventionOf(cell, progressCells, own.point), { reason: own.kind, what: 'summary-progress', target: row.target?.display ?? row.indicator, year: row.year });
        continue;
      }
      const conv = conventionOf(cell, progressCells, dec(100), false);
      // An indicator's progress of running totals is left as it is (nothing weighs running totals).
      const running = row.runningTotals?.progress;
      if (!row.target) {
        if (!running) fixIndicator(cell, row.indicator, row.year, conv, table);
        continue;
      }
      const t = summaryTarget(index, row);
      if (!t) continue;
      const year = summaryYear(row, t);
      const i = columnOfYear(t, year);
      if (i < 0) continue;
      // A progress of running totals: from the target's running totals (runningProgressStatus), never one year's.
      if (running) {
        const status = runningProgressStatus(t, i, row);
        if (status?.kind === 'mismatch') addSummary(cell, status.expected, conv, { reason: 'mismatch', what: 'summary-progress', target: t.id.display, year });
        continue;
      }
      // A summary repeating the table's progress (not rewritten by this plan) needs nothing worked out.
      const shown = stated ? roundHalfUp(stated.value, decimals) : undefined;
      const tableStated = wasRewritten(t, year) ? undefined : asNumber(t.progress?.[i]?.parsed);
      if (shown && tableStated && roundHalfUp(tableStated.value, decimals).eq(shown)) continue;
      const a = asNumber(t.actual[i].parsed);
      const tv = asNumber(t.target[i].parsed);
      const p = a && tv ? progressOf(a, tv) : undefined;
      if (!p || (shown && reachable(shown, decimals, p.range))) continue;
      addSummary(cell, roundHalfUp(p.point), conv, { reason: stated ? 'mismatch' : 'missing', what: 'summary-progress', target: t.id.display, year });
    }
  }
  return { writes, valuesInsteadOfFormulas, marksKept };
}

/** The cells a table states progress in: its targets' (each year's, the 累計 column's, the 累計進捗度 row's) and its indicators'. */
function progressCellsOf(table: Model['tables'][number]): ValueCell[] {
  if (table.kind === 'summary') return table.rows.map((r) => r.progress).filter((c): c is ValueCell => !!c);
  if (table.kind !== 'progress') return [];
  return [
    ...table.targets.flatMap((t) => [...(t.progress ?? []), ...(t.runningProgress ?? []), ...(t.totals ?? []).flatMap((c) => (c.progress ? [c.progress] : []))]),
    ...table.indicatorCells.map((c) => c.cell),
  ];
}
