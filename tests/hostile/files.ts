/**
 * Hostile inputs, generated in the test (nothing big is committed): zip bombs, a huge
 * shared-string table, nested and broken XML, encrypted and old binary workbooks, files that
 * are not workbooks at all. Each comes with the read error it must get.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { deflateSync, strToU8, unzipSync } from 'fflate';
import type { ReadErrorCode } from '../../src/io/xlsx/errors.js';
import { fixtureBytes } from '../helpers.js';

/** One entry of a zip archive, its data already in stored form. */
export interface ZipPart {
  name: string;
  /** The bytes as they stand in the archive: deflated when `method` is 8. */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The true inflated size. */
  size: number;
  /** What the local header claims, when it lies. */
  localSize?: number;
  /** What the central directory claims, when it lies. */
  centralSize?: number;
}

export function deflatedPart(name: string, content: Uint8Array | string): ZipPart {
  const raw = typeof content === 'string' ? strToU8(content) : content;
  return { name, data: deflateSync(raw, { level: 9 }), method: 8, crc: crc32(raw), size: raw.length };
}

/**
 * Writes a zip archive (no data descriptors), with the sizes each header is told to claim; with
 * `zip64`, every size and offset goes through the Zip64 extra fields and end records instead.
 */
export function writeZip(parts: ZipPart[], options: { zip64?: boolean } = {}): Uint8Array {
  const z64 = !!options.zip64;
  const FULL = 0xffffffff;
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = strToU8(p.name);
    const localSize = p.localSize ?? p.size;
    const centralSize = p.centralSize ?? p.size;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, z64 ? 45 : 20, true);
    local.setUint16(6, 0x800, true);
    local.setUint16(8, p.method, true);
    local.setUint32(14, p.crc >>> 0, true);
    local.setUint32(18, z64 ? FULL : p.data.length, true);
    local.setUint32(22, z64 ? FULL : localSize, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, z64 ? 45 : 20, true);
    dir.setUint16(6, z64 ? 45 : 20, true);
    dir.setUint16(8, 0x800, true);
    dir.setUint16(10, p.method, true);
    dir.setUint32(16, p.crc >>> 0, true);
    dir.setUint32(20, z64 ? FULL : p.data.length, true);
    dir.setUint32(24, z64 ? FULL : centralSize, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, z64 ? FULL : offset, true);
    const localExtra = new DataView(new ArrayBuffer(z64 ? 20 : 0));
    const dirExtra = new DataView(new ArrayBuffer(z64 ? 28 : 0));
    if (z64) {
      local.setUint16(28, 20, true);
      localExtra.setUint16(0, 1, true);
      localExtra.setUint16(2, 16, true);
      localExtra.setBigUint64(4, BigInt(localSize), true);
      localExtra.setBigUint64(12, BigInt(p.data.length), true);
      dir.setUint16(30, 28, true);
      dirExtra.setUint16(0, 1, true);
      dirExtra.setUint16(2, 24, true);
      dirExtra.setBigUint64(4, BigInt(centralSize), true);
      dirExtra.setBigUint64(12, BigInt(p.data.length), true);
      dirExtra.setBigUint64(20, BigInt(offset), true);
    }
    chunks.push(new Uint8Array(local.buffer), name, new Uint8Array(localExtra.buffer), p.data);
    central.push(new Uint8Array(dir.buffer), name, new Uint8Array(dirExtra.buffer));
    offset += 30 + name.length + localExtra.byteLength + p.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const tail: Uint8Array[] = [];
  if (z64) {
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(parts.length), true);
    record.setBigUint64(32, BigInt(parts.length), true);
    record.setBigUint64(40, BigInt(cdSize), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + cdSize), true);
    locator.setUint32(16, 1, true);
    tail.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, z64 ? 0xffff : parts.length, true);
  end.setUint16(10, z64 ? 0xffff : parts.length, true);
  end.setUint32(12, z64 ? FULL : cdSize, true);
  end.setUint32(16, z64 ? FULL : offset, true);
  return concat([...chunks, ...central, ...tail, new Uint8Array(end.buffer)]);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** One piece of a deflate stream at maximum compression, sync-flushed to a byte boundary unless final. */
function deflatePiece(data: Uint8Array, final: boolean): Uint8Array {
  return new Uint8Array(deflateRawSync(data, { level: 9, ...(final ? {} : { finishFlush: constants.Z_SYNC_FLUSH }) }));
}

/**
 * `head`, then `unit` repeated `times` times, then `tail`, as one deflate stream. Each piece is
 * compressed once and sync-flushed, so the repeated piece is the same bytes every time: a
 * gigabyte inflates from a megabyte and the test never holds the gigabyte.
 */
export function repeatedPart(name: string, head: string, unit: Uint8Array, times: number, tail: string): ZipPart {
  const h = strToU8(head);
  const t = strToU8(tail);
  const piece = deflatePiece(unit, false);
  const stream = [deflatePiece(h, false)];
  for (let i = 0; i < times; i++) stream.push(piece);
  stream.push(deflatePiece(t, true));
  let crc = crc32(h);
  for (let i = 0; i < times; i++) crc = crc32(unit, crc);
  crc = crc32(t, crc);
  return { name, data: concat(stream), method: 8, crc, size: h.length + unit.length * times + t.length };
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** A small real workbook from exceljs, as its parts. */
export async function baseParts(): Promise<Record<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['評価指標', 'R1']);
  ws.addRow(['目標値', 100]);
  return unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The base workbook with some parts replaced. */
export function workbookWith(base: Record<string, Uint8Array>, replaced: ZipPart[]): Uint8Array {
  const byName = new Map(replaced.map((p) => [p.name, p]));
  const parts = Object.entries(base).map(([name, data]) => byName.get(name) ?? deflatedPart(name, data));
  for (const p of replaced) if (!(p.name in base)) parts.push(p);
  return writeZip(parts);
}

const SPACES = new Uint8Array(1024 * 1024).fill(0x20);

export interface HostileFile {
  name: string;
  what: string;
  bytes: Uint8Array;
  code: ReadErrorCode;
}

/** Every hostile input of the issue, with the read error each must get. */
export async function hostileFiles(): Promise<HostileFile[]> {
  const base = await baseParts();
  const sheet = 'xl/worksheets/sheet1.xml';
  // 3 GiB of white space inside <sheetData>: well-formed XML that only a size limit stops.
  const bomb = repeatedPart(sheet, SHEET_HEAD, SPACES, 3 * 1024, SHEET_TAIL);
  const small = SHEET_HEAD.length + SHEET_TAIL.length;
  const si = strToU8('<si><t>x</t></si>'.repeat(65536));
  const strings = repeatedPart('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}">`, si, 92, '</sst>');
  const depth = 1_000_000;
  const nested = deflatedPart(sheet, `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(depth)}${'</r>'.repeat(depth)}</is></c></row>${SHEET_TAIL}`);
  const broken = deflatedPart(sheet, `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></row>${SHEET_TAIL}`);
  const valid = fixtureBytes('keihin-2019-text.xlsx');

  const encrypted = CFB.utils.cfb_new();
  CFB.utils.cfb_add(encrypted, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  // A 3 MB package puts the directory far from the start of the file.
  const payload = Buffer.alloc(3 * 1024 * 1024);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 2654435761) >>> 24;
  CFB.utils.cfb_add(encrypted, '/EncryptedPackage', payload);
  const xls = CFB.utils.cfb_new();
  // A BIFF8 BOF record: what the Workbook stream of an .xls starts with.
  CFB.utils.cfb_add(xls, '/Workbook', Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0, 0, 0, 0, 0x06, 0x01, 0, 0]));

  // Other OLE files under an .xlsx name: a Word .doc, a PowerPoint .ppt, an Excel 5 workbook (its stream is `Book`), a
  // password-protected .xlsx whose EncryptionInfo stream alone is found, and an Outlook message.
  const ole = (streams: string[]) => {
    const cfb = CFB.utils.cfb_new();
    for (const s of streams) CFB.utils.cfb_add(cfb, `/${s}`, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
    return new Uint8Array(CFB.write(cfb, { type: 'buffer' }));
  };

  const noise = new Uint8Array(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) & 0xff;
  noise.set([0x89, 0x50, 0x4e, 0x47], 0);

  return [
    { name: 'zip-bomb.xlsx', what: 'a 3 MB .xlsx whose sheet inflates to 3 GiB', bytes: workbookWith(base, [bomb]), code: 'zip-bomb' },
    { name: 'zip-bomb-lying.xlsx', what: 'the same, with the local header and the central directory both claiming a small sheet', bytes: workbookWith(base, [{ ...bomb, localSize: small, centralSize: small }]), code: 'zip-bomb' },
    { name: 'zip-bomb-lying-local.xlsx', what: 'the same, with only the local header lying', bytes: workbookWith(base, [{ ...bomb, localSize: small }]), code: 'zip-bomb' },
    { name: 'shared-strings.xlsx', what: 'a shared-string table of 6 million strings', bytes: workbookWith(base, [strings]), code: 'too-many-strings' },
    { name: 'nested.xlsx', what: 'a sheet whose XML nests a million elements deep', bytes: workbookWith(base, [nested]), code: 'xml-too-deep' },
    { name: 'invalid-xml.xlsx', what: 'a sheet whose XML closes <row> before <c>', bytes: workbookWith(base, [broken]), code: 'invalid-xml' },
    { name: 'encrypted.xlsx', what: 'a password-protected workbook (OLE file with EncryptedPackage)', bytes: new Uint8Array(CFB.write(encrypted, { type: 'buffer' })), code: 'encrypted' },
    { name: 'old.xlsx', what: 'an .xls (OLE file with a Workbook stream) named .xlsx', bytes: new Uint8Array(CFB.write(xls, { type: 'buffer' })), code: 'xls' },
    { name: 'word.xlsx', what: 'a Word .doc (OLE file with a WordDocument stream) named .xlsx', bytes: ole(['WordDocument', '1Table']), code: 'doc' },
    { name: 'slides.xlsx', what: 'a PowerPoint .ppt (OLE file with a PowerPoint Document stream) named .xlsx', bytes: ole(['PowerPoint Document', 'Current User']), code: 'ppt' },
    { name: 'excel5.xlsx', what: 'an Excel 5/95 .xls (OLE file with a Book stream) named .xlsx', bytes: ole(['Book']), code: 'xls' },
    { name: 'encryption-info.xlsx', what: 'a password-protected workbook whose EncryptionInfo stream comes first', bytes: ole(['EncryptionInfo']), code: 'encrypted' },
    { name: 'message.xlsx', what: 'an Outlook message (an OLE file of none of those streams) named .xlsx', bytes: ole(['__properties_version1.0']), code: 'ole' },
    { name: 'table.xlsx', what: 'a CSV file renamed to .xlsx', bytes: strToU8('評価指標,令和元年度,令和2年度\n目標値,87,93\n実績値,120,\n'), code: 'csv' },
    {
      name: 'export.xls',
      what: 'a web page saved as .xls, as systems that "export to Excel" write (UTF-8 with a BOM)',
      bytes: strToU8('\ufeff<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>目標値</td><td>87</td></tr></table></body></html>'),
      code: 'html',
    },
    {
      name: 'export16.xls',
      what: 'the same page in UTF-16 with a BOM',
      bytes: new Uint8Array(Buffer.from('\ufeff<html><body><table><tr><td>目標値</td></tr></table></body></html>', 'utf16le')),
      code: 'html',
    },
    {
      name: 'xml2003.xls',
      what: 'an XML Spreadsheet 2003 saved as .xls',
      bytes: strToU8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"></Worksheet></Workbook>'),
      code: 'spreadsheet-xml',
    },
    { name: 'noise.xlsx', what: 'binary data that is not a zip', bytes: noise, code: 'not-zip' },
    { name: 'empty.xlsx', what: 'an empty file', bytes: new Uint8Array(0), code: 'empty' },
    { name: 'truncated.xlsx', what: 'a real .xlsx cut in half', bytes: valid.subarray(0, valid.length >> 1), code: 'corrupt' },
  ];
}

export function writeAll(dir: string, files: { name: string; bytes: Uint8Array }[]): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.bytes);
    return path;
  });
}

/** A workbook of `count` empty sheets, straight from exceljs. */
export async function emptySheets(count: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (let i = 1; i <= count; i++) wb.addWorksheet(`Sheet${i}`);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
