/**
 * Reads an .xlsx file into the engine's grid: cached formula results, number formats, merged
 * areas, hidden sheets. Streams each sheet from the archive through a byte-level tokenizer, so
 * memory follows the cells kept rather than the XML, and stops at the limits while inflating.
 * Every part is inflated once: the parts it reads go through the inspection's guard chunk by
 * chunk before the parser sees them, the others are inspected without being kept, before any
 * sheet is parsed. No Node APIs: the same reader serves the command line and the browser.
 */
import { underFilter, type CellRange, type Sheet, type Workbook } from '../../engine/grid.js';
import { XlsxReadError } from './errors.js';
import { inflateChecked, inspectContainer, PartGuard, type PartCounts } from './inspect.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { evaluateFormulas } from './evaluate.js';
import { parseRelationships, parseStyles, parseTableFilter, parseWorkbook, relsPathOf, SharedStringsReader, type Relationship } from './parts.js';
import { SheetReader, type CellBudget } from './sheet.js';
import { byPartName, inflateEntry, type InflateBudget, type ZipEntry } from './zip.js';

const REL = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  styles: '/styles',
  sharedStrings: '/sharedStrings',
  table: '/table',
};

function relOfType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  for (const r of rels.values()) if (!r.external && r.type.endsWith(suffix)) return r;
  return undefined;
}

export async function readXlsx(data: Uint8Array | ArrayBuffer, limits: Partial<ReadLimits> = {}): Promise<Workbook> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const entries = inspectContainer(bytes, lim);
  try {
    return readPackage(bytes, entries, lim);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message.slice(0, 200) : String(e));
  }
}

function readPackage(bytes: Uint8Array, entries: ZipEntry[], lim: ReadLimits): Workbook {
  const zip = byPartName(entries);
  const budget: InflateBudget = { remaining: lim.maxInflatedBytes, limit: lim.maxInflatedBytes };
  const counts: PartCounts = { cells: 0, strings: 0 };
  const seen = new Set<ZipEntry>();
  const entry = (part: string): ZipEntry | undefined => zip.get(part.toLowerCase());
  /** Inflates an entry into `sink` (none: only checked), each chunk through the inspection's guard the first time. */
  const inflate = (e: ZipEntry, sink?: (chunk: Uint8Array) => void): void => {
    if (seen.has(e)) return inflateEntry(bytes, e, budget, sink ?? (() => {}));
    seen.add(e);
    inflateChecked(bytes, e, new PartGuard(e, counts, lim), budget, sink);
  };
  /** A whole (small) part, checked in full before it is parsed. */
  const part = (name: string): Uint8Array | undefined => {
    const e = entry(name);
    if (!e) return undefined;
    const chunks: Uint8Array[] = [];
    inflate(e, (c) => chunks.push(c));
    return chunks.length === 1 ? chunks[0] : concat(chunks);
  };

  const rootRels = part('_rels/.rels');
  const root = rootRels ? relOfType(parseRelationships(rootRels, ''), REL.officeDocument) : undefined;
  const workbookPath = root?.target ?? 'xl/workbook.xml';
  const workbookXml = part(workbookPath);
  if (!workbookXml) throw new XlsxReadError('not-xlsx');
  const { sheets: sheetList, date1904, recalculate } = parseWorkbook(workbookXml);
  const relsXml = part(relsPathOf(workbookPath));
  const rels = relsXml ? parseRelationships(relsXml, workbookPath) : new Map<string, Relationship>();

  const stylesRel = relOfType(rels, REL.styles);
  const styles = parseStyles(stylesRel ? part(stylesRel.target) : undefined);

  const stringsRel = relOfType(rels, REL.sharedStrings);
  const stringsEntry = stringsRel ? entry(stringsRel.target) : undefined;
  // Chart sheets and dialog sheets hold no cells.
  const worksheets = sheetList.flatMap((s) => {
    const rel = rels.get(s.relId);
    return rel && !rel.external && rel.type.endsWith(REL.worksheet) ? [{ sheet: s, target: rel.target }] : [];
  });
  const sheetEntries = new Set(worksheets.map((w) => entry(w.target)));

  // Every other part is checked before any sheet is parsed: a bomb anywhere stops the read early.
  for (const e of entries) {
    if (e.name.endsWith('/') || seen.has(e) || e === stringsEntry || sheetEntries.has(e)) continue;
    inflate(e);
  }

  let strings: string[] = [];
  if (stringsEntry) {
    const reader = new SharedStringsReader();
    inflate(stringsEntry, (c) => reader.push(c));
    strings = reader.end();
  }

  /** The ranges the filters of a sheet's Excel tables hide rows in (read only for a sheet hiding rows). */
  const tableFilters = (sheetPart: string, relIds: readonly string[]): CellRange[] => {
    if (relIds.length === 0) return [];
    const sheetRelsXml = part(relsPathOf(sheetPart));
    if (!sheetRelsXml) return [];
    const sheetRels = parseRelationships(sheetRelsXml, sheetPart);
    return relIds.flatMap((id) => {
      const rel = sheetRels.get(id);
      const xml = rel && !rel.external && rel.type.endsWith(REL.table) ? part(rel.target) : undefined;
      const range = xml ? parseTableFilter(xml) : undefined;
      return range ? [range] : [];
    });
  };

  const cells: CellBudget = { count: 0, max: lim.maxCells };
  const sheets: Sheet[] = [];
  let uncached = 0;
  for (const { sheet, target } of worksheets) {
    const sheetEntry = entry(target);
    if (!sheetEntry) throw new XlsxReadError('corrupt', `missing part ${target}`);
    const reader = new SheetReader(strings, styles, date1904, cells);
    inflate(sheetEntry, (c) => reader.push(c));
    const { rows, merges, hiddenRows: hiddenOrFiltered, hiddenCols } = reader.end();
    uncached += reader.uncached;
    // Rows hidden under an active filter's header row, the sheet's or an Excel table's, are read as shown: a filter is a
    // view. A row hidden by hand inside a filtered range is indistinguishable in the file, and is read so too.
    let hiddenRows = hiddenOrFiltered;
    let filteredRows: number[] | undefined;
    if (hiddenOrFiltered) {
      const filters = [reader.activeFilter, ...tableFilters(target, reader.tableRelIds)].filter((f) => f !== undefined);
      filteredRows = hiddenOrFiltered.filter((r) => underFilter(r, filters));
      hiddenRows = hiddenOrFiltered.filter((r) => !underFilter(r, filters));
    }
    sheets.push({
      name: sheet.name,
      hidden: sheet.hidden,
      rows,
      merges,
      ...(hiddenRows && hiddenRows.length > 0 ? { hiddenRows } : {}),
      ...(filteredRows && filteredRows.length > 0 ? { filteredRows } : {}),
      ...(hiddenCols ? { hiddenCols } : {}),
    });
  }
  // Formulas saved without their results, or with results the file itself asks to recompute, as Excel would show them.
  if (uncached > 0 || recalculate) evaluateFormulas(sheets, recalculate);
  return { sheets };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
