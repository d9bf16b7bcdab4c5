/** Number formats of an .xlsx: the built-in ids Excel leaves undefined in styles.xml, and dates. */
import { GENERAL_CODE } from '../../engine/numbers.js';
import { parseFiscalYear } from '../../engine/years.js';

/** Built-in formats (ECMA-376 §18.8.30); 27–36 and 50–58 as Japanese Excel shows them. */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/** A format's codes without its literals (`"年度"`, `\年`) and bracketed parts (`[$-411]`, `[Red]`). */
function codesOf(fmt: string): string {
  return fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** A format's codes as date codes are looked for in them: General's letters (`General"件"`, `G/標準"件"`) are none. */
function dateCodesOf(fmt: string): string {
  return codesOf(fmt).replace(GENERAL_CODE, '0');
}

/**
 * Whether numbers in this format are shown as dates or times (and so are serial dates): years,
 * months, days, hours, seconds, or the Japanese era (`ggg` 令和, `e` its year), in either case
 * (`YYYY"年度"`, `[$-411]GGGE`: spreadsheets take date codes without regard to case, and
 * scripts write them in capitals: pandas's default is `YYYY-MM-DD`); `E+`/`e-` is an exponent.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || /^general$/i.test(fmt)) return false;
  const bare = dateCodesOf(fmt);
  return /[ymdhsbg]/i.test(bare) || /e(?![+-])/i.test(bare);
}

const ERAS = [
  { start: Date.UTC(2019, 4, 1), year: 2018, name: '令和', letter: 'R' },
  { start: Date.UTC(1989, 0, 8), year: 1988, name: '平成', letter: 'H' },
  { start: Date.UTC(1926, 11, 25), year: 1925, name: '昭和', letter: 'S' },
];

/**
 * The text a date shows in a format that shows its year alone (`[$-411]ggge"年度"` → 令和5年度,
 * `yyyy"年度"` → 2023年度, `\R e` → R 5), or its year and the end of a month (`[$-411]ge.m"末"` → H30.3末,
 * `yyyy"年"m"月末"` → 2018年3月末, which name the fiscal year ending or going on then): year headers kept as
 * dates. Undefined for any other format (one showing days, or a month that is no fiscal year, is no year
 * header), or a date before 昭和 in an era format.
 */
export function yearShown(iso: string, fmt: string | undefined): string | undefined {
  if (!fmt) return undefined;
  const section = fmt.split(';')[0];
  const bare = dateCodesOf(section);
  if (/[dhsb]/i.test(bare) || !/[yeg]/i.test(bare)) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const era = ERAS.find((e) => time >= e.start);
  const gannen = /x-gannen/i.test(section);
  const text = showSection(section, (ch) => /[yYeEgGmM]/.test(ch), (token, n) => {
    // A month as its number (`m`, `mm`); its name (`mmm`) is no month's end.
    if (token === 'm') return n <= 2 ? String(date.getUTCMonth() + 1).padStart(n, '0') : undefined;
    if (token === 'y') return n <= 2 ? String(year % 100).padStart(2, '0') : String(year);
    if (!era) return undefined;
    if (token === 'g') return n >= 3 ? era.name : n === 2 ? era.name[0] : era.letter;
    const inEra = year - era.year;
    return gannen && inEra === 1 ? '元' : n >= 2 ? String(inEra).padStart(2, '0') : String(inEra);
  });
  return text !== undefined && /m/i.test(bare) && parseFiscalYear(text) === undefined ? undefined : text;
}

/**
 * A format section as it shows: its literals (`"年度"`, `\R`) kept, bracketed parts (`[$-411]`) and
 * padding (`_)`, `*-`) dropped, and each run of a code character (`ggg`, `e`) given by `code`, lower-cased
 * with the run's length; undefined when `code` cannot show one.
 */
function showSection(section: string, isCode: (ch: string) => boolean, code: (token: string, run: number) => string | undefined): string | undefined {
  let out = '';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      out += section[++i] ?? '';
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      i++;
    } else if (isCode(ch)) {
      let n = 1;
      while (section[i + n]?.toLowerCase() === ch.toLowerCase()) n++;
      i += n - 1;
      const shown = code(ch.toLowerCase(), n);
      if (shown === undefined) return undefined;
      out += shown;
    } else out += ch;
  }
  return out;
}

/** A serial date as ISO text; undefined when it is no real date. */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The text an integer shows in a format of integer digits and literals (`"令和"0"年度"` holding 5 →
 * 令和5年度, `"R"0` → R5); undefined for any other format.
 */
export function integerShown(v: number, fmt: string | undefined): string | undefined {
  if (!fmt || !Number.isInteger(v)) return undefined;
  const section = fmt.split(';')[0];
  if (!/^[#0,]+$/.test(codesOf(section).replace(/[\s_*]/g, ''))) return undefined;
  let placed = false;
  // `#,##0`: the number once, for the first of its digit codes.
  return showSection(section, (ch) => ch === '0' || ch === '#' || ch === ',', () => (placed ? '' : ((placed = true), String(v))));
}

/** Whether a format shows integers as fiscal years (`"令和"0"年度"`, `"R"0`, `0"年度"`): year headers typed as numbers. */
export function showsIntegersAsYears(fmt: string | undefined): boolean {
  return [5, 2022].some((n) => {
    const text = integerShown(n, fmt);
    return text !== undefined && text !== String(n) && parseFiscalYear(text) !== undefined;
  });
}
