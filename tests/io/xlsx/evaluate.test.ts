import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import type { Cell, Workbook } from '../../../src/engine/grid.js';
import { readXlsx } from '../../../src/io/xlsx/read.js';
import { describeFault } from '../../../src/engine/messages/index.js';
import { keys } from '../../helpers.js';
import { recalculateWithLibreOffice } from './libreoffice.js';

/** Formulas saved without their results (as openpyxl and SheetJS save them), over the cells of sheet `値` and `他の表`. */
const FORMULAS: Record<string, string> = {
  A3: 'A1+B1*2',
  B3: '(A1+B1)*2',
  C3: '-A1^2',
  D3: '2^3^2',
  E3: '50%*A1',
  F3: 'A1/0',
  G3: 'C1*2',
  H3: 'D1*2',
  I3: 'D1&"件"',
  J3: 'A1>B1',
  K3: 'IF(A1>B1,"大","小")',
  L3: 'IFERROR(A1/0,-1)',
  M3: 'ROUND(2.675,2)',
  N3: 'ROUND(-2.5,0)',
  O3: 'ROUND(1234.5,-2)',
  P3: 'ROUNDUP(1.01,0)',
  Q3: 'ROUNDDOWN(-1.99,0)',
  R3: 'SUM(A1:D1)',
  S3: 'AVERAGE(A1:B1)',
  T3: 'MAX(A1:D1)-MIN(A1:D1)',
  U3: 'COUNT(A1:E1)',
  V3: "'他の表'!A1*3",
  W3: 'A3+B3',
  X3: '0.1+0.2',
  Y3: 'ABS(-3.5)+INT(-1.5)',
  Z3: 'E1*2',
  AA3: 'ROUND(B1/A1*100,0)',
  AB3: 'SUM(A1:A3)',
  AC3: '1/3*3',
  AD3: 'ROUND(SUMPRODUCT(A1:B1,A2:B2)/SUM(A2:B2),0)',
  AE3: 'SUMPRODUCT(A1:D1,A1:D1)',
  AF3: 'PRODUCT(A1:B1,2)',
  // Excel has no -0: a negative rounded to 0 is 0 (found by the settle property).
  AG3: 'ROUND(-0.3,0)*1',
  // TEXT with a plain number format, as a summary line builds its figures (`TEXT(E2,"#,##0")&"億円"`).
  AH3: 'TEXT(A1*1000+0.5,"#,##0")&"億円"',
  AI3: 'TEXT(B1/A1,"0%")',
  AJ3: 'TEXT(B1/A1,"0.0%")',
  AK3: 'TEXT(-2.5,"0")',
  AL3: 'TEXT(D1,"0.00")',
  AM3: 'TEXT(C1,"0")',
  AN3: 'TEXT(1234567.891,"#,##0.0")',
  AO3: 'TEXT(-0.4,"0")',
  AP3: 'TEXT(A1/0,"0")',
  // Comparisons of computed figures are of the figures Excel shows (15 digits): 0.1 + 0.2 is 0.3, 8290/2000*100 is 414.5.
  AQ3: '0.1+0.2=0.3',
  AR3: 'IF(8290/2000*100>=414.5,"達成","未達成")',
  AS3: '(A1/3)*3<>A1',
  // A subtraction that ends a formula at almost 0 is 0, as Excel makes it (0.30000000000000004 - 0.3).
  AT3: '0.1+0.2-0.3',
  AU3: 'SUM(0.1,0.2,0.3)-0.6',
};

async function formulaBook(extra?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('値');
  ws.getRow(1).values = [115, 119, '億円', '87', null];
  ws.getRow(2).values = [33, 67];
  for (const [address, formula] of Object.entries(FORMULAS)) ws.getCell(address).value = { formula } as ExcelJS.CellFormulaValue;
  wb.addWorksheet('他の表').getCell('A1').value = 7;
  extra?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function row3(wb: Workbook): Record<string, unknown> {
  const cells = wb.sheets[0].rows[2];
  return Object.fromEntries(Object.keys(FORMULAS).map((a, i) => [a, shown(cells[i])]));
}

const shown = (c: Cell | undefined) => (c?.error ?? (c?.noCachedResult ? 'none' : c?.value));

describe('formulas saved without their results', () => {
  it('are worked out as LibreOffice recalculates them (a real spreadsheet engine)', async () => {
    const bytes = await formulaBook();
    const ours = row3(await readXlsx(bytes));
    // LibreOffice saves a negative rounded to 0 as `-0`; Excel stores no -0, and shows 0 as both do.
    const theirs = Object.fromEntries(Object.entries(row3(await readXlsx(recalculateWithLibreOffice(bytes)))).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v]));
    expect(ours).toEqual(theirs);
    expect(ours).toMatchObject({ AD3: 118, A3: 353, D3: 64, F3: '#DIV/0!', G3: '#VALUE!', H3: 174, I3: '87件', K3: '小', M3: 2.68, N3: -3, O3: 1200, R3: 234, W3: 821, X3: 0.3, AA3: 103 });
    expect(Object.is(ours.AG3, 0)).toBe(true);
    expect(ours).toMatchObject({ AQ3: true, AR3: '達成', AS3: false, AT3: 0, AU3: 0 });
    expect(ours).toMatchObject({ AH3: '115,001億円', AI3: '103%', AJ3: '103.5%', AK3: '-3', AL3: '87.00', AM3: '億円', AN3: '1,234,567.9', AP3: '#DIV/0!' });
  }, 120_000);

  it('a formula using what the evaluator does not know keeps no result; the others still get theirs', async () => {
    const bytes = await formulaBook((ws) => {
      ws.getCell('A4').value = { formula: 'VLOOKUP(A1,A1:B1,2,FALSE)' } as ExcelJS.CellFormulaValue;
      ws.getCell('B4').value = { formula: 'A4+1' } as ExcelJS.CellFormulaValue;
      ws.getCell('C4').value = { formula: 'C4+1' } as ExcelJS.CellFormulaValue;
      ws.getCell('D4').value = { formula: 'SUM(A:A)' } as ExcelJS.CellFormulaValue;
      ws.getCell('E4').value = { formula: '不明!A1' } as ExcelJS.CellFormulaValue;
      // TEXT with a format other than a plain number's (a date's, literals, sections).
      ws.getCell('F4').value = { formula: 'TEXT(A1,"yyyy年")' } as ExcelJS.CellFormulaValue;
      ws.getCell('G4').value = { formula: 'TEXT(A1,"0;△0")' } as ExcelJS.CellFormulaValue;
    });
    const wb = await readXlsx(bytes);
    expect(wb.sheets[0].rows[3].map(shown)).toEqual(['none', 'none', 'none', 'none', 'none', 'none', 'none']);
    expect(row3(wb).A3).toBe(353);
  });

  it('formulas past Excel’s limits or the stack’s (deep nesting, thousands of terms, huge ranges) are left without a result, never a failed read', async () => {
    const bytes = await formulaBook((ws) => {
      ws.getCell('A4').value = { formula: `${'('.repeat(2000)}1${')'.repeat(2000)}` } as ExcelJS.CellFormulaValue;
      ws.getCell('B4').value = { formula: `${'-'.repeat(3000)}1` } as ExcelJS.CellFormulaValue;
      ws.getCell('C4').value = { formula: Array.from({ length: 4000 }, () => 'A1').join('+') } as ExcelJS.CellFormulaValue;
      ws.getCell('D4').value = { formula: 'SUM(A1:Z100000)' } as ExcelJS.CellFormulaValue;
      ws.getCell('E4').value = { formula: 'SUM(A1:B1)' } as ExcelJS.CellFormulaValue;
    });
    const cells = (await readXlsx(bytes)).sheets[0].rows[3].map(shown);
    expect(cells[0]).toBe('none');
    expect(cells[1]).toBe('none');
    expect(cells[2] === 'none' || cells[2] === 4000 * 115).toBe(true);
    expect(cells[3]).toBe('none');
    expect(cells[4]).toBe(234);
  });

  it('results the file asks to recompute on opening (`fullCalcOnLoad`, xlsxwriter saving 0 for each) are recomputed', async () => {
    const wb = new ExcelJS.Workbook();
    wb.calcProperties.fullCalcOnLoad = true;
    const ws = wb.addWorksheet('S');
    ws.getRow(1).values = [10, 12];
    ws.getCell('C1').value = { formula: 'B1/A1*100', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('D1').value = { formula: 'VLOOKUP(1,A1:B1,2)', result: 0 } as ExcelJS.CellFormulaValue;
    // A result other than xlsxwriter's 0 for a formula the reader does not work out is kept (a tool that only flags
    // the file for recalculation, over results Excel saved).
    ws.getCell('E1').value = { formula: 'VLOOKUP(10,A1:B1,2)', result: 12 } as ExcelJS.CellFormulaValue;
    const cells = (await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()))).sheets[0].rows[0];
    expect(cells.map(shown)).toEqual([10, 12, 120, 'none', 12]);
  });

  it('year headers worked out by formulas (`=C1+1` in `"令和"0"年度"`, openpyxl saving no result) show their years, so every year is checked', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('C1').value = 4;
    ws.getCell('D1').value = { formula: 'C1+1' } as ExcelJS.CellFormulaValue;
    ws.getCell('E1').value = { formula: 'D1+1' } as ExcelJS.CellFormulaValue;
    for (const a of ['C1', 'D1', 'E1']) ws.getCell(a).numFmt = '"令和"0"年度"';
    ws.getRow(2).values = ['数値目標(1) 連携企業数', '目標値', 360, 540, 720];
    ws.getRow(3).values = [null, '実績値', 461, 580, 707];
    ws.getRow(4).values = [null, '進捗度', 128, 107, 89];
    const workbook = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(workbook.sheets[0].rows[0].map((c) => c?.text)).toEqual([undefined, undefined, '令和4年度', '令和5年度', '令和6年度']);
    // 令和6年度: 707 ÷ 720 = 98 %, stated 89.
    expect(keys(checkWorkbook(workbook).findings)).toEqual(['progress-mismatch@S!E4']);
  });

  it('a progress row of formulas is checked: one dividing the wrong cells is a progress-mismatch, the right ones agree', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getRow(1).values = [null, null, 'R4', 'R5', 'R6'];
    ws.getRow(2).values = ['数値目標(1) 連携企業数', '目標値', 360, 540, 720];
    ws.getRow(3).values = [null, '実績値', 461, 580, 707];
    ws.getCell('B4').value = '進捗度';
    ws.getCell('C4').value = { formula: 'ROUND(C3/C2*100,0)' } as ExcelJS.CellFormulaValue;
    ws.getCell('D4').value = { formula: 'ROUND(D3/D2*100,0)' } as ExcelJS.CellFormulaValue;
    ws.getCell('E4').value = { formula: 'ROUND(E3/D2*100,0)' } as ExcelJS.CellFormulaValue;
    const { model, findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(keys(findings)).toEqual(['progress-mismatch@S!E4']);
    expect(findings[0]).toMatchObject({ expected: 98, stated: 131 });
    // The values checked were worked out by Hyoka: the report says so for the sheet.
    expect(model.faults).toEqual([{ sheet: 'S', reason: 'formulas-computed', detail: '3' }]);
    expect(describeFault('formulas-computed: 3', 'en')).toEqual({ text: expect.stringContaining('Hyoka worked out their values'), checked: true });
    // The note says how many: the detail is their count.
    expect(describeFault('formulas-computed: 3', 'en').text).toMatch(/^3 formulas saved without their results \(/);
    expect(describeFault('formulas-computed: 1', 'en').text).toMatch(/^a formula saved without its result \(.*Hyoka worked out its value from the formula and checked it/);
    expect(describeFault('formulas-computed: 3', 'ja').text).toMatch(/^計算結果が保存されていない数式 3 個\(/);
  });
});

describe('random formulas of the arithmetic tables use', () => {
  // Operands: numbers, text that reads as a number, text that does not, an empty cell, literals.
  const operand = fc.oneof(
    fc.constantFrom('A1', 'B1', 'C1', 'D1', 'E1', 'A2', 'B2', '$A$1', "'他の表'!A1"),
    fc.integer({ min: -50, max: 500 }).map(String),
    fc.constantFrom('0.5', '2.675', '1E3', '"87"', '"x"', '10%'),
  );
  const formula: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
    f: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      operand,
      // No comparison of a comparison (`A1>B1>100`): Excel ranks TRUE above every number, LibreOffice takes it for 1.
      fc.tuple(tie('f'), fc.constantFrom('+', '-', '*', '/', '&', '^'), tie('f')).map(([a, op, b]) => (op === '^' ? `${a}^2` : `${a}${op}${b}`)),
      tie('f').map((a) => `(${a})`),
      tie('f').map((a) => `-${a}`),
      fc.tuple(tie('f'), fc.integer({ min: -2, max: 3 })).map(([a, d]) => `ROUND(${a},${d})`),
      fc.tuple(tie('f'), fc.integer({ min: 0, max: 2 }), fc.constantFrom('ROUNDUP', 'ROUNDDOWN')).map(([a, d, f]) => `${f}(${a},${d})`),
      fc.constantFrom('SUM(A1:E1)', 'AVERAGE(A1:B2)', 'MAX(A1:D1)', 'MIN(A2:B2)', 'COUNT(A1:E2)', 'SUMPRODUCT(A1:B1,A2:B2)'),
      fc.tuple(tie('f'), tie('f'), tie('f')).map(([a, b, c]) => `IF(${a}>100,${b},${c})`),
      fc.tuple(tie('f'), tie('f')).map(([a, b]) => `IFERROR(${a},${b})`),
      tie('f').map((a) => `ABS(${a})+INT(${a})`),
    ),
  })).f;

  it('give what LibreOffice gives, 300 at a time in one workbook', async () => {
    const formulas = fc.sample(formula, { numRuns: 300, seed: 20261207 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('値');
    ws.getRow(1).values = [115, 119, '億円', '87', null];
    ws.getRow(2).values = [33, 67];
    wb.addWorksheet('他の表').getCell('A1').value = 7;
    formulas.forEach((f, i) => (ws.getCell(i + 4, 1).value = { formula: f } as ExcelJS.CellFormulaValue));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const column = (book: Workbook) => formulas.map((_, i) => shown(book.sheets[0].rows[i + 3]?.[0]));
    const ours = column(await readXlsx(bytes));
    const theirs = column(await readXlsx(recalculateWithLibreOffice(bytes)));
    const differ = formulas.flatMap((f, i) => {
      const [a, b] = [ours[i], theirs[i]];
      const same = a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
      return same ? [] : [`${f}: ours ${String(a)}, LibreOffice ${String(b)}`];
    });
    expect(differ).toEqual([]);
    // Every one is worked out (none uses what the evaluator refuses), to numbers, text and errors alike.
    expect(ours.filter((v) => v === 'none')).toEqual([]);
    expect(ours.filter((v) => typeof v === 'number').length).toBeGreaterThan(200);
    expect(ours.filter((v) => v === '#VALUE!').length).toBeGreaterThan(10);
  }, 180_000);
});
