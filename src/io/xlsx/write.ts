/**
 * Writes recalculated cells into an .xlsx by editing only those cells' XML (and the saved results
 * of formulas referring to them, settle.ts). Every other cell keeps its XML, and every part not
 * edited (other sheets, charts, macros, comments, images) its very compressed bytes, which a
 * load-and-save through a spreadsheet library cannot promise.
 */
import { deflateSync, inflateSync, strFromU8, strToU8, zipSync } from 'fflate';
import { a1, cellIndex, parseA1, parseRangeA1, type CellRange } from '../../engine/grid.js';
import type { CellWrite } from '../../engine/fix.js';
import type { FormulaRefresh } from './settle.js';
import { crc32, entryData, readCentralDirectory, writeZip, type ZipEntry, type ZipPart } from './zip.js';
import { shiftFormula } from './formula.js';
import { resolveTarget } from './parts.js';
import { decodeEntities, escapeXml } from './xml.js';
import { refreshCaches, type RefreshedCaches, type Written } from './caches.js';
import type { Scalar } from './evaluate.js';

/** Why a write was not made, as people read it. */
export const SKIP_REASONS = {
  'sheet-not-found': { ja: 'シートが見つかりません', en: 'sheet not found' },
  'shared-formula': { ja: '共有数式・配列数式の起点のセルです', en: 'the cell anchors a shared or array formula' },
  'array-formula': { ja: '配列数式(スピルを含む)の範囲内のセルです(Excel が計算し直すと元の値に戻ります)', en: 'inside the range of an array formula (or a spill), whose value Excel would compute again' },
  merged: { ja: '結合セルの先頭以外のセルです(表示されない値になります)', en: 'inside a merged area, not its first cell (the value would not show)' },
  protected: { ja: 'シートが保護され、セルがロックされています', en: 'the sheet is protected and the cell locked' },
} as const;

export interface PatchOptions {
  /** Formula cells whose saved result to replace (their formulas stay): settle.ts works them out. */
  refreshed?: FormulaRefresh[];
  /** Ask Excel to recalculate every formula on opening (`<calcPr fullCalcOnLoad="1"/>`). */
  recalcOnOpen?: boolean;
  /** Raw DEFLATE of an edited part; fflate's by default (the command line passes Node's zlib, several times faster). */
  deflate?: (data: Uint8Array) => Uint8Array;
  /** Only find the writes that would not be made: nothing is edited, and the input comes back as the bytes. */
  dryRun?: boolean;
}

export interface PatchResult {
  bytes: Uint8Array;
  /**
   * Writes that were not made, with the reason (a shared-formula master, an unknown sheet, a hidden cell of a merged area,
   * a locked cell of a protected sheet).
   */
  skipped: { address: string; sheet: string; code: keyof typeof SKIP_REASONS; reason: string }[];
  /** Charts whose cached points over written cells were updated, pivot caches over them set to refresh on opening. */
  caches?: RefreshedCaches;
}

/**
 * The writes that fall inside a merged area of the sheet (`<mergeCell ref="D1:E1"/>`) but not on its first cell,
 * which shows nothing: linear in the writes and the merged areas' cells (a large area is tested write by write).
 */
/** Whether a cell lies inside an area (a merged one, an array formula's) other than on its first cell, which holds its content. */
function pastFirstCell(area: CellRange, row: number, col: number): boolean {
  return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right && (row !== area.top || col !== area.left);
}

function hiddenByMerges(xml: string, writes: CellWrite[]): Set<CellWrite> {
  const hidden = new Set<CellWrite>();
  if (!xml.includes('mergeCell')) return hidden;
  const byCell = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const key = cellIndex(w.row, w.col);
    const list = byCell.get(key);
    if (list) list.push(w);
    else byCell.set(key, [w]);
  }
  for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g)) {
    const ref = attr(m[1], 'ref');
    if (!ref || !/^[A-Za-z]+\d+:[A-Za-z]+\d+$/.test(ref)) continue;
    const range = parseRangeA1(ref);
    const { top, bottom, left, right } = range;
    if ((bottom - top + 1) * (right - left + 1) > writes.length) {
      for (const w of writes) if (pastFirstCell(range, w.row, w.col)) hidden.add(w);
      continue;
    }
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (pastFirstCell(range, r, c)) for (const w of byCell.get(cellIndex(r, c)) ?? []) hidden.add(w);
  }
  return hidden;
}

/**
 * The writes that fall inside the range of an array formula (`<f t="array" ref="D9:F9">`, a dynamic array's spill
 * included) but not on its first cell, which holds the formula: Excel computes those cells again from the formula, so a
 * value written there would not stay, and Excel allows no change to part of an array.
 */
function insideArrays(xml: string, ns: string, writes: CellWrite[]): Set<CellWrite> {
  const inside = new Set<CellWrite>();
  if (writes.length === 0 || !xml.includes('array')) return inside;
  for (const m of xml.matchAll(new RegExp(`<${ns}f\\b([^>]*)>`, 'g'))) {
    const ref = attr(m[1], 'ref');
    if (attr(m[1], 't') !== 'array' || !ref) continue;
    let range;
    try {
      range = parseRangeA1(ref);
    } catch {
      continue;
    }
    // A formula of one cell (most array formulas Excel saves) covers no other.
    if (range.top === range.bottom && range.left === range.right) continue;
    for (const w of writes) if (pastFirstCell(range, w.row, w.col)) inside.add(w);
  }
  return inside;
}

/**
 * Shared formulas whose first cell a write replaces (`<f t="shared" ref="C7:G7" si="0">ROUND(C6/C5*100,0)+10</f>`, as
 * Excel saves a formula filled right): the other cells of the group, which hold only `<f t="shared" si="0"/>` and take
 * their formula from it, get their own formula written out (the first's, its references moved as formula.ts moves them),
 * so that the first cell can be written as any other. Gives the sheet part and the addresses of the first cells freed.
 */
function unshareWritten(xml: string, ns: string, writes: CellWrite[]): { xml: string; freed: Set<string> } {
  const freed = new Set<string>();
  if (writes.length === 0 || !xml.includes('shared')) return { xml, freed };
  const written = new Set(writes.map((w) => w.address));
  const formulaRe = new RegExp(`<${ns}f\\b([^>]*?)(?:\\/>|>([^<]*)<\\/${ns}f>)`, 'g');
  const cellOpen = `<${ns}c`;
  /** The address of the cell a formula element stands in (its `<c r="…">`), undefined when the cell gives none. */
  const cellAt = (index: number): { row: number; col: number; address: string } | undefined => {
    const open = xml.lastIndexOf(cellOpen, index);
    const end = xml.indexOf('>', open);
    const r = open < 0 ? undefined : attr(xml.slice(open + cellOpen.length, end), 'r');
    if (!r || !/^[A-Za-z]{1,3}\d+$/.test(r)) return undefined;
    const { row, col } = parseA1(r);
    return { row, col, address: a1(row, col) };
  };
  const masters = new Map<string, { row: number; col: number; formula: string }>();
  for (const m of xml.matchAll(formulaRe)) {
    if (attr(m[1], 't') !== 'shared' || attr(m[1], 'ref') === undefined || m[2] === undefined) continue;
    const si = attr(m[1], 'si');
    const cell = cellAt(m.index!);
    if (si !== undefined && cell && written.has(cell.address)) masters.set(si, { row: cell.row, col: cell.col, formula: decodeEntities(m[2]) });
  }
  if (masters.size === 0) return { xml, freed };
  const pieces: string[] = [];
  let at = 0;
  for (const m of xml.matchAll(formulaRe)) {
    const si = attr(m[1], 'si');
    const master = si !== undefined && attr(m[1], 't') === 'shared' && attr(m[1], 'ref') === undefined ? masters.get(si) : undefined;
    if (!master) continue;
    const cell = cellAt(m.index!);
    // A follower without an address cannot be given its formula: the group stays shared, its first cell unwritten.
    if (!cell) return unshareWritten(xml, ns, writes.filter((w) => w.row !== master.row || w.col !== master.col));
    if (written.has(cell.address)) continue;
    pieces.push(xml.slice(at, m.index), `<${ns}f>${escapeXml(shiftFormula(master.formula, cell.row - master.row, cell.col - master.col))}</${ns}f>`);
    at = m.index! + m[0].length;
  }
  pieces.push(xml.slice(at));
  for (const m of masters.values()) freed.add(a1(m.row, m.col));
  return { xml: pieces.join(''), freed };
}

/** Whether a row's start tag formats the row as a whole (`<row r="6" s="3" customFormat="1">`) with a format other than the first. */
function rowStyled(rowTag: string): boolean {
  const custom = attr(rowTag, 'customFormat');
  const s = attr(rowTag, 's');
  return (custom === '1' || custom === 'true') && s !== undefined && s !== '0';
}

/** Whether a column (0-based) is one a sheet's `<cols>` formats as a whole (`<col min="6" max="10" style="3"/>`) with a format other than the first. */
function styledColumns(xml: string, ns: string): (col: number) => boolean {
  const ranges: [number, number][] = [];
  const block = new RegExp(`<${ns}cols\\b[^>]*>([\\s\\S]*?)<\\/${ns}cols>`).exec(xml);
  for (const m of block?.[1].matchAll(new RegExp(`<${ns}col\\b([^>]*)>`, 'g')) ?? []) {
    const style = attr(m[1], 'style');
    const min = Number(attr(m[1], 'min'));
    const max = Number(attr(m[1], 'max'));
    if (style !== undefined && style !== '0' && min >= 1 && max >= min) ranges.push([min - 1, max - 1]);
  }
  return (col) => ranges.some(([min, max]) => col >= min && col <= max);
}

/** Whether a sheet part is protected (`<sheetProtection sheet="1"/>`): its locked cells take no edits in Excel. */
function isProtected(xml: string): boolean {
  const m = /<(?:[A-Za-z_][\w.-]*:)?sheetProtection\b([^>]*)>/.exec(xml);
  const on = m ? attr(m[1], 'sheet') : undefined;
  return on === '1' || on === 'true';
}

/**
 * Which cell formats (cellXfs indexes) lock their cells: all but those whose `<protection locked="0"/>` unlocks them (a
 * form's input cells). A cell without a style has format 0.
 */
function lockedFormats(files: Package): (style: string | undefined) => boolean {
  const xml = files.has('xl/styles.xml') ? files.text('xl/styles.xml') : '';
  const xfs = /<(?:[A-Za-z_][\w.-]*:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const unlocked = new Set<number>();
  let i = 0;
  for (const m of xfs.matchAll(/<(?:[A-Za-z_][\w.-]*:)?xf\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?xf>)/g)) {
    const protection = m[1] ? /<(?:[A-Za-z_][\w.-]*:)?protection\b([^>]*)>/.exec(m[1]) : null;
    const locked = protection ? attr(protection[1], 'locked') : undefined;
    if (locked === '0' || locked === 'false') unlocked.add(i);
    i++;
  }
  return (style) => !unlocked.has(Number(style ?? 0));
}

/** An attribute's value, in either quotes (XML allows `r='5'` as well as `r="5"`). */
function attr(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** attr's pattern per attribute name, made once (attr runs for every row and cell of a sheet part written to). */
const ATTRIBUTES = new Map<string, RegExp>();

/**
 * The parts of an .xlsx, each inflated only when read, and written back with every part left unchanged as its
 * compressed bytes stand (nothing recompressed but the parts edited: a large workbook is written in a fraction of the
 * time, and the rest of the package is the very bytes it was).
 */
class Package {
  private readonly entries: ZipEntry[] = [];
  /** Entries by part name; part names are equal whatever their case (`Sheet1.xml` is `sheet1.xml`), as the reader takes them. */
  private readonly byName = new Map<string, ZipEntry>();
  /** Edited parts, deflated as soon as they are set (a large workbook's edited XML is not kept whole till the end). */
  private readonly changed = new Map<string, ZipPart>();
  private readonly removed = new Set<string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly deflate: (data: Uint8Array) => Uint8Array = (data) => deflateSync(data, { level: 6 }),
  ) {
    // A name stored twice is read, and kept, once: as its first entry.
    for (const e of readCentralDirectory(bytes)) {
      const key = e.name.toLowerCase();
      if (this.byName.has(key)) continue;
      this.byName.set(key, e);
      this.entries.push(e);
    }
  }

  has(name: string): boolean {
    const key = name.toLowerCase();
    return !this.removed.has(key) && this.byName.has(key);
  }

  text(name: string): string {
    if (!this.has(name)) return '';
    const key = name.toLowerCase();
    const edited = this.changed.get(key);
    return strFromU8(edited ? inflateSync(edited.data) : this.inflated(this.byName.get(key)!));
  }

  /** Replaces a part's text; the part keeps the name the package gives it. */
  setText(name: string, text: string): void {
    const key = name.toLowerCase();
    const data = strToU8(text);
    this.changed.set(key, { name: this.byName.get(key)?.name ?? name, method: 8, crc: crc32(data), size: data.length, data: this.deflate(data) });
  }

  remove(name: string): void {
    this.removed.add(name.toLowerCase());
  }

  /** The names of the parts it holds. */
  names(): string[] {
    return this.entries.filter((e) => !this.removed.has(e.name.toLowerCase())).map((e) => e.name);
  }

  private inflated(e: ZipEntry): Uint8Array {
    const raw = entryData(this.bytes, e);
    return e.method === 0 ? raw : inflateSync(raw);
  }

  toBytes(): Uint8Array {
    const kept = this.entries.filter((e) => !this.removed.has(e.name.toLowerCase()));
    const edited = (e: ZipEntry) => this.changed.get(e.name.toLowerCase());
    const parts = kept.map((e) => edited(e) ?? { name: e.name, method: e.method, crc: e.crc, size: e.size, data: entryData(this.bytes, e) });
    // A package past plain ZIP records (4 GB, 65,535 parts) is written whole by fflate, with Zip64.
    return writeZip(parts) ?? zipSync(Object.fromEntries(kept.map((e) => [e.name, edited(e) ? inflateSync(edited(e)!.data) : this.inflated(e)])));
  }
}

/** Sheet name → path of its XML part. */
function sheetParts(files: Package): Map<string, string> {
  const wb = files.text('xl/workbook.xml');
  const rels = files.text('xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    // Resolved as the reader resolves it (`/xl/…`, `../xl/…`, `%20`): relative to the workbook part.
    if (id && target) targets.set(id, resolveTarget('xl/workbook.xml', target));
  }
  const parts = new Map<string, string>();
  // The workbook's elements may carry a prefix (`<x:sheet>`), as the sheets' may.
  for (const m of wb.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], 'name');
    const rid = attr(m[1], 'r:id') ?? /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1])?.slice(1).find((v) => v !== undefined);
    if (name && rid && targets.has(rid)) parts.set(decodeEntities(name), targets.get(rid)!);
  }
  return parts;
}

interface RowSpan {
  r: number;
  start: number;
  openEnd: number;
  selfClosing: boolean;
  end: number;
}

/** The rows of a sheet part; a row without `r` (some writers leave it out) is the one after the row before it. */
function rowSpans(xml: string, ns: string): RowSpan[] {
  const spans: RowSpan[] = [];
  const re = new RegExp(`<${ns}row\\b([^>]*?)(\\/?)>`, 'g');
  const close = `</${ns}row>`;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const given = Number(attr(m[1], 'r'));
    const r = given > 0 ? given : (spans.at(-1)?.r ?? 0) + 1;
    const openEnd = m.index + m[0].length;
    if (m[2] === '/') {
      spans.push({ r, start: m.index, openEnd, selfClosing: true, end: openEnd });
    } else {
      const at = xml.indexOf(close, openEnd);
      const end = at < 0 ? xml.length : at + close.length;
      spans.push({ r, start: m.index, openEnd, selfClosing: false, end });
      re.lastIndex = end;
    }
  }
  return spans;
}

interface CellSpan {
  col: number;
  start: number;
  end: number;
  attrs: string;
  inner: string;
}

/**
 * The column a cell's `r` names, read as the reader reads it (sheet.ts): the letters and the digits it starts with
 * (`B2:C3` is B2, `$B$2` is B2), undefined where those name no cell (`A0`, `12`, empty): such a cell is the one after
 * the cell before it. Reading it otherwise would write a figure into another cell than the one checked.
 */
function refColumn(ref: string | undefined): number | undefined {
  const m = ref === undefined ? null : /^\$?([A-Za-z]+)\$?(\d+)/.exec(ref);
  if (!m || !/[1-9]/.test(m[2])) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** The cells of a row; a cell without `r` is the one after the cell before it, as spreadsheets read it. */
function cellSpans(rowXml: string, ns: string): CellSpan[] {
  const out: CellSpan[] = [];
  for (const m of rowXml.matchAll(new RegExp(`<${ns}c\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${ns}c>)`, 'g'))) {
    const col = refColumn(attr(m[1], 'r')) ?? (out.at(-1)?.col ?? -1) + 1;
    out.push({ col, start: m.index!, end: m.index! + m[0].length, attrs: m[1], inner: m[2] ?? '' });
  }
  return out;
}

function cellXml(w: CellWrite, style: string | undefined, ns: string): string {
  const s = style !== undefined ? ` s="${style}"` : '';
  const r = a1(w.row, w.col);
  const [c, f, v, is, t] = ['c', 'f', 'v', 'is', 't'].map((n) => `${ns}${n}`);
  if (w.formula) return `<${c} r="${r}"${s}><${f}>${escapeXml(w.formula)}</${f}><${v}>${w.value}</${v}></${c}>`;
  if (typeof w.value === 'number') return `<${c} r="${r}"${s}><${v}>${w.value}</${v}></${c}>`;
  return `<${c} r="${r}"${s} t="inlineStr"><${is}><${t}>${escapeXml(w.value)}</${t}></${is}></${c}>`;
}

/**
 * A formula cell with a new saved result: its attributes but the type, and what it holds (its formula element, anything
 * after) as it stands, the old `<v>` replaced by the new one right after the formula, where the schema puts it.
 */
function refreshedCellXml(existing: CellSpan, value: FormulaRefresh['value'], ns: string): string {
  const v = `${ns}v`;
  const rest = existing.inner.replace(new RegExp(`<${v}\\s*\\/>|<${v}\\b[^>]*>[\\s\\S]*?<\\/${v}>`), '');
  const formula = new RegExp(`<${ns}f\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${ns}f>)`).exec(rest);
  const at = formula ? formula.index + formula[0].length : 0;
  const attrs = existing.attrs.replace(/\s+t="[^"]*"/, '');
  const { type, text } = savedResult(value);
  const saved = text === null ? '' : `<${v}>${text}</${v}>`;
  return `<${ns}c${attrs}${type}>${rest.slice(0, at)}${saved}${rest.slice(at)}</${ns}c>`;
}

/** A formula's result as a cell saves it: its type attribute (none for a number) and the `<v>` text. */
function savedResult(value: FormulaRefresh['value']): { type: string; text: string | null } {
  if (value === null) return { type: '', text: null };
  if (typeof value === 'number') return { type: '', text: String(value) };
  if (typeof value === 'boolean') return { type: ' t="b"', text: value ? '1' : '0' };
  if (typeof value === 'string') return { type: ' t="str"', text: escapeXml(value) };
  return { type: ' t="e"', text: escapeXml(value.error) };
}

/**
 * The workbook part asking Excel to recalculate every formula on opening: `fullCalcOnLoad="1"` on its `<calcPr>`, or a
 * `<calcPr>` where the schema puts it (after `definedNames`, before `oleSize` and what follows) when it has none.
 */
export function withFullCalcOnLoad(xml: string): string {
  const ns = /<([A-Za-z_][\w.-]*:)?workbook\b/.exec(xml)?.[1] ?? '';
  const calcPr = new RegExp(`<${ns}calcPr\\b([^>]*?)(\\/?)>`).exec(xml);
  if (calcPr) {
    const attrs = /\bfullCalcOnLoad="[^"]*"/.test(calcPr[1]) ? calcPr[1].replace(/\bfullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"') : `${calcPr[1]} fullCalcOnLoad="1"`;
    return xml.slice(0, calcPr.index) + `<${ns}calcPr${attrs}${calcPr[2]}>` + xml.slice(calcPr.index + calcPr[0].length);
  }
  const after = new RegExp(`<${ns}(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\\b|<\\/${ns}workbook>`).exec(xml);
  if (!after) return xml;
  return xml.slice(0, after.index) + `<${ns}calcPr fullCalcOnLoad="1"/>` + xml.slice(after.index);
}

/** Adds (once) a cell format showing `0%` and returns its index in cellXfs. */
function percentStyle(files: Package, cache: { index?: string }): string | undefined {
  if (cache.index !== undefined) return cache.index;
  const path = 'xl/styles.xml';
  if (!files.has(path)) return undefined;
  let xml = files.text(path);
  const m = /<([A-Za-z_][\w.-]*:)?cellXfs\b([^>]*)>([\s\S]*?)<\/\1?cellXfs>/.exec(xml);
  if (!m) return undefined;
  const ns = m[1] ?? '';
  const count = (m[3].match(new RegExp(`<${ns}xf\\b`, 'g')) ?? []).length;
  const xf = `<${ns}xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
  const attrs = m[2].replace(/\bcount="\d+"/, `count="${count + 1}"`);
  xml = xml.slice(0, m.index) + `<${ns}cellXfs${attrs}>${m[3]}${xf}</${ns}cellXfs>` + xml.slice(m.index + m[0].length);
  files.setText(path, xml);
  cache.index = String(count);
  return cache.index;
}

/** Excel's limit on cell formats in a workbook: past it, no format is added (the neighbour's is given, as it stands). */
const MAX_CELL_FORMATS = 64000;

/** The attributes of an xf element but those named, sorted, and what it holds: equal for formats that show alike. */
function xfKey(xf: string, without: RegExp): string {
  const m = /^<[^\s>/]+([^>]*?)\/?>([\s\S]*)$/.exec(xf);
  const attrs = [...(m?.[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].filter((a) => !without.test(a[1])).map((a) => `${a[1]}=${a[2] ?? a[3]}`);
  return `${attrs.sort().join(' ')}|${(m?.[2] ?? '').replace(/<\/[^>]*xf>$/, '')}`;
}

/**
 * The cell format showing a cell as it stands (its font, fill, borders, alignment) with the number format of another:
 * a blank progress cell with a fill or borders of its own, written with its neighbour's `0%`, keeps them. Its own
 * format when that already shows the neighbour's number format; an existing format showing the same, or one added to
 * cellXfs (once per pair). The neighbour's format where the styles cannot be read or no format may be added.
 */
function ownWithNumFmtOf(files: Package, own: string, from: string, cache: Map<string, string>): string {
  const cached = cache.get(`${own}>${from}`);
  if (cached !== undefined) return cached;
  const path = 'xl/styles.xml';
  const xml = files.has(path) ? files.text(path) : '';
  const m = /<([A-Za-z_][\w.-]*:)?cellXfs\b([^>]*)>([\s\S]*?)<\/\1?cellXfs>/.exec(xml);
  const ns = m?.[1] ?? '';
  const xfs = m ? [...m[3].matchAll(new RegExp(`<${ns}xf\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${ns}xf>)`, 'g'))].map((x) => x[0]) : [];
  const ownXf = xfs[Number(own)];
  const fromXf = xfs[Number(from)];
  let index = from;
  if (m && ownXf !== undefined && fromXf !== undefined) {
    const numFmtOf = (xf: string) => attr(/^<[^\s>/]+([^>]*)>/.exec(xf)?.[1] ?? '', 'numFmtId') ?? '0';
    const numFmt = numFmtOf(fromXf);
    // The new format: the cell's own, its number format the neighbour's.
    const head = /^<[^\s>/]+[^>]*?(?=\/?>)/.exec(ownXf)![0];
    const withNumFmt = /\snumFmtId\s*=/.test(head) ? head.replace(/(\snumFmtId\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${numFmt}"`) : `${head} numFmtId="${numFmt}"`;
    const applied = /\sapplyNumberFormat\s*=/.test(withNumFmt) ? withNumFmt.replace(/(\sapplyNumberFormat\s*=\s*)(?:"[^"]*"|'[^']*')/, '$1"1"') : `${withNumFmt} applyNumberFormat="1"`;
    const made = applied + ownXf.slice(head.length);
    const key = xfKey(made, /^applyNumberFormat$/);
    const same = numFmtOf(ownXf) === numFmt ? Number(own) : xfKey(fromXf, /^applyNumberFormat$/) === key ? Number(from) : xfs.findIndex((x) => xfKey(x, /^applyNumberFormat$/) === key);
    if (same >= 0) index = String(same);
    else if (xfs.length < MAX_CELL_FORMATS) {
      const attrs = m[2].replace(/\bcount="\d+"/, `count="${xfs.length + 1}"`);
      files.setText(path, xml.slice(0, m.index) + `<${ns}cellXfs${attrs}>${m[3]}${made}</${ns}cellXfs>` + xml.slice(m.index + m[0].length));
      index = String(xfs.length);
    }
  }
  cache.set(`${own}>${from}`, index);
  return index;
}

function dropCalcChain(files: Package): void {
  if (!files.has('xl/calcChain.xml')) return;
  files.remove('xl/calcChain.xml');
  const ct = '[Content_Types].xml';
  if (files.has(ct)) files.setText(ct, files.text(ct).replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''));
  const rels = 'xl/_rels/workbook.xml.rels';
  if (files.has(rels)) files.setText(rels, files.text(rels).replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''));
}

/** The workbook part's content type → the extension Excel requires of a file holding it (it refuses any other). */
const EXTENSIONS: [string, string][] = [
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', '.xlsx'],
  ['application/vnd.ms-excel.sheet.macroEnabled.main+xml', '.xlsm'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', '.xltx'],
  ['application/vnd.ms-excel.template.macroEnabled.main+xml', '.xltm'],
];

/** The extension a package must be saved with (`.xlsm` for a macro-enabled workbook), from its content types. */
export function requiredExtension(input: Uint8Array): string | undefined {
  const types = new Package(input).text('[Content_Types].xml');
  return EXTENSIONS.find(([type]) => types.includes(`"${type}"`))?.[1];
}

/** Whether a file name's extension is one Excel checks against the package's content type. */
export function isWorkbookExtension(ext: string): boolean {
  return EXTENSIONS.some(([, e]) => e === ext.toLowerCase());
}

export function patchXlsx(input: Uint8Array, writes: CellWrite[], options: PatchOptions = {}): PatchResult {
  const files = new Package(input, options.deflate);
  const refreshes = new Map<string, FormulaRefresh[]>();
  for (const f of options.refreshed ?? []) {
    const list = refreshes.get(f.sheet);
    if (list) list.push(f);
    else refreshes.set(f.sheet, [f]);
  }
  const parts = sheetParts(files);
  const skipped: PatchResult['skipped'] = [];
  const styleCache: { index?: string } = {};
  const mixedStyles = new Map<string, string>();
  let locked: ((style: string | undefined) => boolean) | undefined;
  let formulasTouched = false;
  // The values each sheet's cells were given (writes made, formulas' results saved): for the charts' and pivots' caches.
  const written: Written = new Map();
  const record = (sheet: string, row: number, col: number, value: Scalar) => {
    let values = written.get(sheet);
    if (!values) written.set(sheet, (values = new Map()));
    values.set(cellIndex(row, col), value);
  };
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    // A sheet whose part the package does not hold (under the name its relationship gives) takes no write, said so.
    const part = parts.get(w.sheet);
    if (part === undefined || !files.has(part)) {
      skipped.push({ sheet: w.sheet, address: w.address, code: 'sheet-not-found', reason: SKIP_REASONS['sheet-not-found'].en });
      continue;
    }
    let list = bySheet.get(w.sheet);
    if (!list) bySheet.set(w.sheet, (list = []));
    list.push(w);
  }
  for (const sheet of new Set([...bySheet.keys(), ...refreshes.keys()])) {
    const list = bySheet.get(sheet) ?? [];
    const path = parts.get(sheet);
    if (!path || !files.has(path)) continue;
    let xml = files.text(path);
    // Some writers prefix the SpreadsheetML namespace (`<x:row>`); new elements use the same prefix.
    const ns = /<([A-Za-z_][\w.-]*:)?sheetData\b/.exec(xml)?.[1] ?? '';
    const rowClose = `</${ns}row>`;
    xml = xml.replace(new RegExp(`<${ns}sheetData\\s*\\/>`), `<${ns}sheetData></${ns}sheetData>`);
    // A shared formula's first cell written: the group's other cells get formulas of their own first.
    const unshared = unshareWritten(xml, ns, list);
    xml = unshared.xml;
    const spans = rowSpans(xml, ns);
    const spanOf = new Map(spans.map((s) => [s.r, s]));
    const styleAt = (row: number, col: number): string | undefined => {
      const span = spanOf.get(row + 1);
      if (!span || span.selfClosing) return undefined;
      const cell = cellSpans(xml.slice(span.openEnd, span.end), ns).find((c) => c.col === col);
      return cell ? attr(cell.attrs, 's') : undefined;
    };
    const byRow = new Map<number, CellWrite[]>();
    const protectedSheet = list.length > 0 && isProtected(xml);
    let columnStyled: ((col: number) => boolean) | undefined;
    // A cell inside a merged area other than its first shows nothing: a value written there would be hidden.
    const hidden = hiddenByMerges(xml, list);
    const arrays = insideArrays(xml, ns, list);
    for (const w of list) {
      if (hidden.has(w)) {
        skipped.push({ sheet, address: w.address, code: 'merged', reason: SKIP_REASONS.merged.en });
        continue;
      }
      if (arrays.has(w)) {
        skipped.push({ sheet, address: w.address, code: 'array-formula', reason: SKIP_REASONS['array-formula'].en });
        continue;
      }
      let l = byRow.get(w.row);
      if (!l) byRow.set(w.row, (l = []));
      l.push(w);
    }
    // Styles to borrow are read before any edit moves offsets.
    const borrowed = new Map<CellWrite, string | undefined>();
    for (const w of list) if (w.styleFrom) borrowed.set(w, styleAt(w.styleFrom.row, w.styleFrom.col));
    const refreshByRow = new Map<number, FormulaRefresh[]>();
    for (const f of refreshes.get(sheet) ?? []) {
      const l = refreshByRow.get(f.row);
      if (l) l.push(f);
      else refreshByRow.set(f.row, [f]);
    }
    const edits: { start: number; end: number; text: string; row: number }[] = [];
    for (const row of new Set([...byRow.keys(), ...refreshByRow.keys()])) {
      const ws = byRow.get(row) ?? [];
      const span = spanOf.get(row + 1);
      const cells = span && !span.selfClosing ? cellSpans(xml.slice(span.openEnd, span.end - rowClose.length), ns) : [];
      const base = span ? span.openEnd : 0;
      let rowInner = span && !span.selfClosing ? xml.slice(span.openEnd, span.end - rowClose.length) : '';
      const rowEdits: { start: number; end: number; text: string }[] = [];
      for (const w of ws.sort((a, b) => a.col - b.col)) {
        const existing = cells.find((c) => c.col === w.col);
        const formulaAttrs = new RegExp(`<${ns}f\\b([^>]*)>`).exec(existing?.inner ?? '')?.[1] ?? '';
        const type = attr(formulaAttrs, 't');
        const ref = attr(formulaAttrs, 'ref');
        // A formula of one cell (`<f t="array" ref="E4">`, as Excel saves a CSE or dynamic-array formula that spills
        // nowhere) anchors no other cell: a value replaces it, as typing into it does in Excel.
        if ((type === 'shared' || type === 'array') && ref !== undefined && ref.replace(/\$/g, '').toUpperCase() !== w.address && !(type === 'shared' && unshared.freed.has(w.address))) {
          skipped.push({ sheet, address: w.address, code: 'shared-formula', reason: SKIP_REASONS['shared-formula'].en });
          continue;
        }
        let style = existing ? attr(existing.attrs, 's') : undefined;
        // A locked cell of a protected sheet takes no edit in Excel: nor here.
        if (protectedSheet && (locked ??= lockedFormats(files))(style)) {
          skipped.push({ sheet, address: w.address, code: 'protected', reason: SKIP_REASONS.protected.en });
          continue;
        }
        if (existing?.inner.includes(`<${ns}f`) || w.formula) formulasTouched = true;
        // A cell without a style takes its neighbour's; one with a style of its own (a fill, borders) keeps it, with the
        // neighbour's number format where one is to be given (a ratio written where `-` stood shows as 1%, not 0.01).
        const from = w.styleFrom ? borrowed.get(w) : undefined;
        if (style === undefined) style = from;
        else if (from !== undefined && w.numFmt !== undefined) style = ownWithNumFmtOf(files, style, from, mixedStyles);
        if (style === undefined && w.numFmt === '0%') style = percentStyle(files, styleCache);
        // A new cell in a row or column formatted as a whole: Excel shows a cell without a style as General, as it is
        // read here, but LibreOffice gives it the row's or column's format (138 in a row formatted 0% shows 13800%
        // there). The cell says General, so that every program shows what was written.
        if (style === undefined && !existing && (rowStyled(span ? xml.slice(span.start, span.openEnd) : '') || (columnStyled ??= styledColumns(xml, ns))(w.col))) style = '0';
        const text = cellXml(w, style, ns);
        record(sheet, w.row, w.col, w.value);
        if (existing) rowEdits.push({ start: existing.start, end: existing.end, text });
        else {
          const after = cells.find((c) => c.col > w.col);
          const at = after ? after.start : rowInner.length;
          rowEdits.push({ start: at, end: at, text });
        }
      }
      // A formula cell whose saved result the writes change: the new result, its formula as it stands.
      for (const f of refreshByRow.get(row) ?? []) {
        const existing = cells.find((c) => c.col === f.col);
        if (!existing) continue;
        rowEdits.push({ start: existing.start, end: existing.end, text: refreshedCellXml(existing, f.value, ns) });
        record(sheet, f.row, f.col, f.value);
      }
      if (rowEdits.length === 0) continue;
      // Applied from the last: cells inserted at one place (E9 and F9 after D9, the row's last) go in column order,
      // the one made first ending up first.
      const order = new Map(rowEdits.map((e, i) => [e, i]));
      rowEdits.sort((a, b) => b.start - a.start || b.end - a.end || order.get(b)! - order.get(a)!);
      for (const e of rowEdits) rowInner = rowInner.slice(0, e.start) + e.text + rowInner.slice(e.end);
      if (span && !span.selfClosing) edits.push({ start: base, end: span.end - rowClose.length, text: rowInner, row });
      else if (span) edits.push({ start: span.start, end: span.end, text: `${xml.slice(span.start, span.end - 2)}>${rowInner}${rowClose}`, row });
      else {
        const next = spans.find((s) => s.r > row + 1);
        const text = `<${ns}row r="${row + 1}">${rowInner}${rowClose}`;
        if (next) edits.push({ start: next.start, end: next.start, text, row });
        else {
          const close = xml.indexOf(`</${ns}sheetData>`);
          edits.push({ start: close, end: close, text, row });
        }
      }
    }
    // One pass over the part: each edit's text between the pieces it leaves (rows inserted at one place in row order).
    edits.sort((a, b) => a.start - b.start || a.row - b.row);
    const pieces: string[] = [];
    let at = 0;
    for (const e of edits) {
      pieces.push(xml.slice(at, e.start), e.text);
      at = e.end;
    }
    pieces.push(xml.slice(at));
    if (!options.dryRun) files.setText(path, pieces.join(''));
  }
  if (options.dryRun) return { bytes: input, skipped };
  if (formulasTouched) dropCalcChain(files);
  const caches = refreshCaches(files, written);
  if (options.recalcOnOpen && files.has('xl/workbook.xml')) files.setText('xl/workbook.xml', withFullCalcOnLoad(files.text('xl/workbook.xml')));
  return { bytes: files.toBytes(), skipped, caches };
}
