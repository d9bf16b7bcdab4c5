/**
 * `hyoka check --report out.html`: one self-contained page a reviewer opens offline. It lists
 * every file with its counts, then every finding; both tables sort by any column and filter by
 * text. Every text from a workbook is escaped, and text that a spreadsheet would take for a
 * formula (`=…`, `+…`, `-…`, `@…`) is shown with a leading apostrophe, so pasting the table into
 * Excel runs nothing. The page allows only its own style and script (by hash, in its CSP).
 */
import { createHash } from 'node:crypto';
import { describeFault, formatFigure, type Lang } from '../engine/messages/index.js';
import type { FileReport } from '../engine/report.js';
import { RULES } from '../engine/rules/index.js';
import { visibleBidi } from './format.js';

const WORDS = {
  ja: {
    title: 'Hyoka 検査結果',
    generated: '作成',
    files: 'ファイル',
    byRule: 'ルール別の件数',
    description: '説明',
    findings: '指摘',
    file: 'ファイル',
    status: '状態',
    error: 'エラー',
    warning: '警告',
    info: '情報',
    tables: '検出した表',
    note: '備考',
    sheet: 'シート',
    cell: 'セル',
    severity: '重要度',
    rule: 'ルール',
    stated: '記載値',
    expected: '期待値',
    message: '内容',
    unreadable: '読めない',
    hasErrors: 'エラーあり',
    hasWarnings: '警告あり',
    ok: '問題なし',
    filter: '絞り込み',
    filterHint: 'ファイル名・ルール・内容など',
    sortHint: '列名を押すと並べ替えます。',
    none: '指摘はありません。',
    more: '表示: {shown} / {all} 件',
    showAll: 'すべて表示',
    inAll: (n: number) => `全 ${n} 件`,
    ignored: (n: number) => `表計算のファイルではないため検査しなかったファイル ${n} 件:`,
    totals: (files: number, e: number, w: number, i: number, bad: number) => `ファイル ${files} 件 ・ エラー ${e} 件 ・ 警告 ${w} 件 ・ 情報 ${i} 件 ・ 読めないファイル ${bad} 件`,
  },
  en: {
    title: 'Hyoka check report',
    generated: 'Generated',
    files: 'Files',
    byRule: 'Findings by rule',
    description: 'Description',
    findings: 'Findings',
    file: 'File',
    status: 'Status',
    error: 'Errors',
    warning: 'Warnings',
    info: 'Info',
    tables: 'Tables found',
    note: 'Note',
    sheet: 'Sheet',
    cell: 'Cell',
    severity: 'Severity',
    rule: 'Rule',
    stated: 'Stated',
    expected: 'Expected',
    message: 'Message',
    unreadable: 'unreadable',
    hasErrors: 'errors',
    hasWarnings: 'warnings',
    ok: 'no problem',
    filter: 'Filter',
    filterHint: 'file, rule, message…',
    sortHint: 'Press a column name to sort by it.',
    none: 'No findings.',
    more: 'Showing {shown} of {all}',
    showAll: 'Show all',
    inAll: (n: number) => `${n} in all`,
    ignored: (n: number) => `${n} file(s) not checked, as they are not spreadsheets:`,
    totals: (files: number, e: number, w: number, i: number, bad: number) => `${files} file(s) · ${e} error(s) · ${w} warning(s) · ${i} info · ${bad} unreadable`,
  },
};

const SEVERITY_LABEL = {
  ja: { error: 'エラー', warning: '警告', info: '情報' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Text a spreadsheet would read as a formula gets a leading apostrophe (shown as text). */
export function neutralizeFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * A workbook's text, safe in HTML and in a spreadsheet the table is pasted into; characters that reorder text show as
 * their codes (`<U+202E>`), so that a name is shown as it is.
 */
function text(s: string): string {
  return escapeHtml(neutralizeFormula(visibleBidi(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD')));
}

/** Runs of Japanese: kanji, kana, and the full-width forms and punctuation written with them. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\p{Script=Han}]+/gu;

/**
 * Escaped text with its Japanese runs marked `lang="ja"`, for a page in English: a browser picks the glyphs of 漢字 by
 * the language marked, and on a page marked `en` alone may take Chinese ones (直, 高, 令 drawn otherwise).
 */
function markJapanese(html: string): string {
  return html.replace(JAPANESE, (run) => `<span lang="ja">${run}</span>`);
}

/** Sort key of an A1 address: row first, then column. */
function cellKey(a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) return a1;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return `${m[2].padStart(7, '0')}:${String(col).padStart(5, '0')}`;
}

function num(v: number | null): string {
  return v === null ? '' : formatFigure(v);
}

const STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #666; --err: #b3261e; --warn: #8a5a00; --info: #0b6e99; }
body { font: 14px/1.5 system-ui, "Hiragino Sans", "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
.meta, .hint { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; mso-number-format: "\\@"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th { white-space: nowrap; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.error, .warning, .info { white-space: nowrap; }
.error { color: var(--err); font-weight: 600; }
.warning { color: var(--warn); }
.info { color: var(--info); }
.path { overflow-wrap: anywhere; min-width: 12em; }
label { display: inline-block; margin-top: .5rem; }
input { font: inherit; padding: .15rem .4rem; margin-left: .4rem; }
tr[hidden] { display: none; }
td.msg { width: 35%; min-width: 8em; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  :root { color-scheme: light; }
  body { margin: 0; font-size: 10pt; }
  .hint, p[data-more] button, label:has(> input:placeholder-shown) { display: none; }
  input { border: 0; padding: 0; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;

/**
 * Rows a table shows at first, and after each sort or filter: the rest wait behind "show all". A browser lays out
 * every shown row again after a sort, which for 10,000 findings took 4–7 s in Chromium; rows left hidden cost nothing.
 */
const PAGE = 1000;

const SCRIPT = `
(function () {
  var PAGE = ${PAGE};
  var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
  function key(td) { return td.hasAttribute('data-sort') ? td.getAttribute('data-sort') : td.textContent; }
  // Text as the filter compares it: a name macOS wrote decomposed (テ + ゙) matches デ as typed, and full-width letters,
  // digits and spaces (ＫＥＩＨＩＮ, １, 　) match their ordinary forms, either way round.
  function fold(s) { return s.normalize('NFKC').toLowerCase(); }
  var tables = Array.prototype.map.call(document.querySelectorAll('table[data-sortable]'), function (table) {
    var t = { table: table, body: table.tBodies[0], query: '', all: false, more: document.querySelector('p[data-more="' + table.id + '"]') };
    if (t.more) t.more.querySelector('button').addEventListener('click', function () { t.all = true; show(t); });
    return t;
  });
  // The rows that match the filter, the first PAGE of them unless all were asked for; the count of those left out.
  function show(t) {
    var shown = 0, matched = 0;
    Array.prototype.forEach.call(t.body.rows, function (r) {
      if (r.searchText === undefined) r.searchText = fold(r.textContent);
      var match = t.query === '' || r.searchText.indexOf(t.query) >= 0;
      if (match) matched++;
      var visible = match && (t.all || shown < PAGE);
      if (visible) shown++;
      if (r.hidden === visible) r.hidden = !visible;
    });
    if (!t.more) return;
    t.more.hidden = shown === matched;
    t.more.querySelector('span').textContent = t.more.getAttribute('data-template').replace('{shown}', shown.toLocaleString()).replace('{all}', matched.toLocaleString());
  }
  tables.forEach(function (t) {
    var heads = t.table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.querySelector('button').addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var numeric = th.hasAttribute('data-numeric');
        // Each row's key is read once, not at every comparison.
        var rows = Array.prototype.map.call(t.body.rows, function (r) {
          var k = key(r.cells[col]);
          return { row: r, key: numeric ? (k === '' ? null : Number(k)) : k };
        });
        rows.sort(function (a, b) {
          if (numeric) {
            if (a.key === null || b.key === null) return (a.key === null) - (b.key === null);
            return (a.key - b.key) * dir;
          }
          return collator.compare(a.key, b.key) * dir;
        });
        var sorted = document.createDocumentFragment();
        rows.forEach(function (r) { sorted.appendChild(r.row); });
        t.body.appendChild(sorted);
        show(t);
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), function (input) {
    var t = tables.filter(function (x) { return x.table.id === input.getAttribute('data-filter'); })[0];
    input.addEventListener('input', function () {
      t.query = fold(input.value).trim();
      show(t);
    });
  });
})();
`;

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

function head(label: string, numeric = false, sorted?: 'ascending'): string {
  return `<th scope="col"${numeric ? ' data-numeric' : ''}${sorted ? ` aria-sort="${sorted}"` : ''}><button type="button">${escapeHtml(label)}</button></th>`;
}

export interface HtmlReportOptions {
  lang: Lang;
  /** When the report was made (shown on the page). */
  generated: Date;
  /** Files of the folders named that are not spreadsheets (listed, not checked). */
  ignored?: string[];
}

/** `N file(s) not checked, as they are not spreadsheets:`, for the page and the command line's stderr line. */
export function notCheckedLabel(n: number, lang: Lang): string {
  return WORDS[lang].ignored(n);
}

/**
 * When the report was made, in the reviewer's own time with its offset from UTC (`2025-04-01 09:00 (UTC+09:00)`):
 * a page made at nine in the morning in Tokyo said 00:00 UTC, which reads as midnight.
 */
export function localTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const zone = `UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())} (${zone})`;
}

/** How many of a file's notes (sheets passed over, hidden sheets) its row lists in words. */
const MAX_NOTES = 3;

export function renderHtmlReport(files: FileReport[], options: HtmlReportOptions): string {
  const { lang } = options;
  const w = WORDS[lang];
  const ignored = options.ignored ?? [];
  // A workbook's text (file names, sheet names, cell texts quoted in messages) is Japanese within an English page.
  const shown = lang === 'en' ? (s: string) => markJapanese(text(s)) : text;
  const ignoredNote = ignored.length > 0 ? `<p class="meta" id="ignored">${escapeHtml(w.ignored(ignored.length))} ${ignored.map((f) => shown(f)).join(', ')}</p>\n` : '';
  const sev = SEVERITY_LABEL[lang];
  const describe = new Map(RULES.map((r) => [r.id, r.describe[lang]]));
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let unreadable = 0;
  const fileRows: string[] = [];
  const findingRows: string[] = [];
  const byRule = new Map<(typeof RULES)[number]['id'], { error: number; warning: number; info: number; files: number }>();
  // Files that could not be read come first, then those with errors, then warnings, then the rest: what needs a look
  // is at the top. The order given is kept within each.
  const rank = (f: FileReport) => ('error' in f ? 0 : f.findings.some((x) => x.severity === 'error') ? 1 : f.findings.some((x) => x.severity === 'warning') ? 2 : 3);
  const ordered = files.map((f, at) => ({ f, at, rank: rank(f) })).sort((a, b) => a.rank - b.rank || a.at - b.at);
  for (const { f } of ordered) {
    const name = `<td class="path">${shown(f.file)}</td>`;
    if ('error' in f) {
      unreadable++;
      fileRows.push(`<tr>${name}<td class="error" data-sort="0">${escapeHtml(w.unreadable)}</td><td class="num"></td><td class="num"></td><td class="num"></td><td class="num"></td><td class="msg">${shown(f.error)}</td></tr>`);
      continue;
    }
    const count = (s: string) => f.findings.filter((x) => x.severity === s).length;
    const [e, wn, i] = [count('error'), count('warning'), count('info')];
    errors += e;
    warnings += wn;
    infos += i;
    const [status, cls, rank] = e > 0 ? [w.hasErrors, 'error', 1] : wn > 0 ? [w.hasWarnings, 'warning', 2] : [w.ok, '', 3];
    // What the reading passed over or noted, in words: the first few, and how many in all beyond them.
    const faults = (f.skipped ?? []).map((x) => `${x.sheet}${x.cell ? `!${x.cell}` : ''}: ${describeFault(x.reason, lang).text}`);
    const skipped = faults.length <= MAX_NOTES ? faults.join(' / ') : `${faults.slice(0, MAX_NOTES).join(' / ')} … (${w.inAll(faults.length)})`;
    fileRows.push(`<tr>${name}<td class="${cls}" data-sort="${rank}">${escapeHtml(status)}</td><td class="num">${e}</td><td class="num">${wn}</td><td class="num">${i}</td><td class="num">${f.tables.length}</td><td class="msg">${shown(skipped)}</td></tr>`);
    for (const rule of new Set(f.findings.map((x) => x.rule))) {
      const counts = byRule.get(rule) ?? { error: 0, warning: 0, info: 0, files: 0 };
      for (const x of f.findings) if (x.rule === rule) counts[x.severity]++;
      counts.files++;
      byRule.set(rule, counts);
    }
    for (const x of f.findings) {
      findingRows.push(
        `<tr><td class="path">${shown(f.file)}</td><td>${shown(x.sheet)}</td><td data-sort="${cellKey(x.cell)}">${escapeHtml(x.cell)}</td>` +
          `<td class="${x.severity}" data-sort="${SEVERITY_ORDER[x.severity]}">${escapeHtml(sev[x.severity])}</td>` +
          `<td title="${escapeHtml(describe.get(x.rule) ?? '')}">${escapeHtml(x.rule)}</td>` +
          `<td class="num" data-sort="${x.stated ?? ''}">${num(x.stated)}</td><td class="num" data-sort="${x.expected ?? ''}">${num(x.expected)}</td><td class="msg">${shown(x.message)}</td></tr>`,
      );
    }
  }
  // The box is left off a printed page while empty; what it holds is printed, as the rows printed are those it let through.
  const filterBox = (id: string) => `<label>${escapeHtml(w.filter)}<input type="search" data-filter="${id}" placeholder="${escapeHtml(w.filterHint)}"></label>`;
  /** A table's rows, the first PAGE shown, and the line that says how many more there are, with its button. */
  const rows = (list: string[]) => list.map((r, i) => (i < PAGE ? r : r.replace(/^<tr>/, '<tr hidden>'))).join('\n');
  const more = (id: string, n: number) =>
    `<p class="meta" data-more="${id}" data-template="${escapeHtml(w.more)}"${n > PAGE ? '' : ' hidden'}><span>${escapeHtml(w.more.replace('{shown}', PAGE.toLocaleString('en-US')).replace('{all}', n.toLocaleString('en-US')))}</span> <button type="button">${escapeHtml(w.showAll)}</button></p>`;
  // Every rule that found something: the most errors first, then the most warnings, then information.
  const ruleRows = [...byRule]
    .sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || a.localeCompare(b))
    .map(([rule, c]) => `<tr><td>${escapeHtml(rule)}</td><td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td><td class="num">${c.files}</td><td>${lang === 'en' ? markJapanese(escapeHtml(describe.get(rule) ?? '')) : escapeHtml(describe.get(rule) ?? '')}</td></tr>`);
  const ruleTable =
    ruleRows.length === 0
      ? ''
      : `<h2>${escapeHtml(w.byRule)}</h2>\n<table id="rules" data-sortable><thead><tr>${head(w.rule)}${head(w.error, true)}${head(w.warning, true)}${head(w.info, true)}${head(w.files, true)}${head(w.description)}</tr></thead><tbody>${ruleRows.join('\n')}</tbody></table>\n`;
  const fileTable = `${more('files', fileRows.length)}<table id="files" data-sortable><thead><tr>${head(w.file)}${head(w.status, false, 'ascending')}${head(w.error, true)}${head(w.warning, true)}${head(w.info, true)}${head(w.tables, true)}${head(w.note)}</tr></thead><tbody>${rows(fileRows)}</tbody></table>`;
  const findingTable =
    findingRows.length === 0
      ? `<p>${escapeHtml(w.none)}</p>`
      : filterBox('findings') +
        more('findings', findingRows.length) +
        `<table id="findings" data-sortable><thead><tr>${head(w.file)}${head(w.sheet)}${head(w.cell)}${head(w.severity)}${head(w.rule)}${head(w.stated, true)}${head(w.expected, true)}${head(w.message)}</tr></thead><tbody>${rows(findingRows)}</tbody></table>`;
  const csp = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; base-uri 'none'; form-action 'none'`;
  const when = localTime(options.generated);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(w.title)}</h1>
<p class="meta">${escapeHtml(`${w.generated} ${when}`)}</p>
<p class="meta">${escapeHtml(w.totals(files.length, errors, warnings, infos, unreadable))}</p>
${ignoredNote}</header>
<main>
${ruleTable}<h2>${escapeHtml(w.files)}</h2>
<p class="hint">${escapeHtml(w.sortHint)}</p>
${filterBox('files')}
${fileTable}
<h2>${escapeHtml(w.findings)}</h2>
${findingTable}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
