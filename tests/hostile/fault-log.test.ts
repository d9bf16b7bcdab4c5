/**
 * Nothing is dropped silently: cells the checker cannot read as numbers become
 * `unparseable-number` findings with the reason, sheets it passes over are listed in `skipped`.
 */
import { readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { buildReport, fileReport, ReportSchema } from '../../src/engine/report.js';
import { readXlsx } from '../../src/io/xlsx/read.js';
import { bundleCli, tempDir, type Cli } from './cli.js';
import { reportRows } from '../../src/taskpane/report-export.js';
import { writeAll } from './files.js';

/** A progress block whose cells hold what Excel users leave in them, beside a hidden and an empty sheet. */
async function faultyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('別紙1');
  ws.addRow([null, null, '令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度']);
  ws.addRow(['数値目標(1) 新規立地件数', '目標値', 10, 10, { error: '#DIV/0!' }, 10, { error: '#N/A' }]);
  ws.addRow([null, '実績値', 12, { formula: 'INDIRECT("C3")*2' }, new Date(Date.UTC(2021, 3, 1)), { richText: [{ text: '1', font: { bold: true } }, { text: '1件' }] }, { richText: [{ text: '未定' }] }]);
  ws.addRow(['寄与度(※):', '進捗度(%)', 120, null, null, 110, { error: '#VALUE!' }]);
  ws.getCell('A1').value = { error: '#REF!' };
  const hidden = wb.addWorksheet('計算用', { state: 'hidden' });
  hidden.addRow(['作業用', { error: '#NAME?' }]);
  wb.addWorksheet('空白');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** In report order: by row, then column. */
const EXPECTED_UNPARSEABLE: [cell: string, reason: RegExp][] = [
  ['E2', /#DIV\/0!.*エラー値/],
  ['G2', /#N\/A.*エラー値/],
  ['D3', /計算結果が保存されていない数式/],
  ['E3', /日付/],
  ['G3', /「未定」.*文字/],
  ['G4', /#VALUE!.*エラー値/],
];

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await faultyWorkbook();
});

describe('the fault log', () => {
  it('reads error values, a formula without a cached result, a date and rich text without throwing', async () => {
    const wb = await readXlsx(bytes);
    const cells = wb.sheets[0].rows;
    expect(cells[1][4]).toMatchObject({ error: '#DIV/0!' });
    // A function the reader does not work out (INDIRECT): the formula keeps no result (formulas it works out: evaluate.test.ts).
    expect(cells[2][3]).toMatchObject({ formula: 'INDIRECT("C3")*2', noCachedResult: true });
    expect(cells[2][4]).toMatchObject({ isDate: true });
    expect(cells[2][5]?.value).toBe('11件');
  });

  it('reports each cell it cannot read as a number as unparseable-number, with the reason, and reads rich text that is a number', async () => {
    const wb = await readXlsx(bytes);
    const { model, findings } = checkWorkbook(wb);
    const report = buildReport([fileReport('faulty.xlsx', model, findings, 'ja')]);
    const file = report.files[0];
    if (!('findings' in file)) throw new Error('the workbook was not read');
    const unparseable = file.findings.filter((f) => f.rule === 'unparseable-number');
    expect(unparseable.map((f) => `${f.sheet}!${f.cell}`)).toEqual(EXPECTED_UNPARSEABLE.map(([cell]) => `別紙1!${cell}`));
    EXPECTED_UNPARSEABLE.forEach(([cell, why]) => expect(unparseable.find((f) => f.cell === cell)?.message, cell).toMatch(why));
    // F3 is rich text `1` + `1件`: the number 11 件, so its progress (110 %) is checked, not flagged.
    expect(file.findings.filter((f) => f.cell === 'F3' || f.cell === 'F4')).toEqual([]);
    expect(file.findings.find((f) => f.cell === 'C4')).toBeUndefined();
  });

  it('lists the hidden sheet and the empty sheet in skipped, and the error value outside any table changes nothing', async () => {
    const { model, findings } = checkWorkbook(await readXlsx(bytes));
    const file = fileReport('faulty.xlsx', model, findings, 'en');
    expect('skipped' in file && file.skipped).toEqual([
      { sheet: '計算用', reason: expect.stringMatching(/^hidden-sheet/) },
      { sheet: '空白', reason: 'empty-sheet' },
    ]);
    expect(findings.some((f) => f.cell === 'A1')).toBe(false);
  });
});

describe('the fault log on the command line', () => {
  let cli: Cli;
  let dir: string;
  beforeAll(async () => {
    cli = await bundleCli();
    dir = tempDir('hyoka-faults-');
  });
  afterAll(() => {
    cli?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('checks the workbook (no crash, exit 0: only warnings) and the JSON report carries the findings and skipped sheets', () => {
    const [path] = writeAll(dir, [{ name: 'faulty.xlsx', bytes }]);
    const r = cli.run(['check', path, '--json', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = ReportSchema.parse(JSON.parse(r.stdout)).files[0];
    if (!('findings' in file)) throw new Error('the workbook was not read');
    expect(file.findings.filter((f) => f.rule === 'unparseable-number').map((f) => f.cell)).toEqual(EXPECTED_UNPARSEABLE.map(([cell]) => cell));
    expect(file.findings.every((f) => f.severity !== 'error')).toBe(true);
    expect(file.skipped?.map((s) => `${s.sheet}:${s.reason.split(':')[0]}`)).toEqual(['計算用:hidden-sheet', '空白:empty-sheet']);
    const text = cli.run(['check', path]);
    // In words, the hidden sheet as a note (it is checked), the empty one as skipped.
    expect(text.stdout).toContain('注記: 計算用 — 非表示のシートです(検査はしました)');
    expect(text.stdout).toContain('対象外: 空白 — 空のシートです');
    const en = cli.run(['check', path, '--lang', 'en']);
    expect(en.stdout).toContain('note: 計算用 — a hidden sheet (checked all the same)');
    expect(en.stdout).toContain('skipped: 空白 — an empty sheet');
  });

  it('a target so small that the progress passes the range of a double (1E-320) costs no report: the figure is left out of the JSON, the message shows it, the other files are reported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.addRow([null, null, '令和3年度', '令和4年度']);
    ws.addRow(['数値目標(1) 件数', '目標値', 1e-320, 10]);
    ws.addRow([null, '実績値', 707, 12]);
    ws.addRow(['寄与度(※):', '進捗度(%)', 98, 120]);
    const [tiny] = writeAll(dir, [{ name: 'tiny-target.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }]);
    const [faulty] = writeAll(dir, [{ name: 'faulty-too.xlsx', bytes }]);
    const r = cli.run(['check', tiny, faulty, '--json', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const files = ReportSchema.parse(JSON.parse(r.stdout)).files;
    expect(files.map((f) => 'findings' in f)).toEqual([true, true]);
    const mismatch = 'findings' in files[0] ? files[0].findings.find((f) => f.cell === 'C4') : undefined;
    expect(mismatch).toMatchObject({ rule: 'progress-mismatch', expected: null, stated: 98 });
    expect(mismatch?.message).toContain('= ∞%');
    expect(reportRows(checkWorkbook(await readXlsx(readFileSync(tiny))).findings, 'ja').find((row) => row[3] === 'C4')?.slice(4, 6)).toEqual([null, 98]);
  });
});
