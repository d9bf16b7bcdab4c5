import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import type { Workbook } from '../../../src/engine/grid.js';
import { XlsxReadError } from '../../../src/io/xlsx/errors.js';
import { readXlsx } from '../../../src/io/xlsx/read.js';
import { integerShown, isDateFormat, showsIntegersAsYears, yearShown } from '../../../src/io/xlsx/numfmt.js';
import { byPartName, inflateEntry, readCentralDirectory } from '../../../src/io/xlsx/zip.js';
import { FIXTURES, fixtureBytes, keys, readCode } from '../../helpers.js';
import { tempDir } from '../../temp.js';
import { readWithExcelJs } from './read-exceljs.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURE_NAMES = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();

describe('the streaming reader gives the grid the exceljs reader gave', () => {
  it.each(FIXTURE_NAMES)('%s: every cell, format, merge and sheet state', async (name) => {
    const bytes = fixtureBytes(name);
    expect(await readXlsx(bytes)).toStrictEqual(await readWithExcelJs(bytes));
  });

  it('a workbook of every kind of cell exceljs writes: dates, booleans, errors, formulas and their results, rich text, hidden sheets, merges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('値');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 3, 1));
    ws.getCell('A1').numFmt = 'yyyy/m/d';
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = { error: '#DIV/0!' };
    ws.getCell('D1').value = { formula: 'B2*2', result: 246 };
    ws.getCell('E1').value = { formula: 'A2&"円"', result: '12円' };
    ws.getCell('F1').value = { formula: 'B2>0', result: true };
    ws.getCell('G1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('H1').value = { formula: 'SUM(A1:A3)' };
    ws.getCell('I1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2024, 0, 31)) };
    ws.getCell('I1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('A2').value = { richText: [{ text: '1', font: { bold: true } }, { text: '2件' }] };
    ws.getCell('B2').value = 123.456;
    ws.getCell('B2').numFmt = '#,##0.0"億円"';
    ws.getCell('C2').value = 0.385;
    ws.getCell('C2').numFmt = '0%';
    ws.getCell('D2').value = -5;
    ws.getCell('D2').numFmt = '#,##0;[Red]△#,##0';
    ws.getCell('E2').value = '  前後に空白  ';
    ws.getCell('F2').value = 'A & B <c> "d"\n改行';
    ws.getCell('A5').value = '寄与度(※):33%';
    ws.mergeCells('A5:B6');
    ws.getCell('D5').numFmt = '0.0';
    ws.mergeCells('C5:D5');
    ws.getCell('AB1000').value = 'far away';
    wb.addWorksheet('隠し', { state: 'hidden' }).getCell('A1').value = 1;
    wb.addWorksheet('とても隠し', { state: 'veryHidden' }).getCell('A1').value = 2;
    wb.addWorksheet('空');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const ours = await readXlsx(bytes);
    expect(ours).toStrictEqual(await readWithExcelJs(bytes));
    expect(ours.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['値', false],
      ['隠し', true],
      ['とても隠し', true],
      ['空', false],
    ]);
    expect(ours.sheets[0].rows[0][0]).toEqual({ value: '2023-04-01T00:00:00.000Z', isDate: true, numFmt: 'yyyy/m/d' });
    expect(ours.sheets[0].rows[0][3]).toEqual({ value: 246, numFmt: undefined, formula: 'B2*2' });
  });
});

/** The fixtures as LibreOffice writes them: another writer's XML (styles on every cell, its own formats). */
function libreOfficeCopies(): Map<string, Uint8Array> {
  const dir = tempDir('hyoka-read-lo-');
  const profile = join(dir, 'profile');
  mkdirSync(join(dir, 'out'));
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), ...FIXTURE_NAMES.map((n) => join(FIXTURES, n))], { stdio: 'pipe', timeout: 180_000 });
  return new Map(FIXTURE_NAMES.map((n) => [n, new Uint8Array(readFileSync(join(dir, 'out', n)))]));
}

/** exceljs drops the backslash of an escaped character in a format (`#,##0\人` → `#,##0人`); the reader keeps it. */
function withoutFormatEscapes(wb: Workbook): Workbook {
  return { sheets: wb.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.map((c) => (c?.numFmt ? { ...c, numFmt: c.numFmt.replace(/\\(.)/g, '$1') } : c))) })) };
}

describe('the fixtures saved by LibreOffice', () => {
  let copies: Map<string, Uint8Array>;
  beforeAll(() => {
    copies = libreOfficeCopies();
  }, 180_000);

  it.each(FIXTURE_NAMES)('%s: the same grid as exceljs reads, and the same findings', async (name) => {
    const bytes = copies.get(name)!;
    const ours = await readXlsx(bytes);
    const theirs = await readWithExcelJs(bytes);
    expect(withoutFormatEscapes(ours)).toStrictEqual(theirs);
    expect(keys(checkWorkbook(ours).findings)).toEqual(keys(checkWorkbook(theirs).findings));
    expect(keys(checkWorkbook(ours).findings)).toEqual(keys(checkWorkbook(await readXlsx(fixtureBytes(name))).findings));
  });
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook written by hand, for what neither exceljs nor LibreOffice writes. */
function handmade(sheets: { name: string; xml: string; state?: string; chart?: boolean }[], extra: { sharedStrings?: string; styles?: string; date1904?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}">${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/${s.chart ? 'chartsheet' : 'worksheet'}" Target="/xl/worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(extra.sharedStrings ?? `<?xml version="1.0"?><sst xmlns="${NS}"/>`),
    'xl/styles.xml': strToU8(extra.styles ?? `<?xml version="1.0"?><styleSheet xmlns="${NS}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  return zipSync(files);
}

const sheetXml = (data: string, tail = '') => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${data}</sheetData>${tail}</worksheet>`;

describe('what other writers put in a workbook', () => {
  it('shared formulas: each cell gets the master formula moved by its distance from it', async () => {
    const xml = sheetXml(
      '<row r="4"><c r="D4"><v>1</v></c><c r="E4"><f t="shared" ref="E4:E6" si="0">D4*2+$A$1+SUM(B4:C4)</f><v>2</v></c></row>' +
        '<row r="5"><c r="E5"><f t="shared" si="0"/><v>4</v></c></row><row r="6"><c r="E6"><f t="shared" si="0"/></c></row>',
    );
    const rows = (await readXlsx(handmade([{ name: 'S', xml }]))).sheets[0].rows;
    expect(rows[3][4]).toEqual({ value: 2, numFmt: undefined, formula: 'D4*2+$A$1+SUM(B4:C4)' });
    expect(rows[4][4]).toEqual({ value: 4, numFmt: undefined, formula: 'D5*2+$A$1+SUM(B5:C5)' });
    // Saved without its result, as Excel would show it: D6, A1, B6 and C6 are empty.
    expect(rows[5][4]).toEqual({ value: 0, formula: 'D6*2+$A$1+SUM(B6:C6)', numFmt: undefined });
  });

  it('a formula saved with an empty text result (=IF(…,"",…)) is an empty cell with its formula, not one without a result', async () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="str"><f>IF(B1="","",B1)</f><v></v></c><c r="B1" t="str"><f>IF(C1="","",C1)</f><v/></c><c r="C1" t="str"><f>D1</f></c></row>');
    const row = (await readXlsx(handmade([{ name: 'S', xml }]))).sheets[0].rows[0];
    expect(row[0]).toEqual({ value: '', formula: 'IF(B1="","",B1)', numFmt: undefined });
    expect(row[1]).toEqual({ value: '', formula: 'IF(C1="","",C1)', numFmt: undefined });
    expect(row[2]).toEqual({ value: 0, formula: 'D1', numFmt: undefined });
  });

  it('inline strings, phonetic guides, escaped characters, entities and CDATA', async () => {
    const sst = `<sst xmlns="${NS}"><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>進捗</t></r><r><rPr><b/></rPr><t>度</t></r></si><si><t>行1_x000D_行2 &amp; &#x3042;</t></si></sst>`;
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
        '<c r="D1" t="inlineStr"><is><t>インライン</t></is></c><c r="E1" t="inlineStr"><is><r><t>10</t></r><r><t>4%</t></r></is></c>' +
        '<c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="G1" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]></t></is></c>' +
        '<c r="H1" t="str"><f>"007"</f><v>007</v></c><c r="I1"><v>007</v></c><c r="J1"><v>-1.5E3</v></c></row>',
    );
    const row = (await readXlsx(handmade([{ name: 'S', xml }], { sharedStrings: sst }))).sheets[0].rows[0];
    expect(row.map((c) => c?.value)).toEqual(['東京', '進捗度', '行1\r行2 & あ', 'インライン', '104%', 'ab', '<b>&amp;</b>', '007', 7, -1500]);
    expect(row[5]?.formula).toBe('"a"&"b"');
  });

  it('namespace prefixes, cells without addresses, ISO dates, the 1904 date system and built-in Japanese date formats', async () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="58"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const xml = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c s="2"><x:v>1</x:v></x:c><x:c s="3"><x:v>12.5</x:v></x:c><x:c t="d"><x:v>2024-04-01T00:00:00Z</x:v></x:c></x:row><x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const rows = (await readXlsx(handmade([{ name: '表&amp;1', xml }], { styles, date1904: true }))).sheets[0];
    expect(rows.name).toBe('表&1');
    expect(rows.rows[1]).toEqual([
      { value: 1, numFmt: undefined },
      { value: '1904-01-01T00:00:00.000Z', isDate: true, numFmt: 'mm-dd-yy' },
      { value: '1904-01-02T00:00:00.000Z', isDate: true, numFmt: '[$-411]ggge"年"m"月"d"日"' },
      { value: 12.5, numFmt: '0.0"%"' },
      { value: '2024-04-01T00:00:00.000Z', isDate: true, numFmt: undefined },
    ]);
    expect(rows.rows[2]).toEqual([
      { value: true, numFmt: undefined },
      { value: null, error: '#N/A', numFmt: undefined },
    ]);
  });

  it('chart sheets hold no cells and are left out; a merged area under an empty top-left cell shows nothing', async () => {
    const xml = sheetXml('<row r="1"><c r="B1"><v>5</v></c></row><row r="2"><c r="A2"><v>7</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>');
    const wb = await readXlsx(handmade([{ name: 'S', xml }, { name: 'グラフ', xml: '<chartsheet/>', chart: true }]));
    expect(wb.sheets.map((s) => s.name)).toEqual(['S']);
    expect(wb.sheets[0].rows).toEqual([]);
    expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  it('a year merged over a value column and a unit column is one year, shown in its first cell alone (as Office.js reads it)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    [
      [null, null, null, 'R4', null, 'R5', null],
      [null, '数値目標(1) 連携企業数', '目標値', 100, '社', 200, '社'],
      [null, null, '実績値', 110, '社', 190, '社'],
      [null, null, '進捗度', 110, '%', 97, '%'],
    ].forEach((r, i) => (ws.getRow(i + 1).values = r));
    ws.mergeCells('D1:E1');
    ws.mergeCells('F1:G1');
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect([read.sheets[0].rows[0][3]?.value, read.sheets[0].rows[0][4]]).toEqual(['R4', undefined]);
    const { model, findings } = checkWorkbook(read);
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets[0].columns.map((c) => [c.col, c.unitCol])).toEqual([
      [3, 4],
      [5, 6],
    ]);
    expect(keys(findings)).toEqual(['progress-mismatch@S!F4']);
  });

  it('year headers kept as dates show their year as Excel does (令和元年度, 平成31年度, 2023年度), and their tables get their years', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    const formats = ['[$-ja-JP-x-gannen]ggge"年度"', '[$-411]ggge"年度"', 'yyyy"年度"', '[$-411]ggge"年"m"月"d"日"'];
    const dates = [Date.UTC(2019, 4, 1), Date.UTC(2019, 3, 1), Date.UTC(2023, 3, 1), Date.UTC(2023, 3, 1)];
    dates.forEach((d, i) => {
      ws.getCell(1, i + 3).value = new Date(d);
      ws.getCell(1, i + 3).numFmt = formats[i];
    });
    ws.getRow(2).values = ['数値目標(1) 連携企業数', '目標値', 100, 200, 300];
    ws.getRow(3).values = [null, '実績値', 110, 190, 330];
    ws.getRow(4).values = [null, '進捗度', '110%', '95%', '120%'];
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.sheets[0].rows[0].slice(2).map((c) => c?.text)).toEqual(['令和元年度', '平成31年度', '2023年度', undefined]);
    const { model, findings } = checkWorkbook(read);
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets[0].columns.map((c) => [c.year, c.header])).toEqual([
      [2019, '令和元年度'],
      [2019, '平成31年度'],
      [2023, '2023年度'],
    ]);
    expect(keys(findings)).toEqual(['progress-mismatch@別紙1!E4']);
  });

  it('year headers kept as dates in a format written in capitals (`YYYY"年度"`, `[$-411]GGGE"年度"`, as scripts save it) show their years, and the table gets them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    const formats = ['YYYY"年度"', '[$-411]GGGE"年度"', '[$-411]GGGE"年度"'];
    [2017, 2018, 2019].forEach((y, i) => {
      ws.getCell(1, i + 3).value = new Date(Date.UTC(y, 3, 1));
      ws.getCell(1, i + 3).numFmt = formats[i];
    });
    ws.getRow(2).values = ['数値目標(1)-① 特区関連事業による投資額', '目標値', '115億円', '81億円', '87億円'];
    ws.getRow(3).values = [null, '実績値', '119億円', '141億円', '120億円'];
    ws.getRow(4).values = [null, '進捗度', '104%', '174%', '148%'];
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.sheets[0].rows[0].slice(2).map((c) => c?.text)).toEqual(['2017年度', '平成30年度', '平成31年度']);
    const { model, findings } = checkWorkbook(read);
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets[0].columns.map((c) => c.year)).toEqual([2017, 2018, 2019]);
    expect(keys(findings)).toEqual(['progress-mismatch@別紙1!E4']);
  });

  it('year headers kept as dates and shown with the era’s first character (平29年度), by the era’s year alone (29年度) or as a month’s end (H30.3末) get their years', async () => {
    const formats: [number, string, string, number][] = [
      [Date.UTC(2017, 3, 1), '[$-411]gge"年度"', '平29年度', 2017],
      [Date.UTC(2018, 3, 1), '[$-411]e"年度"', '30年度', 2018],
      [Date.UTC(2020, 2, 31), '[$-411]ge.m"末"', 'R2.3末', 2019],
      [Date.UTC(2021, 3, 1), 'yy"年度"', '21年度', 2021],
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    formats.forEach(([d, fmt], i) => {
      ws.getCell(1, i + 3).value = new Date(d);
      ws.getCell(1, i + 3).numFmt = fmt;
    });
    ws.getRow(2).values = ['数値目標(1) 連携企業数', '目標値', 100, 200, 300, 400];
    ws.getRow(3).values = [null, '実績値', 110, 190, 330, 400];
    ws.getRow(4).values = [null, '進捗度', '110%', '95%', '120%', '100%'];
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.sheets[0].rows[0].slice(2).map((c) => c?.text)).toEqual(formats.map((f) => f[2]));
    const { model, findings } = checkWorkbook(read);
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets[0].columns.map((c) => c.year)).toEqual(formats.map((f) => f[3]));
    expect(keys(findings)).toEqual(['progress-mismatch@別紙1!E4']);
  });

  it('year headers typed as numbers (4 in "令和"0"年度", 5 in "R"0, 2024 in 0"年度") keep the text they show, and their tables get their years', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    const headers: [number, string][] = [[4, '"令和"0"年度"'], [5, '"R"0'], [2024, '0"年度"']];
    headers.forEach(([v, fmt], i) => {
      ws.getCell(1, i + 3).value = v;
      ws.getCell(1, i + 3).numFmt = fmt;
    });
    ws.getRow(2).values = ['数値目標(1) 連携企業数', '目標値', 100, 200, 300];
    ws.getRow(3).values = [null, '実績値', 110, 190, 330];
    ws.getRow(4).values = [null, '進捗度', '110%', '96%', '110%'];
    ws.getCell('C2').numFmt = '0"社"';
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.sheets[0].rows[0].slice(2).map((c) => c?.text)).toEqual(['令和4年度', 'R5', '2024年度']);
    // A count in 0"社" shows no year: it keeps no text.
    expect(read.sheets[0].rows[1][2]).toEqual({ value: 100, numFmt: '0"社"' });
    const { model, findings } = checkWorkbook(read);
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets[0].columns.map((c) => c.year)).toEqual([2022, 2023, 2024]);
    expect(keys(findings)).toEqual(['progress-mismatch@別紙1!D4']);
  });
});

describe('hidden rows and columns', () => {
  it('rows and columns hidden in Excel are listed, and no table reads them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow([null, null, 'R3', 'R4', 'R5', 'R6']);
    ws.addRow(['数値目標(1) 連携企業数', '目標値', 100, 360, 540, 720]);
    ws.addRow([null, '実績値', 50, 461, 580, 707]);
    ws.addRow([null, '進捗度', '1%', '50%', '60%', '70%']);
    ws.addRow([null, '進捗度', '1%', '128%', '107%', '99%']);
    ws.getRow(4).hidden = true;
    ws.getColumn(3).hidden = true;
    // Columns hidden far past the cells (the rest of the sheet) list none.
    ws.getColumn(20).hidden = true;
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.sheets[0]).toMatchObject({ hiddenRows: [3], hiddenCols: [2] });
    // The hidden cells are still read (formulas may refer to them).
    expect(read.sheets[0].rows[3][3]).toMatchObject({ value: '50%' });
    expect(keys(checkWorkbook(read).findings)).toEqual(['progress-mismatch@S!F5']);
  });

  it('hidden="true", ranges of columns, and rows shown as they are', async () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}">` +
      '<cols><col min="1" max="1" width="9"/><col min="2" max="3" hidden="true" width="9"/><col min="5" max="5" hidden="0"/></cols><sheetData>' +
      '<row r="1" spans="1:5"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row><row r="2" hidden="0"><c r="A2"><v>2</v></c></row>' +
      '<row r="3" ht="0" customHeight="1" hidden="1"><c r="A3"><v>3</v></c></row></sheetData></worksheet>';
    const sheet = (await readXlsx(handmade([{ name: 'S', xml }]))).sheets[0];
    expect(sheet.hiddenRows).toEqual([2]);
    expect(sheet.hiddenCols).toEqual([1, 2]);
  });
});

/** A package with one part's XML edited (a filter's criteria exceljs does not write). */
function edited(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(edit(strFromU8(files[part])));
  return zipSync(files);
}

const CRITERIA = '<filterColumn colId="1"><filters><filter val="進捗度"/></filters></filterColumn>';

describe('rows hidden by a filter or a collapsed group', () => {
  // One target whose 目標値 and 実績値 rows (2 and 3) are hidden: E4 states 99% for 98%.
  const PROGRESS = [
    ['区分', '項目', 'R4', 'R5', 'R6'],
    ['数値目標(1) 連携企業数', '目標値', 360, 540, 720],
    [null, '実績値', 461, 580, 707],
    [null, '進捗度', '128%', '107%', '99%'],
  ];

  it('a sheet filtered to its 進捗度 row: the rows the filter hides are read as shown, checked, and noted', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    PROGRESS.forEach((r) => ws.addRow(r));
    ws.autoFilter = 'A1:E4';
    ws.getRow(2).hidden = true;
    ws.getRow(3).hidden = true;
    const bytes = edited(new Uint8Array(await wb.xlsx.writeBuffer()), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<autoFilter ref="A1:E4"/>', `<autoFilter ref="A1:E4">${CRITERIA}</autoFilter>`));
    const read = await readXlsx(bytes);
    expect(read.sheets[0].filteredRows).toEqual([1, 2]);
    expect(read.sheets[0].hiddenRows).toBeUndefined();
    const { model, findings } = checkWorkbook(read);
    expect(keys(findings)).toEqual(['progress-mismatch@S!E4']);
    expect(model.faults).toEqual([{ sheet: 'S', reason: 'filtered-rows', detail: '2-3' }]);
  });

  it('an Excel table filtered so is read the same; with its filter buttons alone it filters nothing, and rows hidden in it stay hidden', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addTable({ name: 'T1', ref: 'A1', headerRow: true, columns: PROGRESS[0].map((name) => ({ name: String(name), filterButton: true })), rows: PROGRESS.slice(1) });
    ws.getRow(2).hidden = true;
    ws.getRow(3).hidden = true;
    const buttons = new Uint8Array(await wb.xlsx.writeBuffer());
    const unfiltered = await readXlsx(buttons);
    expect(unfiltered.sheets[0].hiddenRows).toEqual([1, 2]);
    expect(checkWorkbook(unfiltered).model.faults).toEqual([{ sheet: 'S', reason: 'hidden-rows', detail: '2-3' }]);
    const filtered = edited(buttons, 'xl/tables/table1.xml', (xml) => xml.replace(/<autoFilter ref="A1:E4">.*<\/autoFilter>/, `<autoFilter ref="A1:E4">${CRITERIA}</autoFilter>`));
    const read = await readXlsx(filtered);
    expect(read.sheets[0]).toMatchObject({ filteredRows: [1, 2] });
    expect(read.sheets[0].hiddenRows).toBeUndefined();
    expect(keys(checkWorkbook(read).findings)).toEqual(['progress-mismatch@S!E4']);
  });

  it('only the sheet filter hides rows under its header: not a custom view\'s filter, not rows outside the range', async () => {
    const rows = PROGRESS.map((r, i) => `<row r="${i + 1}"${i === 1 || i === 2 ? ' hidden="1"' : ''}>${r.map((v, c) => (v === null ? '' : `<c r="${String.fromCharCode(65 + c)}${i + 1}"${typeof v === 'string' ? ` t="inlineStr"><is><t>${v}</t></is></c>` : `><v>${v}</v></c>`}`)).join('')}</row>`).join('');
    const view = `<customSheetViews><customSheetView guid="{00000000-0000-0000-0000-000000000001}"><autoFilter ref="A1:E4">${CRITERIA}</autoFilter></customSheetView></customSheetViews>`;
    const inView = (await readXlsx(handmade([{ name: 'S', xml: sheetXml(rows, view) }]))).sheets[0];
    expect(inView.hiddenRows).toEqual([1, 2]);
    expect(inView.filteredRows).toBeUndefined();
    // The filter starts at row 3: row 3 is its header, row 2 lies above it.
    const below = (await readXlsx(handmade([{ name: 'S', xml: sheetXml(rows, `<autoFilter ref="A3:E4">${CRITERIA}</autoFilter>`) }]))).sheets[0];
    expect(below.hiddenRows).toEqual([1, 2]);
  });

  it('a collapsed outline group stays out of the tables, and the report names its rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(PROGRESS[0]);
    ws.addRow(['数値目標(1) 連携企業数', '目標値', 100, 100, 100]);
    ws.addRow([null, '実績値', 50, 50, 50]);
    ws.addRow([null, '進捗度', '51%', '50%', '50%']);
    ws.addRow(['数値目標(2) 連携件数', '目標値', 360, 540, 720]);
    ws.addRow([null, '実績値', 461, 580, 707]);
    ws.addRow([null, '進捗度', '128%', '107%', '98%']);
    for (const r of [2, 3, 4]) {
      ws.getRow(r).outlineLevel = 1;
      ws.getRow(r).hidden = true;
    }
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const { model, findings } = checkWorkbook(read);
    expect(keys(findings)).toEqual([]);
    expect(model.faults).toEqual([{ sheet: 'S', reason: 'hidden-rows', detail: '2-4' }]);
  });
});

describe('number formats that show integers as years', () => {
  it.each([
    ['"令和"0"年度"', 5, '令和5年度', true],
    ['"R"0', 5, 'R5', true],
    ['\\H0', 30, 'H30', true],
    ['0"年度"', 2022, '2022年度', true],
    ['#,##0"社"', 5, '5社', false],
    ['0"年目"', 5, '5年目', false],
    ['0.0', 5, undefined, false],
    ['0%', 5, undefined, false],
    ['General', 5, undefined, false],
  ])('%s holding %i shows %s (years: %s)', (fmt, v, shown, years) => {
    expect(integerShown(v, fmt)).toBe(shown);
    expect(showsIntegersAsYears(fmt)).toBe(years);
  });
});

describe('number formats that show dates', () => {
  it.each([
    ['[$-411]ggge"年度"', true],
    ['ggge', true],
    ['yyyy"年度"', true],
    ['yyyy/m/d', true],
    ['General', false],
    ['G/標準', false],
    ['General"件"', false],
    ['G/標準"人"', false],
    ['0.00E+00', false],
    ['#,##0"億円"', false],
    ['0"年目"', false],
    // Date codes in capitals, as scripts write them (pandas: `YYYY-MM-DD`) and spreadsheets read them.
    ['YYYY"年度"', true],
    ['[$-411]GGGE"年度"', true],
    ['YYYY/MM/DD', true],
    ['0.00E+00;0.00E-00', false],
    ['#,##0_);[Red](#,##0)', false],
  ])('%s: %s', (fmt, date) => {
    expect(isDateFormat(fmt)).toBe(date);
  });

  it('a year shown alone: the era (元 with gannen), its letter, two or four digits; nothing for a format with months or days', () => {
    const r5 = '2023-04-01T00:00:00.000Z';
    expect(yearShown(r5, '[$-411]ggge"年度"')).toBe('令和5年度');
    expect(yearShown(r5, '[$-411]gge"年度"')).toBe('令5年度');
    expect(yearShown(r5, '[$-411]gee')).toBe('R05');
    expect(yearShown('2019-05-01T00:00:00.000Z', '[$-ja-JP-x-gannen]ggge"年度"')).toBe('令和元年度');
    expect(yearShown('2019-04-30T00:00:00.000Z', '[$-ja-JP-x-gannen]ggge"年度"')).toBe('平成31年度');
    expect(yearShown(r5, 'yyyy"年度"')).toBe('2023年度');
    expect(yearShown(r5, '"FY"yy')).toBe('FY23');
    expect(yearShown(r5, 'YYYY"年度"')).toBe('2023年度');
    expect(yearShown(r5, '[$-411]GGGE"年度"')).toBe('令和5年度');
    expect(yearShown(r5, 'yyyy/m/d')).toBeUndefined();
    expect(yearShown(r5, '[$-411]ggge"年"m"月"d"日"')).toBeUndefined();
    expect(yearShown('1900-01-01T00:00:00.000Z', 'ggge')).toBeUndefined();
  });

  it('a year and the end of a month (`ge.m"末"` → H30.3末, `yyyy"年"m"月末"` → 2018年3月末) show as Excel does; a month that is no fiscal year shows nothing', () => {
    const end = '2018-03-31T00:00:00.000Z';
    expect(yearShown(end, '[$-411]ge.m"末"')).toBe('H30.3末');
    expect(yearShown(end, 'yyyy"年"m"月末"')).toBe('2018年3月末');
    expect(yearShown(end, '[$-411]ggge"年"mm"月末時点"')).toBe('平成30年03月末時点');
    expect(yearShown(end, 'yyyy"年"m"月"')).toBeUndefined();
    expect(yearShown(end, 'yyyy"年"mmm"末"')).toBeUndefined();
  });
});

describe('limits, enforced while inflating and reading', () => {
  const big = 'x'.repeat(4 * 1024 * 1024);
  const bomb = zipSync({ 'xl/worksheets/sheet1.xml': strToU8(big) }, { level: 9 });

  it('stops inflating with zip-bomb once the bytes produced pass the budget, whatever the headers say', () => {
    const entry = byPartName(readCentralDirectory(bomb)).get('xl/worksheets/sheet1.xml')!;
    let produced = 0;
    const budget = { remaining: 1024 * 1024, limit: 1024 * 1024 };
    expect(() => inflateEntry(bomb, entry, budget, (c) => (produced += c.length))).toThrow(expect.objectContaining({ code: 'zip-bomb' }));
    // One step past the budget at most: the rest of the 4 MiB is never inflated.
    expect(produced).toBeLessThan(2 * 1024 * 1024);
    const whole = { remaining: 8 * 1024 * 1024, limit: 8 * 1024 * 1024 };
    produced = 0;
    inflateEntry(bomb, entry, whole, (c) => (produced += c.length));
    expect(produced).toBe(big.length);
  });

  it('an error of the reader inside a part is its own, not taken for a broken archive', () => {
    const entry = byPartName(readCentralDirectory(bomb)).get('xl/worksheets/sheet1.xml')!;
    const budget = { remaining: 8 * 1024 * 1024, limit: 8 * 1024 * 1024 };
    const stop = new XlsxReadError('too-many-cells', 'test');
    expect(() =>
      inflateEntry(bomb, entry, budget, () => {
        throw stop;
      }),
    ).toThrow(stop);
  });

  it('a merged area adds no cells, and values stored under it (which Excel does not show) are not read', async () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>8</v></c></row><row r="2"><c r="B2"><v>9</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:J10"/></mergeCells>');
    const read = (await readXlsx(handmade([{ name: 'S', xml }]))).sheets[0];
    expect([read.rows, read.merges]).toEqual([[[{ value: 1 }]], [{ top: 0, left: 0, bottom: 9, right: 9 }]]);
  });

  it('whole rows merged for titles: one cell each, so a few kilobytes stay within the limit and the table is checked', async () => {
    // As Excel writes it: only the top-left cell of each merged row is in the file.
    const titles = Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>見出し${i + 1}</t></is></c></row>`).join('');
    const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const table =
      `<row r="402">${str('D402', 'H30')}${str('E402', 'R1')}${str('F402', 'R2')}</row>` +
      `<row r="403">${str('B403', '数値目標(1) 投資額')}${str('C403', '目標値')}<c r="D403"><v>100</v></c><c r="E403"><v>110</v></c><c r="F403"><v>120</v></c></row>` +
      `<row r="404">${str('C404', '実績値')}<c r="D404"><v>90</v></c><c r="E404"><v>121</v></c><c r="F404"><v>100</v></c></row>` +
      `<row r="405">${str('C405', '進捗度')}${str('D405', '90%')}${str('E405', '110%')}${str('F405', '80%')}</row>`;
    const merges = Array.from({ length: 400 }, (_, i) => `<mergeCell ref="A${i + 1}:XFD${i + 1}"/>`).join('');
    const bytes = handmade([{ name: '別紙1', xml: sheetXml(titles + table, `<mergeCells count="400">${merges}</mergeCells>`) }]);
    expect(bytes.length).toBeLessThan(20_000);
    const wb = await readXlsx(bytes);
    const rows = wb.sheets[0].rows;
    // Each title is one cell, in column A (400 × 16,384 copies would be 6.5 million cells).
    expect(rows[0]).toEqual([{ value: '見出し1' }]);
    expect(wb.sheets[0].merges).toHaveLength(400);
    const { findings } = checkWorkbook(wb);
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['progress-mismatch F405']);
  });

  it('a whole-sheet merged area over a sheet whose cells reach its far corner shows its top-left cell alone', async () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>');
    const rows = (await readXlsx(handmade([{ name: 'S', xml }]))).sheets[0].rows;
    expect([rows.length, rows[0]]).toEqual([1, [{ value: 1 }]]);
  });

  it('maxInflatedBytes bounds the whole workbook', async () => {
    const bytes = fixtureBytes('planted-errors.xlsx');
    expect(await readCode(bytes, { maxInflatedBytes: 1000 })).toBe('zip-bomb');
  });
});

describe('the reader in the browser', () => {
  it('bundles for the browser: no Node module anywhere in the reader', async () => {
    const out = await build({ entryPoints: [join(ROOT, 'src/io/xlsx/read.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0].text).not.toMatch(/from ["']node:|require\(["'](node:)?(fs|path|zlib|buffer|worker_threads)/);
  });
});
