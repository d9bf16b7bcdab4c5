/** Words come last: a finding is turned into a sentence in the user's language here. */
import type { Finding, RuleId } from '../findings.js';
import { showFiscalYear } from '../years.js';
import { column, en } from './en.js';
import { ja } from './ja.js';

export type Lang = 'ja' | 'en';

export type MessageBook = Record<RuleId, (f: Finding, p: Helpers) => string>;

export interface Helpers {
  /** `令和元年度` / `FY2019`, or the column header when the year is unknown. */
  year(): string;
  /** Another year a finding names, from a year param (shown as year() shows it) or else a column param. */
  yearOf(yearParam: string, columnParam: string): string;
  num(v: number | null | undefined): string;
  param(name: string): string;
  /** `数値目標(1)-①` / `target (1)-①` from the `target` param, or from a param listing targets (`1-①, 1-②`). */
  target(param?: string): string;
  /** The `text` param as the cell shows it: a date cell, read as an ISO timestamp, as Excel shows a date (`2021/4/1`, `2021/4/1 9:30`), a logical cell as TRUE or FALSE. */
  text(): string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/** A date the reader keeps as an ISO timestamp, as Excel shows one (`2021/4/1`, `2021/6/30 9:30`); other text as it is. */
export function showDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi, s] = m;
  const time = h === '00' && mi === '00' && s === '00' ? '' : ` ${Number(h)}:${mi}${s === '00' ? '' : `:${s}`}`;
  return `${y}/${Number(mo)}/${Number(d)}${time}`;
}

// Made once: toLocaleString with options builds a formatter for every figure (3.4 s of 20k findings' report).
const FIGURE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A finding's figure as messages write it (`1,234.5`), the HTML report too. */
export function formatFigure(v: number): string {
  return FIGURE.format(v);
}

function helpers(f: Finding, lang: Lang): Helpers {
  return {
    year() {
      return this.yearOf('year', 'column');
    },
    yearOf(yearParam, columnParam) {
      const y = f.params[yearParam];
      if (typeof y === 'number') return showFiscalYear(y, lang);
      const c = f.params[columnParam];
      if (typeof c === 'string' && c) return lang === 'en' ? column(c) : c;
      return lang === 'ja' ? '(年度不明)' : '(year unknown)';
    },
    num(v) {
      if (v === null || v === undefined) return lang === 'ja' ? '空欄' : 'blank';
      return formatFigure(v);
    },
    param(name) {
      const v = f.params[name];
      return v === null || v === undefined ? '' : String(v);
    },
    target(param = 'target') {
      // A target whose id the workbook writes with another word than 数値目標 (`指標1-①`): named as written.
      const written = param === 'target' ? f.params.written : undefined;
      if (typeof written === 'string' && written) return lang === 'ja' ? written : `target ${written}`;
      // An id (`1-①`, `?1`) opens with its indicator's number; a name as written (`指標1-④`), listed so, with its word.
      const names = String(f.params[param] ?? '')
        .split(', ')
        .map((id) => {
          if (!/^[0-9?]/.test(id)) return { name: id, written: true };
          const [ind, sub] = id.split('-');
          return { name: `(${ind})${sub ? `-${sub}` : ''}`, written: false };
        });
      return lang === 'ja'
        ? names.map((n) => (n.written ? n.name : `数値目標${n.name}`)).join('、')
        : `${names.length > 1 ? 'targets' : 'target'} ${names.map((n) => n.name).join(', ')}`;
    },
    text() {
      const t = this.param('text');
      // A logical cell is read as true or false; Excel shows TRUE or FALSE.
      return f.params.reason === 'date' ? showDate(t) : f.params.reason === 'boolean' ? t.toUpperCase() : t;
    },
  };
}

export function formatFinding(f: Finding, lang: Lang = 'ja'): string {
  const book = lang === 'en' ? en : ja;
  const text = book[f.rule](f, helpers(f, lang));
  return f.calc ? `${text} (${f.calc})` : text;
}

/** Words that name the rows or columns a fault's detail lists (`5-8, 12`), or none. */
type Words = string | ((detail: string) => string);

/** Whether a fault's detail lists more than one row or column (`5-8`, `5, 12`), for English's number. */
const several = (detail: string) => /[-,]/.test(detail);

/**
 * A fault's list of rows or columns (`5-8, 12, … (30 in all)`, as the report states it) in Japanese words: `5～8、12、…(全 30 行)`,
 * a span written with ～ as the messages write a plan period.
 */
const jaList = (detail: string, what: '行' | '列') => {
  const cut = /, … \((\d+) in all\)$/.exec(detail);
  const runs = (cut ? detail.slice(0, cut.index) : detail).split(', ').map((run) => run.replace('-', '～'));
  return `${runs.join('、')}${cut ? `、…(全 ${cut[1]} ${what})` : ''}`;
};

/** What a fault of the reading says (`hidden-sheet`, `block-without-years: …`), and whether what it names was checked. */
const FAULTS: Record<string, { ja: Words; en: Words; checked: boolean }> = {
  'hidden-sheet': { ja: '非表示のシートです(検査はしました)', en: 'a hidden sheet (checked all the same)', checked: true },
  'empty-sheet': { ja: '空のシートです', en: 'an empty sheet', checked: false },
  'sheet-too-large': { ja: 'シートが大きすぎるため検査していません', en: 'a sheet too large to check', checked: false },
  'block-without-years': { ja: '目標値・実績値の行に、年度の見出しの下の数値が見つからないため、検査していません', en: 'target and actual rows with no numbers under year headers: not checked', checked: false },
  'matrix-row-unpaired': {
    ja: (d) => {
      const [id, missing] = d.split(' ');
      return `数値目標(${id}) の行が${missing === 'target' ? '目標値' : '実績値'}の表にないため、この数値目標は検査していません`;
    },
    en: (d) => {
      const [id, missing] = d.split(' ');
      return `numeric target ${id} has no row in the ${missing === 'target' ? 'target (目標値)' : 'actual (実績値)'} matrix: not checked`;
    },
    checked: false,
  },
  'matrix-unpaired': {
    ja: (d) => {
      const [figure, range] = d.split(' ');
      return figure === 'target'
        ? `目標値の表 ${range} に対応する実績値の表が見つからないため、検査していません(実績値のある年度を含みます)`
        : `実績値の表 ${range} に対応する目標値の表が見つからないため、検査していません`;
    },
    en: (d) => {
      const [figure, range] = d.split(' ');
      return figure === 'target'
        ? `the target (目標値) matrix ${range} has no actual (実績値) matrix to go with: not checked (it covers years with actuals)`
        : `the actual (実績値) matrix ${range} has no target (目標値) matrix to go with: not checked`;
    },
    checked: false,
  },
  'matrix-years-disjoint': {
    ja: (d) => {
      const cut = d.indexOf(' ');
      return `目標値の表 ${d.slice(0, cut)} と実績値の表 ${d.slice(cut + 1)} に共通の年度がないため、検査していません`;
    },
    en: (d) => {
      const cut = d.indexOf(' ');
      return `the target (目標値) matrix ${d.slice(0, cut)} and the actual (実績値) matrix ${d.slice(cut + 1)} share no year: not checked`;
    },
    checked: false,
  },
  'summary-part-of-year': {
    ja: () => '上半期・四半期などを名指す見出しの下の記載のため、年度の数値と比べられず、検査していません',
    en: () => 'under a title naming a half or a quarter of a year: the tables hold whole years, so it is not checked',
    checked: false,
  },
  'target-id-unread': {
    ja: (d) =>
      `${d ? `「${d}」の` : 'この'}数値目標の番号が数値目標(1)-①・評価指標(1) の形で読み取れないため、位置で番号を付けました。寄与度の合計、評価指標の進捗度、本文の表との照合は検査していません(進捗度は検査しました)`,
    en: (d) =>
      `the numeric target's id ${d ? `in “${d}” ` : ''}could not be read as 数値目標(1)-① or 評価指標(1), so it was numbered by position: its weights' sum, its indicator's progress and its match with the summary table were not checked (its progress was)`,
    checked: false,
  },
  'unreadable-sheet': { ja: 'シートを読み取れませんでした', en: 'the sheet could not be read', checked: false },
  'formulas-computed': {
    ja: (d) => `計算結果が保存されていない数式${d ? ` ${d} 個` : ''}(開くときの再計算を求めるブックでは、計算できるすべての数式)の値は、Hyoka が数式から計算して検査しました(ファイルは変えていません)`,
    en: (d) =>
      `${d === '1' ? 'a formula saved without its result' : `${d ? `${d} ` : ''}formulas saved without their results`} (in a workbook asking to be recalculated on opening, every formula Hyoka can work out): Hyoka worked out ${d === '1' ? 'its value from the formula and checked it' : 'their values from the formulas and checked them'} (the file is unchanged)`,
    checked: true,
  },
  'hidden-rows': {
    ja: (d) => `非表示の行 ${jaList(d, '行')} は検査していません(折りたたんだグループや、手で非表示にした行です)`,
    en: (d) => `hidden ${several(d) ? `rows ${d} were` : `row ${d} was`} not checked (a collapsed group, or rows hidden by hand)`,
    checked: false,
  },
  'hidden-columns': { ja: (d) => `非表示の列 ${jaList(d, '列')} は検査していません`, en: (d) => `hidden ${several(d) ? `columns ${d} were` : `column ${d} was`} not checked`, checked: false },
  'filtered-rows': {
    ja: (d) => `フィルターで非表示の行 ${jaList(d, '行')} も、表示されているものとして検査しました(フィルターは表示の切り替えです)`,
    en: (d) => `${several(d) ? `rows ${d}, hidden by a filter, were` : `row ${d}, hidden by a filter, was`} checked as if shown (a filter only changes the view)`,
    checked: true,
  },
};

/** A fault as the JSON report states it (`code` or `code: detail`), in words; an unknown code as it is. */
export function describeFault(reason: string, lang: Lang = 'ja'): { text: string; checked: boolean } {
  const colon = reason.indexOf(':');
  const fault = FAULTS[(colon < 0 ? reason : reason.slice(0, colon)).trim()];
  if (!fault) return { text: reason, checked: false };
  const words = fault[lang];
  return { text: typeof words === 'string' ? words : words(colon < 0 ? '' : reason.slice(colon + 1).trim()), checked: fault.checked };
}
