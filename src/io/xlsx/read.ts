/**
 * Reads an .xlsx file into the engine's grid: cached formula results, number formats, merged
 * areas, hidden sheets. Streams each sheet from the archive through a byte-level tokenizer, so
 * memory follows the cells kept rather than the XML, and stops at the limits while inflating.
 * No Node APIs: the same reader serves the command line and the browser.
 */
import type { Sheet, Workbook } from '../../engine/grid.js';
import { XlsxReadError } from './errors.js';
import { inspectXlsx } from './inspect.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { parseRelationships, parseStyles, parseWorkbook, relsPathOf, SharedStringsReader, type Relationship } from './parts.js';
import { SheetReader, type CellBudget } from './sheet.js';
import { inflateEntry, inflateToBytes, readZipDirectory, type InflateBudget, type ZipEntry } from './zip.js';

const REL = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  styles: '/styles',
  sharedStrings: '/sharedStrings',
};

function relOfType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  for (const r of rels.values()) if (!r.external && r.type.endsWith(suffix)) return r;
  return undefined;
}

export async function readXlsx(data: Uint8Array | ArrayBuffer, limits: Partial<ReadLimits> = {}): Promise<Workbook> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  inspectXlsx(bytes, lim);
  try {
    return readPackage(bytes, lim);
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message.slice(0, 200) : String(e));
  }
}

function readPackage(bytes: Uint8Array, lim: ReadLimits): Workbook {
  const zip = readZipDirectory(bytes);
  const budget: InflateBudget = { remaining: lim.maxInflatedBytes, limit: lim.maxInflatedBytes };
  const entry = (part: string): ZipEntry | undefined => zip.get(part.toLowerCase());
  const part = (name: string): Uint8Array | undefined => {
    const e = entry(name);
    return e ? inflateToBytes(bytes, e, budget) : undefined;
  };

  const rootRels = part('_rels/.rels');
  const root = rootRels ? relOfType(parseRelationships(rootRels, ''), REL.officeDocument) : undefined;
  const workbookPath = root?.target ?? 'xl/workbook.xml';
  const workbookXml = part(workbookPath);
  if (!workbookXml) throw new XlsxReadError('not-xlsx');
  const { sheets: entries, date1904 } = parseWorkbook(workbookXml);
  const relsXml = part(relsPathOf(workbookPath));
  const rels = relsXml ? parseRelationships(relsXml, workbookPath) : new Map<string, Relationship>();

  const stylesRel = relOfType(rels, REL.styles);
  const styles = parseStyles(stylesRel ? part(stylesRel.target) : undefined);

  let strings: string[] = [];
  const stringsRel = relOfType(rels, REL.sharedStrings);
  const stringsEntry = stringsRel ? entry(stringsRel.target) : undefined;
  if (stringsEntry) {
    const reader = new SharedStringsReader();
    inflateEntry(bytes, stringsEntry, budget, (c) => reader.push(c));
    strings = reader.end();
  }

  const cells: CellBudget = { count: 0, max: lim.maxCells };
  const sheets: Sheet[] = [];
  for (const s of entries) {
    const rel = rels.get(s.relId);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || rel.external || !rel.type.endsWith(REL.worksheet)) continue;
    const sheetEntry = entry(rel.target);
    if (!sheetEntry) throw new XlsxReadError('corrupt', `missing part ${rel.target}`);
    const reader = new SheetReader(strings, styles, date1904, cells);
    inflateEntry(bytes, sheetEntry, budget, (c) => reader.push(c));
    const { rows, merges } = reader.end();
    sheets.push({ name: s.name, hidden: s.hidden, rows, merges });
  }
  return { sheets };
}
