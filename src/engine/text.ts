/** Label text helpers: full-width forms, spacing and the id patterns of 評価指標 / 数値目標. */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** Roman numerals, one character each (U+2160…), as some reports number their indicators: `評価指標Ⅰ`, `数値目標Ⅱ-①`. */
const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
/** Katakana that outlines number with (ア, イ, ウ …), as a target's number after a dash: `数値目標(1)-イ`. */
const KANA = 'アイウエオカキクケコ';

function isFullWidth(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;
}

/**
 * A set of characters tested by char code: a bit per code of the Basic Multilingual Plane, as cheap to test as an array
 * read (a Set hashes each code; the scan tests characters of every text of a workbook against such sets).
 */
export class CharSet {
  private readonly bits = new Uint8Array(8192);

  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      this.bits[code >> 3] |= 1 << (code & 7);
    }
  }

  has(code: number): boolean {
    return (this.bits[code >> 3] & (1 << (code & 7))) !== 0;
  }
}

/** Whether compact() drops the character. */
export function isCompactedAway(code: number): boolean {
  return isSpace(code);
}

/** The white space of a regular expression's `\s`, and the zero-width space. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Scratch space for building normalised texts: one string allocation per text, not one per character. A plain array:
// String.fromCharCode.apply reads its elements directly, a typed array's through a slower generic path.
const scratch: number[] = [];
// Arguments per String.fromCharCode call: an engine takes only so many at once.
const CHUNK = 4096;

function fromCodes(length: number): string {
  if (length <= CHUNK) {
    scratch.length = length;
    return String.fromCharCode.apply(null, scratch);
  }
  let out = '';
  for (let i = 0; i < length; i += CHUNK) out += String.fromCharCode.apply(null, scratch.slice(i, Math.min(length, i + CHUNK)));
  return out;
}

/**
 * Copies the text into the scratch space from `from` on, mapping full-width ASCII to half-width
 * and U+3000 to a space, and dropping white space when `dropSpace`; returns the length.
 */
function normalise(s: string, from: number, dropSpace: boolean): number {
  let n = 0;
  for (let i = 0; i < from; i++) scratch[n++] = s.charCodeAt(i);
  for (let i = from; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (dropSpace && isSpace(code)) continue;
    scratch[n++] = code === 0x3000 ? 0x20 : code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  }
  return n;
}

/** Full-width ASCII to half-width, ideographic space to space; keeps ①, Ⅰ and kana as they are. */
export function toHalfWidth(s: string): string {
  // Most texts have nothing to change and are returned as they are.
  let i = 0;
  while (i < s.length && !isFullWidth(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  return fromCodes(normalise(s, i, false));
}

/** Half-width, with every white space removed: the form labels are compared in. */
export function compact(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isFullWidth(code) || isSpace(code)) break;
  }
  if (i === s.length) return s;
  // U+3000 is white space; the full-width forms map to printable ASCII, never to white space.
  return fromCodes(normalise(s, i, true));
}

/** Dashes that people type between `(1)` and `①`. */
export const DASH = '[-－−‐‑–—―ーｰ─━]';

export interface TargetId {
  /** Indicator number: `1` in 数値目標(1)-②. */
  indicator: string;
  /** As shown in reports: `1-②`, or `2` for a single target. */
  display: string;
  /** For matching across tables: `1-2`. */
  key: string;
  /** The id as the workbook writes it, where its word is not 数値目標 (`指標1-①`, `KPI(2)`): for messages. */
  written?: string;
}

function subNumber(s: string): string | undefined {
  if (!s) return undefined;
  const i = CIRCLED.indexOf(s);
  if (i >= 0) return String(i + 1);
  const k = KANA.indexOf(s);
  if (k >= 0) return String(k + 1);
  if (/^\d+$/.test(s)) return String(Number(s));
  return undefined;
}

/** An indicator lettered, one capital (`評価指標A`, `数値目標B-①`), not a word in letters (`KPI`) nor a figure's unit. */
const LETTER = String.raw`[A-ZＡ-Ｚ](?![A-Za-zＡ-Ｚａ-ｚ0-9０-９.．,，%％])`;

// A sub-number needs a dash before it unless it is circled or in parentheses of its own: `(1)-①`, `(1)①`, `(1)-1`,
// `(1)(2)`, `(1)(イ)`, `(1)-イ` (a katakana one not followed by more katakana: `(1)-アクセス数` names no sub-number), `1.2` (as
// outlines number sections; not a figure such as `1.5億円`); not `(3) 1 件`.
// Sticky: it matches exactly at its lastIndex, as `^` would at the start of the rest of the text.
// The indicator's number may be circled when a sub-number follows it: `数値目標①-1` under `評価指標①`; or a Roman numeral.
const ID_RE = new RegExp(
  `\\s*[(（]?\\s*([0-9０-９]+|[${ROMAN}]|[${CIRCLED}](?=\\s*[)）]?\\s*${DASH}\\s*[(（]?\\s*[0-9０-９${CIRCLED}])|${LETTER})\\s*[)）]?` +
    `(?:\\s*${DASH}\\s*[(（]?\\s*([${CIRCLED}]|[0-9０-９]+|[${KANA}](?![\\u30a0-\\u30ff]))\\s*[)）]?|\\s*([${CIRCLED}])|\\s*[(（]\\s*([0-9０-９]+|[${KANA}])\\s*[)）]|[.．]([0-9０-９]{1,2})(?![0-9０-９.．,，万億千百兆%％人件社者名円]))?`,
  'y',
);

/** `1`, `１`, `①` or `Ⅰ` as the number it is: `1`; a letter as itself, half-width (`Ａ` is `A`). */
function idNumber(s: string): string {
  const roman = ROMAN.indexOf(s);
  if (roman >= 0) return String(roman + 1);
  const half = toHalfWidth(s);
  return /^[A-Z]$/.test(half) ? half : subNumber(half)!;
}

function idOf(m: RegExpExecArray): TargetId {
  const indicator = idNumber(m[1]);
  const sub = toHalfWidth(m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
  const subKey = subNumber(sub);
  if (!subKey) return { indicator, display: indicator, key: indicator };
  const circled = CIRCLED[Number(subKey) - 1] ?? subKey;
  return { indicator, display: `${indicator}-${circled}`, key: `${indicator}-${subKey}` };
}

/** `数値目標(1)-①`, `数値目標（1）－①`, `数値目標1` … anywhere in the text. */
export function findTargetId(text: string): { id: TargetId; end: number } | undefined {
  const m = targetIdMatch(text);
  return m ? { id: idOf(m), end: m.index + m[0].length } : undefined;
}

/** Where the first target id of a text ends (findTargetId's `end`), without working out the id. */
export function targetIdEnd(text: string): number | undefined {
  const m = targetIdMatch(text);
  return m ? m.index + m[0].length : undefined;
}

/** ID_RE's match right after the text's first 数値目標. */
function targetIdMatch(text: string): RegExpExecArray | null {
  const i = text.indexOf('数値目標');
  if (i < 0) return null;
  ID_RE.lastIndex = i + '数値目標'.length;
  return ID_RE.exec(text);
}

/** `評価指標(1)`, `評価指標（1）`: the indicator number. */
export function findIndicatorId(text: string): { indicator: string; end: number } | undefined {
  if (!text.includes('評価指標')) return undefined;
  const m = INDICATOR_RE.exec(text);
  if (!m) return undefined;
  return { indicator: idNumber(m[1]), end: m.index + m[0].length };
}

const INDICATOR_RE = new RegExp(`評価指標\\s*[(（]?\\s*([0-9０-９]+|[${ROMAN}]|[${CIRCLED}]|${LETTER})\\s*[)）]?`);

/**
 * A target numbered within its indicator only, `数値目標①` (`数値目標(1)` names the indicator): the
 * circled number, for a block or a line under an indicator that names its number.
 */
export function findSubOnlyId(text: string): { sub: string; end: number } | undefined {
  const i = text.indexOf('数値目標');
  if (i < 0) return undefined;
  const m = SUB_ONLY_RE.exec(text.slice(i + 4));
  return m ? { sub: m[1], end: i + 4 + m[0].length } : undefined;
}

const SUB_ONLY_RE = new RegExp(`^\\s*[(（]?\\s*([${CIRCLED}])\\s*[)）]?(?!\\s*[)）]?\\s*${DASH}\\s*[(（]?\\s*[0-9０-９${CIRCLED}])`);

/** The id of target `sub` (`①`) of an indicator: `1-①`. */
export function subTargetId(indicator: string, sub: string): TargetId {
  return { indicator, display: `${indicator}-${sub}`, key: `${indicator}-${subNumber(sub)}` };
}

export function indicatorOnlyId(indicator: string): TargetId {
  return { indicator, display: indicator, key: indicator };
}

/** A header of a column of numbers (`No.`, `番号`), compacted: its cells name a target only by an id written whole. */
export const NUMBER_COLUMN = /^(?:No\.?|NO\.?|№|番号)$/;

/**
 * The id word a column header names, for columns of bare ids (`(1)`, `①`) under `数値目標` or `評価指標` (also called
 * `指標` or `KPI` alone).
 */
export function idColumnWord(header: string): '数値目標' | '評価指標' | undefined {
  return header.includes('数値目標') ? '数値目標' : header.includes('評価指標') || /^(?:指標|KPI|ＫＰＩ)(名|番号|No\.?)?$/.test(header.trim()) ? '評価指標' : undefined;
}

/**
 * A label (compacted) of an indicator's progress as a whole: `評価指標(1)の進捗度`, `評価指標の進捗度（加重平均）`,
 * `指標全体の達成度`, `進捗度(加重平均)`, `加重平均`.
 */
export const INDICATOR_PROGRESS_LABEL =
  /(?:(?:評価指標|指標全体|加重平均).*(?:進捗|達成)(?:度|率)?|^(?:寄与度)?加重平均値?|^(?:進捗|達成)(?:度|率)?[(（](?:寄与度)?加重平均値?[)）])(?:[(（][^()（）]*[)）])?[%％]?$/;
