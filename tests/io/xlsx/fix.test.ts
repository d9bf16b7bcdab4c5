import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';
import type { Workbook } from '../../../src/engine/grid.js';
import { readXlsx } from '../../../src/io/xlsx/read.js';
import { patchXlsx } from '../../../src/io/xlsx/write.js';
import { fixtureBytes } from '../../helpers.js';
import { recalculateWithLibreOffice } from './libreoffice.js';

const PROGRESS_RULES = ['progress-mismatch', 'progress-missing', 'indicator-score-mismatch'];

async function fix(bytes: Uint8Array, formulas = false) {
  const before = await readXlsx(bytes);
  const plan = planRecalculation(checkWorkbook(before).model, { formulas });
  const patched = patchXlsx(bytes, plan.writes);
  const after = await readXlsx(patched.bytes);
  return { before, after, plan, patched };
}

/** Every cell of `a` and `b` that differs, as `Sheet!row:col`. */
function changedCells(a: Workbook, b: Workbook): string[] {
  const out: string[] = [];
  a.sheets.forEach((s, i) => {
    const t = b.sheets[i];
    const rows = Math.max(s.rows.length, t.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(s.rows[r]?.length ?? 0, t.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        if (JSON.stringify(s.rows[r]?.[c] ?? null) !== JSON.stringify(t.rows[r]?.[c] ?? null)) out.push(`${s.name}!${r}:${c}`);
      }
    }
  });
  return out;
}

describe('hyoka fix on .xlsx files', () => {
  it('leaves the planted workbook clean of progress findings and changes no other cell', async () => {
    const { before, after, plan } = await fix(fixtureBytes('planted-errors.xlsx'));
    expect(plan.writes.map((w) => [w.address, w.before.value, w.value])).toEqual([
      ['D6', '110%', '104%'],
      ['E6', null, '111%'],
      ['E26', '120%', '105%'],
    ]);
    const left = checkWorkbook(after).findings.filter((f) => PROGRESS_RULES.includes(f.rule));
    expect(left).toEqual([]);
    expect(changedCells(before, after).sort()).toEqual(plan.writes.map((w) => `${w.sheet}!${w.row}:${w.col}`).sort());
  });

  it('keeps the convention of numeric 0% cells: a wrong ratio becomes the right ratio with its format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow([null, null, 'R1', 'R2']);
    ws.addRow(['数値目標(1)', '目標値', 87, 200]);
    ws.addRow([null, '実績値', 120, 136]);
    ws.addRow([null, '進捗度', 1.28, null]);
    ws.getCell('C4').numFmt = '0%';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { after, plan } = await fix(bytes);
    expect(plan.writes.map((w) => [w.address, w.value])).toEqual([
      ['C4', 1.38],
      ['D4', 0.68],
    ]);
    expect(after.sheets[0].rows[3][2]).toEqual({ value: 1.38, numFmt: '0%' });
    expect(after.sheets[0].rows[3][3]).toEqual({ value: 0.68, numFmt: '0%' });
    expect(checkWorkbook(after).findings).toEqual([]);
  });

  it('writes a ratio into a blank progress cell formatted 0%, with no number beside it or a plain one (138 there would show as 13800%)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow([null, null, 'R1', 'R2', 'R3']);
    ws.addRow(['数値目標(1)', '目標値', 87, 200, 100]);
    ws.addRow([null, '実績値', 120, null, null]);
    ws.addRow([null, '進捗度', null, null, null]);
    ws.addRow(['数値目標(2)', '目標値', 87, 200, 100]);
    ws.addRow([null, '実績値', 120, 136, null]);
    ws.addRow([null, '進捗度', 138, null, null]);
    // The first year's progress blank in a row formatted 0% (the years to come too); in the second table a plain 138
    // beside a blank formatted 0%.
    for (const a of ['C4', 'D4', 'E4', 'D7']) ws.getCell(a).numFmt = '0%';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    for (const formulas of [false, true]) {
      const { after, plan } = await fix(bytes, formulas);
      expect(plan.writes.map((w) => [w.address, w.value, w.formula])).toEqual([
        ['C4', 1.38, formulas ? 'ROUND(C3/C2,2)' : undefined],
        ['D7', 0.68, formulas ? 'ROUND(D6/D5,2)' : undefined],
      ]);
      expect(after.sheets[0].rows[3][2]).toMatchObject({ value: 1.38, numFmt: '0%' });
      expect(after.sheets[0].rows[6][3]).toMatchObject({ value: 0.68, numFmt: '0%' });
      expect(checkWorkbook(after).findings).toEqual([]);
    }
  });

  it('writes the computed progress into a progress cell showing an error value (`#REF!`, `#N/A`), never over a `#DIV/0!` of a target of 0', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.addRow([null, null, '平成29年度', '平成30年度', '令和元年度']);
    ws.addRow(['数値目標(1) 投資額', '目標値', 115, 0, 87]);
    ws.addRow([null, '実績値', 119, 141, 120]);
    ws.addRow([null, '進捗度']);
    // 平成29年度's formula lost its actual's cell (a row deleted), 令和元年度's looks its figures up in a table since gone.
    ws.getCell('C4').value = { formula: 'ROUND(#REF!/C2*100,0)', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('D4').value = { formula: 'ROUND(D3/D2*100,0)', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('E4').value = { formula: 'VLOOKUP("R1",H1:I2,2,FALSE)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { after, plan } = await fix(bytes);
    expect(plan.writes.map((w) => [w.address, w.before.value, w.before.formula, w.value])).toEqual([
      ['C4', '#REF!', 'ROUND(#REF!/C2*100,0)', 103],
      ['E4', '#N/A', 'VLOOKUP("R1",H1:I2,2,FALSE)', 138],
    ]);
    expect(checkWorkbook(after).findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['zero-target D4']);
    const live = await fix(bytes, true);
    expect(live.plan.writes.map((w) => [w.address, w.formula])).toEqual([
      ['C4', 'ROUND(C3*100/C2,0)'],
      ['E4', 'ROUND(E3*100/E2,0)'],
    ]);
  });

  it('never writes into a hidden row or column: the old 進捗度 row and the old year hidden keep their figures', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow([null, null, 'R3', 'R4', 'R5']);
    ws.addRow(['数値目標(1)', '目標値', 100, 360, 540]);
    ws.addRow([null, '実績値', 50, 461, 580]);
    ws.addRow([null, '進捗度', '1%', '50%', null]);
    ws.addRow([null, '進捗度', null, '128%', '99%']);
    ws.getRow(4).hidden = true;
    ws.getColumn(3).hidden = true;
    const { before, after, plan } = await fix(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(plan.writes.map((w) => [w.address, w.value])).toEqual([['E5', '107%']]);
    expect(changedCells(before, after)).toEqual(['S!4:4']);
  });

  it('fixes a table under an active filter, which it checks, and still writes nothing into a collapsed group', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['区分', '項目', 'R4', 'R5', 'R6']);
    ws.addRow(['数値目標(1) 連携企業数', '目標値', 360, 540, 720]);
    ws.addRow([null, '実績値', 461, 580, 707]);
    ws.addRow([null, '進捗度', '128%', '107%', '99%']);
    ws.addRow(['数値目標(2) 連携件数', '目標値', 100, 100, 100]);
    ws.addRow([null, '実績値', 50, 50, 50]);
    ws.addRow([null, '進捗度', '1%', '50%', null]);
    ws.autoFilter = 'A1:E4';
    ws.getRow(2).hidden = true;
    ws.getRow(3).hidden = true;
    for (const r of [5, 6, 7]) {
      ws.getRow(r).outlineLevel = 1;
      ws.getRow(r).hidden = true;
    }
    const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const part = 'xl/worksheets/sheet1.xml';
    files[part] = strToU8(strFromU8(files[part]).replace('<autoFilter ref="A1:E4"/>', '<autoFilter ref="A1:E4"><filterColumn colId="1"><filters><filter val="進捗度"/></filters></filterColumn></autoFilter>'));
    const { before, after, plan } = await fix(zipSync(files));
    expect(plan.writes.map((w) => [w.address, w.value])).toEqual([['E4', '98%']]);
    expect(changedCells(before, after)).toEqual(['S!3:4']);
  });

  it('reads a summary line standing in a summary table\'s columns as a line, not a row: no blank cell beside it is filled', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.addRow([null, null, 'R3', 'R4']);
    ws.addRow(['数値目標(1) 件数', '目標値', '200件', '200件']);
    ws.addRow([null, '実績値', '208件', '124件']);
    ws.addRow([null, '進捗度', '104%', '62%']);
    ws.addRow(['数値目標(2) 社数', '目標値', '200社', '200社']);
    ws.addRow([null, '実績値', '208社', '124社']);
    ws.addRow([null, '進捗度', '104%', '104%']);
    const s = wb.addWorksheet('本文');
    s.addRow(['評価対象年度：令和4年度']);
    s.addRow(['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度']);
    s.addRow(['評価指標(1)', '数値目標(1)', '200件', '124件', '62%']);
    s.addRow(['評価指標(2)', '数値目標(2)', '200社', '124社', '104%']);
    s.addRow(['評価指標(2)：… 【当該年度目標値 200社、当該年度実績値 124社、進捗度 104%】']);
    const { before, plan } = await fix(new Uint8Array(await wb.xlsx.writeBuffer()));
    const table = checkWorkbook(before).model.tables.find((t) => t.sheet === '本文' && t.range.top === 1);
    expect(table?.range.bottom).toBe(3);
    // The table's wrong 進捗度 and the two restating it (its row and the line); never E5, blank beside the line.
    expect(plan.writes.map((w) => `${w.sheet}!${w.address}`).sort()).toEqual(['別紙1!D7', '本文!A5', '本文!E4']);
  });

  it('is idempotent: fixing a fixed workbook plans nothing', async () => {
    const { patched } = await fix(fixtureBytes('planted-errors.xlsx'));
    const again = planRecalculation(checkWorkbook(await readXlsx(patched.bytes)).model);
    expect(again.writes).toEqual([]);
  });

  it('writes live formulas that a real spreadsheet engine computes to the same values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('進捗');
    ws.addRow([null, null, '平成29年度', '平成30年度', '令和元年度']);
    ws.addRow(['数値目標(3) 国際共同治験件数', '目標値', 48, 53, 58]);
    ws.addRow([null, '実績値', 105, 56, 100]);
    ws.addRow(['寄与度(※):', '進捗度(%)', 200, null, 172]);
    ws.addRow([]);
    ws.addRow([null, null, 'R1', 'R2']);
    ws.addRow(['数値目標(4) 件数', '目標値', 87, 200]);
    ws.addRow([null, '実績値', 120, '136件']);
    ws.addRow([null, '進捗度', 1.28, null]);
    ws.getCell('C9').numFmt = '0%';
    ws.getCell('D9').numFmt = '0%';
    const { patched, plan } = await fix(new Uint8Array(await wb.xlsx.writeBuffer()), true);
    expect(plan.writes.map((w) => [w.address, w.formula ?? null, w.value])).toEqual([
      ['C4', 'ROUND(C3*100/C2,0)', 219],
      ['D4', 'ROUND(D3*100/D2,0)', 106],
      ['C9', 'ROUND(C8/C7,2)', 1.38],
      ['D9', null, 0.68],
    ]);
    expect(plan.valuesInsteadOfFormulas).toEqual(['進捗!D9']);
    const recalculated = await readXlsx(recalculateWithLibreOffice(patched.bytes));
    const rows = recalculated.sheets[0].rows;
    expect([rows[3][2]?.value, rows[3][3]?.value, rows[8][2]?.value]).toEqual([219, 106, 1.38]);
    expect(rows[3][2]?.formula).toBe('ROUND(C3*100/C2,0)');
    expect(checkWorkbook(recalculated).findings.filter((f) => PROGRESS_RULES.includes(f.rule))).toEqual([]);
  });

  it('writes progress formulas a binary engine gives the half-up percent of whole targets and actuals: 8,290 ÷ 2,000 is 415, not 414', async () => {
    // 8290/2000 is 4.1449999… in binary, and × 100 is 414.4999…: LibreOffice, which does not round to 15 digits as Excel
    // does, showed 414 for =ROUND(C3/C2*100,0) and the recheck called it wrong. 8290*100 and its quotient are exact.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('進捗');
    ws.addRow([null, null, 'R1', 'R2', 'R3', 'R4']);
    ws.addRow(['数値目標(1) 件数', '目標値', 2000, 600, 200, 40]);
    ws.addRow([null, '実績値', 8290, 609, 57, 189]);
    ws.addRow([null, '進捗度(%)', 400, 100, 28, 470]);
    const { patched, plan } = await fix(new Uint8Array(await wb.xlsx.writeBuffer()), true);
    expect(plan.writes.map((w) => [w.address, w.formula, w.value])).toEqual([
      ['C4', 'ROUND(C3*100/C2,0)', 415],
      ['D4', 'ROUND(D3*100/D2,0)', 102],
      ['E4', 'ROUND(E3*100/E2,0)', 29],
      ['F4', 'ROUND(F3*100/F2,0)', 473],
    ]);
    const recalculated = await readXlsx(recalculateWithLibreOffice(patched.bytes));
    expect(recalculated.sheets[0].rows[3].slice(2, 6).map((c) => c?.value)).toEqual([415, 102, 29, 473]);
    expect(checkWorkbook(recalculated).findings.filter((f) => PROGRESS_RULES.includes(f.rule))).toEqual([]);
  });

  it('never modifies the input bytes', async () => {
    const bytes = fixtureBytes('planted-errors.xlsx');
    const copy = bytes.slice();
    await fix(bytes);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(copy))).toBe(0);
  });
});
