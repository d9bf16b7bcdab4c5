/**
 * The ZIP container of an .xlsx: the central directory, the inflation of one part at a time in
 * chunks, counting the bytes actually produced (declared sizes are not trusted), and the writing of
 * a package whose unchanged parts keep their compressed bytes (write.ts). Pure TypeScript over a
 * Uint8Array, for Node and the browser alike.
 */
import { Inflate } from 'fflate';
import { XlsxReadError } from './errors.js';

/** Inflated bytes still allowed over the whole workbook. */
export interface InflateBudget {
  remaining: number;
  limit: number;
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

export interface ZipEntry {
  /** Part name as stored, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  flags: number;
  method: number;
  /** CRC-32 of the inflated bytes, as the central directory states it. */
  crc: number;
  compressedSize: number;
  /** The inflated size the central directory declares (not trusted when inflating). */
  size: number;
  localOffset: number;
}

export function corrupt(detail: string): XlsxReadError {
  return new XlsxReadError('corrupt', detail);
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * Reads the central directory (with Zip64 records), checking it lies inside the file; more than
 * `maxEntries` entries is `too-many-parts`, found before any entry is read.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries = Infinity): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw corrupt('no Zip64 locator');
    const at = u64(bytes, locator + 8);
    if (at + 56 > bytes.length || u32(bytes, at) !== 0x06064b50) throw corrupt('no Zip64 end of central directory');
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  if (count > maxEntries) throw new XlsxReadError('too-many-parts', `${count} > ${maxEntries}`);
  if (cdOffset + cdSize > bytes.length) throw corrupt('the central directory lies beyond the end of the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw corrupt('damaged central directory');
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: (flags & 0x800 ? utf8 : latin1).decode(nameBytes),
      flags,
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    };
    // Zip64: the fields set to 0xffffffff follow in the extra field 0x0001, in this order.
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = u16(bytes, x);
      const len = u16(bytes, x + 2);
      if (id === 1) {
        let f = x + 4;
        const next = (): number => {
          if (f + 8 > x + 4 + len) throw corrupt(`${entry.name}: damaged Zip64 field`);
          f += 8;
          return u64(bytes, f - 8);
        };
        if (entry.size === 0xffffffff) entry.size = next();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
        if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      }
      x += 4 + len;
    }
    entries.push(entry);
    p = extraEnd + commentLength;
  }
  return entries;
}

/** Entries by part name in lower case (OPC part names ignore case). */
export function byPartName(entries: ZipEntry[]): Map<string, ZipEntry> {
  return new Map(entries.map((e) => [e.name.toLowerCase(), e]));
}

/** The entry's compressed bytes, found through its local header. */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw corrupt(`${e.name}: no local header`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + e.compressedSize > bytes.length) throw corrupt(`${e.name}: cut short`);
  return bytes.subarray(start, start + e.compressedSize);
}

function spend(budget: InflateBudget, n: number): void {
  budget.remaining -= n;
  if (budget.remaining < 0) throw new XlsxReadError('zip-bomb', `> ${budget.limit}`);
}

/** Input slice fed to the inflater at a time: bounds how far one step can overshoot the budget. */
const SLICE = 16 * 1024;

/**
 * Inflates one entry and hands its bytes to `sink` chunk by chunk, stopping with `zip-bomb` as
 * soon as the bytes produced over the workbook exceed the budget. (The platform's
 * DecompressionStream was measured too: no faster here, where parsing, not inflating, is the cost.)
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, sink: (chunk: Uint8Array) => void): void {
  if (entry.flags & 1) throw new XlsxReadError('encrypted', entry.name);
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    spend(budget, data.length);
    sink(data);
    return;
  }
  if (entry.method !== 8) throw corrupt(`${entry.name}: compression method ${entry.method} is not supported`);
  // Errors thrown by the sink are kept and rethrown as they are, not taken for a broken stream.
  let failure: unknown;
  const inflate = new Inflate((chunk) => {
    if (failure) return;
    try {
      spend(budget, chunk.length);
      sink(chunk);
    } catch (e) {
      failure = e;
    }
  });
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let i = 0; i < data.length && !failure; i += SLICE) inflate.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
  } catch (e) {
    throw failure ?? corrupt(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (failure) throw failure;
}

/** A part to write into a ZIP: its bytes as stored (deflated when `method` is 8), with the inflated size and CRC. */
export interface ZipPart {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the ZIP one) of some bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Past these a package needs Zip64 records, which this writer does not make. */
const MAX_PLAIN = 0xfffffffe;

/**
 * A ZIP of `parts` in their order, each stored as given (no data descriptors, no Zip64): a part kept from the input
 * keeps its compressed bytes exactly. Undefined when the package is too large for plain ZIP records.
 */
export function writeZip(parts: ZipPart[]): Uint8Array | undefined {
  const encoder = new TextEncoder();
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const names = parts.map((p) => encoder.encode(p.name));
  const local = parts.reduce((n, p, i) => n + 30 + names[i].length + p.data.length, 0);
  const central = parts.reduce((n, _, i) => n + 46 + names[i].length, 0);
  if (parts.length > 0xfffe || local + central + 22 > MAX_PLAIN || parts.some((p) => p.size > MAX_PLAIN)) return undefined;
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (signature: number, p: ZipPart, name: Uint8Array, centralRecord: boolean) => {
    view.setUint32(at, signature, true);
    at += 4;
    if (centralRecord) {
      view.setUint16(at, 20, true);
      at += 2;
    }
    // Version needed 2.0; bit 11: the name is UTF-8.
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, /[^\x20-\x7e]/.test(p.name) ? 0x800 : 0, true);
    view.setUint16(at + 4, p.method, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, date, true);
    view.setUint32(at + 10, p.crc, true);
    view.setUint32(at + 14, p.data.length, true);
    view.setUint32(at + 18, p.size, true);
    view.setUint16(at + 22, name.length, true);
    view.setUint16(at + 24, 0, true);
    at += 26;
  };
  parts.forEach((p, i) => {
    offsets.push(at);
    header(0x04034b50, p, names[i], false);
    out.set(names[i], at);
    at += names[i].length;
    out.set(p.data, at);
    at += p.data.length;
  });
  const centralStart = at;
  parts.forEach((p, i) => {
    header(0x02014b50, p, names[i], true);
    // Comment length, disk, internal and external attributes, then where the local header is.
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 0, true);
    view.setUint32(at + 6, 0, true);
    view.setUint32(at + 10, offsets[i], true);
    at += 14;
    out.set(names[i], at);
    at += names[i].length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}
