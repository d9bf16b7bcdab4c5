/**
 * Reading the numbers people type into evaluation tables: `119億円`, `24.5万人`, `177,000 (千円)`,
 * `△5`, `１０４％`, numeric cells with formats such as `0%` or `#,##0"億円"`. Each number keeps the
 * interval its display allows, because `119億円` means anything from 118.5 to 119.5 億円.
 */
import type { Cell } from './grid.js';
import { Decimal, dec } from './decimal.js';
import { toHalfWidth } from './text.js';

export type UnitGroup = string;

export interface NumberValue {
  kind: 'number';
  /** The value in base units (`119億円` → 11,900,000,000), percent points for percentages. */
  value: Decimal;
  /** The smallest and largest values consistent with what is shown. */
  lo: Decimal;
  hi: Decimal;
  /** Base unit without scale: `円`, `人`, `件`, `%`; null for a bare number. */
  unit: string | null;
  /** The scale shown with the number: `億` → 1e8; 1 when none. */
  scale: Decimal;
  scaleLabel: string;
  /** Decimals shown. */
  decimals: number;
  /** True when the shown number is the value itself (a plain integer count). */
  exact: boolean;
  /** The number came from a numeric cell (not text). */
  numeric: boolean;
  /** Shown as a percentage (`138%`, or a numeric cell with a `%` format). */
  percent: boolean;
  /** A bound written after the number (`100%以上`, `120億円超`): the number is where the amount starts or ends. */
  bound?: '以上' | '超' | '以下' | '未満';
  /** A note after a progress saying whether its target was reached (`104%(達成)`: true, `68%（未達成）`, `(未達)`: false). */
  reached?: boolean;
}

export interface Blank {
  kind: 'blank';
  /** A unit written beside the blank, as in `- (千円)`. */
  unit?: string | null;
}

export interface Invalid {
  kind: 'invalid';
  reason: 'text' | 'error' | 'date' | 'no-cached-result' | 'boolean';
  text: string;
}

export type Parsed = NumberValue | Blank | Invalid;

const SCALES: ReadonlyArray<[string, string]> = [
  ['兆', '1e12'],
  // `4.75百億円` is 475億円 (百億 = 10¹⁰), never 4.75 of a unit 百億円.
  ['千億', '1e11'],
  ['百億', '1e10'],
  ['十億', '1e9'],
  ['百万', '1e6'],
  ['千万', '1e7'],
  ['億', '1e8'],
  ['万', '1e4'],
  ['千', '1e3'],
];

const BLANKS = new Set(['', '-', '－', '—', '―', '‐', '−', '‒', '–', 'ー', 'ｰ', '該当なし', '/', '／', 'なし', '無', 'N/A', 'n/a', '…', '*', '＊']);

const UNIT_GROUPS: Record<string, UnitGroup> = {
  円: 'yen',
  人: 'person',
  名: 'person',
  者: 'person',
  件: 'case',
  社: 'company',
  '%': 'percent',
  日: 'day',
  日間: 'day',
};

/** Units that can be compared with each other share a group; a bare number fits any group. */
export function unitGroup(unit: string | null): UnitGroup | null {
  if (!unit) return null;
  // `6か月`, `6ヶ月間`, `6カ月`: one unit however it is spelled.
  if (/^[かヶカケヵ]月間?$/.test(unit)) return 'month';
  // `120か所`, `120箇所`, `120ヶ所`, `120カ所`: places, however spelled.
  if (/^[かヶカケヵ箇]所$/.test(unit)) return 'place';
  return UNIT_GROUPS[unit] ?? `other:${unit}`;
}

// Decimals are immutable, so the constants below are made once and shared.
const ONE = dec(1);
const SCALE_VALUES = new Map(SCALES.map(([label, factor]) => [label, dec(factor)]));

function splitScale(unitText: string): { scaleLabel: string; scale: Decimal; unit: string | null } {
  for (const [label] of SCALES) {
    if (unitText.startsWith(label)) {
      const rest = unitText.slice(label.length);
      return { scaleLabel: label, scale: SCALE_VALUES.get(label)!, unit: rest || null };
    }
  }
  return { scaleLabel: '', scale: ONE, unit: unitText || null };
}

const halves: Decimal[] = [];

/** Half a unit of the last shown digit: 0.5 at 0 decimals, 0.05 at 1. */
function halfUnit(decimals: number): Decimal {
  if (decimals < 0 || decimals > 30) return dec(5).times(dec(10).pow(-(decimals + 1)));
  return (halves[decimals] ??= dec(5).times(dec(10).pow(-(decimals + 1))));
}

function times(v: Decimal, scale: Decimal): Decimal {
  return scale === ONE ? v : v.times(scale);
}

function interval(shown: Decimal, decimals: number, scale: Decimal, exact: boolean): { lo: Decimal; hi: Decimal } {
  if (exact) {
    const v = times(shown, scale);
    return { lo: v, hi: v };
  }
  const half = halfUnit(decimals);
  return { lo: times(shown.minus(half), scale), hi: times(shown.plus(half), scale) };
}

/** An approximate whole number, rounded at its last digit other than a zero: 約1,300 is 1,250–1,350. */
function roughInterval(shown: Decimal, digits: string, scale: Decimal): { lo: Decimal; hi: Decimal } {
  const zeros = /0*$/.exec(digits)![0].length;
  const half = dec(5).times(dec(10).pow(Math.min(zeros, digits.length - 1) - 1));
  return { lo: times(shown.minus(half), scale), hi: times(shown.plus(half), scale) };
}

/**
 * A bare number (no unit, no scale: `100`, a General cell) read in the unit of `like`: beside a
 * goal of `300億円`, a cell holding 100 means 100億円, rounded to its last shown digit as if the
 * unit were written. A number with a unit of its own, or beside another bare number or a
 * percentage, is returned as it is.
 */
export function inUnitOf(v: NumberValue, like: NumberValue | undefined): NumberValue {
  if (!like || like.percent || (like.unit === null && like.scaleLabel === '')) return v;
  if (v.unit !== null || v.percent || v.scaleLabel !== '' || !v.scale.eq(1)) return v;
  const scaled = !like.scale.eq(1);
  const { lo, hi } = !scaled ? v : v.exact ? interval(v.value, 0, like.scale, false) : { lo: times(v.lo, like.scale), hi: times(v.hi, like.scale) };
  return { ...v, value: times(v.value, like.scale), lo, hi, unit: like.unit, scale: like.scale, scaleLabel: like.scaleLabel, exact: v.exact && !scaled };
}

/**
 * Parsed values are immutable and depend only on their input, so a cell text or a numeric value
 * seen before (tables repeat `104%`, `実績値`, `- (千円)` many times) is parsed once. The caches
 * are emptied when they grow past this many entries, which bounds their memory.
 */
const CACHE_LIMIT = 100_000;
const textCache = new Map<string, Parsed>();
const numericCache = new Map<string, Map<number, Parsed>>();
let numericCached = 0;

// `約` (about), `延べ` (in total), `年間` (a year) and `+` are tolerated before the number; `△` / `▲` are minus signs, and
// so are the hyphens and dashes text pasted from a document holds (`‐5`, `–5`; alone, they are blanks); `±` only before a
// zero (`±0`, no change), since `±5` is no one number.
const NUMBER_RE = /^(?:約|延べ?|年間)?([△▲+\-−‐‑‒–±]?)(\d+(?:\.\d+)?|\.\d+)(.*)$/;

/** A unit of a length of time: `30日` and `6か月` in a row of figures are counts (手続日数), a date is `4月1日`. */
const DURATION = /^(時間|分間?|秒間?|日間?|週間|[かヶカケヵ]月間?|年間)$/;

/**
 * Forgets the texts and numbers parsed so far (they are kept for the process, up to CACHE_LIMIT each): the next check
 * parses every text again, as the first check of a process does. For benchmarks.
 */
export function forgetParsed(): void {
  textCache.clear();
  numericCache.clear();
  numericCached = 0;
}

/** Parses the text of a cell where a number belongs. */
export function parseNumberText(raw: string): Parsed {
  const hit = textCache.get(raw);
  if (hit) return hit;
  const parsed = parseNumberTextOnce(raw);
  if (textCache.size >= CACHE_LIMIT) textCache.clear();
  textCache.set(raw, parsed);
  return parsed;
}

// Characters the normalisation below changes: full-width forms, spaces, separators.
const NEEDS_NORMALISING = /[\uFF01-\uFF5E\u3000\s\u00a0,，]/;

/**
 * Marks that may stand before a progress's figure (`○104%`, `×62%`; `●` as a bullet), read past as parseNumberText
 * reads them, and by fix.ts and the summary lines likewise; after a figure △ and ▲ are marks too (before it, minus signs).
 */
export const MARKS_BEFORE = '○◎〇◯●×✕✖';

/** How far a progress passed its target or fell short of it: `大きく上回った`, `やや下回った`. */
export const BY_HOW_MUCH = '(?:大きく|大幅に|やや|わずかに|若干)';
/**
 * Words saying whether a progress reached its target, before its figure or in parentheses after it: `達成`, `未達成`,
 * `未達`, `目標達成`, `目標未達成`, `目標を上回った`, `目標を下回った`, `目標値を上回る`, `目標を大きく上回った` (the text is
 * half-width by then).
 */
export const REACH_WORD = `(?:目標)?(?:未達成|未達|達成)|(?:目標値?を)?${BY_HOW_MUCH}?[上下]回(?:った|っている|る)`;

/** Whether words REACH_WORD reads say the target was reached: `達成`, `上回った`; not `未達成`, `下回った`. */
export function saysReached(word: string): boolean {
  return !/未達|下回/.test(word);
}

// What kind of figure a number is: `見込`, `速報値`, `実績見込`, `概数`.
const FIGURE_KIND = '(?:実績)?(?:見込み?|速報|確報|暫定|概算|概数|推計|試算|予定|予測|確定|参考)[値額]?';
// Notes in parentheses only: the year or the part of it a figure is of (`(令和元年度末)`, `(R1速報値)`, `(2023年度)`, `(4-12月)`,
// `(4月～3月)`, `(上半期)`, `(年度累計)`), what it counts (`(延べ人数)`, `(実人数)`, `(新規)`, `(累計値)`, `(単年度分)`), which budget figure it is
// (`(決算見込)`, `(当初予算)`, `(補正後)`), with or without tax (`(税込)`).
const PAREN_NOTE = [
  `(?:(?:令和|平成|[RH])(?:元|\\d{1,2})(?:年度?)?|(?:元|\\d{1,2}|(?:19|20)\\d\\d)年度|年度)末?(?:${FIGURE_KIND}|実績)?`,
  '\\d{1,2}月?[~\\-－ー]\\d{1,2}月(?:分|実績)?',
  '年度累計',
  '[上下]半?期',
  '(?:延べ?|のべ|実)(?:人数|件数|数)?',
  '累[計積][値額]',
  '年度計',
  'FY\\d{2,4}',
  // On what basis it is counted (`(事業費ベース)`, `(契約ベース)`).
  '[^()（）]{1,10}ベース',
  '単年度分',
  '新規',
  '税(?:込み?|抜き?)',
  '(?:当初|補正後?|最終)?予算額?|決算(?:見込み?)?額?|補正後',
].join('|');
// A note after a number, in parentheses: what kind of figure it is (`(見込)`, `(速報値)`, `(累計)`, `(増)`), whether
// it reached its target (`104%(達成)`, `(未達成)`, `(未達)`), or
// when it was taken (`(R5.3末時点)`, `(3月末現在)`, `(R6.3末)`, `(2024.3)`); the figure before a revision (`100億円（当初87億円）`,
// `(変更前87億円)`: the figure is the revised one); the kind without parentheses
// (`707社速報値`, `35件累計` as `35件(累計)`); what it holds (`(うち民間100億円)`, `(内訳：…)`, `(民間投資を含む)`, `(用地費を除く)`);
// `増` (an increase: `136人増` is 136人); or a note mark (`※`, `※1`, `*`, `*2`, `注1`, `(注)`,
// `(※)`) with the note's words after it (`707社 ※速報値`), unless they go on as the number's scale or unit
// (`120※億円` is no 120).
const NOTE_RE = new RegExp(
  `^(.+?)(?:[(（](?:${FIGURE_KIND}|${PAREN_NOTE}|累計|累積|単年度?|年間|延べ?|実績|目標|増加?|未?達成(?:見込み?)?|未達|${REACH_WORD}|[^()（）]{0,16}(?:時点|現在)|(?:うち|内訳)[^()（）]*|(?:当初|(?:変更|修正|見直し)前)[^()（）]*|[^()（）]{0,20}(?:を?含む|を?除く)|(?:令和|平成|[RH])?(?:元|\\d{1,4})[./年]\\d{1,2}(?:月?末|[./月]\\d{1,2}日?|月)?(?:${FIGURE_KIND})?|注\\d*|※\\d*|\\*\\d*)[)）]|${FIGURE_KIND}|累[計積][値額]?|増加?|未?達成|未達|[${MARKS_BEFORE}△▲]|※(?!\\d*[兆億万千百円人名者件社%日])[^]*|\\*\\d*|注\\d+)$`,
);
// The leading parts of a number written with several scales: `1億2,000万円`, `3万5千人`.
const COMPOUND_RE = /^(\d+)(兆|億|万|千)(?=\d)/;
const COMPOUND_ORDER = ['兆', '億', '万', '千'];

// A thousands separator: after one to three digits or a group (never after a point: `1.2,345` is no 1.2345, nor after
// four digits: `1234,567`), before exactly three digits (`1,2345人` is no 12,345 人).
const THOUSANDS = /(?<=(?:^|[^\d.,，])\d{1,3}(?:[,，]\d{3})*)[,，](?=\d{3}(?!\d))/g;
// The figure's digits apart (`120\n130`, `3 5件`, `1 200`, after `約` or a sign): two figures in one cell, or a stray
// space; which number was meant is unknown. Digits in a note after the figure (`(2024. 3. 31現在)`) are the note's.
const DIGITS_APART = /^\D{0,3}\d[\d.,]*[\s\u00a0]+\d/;

// What may stand before a progress's figure: a mark (`○104%`, `◎104%`, `×62%`: △ and ▲ there are minus signs), a word
// saying whether the target was reached (`達成 104%`, `未達成 68%`, `目標を上回った 104%`), or parentheses around a
// percentage (`(104%)`, `(5割)`, after such a word too, `目標を上回った(104%)`; around a bare number they may be a minus).
const LEADS = new Set([...`${MARKS_BEFORE}(（達未目上下`].map((c) => c.charCodeAt(0)));
const LEAD_RE = new RegExp(
  `^(?:[${MARKS_BEFORE}]|(${REACH_WORD})[:：、]?)(?=[\\d.約△▲+])|^(${REACH_WORD})?[(（]((?:約)?[\\d.]+(?:%|割(?:\\d分)?))[)）]$`,
);

function parseNumberTextOnce(raw: string): Parsed {
  let t = raw;
  if (NEEDS_NORMALISING.test(raw)) {
    const half = toHalfWidth(raw);
    if (DIGITS_APART.test(half)) return { kind: 'invalid', reason: 'text', text: raw };
    t = half.replace(/[\s\u00a0]+/g, '').replace(THOUSANDS, '');
  }
  let reached: boolean | undefined;
  const lead = LEADS.has(t.charCodeAt(0)) ? LEAD_RE.exec(t) : null;
  if (lead) {
    const word = lead[1] ?? lead[2];
    if (word) reached = saysReached(word);
    t = lead[3] ?? t.slice(lead[0].length);
  }
  for (let note = NOTE_RE.exec(t); note && /\d/.test(note[1]); note = NOTE_RE.exec(t)) {
    const said = REACHED_NOTE.exec(t.slice(note[1].length));
    if (said) reached = saysReached(said[1] ?? said[2]);
    t = note[1];
  }
  if (COMPOUND_RE.test(t)) return compound(t, raw);
  if (t.includes('割')) return tenths(t, raw, reached);
  let parenUnit: string | null = null;
  const last = t.charCodeAt(t.length - 1);
  const paren = last === 0x29 || last === 0xff09 ? /^(.*?)[(（]([^()（）\d]{1,6})[)）]$/.exec(t) : null;
  if (paren) {
    t = paren[1];
    parenUnit = paren[2];
  }
  if (BLANKS.has(t)) return { kind: 'blank', unit: parenUnit };
  const m = NUMBER_RE.exec(t);
  if (!m) return { kind: 'invalid', reason: 'text', text: raw };
  const [, sign, digits, written] = m;
  // A bound on the amount is no part of its unit (`900社以上`, `120億円超`), nor is `a year` (`120件/年`): each year's figure is one.
  const rest = written.replace(/(以上|以下|超|未満|程度|前後)$/, '').replace(/\/年度?$/, '');
  if (rest && (/\d/.test(rest) || rest.length > 6 || /[()（）※]/.test(rest))) return { kind: 'invalid', reason: 'text', text: raw };
  if (rest && parenUnit) return { kind: 'invalid', reason: 'text', text: raw };
  // Words after the unit saying the figure is not yet known (`120億円集計中`, `35件調査中`, `35件未確定`, its `確定` read
  // as a note) are no part of a unit: the cell is no figure yet, as `120億円(集計中)` is none.
  if (PENDING.test(rest)) return { kind: 'invalid', reason: 'text', text: raw };
  // Dates and times of day are not amounts (`12月末`, `3年`, `12時`); lengths of time are (`30分`, `2.5時間`, `14日間`, `30日`).
  if (/^(年|月|日|時|分|秒|月末|年度|か月|ヶ月|カ月)/.test(rest) && !DURATION.test(rest)) return { kind: 'invalid', reason: 'text', text: raw };
  // `104パーセント` is `104%`.
  const unitText = (rest || parenUnit || '').replace('％', '%').replace(/^パーセント$/, '%');
  const { scaleLabel, scale, unit } = splitScale(unitText);
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  let shown = dec(digits.startsWith('.') ? `0${digits}` : digits);
  if (sign === '±' && !shown.isZero()) return { kind: 'invalid', reason: 'text', text: raw };
  if (sign && sign !== '+' && sign !== '±') shown = shown.negated();
  // An approximate figure (`約1,300人`, `50件程度`, `200人前後`) is known to its last digit other than a zero.
  const approximate = t.startsWith('約') || /(程度|前後)$/.test(written);
  const exact = decimals === 0 && scale.eq(1) && !approximate;
  const { lo, hi } = approximate && decimals === 0 ? roughInterval(shown, digits, scale) : interval(shown, decimals, scale, exact);
  // Scales are positive, so lo ≤ hi already.
  return {
    kind: 'number',
    value: exact ? lo : times(shown, scale),
    lo,
    hi,
    unit,
    scale,
    scaleLabel,
    decimals,
    exact,
    numeric: false,
    percent: unit === '%',
    ...boundOf(written),
    ...(reached !== undefined && { reached }),
  };
}

// A figure's state after its unit when it is not yet known: being counted, checked or worked out, or not yet fixed.
const PENDING = /(?:集計|調査|精査|確認|算定|算出|照会|検討|把握|取りまとめ|とりまとめ|取纏め|分析|評価)中$|未(?:確定|集計|把握|定|公表)?$/;

const KANJI_DIGIT = '〇一二三四五六七八九';
// A share in 割 (tenths), with 分 and 厘 (hundredths, thousandths) after it: `5割`, `5割2分`, `5割2分5厘`, `五割`, `十割`.
const TENTHS_RE = /^(約)?(\d+(?:\.\d+)?|十|[一二三四五六七八九])割(?:([0-9〇一二三四五六七八九])分(?:([0-9〇一二三四五六七八九])厘)?)?(以上|超|以下|未満|程度|前後)?$/;

/** A kanji or half-width digit's value. */
function digitOf(d: string): number {
  const k = KANJI_DIGIT.indexOf(d);
  return d === '十' ? 10 : k >= 0 ? k : Number(d);
}

/**
 * A share written in 割 (a tenth: `5割` is 50 %, `5割2分` 52 %, `五割` 50 %, `5割2分5厘` 52.5 %), read as the percentage
 * it is, to the place its last part shows; anything else with 割 in it is no number.
 */
function tenths(t: string, raw: string, reached: boolean | undefined): Parsed {
  const m = TENTHS_RE.exec(t);
  if (!m) return { kind: 'invalid', reason: 'text', text: raw };
  const [, about, wari, bu, rin, words] = m;
  const wariDecimals = /^\d/.test(wari) && wari.includes('.') ? wari.split('.')[1].length : 0;
  const percent = dec(/^\d/.test(wari) ? wari : digitOf(wari)).times(10).plus(bu === undefined ? 0 : digitOf(bu)).plus(rin === undefined ? 0 : dec(digitOf(rin)).div(10));
  // Shown to its last part: a tenth (`5割`), a hundredth (`5割2分`, `5.2割`), a thousandth (`5割2分5厘`).
  const place = rin !== undefined ? 1 : bu !== undefined ? 0 : wariDecimals - 1;
  const decimals = Math.max(0, place);
  const approximate = about !== undefined || words === '程度' || words === '前後';
  const half = halfUnit(place);
  const { lo, hi } = approximate ? { lo: percent.minus(half), hi: percent.plus(half) } : { lo: percent, hi: percent };
  return {
    kind: 'number',
    value: percent,
    lo,
    hi,
    unit: '%',
    scale: ONE,
    scaleLabel: '',
    decimals,
    exact: !approximate && decimals === 0,
    numeric: false,
    percent: true,
    ...boundOf(words ?? ''),
    ...(reached !== undefined && { reached }),
  };
}

/**
 * A note saying whether a target was reached, in parentheses: `(達成)`, `（未達成）`, `(未達)`, `（目標を上回った）` (not a
 * forecast, `(達成見込)`).
 */
const REACHED_NOTE = new RegExp(`^(?:[(（](${REACH_WORD})[)）]|(達成|未達成|未達))$`);

/** A bound written after a number (`100%以上`, `120億円超`, `10件未満`): its words, at the end of a text. */
export const BOUND = /(以上|超|以下|未満)$/;

/** The bound a number's words state after it (`900社以上`), if any: a field only the few such numbers carry. */
function boundOf(written: string): { bound?: NonNullable<NumberValue['bound']> } {
  const m = written.length > 0 ? BOUND.exec(written) : null;
  return m ? { bound: m[1] as NonNullable<NumberValue['bound']> } : {};
}

/**
 * A number written with several scales, largest first: `1億2,000万円` is 1億 + 2,000万 円, shown
 * to its last part's digit (1億1,999.5万–1億2,000.5万 円).
 */
function compound(t: string, raw: string): Parsed {
  let head = dec(0);
  let order = -1;
  let rest = t;
  for (let m = COMPOUND_RE.exec(rest); m; m = COMPOUND_RE.exec(rest)) {
    const at = COMPOUND_ORDER.indexOf(m[2]);
    if (at <= order) return { kind: 'invalid', reason: 'text', text: raw };
    order = at;
    head = head.plus(dec(m[1]).times(SCALE_VALUES.get(m[2])!));
    rest = rest.slice(m[0].length);
  }
  const tail = parseNumberTextOnce(rest);
  // The last part is smaller than the one before it: `1億2,000万` but not `1万2億` or `1億5兆`.
  // `1億2千万円`, `1億5百万円`: a 千万 or 百万 last part is smaller than 億.
  if (tail.kind !== 'number' || tail.value.isNegative() || tail.scale.gte(SCALE_VALUES.get(COMPOUND_ORDER[order])!)) {
    return { kind: 'invalid', reason: 'text', text: raw };
  }
  return { ...tail, value: tail.value.plus(head), lo: tail.lo.plus(head), hi: tail.hi.plus(head) };
}

export interface FormatInfo {
  percent: boolean;
  /** Decimals shown, or null for General (as many as the value has). */
  decimals: number | null;
  /** Literal unit text in the format (`億円` in `#,##0"億円"`). */
  unitText: string;
  /** The part of unitText written before the digits (`約` in `"約"0"件"`), empty when none. */
  unitBefore: string;
  /**
   * A scientific format (`0.0E+00`, `##0.0E+0`): the exponent a step of how many (3 in `##0.0E+0`, else 1);
   * decimals are then the mantissa's. Zero for any other format.
   */
  exponentStep: number;
  /** Display divided by 1000 per trailing comma (`#,##0,`). */
  thousandsScaling: number;
  isDate: boolean;
  isText: boolean;
}

const formatCache = new Map<string, FormatInfo>();

/** What a number format shows: percent, decimals, a literal unit, a date. */
export function formatInfo(numFmt: string | undefined): FormatInfo {
  const key = numFmt ?? '';
  const cached = formatCache.get(key);
  if (cached) return cached;
  const info = analyseFormat(key);
  formatCache.set(key, info);
  return info;
}

/**
 * The General code inside a format, as Excel writes it in each language: `General"件"` in English,
 * `G/標準"件"` in Japanese (`G/通用格式`, `G/표준`, `G/Standard` elsewhere). It shows the number as it
 * is, and none of its letters is a date code.
 */
export const GENERAL_CODE = /General|G\/(?:標準|通用格式|표준|Standard)/gi;

/** A format's sections, split at the semicolons outside quotes. */
function formatSections(fmt: string): string[] {
  const sections = [''];
  let inQuote = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') inQuote = !inQuote;
    if (ch === ';' && !inQuote) sections.push('');
    else sections[sections.length - 1] += ch;
  }
  return sections;
}

/** Whether a format section shows digits (a 0, # or ? outside quotes and brackets). */
function showsDigits(section: string): boolean {
  return /[0#?]/.test(section.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

function analyseFormat(fmt: string): FormatInfo {
  const general: FormatInfo = { percent: false, decimals: null, unitText: '', unitBefore: '', thousandsScaling: 0, isDate: false, isText: false, exponentStep: 0 };
  if (!fmt || /^general$/i.test(fmt)) return general;
  // `G/標準"件"`: General with a unit, read as `0"件"` but showing every decimal the number has.
  const first = fmt.split(';')[0];
  const generalless = first.replace(GENERAL_CODE, '0');
  if (generalless !== first) return { ...analyseFormat(generalless), decimals: null };
  if (fmt === '@') return { ...general, isText: true };
  // The first section is for positive numbers; the others repeat it for negatives and zero. With conditions
  // (`[=0]"-";0"件"`, which hides zeros), the first section that shows digits.
  const sections = formatSections(fmt);
  const section = /^\[[=<>]/.test(sections[0]) && !showsDigits(sections[0]) ? (sections.find(showsDigits) ?? sections[0]) : sections[0];
  let literal = '';
  let code = '';
  let before: string | undefined;
  let exponentStep = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (before === undefined && /[0#?]/.test(ch)) before = literal;
    if (/[Ee]/.test(ch) && /[+-]/.test(section[i + 1] ?? '') && /[0#?]/.test(code)) {
      // `0.0E+00`: the exponent's digits are no digits of the number shown, and `E` no unit.
      const mantissa = code.split('.')[0];
      exponentStep = mantissa.includes('#') ? Math.max(1, (mantissa.match(/[0#?]/g) ?? []).length) : 1;
      i++;
      while (/[0#?]/.test(section[i + 1] ?? '')) i++;
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal += section[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      i++;
    } else if (/[0#?.,%]/.test(ch)) {
      code += ch;
    } else if (/[ymdhsYMDHSgGeE]/.test(ch) && !/[Ee][+-]/.test(section.slice(i, i + 2))) {
      code += 'D';
    } else if (!/[\s$()+\-/:]/.test(ch)) {
      literal += ch;
    }
  }
  const isDate = code.includes('D') && !/[0#?]/.test(code);
  const dot = code.indexOf('.');
  const afterDot = dot >= 0 ? code.slice(dot + 1) : '';
  const decimals = (afterDot.match(/[0#?]/g) ?? []).length;
  const trailing = /[0#?](,+)[^0#?]*$/.exec(code);
  return {
    percent: code.includes('%'),
    decimals,
    unitText: literal.replace('％', '%').trim(),
    unitBefore: (before ?? '').replace('％', '%').trim(),
    exponentStep,
    thousandsScaling: trailing ? trailing[1].length : 0,
    isDate,
    isText: false,
  };
}

function countDecimals(d: Decimal): number {
  return Math.max(0, d.decimalPlaces());
}

/** Parses a numeric cell using its number format. */
export function parseNumericCell(v: number, numFmt: string | undefined): Parsed {
  const key = numFmt ?? '';
  let byValue = numericCache.get(key);
  if (!byValue) numericCache.set(key, (byValue = new Map()));
  const hit = byValue.get(v);
  if (hit) return hit;
  const parsed = parseNumericCellOnce(v, numFmt);
  if (++numericCached > CACHE_LIMIT) {
    numericCache.clear();
    numericCache.set(key, (byValue = new Map()));
    numericCached = 1;
  }
  byValue.set(v, parsed);
  return parsed;
}

/** A condition opening a format's first section (`[<1]`, `[>=1000]`), after any colour. */
const FIRST_CONDITION = /^(?:\[[^\]=<>]*\])*\[[=<>]/;
const CONDITION = /\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+(?:[Ee][+-]?\d+)?)\]/;

/**
 * The section of a format of conditions (`[<1]0.0%;0%`) that shows `v`, as Excel picks it: the first whose condition
 * it meets, else the last one with no condition; undefined where none or one that shows no digits (`[=0]"-"` hiding
 * a zero) would, or where the format has no condition: the format is then read as a whole (formatInfo).
 */
function conditionalSection(numFmt: string, v: number): string | undefined {
  if (!FIRST_CONDITION.test(numFmt)) return undefined;
  const sections = formatSections(numFmt);
  for (const section of sections) {
    const m = CONDITION.exec(section);
    if (!m) return showsDigits(section) ? section : undefined;
    const limit = Number(m[2]);
    const op = m[1];
    const meets = op === '<' ? v < limit : op === '>' ? v > limit : op === '<=' ? v <= limit : op === '>=' ? v >= limit : op === '<>' ? v !== limit : v === limit;
    if (meets) return showsDigits(section) ? section : undefined;
  }
  return undefined;
}

function parseNumericCellOnce(v: number, numFmt: string | undefined): Parsed {
  if (!Number.isFinite(v)) return { kind: 'invalid', reason: 'error', text: String(v) };
  const fmt = formatInfo((numFmt && conditionalSection(numFmt, v)) || numFmt);
  if (fmt.isDate) return { kind: 'invalid', reason: 'date', text: String(v) };
  // Excel keeps 15 significant digits; reading more would invent precision.
  const stored = dec(v.toPrecision(15));
  const percent = fmt.percent;
  // Most formats have no trailing comma (`#,##0,` shows thousands): they show the number as it is, at its scale.
  const thousands = fmt.thousandsScaling === 0 ? undefined : dec(1000).pow(fmt.thousandsScaling);
  const shownValue = percent ? stored.times(100) : thousands ? stored.div(thousands) : stored;
  const { scaleLabel, scale, unit, bound }: ReturnType<typeof formatUnit> = percent ? splitScale('%') : formatUnit(fmt.unitText, fmt.unitBefore);
  // A scientific format shows its mantissa's decimals: 12,345 in `0.0E+00` is 1.2E+04, known to the thousand.
  const place = fmt.exponentStep > 0 && fmt.decimals !== null ? fmt.decimals - exponentOf(shownValue, fmt.decimals, fmt.exponentStep) : undefined;
  const decimals = place === undefined ? (fmt.decimals ?? countDecimals(shownValue)) : Math.max(0, place);
  const shown = place === undefined || place >= 0 ? shownValue.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP) : roundAbove(shownValue, -place);
  const exact = decimals === 0 && (place === undefined || place >= 0) && scale.eq(1) && fmt.thousandsScaling === 0 && shown.eq(shownValue);
  // A scaled unit names what the number shown counts: `#,##0,"千円"` holding 1,200,000 shows 1,200 千円,
  // 1,200,000 円, not 1,200 × 千 × 1000. Without one, the amount is what the cell holds (`#,##0,`).
  const displayScale = scaleLabel || !thousands ? scale : scale.times(thousands);
  // The value lies in its interval (the shown number is the value rounded, and the scale is positive): lo and hi bound it.
  const { lo, hi } = interval(shown, place !== undefined && place < 0 ? place : decimals, displayScale, exact);
  const value = shownValue.times(displayScale);
  return {
    kind: 'number',
    value,
    lo,
    hi,
    unit: percent ? '%' : unit,
    scale: displayScale,
    scaleLabel,
    decimals,
    exact,
    numeric: true,
    // A percent sign written in the format (`0"%"`, `0.0"％"`) shows the number as a percentage, as `104%` typed does:
    // 104 is 104 %, and 1.04 (shown `1%`) is 1 %, never the ratio 1.04.
    percent: percent || (unit === '%' && scaleLabel === ''),
    ...(bound && { bound }),
  };
}

/**
 * The unit a format writes after its number, read as the same words typed after a number are (parseNumberText): a note
 * (`0"%（達成）"`, `0"件（見込）"`), a year (`0"件/年"`) or a bound (`0"社以上"`) is no part of the unit. Words that read
 * as no unit there (`"計"#,##0"円"` gives `計円`) are the unit as written.
 */
function formatUnit(unitText: string, before = ''): { scaleLabel: string; scale: Decimal; unit: string | null; bound?: NumberValue['bound'] } {
  // Words before the digits that typed before a number are no unit (`"約"0"件"`, `"延べ"#,##0"人"`) are read as typed.
  const typed = unitText ? ((before && unitText.startsWith(before) && asNumber(parseNumberText(`${before}1${unitText.slice(before.length)}`))) || parseNumberText(`1${unitText}`)) : undefined;
  if (typed?.kind !== 'number') return splitScale(unitText);
  return { scaleLabel: typed.scaleLabel, scale: typed.scale, unit: typed.unit, ...(typed.bound && { bound: typed.bound }) };
}

/** The digits as a format shows them with its words: those written before the digits before them (`約1,300件`), the rest after. */
export function withFormatWords(digits: string, info: FormatInfo): string {
  if (info.percent) return `${digits}%`;
  if (!info.unitBefore || !info.unitText.startsWith(info.unitBefore)) return `${digits}${info.unitText}`;
  return `${info.unitBefore}${digits}${info.unitText.slice(info.unitBefore.length).trim()}`;
}

/** A parsed value as a number, if it is one (compute.ts gives it to the rules too). */
export function asNumber(p: Parsed | undefined): NumberValue | undefined {
  return p && p.kind === 'number' ? p : undefined;
}

/** The power of ten a scientific format writes a number with, its mantissa rounded to `decimals` (9.96 in `0.0E+0` is 1.0E+01). */
function exponentOf(v: Decimal, decimals: number, step: number): number {
  if (v.isZero()) return 0;
  return Math.floor(v.abs().toSignificantDigits(decimals + 1, Decimal.ROUND_HALF_UP).e / step) * step;
}

/** v rounded half up at the digit 10^places (places > 0): 12,345 at 3 is 12,000. */
function roundAbove(v: Decimal, places: number): Decimal {
  const unit = dec(10).pow(places);
  return v.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit);
}

/** Parses whatever a cell holds where a number belongs. */
export function parseCell(cell: Cell | undefined): Parsed {
  if (!cell) return { kind: 'blank' };
  if (cell.error) return { kind: 'invalid', reason: 'error', text: cell.error };
  if (cell.noCachedResult) return { kind: 'invalid', reason: 'no-cached-result', text: cell.formula ? `=${cell.formula}` : '' };
  if (cell.isDate) return { kind: 'invalid', reason: 'date', text: String(cell.value ?? '') };
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'boolean') return { kind: 'invalid', reason: 'boolean', text: String(v) };
  if (typeof v === 'number') return parseNumericCell(v, cell.numFmt);
  return parseNumberText(v);
}

/** The text a person sees in the cell (best effort when the source gives no display text). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text;
  if (cell.error) return cell.error;
  if (cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}
