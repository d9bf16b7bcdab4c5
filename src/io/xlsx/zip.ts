/**
 * The ZIP container of an .xlsx: the central directory, and the inflation of one part at a time
 * in chunks, counting the bytes actually produced (declared sizes are not trusted). Pure
 * TypeScript over a Uint8Array, for Node and the browser alike.
 */
import { Inflate } from 'fflate';
import { XlsxReadError } from './errors.js';

export interface ZipEntry {
  /** Part name as stored, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

/** Inflated bytes still allowed over the whole workbook. */
export interface InflateBudget {
  remaining: number;
  limit: number;
}

const utf8 = new TextDecoder('utf-8');

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function corrupt(detail: string): XlsxReadError {
  return new XlsxReadError('corrupt', detail);
}

/** Reads the central directory; part names are keyed in lower case (OPC names ignore case). */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no ZIP central directory');
  let count = u16(bytes, eocd + 10);
  let dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw corrupt('bad ZIP64 locator');
    const eocd64 = u64(bytes, locator + 8);
    if (eocd64 + 56 > n || u32(bytes, eocd64) !== 0x06064b50) throw corrupt('bad ZIP64 directory');
    count = u64(bytes, eocd64 + 32);
    dirOffset = u64(bytes, eocd64 + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(bytes, p) !== 0x02014b50) throw corrupt('bad ZIP directory entry');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    const uncompressed32 = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen > n) throw corrupt('bad ZIP directory entry');
    const name = utf8.decode(bytes.subarray(p + 46, nameEnd));
    // ZIP64 extra field: the 64-bit values of the fields stored as 0xFFFFFFFF, in this order.
    for (let e = nameEnd; e + 4 <= nameEnd + extraLen; ) {
      const id = u16(bytes, e);
      const size = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (uncompressed32 === 0xffffffff) q += 8;
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + size;
    }
    entries.set(name.toLowerCase(), { name, method, flags, compressedSize, localOffset });
    p = nameEnd + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of one entry, located through its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const h = entry.localOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw corrupt(`bad local header: ${entry.name}`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`cut short: ${entry.name}`);
  return bytes.subarray(start, end);
}

function spend(budget: InflateBudget, n: number): void {
  budget.remaining -= n;
  if (budget.remaining < 0) throw new XlsxReadError('zip-bomb', `> ${budget.limit} bytes`);
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
  if (entry.method !== 8) throw corrupt(`compression method ${entry.method}: ${entry.name}`);
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

/** Inflates a whole (small) part into one buffer. */
export function inflateToBytes(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  inflateEntry(bytes, entry, budget, (c) => {
    chunks.push(c);
    size += c.length;
  });
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
