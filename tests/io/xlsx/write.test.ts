import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CellWrite } from '../../../src/engine/fix.js';
import { readXlsx } from '../../../src/io/xlsx/read.js';
import { patchXlsx } from '../../../src/io/xlsx/write.js';
import { crc32, entryData, readCentralDirectory } from '../../../src/io/xlsx/zip.js';

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function workbook(sheetXml: string, prefix = '', styles = STYLES): Uint8Array {
  const ns = prefix ? ` xmlns:${prefix.slice(0, -1)}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表&amp;1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet${ns}>${sheetXml}</${prefix}worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CT),
    '_rels/.rels': strToU8(RELS),
    'xl/workbook.xml': strToU8(wb),
    'xl/_rels/workbook.xml.rels': strToU8(WB_RELS),
    'xl/styles.xml': strToU8(styles),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

const write = (address: string, row: number, col: number, value: number | string, extra: Partial<CellWrite> = {}): CellWrite => ({
  sheet: '表&1',
  row,
  col,
  address,
  value,
  before: { value: null },
  reason: 'missing',
  what: 'progress',
  target: '1',
  year: null,
  ...extra,
});

const sheetXmlOf = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);

describe('patchXlsx edits only the recalculated cells', () => {
  it('replaces an existing cell keeping its style, inserts into an existing row in column order, adds a missing row in order', () => {
    const input = workbook('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="C1" s="1"><v>1.5</v></c></row><row r="3"><c r="B3"><v>7</v></c></row></sheetData>');
    const { bytes, skipped } = patchXlsx(input, [write('C1', 0, 2, 1.38), write('B1', 0, 1, '104%'), write('A2', 1, 0, 5)]);
    expect(skipped).toEqual([]);
    expect(sheetXmlOf(bytes)).toContain(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1" t="inlineStr"><is><t>104%</t></is></c><c r="C1" s="1"><v>1.38</v></c></row><row r="2"><c r="A2"><v>5</v></c></row><row r="3"><c r="B3"><v>7</v></c></row></sheetData>',
    );
  });

  it('keeps a namespace prefix such as <x:row>', async () => {
    const input = workbook('<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData>', 'x:');
    const { bytes } = patchXlsx(input, [write('B1', 0, 1, 2), write('A2', 1, 0, 3)]);
    expect(sheetXmlOf(bytes)).toContain('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>3</x:v></x:c></x:row>');
  });

  it('reads attributes in single quotes as well as double (r=\'5\'), so that a write finds its row, cell and sheet', async () => {
    const files = unzipSync(workbook("<sheetData><row r='2'><c r='A2'><v>1</v></c><c r='B2' s='1'><v>1.5</v></c></row><row r='5'><c r='A5'><v>5</v></c></row></sheetData><mergeCells count='1'><mergeCell ref='C2:D2'/></mergeCells>"));
    files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace('<sheet name="表&amp;1" sheetId="1" r:id="rId1"/>', "<sheet name='表&amp;1' sheetId='1' r:id='rId1'/>"));
    const { bytes, skipped } = patchXlsx(zipSync(files), [write('B2', 1, 1, 1.38), write('D2', 1, 3, 7), write('B5', 4, 1, 9)]);
    expect(skipped.map((s) => [s.address, s.code])).toEqual([['D2', 'merged']]);
    expect(sheetXmlOf(bytes)).toContain("<row r='2'><c r='A2'><v>1</v></c><c r=\"B2\" s=\"1\"><v>1.38</v></c></row><row r='5'><c r='A5'><v>5</v></c><c r=\"B5\"><v>9</v></c></row>");
    expect((await readXlsx(bytes)).sheets[0].rows.map((r) => r?.map((c) => c?.value))).toEqual([undefined, [1, 1.38], undefined, undefined, [5, 9]]);
  });

  it('finds a part whose name differs in case from its relationship’s target (Sheet1.xml for sheet1.xml), as part names are compared', async () => {
    const files = unzipSync(workbook('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'));
    files['xl/worksheets/Sheet1.xml'] = files['xl/worksheets/sheet1.xml'];
    delete files['xl/worksheets/sheet1.xml'];
    const { bytes, skipped } = patchXlsx(zipSync(files), [write('A1', 0, 0, 5)]);
    expect(skipped).toEqual([]);
    expect(Object.keys(unzipSync(bytes))).toContain('xl/worksheets/Sheet1.xml');
    expect((await readXlsx(bytes)).sheets[0].rows[0][0]?.value).toBe(5);
  });

  it('finds a sheet whose relationship names it by a path of its own (`../xl/worksheets/…`), and never claims a write into a part it cannot find', async () => {
    const files = unzipSync(workbook('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'));
    files['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(files['xl/_rels/workbook.xml.rels']).replace('Target="worksheets/sheet1.xml"', 'Target="../xl/worksheets/sheet1.xml"'));
    const { bytes, skipped } = patchXlsx(zipSync(files), [write('A1', 0, 0, 5)]);
    expect(skipped).toEqual([]);
    expect((await readXlsx(bytes)).sheets[0].rows[0][0]?.value).toBe(5);
    // A relationship pointing at no part: the write is reported as not made.
    files['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(files['xl/_rels/workbook.xml.rels']).replace('Target="../xl/worksheets/sheet1.xml"', 'Target="worksheets/missing.xml"'));
    expect(patchXlsx(zipSync(files), [write('A1', 0, 0, 5)]).skipped.map((s) => s.code)).toEqual(['sheet-not-found']);
  });

  it('inserts several cells after a row’s last, and into a new row, in column order', async () => {
    // A progress row left blank for two years: E9 and F9 go after D9, in that order (Excel repairs cells out of order).
    const input = workbook('<sheetData><row r="9"><c r="D9"><v>421</v></c></row></sheetData>');
    const { bytes } = patchXlsx(input, [write('F9', 8, 5, 68), write('E9', 8, 4, 62), write('E10', 9, 4, 1), write('F10', 9, 5, 2)]);
    expect(sheetXmlOf(bytes)).toContain('<row r="9"><c r="D9"><v>421</v></c><c r="E9"><v>62</v></c><c r="F9"><v>68</v></c></row><row r="10"><c r="E10"><v>1</v></c><c r="F10"><v>2</v></c></row>');
  });

  it('finds rows and cells written without `r` where spreadsheets read them, so that writes replace them and insert in order', async () => {
    // Some streaming writers leave out `r`: each row is the one after the row before it, each cell the next column.
    const input = workbook('<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c/></row><row r="4"><c r="A4"><v>4</v></c></row></sheetData>');
    const { bytes, skipped } = patchXlsx(input, [write('B1', 0, 1, 20), write('B2', 1, 1, 30), write('C2', 1, 2, 31), write('A3', 2, 0, 40)]);
    expect(skipped).toEqual([]);
    expect(sheetXmlOf(bytes)).toContain(
      '<sheetData><row><c><v>1</v></c><c r="B1"><v>20</v></c></row><row><c><v>3</v></c><c r="B2"><v>30</v></c><c r="C2"><v>31</v></c></row><row r="3"><c r="A3"><v>40</v></c></row><row r="4">',
    );
    expect((await readXlsx(bytes)).sheets[0].rows.map((r) => r.map((c) => c?.value))).toEqual([[1, 20], [3, 30, 31], [40], [4]]);
  });

  it('reads a cell\'s malformed `r` as the reader does (`B1:C3` is B1, `A0` names no cell: the next column), so that a write lands on the cell checked', async () => {
    const input = workbook('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1:C3"><v>2</v></c><c r="A0"><v>3</v></c></row></sheetData>');
    expect((await readXlsx(input)).sheets[0].rows[0].map((c) => c?.value)).toEqual([1, 2, 3]);
    const { bytes, skipped } = patchXlsx(input, [write('B1', 0, 1, 20), write('C1', 0, 2, 30)]);
    expect(skipped).toEqual([]);
    expect((await readXlsx(bytes)).sheets[0].rows[0].map((c) => c?.value)).toEqual([1, 20, 30]);
  });

  it('writes into a workbook whose every part prefixes SpreadsheetML (<x:sheet>, <x:cellXfs>, as OpenXML SDK tools save it)', async () => {
    const prefixed = (xml: string) => xml.replace(' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"').replace(/<(\/?)(?!\?|x:)(\w+)/g, '<$1x:$2');
    const files = unzipSync(workbook('<x:sheetData><x:row r="1"><x:c r="A1"><x:f t="shared" ref="A1:A2" si="0">C1*2</x:f><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:f t="shared" si="0"/><x:v>4</x:v></x:c></x:row></x:sheetData>', 'x:'));
    for (const part of ['xl/workbook.xml', 'xl/styles.xml']) files[part] = strToU8(prefixed(strFromU8(files[part])));
    expect(strFromU8(files['xl/workbook.xml'])).toContain('<x:sheet name=');
    const { bytes, skipped } = patchXlsx(zipSync(files), [write('B2', 1, 1, 0.5, { numFmt: '0%' }), write('A1', 0, 0, 5)]);
    expect(skipped).toEqual([]);
    // The shared formula's first cell written, the cell under it takes a formula of its own, in the part's prefix.
    expect(sheetXmlOf(bytes)).toContain('<x:row r="1"><x:c r="A1"><x:v>5</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:f>C2*2</x:f><x:v>4</x:v></x:c>');
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml'])).toContain('<x:cellXfs count="3">');
    expect((await readXlsx(bytes)).sheets[0].rows[1][1]).toEqual({ value: 0.5, numFmt: '0%' });
  });

  it('fills an empty sheet and gives a 0% format to a new cell that asks for it', async () => {
    const input = workbook('<sheetData/>');
    const { bytes } = patchXlsx(input, [write('B2', 1, 1, 0.5, { numFmt: '0%' })]);
    const wb = await readXlsx(bytes);
    expect(wb.sheets[0].rows[1][1]).toEqual({ value: 0.5, numFmt: '0%' });
  });

  it('gives a `-` placeholder with a style of its own the style of the neighbour whose 0% format it takes', async () => {
    const input = workbook('<sheetData><row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" t="inlineStr"><is><t>-</t></is></c></row></sheetData>'.replace('<c r="B1"', '<c r="B1" s="0"'));
    const { bytes } = patchXlsx(input, [write('B1', 0, 1, 0.01, { numFmt: '0%', styleFrom: { row: 0, col: 0 }, before: { value: '-' } })]);
    expect(sheetXmlOf(bytes)).toContain('<c r="B1" s="1"><v>0.01</v></c>');
    expect((await readXlsx(bytes)).sheets[0].rows[0][1]).toEqual({ value: 0.01, numFmt: '0%' });
  });

  it('keeps the fill, borders and alignment of a blank cell with a style of its own, giving it its neighbour’s 0% where it shows another format', async () => {
    // Formats: 1 = 0%; 2 = 0% on yellow (an input cell); 3 = General on yellow with a thick top border, centred.
    const styles = STYLES.replace('<fills count="2">', '<fills count="3">')
      .replace('</fills>', '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>')
      .replace('<borders count="1"><border/></borders>', '<borders count="2"><border/><border><top style="thick"/></border></borders>')
      .replace(
        /<cellXfs count="2">([\s\S]*)<\/cellXfs>/,
        '<cellXfs count="4">$1<xf numFmtId="9" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1"><alignment horizontal="center"/></xf></cellXfs>',
      );
    const input = workbook('<sheetData><row r="1"><c r="A1" s="1"><v>1.04</v></c><c r="B1" s="2"/><c r="C1" s="3"/><c r="D1" s="3"/></row></sheetData>', '', styles);
    const from = { numFmt: '0%', styleFrom: { row: 0, col: 0 } };
    const { bytes } = patchXlsx(input, [write('B1', 0, 1, 1.38, from), write('C1', 0, 2, 0.62, from), write('D1', 0, 3, 0.68, from)]);
    // B1 shows 0% already: its own format. C1 and D1: one format added, their own with 0%.
    expect(sheetXmlOf(bytes)).toContain('<c r="B1" s="2"><v>1.38</v></c><c r="C1" s="4"><v>0.62</v></c><c r="D1" s="4"><v>0.68</v></c>');
    const cellXfs = /<cellXfs[\s\S]*<\/cellXfs>/.exec(strFromU8(unzipSync(bytes)['xl/styles.xml']))![0];
    expect(cellXfs).toMatch(/^<cellXfs count="5">/);
    expect(cellXfs).toContain('<xf numFmtId="9" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyNumberFormat="1"><alignment horizontal="center"/></xf></cellXfs>');
    expect((await readXlsx(bytes)).sheets[0].rows[0].slice(1)).toEqual([
      { value: 1.38, numFmt: '0%' },
      { value: 0.62, numFmt: '0%' },
      { value: 0.68, numFmt: '0%' },
    ]);
  });

  it('gives a new cell in a row or column formatted as a whole the first format, which Excel shows and Hyoka reads (LibreOffice would show the row’s 0%)', async () => {
    const input = workbook(
      '<cols><col min="4" max="5" width="9" style="1" customWidth="1"/></cols><sheetData><row r="1" s="1" customFormat="1"><c r="A1" s="1"><v>1.04</v></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>',
    );
    const { bytes } = patchXlsx(input, [write('B1', 0, 1, 138), write('D2', 1, 3, 62), write('C2', 1, 2, 70)]);
    const xml = sheetXmlOf(bytes);
    // B1 in the row formatted 0%, D2 in a column formatted 0%: General said outright. C2: nothing formats it.
    expect(xml).toContain('<row r="1" s="1" customFormat="1"><c r="A1" s="1"><v>1.04</v></c><c r="B1" s="0"><v>138</v></c></row>');
    expect(xml).toContain('<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>70</v></c><c r="D2" s="0"><v>62</v></c></row>');
    expect((await readXlsx(bytes)).sheets[0].rows[0][1]).toEqual({ value: 138 });
  });

  it('overwrites the first cell of a shared formula (a progress row filled right), the group’s other cells given formulas of their own', async () => {
    // 進捗度 filled right from C4 with the target anchored on 平成30年度's ($D$2): C4 and E4 wrong, D4 right.
    const input = workbook(
      '<sheetData><row r="2"><c r="C2"><v>115</v></c><c r="D2"><v>81</v></c><c r="E2"><v>87</v></c></row><row r="3"><c r="C3"><v>119</v></c><c r="D3"><v>141</v></c><c r="E3"><v>120</v></c></row>' +
        '<row r="4"><c r="C4"><f t="shared" ref="C4:E4" si="0">ROUND(C3/$D$2*100,0)</f><v>147</v></c><c r="D4"><f t="shared" si="0"/><v>174</v></c><c r="E4"><f t="shared" si="0"/><v>148</v></c></row>' +
        '<row r="5"><c r="C5"><f t="shared" ref="C5:D5" si="1">C4&amp;"%"</f><v>147%</v></c><c r="D5" t="str"><f t="shared" si="1"/><v>174%</v></c></row></sheetData>',
    );
    const { bytes, skipped } = patchXlsx(input, [write('C4', 3, 2, 103), write('E4', 3, 4, 138)]);
    expect(skipped).toEqual([]);
    const xml = sheetXmlOf(bytes);
    expect(xml).toContain('<row r="4"><c r="C4"><v>103</v></c><c r="D4"><f>ROUND(D3/$D$2*100,0)</f><v>174</v></c><c r="E4"><v>138</v></c></row>');
    // Another group, whose first cell takes no write, stays shared.
    expect(xml).toContain('<c r="C5"><f t="shared" ref="C5:D5" si="1">C4&amp;"%"</f><v>147%</v></c><c r="D5" t="str"><f t="shared" si="1"/><v>174%</v></c>');
    expect((await readXlsx(bytes)).sheets[0].rows[3][3]).toMatchObject({ value: 174, formula: 'ROUND(D3/$D$2*100,0)' });
  });

  it('writes nothing into an array formula’s range other than its first cell (a spill or a CSE array), which Excel would compute again', () => {
    // D9 spills =ROUNDUP(D8:F8/D7:F7*100,0) over D9:F9: E9's 63 is the array's, not a value one can replace.
    const input = workbook(
      '<sheetData><row r="9"><c r="D9" cm="1"><f t="array" ref="D9:F9">ROUNDUP(D8:F8/D7:F7*100,0)</f><v>421</v></c><c r="E9"><v>63</v></c><c r="F9"><v>68</v></c><c r="G9"><f t="array" ref="G9">1</f><v>1</v></c><c r="H9"><v>9</v></c></row></sheetData>',
    );
    const { bytes, skipped } = patchXlsx(input, [write('E9', 8, 4, 62), write('H9', 8, 7, 8)]);
    expect(skipped.map((s) => [s.address, s.code])).toEqual([['E9', 'array-formula']]);
    expect(sheetXmlOf(bytes)).toContain('<c r="E9"><v>63</v></c><c r="F9"><v>68</v></c><c r="G9"><f t="array" ref="G9">1</f><v>1</v></c><c r="H9"><v>8</v></c>');
  });

  it('overwrites an array formula of one cell (a CSE or dynamic-array formula spilling nowhere), which anchors no other cell', () => {
    // E4 holds 令和元年度's progress worked out from 平成30年度's cells, saved as Excel 365 saves an array formula of one cell.
    const input = workbook('<sheetData><row r="4"><c r="D4"><v>174</v></c><c r="E4" cm="1"><f t="array" ref="E4">ROUND(D3/D2*100,0)</f><v>174</v></c></row></sheetData>');
    const { bytes, skipped } = patchXlsx(input, [write('E4', 3, 4, 138)]);
    expect(skipped).toEqual([]);
    expect(sheetXmlOf(bytes)).toContain('<c r="D4"><v>174</v></c><c r="E4"><v>138</v></c>');
  });

  it('writes nothing into a merged area’s cells other than its first, which show nothing (a value there would be hidden)', () => {
    const input = workbook('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A2:C40"/></mergeCells>');
    const { bytes, skipped } = patchXlsx(input, [write('A1', 0, 0, 5), write('B1', 0, 1, 6), write('B2', 1, 1, 7), write('C39', 38, 2, 8), write('D1', 0, 3, 9)]);
    expect(skipped.map((s) => [s.address, s.code])).toEqual([
      ['B1', 'merged'],
      ['B2', 'merged'],
      ['C39', 'merged'],
    ]);
    const xml = sheetXmlOf(bytes);
    expect(xml).toContain('<c r="A1"><v>5</v></c><c r="B1"/><c r="D1"><v>9</v></c>');
    expect(xml).not.toContain('C39');
  });

  it('escapes text it writes', () => {
    const input = workbook('<sheetData></sheetData>');
    const { bytes } = patchXlsx(input, [write('A1', 0, 0, '<b>&"')]);
    expect(sheetXmlOf(bytes)).toContain('<t>&lt;b&gt;&amp;&quot;</t>');
  });

  it('keeps every part it does not edit as the very bytes the file holds (stored or deflated), and writes a package others read', async () => {
    const input = zipSync(
      {
        ...unzipSync(workbook('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>')),
        'xl/media/画像.bin': [new Uint8Array([0, 1, 2, 3, 250, 251]), { level: 0 }],
        'docProps/app.xml': strToU8('<Properties>' + 'x'.repeat(5000) + '</Properties>'),
      },
      { level: 9 },
    );
    const { bytes } = patchXlsx(input, [write('B1', 0, 1, 5)]);
    const before = new Map(readCentralDirectory(input).map((e) => [e.name, e]));
    const after = readCentralDirectory(bytes);
    expect(after.map((e) => e.name)).toEqual([...before.keys()]);
    for (const e of after) {
      const was = before.get(e.name)!;
      if (e.name === 'xl/worksheets/sheet1.xml') {
        expect(e.crc).toBe(crc32(strToU8(sheetXmlOf(bytes))));
        continue;
      }
      expect([e.name, e.method, e.crc, e.size, entryData(bytes, e)]).toEqual([e.name, was.method, was.crc, was.size, entryData(input, was)]);
    }
    expect(after.find((e) => e.name === 'xl/media/画像.bin')?.method).toBe(0);
    // fflate and Hyoka's reader read it back whole.
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual([...before.keys()].sort());
    expect((await readXlsx(bytes)).sheets[0].rows[0].map((c) => c?.value)).toEqual([1, 5]);
  });

  it('saves a formula cell’s new result in place of the old, its type set by the result, and keeps what else the cell holds', () => {
    const input = workbook(
      '<sheetData><row r="1"><c r="A1" s="1" t="e"><f>B1/C1</f><v>#DIV/0!</v><extLst><ext uri="{x}"/></extLst></c><c r="B1"><f t="shared" ref="B1:D1" si="0">A2</f><v>1</v></c><c r="C1" t="str"><f>"a"&amp;B1</f><v>a1</v></c><c r="D1"><f>TRUE</f></c></row></sheetData>',
    );
    const { bytes } = patchXlsx(input, [], {
      refreshed: [
        { sheet: '表&1', row: 0, col: 0, address: 'A1', value: 2.5, before: { error: '#DIV/0!' } },
        { sheet: '表&1', row: 0, col: 1, address: 'B1', value: 'x<y', before: 1 },
        { sheet: '表&1', row: 0, col: 2, address: 'C1', value: { error: '#N/A' }, before: 'a1' },
        { sheet: '表&1', row: 0, col: 3, address: 'D1', value: true, before: null },
      ],
    });
    expect(sheetXmlOf(bytes)).toContain(
      '<row r="1"><c r="A1" s="1"><f>B1/C1</f><v>2.5</v><extLst><ext uri="{x}"/></extLst></c><c r="B1" t="str"><f t="shared" ref="B1:D1" si="0">A2</f><v>x&lt;y</v></c><c r="C1" t="e"><f>"a"&amp;B1</f><v>#N/A</v></c><c r="D1" t="b"><f>TRUE</f><v>1</v></c></row>',
    );
  });

  it('computes the CRC-32 of ZIP', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});
