/**
 * Looks at a file before any parser reads it: the kind of file (zip, OLE, text), whether it is
 * encrypted, and whether its contents stay within the limits. Every part is inflated here as a
 * stream and only counted, so a part whose headers lie about its size is stopped as soon as it
 * outgrows the size it declared, and every XML part is checked for well-formedness, nesting
 * depth and the number of cells and shared strings before a parser holds any of it in memory.
 * Browser-safe: no Node APIs.
 */
import { XlsxReadError } from './errors.js';
import type { ReadLimits } from './limits.js';
import { corrupt, inflateEntry, readCentralDirectory, type InflateBudget, type ZipEntry } from './zip.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 2048);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  }
  return n > 0 && printable / n > 0.95;
}

/**
 * What kind of text file a file is, by its first characters: a web page (what many systems' "export to Excel" writes,
 * under an .xls name), an XML Spreadsheet 2003, or other text (CSV, TSV). A UTF-16 file is read without its zero bytes.
 */
function textKind(bytes: Uint8Array): 'html' | 'spreadsheet-xml' | 'csv' {
  const head = bytes.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  let text = '';
  for (const b of head) if (b !== 0 || !utf16) text += String.fromCharCode(b);
  const start = text.replace(/^(?:\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)/, '').trimStart().toLowerCase();
  if (start.startsWith('<?xml') && /<workbook[\s>]/.test(start) && start.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'spreadsheet-xml';
  if (/^(?:<!doctype html|<html|<table|<meta|<head|<body|<style)/.test(start) || (start.startsWith('<?xml') && start.includes('<html'))) return 'html';
  return 'csv';
}

/**
 * An encrypted .xlsx is an OLE compound file with an `EncryptedPackage` stream. Directory
 * entries are 128 bytes long and start on 128-byte boundaries after the 512-byte header, for
 * both sector sizes, so only those offsets are compared: the whole file is searched cheaply.
 */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  const nameLength = (name.length + 1) * 2;
  outer: for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 0x40] !== nameLength || bytes[at + 0x41] !== 0) continue;
    for (let i = 0; i < name.length; i++) {
      if (bytes[at + i * 2] !== name.charCodeAt(i) || bytes[at + i * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * What an OLE compound file holds, by the names of its streams: a password-protected .xlsx (`EncryptedPackage`,
 * `EncryptionInfo`), an old .xls (`Workbook`, or `Book` for Excel 5/95), a Word .doc (`WordDocument`), a PowerPoint .ppt
 * (`PowerPoint Document`), or something else (an Outlook message, a Visio drawing). A Word or PowerPoint file renamed
 * .xlsx was called an old .xls, and the reviewer told to save it as .xlsx in Excel.
 */
function oleKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'doc' | 'ppt' | 'ole' {
  if (hasOleStream(bytes, 'EncryptedPackage') || hasOleStream(bytes, 'EncryptionInfo')) return 'encrypted';
  if (hasOleStream(bytes, 'Workbook') || hasOleStream(bytes, 'Book')) return 'xls';
  if (hasOleStream(bytes, 'WordDocument')) return 'doc';
  if (hasOleStream(bytes, 'PowerPoint Document')) return 'ppt';
  return 'ole';
}

const TEXT = 0;
const LT = 1;
const START_NAME = 2;
const ATTRS = 3;
const QUOTED = 4;
const SLASH = 5;
const END_NAME = 6;
const END_TAIL = 7;
const BANG = 8;
const COMMENT = 9;
const CDATA = 10;
const PI = 11;

const NAME_START = 1;
const NAME_CHAR = 2;
const SPACE = 4;
/** Characters that end a run of attribute text: `"` `'` `/` `>` `<`. */
const TAG_STOP = 8;

const CLASS = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const start = (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || b === 0x3a || b >= 0x80;
  if (start) CLASS[b] |= NAME_START | NAME_CHAR;
  if ((b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e) CLASS[b] |= NAME_CHAR;
  if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) CLASS[b] |= SPACE;
  if (b === 0x22 || b === 0x27 || b === 0x2f || b === 0x3e || b === 0x3c) CLASS[b] |= TAG_STOP;
}

const FNV = 0x811c9dc5;
const BOM = [0xef, 0xbb, 0xbf];

/** The hash the check gives an element name (FNV-1a over its bytes). */
export function nameHash(name: string): number {
  let h = FNV;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h;
}

/**
 * A streaming well-formedness check of one XML part: tags balance and nest at most `maxDepth`
 * deep, one root element, no DOCTYPE (OOXML forbids it, and entity expansion is an attack), no
 * NUL byte. It keeps only a stack of hashed element names, so memory stays bounded and no
 * string is built per element.
 */
export class XmlCheck {
  private state = TEXT;
  /** Hashes of the open elements' full names, and of their local names (after any prefix). */
  private readonly stack: number[] = [];
  private readonly localStack: number[] = [];
  private hash = FNV;
  private localHash = FNV;
  private nameLength = 0;
  private quote = 0;
  private marks = 0;
  private bang = '';
  private rootSeen = false;
  private rootClosed = false;
  private offset = 0;
  private bom = 0;

  constructor(
    private readonly part: string,
    private readonly maxDepth: number,
    /** Called at each start tag with the hashed local names (nameHash) of the element and its parent (0 for none). */
    private readonly onElement?: (name: number, parent: number) => void,
  ) {}

  private fail(what: string, at: number): never {
    throw new XlsxReadError('invalid-xml', `${this.part}: ${what} at byte ${this.offset + at}`);
  }

  push(input: Uint8Array): void {
    // XML allows no NUL; the bytes before one are still checked first, so the first fault is the one reported.
    const nul = input.indexOf(0);
    const chunk = nul < 0 ? input : input.subarray(0, nul);
    const n = chunk.length;
    let i = 0;
    // A UTF-8 byte-order mark may open the part, and a chunk may end inside it.
    while (this.bom < 3 && this.offset + i === this.bom && i < n) {
      if (chunk[i] !== BOM[this.bom]) {
        if (this.bom > 0) this.fail('a broken byte-order mark', i);
        break;
      }
      i++;
      this.bom++;
    }
    while (i < n) {
      switch (this.state) {
        case TEXT: {
          // Text between tags is short in sheet XML: a plain loop beats a native call there.
          let lt = i;
          const near = Math.min(n, i + 64);
          while (lt < near && chunk[lt] !== 0x3c) lt++;
          if (lt === near) lt = chunk.indexOf(0x3c, lt);
          const end = lt < 0 ? n : lt;
          if (this.stack.length === 0) for (let k = i; k < end; k++) if (!(CLASS[chunk[k]] & SPACE)) this.fail('text outside the root element', k);
          if (lt < 0) i = n;
          else {
            const after = this.wholeTag(chunk, lt);
            if (after >= 0) i = after;
            else {
              this.state = LT;
              i = lt + 1;
            }
          }
          break;
        }
        case LT: {
          const b = chunk[i];
          this.hash = FNV;
          this.localHash = FNV;
          this.nameLength = 0;
          this.marks = 0;
          this.bang = '';
          if (CLASS[b] & NAME_START) {
            this.state = START_NAME;
            break;
          }
          if (b === 0x2f) this.state = END_NAME;
          else if (b === 0x3f) this.state = PI;
          else if (b === 0x21) this.state = BANG;
          else this.fail('a "<" that starts no tag', i);
          i++;
          break;
        }
        case START_NAME:
        case END_NAME: {
          let h = this.hash;
          let local = this.localHash;
          let k = i;
          for (; k < n; k++) {
            const b = chunk[k];
            if (!(CLASS[b] & NAME_CHAR)) break;
            h = Math.imul(h ^ b, 16777619);
            local = b === 0x3a ? FNV : Math.imul(local ^ b, 16777619);
          }
          this.hash = h;
          this.localHash = local;
          this.nameLength += k - i;
          if (this.nameLength > 256) this.fail('an element name longer than 256 bytes', k);
          i = k;
          if (k === n) break;
          if (this.state === END_NAME) this.state = END_TAIL;
          else {
            this.startElement(k);
            this.state = ATTRS;
          }
          break;
        }
        case ATTRS: {
          let k = i;
          while (k < n && !(CLASS[chunk[k]] & TAG_STOP)) k++;
          if (k === n) {
            i = n;
            break;
          }
          const b = chunk[k];
          i = k + 1;
          if (b === 0x22 || b === 0x27) {
            this.quote = b;
            this.state = QUOTED;
          } else if (b === 0x2f) this.state = SLASH;
          else if (b === 0x3e) {
            this.stack.push(this.hash);
            this.localStack.push(this.localHash);
            this.state = TEXT;
          } else this.fail('a "<" inside a tag', k);
          break;
        }
        case QUOTED: {
          let q = i;
          const near = Math.min(n, i + 64);
          while (q < near && chunk[q] !== this.quote) q++;
          if (q === near) q = chunk.indexOf(this.quote, q);
          if (q < 0) i = n;
          else {
            this.state = ATTRS;
            i = q + 1;
          }
          break;
        }
        case SLASH: {
          if (chunk[i] !== 0x3e) this.fail('a "/" inside a tag', i);
          if (this.stack.length === 0) this.rootClosed = true;
          this.state = TEXT;
          i++;
          break;
        }
        case END_TAIL: {
          while (i < n && CLASS[chunk[i]] & SPACE) i++;
          if (i === n) break;
          if (chunk[i] !== 0x3e) this.fail('a broken end tag', i);
          if (this.stack.length === 0) this.fail('an end tag that closes nothing', i);
          this.localStack.pop();
          if (this.stack.pop() !== this.hash) this.fail('an end tag that does not match its start tag', i);
          if (this.stack.length === 0) this.rootClosed = true;
          this.state = TEXT;
          i++;
          break;
        }
        case BANG: {
          this.bang += String.fromCharCode(chunk[i++]);
          if (this.bang === '--') this.state = COMMENT;
          else if (this.bang === '[CDATA[') {
            if (this.stack.length === 0) this.fail('CDATA outside the root element', i);
            this.state = CDATA;
          } else if (this.bang === 'DOCTYPE') this.fail('a DOCTYPE declaration', i);
          else if (!'--'.startsWith(this.bang) && !'[CDATA['.startsWith(this.bang) && !'DOCTYPE'.startsWith(this.bang)) this.fail('a broken "<!" construct', i);
          break;
        }
        case COMMENT:
        case CDATA:
        case PI: {
          // Ends: `-->`, `]]>`, `?>`; `marks` counts the run of closing characters just seen.
          const closer = this.state === COMMENT ? 0x2d : this.state === CDATA ? 0x5d : 0x3f;
          const needed = this.state === PI ? 1 : 2;
          for (; i < n; i++) {
            const b = chunk[i];
            if (b === 0x3e && this.marks >= needed) {
              this.state = TEXT;
              i++;
              break;
            }
            this.marks = b === closer ? this.marks + 1 : 0;
          }
          break;
        }
      }
    }
    if (nul >= 0) this.fail('a NUL byte', nul);
    this.offset += n;
  }

  /**
   * The fast path: a start or end tag that lies whole in the chunk and is well-formed, checked in
   * one loop. Returns the index after it, or -1 to leave it (unchanged) to the byte-by-byte states,
   * which also find and name any fault.
   */
  private wholeTag(chunk: Uint8Array, lt: number): number {
    const n = chunk.length;
    let k = lt + 1;
    if (k >= n) return -1;
    const closing = chunk[k] === 0x2f;
    if (closing) k++;
    if (k >= n || !(CLASS[chunk[k]] & NAME_START)) return -1;
    let h = FNV;
    let local = FNV;
    const nameStart = k;
    for (; k < n; k++) {
      const b = chunk[k];
      if (!(CLASS[b] & NAME_CHAR)) break;
      h = Math.imul(h ^ b, 16777619);
      local = b === 0x3a ? FNV : Math.imul(local ^ b, 16777619);
    }
    if (k >= n || k - nameStart > 256) return -1;
    if (closing) {
      while (k < n && CLASS[chunk[k]] & SPACE) k++;
      if (k >= n || chunk[k] !== 0x3e || this.stack.length === 0 || this.stack[this.stack.length - 1] !== h) return -1;
      this.stack.pop();
      this.localStack.pop();
      if (this.stack.length === 0) this.rootClosed = true;
      return k + 1;
    }
    const nameEnd = k;
    let quote = 0;
    let selfClosing = false;
    for (; k < n; k++) {
      const b = chunk[k];
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === 0x3e) break;
      else if (b === 0x22 || b === 0x27) quote = b;
      else if (b === 0x2f) {
        if (k + 1 >= n || chunk[k + 1] !== 0x3e) return -1;
        selfClosing = true;
        k++;
        break;
      } else if (b === 0x3c) return -1;
    }
    if (k >= n) return -1;
    this.hash = h;
    this.localHash = local;
    this.startElement(nameEnd);
    if (selfClosing) {
      if (this.stack.length === 0) this.rootClosed = true;
    } else {
      this.stack.push(h);
      this.localStack.push(local);
    }
    return k + 1;
  }

  private startElement(at: number): void {
    if (this.rootClosed) this.fail('a second root element', at);
    this.rootSeen = true;
    if (this.stack.length + 1 > this.maxDepth) throw new XlsxReadError('xml-too-deep', `${this.part}: deeper than ${this.maxDepth} elements`);
    this.onElement?.(this.localHash, this.localStack.length > 0 ? this.localStack[this.localStack.length - 1] : 0);
  }

  /** Ends the part: everything opened must be closed. */
  end(): void {
    if (this.bom > 0 && this.bom < 3) this.fail('a broken byte-order mark', 0);
    if (this.state !== TEXT) this.fail('cut short inside a tag', 0);
    if (this.stack.length > 0) this.fail(`cut short with ${this.stack.length} element(s) never closed`, 0);
    if (!this.rootSeen) this.fail('no root element', 0);
  }
}

const ROW = nameHash('row');
const CELL = nameHash('c');
const SST = nameHash('sst');
const SI = nameHash('si');

/**
 * Every XML part is checked, wherever it lies: a reader finds its sheets through relationships,
 * which may point anywhere in the package. (Legacy `.vml` drawings are not XML and are left alone.)
 */
const XML_PART = /\.(xml|rels)$/i;

/** Cells and shared strings counted over all the parts of one workbook. */
export interface PartCounts {
  cells: number;
  strings: number;
}

/**
 * What each inflated chunk of one part goes through: the part may not outgrow the size the
 * central directory declares (a lying header is a zip bomb), and an XML part is checked as XML
 * with its cells and shared strings counted. A reader that inflates the parts itself can feed
 * its chunks through a guard instead of inflating twice.
 */
export class PartGuard {
  private produced = 0;
  private readonly xml?: XmlCheck;

  constructor(
    private readonly entry: ZipEntry,
    counts: PartCounts,
    limits: ReadLimits,
  ) {
    if (!XML_PART.test(entry.name) || entry.size === 0) return;
    this.xml = new XmlCheck(entry.name, limits.maxXmlDepth, (name, parent) => {
      if (name === CELL && parent === ROW && ++counts.cells > limits.maxCells) throw new XlsxReadError('too-many-cells', `> ${limits.maxCells}`);
      if (name === SI && parent === SST && ++counts.strings > limits.maxCells) throw new XlsxReadError('too-many-strings', `> ${limits.maxCells}`);
    });
  }

  push(chunk: Uint8Array): void {
    this.produced += chunk.length;
    const e = this.entry;
    if (this.produced > e.size) throw new XlsxReadError('zip-bomb', `${e.name} inflates beyond the ${e.size} bytes its header declares`);
    if (chunk.length > 0) this.xml?.push(chunk);
  }

  end(): void {
    const e = this.entry;
    if (this.produced !== e.size) throw corrupt(`${e.name}: ${this.produced} bytes where ${e.size} are declared`);
    this.xml?.end();
  }
}

/**
 * Inflates one entry as a stream through its guard, handing each slice to `sink` only once the
 * guard has passed it: the inspection passes no sink (nothing is kept), the reader its parser.
 */
export function inflateChecked(bytes: Uint8Array, e: ZipEntry, guard: PartGuard, budget: InflateBudget, sink?: (chunk: Uint8Array) => void): void {
  inflateEntry(bytes, e, budget, (chunk) => {
    guard.push(chunk);
    sink?.(chunk);
  });
  guard.end();
}

/**
 * The cheap checks, which inflate nothing: the kind of file, the zip's directory, the number of
 * parts, the sizes they declare. Returns the archive's entries.
 */
export function inspectContainer(bytes: Uint8Array, limits: ReadLimits): ZipEntry[] {
  if (bytes.length === 0) throw new XlsxReadError('empty');
  if (bytes.length > limits.maxBytes) throw new XlsxReadError('too-large', `${bytes.length} > ${limits.maxBytes}`);
  if (startsWith(bytes, OLE)) throw new XlsxReadError(oleKind(bytes));
  if (!startsWith(bytes, [0x50, 0x4b])) {
    const kind = textKind(bytes);
    throw new XlsxReadError(kind !== 'csv' ? kind : looksLikeText(bytes) ? 'csv' : 'not-zip');
  }
  const entries = readCentralDirectory(bytes, limits.maxEntries);
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > limits.maxInflatedBytes) throw new XlsxReadError('zip-bomb', `${declared} > ${limits.maxInflatedBytes}`);
  const names = new Set<string>();
  for (const e of entries) {
    const name = e.name.toLowerCase();
    // Two parts of one name: readers disagree on which one counts.
    if (names.has(name)) throw corrupt(`${e.name} appears twice`);
    names.add(name);
  }
  if (!names.has('xl/workbook.xml')) throw new XlsxReadError(names.has('xl/workbook.bin') ? 'xlsb' : 'not-xlsx');
  if (entries.some((e) => e.flags & 1)) throw new XlsxReadError('encrypted');
  return entries;
}

/**
 * The streaming pass: every part inflated and counted against the size it declares, and every
 * XML part checked, with the cells (`c` in `row`) and shared strings (`si` in `sst`) counted. Memory
 * stays at one inflated chunk; time is linear in the inflated size, which the declared sizes bound.
 */
export function inspectParts(bytes: Uint8Array, entries: ZipEntry[], limits: ReadLimits): void {
  const counts: PartCounts = { cells: 0, strings: 0 };
  const budget: InflateBudget = { remaining: limits.maxInflatedBytes, limit: limits.maxInflatedBytes };
  for (const e of entries) if (!e.name.endsWith('/')) inflateChecked(bytes, e, new PartGuard(e, counts, limits), budget);
}

/** Throws an XlsxReadError when the bytes cannot be an .xlsx workbook within the limits. */
export function inspectXlsx(bytes: Uint8Array, limits: ReadLimits): void {
  inspectParts(bytes, inspectContainer(bytes, limits), limits);
}
