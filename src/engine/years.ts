/** Japanese fiscal-year headers: 平成29年度, 令和元年度, 当初(令和3年度), R5, H29, 2023年度, FY2023, H31/R1. */
import { CharSet, compact, isCompactedAway, toHalfWidth } from './text.js';
import type { PlanGoal } from './model.js';

export interface FiscalYear {
  /** Gregorian start year of the fiscal year: 令和元年度 → 2019. */
  year: number;
  /** A baseline column (当初, 基準). */
  baseline: boolean;
}

// 平, 令, 昭: the era's first character, as Excel shows it for `gg` (`[$-411]gge"年度"` → 平29年度).
const ERA: Record<string, number> = { 平成: 1988, 平: 1988, H: 1988, 令和: 2018, 令: 2018, R: 2018, 昭和: 1925, 昭: 1925, S: 1925 };

const ERA_RE = /^(平成|令和|昭和|[平令昭HRS])(元|\d{1,2})(?:年度?)?$/i;
const WESTERN_RE = /^(?:FY)?(\d{4})(?:年度?)?$/i;

function eraYear(era: string, n: string): number {
  return ERA[era.length === 1 ? era.toUpperCase() : era] + (n === '元' ? 1 : Number(n));
}

// What a year header can start with once compacted: an era (平成, H …), FY, or a baseline word
// (当初, 基準, 現状), a named year of the plan (初年度, 中間年度, 最終年度), in either width; or four digits (2023年度).
const YEAR_STARTS = new CharSet('平令昭HhRrSsFf当基初現策計第最中ＨｈＲｒＳｓＦｆ');

const NEN = '年'.charCodeAt(0);
const KI = '期'.charCodeAt(0);

// The plan's year counted or named before the year itself: `1年目(H29)`, `2年度目(H30)`, `第2期(R4)`, `第3年度（令和5年度）`,
// `初年度(H29)`, `中間年度(R1)`, `最終年度(R3)`: a year of the plan, with its target.
const ORDINAL_RE = /^(?:第\d{1,2}(?:年度|期|年)目?|\d{1,2}(?:年度?目|期目?)|(?:計画)?(?:初|中間|最終)年度)(.+)$/;
// A fiscal year written as the months it spans, April to March: `H29.4～H30.3`, `平成29年4月～平成30年3月`.
// A month's end (`H30.3末`, `R5.3月末`, `2018年3月末時点`): the fiscal year that month belongs to.
const MONTH_END_RE = /^((?:平成|令和|昭和|[平令昭HRS])(?:元|\d{1,2})|\d{4})(?:[./]|年)(\d{1,2})月?末(?:時点|現在)?$/i;
const SPAN_RE = /^(.+?)(?:\.|年)(\d{1,2})月?[~〜\-ー―](.+?)(?:\.|年)(\d{1,2})月?$/;

// The words of a baseline column (当初, 基準値, 現状, 策定時), before its year (`基準値(H28)`) or after it (`H28(基準)`,
// `R2現状`). 初年度 is none (`初年度(H29)`, `R3(初年度)` are the plan's first year, which has a target).
const BASE_WORD = '(?:当初|基準(?:年度?|値)?|現状値?|(?:計画)?策定時)';
const BASE_BEFORE = new RegExp(`^${BASE_WORD}[(（]?(.*?)[)）]?$`);
const BASE_AFTER = new RegExp(`(?:[(（]${BASE_WORD}[)）]|${BASE_WORD})$`);

// Part of a fiscal year, a half or a quarter (`上半期`, `下期`, `第1四半期`, `1Q`, `Q1`, `4～9月`), in compact half-width text:
// a column of it is no year's, though a year stands beside it (`R3(上期)`) or over it (`令和3年度` merged over `上半期 | 下半期`).
const PART_OF_YEAR = /^(?:(?:上|下|前|後)半?期|第?[1-4一二三四]四半期|[1-4]Q|Q[1-4]|(\d{1,2})月?[~〜\-ー－](\d{1,2})月)(?:(?:実績|目標|計画)値?)?$/;

/** Whether a text names a half or a quarter of a year, not the whole year (a span of months other than April to March). */
export function namesPartOfYear(raw: string): boolean {
  const m = PART_OF_YEAR.exec(compact(raw));
  return !!m && !(m[1] === '4' && m[2] === '3');
}

/** Whether a char code is a digit, half-width or full-width. */
export function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** A cheap test before the patterns of parseFiscalYear, on the text as compact() would leave it. */
function mayBeYear(raw: string): boolean {
  let digits = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isCompactedAway(code)) continue;
    if (digits === 0 && !isDigit(code)) return YEAR_STARTS.has(code);
    // `1年目(H29)`, `2期(R4)`: a count of the plan's years before the year.
    if (!isDigit(code)) return digits <= 2 && (code === NEN || code === KI);
    if (++digits === 4) return true;
  }
  return false;
}

/** Reads a fiscal year from a header text; undefined when the text is not a year header. */
export function parseFiscalYear(raw: string): FiscalYear | undefined {
  if (!mayBeYear(raw)) return undefined;
  let t = compact(raw);
  if (!t || t.length > 24) return undefined;
  // A note mark after the year (`R5※`, `令和5年度※1`, `R5*`) refers to a note under the table: the column is that year's.
  t = t.replace(/(?<=.)[※*]\d*$/, '');
  const ordinal = ORDINAL_RE.exec(t);
  if (ordinal) return parseFiscalYear(ordinal[1].replace(/^\((.+)\)$/, '$1'));
  const span = SPAN_RE.exec(t);
  if (span) {
    const from = parseFiscalYear(span[1]);
    const to = parseFiscalYear(span[3]);
    const spansOneYear = from && to && !from.baseline && !to.baseline && Number(span[2]) === 4 && Number(span[4]) === 3 && to.year === from.year + 1;
    return spansOneYear ? { year: from.year, baseline: false } : undefined;
  }
  const twoDigits = /^FY'?(\d{2})$/i.exec(t);
  if (twoDigits) return { year: (Number(twoDigits[1]) >= 50 ? 1900 : 2000) + Number(twoDigits[1]), baseline: false };
  let baseline = false;
  const base = BASE_BEFORE.exec(t);
  if (base) {
    baseline = true;
    t = base[1];
  } else {
    const after = BASE_AFTER.exec(t);
    if (after && after.index > 0) {
      baseline = true;
      t = t.slice(0, after.index);
    }
  }
  // Trailing notes such as (実績) or (2019年度) do not change which year a column is; one naming a half or a quarter
  // (`R3(上期)`, `令和5年度（第1四半期）`) makes the column part of the year.
  const note = /[(（]([^()（）]*)[)）]$/.exec(t);
  if (note && namesPartOfYear(note[1])) return undefined;
  t = t.replace(/[(（][^()（）]*[)）]$/, '');
  const monthEnd = MONTH_END_RE.exec(t);
  if (monthEnd) {
    // The calendar year the month is in: H30 is 2018, as 2018 is.
    const calendar = parseFiscalYear(monthEnd[1])?.year;
    const month = Number(monthEnd[2]);
    // January to March end the fiscal year that began the April before: H30.3末 is the end of FY2017.
    return calendar !== undefined && month >= 1 && month <= 12 ? { year: month <= 3 ? calendar - 1 : calendar, baseline } : undefined;
  }
  // Nor do 目標, 実績見込, 速報 or 末 after a year (令和5年度末, R1速報値, R5確定).
  t = t.replace(/(?:(?:実績|目標|計画|速報|確報|確定|暫定)値?|見込み?|予定|末)+$/, '');
  // One year under both calendars, the second in parentheses before 年度 or before a note taken off above:
  // `2022(R4)年度`, `令和4(2022)年度`, `2019(R1)目標値`.
  const paired = /^([^()（）]+)[(（]([^()（）]+)[)）](年度?)?$/.exec(t);
  if (paired) {
    const a = parseFiscalYear(`${paired[1]}${paired[3] ?? ''}`);
    const b = parseFiscalYear(`${paired[2]}${paired[3] ?? ''}`);
    return a && b && a.year === b.year && !a.baseline && !b.baseline ? { year: a.year, baseline } : undefined;
  }
  // The year the era changed, under both names: `H31/R1`, `平成31年度・令和元年度`.
  const both = /^([^/・]+)[/・]([^/・]+)$/.exec(t);
  if (both) {
    const a = parseFiscalYear(both[1]);
    const b = parseFiscalYear(both[2]);
    return a && b && a.year === b.year && !a.baseline && !b.baseline ? { year: a.year, baseline } : undefined;
  }
  const era = ERA_RE.exec(t);
  if (era) return { year: eraYear(era[1], era[2]), baseline };
  const western = WESTERN_RE.exec(t);
  if (western) {
    const year = Number(western[1]);
    if (year >= 1950 && year <= 2200) return { year, baseline };
  }
  return undefined;
}

/**
 * A year header kept as a date and shown by its year's digits alone, the era shown nowhere (`e"年度"` → 29年度,
 * `yy"年度"` → 17年度): the date holds the year. `date` is the cell's ISO text, or its serial number (1900 date
 * system) as Office.js gives it; the digits shown must be that year's in its era, or its last two, or nothing is read.
 */
export function fiscalYearOfDate(date: string | number, shown: string): FiscalYear | undefined {
  const m = /^(元|\d{1,2})年度?$/.exec(compact(shown));
  if (!m) return undefined;
  const time = typeof date === 'number' ? Math.round((date - 25569) * 86400000) : Date.parse(date);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  const n = m[1] === '元' ? 1 : Number(m[1]);
  // The era's year (平成 1989–2019, 令和 from 2019, 昭和 1926–1989), or the last two digits.
  const inEra = (base: number, from: number, to: number) => year >= from && year <= to && year - base === n;
  const shows = inEra(2018, 2019, 9999) || inEra(1988, 1989, 2019) || inEra(1925, 1926, 1989) || (m[1] !== '元' && year % 100 === n);
  return shows ? { year, baseline: false } : undefined;
}

/** Finds a year mentioned inside a longer text (`評価対象年度：令和5年度`). */
export function findFiscalYearIn(raw: string): number | undefined {
  const t = compact(raw);
  // A title naming two years, the one evaluated marked as such (`令和２年度評価書（令和元年度実績）`, `令和元年度分`): that one.
  const evaluated = /(平成|令和)(元|\d{1,2})年度?の?(?:実績|分)/.exec(t) ?? /(?<![A-Za-z])([RH])(元|\d{1,2})年度?の?(?:実績|分)/.exec(t);
  if (evaluated && t.replace(evaluated[0], '').match(/(?:平成|令和|(?<![A-Za-z])[RH])(?:元|\d{1,2})年/)) return eraYear(evaluated[1], evaluated[2]);
  const era = /(平成|令和)(元|\d{1,2})年/.exec(t) ?? /(?<![A-Za-z])([RH])(元|\d{1,2})年度/.exec(t);
  if (era) return eraYear(era[1], era[2]);
  const western = /(?:FY)?(\d{4})年度/.exec(t) ?? /FY(\d{4})/i.exec(t);
  if (western) return Number(western[1]);
  return undefined;
}

// A year, then a half or a quarter of it (`令和5年度上半期`, `R5年度（第1四半期）`, `2023年度 1Q`), in compact text.
const YEAR_THEN_PART = /(?:年度?|FY\d{4})[(（]?(?:(?:上|下|前|後)半期|上期|下期|第?[1-4一二三四]四半期|[1-4]Q|Q[1-4])/i;
// A year's months other than April to March (`令和5年4月～9月`, `令和5年度4～9月`).
const YEAR_THEN_MONTHS = /年度?[(（]?(\d{1,2})月?[~〜～\-ー－](?:(?:平成|令和|[RH])?(?:元|\d{1,2})年)?(\d{1,2})月/;

/** Whether a title naming a year names a half or a quarter of it (`評価対象年度：令和5年度上半期`), not the whole year. */
export function namesPartOfYearIn(raw: string): boolean {
  const t = compact(raw);
  if (YEAR_THEN_PART.test(t)) return true;
  const months = YEAR_THEN_MONTHS.exec(t);
  return !!months && !(months[1] === '4' && months[2] === '3');
}

export function showFiscalYear(year: number, lang: 'ja' | 'en'): string {
  if (lang === 'en') return `FY${year}`;
  if (year >= 2019) return `令和${year === 2019 ? '元' : year - 2018}年度`;
  if (year >= 1989) return `平成${year === 1989 ? '元' : year - 1988}年度`;
  return `${year}年度`;
}

export interface PlanPeriod {
  years: number;
  /** The last fiscal year of the plan when the label names it (`平成29～令和3年度`). */
  to: number | null;
}

const YEAR = String.raw`(?:(?:令和|平成|[RH])\s*(?:元|\d{1,2})|(?:19|20)\d\d)(?:\s*年度?)?`;
// From one year to another: a dash, or the words (`令和元年度から令和5年度まで`).
const TO = String.raw`(?:[～〜~\-ー－]|から)`;
const YEAR_RANGE = new RegExp(String.raw`(${YEAR})\s*${TO}\s*(${YEAR})`);
// The second year in the first one's era, its era not repeated (`令和4～8年度`, `R4～8`).
const SAME_ERA_RANGE = new RegExp(String.raw`((?:令和|平成|[RH])\s*(?:元|\d{1,2}))(?:\s*年度?)?\s*${TO}\s*(\d{1,2})(?!\d)(?:\s*年度?)?`);
const YEAR_COUNT = /(\d{1,2})\s*(?:年間|か年|ヵ年|カ年|ケ年)/;
// The same before toHalfWidth: full-width digits too (the dashes' full-width forms are in the class already).
const YEAR_BEFORE_DASH = /[\d０-９元]\s*(?:[～〜~\-ー－]|から)/;

/** The years a plan's goal covers: those its text names, or those the other plan's beside it leave it (PlanGoal.period). */
export function goalPlanPeriod(goal: PlanGoal): PlanPeriod | undefined {
  return goal.period ?? planPeriod(goal.text);
}

/** The plan a target's label names: `5年間`, `5か年`, or the years from one to another (`平成29～令和3年度`, `令和4～8年度`). */
export function planPeriod(label: string): PlanPeriod | undefined {
  // Each pattern below needs a 年 (`5年間`, `令和4～8年度`) or a year's number right before a dash (`R4～8`, `2022-2026`):
  // most labels and goals (`数値目標(1)-① 投資額 475億円 (累計)`) have neither, and need no look for a period.
  if (!label.includes('年') && !YEAR_BEFORE_DASH.test(label)) return undefined;
  const t = toHalfWidth(label);
  const range = YEAR_RANGE.exec(t);
  if (range) {
    const from = parseFiscalYear(range[1].replace(/\s+/g, ''));
    const to = parseFiscalYear(range[2].replace(/\s+/g, ''));
    if (from && to && to.year >= from.year) return { years: to.year - from.year + 1, to: to.year };
  }
  const sameEra = SAME_ERA_RANGE.exec(t);
  if (sameEra) {
    const from = parseFiscalYear(sameEra[1].replace(/\s+/g, ''));
    const to = from && parseFiscalYear(`${sameEra[1].replace(/[\d元\s]+$/, '')}${sameEra[2]}`);
    if (from && to && to.year >= from.year) return { years: to.year - from.year + 1, to: to.year };
  }
  const count = YEAR_COUNT.exec(t);
  return count ? { years: Number(count[1]), to: null } : undefined;
}
