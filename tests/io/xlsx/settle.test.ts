import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';
import { settleFormulas } from '../../../src/io/xlsx/settle.js';
import { readXlsx } from '../../../src/io/xlsx/read.js';
import { patchXlsx, withFullCalcOnLoad } from '../../../src/io/xlsx/write.js';
import { recalculateWithLibreOffice } from './libreoffice.js';

type Formula = { formula: string; result: number | string };

/**
 * A progress table whose 進捗度 row is wrong in 平成29年度 and 令和元年度 (0% cells), an indicator's progress worked out by a
 * formula over that row, and a summary table on another sheet whose progress cells refer to the table: each formula
 * saved with the result it had before the fix, as Excel saves them.
 */
async function workbook(summary: { e3: Formula; e4?: Formula }, extra?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('別紙1');
  const rows: unknown[][] = [
    ['評価指標(1) 投資額', null, '平成29年度', '平成30年度', '令和元年度'],
    ['数値目標(1)-① 投資額', '目標値', 115, 81, 87],
    [null, '実績値', 119, 141, 120],
    ['寄与度(※):50%', '進捗度', 1.04, 1.74, 1.3],
    ['数値目標(1)-② 企業数', '目標値', 100, 100, 100],
    [null, '実績値', 90, 110, 120],
    ['寄与度(※):50%', '進捗度', 0.9, 1.1, 1.2],
  ];
  rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
  for (const c of ['C4', 'D4', 'E4', 'C7', 'D7', 'E7']) ws.getCell(c).numFmt = '0%';
  ws.getCell('A9').value = '評価指標(1)の平均';
  ws.getCell('E9').value = { formula: 'ROUND((E4+E7)/2,2)', result: 1.25 };
  ws.getCell('E9').numFmt = '0%';
  ws.getCell('F9').value = { formula: 'IF(E9>=1.28,"達成","未達")', result: '未達' };
  extra?.(ws);
  const s = wb.addWorksheet('本文');
  s.getRow(1).values = ['評価対象年度：令和元年度'];
  s.getRow(2).values = ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度'];
  s.getRow(3).values = ['評価指標(1)', '数値目標(1)-①', '87億円', '120億円'];
  s.getRow(4).values = ['評価指標(1)', '数値目標(1)-②', '100', '120'];
  s.getCell('E3').value = summary.e3;
  s.getCell('E4').value = summary.e4 ?? { formula: "'別紙1'!E7", result: 1.2 };
  s.getCell('E3').numFmt = '0%';
  s.getCell('E4').numFmt = '0%';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function fix(bytes: Uint8Array) {
  const before = await readXlsx(bytes);
  const plan = settleFormulas(before, planRecalculation(checkWorkbook(before).model));
  const patched = patchXlsx(bytes, plan.writes, plan);
  return { plan, bytes: patched.bytes, after: await readXlsx(patched.bytes) };
}

function part(bytes: Uint8Array, path: string): string {
  return strFromU8(unzipSync(bytes)[path]);
}

/** Each formula cell of a sheet with the result saved for it: `E9 ROUND((E4+E7)/2,2) = 1.29`. */
async function savedFormulas(bytes: Uint8Array, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as { formula?: string; result?: unknown } | null;
      if (v && typeof v === 'object' && 'formula' in v && v.formula) out.push(`${cell.address} ${v.formula} = ${String(v.result)}`);
    }),
  );
  return out;
}

describe('formulas referring to the cells a fix rewrites', () => {
  it('keeps a summary formula that gives the right value once its input is rewritten, and saves its new result', async () => {
    const { plan, bytes, after } = await fix(await workbook({ e3: { formula: "'別紙1'!E4", result: 1.3 } }));
    expect(plan.writes.map((w) => `${w.sheet}!${w.address} ${w.value}`)).toEqual(['別紙1!C4 1.03', '別紙1!E4 1.38']);
    expect(plan.keptFormulas.map((k) => `${k.sheet}!${k.address} =${k.before.formula} ${String(k.result)}`)).toEqual(["本文!E3 ='別紙1'!E4 1.38"]);
    expect(await savedFormulas(bytes, '本文')).toEqual(["E3 '別紙1'!E4 = 1.38", "E4 '別紙1'!E7 = 1.2"]);
    // The indicator's average and the text depending on it: new results saved, formulas as they were.
    expect(await savedFormulas(bytes, '別紙1')).toEqual(['E9 ROUND((E4+E7)/2,2) = 1.29', 'F9 IF(E9>=1.28,"達成","未達") = 達成']);
    expect(plan.refreshed.map((f) => `${f.sheet}!${f.address}`)).toEqual(['別紙1!E9', '別紙1!F9', '本文!E3']);
    // Every formula was worked out here: Excel need not recalculate on opening.
    expect(plan.recalcOnOpen).toBe(false);
    expect(part(bytes, 'xl/workbook.xml')).not.toContain('fullCalcOnLoad');
    // Checked again, nothing is left to fix: the same fix a second time writes nothing.
    expect(checkWorkbook(after).findings.filter((f) => f.rule !== 'cumulative-total-mismatch').map((f) => f.rule)).toEqual([]);
    expect(settleFormulas(after, planRecalculation(checkWorkbook(after).model)).writes).toEqual([]);
  });

  it('saves the results a real spreadsheet engine works out from the fixed cells', async () => {
    const { bytes } = await fix(await workbook({ e3: { formula: "'別紙1'!E4", result: 1.3 } }));
    const recalculated = recalculateWithLibreOffice(bytes);
    // LibreOffice writes the formulas in its own way (`別紙1!E4`): their results are compared.
    const results = async (b: Uint8Array, sheet: string) => (await savedFormulas(b, sheet)).map((line) => `${line.split(' ')[0]} ${line.split(' = ')[1]}`);
    for (const sheet of ['別紙1', '本文']) expect(await results(recalculated, sheet)).toEqual(await results(bytes, sheet));
    expect(await results(bytes, '別紙1')).toEqual(['E9 1.29', 'F9 達成']);
  });

  it('keeps a summary formula referring to a progress formula that is itself wrong: the progress is rewritten, the summary then right', async () => {
    // 令和元年度's progress worked out rounding up (120 ÷ 87 = 1.379 → 1.4, shown 140%), restated by the summary's formula.
    const { plan, bytes, after } = await fix(
      await workbook({ e3: { formula: "'別紙1'!E4", result: 1.4 } }, (ws) => {
        ws.getCell('E4').value = { formula: 'ROUNDUP(E3/E2,1)', result: 1.4 };
      }),
    );
    expect(plan.writes.map((w) => `${w.sheet}!${w.address} ${w.value} ${w.before.formula ?? ''}`)).toEqual(['別紙1!C4 1.03 ', '別紙1!E4 1.38 ROUNDUP(E3/E2,1)']);
    expect(plan.keptFormulas.map((k) => `${k.sheet}!${k.address} =${k.before.formula} ${String(k.result)}`)).toEqual(["本文!E3 ='別紙1'!E4 1.38"]);
    expect(await savedFormulas(bytes, '本文')).toEqual(["E3 '別紙1'!E4 = 1.38", "E4 '別紙1'!E7 = 1.2"]);
    expect(checkWorkbook(after).findings.filter((f) => f.rule !== 'cumulative-total-mismatch').map((f) => f.rule)).toEqual([]);
  });

  it('reads the trial grid’s year headers worked out by formulas (`=C1+1` in `"令和"0"年度"`) as years, so that a wrong progress formula is still replaced', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.getCell('C1').value = 1;
    ws.getCell('D1').value = { formula: 'C1+1', result: 2 };
    ws.getCell('E1').value = { formula: 'D1+1', result: 3 };
    for (const a of ['C1', 'D1', 'E1']) ws.getCell(a).numFmt = '"令和"0"年度"';
    ws.getRow(2).values = ['数値目標(1) 連携企業数', '目標値', 360, 540, 720];
    ws.getRow(3).values = [null, '実績値', 461, 580, 707];
    ws.getRow(4).values = [null, '進捗度', 128, 107];
    // 令和3年度: 707 ÷ 720 = 98 %, worked out with 10 too many.
    ws.getCell('E4').value = { formula: 'ROUND(E3/E2*100,0)+10', result: 108 };
    const { plan } = await fix(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(plan.writes.map((w) => `${w.sheet}!${w.address} ${w.value} ${w.before.formula}`)).toEqual(['別紙1!E4 98 ROUND(E3/E2*100,0)+10']);
    expect(plan.keptFormulas).toEqual([]);
  });

  it('with live formulas asked, keeps a progress formula that is the one it would write, its saved result stale, and saves its result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.getRow(1).values = [null, null, '令和元年度'];
    ws.getRow(2).values = ['数値目標(1)-① 投資額', '目標値', 87];
    ws.getRow(3).values = [null, '実績値', 120];
    ws.getCell('B4').value = '進捗度';
    // Saved before 実績値 was corrected: the formula is right, its result stale (an array formula of one cell, as Excel 365 saves many).
    ws.getCell('C4').value = { formula: 'ROUND(C3/C2*100,0)', result: 148, shareType: 'array', ref: 'C4' } as ExcelJS.CellFormulaValue;
    const before = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const plan = settleFormulas(before, planRecalculation(checkWorkbook(before).model, { formulas: true }), { formulas: true });
    expect(plan.writes).toEqual([]);
    expect(plan.keptFormulas.map((k) => `${k.address} =${k.before.formula} ${String(k.result)}`)).toEqual(['C4 =ROUND(C3/C2*100,0) 138']);
    expect(plan.refreshed.map((f) => `${f.address} ${String(f.value)}`)).toEqual(['C4 138']);
  });

  it('with live formulas asked, a summary of an indicator’s progress kept as its formula (`=別紙1!E9`) is not listed among the values written', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbook({ e3: { formula: "'別紙1'!E4", result: 1.3 } })) as unknown as ArrayBuffer);
    const s = wb.getWorksheet('本文')!;
    s.getRow(6).values = ['評価指標', '進捗度'];
    s.getCell('A7').value = '評価指標(1)';
    s.getCell('B7').value = { formula: "'別紙1'!E9", result: 1.25 };
    s.getCell('B7').numFmt = '0%';
    const before = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const plan = settleFormulas(before, planRecalculation(checkWorkbook(before).model, { formulas: true }), { formulas: true });
    expect(plan.keptFormulas.map((k) => `${k.sheet}!${k.address}`).sort()).toEqual(['本文!B7', '本文!E3']);
    // Before, 本文!B7 was named among the cells given values instead of formulas, though its formula stays.
    expect(plan.valuesInsteadOfFormulas).toEqual([]);
  });

  it('replaces a formula that stays wrong with the other writes made, and says it replaced one', async () => {
    const { plan, bytes } = await fix(await workbook({ e3: { formula: "'別紙1'!D4", result: 1.74 } }));
    const e3 = plan.writes.find((w) => w.sheet === '本文')!;
    expect([e3.address, e3.value, e3.before.formula]).toEqual(['E3', 1.38, "'別紙1'!D4"]);
    expect(plan.keptFormulas).toEqual([]);
    expect(await savedFormulas(bytes, '本文')).toEqual(["E4 '別紙1'!E7 = 1.2"]);
  });

  it('with live formulas asked, names a summary’s progress given a value (its formula pointing at another year replaced), as the cells given values instead of formulas', async () => {
    const before = await readXlsx(await workbook({ e3: { formula: "'別紙1'!D4", result: 1.74 } }));
    const plan = settleFormulas(before, planRecalculation(checkWorkbook(before).model, { formulas: true }), { formulas: true });
    expect(plan.writes.map((w) => `${w.sheet}!${w.address} ${w.formula ?? w.value}`)).toEqual(['別紙1!C4 ROUND(C3/C2,2)', '別紙1!E4 ROUND(E3/E2,2)', '本文!E3 1.38']);
    expect(plan.valuesInsteadOfFormulas).toEqual(['本文!E3']);
  });

  it('keeps a summary line a formula builds from the table (`="【…進捗度 "&\'別紙1\'!E4&"%…】"`), its progress rewritten, and records the formula of one it replaces', async () => {
    const line = (target: 'plain' | 'TEXT') => `"【当該年度目標値 "&${target === 'plain' ? "'別紙1'!E2" : "TEXT('別紙1'!E2,\"#,##0\")"}&"億円、当該年度実績値 120億円、進捗度 "&'別紙1'!E4&"%、寄与度 50%】"`;
    const build = async (formula: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('別紙1');
      [[null, null, '平成29年度', '平成30年度', '令和元年度'], ['数値目標(1) 投資額', '目標値', 115, 81, 87], [null, '実績値', 119, 141, 120], [null, '進捗度', 103, 174, 140]].forEach((r, i) => (ws.getRow(i + 1).values = r));
      const s = wb.addWorksheet('本文');
      s.getCell('A1').value = '令和元年度 評価指標の進捗';
      s.getCell('A3').value = '数値目標(1) 投資額';
      s.getCell('A4').value = { formula, result: '【当該年度目標値 87億円、当該年度実績値 120億円、進捗度 140%、寄与度 50%】' };
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const { plan, bytes, after } = await fix(await build(line('plain')));
    expect(plan.writes.map((w) => `${w.sheet}!${w.address} ${w.value}`)).toEqual(['別紙1!E4 138']);
    expect(plan.keptFormulas.map((k) => `${k.sheet}!${k.address} ${String(k.result)}`)).toEqual(['本文!A4 【当該年度目標値 87億円、当該年度実績値 120億円、進捗度 138%、寄与度 50%】']);
    expect(await savedFormulas(bytes, '本文')).toEqual([`A4 ${line('plain')} = 【当該年度目標値 87億円、当該年度実績値 120億円、進捗度 138%、寄与度 50%】`]);
    expect(checkWorkbook(after).findings.map((f) => f.rule)).toEqual([]);
    // Its target shown with TEXT(…,"#,##0"), as lines print amounts: kept too.
    expect((await fix(await build(line('TEXT')))).plan.keptFormulas.map((k) => `${k.sheet}!${k.address}`)).toEqual(['本文!A4']);
    // A line built with what the evaluator cannot work out (a function it does not know) is rewritten as text: the write
    // records the formula it replaces, for undo and the list of changes.
    const unknown = line('plain').replace("'別紙1'!E2", "VLOOKUP(1,'別紙1'!E2,1)");
    const replaced = (await fix(await build(unknown))).plan.writes.find((w) => w.sheet === '本文')!;
    expect([replaced.address, replaced.before.formula]).toEqual(['A4', unknown]);
  });

  it('asks Excel to recalculate on opening when a formula it cannot work out may depend on the writes', async () => {
    const { plan, bytes } = await fix(
      await workbook({ e3: { formula: "'別紙1'!E4", result: 1.3 } }, (ws) => {
        ws.getCell('G9').value = { formula: 'FIXED(E9*100,0)&"%"', result: '125%' };
      }),
    );
    expect(plan.recalcOnOpen).toBe(true);
    expect(part(bytes, 'xl/workbook.xml')).toMatch(/<calcPr\b[^>]*\bfullCalcOnLoad="1"/);
    // What it can work out it still saves; the formula it cannot keeps the result it had until Excel recalculates.
    expect(plan.refreshed.map((f) => f.address)).toEqual(['E9', 'F9', 'E3']);
    expect(await savedFormulas(bytes, '別紙1')).toContain('G9 FIXED(E9*100,0)&"%" = 125%');
  });

  it('changes nothing in a workbook without formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    [[null, null, 'R1'], ['数値目標(1)', '目標値', 87], [null, '実績値', 120], [null, '進捗度', '130%']].forEach((r, i) => (ws.getRow(i + 1).values = r));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { plan, bytes: out } = await fix(bytes);
    expect(plan.writes.map((w) => w.value)).toEqual(['138%']);
    expect([plan.keptFormulas, plan.refreshed, plan.recalcOnOpen]).toEqual([[], [], false]);
    expect(part(out, 'xl/workbook.xml')).toEqual(part(bytes, 'xl/workbook.xml'));
  });
});

describe('withFullCalcOnLoad', () => {
  it('sets the flag on the calcPr there is, or adds one where the schema puts it', () => {
    expect(withFullCalcOnLoad('<workbook><sheets/><calcPr calcId="171027"/></workbook>')).toBe('<workbook><sheets/><calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>');
    expect(withFullCalcOnLoad('<workbook><calcPr fullCalcOnLoad="0" calcId="1"></calcPr></workbook>')).toBe('<workbook><calcPr fullCalcOnLoad="1" calcId="1"></calcPr></workbook>');
    expect(withFullCalcOnLoad('<workbook><sheets/><definedNames/><extLst/></workbook>')).toBe('<workbook><sheets/><definedNames/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>');
    expect(withFullCalcOnLoad('<x:workbook xmlns:x="s"><x:sheets/></x:workbook>')).toBe('<x:workbook xmlns:x="s"><x:sheets/><x:calcPr fullCalcOnLoad="1"/></x:workbook>');
  });
});
