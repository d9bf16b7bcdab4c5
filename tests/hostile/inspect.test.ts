import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { XlsxReadError, type ReadErrorCode } from '../../src/io/xlsx/errors.js';
import { inspectXlsx, nameHash, XmlCheck } from '../../src/io/xlsx/inspect.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/io/xlsx/limits.js';
import { readXlsx } from '../../src/io/xlsx/read.js';
import { FIXTURES, fixtureBytes, readCode } from '../helpers.js';
import { baseParts, deflatedPart, hostileFiles, workbookWith, writeZip, type HostileFile, type ZipPart } from './files.js';

function codeOf(run: () => unknown): ReadErrorCode | 'ok' {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (e instanceof XlsxReadError) return e.code;
    throw e;
  }
}

const limits = (over: Partial<ReadLimits> = {}): ReadLimits => ({ ...DEFAULT_LIMITS, ...over });

let hostile: HostileFile[];
let base: Record<string, Uint8Array>;
beforeAll(async () => {
  [hostile, base] = await Promise.all([hostileFiles(), baseParts()]);
});

const SHEET = 'xl/worksheets/sheet1.xml';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const withSheet = (xml: string) => workbookWith(base, [deflatedPart(SHEET, xml)]);
/** A sheet of `n` cells in one row, its elements prefixed with `p` (`x:`) or not. */
const cellsXml = (n: number, p = '') =>
  `<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${NS}"><${p}sheetData><${p}row r="1">${Array.from({ length: n }, (_, i) => `<${p}c r="A${i + 1}"><${p}v>${i}</${p}v></${p}c>`).join('')}</${p}row></${p}sheetData></${p}worksheet>`;
const sst = (n: number) => deflatedPart('xl/sharedStrings.xml', `<sst xmlns="${NS}">${'<si><t>a</t></si>'.repeat(n)}</sst>`);
const nested = (depth: number) => `<worksheet xmlns="${NS}">${'<a>'.repeat(depth - 1)}${'</a>'.repeat(depth - 1)}</worksheet>`;
const brokenXml = `<worksheet xmlns="${NS}"><sheetData><row r="1"></sheetData></worksheet>`;
/** A sheet of 5,000 empty rows, deflated; and the same with bytes 2–11 of its deflate data overwritten. */
const rowsSheet = () => deflatedPart(SHEET, `<worksheet xmlns="${NS}"><sheetData>${'<row/>'.repeat(5000)}</sheetData></worksheet>`);
function damaged(part: ZipPart): ZipPart {
  const data = part.data.slice();
  data.fill(0xff, 2, 12);
  return { ...part, data };
}

describe('inspection of hostile files, before any parser holds them', () => {
  it('gives each hostile file its reason, and readXlsx refuses it with the same reason', async () => {
    for (const f of hostile) {
      expect(codeOf(() => inspectXlsx(f.bytes, DEFAULT_LIMITS)), f.name).toBe(f.code);
      expect(await readCode(f.bytes), f.name).toBe(f.code);
    }
  });

  it('stops a part that inflates past the size its headers declare, without inflating the rest', () => {
    const lying = hostile.find((f) => f.name === 'zip-bomb-lying.xlsx')!;
    const start = performance.now();
    expect(() => inspectXlsx(lying.bytes, DEFAULT_LIMITS)).toThrow(/inflates beyond the 168 bytes its header declares/);
    // 3 GiB would take many seconds to inflate; stopping at the first slice takes a fraction of one.
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('passes every fixture and real exceljs output, including Zip64 and stored parts', async () => {
    const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'));
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect(codeOf(() => inspectXlsx(fixtureBytes(name), DEFAULT_LIMITS)), name).toBe('ok');
    const parts: ZipPart[] = Object.entries(base).map(([name, data]) => deflatedPart(name, data));
    expect(codeOf(() => inspectXlsx(writeZip(parts, { zip64: true }), DEFAULT_LIMITS))).toBe('ok');
    const stored = Object.entries(base).map(([name, data]): ZipPart => ({ ...deflatedPart(name, data), method: 0, data }));
    expect(codeOf(() => inspectXlsx(writeZip(stored), DEFAULT_LIMITS))).toBe('ok');
    const wb = await readXlsx(writeZip(parts, { zip64: true }));
    expect(wb.sheets[0].rows[1]?.[1]?.value).toBe(100);
  });

  it('refuses more parts than maxEntries, two parts of one name, a binary workbook and a zip without a workbook', () => {
    const parts = Object.entries(base).map(([name, data]) => deflatedPart(name, data));
    expect(codeOf(() => inspectXlsx(writeZip(parts), limits({ maxEntries: parts.length })))).toBe('ok');
    expect(codeOf(() => inspectXlsx(writeZip(parts), limits({ maxEntries: parts.length - 1 })))).toBe('too-many-parts');
    expect(codeOf(() => inspectXlsx(writeZip([...parts, deflatedPart(SHEET, '<worksheet/>')]), DEFAULT_LIMITS))).toBe('corrupt');
    const binary = parts.filter((p) => p.name !== 'xl/workbook.xml').concat(deflatedPart('xl/workbook.bin', new Uint8Array([0x83, 0x01, 0x00])));
    expect(codeOf(() => inspectXlsx(writeZip(binary), DEFAULT_LIMITS))).toBe('xlsb');
    expect(codeOf(() => inspectXlsx(writeZip([deflatedPart('notes.txt', 'hello')]), DEFAULT_LIMITS))).toBe('not-xlsx');
  });

  it('refuses a part whose deflate data is damaged, or shorter than it declares', () => {
    const sheet = rowsSheet();
    expect(codeOf(() => inspectXlsx(workbookWith(base, [damaged(sheet)]), DEFAULT_LIMITS))).toBe('corrupt');
    expect(codeOf(() => inspectXlsx(workbookWith(base, [{ ...sheet, centralSize: sheet.size + 10 }]), DEFAULT_LIMITS))).toBe('corrupt');
  });

  it('counts cells and shared strings against maxCells, prefixed or not, and stops one past the limit', () => {
    expect(codeOf(() => inspectXlsx(withSheet(cellsXml(10)), limits({ maxCells: 10 })))).toBe('ok');
    expect(codeOf(() => inspectXlsx(withSheet(cellsXml(11)), limits({ maxCells: 10 })))).toBe('too-many-cells');
    expect(codeOf(() => inspectXlsx(withSheet(cellsXml(11, 'x:')), limits({ maxCells: 10 })))).toBe('too-many-cells');
    expect(codeOf(() => inspectXlsx(workbookWith(base, [sst(20)]), limits({ maxCells: 20 })))).toBe('ok');
    expect(codeOf(() => inspectXlsx(workbookWith(base, [sst(21)]), limits({ maxCells: 20 })))).toBe('too-many-strings');
  });

  it('checks XML parts wherever they lie, not only at the usual paths, and leaves legacy .vml alone', () => {
    expect(codeOf(() => inspectXlsx(workbookWith(base, [deflatedPart('xl/custom/data.xml', brokenXml)]), DEFAULT_LIMITS))).toBe('invalid-xml');
    const cells = `<worksheet xmlns="${NS}"><sheetData><row r="1">${'<c><v>1</v></c>'.repeat(11)}</row></sheetData></worksheet>`;
    expect(codeOf(() => inspectXlsx(workbookWith(base, [deflatedPart('elsewhere/s.xml', cells)]), limits({ maxCells: 10 })))).toBe('too-many-cells');
    expect(codeOf(() => inspectXlsx(workbookWith(base, [deflatedPart('xl/drawings/vmlDrawing1.vml', '<xml><v:shape><br></v:shape></xml>')]), DEFAULT_LIMITS))).toBe('ok');
  });

  it('refuses XML nested deeper than maxXmlDepth, and accepts it at exactly that depth', () => {
    expect(codeOf(() => inspectXlsx(withSheet(nested(100)), DEFAULT_LIMITS))).toBe('ok');
    expect(codeOf(() => inspectXlsx(withSheet(nested(101)), DEFAULT_LIMITS))).toBe('xml-too-deep');
  });

  it('readXlsx, which inflates each part once and checks it on the way, gives the inspection’s verdict for every case above', async () => {
    const sheet = rowsSheet();
    const theme = deflatedPart('xl/theme/theme1.xml', `<a:theme xmlns:a="x">${'<a:b/>'.repeat(400)}</a:theme>`);
    const cases: [string, Uint8Array, Partial<ReadLimits>, ReadErrorCode | 'ok'][] = [
      ['damaged deflate data in a sheet', workbookWith(base, [damaged(sheet)]), {}, 'corrupt'],
      ['a sheet shorter than it declares', workbookWith(base, [{ ...sheet, centralSize: sheet.size + 10 }]), {}, 'corrupt'],
      ['a part the reader never reads, longer than it declares', workbookWith(base, [{ ...theme, centralSize: theme.size - 10 }]), {}, 'zip-bomb'],
      ['a part the reader never reads, shorter than it declares', workbookWith(base, [{ ...theme, centralSize: theme.size + 10 }]), {}, 'corrupt'],
      ['cells at the limit', withSheet(cellsXml(10)), { maxCells: 10 }, 'ok'],
      ['cells past the limit', withSheet(cellsXml(11)), { maxCells: 10 }, 'too-many-cells'],
      ['prefixed cells past the limit', withSheet(cellsXml(11, 'x:')), { maxCells: 10 }, 'too-many-cells'],
      ['shared strings at the limit', workbookWith(base, [sst(20)]), { maxCells: 20 }, 'ok'],
      ['shared strings past the limit', workbookWith(base, [sst(21)]), { maxCells: 20 }, 'too-many-strings'],
      ['broken XML in a part the reader never reads', workbookWith(base, [deflatedPart('xl/custom/data.xml', brokenXml)]), {}, 'invalid-xml'],
      ['cells in a part the reader never reads', workbookWith(base, [deflatedPart('elsewhere/s.xml', cellsXml(11))]), { maxCells: 10 }, 'too-many-cells'],
      ['a sheet nested as deep as allowed', withSheet(nested(100)), {}, 'ok'],
      ['a sheet nested deeper', withSheet(nested(101)), {}, 'xml-too-deep'],
    ];
    for (const [what, bytes, over, code] of cases) {
      expect(codeOf(() => inspectXlsx(bytes, limits(over))), what).toBe(code);
      expect(await readCode(bytes, over), what).toBe(code);
    }
  });

  it('finds the EncryptedPackage stream wherever the directory of the OLE file lies', () => {
    const encrypted = hostile.find((f) => f.code === 'encrypted')!;
    expect(encrypted.bytes.length).toBeGreaterThan(3_000_000);
    expect(codeOf(() => inspectXlsx(encrypted.bytes, DEFAULT_LIMITS))).toBe('encrypted');
  });
});

const VALID_XML = [
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${NS}"><sheetData/></worksheet>`,
  `\ufeff<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  `<!-- a comment -- with dashes --><sst count="1"><si><t xml:space="preserve"> a &amp; b </t></si><!----></sst>`,
  `<worksheet a="x > y" b='it"s / here' c=""><sheetData><row><c><f><![CDATA[A1<B1 ]] > ]]]></f></c></row></sheetData></worksheet >`,
  `<?pi data??><root><a/><b></b ><c d="1"/><?inner pi?></root>\n<!-- after -->\n`,
  `<日本語 属性="値"><子>テキスト</子></日本語>`,
];

const INVALID_XML: [string, RegExp][] = [
  ['<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>', /does not match/],
  ['<worksheet><sheetData>', /never closed/],
  ['<worksheet/><worksheet/>', /second root/],
  ['<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><sst>&lol2;</sst>', /DOCTYPE/],
  ['junk<worksheet/>', /outside the root/],
  ['<worksheet><c r="A1" <v/></worksheet>', /inside a tag/],
  ['<worksheet>\u0000</worksheet>', /NUL/],
  ['<worksheet></sheetData>', /does not match/],
  ['<worksheet><c r="A1></c></worksheet>', /cut short/],
  ['<worksheet>< c/></worksheet>', /starts no tag/],
  ['<worksheet><![CDATA[x]]></worksheet><![CDATA[y]]>', /CDATA outside/],
  ['<worksheet><c/ ></worksheet>', /"\/" inside a tag/],
  ['', /no root/],
];

function check(xml: string | Uint8Array, cuts: number[] = [], onElement?: (name: number, parent: number) => void): void {
  const bytes = typeof xml === 'string' ? strToU8(xml) : xml;
  const c = new XmlCheck('part.xml', 100, onElement);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    c.push(bytes.subarray(at, cut));
    at = cut;
  }
  c.push(bytes.subarray(at));
  c.end();
}

function messageOf(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return `${e.code}: ${e.detail}`;
  }
}

describe('the streaming XML check', () => {
  it('accepts well-formed XML: prefixes, comments, CDATA, processing instructions, quoted > and /, BOM, non-ASCII names', () => {
    for (const xml of VALID_XML) expect(messageOf(() => check(xml)), xml).toBe('ok');
  });

  it('refuses each kind of broken XML with a reason that names it, fed whole or one byte at a time', () => {
    for (const [xml, why] of INVALID_XML) {
      expect(messageOf(() => check(xml)), xml).toMatch(why);
      expect(messageOf(() => check(xml, Array.from({ length: xml.length }, (_, i) => i))), xml).toBe(messageOf(() => check(xml)));
    }
  });

  it('gives the same answer however the bytes are split into chunks', () => {
    const all = [...VALID_XML, ...INVALID_XML.map(([x]) => x)];
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(fc.nat(), { maxLength: 12 }), (xml, raw) => {
        const bytes = strToU8(xml);
        const cuts = raw.map((n) => (bytes.length === 0 ? 0 : n % (bytes.length + 1)));
        expect(messageOf(() => check(bytes, cuts))).toBe(messageOf(() => check(bytes)));
      }),
      { numRuns: 300 },
    );
  });

  it('reports each element with its parent by local name, whatever the prefix', () => {
    const seen: [number, number][] = [];
    check(`<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row><x:c/><c></c></x:row></x:sheetData></x:worksheet>`, [7, 30, 55], (n, p) => seen.push([n, p]));
    const h = nameHash;
    expect(seen).toEqual([
      [h('worksheet'), 0],
      [h('sheetData'), h('worksheet')],
      [h('row'), h('sheetData')],
      [h('c'), h('row')],
      [h('c'), h('row')],
    ]);
  });

  it('on random bytes and random token soup, throws nothing but a read error, and chunking changes no answer', () => {
    const token = fc.constantFrom('<a>', '</a>', '<b/>', '<a:b>', '</a:b>', '<a x="1>"/>', '<a/ >', '</a >', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!DOC', '"', "'", '<', '>', '/', ' ', 'x', '\ufeff', '\u0000');
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.array(token, { maxLength: 40 }).map((t) => strToU8(t.join('')))), fc.array(fc.nat(), { maxLength: 8 }), (input, raw) => {
        const cuts = raw.map((n) => n % (input.length + 1));
        const whole = messageOf(() => check(input));
        expect(messageOf(() => check(input, cuts))).toBe(whole);
        // One byte at a time no tag is ever whole in a chunk: the byte-by-byte states alone decide.
        expect(messageOf(() => check(input, Array.from({ length: input.length }, (_, i) => i)))).toBe(whole);
      }),
      { numRuns: 500 },
    );
  });
});

describe('what exceljs writes passes inspection and reads back', () => {
  it('a workbook with rich text, comments, merges, formulas, hyperlinks and a hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.getCell('A1').value = { richText: [{ text: '評価', font: { bold: true } }, { text: '指標' }] };
    ws.getCell('B2').value = 115;
    ws.getCell('B2').note = 'コメント';
    ws.getCell('C2').value = { formula: 'B2*2', result: 230 };
    ws.getCell('D2').value = { text: 'link', hyperlink: 'https://example.org/' };
    ws.mergeCells('A3:C4');
    wb.addWorksheet('hidden', { state: 'hidden' }).getCell('A1').value = 1;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(codeOf(() => inspectXlsx(bytes, DEFAULT_LIMITS))).toBe('ok');
    const back = await readXlsx(bytes);
    expect(back.sheets.map((s) => s.name)).toEqual(['別紙1', 'hidden']);
    expect(Object.keys(unzipSync(bytes)).some((n) => n.startsWith('xl/comments'))).toBe(true);
  });
});
