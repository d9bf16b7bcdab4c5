/**
 * One pass over a sheet that indexes every label the detectors look for, so that each detector
 * looks labels up instead of rescanning the grid (detection stays linear in the number of cells).
 */
import { SheetView, sparseColumns, type Cell, type CellValue } from '../grid.js';
import { cellText, formatInfo, parseCell, parseNumberText, type Parsed } from '../numbers.js';
import { CharSet, compact, findIndicatorId, findTargetId, isCompactedAway, targetIdEnd, toHalfWidth } from '../text.js';
import { fiscalYearOfDate, isDigit, namesPartOfYear, parseFiscalYear, planPeriod, type FiscalYear } from '../years.js';
import type { CellRef, ValueCell } from '../model.js';
import { keepShape } from '../shapes.js';
import { startsWithWeightLabel, WEIGHT_WORD } from './weight.js';

export type LabelKind =
  | 'target'
  | 'actual'
  | 'progress'
  | 'weight'
  | 'cumulative'
  | 'overall'
  | 'roman1'
  | 'roman2'
  | 'roman3'
  | 'budget-total'
  | 'budget-part'
  | 'budget-request'
  | 'count'
  | 'year-column'
  | 'name';

/** The kinds of a budget table's row labels: `財政支援要望`, `国予算(a)`, `総事業費(a+b)`, `件数`. */
export const BUDGET_ROW_KINDS = ['budget-part', 'budget-total', 'budget-request', 'count'] as const;

export function isBudgetRowKind(kind: LabelKind | undefined): boolean {
  return kind === 'budget-part' || kind === 'budget-total' || kind === 'budget-request' || kind === 'count';
}

export interface Label {
  row: number;
  col: number;
  kind: LabelKind;
  text: string;
  compact: string;
}

export interface YearCell {
  row: number;
  col: number;
  fy: FiscalYear;
  header: string;
}

const MAX_LABEL = 40;

// The first characters of the labels that classifyLabel anchors at the start of the text.
const LABEL_STARTS = new CharSet('各当目実進達寄ウ重累合計小5期総ⅢⅡⅠI財新契適活認件年対評(単見支取変修改第直過最全通利融承申交採');

// Brackets people put around a label (`【目標値】`, `［実績値］` as compact() leaves it: `[実績値]`), as char codes.
const OPENING = [...'【[〔'].map((ch) => ch.charCodeAt(0));
const CLOSING = [...'】]〕'].map((ch) => ch.charCodeAt(0));

function isLetter(code: number): boolean {
  const c = code | 0x20;
  return (c >= 0x61 && c <= 0x7a) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

/** Whether a text can be one of the labels classifyLabel knows: a cheap test before its patterns. */
function mayBeLabel(c: string): boolean {
  if (LABEL_STARTS.has(c.charCodeAt(0))) return true;
  // The budget labels are found anywhere in the text: by their words, or a letter in parentheses.
  if (c.includes('費') || c.includes('国予算') || c.includes('自治体予算') || c.includes('地方予算') || c.includes('民間') || c.includes('自己資金')) return true;
  for (let i = 0; i < c.length - 1; i++) {
    const code = c.charCodeAt(i);
    if ((code === 0x28 || code === 0xff08) && isLetter(c.charCodeAt(i + 1))) return true;
  }
  return false;
}

// An era year (`R6`, `令和6年度`, `H30`) or a western one (`2024年`) inside a label.
const NAMES_A_YEAR = /(?:^|[^A-Za-zＡ-Ｚａ-ｚ])[RHＲＨ][0-9０-９元]|令和|平成|[0-9０-９]{4}\s*年/;

// The header of a block's label column (`区分`, `項目`), or of its id or name column (`数値目標`, `指標名`, without a
// number: a row of figures never holds one): a row naming it is a header row, its other labels headers of columns
// (`数値目標 | 指標名 | 目標値 | 区分 | H29`, `数値目標 | 指標名 | 目標値 | | H29`: that 目標値 heads the goals).
const LABEL_COLUMN_HEADER = /^(?:区分|項目|種別|数値目標|評価指標|指標名?|目標名|項目名)$/;

// A 寄与度 label with nothing after it but a note in parentheses (`寄与度`, `寄与度(%)`, `寄与率`, `ウエイト`): it may head a
// column of weights.
const WEIGHT_HEADER = new RegExp(`^${WEIGHT_WORD}([(（][^()（）]*[)）])?$`);

/**
 * A compact label without the brackets around it or the colon after it: `【目標値】`, `目標値：` → `目標値`; without a
 * note mark after it (`目標値※`, `実績値※1`, `実績値*`), and what it says after it in brackets of another shape in
 * parentheses (`進捗度【B/A】` → `進捗度(B/A)`).
 */
function bareLabel(text: string): string {
  const c = withoutEnumerator(text);
  let end = c.length;
  if (end > 1 && c.charCodeAt(end - 1) === 0x3a) end--;
  const open = OPENING.indexOf(c.charCodeAt(0));
  if (open >= 0 && end > 2 && CLOSING.indexOf(c.charCodeAt(end - 1)) === open) return c.slice(1, end - 1);
  let bare = end === c.length ? c : c.slice(0, end);
  const mark = NOTE_MARK.exec(bare);
  if (mark && mark.index > 0) bare = bare.slice(0, mark.index);
  const note = TRAILING_BRACKETS.exec(bare);
  return note && note.index > 0 ? `${bare.slice(0, note.index)}(${note[1] ?? note[2]})` : bare;
}

const NOTE_MARK = /(?:※|\*)\d*$/;

// A row label numbered in front, as forms number the rows they refer to (`①目標値`, `(2)実績値`, `3.進捗度(③=②/①)`):
// the number and the label's first character.
const ENUMERATED = /^(?:[①-⑳]|\(\d{1,2}\)|\d{1,2}[.)])(?=[目実進寄ウ重累単各当達計])/;

/** A compact label without the number in front of it: `①目標値` → `目標値`. */
function withoutEnumerator(c: string): string {
  const code = c.charCodeAt(0);
  if (!((code >= 0x2460 && code <= 0x2473) || code === 0x28 || isDigit(code))) return c;
  const m = ENUMERATED.exec(c);
  return m ? c.slice(m[0].length) : c;
}

/**
 * Where a label numbered in front starts after its number (`①目標値`, `1．実績値`, `（2）実績値` before compact(), maybe
 * spaced out as compact() would close up), else `i`.
 */
function afterEnumerator(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0x2460 && code <= 0x2473) return i + 1;
  const skip = (j: number) => {
    while (j < text.length && isCompactedAway(text.charCodeAt(j))) j++;
    return j;
  };
  const paren = code === 0x28 || code === 0xff08;
  let j = paren ? skip(i + 1) : i;
  let digits = 0;
  for (; j < text.length && isDigit(text.charCodeAt(j)); j = skip(j + 1)) digits++;
  if (digits === 0 || digits > 2 || j === text.length) return i;
  const close = text.charCodeAt(j);
  if (paren ? close === 0x29 || close === 0xff09 : close === 0x2e || close === 0xff0e || close === 0x29 || close === 0xff09) return j + 1;
  return i;
}
const TRAILING_BRACKETS = /(?:【([^【】]*)】|\[([^[\]]*)\])$/;

// What Ⅰ, Ⅱ and Ⅲ of an overall score stand for (003_…), as the score columns may be headed instead of by the numeral.
const SCORED_ITEMS: [RegExp, LabelKind, string][] = [
  [/^目標に向けた取組の進捗(状況)?$/, 'roman1', 'Ⅰ'],
  [/^支援措置の活用と地域独自の取組(の状況)?$/, 'roman2', 'Ⅱ'],
  [/^取組全体にわたる事業の進捗と政策課題の解決$/, 'roman3', 'Ⅲ'],
];
const ASCII_NUMERALS: Record<string, string> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ' };

/** Ⅰ, Ⅱ or Ⅲ of an overall score named by what it stands for, maybe with its numeral after it: `目標に向けた取組の進捗(Ⅰ)`. */
function scoredItem(c: string): LabelKind | undefined {
  const numeral = /\((Ⅰ|Ⅱ|Ⅲ|I{1,3})\)$/.exec(c);
  const words = numeral ? c.slice(0, numeral.index) : c;
  for (const [pattern, kind, roman] of SCORED_ITEMS) {
    if (pattern.test(words)) return !numeral || (ASCII_NUMERALS[numeral[1]] ?? numeral[1]) === roman ? kind : undefined;
  }
  return undefined;
}

/** What a short label cell says, if it is one of the labels tables are built from. */
export function classifyLabel(compacted: string): LabelKind | undefined {
  if (compacted.length > MAX_LABEL) return undefined;
  // A target's id before the figure its row or column holds (`数値目標(1)-① 目標値`, as a header flattened from two rows
  // reads): the figure's label; the id stays in the text for the table to take.
  if (compacted.startsWith('数値目標')) {
    // Only where the id ends: the id itself is the table's to read.
    const end = targetIdEnd(compacted);
    const rest = end !== undefined ? compacted.slice(end).replace(/^[\s:：\-_/・]+/, '') : '';
    const kind = rest ? classifyLabel(rest) : undefined;
    return kind === 'target' || kind === 'actual' || kind === 'progress' || kind === 'weight' ? kind : undefined;
  }
  const c = bareLabel(compacted);
  if (!mayBeLabel(c)) return undefined;
  // A target's id written whole with 目標 for its word (`目標(1)-① 投資額 475億円(累計)`) is the block's name, no 目標 with a
  // note in brackets.
  if (/^目標[(（]\d{1,2}[)）][-－ー‐]/.test(c)) return undefined;
  // `単年度目標値`, `各年度目標値`, `年度別の目標値`; `累計目標値` (running totals, as `目標値（累計）`); a target as first set
  // or revised (`当初目標値`, `変更後目標値`, as `目標値（当初）`); a plan (`計画`, `計画値`) over its 実績.
  if (/^(当初の?|(変更|修正|見直し|改定|改訂)[前後]の?)?(各年度の?|(単|各)?年度(別|ごと)?の?|累計の?)?(当該年度の?)?(目標値?|計画値?)([A-Z①-⑳]|[(（].*[)）])?$/.test(c) && c !== '目標') return 'target';
  if (c === '目標') return 'target';
  // `実績見込`, `見込値`: an actual not yet final.
  if (/^((単|各)?年度(別|ごと)?の?|累計の?)?(当該年度の?)?(実績値?|実績見込み?値?|見込み?値)([A-Z①-⑳]|[(（].*[)）])?$/.test(c)) return 'actual';
  // `単年度進捗度`, `累計進捗度`; how it is worked out after it (`進捗度B/A×100`, `進捗度(%)③=②/①`).
  if (/^((単|各)?年度(別|ごと)?の?|累計の?)?(当該年度の?)?(進(捗|ちょく)(度|率)?|(目標)?達成(度|率)|対目標比?)([(（].*[)）]|%)?(([A-Z①-⑳]?=)?[A-Z①-⑳]+[/÷][A-Z①-⑳]+([×*]100)?%?)?$/.test(c)) return 'progress';
  // `進捗状況(%)`: a row of percentages; `進捗状況` alone may hold words (順調, 達成).
  if (/^(進捗|達成)状況(\(%\)|%)$/.test(c)) return 'progress';
  if (startsWithWeightLabel(c)) return 'weight';
  // A plan period's (`小計`, `第1期累計`, `第2期計画累計`), the last years' (`直近3年累計`, `3か年計`) or every period's
  // (`全期間累計`, `通算`) too.
  if (/^(累計|合計|小計|計|通算|(\d+年間|\d+か年|期間|計画期間|全期間|通算|第[\d一二三四五]+期(計画)?(期間)?|(直近|過去|最近)\d+(年間?|か年))の?(累計|合計|計))([(（].*[)）])?$/.test(c)) return 'cumulative';
  // `総合評価`, maybe with how it is worked out in parentheses (`総合評価（ⅠとⅡとⅢを1：1：2の割合で計算）`).
  if (/^総合評価/.test(c) && (c.length <= 20 || /^総合評価\([^()]*\)$/.test(c))) return 'overall';
  const scored = scoredItem(c);
  if (scored) return scored;
  // `Ⅲ`, `(Ⅲ)`, `評価Ⅲ`, each maybe followed by what it scores.
  if (/^(評価)?(Ⅲ|III|\((Ⅲ|III)\))(?![IⅠa-zA-Z])/.test(c)) return 'roman3';
  if (/^(評価)?(Ⅱ|II|\((Ⅱ|II)\))(?![IⅠa-zA-Z])/.test(c)) return 'roman2';
  if (/^(評価)?(Ⅰ|I|\((Ⅰ|I)\))(?![IⅠⅡa-zA-Z])/.test(c)) return 'roman1';
  // A figure with a note naming who paid (`120億円（うち民間100億円）`, `300,000千円（うち国費…）`) is a value, no budget label.
  if (/^(?:約)?[△▲+\-−]?\d[\d,.]*(?:[兆億万千百円人件社者名%])/.test(c)) return undefined;
  if (/総事業費|事業費の?(合計|計)|[(（][a-zＡ-Ｚａ-ｚ][)）]?\s*[+＋]/.test(c)) return 'budget-total';
  if (/(国予算|自治体予算|地方予算|民間|国費|地方費|[都道府県市区町村]費|自己資金|[(（][a-z][)）])/.test(c) && c.length <= 24) return 'budget-part';
  if (/^財政支援要望/.test(c)) return 'budget-request';
  // With its unit (`件数（件）`) or what it counts (`利用件数`, `融資件数`).
  if (/^(新規)?(契約|適用|活用|認定|利用|融資|承認|申請|交付|採択|実施|支援)?件数([(（]件[)）])?$/.test(c)) return 'count';
  if (/^(年度|年次|対象年度|評価対象年度)$/.test(c)) return 'year-column';
  return undefined;
}

/** The era a text names alone (`令和`, `平成`), if it does. */
function eraOf(text: string): '令和' | '平成' | undefined {
  const t = compact(text);
  return t === '令和' || t === '平成' ? t : undefined;
}

// A year written without its era (`3年度`, `元年度`, `4年度(見込)`), and a year header that names its era (`令和2年度`, `R2`, `H30`).
const ERALESS_YEAR = /^\s*(?:元|[0-9０-９]{1,2})\s*年度/;
const NAMES_ERA = /^\s*(?:令和|平成|[RHＲＨ]\s*[0-9０-９元])/;

/**
 * A year written without its era right of one that names it, as offices shorten a row of years (`令和2年度 | 3年度 |
 * 4年度`): in that era (or, past its end, the next: `平成30年度 | 元年度`), when it is the year next to it, either way.
 */
function yearAfterEra(before: YearCell, r: number, c: number, text: string): YearCell | undefined {
  if (text.length > 12 || !ERALESS_YEAR.test(text) || !NAMES_ERA.test(before.header)) return undefined;
  for (const era of ['令和', '平成']) {
    const fy = parseFiscalYear(era + text.trim());
    if (fy && !fy.baseline && Math.abs(fy.year - before.fy.year) === 1) return { row: r, col: c, fy, header: era + text.trim() };
  }
  return undefined;
}

/**
 * A row of years none of which names its era (`29年度 | 30年度 | 元年度 | 2年度`): 元 and up to 19 are 令和's, 20 to 31
 * 平成's (the zones were designated from 平成23; 令和20 is 2038), when they run one year after another, either way.
 */
function yearsOfEras(cells: YearCell[]): YearCell[] | undefined {
  const years: YearCell[] = [];
  for (const cell of cells) {
    const t = cell.header.trim();
    const n = /^元/.test(t) ? 1 : Number(toHalfWidth(t).match(/^\d+/)?.[0]);
    const era = n >= 20 && n <= 31 ? '平成' : n <= 19 ? '令和' : undefined;
    const fy = era ? parseFiscalYear(era + t) : undefined;
    if (!fy || fy.baseline) return undefined;
    years.push({ ...cell, fy, header: era + t });
  }
  const step = years[1].fy.year - years[0].fy.year;
  return (step === 1 || step === -1) && years.every((y, i) => i === 0 || y.fy.year - years[i - 1].fy.year === step) ? years : undefined;
}

/**
 * Whether a label's figures end before the years of its row, a blank cell between (a table beside the label's, one
 * row lower, its header on the label's row: `実績値 | 110 | 190 | | | R2 | R3`): the years head that table, not the
 * label's row. Only over two years or more: one cell that reads as a year (a progress of 1 shown `"令和"0"年度"`) heads
 * no table, and taken for a header it turned the row's own progress cell into its block's year.
 */
function endsBeforeYears(row: readonly (Cell | undefined)[], col: number, firstYearCol: number): boolean {
  const filled = (c: number) => cellText(row[c]).trim() !== '';
  return col + 1 < firstYearCol - 1 && filled(col + 1) && !filled(firstYearCol - 1);
}

/** What the scan learns from a cell's text alone. */
interface TextFacts {
  fy?: FiscalYear;
  header: string;
  /** A label's compact text; empty for any other text. */
  compact: string;
  kind?: LabelKind;
  /**
   * Which of the words findTargetId and findIndicatorId look for the text holds (a year header's
   * too): ID_WORDS bits. A text other than a year header that holds one names an id (SheetScan.idCells).
   */
  idWords: number;
  summaryLine: boolean;
  yearTitle: boolean;
  /** A 本文 line stating a target's cumulative goal and nothing else (`5 年間（平成 29～令和 3 年度）累計：475 億円`). */
  goalLine: boolean;
  /** Whether the text may head a column of a summary table (summary.ts headerKind): 実績 or 進捗 labels, years, or a 年. */
  columnHint: boolean;
  /** A half or a quarter of a year (`上半期`, `第1四半期`): namesPartOfYear. */
  partOfYear?: true;
  /** A year without its era (`2年度`, `29年度`, `元年度`): ERALESS_YEAR. */
  eraless?: true;
  /** A line stating the plan period (`計画期間：平成29年度～令和3年度`, `令和元年度から令和5年度まで`, `5年間`). */
  planPeriodLine?: true;
}

/**
 * Notes between a label and its figure in a compact text (summary.ts reads the figures past them): in parentheses
 * (`(見込)`, `(R1)`, `(%)`) or a reference mark (`※`, `※1`).
 */
const NOTE = String.raw`(?:\([^()]{0,26}\)|※\d{0,2})*`;

/** A line stating a year's figures without 当該年度: `目標値：100億円　実績値：120億円　進捗度：125％`. */
export const PLAIN_SUMMARY_LINE = new RegExp(String.raw`(?<!数値)目標[値額]?は?${NOTE}[:：]?(?:約|延べ?)?[△▲-]?\d.*実績(見込)?[値額]?は?${NOTE}[:：]?(?:約|延べ?)?[△▲-]?\d.*(進捗|達成)(度|率)は?${NOTE}[:：]?[△▲-]?\d`);

/** A line stating an indicator's or a target's progress after its id, without brackets: `評価指標(1)の進捗度：103％`. */
const PROGRESS_LINE = /(評価指標|数値目標).*(進捗|達成)(度|率)[:：]?[△▲-]?\d[\d.,]*[%％]/;

/** The brackets a summary's figures stand in: `【…】` mostly, `[…]`, `〔…〕`, `《…》`, `〈…〉` or `≪…≫` in some offices' forms. */
export const SUMMARY_BRACKETS = { opening: '【[［〔《〈≪', closing: '】]］〕》〉≫' } as const;
/** The brackets as they go inside a regular expression's character class (`]` escaped). */
export const BRACKET_CLASS = { opening: SUMMARY_BRACKETS.opening, closing: SUMMARY_BRACKETS.closing.replace(']', '\\]') } as const;

/** A 当該年度 label and its figure (`当該年度実績値（見込）163人`), or a bracket opening on the progress (`【進捗度 …`, `〔進捗度 …`). */
const SUMMARY_FIELD = new RegExp(String.raw`当該年度(目標|実績(見込)?)値?${NOTE}[:：]?(?:約|延べ?)?[△▲-]?\d|[${BRACKET_CLASS.opening}](進捗|達成)(度|率)`);

/** Whether a compact text states figures as a summary line does (`【当該年度目標値 …`, `[進捗度 98%]`, `目標値：100億円　実績値：…`). */
export function isSummaryLine(comp: string): boolean {
  return (comp.includes('当該年度') || comp.includes('進捗') || comp.includes('達成')) && (SUMMARY_FIELD.test(comp) || PLAIN_SUMMARY_LINE.test(comp) || PROGRESS_LINE.test(comp));
}

/**
 * The facts of texts that are neither labels nor years, one object for each combination of what they hold: most such
 * texts (a block's id and name, a summary line) stand in one cell each, and need no object of their own to keep.
 */
const UNLABELLED: readonly TextFacts[] = Array.from({ length: 64 }, (_, bits) =>
  Object.freeze({ header: '', compact: '', idWords: bits & 3, summaryLine: (bits & 4) !== 0, yearTitle: (bits & 8) !== 0, goalLine: (bits & 16) !== 0, columnHint: (bits & 32) !== 0 }),
);

function unlabelled(idWords: number, summaryLine: boolean, yearTitle: boolean, goalLine: boolean, columnHint: boolean): TextFacts {
  return UNLABELLED[idWords | (summaryLine ? 4 : 0) | (yearTitle ? 8 : 0) | (goalLine ? 16 : 0) | (columnHint ? 32 : 0)];
}

/** The facts of most texts: nothing the detectors look for. */
const NOTHING = unlabelled(0, false, false, false, false);
/** A text with a 年 and nothing else the detectors look for. */
const YEAR_WORD = unlabelled(0, false, false, false, true);

/** The words of the ids: 数値目標 for a target's, 評価指標 for an indicator's. */
export const ID_WORDS = { target: 1, indicator: 2 } as const;

function idWordsIn(text: string): number {
  return (text.includes('数値目標') ? ID_WORDS.target : 0) | (text.includes('評価指標') ? ID_WORDS.indicator : 0);
}

// The first characters of every word readTextFacts looks for anywhere in a text (総事業費, 国予算,
// 自治体予算, 地方予算, 民間, a letter in parentheses, 数値目標, 評価指標, 評価, 当該年度, 進捗, 累計), and 費 of 国費, 県費, 事業費計.
const WORD_STARTS = new CharSet('総国自地民(（数評当進費累');
// The opening brackets of bareLabel as they stand before compact(): `［` becomes `[`.
const OPENING_CODES = new CharSet('【[〔［');

/**
 * Whether the compact form of a text could be anything readTextFacts looks for: a label starts
 * with one of LABEL_STARTS, every other pattern holds a word starting with one of WORD_STARTS.
 * Most texts of a workbook (`1,234億円`, `104%`, names) hold neither and need no compact form.
 */
export function mayMatter(text: string): boolean {
  let i = 0;
  while (i < text.length && isCompactedAway(text.charCodeAt(i))) i++;
  // A label in brackets (bareLabel) starts after the bracket.
  if (i < text.length && OPENING_CODES.has(text.charCodeAt(i))) i++;
  while (i < text.length && isCompactedAway(text.charCodeAt(i))) i++;
  if (i === text.length) return false;
  i = afterEnumerator(text, i);
  while (i < text.length && isCompactedAway(text.charCodeAt(i))) i++;
  if (i === text.length) return false;
  const first = text.charCodeAt(i);
  // compact() maps full-width ASCII (Ｉ, ５) to half-width.
  if (LABEL_STARTS.has(first >= 0xff01 && first <= 0xff5e ? first - 0xfee0 : first)) return true;
  for (; i < text.length; i++) if (WORD_STARTS.has(text.charCodeAt(i))) return true;
  return false;
}

/** A cumulative goal stated on a line of its own, in compact form: `5年間(平成29～令和3年度)累計:475億円`, `累計：24.5万人`. */
export const GOAL_LINE = /累計[:：]約?\d[\d,.]*(?:百万|万|億|千|兆)?(?:円|人|件|社|者|名)/;

function readTextFacts(text: string): TextFacts {
  const facts = textFacts(text);
  const partOfYear = text.length <= 12 && namesPartOfYear(text);
  const planPeriodLine = text.length <= 80 && text.includes('計画期間') && planPeriod(text) !== undefined;
  const eraless = !facts.fy && text.length <= 12 && ERALESS_YEAR.test(text);
  return partOfYear || planPeriodLine || eraless
    ? { ...facts, ...(partOfYear && { partOfYear: true }), ...(planPeriodLine && { planPeriodLine: true }), ...(eraless && { eraless: true }) }
    : facts;
}

function textFacts(text: string): TextFacts {
  if (text.length <= 30) {
    const fy = parseFiscalYear(text);
    if (fy) return { fy, header: text.trim(), compact: '', idWords: idWordsIn(text), summaryLine: false, yearTitle: false, goalLine: false, columnHint: true };
  }
  if (!mayMatter(text)) return text.includes('年') ? YEAR_WORD : NOTHING;
  const comp = compact(text);
  if (!comp) return NOTHING;
  const kind = classifyLabel(comp);
  // A text holding either word keeps it once compacted: the compact text's words cover the text's.
  const idWords = idWordsIn(comp);
  const summaryLine = isSummaryLine(comp);
  // `評価対象年度：令和5年度`, `令和5年度 評価指標の進捗`, and a document's title naming its year (`令和５年度 総合特別区域評価書`,
  // `評価書（令和5年度）`).
  const yearTitle = comp.length <= 60 && comp.includes('評価') && /評価(対象)?年度|年度評価|年度の?評価|評価指標の進捗|評価書/.test(comp);
  const goalLine = !idWords && !summaryLine && comp.length <= 60 && GOAL_LINE.test(comp);
  const columnHint = kind === 'actual' || kind === 'progress' || text.includes('年');
  return kind ? { header: '', compact: comp, kind, idWords, summaryLine, yearTitle, goalLine, columnHint } : unlabelled(idWords, summaryLine, yearTitle, goalLine, columnHint);
}

/**
 * What the detectors work out from a text alone, remembered for a whole workbook: tables repeat
 * their texts (`目標値`, `104%`, `寄与度(※):33%`) within a sheet and from sheet to sheet, and a
 * workbook's cells that repeat a text share one string.
 */
export class TextMemo {
  readonly facts = new Map<string, TextFacts>();
  readonly targetIds = new Map<string, ReturnType<typeof findTargetId> | null>();
  readonly indicatorIds = new Map<string, ReturnType<typeof findIndicatorId> | null>();
  readonly kinds = new Map<string, LabelKind | null>();
  readonly parsedTexts = new Map<string, Parsed>();
  readonly parsedNumbers = new Map<string, Map<number, Parsed>>();
}

const BLANK: Parsed = parseCell(undefined);

export class SheetScan {
  readonly view: SheetView;
  readonly labels: Label[] = [];
  readonly byKind = new Map<LabelKind, Label[]>();
  /** Year header cells, grouped by row (rows in ascending order). */
  readonly yearRows = new Map<number, YearCell[]>();
  readonly yearRowList: number[] = [];
  /** Cells whose text names a 数値目標 or 評価指標, in reading order. */
  readonly idCells: { row: number; col: number; text: string }[] = [];
  /** Cells holding summary lines (`【当該年度目標値 …】`, `[進捗度 98%]`). */
  readonly summaryLines: { row: number; col: number; text: string }[] = [];
  /** Cells that mention the evaluation year (`評価対象年度：令和5年度`). */
  readonly yearTitles: { row: number; col: number; text: string }[] = [];
  /** Cells stating a cumulative goal alone (`累計：475 億円`), read with the id named above them. */
  readonly goalLines: { row: number; col: number; text: string }[] = [];
  /** Cells stating the plan period (`計画期間：平成29年度～令和3年度`), lent to the tables under them. */
  readonly planPeriodLines: { row: number; col: number; text: string }[] = [];
  cellCount = 0;

  /** Per row, the id words (ID_WORDS bits) its cells show, merged areas included. */
  private readonly idWordRows: Uint8Array;
  /** Per row, 1 when a cell's own text may head a summary table's 実績 or 進捗 column. */
  private readonly columnHintRows: Uint8Array;

  constructor(
    view: SheetView,
    private readonly memo: TextMemo = new TextMemo(),
  ) {
    this.view = view;
    const rows = view.sheet.rows;
    this.idWordRows = new Uint8Array(rows.length);
    this.columnHintRows = new Uint8Array(rows.length);
    // The last row holding an era alone (`令和` merged over `3年度 | 4年度 | 5年度`).
    let eraRow = -2;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      let years: YearCell[] | undefined;
      // Years without their era (`29年度 | 30年度 | 元年度`), read as a row of years only where the row names none.
      let eraless: YearCell[] | undefined;
      let partsOfYear = 0;
      const labelsBefore = this.labels.length;
      const columns = sparseColumns(row);
      for (let k = 0, n = columns ? columns.length : row.length; k < n; k++) {
        const c = columns ? columns[k] : k;
        const cell = row[c];
        if (!cell) continue;
        this.cellCount++;
        const v = cell.value;
        if (cell.text !== undefined && (cell.isDate || (typeof v === 'number' && (formatInfo(cell.numFmt).isDate || (cell.numFmt !== undefined && Number.isInteger(v) && v > 0 && v < 100))))) {
          // A year header kept as a date and shown as its year (`[$-411]ggge"年度"` → 令和5年度; `e"年度"` → 29年度, the
          // date telling the era), or typed as a number and shown as one (`"令和"0"年度"` holding 5 → 令和5年度).
          const dated = cell.isDate || (typeof v === 'number' && formatInfo(cell.numFmt).isDate);
          const fy = parseFiscalYear(cell.text) ?? (dated ? fiscalYearOfDate(v as string | number, cell.text) : undefined);
          const year = fy ? { row: r, col: c, fy, header: cell.text.trim() } : eraRow === r - 1 ? this.yearUnderEra(r, c, cell.text) : undefined;
          if (year) (years ??= []).push(year);
        } else if (typeof v === 'string') {
          const year = this.indexText(r, c, v) ?? (eraRow === r - 1 ? this.yearUnderEra(r, c, v) : years ? yearAfterEra(years[years.length - 1], r, c, v) : undefined);
          if (year) (years ??= []).push(year);
          else if (this.memo.facts.get(v)?.partOfYear) partsOfYear++;
          else if (this.memo.facts.get(v)?.eraless) (eraless ??= []).push({ row: r, col: c, fy: { year: 0, baseline: false }, header: v });
          else if (v.length <= 4 && eraOf(v)) eraRow = r;
        } else if (typeof v === 'number' && Number.isInteger(v) && v >= 1990 && v <= 2100 && !formatInfo(cell.numFmt).isDate && !cell.numFmt?.includes('%')) {
          (years ??= []).push({ row: r, col: c, fy: { year: v, baseline: false }, header: String(v) });
        } else if (eraRow === r - 1 && typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100 && !cell.numFmt?.includes('%')) {
          const year = this.yearUnderEra(r, c, `${v}年度`);
          if (year) (years ??= []).push(year);
        }
      }
      if (!years && eraless && eraless.length >= 2) years = yearsOfEras(eraless);
      // A 目標値 / 実績値 / 進捗度 (or 寄与度) row holds values, never the year header of another block.
      // A label naming a year (`目標(R6)` over a column of goals), or one right of the years (`寄与度`
      // over a column of weights), heads a column: its row may be the header.
      let valueRow = false;
      const firstYearCol = years ? years[0].col : 0;
      let namesLabelColumn = false;
      for (let c = 0; years && c < firstYearCol && !namesLabelColumn; c++) {
        const v = row[c]?.value;
        namesLabelColumn = typeof v === 'string' && LABEL_COLUMN_HEADER.test(compact(v));
      }
      for (let i = labelsBefore; i < this.labels.length && !valueRow && !namesLabelColumn; i++) {
        const { kind, text, col, compact } = this.labels[i];
        valueRow = (kind === 'target' || kind === 'actual' || kind === 'progress' || (kind === 'weight' && !WEIGHT_HEADER.test(compact))) && col < firstYearCol && !NAMES_A_YEAR.test(text) && !(years!.length > 1 && endsBeforeYears(row, col, firstYearCol));
      }
      // A year merged over several cells is one year, at its top-left cell: a source that copies it into the area's
      // other cells (exceljs does; Office.js and Hyoka's reader leave them empty) would make each year two columns.
      if (years && view.hasMerges) years = years.filter((y) => this.atMergeTop(y.row, y.col));
      if (years && years.length > 1) years = this.withoutTotalColumns(years);
      // A row of halves or quarters under the years (`令和3年度` merged over `上半期 | 下半期`): the table is by parts of
      // years, each column a part, and the years above it head no year's column.
      if (partsOfYear >= 2) this.dropYearRowOver(r);
      if (years && years.length > 0 && !valueRow && this.isYearRow(years)) {
        this.yearRows.set(r, years);
        this.yearRowList.push(r);
      }
    }
    // A merged area shows its top-left cell's words in every row it covers.
    for (const m of view.sheet.merges) {
      const v = view.raw(m.top, m.left)?.value;
      const words = typeof v === 'string' ? (this.memo.facts.get(v)?.idWords ?? 0) : 0;
      for (let r = m.top + 1; words !== 0 && r <= m.bottom && r < rows.length; r++) this.idWordRows[r] |= words;
    }
  }

  /**
   * A year saying it heads running totals (`令和元年度(累計)`) beside the same year's own column is the row's 累計
   * column (through that year), not the year a second time: it is labelled so.
   */
  private withoutTotalColumns(years: YearCell[]): YearCell[] {
    const totals = years.filter((y) => y.header.includes('累計') && years.some((o) => o !== y && o.fy.year === y.fy.year && !o.header.includes('累計')));
    if (totals.length === 0) return years;
    let list = this.byKind.get('cumulative');
    if (!list) this.byKind.set('cumulative', (list = []));
    for (const y of totals) {
      const label: Label = { row: y.row, col: y.col, kind: 'cumulative', text: y.header, compact: compact(y.header) };
      this.labels.push(label);
      list.push(label);
    }
    return years.filter((y) => !totals.includes(y));
  }

  /** Forgets the year header row right above `row` (its cells merged down to it or not). */
  private dropYearRowOver(row: number): void {
    const last = this.yearRowList[this.yearRowList.length - 1];
    if (last === undefined || last >= row) return;
    const reaches = (y: YearCell) => (this.view.hasMerges ? (this.view.mergeAt(y.row, y.col)?.bottom ?? y.row) : y.row) >= row - 1;
    if (!this.yearRows.get(last)!.every(reaches)) return;
    this.yearRowList.pop();
    this.yearRows.delete(last);
  }

  /** Whether a cell is the top-left of its merged area, or in none. */
  private atMergeTop(row: number, col: number): boolean {
    const m = this.view.mergeAt(row, col);
    return !m || (m.top === row && m.left === col);
  }

  private isYearRow(years: YearCell[]): boolean {
    const texty = years.filter((y) => y.header !== String(y.fy.year) || y.header.length !== 4);
    if (texty.length >= 1) return true;
    // Bare numbers count as years only as a run of consecutive years.
    for (let i = 1; i < years.length; i++) if (years[i].fy.year === years[i - 1].fy.year + 1) return true;
    return false;
  }

  /**
   * A year written without its era under a cell holding the era alone (`令和` over `3年度`, or over
   * 3): the year header that the two cells make.
   */
  private yearUnderEra(r: number, c: number, text: string): YearCell | undefined {
    const t = text.trim();
    const first = t.charCodeAt(0);
    if (!(isDigit(first) || t.startsWith('元')) || t.length > 12) return undefined;
    const above = this.view.shownCell(r - 1, c)?.value;
    const era = typeof above === 'string' ? eraOf(above) : undefined;
    const fy = era ? parseFiscalYear(era + t) : undefined;
    return fy && !fy.baseline ? { row: r, col: c, fy, header: era + t } : undefined;
  }

  /** Indexes a text cell; returns it as a year header cell when it is one. */
  private indexText(r: number, c: number, text: string): YearCell | undefined {
    let facts = this.memo.facts.get(text);
    if (!facts) this.memo.facts.set(text, (facts = readTextFacts(text)));
    this.idWordRows[r] |= facts.idWords;
    if (facts.columnHint) this.columnHintRows[r] = 1;
    if (facts.fy) return { row: r, col: c, fy: facts.fy, header: facts.header };
    const kind = facts.kind;
    if (kind) {
      const label: Label = { row: r, col: c, kind, text, compact: facts.compact };
      this.labels.push(label);
      let list = this.byKind.get(kind);
      if (!list) this.byKind.set(kind, (list = []));
      list.push(label);
    }
    if (facts.idWords !== 0) this.idCells.push({ row: r, col: c, text });
    if (facts.summaryLine) this.summaryLines.push({ row: r, col: c, text });
    if (facts.yearTitle) this.yearTitles.push({ row: r, col: c, text });
    if (facts.goalLine) this.goalLines.push({ row: r, col: c, text });
    if (facts.planPeriodLine) this.planPeriodLines.push({ row: r, col: c, text });
    return undefined;
  }

  kind(kind: LabelKind): Label[] {
    return this.byKind.get(kind) ?? [];
  }

  /**
   * Whether any cell of a row shows a text holding one of `words` (ID_WORDS bits): its own, or
   * that of the merged area it lies in. Rows without one need no look for such an id.
   */
  showsIdWords(row: number, words: number): boolean {
    return (this.idWordRows[row] & words) !== 0;
  }

  /**
   * Whether a row may hold the 実績 or 進捗 header of a summary table (a text labelled so, a
   * year, or one with a 年): 目標値 rows without one need no look for such a table.
   */
  mayHoldColumnHeader(row: number): boolean {
    return this.columnHintRows[row] === 1;
  }

  private readonly rowIndex = new Map<LabelKind, Map<number, Label[]>>();

  /** Labels of one kind in one row. */
  inRow(kind: LabelKind, row: number): Label[] {
    let index = this.rowIndex.get(kind);
    if (!index) {
      index = new Map();
      for (const l of this.kind(kind)) {
        let list = index.get(l.row);
        if (!list) index.set(l.row, (list = []));
        list.push(l);
      }
      this.rowIndex.set(kind, index);
    }
    return index.get(row) ?? [];
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.view.name, row, col };
  }

  /** Compact text shown at (row, col), merged areas resolved. */
  shownText(row: number, col: number): string {
    return compact(cellText(this.view.shownCell(row, col)));
  }

  /** findTargetId, worked out once per text of the workbook (blocks look at the cells above them too). */
  targetIdIn(text: string): ReturnType<typeof findTargetId> {
    let id = this.memo.targetIds.get(text);
    if (id === undefined) this.memo.targetIds.set(text, (id = findTargetId(text) ?? null));
    return id ?? undefined;
  }

  /** findIndicatorId, worked out once per text of the workbook. */
  indicatorIdIn(text: string): ReturnType<typeof findIndicatorId> {
    let id = this.memo.indicatorIds.get(text);
    if (id === undefined) this.memo.indicatorIds.set(text, (id = findIndicatorId(text) ?? null));
    return id ?? undefined;
  }

  /** classifyLabel(compact(text)), worked out once per text of the workbook. */
  labelKind(text: string): LabelKind | undefined {
    // The scans classified every text of the workbook's sheets so far that is not a year header.
    const facts = this.memo.facts.get(text);
    if (facts && !facts.fy) return facts.kind;
    let kind = this.memo.kinds.get(text);
    if (kind === undefined) this.memo.kinds.set(text, (kind = classifyLabel(compact(text)) ?? null));
    return kind ?? undefined;
  }

  /** The label kind of the text shown at (row, col), merged areas resolved. */
  shownKind(row: number, col: number): LabelKind | undefined {
    return this.cellKind(this.view.shownCell(row, col));
  }

  /** The label kind of a cell's text; a number shown as itself is never a label. */
  cellKind(cell: Cell | undefined): LabelKind | undefined {
    if (!cell || (typeof cell.value === 'number' && cell.text === undefined && !cell.error)) return undefined;
    return this.labelKind(cellText(cell));
  }

  /**
   * parseCell, remembered per workbook by its own strings: cells that repeat a text (or a number
   * format) share one string, which the lookup then recognises without reading it.
   */
  parse(cell: Cell | undefined): Parsed {
    if (!cell || cell.error || cell.noCachedResult || cell.isDate) return parseCell(cell);
    const v = cell.value;
    if (typeof v === 'string') {
      let parsed = this.memo.parsedTexts.get(v);
      if (!parsed) this.memo.parsedTexts.set(v, (parsed = parseNumberText(v)));
      return parsed;
    }
    if (typeof v === 'number') {
      const format = cell.numFmt ?? '';
      let byValue = this.memo.parsedNumbers.get(format);
      if (!byValue) this.memo.parsedNumbers.set(format, (byValue = new Map()));
      let parsed = byValue.get(v);
      if (!parsed) byValue.set(v, (parsed = parseCell(cell)));
      return parsed;
    }
    return parseCell(cell);
  }

  /** Reads a cell where a number belongs. */
  valueCell(row: number, col: number): ValueCell {
    const cell: Cell | undefined = this.view.raw(row, col);
    return new GridValueCell(this.view.name, row, col, cell, this.parse(cell));
  }

  /** A cell where a number might belong that holds none by what it says (`有` for 財政支援要望): read as a blank. */
  noAmountCell(row: number, col: number): ValueCell {
    return new GridValueCell(this.view.name, row, col, this.view.raw(row, col), BLANK);
  }

  /**
   * Reads a cell where a number belongs whose unit stands in a cell beside it (`100 | 社`): a
   * number without a unit of its own is read with that unit; anything else as valueCell reads it.
   */
  valueCellWithUnit(row: number, col: number, unitCol: number): ValueCell {
    const unit = this.view.raw(row, unitCol)?.value;
    // `-` in a unit's place (a count of no unit) gives none.
    return typeof unit === 'string' && parseNumberText(unit).kind !== 'blank' ? this.valueCellInUnit(row, col, unit) : this.valueCell(row, col);
  }

  /**
   * Reads a cell where a number belongs in a unit written elsewhere (in a cell beside it, in its row's label, over its
   * table): a number without a unit of its own is read with that unit; anything else as valueCell reads it.
   */
  valueCellInUnit(row: number, col: number, unit: string): ValueCell {
    const cell: Cell | undefined = this.view.raw(row, col);
    const own = this.parse(cell);
    if (own.kind !== 'number' || own.unit !== null || own.percent || own.scaleLabel !== '') return new GridValueCell(this.view.name, row, col, cell, own);
    const withUnit = parseNumberText(`${own.value.toFixed(own.decimals)}${unit.trim()}`);
    if (withUnit.kind !== 'number') return new GridValueCell(this.view.name, row, col, cell, own);
    return new GridValueCell(this.view.name, row, col, cell, { ...withUnit, numeric: own.numeric, exact: withUnit.exact && own.exact });
  }

  /**
   * The nearest year header row above `row` (within `maxUp` rows) with years right of `afterCol`
   * and left of `beforeCol` (where a table beside the block starts).
   */
  headerAbove(row: number, afterCol: number, maxUp: number, beforeCol = Infinity): YearCell[] | undefined {
    const list = this.yearRowList;
    let lo = 0;
    let hi = list.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] <= row) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = idx; i >= 0 && row - list[i] <= maxUp; i--) {
      const cells = this.yearsBetween(list[i], afterCol, beforeCol);
      if (cells.length > 0) return cells;
    }
    return undefined;
  }

  private readonly between = new Map<number, Map<number, YearCell[]>>();

  /**
   * The year cells of a header row between two columns; the same array for every block under that
   * header, which then shares its year columns (progress.ts).
   */
  private yearsBetween(row: number, afterCol: number, beforeCol: number): YearCell[] {
    let byCols = this.between.get(row);
    if (!byCols) this.between.set(row, (byCols = new Map()));
    // Excel has 16,384 columns: one number keys both bounds.
    const key = beforeCol === Infinity ? afterCol : afterCol + (beforeCol + 1) * 16384;
    let cells = byCols.get(key);
    if (!cells) {
      cells = this.yearRows.get(row)!.filter((y) => y.col > afterCol && y.col < beforeCol);
      // The first year met again after others starts another table's years (tables side by side under one row of headers,
      // `H29 … R3 | H29 … R3`), which a block with no label of that table's in its rows would take for its own.
      const again = cells.findIndex((y, i) => i > 1 && y.fy.year === cells![0].fy.year && cells![i - 1].fy.year !== y.fy.year);
      if (again > 0) cells = cells.slice(0, again);
      byCols.set(key, cells);
    }
    return cells;
  }
}

/**
 * A cell where a number belongs, as a table holds it: a workbook has one for most of its value
 * cells, so it keeps the cell and works out its address, text and storage when asked.
 */
class GridValueCell implements ValueCell {
  private address: CellRef | undefined;

  constructor(
    private readonly sheet: string,
    private readonly row: number,
    private readonly col: number,
    private readonly cell: Cell | undefined,
    readonly parsed: Parsed,
  ) {}

  get ref(): CellRef {
    return (this.address ??= { sheet: this.sheet, row: this.row, col: this.col });
  }

  get text(): string {
    return cellText(this.cell);
  }

  get storage(): ValueCell['storage'] {
    return storageOf(this.cell);
  }

  get numFmt(): string | undefined {
    return this.cell?.numFmt;
  }

  get formula(): string | undefined {
    return this.cell?.formula;
  }

  get stored(): CellValue {
    return this.cell?.value ?? null;
  }

  get inline(): undefined {
    return undefined;
  }
}

keepShape(new SheetScan(new SheetView({ name: '', rows: [], merges: [] })));
keepShape(new GridValueCell('', 0, 0, undefined, parseCell(undefined)));

export function storageOf(cell: Cell | undefined): ValueCell['storage'] {
  if (!cell || cell.value === null || cell.value === undefined) return cell?.formula ? 'other' : 'empty';
  if (typeof cell.value === 'number') return 'number';
  if (typeof cell.value === 'string') return 'text';
  return 'other';
}
