/**
 * The copies of cell values a package keeps outside its sheets: a chart's cache of the figures it plots (`<c:numCache>`,
 * `<c:strCache>`, what Excel shows until it reads the cells again, and what previews and other programs show) and a
 * pivot table's cache of its source. After a recalculation they still hold the old progress: each chart point over a
 * rewritten cell gets its new value, and a pivot cache whose source takes in a rewritten cell asks to be refreshed on
 * opening (`refreshOnLoad="1"`), as its records cannot be rebuilt here.
 */
import { cellIndex, parseA1 } from '../../engine/grid.js';
import type { Scalar } from './evaluate.js';
import { decodeEntities, escapeXml } from './xml.js';

/** The parts of a package, as write.ts holds them. */
export interface Parts {
  names(): string[];
  text(name: string): string;
  setText(name: string, text: string): void;
}

/** The values written into each sheet, by cellIndex. */
export type Written = Map<string, Map<number, Scalar>>;

/** The parts whose caches were brought up to date: charts given new points, pivot caches asked to refresh on opening. */
export interface RefreshedCaches {
  charts: string[];
  pivots: string[];
}

export function refreshCaches(files: Parts, written: Written): RefreshedCaches {
  const refreshed: RefreshedCaches = { charts: [], pivots: [] };
  if (written.size === 0) return refreshed;
  for (const name of files.names()) {
    const chart = /^xl\/charts\/chart[^/]*\.xml$/i.test(name);
    if (!chart && !/^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/i.test(name)) continue;
    const xml = files.text(name);
    const next = chart ? refreshChart(xml, written) : refreshPivotOnLoad(xml, written);
    if (next === xml) continue;
    files.setText(name, next);
    (chart ? refreshed.charts : refreshed.pivots).push(name);
  }
  return refreshed;
}

/** A reference's cells in the order a series takes them (`'別紙1'!$D$4:$F$4`, `(S!$A$1,S!$B$1:$B$3)`); undefined if unread. */
export function referenceCells(ref: string): { sheet: string; row: number; col: number }[] | undefined {
  const cells: { sheet: string; row: number; col: number }[] = [];
  const body = ref.trim().replace(/^\((.*)\)$/s, '$1');
  for (const area of body.match(/(?:'(?:[^']|'')*'|[^,'])+/g) ?? []) {
    const m = /^\s*(?:'((?:[^']|'')*)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?\s*$/.exec(area);
    if (!m) return undefined;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const from = parseA1(`${m[3]}${m[4]}`);
    const to = m[5] ? parseA1(`${m[5]}${m[6]}`) : from;
    const [top, bottom] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
    const [left, right] = [Math.min(from.col, to.col), Math.max(from.col, to.col)];
    // A series runs along one row or one column; a block of both is none a cache's points follow here.
    if (top !== bottom && left !== right) return undefined;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) cells.push({ sheet, row: r, col: c });
  }
  return cells;
}

/** The chart's cached points over rewritten cells, given their new values. */
function refreshChart(xml: string, written: Written): string {
  const re = /<([A-Za-z_][\w.-]*:)?(numRef|strRef)>(\s*<\1f>([^<]*)<\/\1f>\s*)<\1(numCache|strCache)>([\s\S]*?)<\/\1\5>/g;
  return xml.replace(re, (whole, prefix: string | undefined, kind: string, head: string, ref: string, cacheName: string, cache: string) => {
    const ns = prefix ?? '';
    const cells = referenceCells(decodeEntities(ref));
    if (!cells) return whole;
    const changes = new Map<number, Scalar>();
    cells.forEach((c, idx) => {
      const values = written.get(c.sheet);
      const key = cellIndex(c.row, c.col);
      if (values?.has(key)) changes.set(idx, values.get(key)!);
    });
    if (changes.size === 0) return whole;
    const next = refreshPoints(cache, ns, changes, kind === 'numRef');
    return `<${ns}${kind}>${head}<${ns}${cacheName}>${next}</${ns}${cacheName}>`;
  });
}

/**
 * A cache's points with those of `changes` given their new values: a number in a cache of numbers (a text there is no
 * point, as Excel caches it), the text shown in one of texts.
 */
function refreshPoints(cache: string, ns: string, changes: Map<number, Scalar>, numbers: boolean): string {
  const ptRe = new RegExp(`<${ns}pt\\b([^>]*)>[\\s\\S]*?<\\/${ns}pt>|<${ns}pt\\b([^>]*)\\/>`, 'g');
  const points: { idx: number; start: number; end: number; attrs: string }[] = [];
  for (const m of cache.matchAll(ptRe)) {
    const attrs = m[1] ?? m[2] ?? '';
    const idx = Number(/\bidx\s*=\s*"(\d+)"/.exec(attrs)?.[1]);
    if (Number.isInteger(idx)) points.push({ idx, start: m.index!, end: m.index! + m[0].length, attrs });
  }
  const pointXml = (idx: number, attrs: string, value: Scalar): string => {
    if (value === null || (typeof value === 'object' && value !== null)) return '';
    if (numbers && typeof value !== 'number') return '';
    const text = typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value;
    return `<${ns}pt${attrs || ` idx="${idx}"`}><${ns}v>${escapeXml(text)}</${ns}v></${ns}pt>`;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [idx, value] of changes) {
    const existing = points.find((p) => p.idx === idx);
    if (existing) {
      edits.push({ start: existing.start, end: existing.end, text: pointXml(idx, existing.attrs, value) });
      continue;
    }
    // A point the cache lacked (a blank before): in its place among the others, after ptCount and formatCode otherwise.
    const after = points.find((p) => p.idx > idx);
    const lead = new RegExp(`^[\\s\\S]*?(?:<${ns}ptCount\\b[^>]*\\/>|$)`).exec(cache)![0].length;
    const formatCode = new RegExp(`<${ns}formatCode>[\\s\\S]*?<\\/${ns}formatCode>`).exec(cache);
    const at = after ? after.start : points.length > 0 ? points[points.length - 1].end : Math.max(lead, formatCode ? formatCode.index + formatCode[0].length : 0);
    edits.push({ start: at, end: at, text: pointXml(idx, '', value) });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = cache;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A pivot cache whose source takes in a rewritten cell (or a named source, which is not followed here) refreshed on opening. */
function refreshPivotOnLoad(xml: string, written: Written): string {
  const source = /<(?:[A-Za-z_][\w.-]*:)?worksheetSource\b([^>]*)\/?>/.exec(xml);
  if (!source) return xml;
  const ref = /\bref\s*=\s*"([^"]*)"/.exec(source[1])?.[1];
  const sheet = /\bsheet\s*=\s*"([^"]*)"/.exec(source[1])?.[1];
  let touched = true;
  if (ref && sheet !== undefined) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref);
    const values = written.get(decodeEntities(sheet));
    if (m) {
      const from = parseA1(`${m[1]}${m[2]}`);
      const to = m[3] ? parseA1(`${m[3]}${m[4]}`) : from;
      touched = false;
      for (const key of values?.keys() ?? []) {
        const { row, col } = fromIndex(key);
        if (row >= Math.min(from.row, to.row) && row <= Math.max(from.row, to.row) && col >= Math.min(from.col, to.col) && col <= Math.max(from.col, to.col)) touched = true;
      }
    }
  }
  if (!touched) return xml;
  const open = /<([A-Za-z_][\w.-]*:)?pivotCacheDefinition\b([^>]*?)(\/?)>/.exec(xml);
  if (!open) return xml;
  const attrs = /\brefreshOnLoad\s*=\s*"[^"]*"/.test(open[2]) ? open[2].replace(/\brefreshOnLoad\s*=\s*"[^"]*"/, 'refreshOnLoad="1"') : `${open[2]} refreshOnLoad="1"`;
  return xml.slice(0, open.index) + `<${open[1] ?? ''}pivotCacheDefinition${attrs}${open[3]}>` + xml.slice(open.index + open[0].length);
}

/** A cell's row and column from its cellIndex. */
function fromIndex(key: number): { row: number; col: number } {
  const col = key % COLUMNS;
  return { row: (key - col) / COLUMNS, col };
}

const COLUMNS = cellIndex(1, 0) - cellIndex(0, 0);
