/**
 * Layouts found by building real workbooks, read back through the .xlsx reader (merged cells, formulas
 * with their saved results, number formats) and fixed with patchXlsx: what the engine tests check on
 * grids, checked here on files.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';
import { readXlsx } from '../../../src/io/xlsx/read.js';
import { patchXlsx } from '../../../src/io/xlsx/write.js';

/** Writes rows of values into a worksheet from A1 (null: no cell). */
const put = (ws: ExcelJS.Worksheet, rows: ExcelJS.CellValue[][]) => rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v)));

/** Applies a plan to the file with patchXlsx and reads it back: nothing is left to fix. */
async function expectSettled(bytes: Uint8Array, writes: ReturnType<typeof planRecalculation>['writes']) {
  const patched = patchXlsx(bytes, writes);
  expect(patched.skipped).toEqual([]);
  const again = checkWorkbook(await readXlsx(patched.bytes));
  expect(planRecalculation(again.model).writes).toEqual([]);
  return again;
}

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  // 進捗度 / 目標値 / 実績値, each block's id merged down its three rows.
  const top = wb.addWorksheet('上に進捗度');
  put(top, [
    [null, null, 'R4', 'R5', 'R6'],
    ['数値目標(1) 連携企業数', '進捗度', '110%', '96%', '110%'],
    [null, '目標値', 100, 200, 300],
    [null, '実績値', 110, 190, 330],
    ['数値目標(2) 起業数', '進捗度', '120%', '100%', '95%'],
    [null, '目標値', 10, 20, 30],
    [null, '実績値', 12, 20, 27],
  ]);
  top.mergeCells('A2:A4');
  top.mergeCells('A5:A7');

  // Ids and goals in columns of their own; the id merged down its block.
  const cols = wb.addWorksheet('番号と目標の列');
  put(cols, [
    ['数値目標', '目標(R6)', '区分', 'R4', 'R5', 'R6'],
    ['(1) 連携企業数', '350社', '目標値', 100, 200, 300],
    [null, null, '実績値', 110, 190, 330],
    [null, null, '進捗度', '110%', '95%', '110%'],
  ]);
  cols.mergeCells('A2:A4');
  cols.mergeCells('B2:B4');

  // A budget table on its side, kept in 円 and shown in 千円.
  const budget = wb.addWorksheet('予算');
  put(budget, [
    ['財政支援措置の状況'],
    ['年度', '国予算(a)', '自治体予算(b)', '総事業費(a+b)'],
    ['R3', 100000, 50000, 150000],
    ['R4', 200000, 50000, 260000],
    ['累計', 300000, 100000, 410000],
  ]);
  for (let r = 3; r <= 5; r++) for (let c = 2; c <= 4; c++) budget.getCell(r, c).numFmt = '#,##0,"千円"';

  // Progress by formula, left blank by =IF(…,"",…) where the actual is not in yet.
  const formulas = wb.addWorksheet('数式');
  put(formulas, [
    [null, null, 'R4', 'R5', 'R6'],
    ['数値目標(1) 連携企業数', '目標値', 100, 200, 300],
    [null, '実績値', 110, 190, null],
    [null, '進捗度', null, null, null],
  ]);
  formulas.getCell('C4').value = { formula: 'IF(C3="","",ROUND(C3/C2*100,0))', result: 110 };
  formulas.getCell('D4').value = { formula: 'IF(D3="","",ROUND(D3/D2*100,0))', result: 95 };
  formulas.getCell('E4').value = { formula: 'IF(E3="","",ROUND(E3/E2*100,0))', result: '' };

  // Japanese Excel's General with a unit (`G/標準"社"`), and English Excel's (`General"社"`); years
  // without their era under 令和; the weight in a row of its own.
  const formats = wb.addWorksheet('書式');
  put(formats, [
    [null, null, '令和', null, null],
    [null, null, '4年度', '5年度', '6年度'],
    ['数値目標(1) 連携企業数', '目標値', 100, 200, 300],
    [null, '実績値', 110, 190, 330],
    [null, '進捗度', '110%', '95%', '111%'],
    [null, '寄与度', '100%', '100%', '100%'],
  ]);
  formats.mergeCells('C1:E1');
  for (let c = 3; c <= 5; c++) {
    formats.getCell(3, c).numFmt = 'G/標準"社"';
    formats.getCell(4, c).numFmt = 'General"社"';
  }

  // Targets numbered within their indicator (another indicator than the other sheets' 1), their weights in
  // a table of their own, and the indicator's progress year by year in another.
  const indicator = wb.addWorksheet('指標');
  put(indicator, [
    [null, null, 'R4', 'R5'],
    ['評価指標(5)　産業集積'],
    ['数値目標①　雇用者数', '目標値', '100人', '100人'],
    [null, '実績値', '110人', '130人'],
    [null, '進捗度', '110%', '130%'],
    ['数値目標②　件数', '目標値', '10件', '10件'],
    [null, '実績値', '12件', '10件'],
    [null, '進捗度', '120%', '100%'],
    [],
    ['数値目標', '寄与度'],
    ['(5)-①', '70%'],
    ['(5)-②', '30%'],
    [],
    ['評価指標', 'R4', 'R5'],
    ['(5)', '113%', '122%'],
  ]);

  // Each year and each of its figures merged over two columns (the reader repeats them in the second).
  const pairs = wb.addWorksheet('二列結合');
  put(pairs, [
    [null, null, null, 'H29', null, 'H30', null, 'R1', null],
    ['数値目標(6) 投資額 283億円（累計）', null, '目標値', '115億円', null, '81億円', null, '87億円', null],
    [null, null, '実績値', '119億円', null, '141億円', null, '120億円', null],
    ['寄与度(※):100%', null, '進捗度(%)', '104%', null, '174%', null, '140%', null],
  ]);
  for (let r = 1; r <= 4; r++) for (const c of ['D', 'F', 'H']) pairs.mergeCells(`${c}${r}:${String.fromCharCode(c.charCodeAt(0) + 1)}${r}`);
  pairs.mergeCells('A2:B3');
  pairs.mergeCells('A4:B4');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('layouts in a real .xlsx', () => {
  it('are found and checked through the reader, and the fix settles them in one pass', async () => {
    const bytes = await workbook();
    const { model, findings } = checkWorkbook(await readXlsx(bytes));
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      // 190 ÷ 200 = 95 %, 27 ÷ 30 = 90 %.
      ['progress-mismatch', '上に進捗度!D2', 95, 96],
      ['progress-mismatch', '上に進捗度!E5', 90, 95],
      // The last target, 300, short of the 350 the goal column states for R6.
      ['stock-goal-mismatch', '番号と目標の列!B2', 300, 350],
      // In the 千円 shown: R4 200 + 50 = 250, not 260; the 累計 410 is 10 more than 300 + 100.
      ['sum-mismatch', '予算!D4', 250, 260],
      ['sum-mismatch', '予算!D5', 400, 410],
      // 330 社 ÷ 300 社 = 110 %.
      ['progress-mismatch', '書式!E5', 110, 111],
      // R5: 130 × 0.7 + 100 × 0.3 = 121.
      ['indicator-score-mismatch', '指標!C15', 121, 122],
      // 120 ÷ 87 = 138 %, once, in the merged area's first cell; 115 + 81 + 87 = 283, each year counted once.
      ['progress-mismatch', '二列結合!H4', 138, 140],
    ]);
    const f = model.tables.find((x) => x.sheet === '書式');
    expect(f?.kind === 'progress' && f.targets.map((x) => [x.columns.map((c) => c.year), x.target.map((c) => c.parsed.kind === 'number' && c.parsed.unit), x.weight?.value?.value.toNumber()])).toEqual([
      [[2022, 2023, 2024], ['社', '社', '社'], 100],
    ]);
    const t = model.tables.find((x) => x.sheet === '番号と目標の列');
    expect(t?.kind === 'progress' && t.targets.map((x) => x.id.display)).toEqual(['1']);

    const plan = planRecalculation(model);
    expect(plan.writes.map((w) => [`${w.sheet}!${w.address}`, w.value])).toEqual([
      ['上に進捗度!D2', '95%'],
      ['上に進捗度!E5', '90%'],
      ['書式!E5', '110%'],
      ['二列結合!H4', '138%'],
      ['指標!C15', '121%'],
    ]);
    const again = await expectSettled(bytes, plan.writes);
    expect(again.findings.filter((f) => f.rule.startsWith('progress-'))).toEqual([]);
  });
});

/** Forms of indicators' progress, and tables of one matrix per figure, as files with merged cells. */
async function indicatorWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();

  // The three figures side by side under one row of years, each merged over its years; ratios in 0% cells.
  const wide = wb.addWorksheet('一覧');
  put(wide, [
    [null, '目標値', null, null, '実績値', null, null, '進捗度', null, null],
    ['数値目標', 'R3', 'R4', 'R5', 'R3', 'R4', 'R5', 'R3', 'R4', 'R5'],
    ['(1) 投資額 300億円(累計)', 100, 100, 100, 110, 90, 130, 1.1, 0.9, 1.35],
    ['(2) 連携企業数 900社(R5)', 500, 700, 900, 520, 690, 880, 1.04, 0.99, 0.98],
  ]);
  for (const range of ['B1:D1', 'E1:G1', 'H1:J1']) wide.mergeCells(range);
  for (let r = 3; r <= 4; r++) for (let c = 8; c <= 10; c++) wide.getCell(r, c).numFmt = '0%';

  // An indicator's progress over its targets, beside its name (merged down the row above the blocks).
  const top = wb.addWorksheet('指標の行');
  put(top, [
    [null, null, 'R4', 'R5'],
    ['評価指標(3) 産業集積', '進捗度', '115%', '110%'],
    ['数値目標(3)-① 雇用者数', '目標値', 100, 100],
    ['寄与度(※):50%', '実績値', 110, 130],
    [null, '進捗度', '110%', '130%'],
    ['数値目標(3)-② 件数', '目標値', 10, 10],
    ['寄与度(※):50%', '実績値', 12, 8],
    [null, '進捗度', '120%', '80%'],
    [],
    ['令和5年度 評価指標の進捗'],
    ['評価指標', '数値目標', '目標値', '実績値', '進捗度', '寄与度', '評価指標の進捗度'],
    ['(3) 産業集積', '①雇用者数', 100, 130, '130%', '50%', '108%'],
    [null, '②件数', 10, 8, '80%', '50%', null],
  ]);
  top.mergeCells('A12:A13');
  top.mergeCells('G12:G13');

  // The 本文 alone for an indicator no table holds: (138 + 68) × 33 ÷ 66 = 103, not 105.
  const body = wb.addWorksheet('本文');
  put(body, [
    ['評価対象年度：令和元年度'],
    ['評価指標（7）：経済効果【進捗度 105%】'],
    ['数値目標（7）－①：投資額【当該年度目標値 87 億円、当該年度実績値 120 億円、進捗度 138%、寄与度 50%】'],
    ['数値目標（7）－②：就業者数【当該年度目標値 200 人、当該年度実績値 136 人、進捗度 68%、寄与度 50%】'],
  ]);

  // The three figures one under the other, each titled in a merged cell over its own header of years.
  const stacked = wb.addWorksheet('積み重ね');
  put(stacked, [
    ['【目標値】'], ['数値目標', 'R3', 'R4', 'R5'], ['(9) 件数', 10, 10, 10], [],
    ['【実績値】'], ['数値目標', 'R3', 'R4', 'R5'], ['(9) 件数', 12, 8, 11], [],
    ['【進捗度】'], ['数値目標', 'R3', 'R4', 'R5'], ['(9) 件数', '120%', '85%', '110%'],
  ]);
  for (const r of [1, 5, 9]) stacked.mergeCells(`A${r}:D${r}`);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('indicators’ progress and matrices in a real .xlsx', () => {
  it('are found and checked through the reader (merged cells repeated in each cell), and the fix settles them in one pass', async () => {
    const bytes = await indicatorWorkbook();
    const { model, findings } = checkWorkbook(await readXlsx(bytes));
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      // (1) R5: 130 ÷ 100 = 130 %, not 135.
      ['progress-mismatch', '一覧!J3', 130, 135],
      // (3) R5: (130 + 80) ÷ 2 = 105, over the blocks and in the summary's merged column.
      ['indicator-score-mismatch', '指標の行!D2', 105, 110],
      ['indicator-score-mismatch', '指標の行!G12', 105, 108],
      ['indicator-score-mismatch', '本文!A2', 103, 105],
      // 8 ÷ 10 = 80 %, not 85.
      ['progress-mismatch', '積み重ね!C11', 80, 85],
    ]);
    expect(model.tables.filter((t) => t.sheet === '一覧').map((t) => t.kind)).toEqual(['progress']);
    const plan = planRecalculation(model);
    expect(plan.writes.map((w) => [`${w.sheet}!${w.address}`, w.value])).toEqual([
      ['一覧!J3', 1.3],
      ['積み重ね!C11', '80%'],
      ['指標の行!D2', '105%'],
      ['指標の行!G12', '105%'],
      ['本文!A2', '評価指標（7）：経済効果【進捗度 103%】'],
    ]);
    expect((await expectSettled(bytes, plan.writes)).findings).toEqual([]);
  });
});

describe('tables by half years or quarters in a real .xlsx', () => {
  async function halvesWorkbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    // Each year merged over its halves.
    const merged = wb.addWorksheet('年度の下に半期');
    put(merged, [
      [null, null, '令和3年度', null, '令和4年度', null],
      [null, null, '上半期', '下半期', '上半期', '下半期'],
      ['数値目標(1) 連携企業数', '目標値', 10, 20, 30, 40],
      [null, '実績値', 12, 18, 30, null],
      [null, '進捗度', '120%', '95%', '100%', null],
    ]);
    merged.mergeCells('C1:D1');
    merged.mergeCells('E1:F1');
    // Each half's year in its own header, the half in parentheses; the quarters likewise.
    const noted = wb.addWorksheet('年度に半期の注記');
    put(noted, [
      [null, null, 'R3(上期)', 'R3(下期)', 'R4(上期)', 'R4(下期)'],
      ['数値目標(1) 連携企業数', '目標値', 10, 20, 30, 40],
      [null, '実績値', 12, 18, 30, null],
      [null, '進捗度', '120%', '95%', '100%', null],
      [],
      [null, null, 'R5(第1四半期)', 'R5(第2四半期)', 'R5(第3四半期)', 'R5(第4四半期)'],
      ['数値目標(2) 起業数', '目標値', 25, 25, 25, 25],
      [null, '実績値', 20, 30, 25, null],
      [null, '進捗度', '80%', '125%', '100%', null],
    ]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('read each half or quarter as a column of its own, no year’s (before, a year merged over its halves read its first half alone and R3(上期), R3(下期) were both FY2021)', async () => {
    const { model, findings } = checkWorkbook(await readXlsx(await halvesWorkbook()));
    const columns = model.tables.flatMap((t) => (t.kind === 'progress' ? t.targets.map((x) => [t.sheet, x.id.display, x.columns.map((c) => `${c.col}:${c.year}`)]) : []));
    expect(columns).toEqual([
      ['年度の下に半期', '1', ['2:null', '3:null', '4:null', '5:null']],
      ['年度に半期の注記', '1', ['2:null', '3:null', '4:null', '5:null']],
      ['年度に半期の注記', '2', ['2:null', '3:null', '4:null', '5:null']],
    ]);
    // 18 ÷ 20 = 90 %, not 95, in the first table's second half, which was not read before; 30 ÷ 25 = 120 %, not 125.
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['progress-mismatch', '年度の下に半期!D5', 90, 95],
      ['progress-mismatch', '年度に半期の注記!D4', 90, 95],
      ['progress-mismatch', '年度に半期の注記!D9', 120, 125],
    ]);
  });
});

describe('a table on its side by half years in a real .xlsx', () => {
  it('reads each half beside its year as a row of its own, no year’s (before, a year merged down over its halves read its first half alone, and one written on each half made both that year)', async () => {
    const wb = new ExcelJS.Workbook();
    const merged = wb.addWorksheet('年度を結合');
    put(merged, [
      ['数値目標(1) 連携企業数'],
      ['年度', '期', '目標値', '実績値', '進捗度'],
      ['R3', '上期', 10, 12, '120%'],
      [null, '下期', 20, 18, '95%'],
      ['R4', '上期', 30, 30, '100%'],
      [null, '下期', 40, null, null],
    ]);
    merged.mergeCells('A3:A4');
    merged.mergeCells('A5:A6');
    put(wb.addWorksheet('年度を各行に'), [
      ['数値目標(1) 連携企業数'],
      ['年度', '期', '目標値', '実績値', '進捗度'],
      ['R3', '上期', 10, 12, '120%'],
      ['R3', '下期', 20, 18, '95%'],
    ]);
    const { model, findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(model.tables.flatMap((t) => (t.kind === 'progress' ? t.targets.map((x) => [t.sheet, x.columns.map((c) => `${c.header}:${c.year}`)]) : []))).toEqual([
      ['年度を結合', ['R3 上期:null', 'R3 下期:null', 'R4 上期:null', 'R4 下期:null']],
      ['年度を各行に', ['R3 上期:null', 'R3 下期:null']],
    ]);
    // 18 ÷ 20 = 90 %, not 95, in each second half.
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['progress-mismatch', '年度を結合!E4', 90, 95],
      ['progress-mismatch', '年度を各行に!E4', 90, 95],
    ]);
  });
});

describe('a blank 総合評価 in a real .xlsx', () => {
  it('beside Ⅰ, Ⅱ and Ⅲ is reported with the score worked out, across and down a column (before, none was; 総合評価 on top read the next zone’s)', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('総合評価'), [
      ['特区名', '総合評価', 'Ⅰ', 'Ⅱ', 'Ⅲ'],
      ['アジアヘッドクォーター特区', 4.8, 5, 4, 5],
      ['京浜臨海部ライフイノベーション国際戦略総合特区', null, 4.8, 3.7, 4.7],
      ['関西イノベーション国際戦略総合特区', '-', 4.8, 4.2, 4],
    ]);
    put(wb.addWorksheet('上に総合'), [['評価項目', 'アジアヘッドクォーター特区', '京浜臨海部'], ['総合評価', '－', 4.5], ['Ⅰ', 5, 4.8], ['Ⅱ', 4, 3.7], ['Ⅲ', 5, 4.7]]);
    const { findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['overall-score-missing', 'warning', '総合評価!B3', 4.5, null],
      ['overall-score-missing', 'warning', '総合評価!B4', 4.3, null],
      ['overall-score-missing', 'warning', '上に総合!B2', 4.8, null],
    ]);
  });
});

describe('a block with no progress row in a real .xlsx', () => {
  it('is reported once, for its latest year, where the table’s other blocks have one (before, nothing was said)', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('進捗'), [
      [null, null, '当初(令和3年度)', '令和4年度', '令和5年度', '令和6年度', '令和7年度'],
      ['数値目標(1) 連携企業数 180 社（令和3年度）→900 社（令和7年度）', '目標値', 180, 360, 540, 720, 900],
      [null, '実績値', 194, 461, 580, 707, null],
      ['数値目標(2) 事業・産業創出 15 件（令和3年度）→75 件（令和7年度）', '目標値', 15, 30, 45, 60, 75],
      [null, '実績値', 11, 15, 20, 37, null],
      [null, '進捗度', 73, 50, 44, 62, null],
    ]);
    const { model, findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([['progress-missing', '進捗!F3', 98, null]]);
    // Nothing to write: the block has no progress cell.
    expect(planRecalculation(model).writes).toEqual([]);
  });
});

describe('a cumulative goal over a table of the years so far in a real .xlsx', () => {
  // 002_…'s 数値目標(1)-① as an unfinished plan shows it: H29 to R1 of H29 to R3, 475億円 (累計).
  const block = (goal = '475億円 (累計)') => [
    [null, null, '平成29年度', '平成30年度', '令和元年度'],
    [`数値目標(1)-① 特区関連事業による投資額 ${goal}`, '目標値', '115億円', '81億円', '87億円'],
    [null, '実績値', '119億円', '141億円', '120億円'],
    ['寄与度(※):100%', '進捗度(%)', '104%', '174%', '138%'],
  ];

  it('is noted as not checked yet where no plan period is stated, and is read against the period a 計画期間 line, the label or a goal header states (before, each was a false cumulative-total-mismatch but the label’s)', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('期間なし'), block());
    put(wb.addWorksheet('計画期間の行'), [['計画期間：平成29年度～令和3年度'], ...block()]);
    put(wb.addWorksheet('ラベル'), block('475億円 (累計)（H29～R3）'));
    put(wb.addWorksheet('目標の見出し'), [
      [null, 'R3目標', null, '平成29年度', '平成30年度', '令和元年度'],
      ['数値目標(1)-① 特区関連事業による投資額', '475億円 (累計)', '目標値', '115億円', '81億円', '87億円'],
      [null, null, '実績値', '119億円', '141億円', '120億円'],
      ['寄与度(※):100%', null, '進捗度(%)', '104%', '174%', '138%'],
    ]);
    // A period the table shows whole: the goal is checked, and 283 is not 475.
    put(wb.addWorksheet('3年の計画'), [['計画期間：平成29年度～令和元年度'], ...block()]);
    const { findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['cumulative-goal-unchecked', 'info', '期間なし!A2', 283, 475],
      ['cumulative-total-mismatch', 'error', '3年の計画!A3', 283, 475],
    ]);
  });

  it('is read against a 計画期間 line written in words or giving its length alone (before, each was noted as not checked yet)', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('から'), [['計画期間：平成29年度から令和3年度まで'], ...block()]);
    put(wb.addWorksheet('5年間'), [['計画期間：5年間'], ...block()]);
    // A length the table shows whole: the goal is the three years' total, and 283 is not 475.
    put(wb.addWorksheet('3年間'), [['計画期間：3年間'], ...block()]);
    const { findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['cumulative-total-mismatch', 'error', '3年間!A3', 283, 475],
    ]);
  });

  it('above the sum of a whole plan shown, or below the targets shown, is an error still', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('5年'), [
      [null, null, 'H29', 'H30', 'R1', 'R2', 'R3'],
      ['数値目標(1)-① 投資額 480億円 (累計)', '目標値', '115億円', '81億円', '87億円', '93億円', '99億円'],
      [null, '実績値', '119億円', '141億円', '120億円', null, null],
    ]);
    put(wb.addWorksheet('合計より小さい'), block('250億円 (累計)'));
    const { findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['cumulative-total-mismatch', '5年!A2', 475, 480],
      ['cumulative-total-mismatch', '合計より小さい!A2', 283, 250],
    ]);
  });
});

describe('targets aiming at less in a real .xlsx', () => {
  it('a reduction’s progress stated as target ÷ actual × 100 holds, as actual ÷ target does, and its falling levels are no stock-decrease (before, each was an error or a warning); a growth target’s are still', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('削減'), [
      [null, null, '令和3年度', '令和4年度', '令和5年度'],
      ['数値目標(1) 待機児童数 0人（令和5年度）', '目標値', '100人', '50人', '0人'],
      [null, '実績値', '80人', '60人', null],
      ['寄与度(※):50%', '進捗度', '125%', '83%', null],
      ['数値目標(2) CO2排出量 900万t（令和5年度）', '目標値', '1,000万t', '950万t', '900万t'],
      [null, '実績値', '980万t', '960万t', null],
      // R3 as actual ÷ target (98 %), R4 wrong either way: 960 ÷ 950 is 101 %, 950 ÷ 960 is 99 %.
      ['寄与度(※):50%', '進捗度', '98%', '95%', null],
      ['数値目標(3) 交通事故件数の削減 300件（累計）', '目標値', 120, 100, 80],
      [null, '実績値', 110, 105, null],
      [null, '進捗度', '109%', '95%', null],
    ]);
    // Rising levels stated upside down are wrong as before, and a level going down is a stock-decrease.
    put(wb.addWorksheet('増加'), [
      [null, null, '令和3年度', '令和4年度', '令和5年度'],
      ['数値目標(1) 連携企業数 540社（令和5年度）', '目標値', 180, 360, 540],
      [null, '実績値', 200, 300, null],
      [null, '進捗度', '90%', '83%', null],
      ['数値目標(2) 参加者数 400人（令和5年度）', '目標値', 300, 280, 400],
      [null, '実績値', 310, 290, null],
      [null, '進捗度', '103%', '104%', null],
    ]);
    const { findings } = checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['progress-mismatch', '削減!D7', 101, 95],
      // 200 ÷ 180 is 111 %; 90 % is 180 ÷ 200.
      ['progress-mismatch', '増加!C4', 111, 90],
      ['stock-decrease', '増加!D5', 300, 280],
      ['stock-decrease', '増加!D6', 310, 290],
    ]);
  });
});

/**
 * 002_… (Keihin, FY2019) with its targets numbered `1-①` and summary tables whose id column is headed `No.`, `番号` or
 * nothing: the summary's planted actual (125億円 for 120億円) and indicator progress (110 % for 103 %).
 */
async function numberedSummaryWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const years = ['平成29年度', '平成30年度', '令和元年度', '令和2年度', '令和3年度'];
  put(wb.addWorksheet('別紙1'), [
    [null, null, ...years],
    ['1-① 特区関連事業による投資額 475億円 (累計)', '目標値', '115億円', '81億円', '87億円', '93億円', '99億円'],
    [null, '実績値', '119億円', '141億円', '120億円'],
    ['寄与度(※):33%', '進捗度(%)', '104%', '174%', '138%'],
    ['1-② 特区関連事業の就業者の増加数 1,100人 (累計)', '目標値', '200人', '500人', '200人', '100人', '100人'],
    [null, '実績値', '842人', '312人', '136人'],
    ['寄与度(※):33%', '進捗度(%)', '421%', '62%', '68%'],
    ['1-③ 特区関連事業の研修等の受入数 245,000人 (累計)', '目標値', '43,000人', '46,000人', '49,000人', '52,000人', '55,000人'],
    [null, '実績値', '46,298人', '46,785人', '50,666人'],
    ['寄与度(※):33%', '進捗度(%)', '108%', '102%', '103%'],
    ['2-① 国際共同治験件数 280 件 (累計)', '目標値', '48件', '53件', '58件', '60件', '61件'],
    [null, '実績値', '105件', '56件', '100件'],
    ['寄与度(※):', '進捗度(%)', '219%', '106%', '172%'],
  ]);
  const rows = (ids: string[], actual: string) => [
    [ids[0], '特区関連事業による投資額', '87億円', actual, '138%', '33%'],
    [ids[1], '特区関連事業の就業者の増加数', '200人', '136人', '68%', '33%'],
    [ids[2], '特区関連事業の研修等の受入数', '49,000人', '50,666人', '103%', '33%'],
  ];
  for (const [name, header, ids] of [
    ['No', 'No.', ['1-①', '1-②', '1-③', '2-①']],
    ['番号', '番号', ['(1)-①', '(1)-②', '(1)-③', '(2)-①']],
    ['見出しなし', null, ['1-①', '1-②', '1-③', '2-①']],
  ] as const) {
    put(wb.addWorksheet(name), [
      ['評価対象年度：令和元年度'],
      [header, '数値目標', '当該年度目標値', '当該年度実績値', '進捗度', '寄与度'],
      ...rows([...ids], '125億円'),
      [ids[3], '国際共同治験件数', '58件', '100件', '172%', null],
    ]);
  }
  // The indicator's row numbered by its number alone over its targets' `1-①`; a target of its own after them (`2`).
  put(wb.addWorksheet('指標の行'), [
    ['評価対象年度：令和元年度'],
    ['No.', '評価指標・数値目標', '当該年度目標値', '当該年度実績値', '進捗度', '寄与度'],
    [1, '経済効果', null, null, '110%', null],
    ...rows(['1-①', '1-②', '1-③'], '120億円'),
    [2, '国際共同治験件数', '58件', '100件', '172%', null],
  ]);
  // Lists numbered 1, 2 or 1-1 with 目標値 / 実績値 / 進捗度 columns are no summaries: their figures are no target's.
  put(wb.addWorksheet('事業一覧'), [
    ['令和元年度 事業の進捗'],
    ['No.', '事業名', '目標値', '実績値', '進捗度'],
    [1, '事業A', '87億円', '100億円', '50%'],
    [2, '事業B', '200人', '136人', '10%'],
    [],
    ['番号', '事業名', '目標値', '実績値', '進捗度'],
    ['1-1', '事業C', '87億円', '100億円', '50%'],
    ['1-2', '事業D', '200人', '136人', '10%'],
    [],
    ['No.', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度'],
    [1, '1-① 投資額', '87億円', '120億円', '138%'],
    [2, '1-② 就業者数', '200人', '136人', '68%'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('summary tables whose ids stand under `No.`, `番号` or no header in a real .xlsx', () => {
  it('read a target’s id written whole (`1-①`, `(1)-①`) there, an indicator’s number over its targets’ ids, and no other list', async () => {
    const { model, findings } = checkWorkbook(await readXlsx(await numberedSummaryWorkbook()));
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['summary-mismatch', 'No!D3', 120, 125],
      ['summary-mismatch', '番号!D3', 120, 125],
      ['summary-mismatch', '見出しなし!D3', 120, 125],
      // (138 + 68 + 103) × 33 ÷ 99 = 103 %.
      ['indicator-score-mismatch', '指標の行!E3', 103, 110],
    ]);
    const summaries = model.tables.filter((t) => t.kind === 'summary');
    expect(summaries.map((t) => [t.sheet, t.kind === 'summary' && t.rows.map((r) => r.target?.display ?? `(${r.indicator})`)])).toEqual([
      ['No', ['1-①', '1-②', '1-③', '2-①']],
      ['番号', ['1-①', '1-②', '1-③', '2-①']],
      ['見出しなし', ['1-①', '1-②', '1-③', '2-①']],
      ['指標の行', ['(1)', '1-①', '1-②', '1-③', '2']],
      // The rows' own numbers are no ids; the 数値目標 column names the targets.
      ['事業一覧', ['1-①', '1-②']],
    ]);
  });
});

/** This round's budget layouts as files with merged cells: each sheet with a planted error, each `…正` sheet its right twin. */
async function budgetWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheets = (name: string, wrong: ExcelJS.CellValue[][], right: ExcelJS.CellValue[][], merges: string[] = []) => {
    for (const [suffix, rows] of [['', wrong], ['正', right]] as const) {
      const ws = wb.addWorksheet(`${name}${suffix}`);
      put(ws, rows);
      for (const m of merges) ws.mergeCells(m);
    }
  };
  const T = '財政支援措置の状況（単位：千円）';
  // A 累計 merged down over the row of stages, one figure beside years over 計画 | 実績: 総事業費 400, not 270 + 90.
  const overOne = (total: number) => [
    [T],
    ['区分', 'H29', null, 'H30', null, '累計'],
    [null, '計画', '実績', '計画', '実績'],
    ['国予算(a)', 100, 90, 200, 180, 270],
    ['自治体予算(b)', 50, 40, 50, 50, 90],
    ['総事業費(a+b)', 150, 130, 250, 230, total],
  ];
  sheets('累計一つ', overOne(400), overOne(360), ['A2:A3', 'B2:C2', 'D2:E2', 'F2:F3']);
  // 予算額 | 決算額 sub-columns: 決算 H30 240, not 180 + 50.
  const budgetSettled = (total: number) => [
    [T],
    ['区分', 'H29', null, 'H30', null],
    [null, '予算額', '決算額', '予算額', '決算額'],
    ['国予算(a)', 100, 90, 200, 180],
    ['自治体予算(b)', 50, 40, 50, 50],
    ['総事業費(a+b)', 150, 130, 250, total],
  ];
  sheets('予算決算', budgetSettled(240), budgetSettled(230), ['A2:A3', 'B2:C2', 'D2:E2']);
  // Split in two, R2 R3 累計 under H29 H30 R1: the 累計 400 short of all five years, 490.
  const split = (cum: number) => [
    [T],
    ['区分', 'H29', 'H30', 'R1'],
    ['①国費', 100, 200, 50],
    ['②地方費', 10, 10, 10],
    ['③計', 110, 210, 60],
    [],
    ['区分', 'R2', 'R3', '累計'],
    ['①国費', 60, 80, cum],
    ['②地方費', 10, 10, 50],
    ['③計', 70, 90, cum + 50],
  ];
  sheets('分割', split(400), split(490));
  // 小計 merged across the label columns: the 合計 9, not 3 + 5.
  const subtotals = (all: number) => [
    ['税制支援措置の状況'],
    ['措置', '区分', 'H29', 'H30'],
    ['措置A', '件数', 2, 3],
    ['措置B', '件数', 1, 1],
    ['小計', null, 3, 4],
    ['措置C', '件数', 4, 4],
    ['措置D', '件数', 1, 0],
    ['小計', null, 5, 4],
    ['合計', null, all, 8],
  ];
  sheets('小計', subtotals(9), subtotals(8), ['A5:B5', 'A8:B8', 'A9:B9']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('budget tables in a real .xlsx', () => {
  it('a 累計 over one figure, 予算額 | 決算額, a table split in two and 小計 rows: the planted errors found, their right twins clean', async () => {
    const { findings } = checkWorkbook(await readXlsx(await budgetWorkbook()));
    expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])).toEqual([
      ['sum-mismatch', '累計一つ!F6', 360, 400],
      ['sum-mismatch', '予算決算!E6', 230, 240],
      ['cumulative-column-short', '分割!D8', 490, 400],
      ['cumulative-column-short', '分割!D10', 540, 450],
      ['sum-mismatch', '小計!C9', 8, 9],
    ]);
  });
});

/** Two zones repeating the same ids, their tables on 別紙1(京浜) and 別紙1(つくば), their 本文 lines under each zone's name on one sheet. */
async function zoneLinesWorkbook(actualB: string, titleA: string, titleB: string, merged = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const years = ['平成29年度', '平成30年度', '令和元年度'];
  const progress = (rows: [string, string[], string[], string[]][]) => [
    [null, null, ...years],
    ...rows.flatMap(([name, target, actual, progress]) => [[name, '目標値', ...target], [null, '実績値', ...actual], ['寄与度(※):50%', '進捗度(%)', ...progress]]),
  ];
  put(wb.addWorksheet('別紙1(京浜)'), progress([
    ['数値目標(1)-① 投資額', ['115億円', '81億円', '87億円'], ['119億円', '141億円', '120億円'], ['104%', '174%', '138%']],
    ['数値目標(1)-② 就業者数', ['200人', '500人', '200人'], ['842人', '312人', '136人'], ['421%', '62%', '68%']],
  ]));
  put(wb.addWorksheet('別紙1(つくば)'), progress([
    ['数値目標(1)-① 連携企業数', ['10社', '20社', '30社'], ['12社', '18社', '33社'], ['120%', '90%', '110%']],
    ['数値目標(1)-② 起業数', ['15件', '15件', '15件'], ['11件', '15件', '20件'], ['73%', '100%', '133%']],
  ]));
  // B's lines first, a year's title between each zone's name and its lines; or (merged) A's first, each name merged
  // across the sheet right over its lines (A's name within three rows over B's).
  const linesB = [
    ['評価指標(1)：連携【進捗度 122%】'],
    [`数値目標(1)-①：連携企業数【当該年度目標値 30社、当該年度実績値 ${actualB}、進捗度 110%】`],
    ['数値目標(1)-②：起業数【当該年度目標値 15件、当該年度実績値 20件、進捗度 133%】'],
  ];
  const linesA = [['数値目標(1)-①：投資額【当該年度目標値 87億円、当該年度実績値 120億円、進捗度 138%】']];
  const text = wb.addWorksheet('本文');
  if (merged) {
    put(text, [[titleA], ...linesA, [], [titleB], ...linesB]);
    for (const r of [1, 4]) text.mergeCells(r, 1, r, 6);
  } else put(text, [[titleB], ['評価対象年度：令和元年度'], ...linesB, [], [titleA], ['評価対象年度：令和元年度'], ['評価指標(1)：経済効果【進捗度 103%】'], ...linesA]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('summary lines under each zone’s name on one 本文 sheet in a real .xlsx', () => {
  it('are checked against their own zone’s tables, a wrong figure too (before, a wrong line agreeing with neither zone was checked against the first zone’s: three false errors)', async () => {
    const layouts = [
      ['京浜臨海部ライフイノベーション国際戦略総合特区', 'つくば国際戦略総合特区', false, 'A4'],
      ['京浜', 'つくば', false, 'A4'],
      ['京浜臨海部ライフイノベーション国際戦略総合特区', 'つくば国際戦略総合特区', true, 'A6'],
    ] as const;
    for (const [a, b, merged, cell] of layouts) {
      const wrong = checkWorkbook(await readXlsx(await zoneLinesWorkbook('40社', a, b, merged))).findings;
      expect([b, merged, wrong.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])]).toEqual([b, merged, [['summary-mismatch', `本文!${cell}`, 33, 40]]]);
      const right = checkWorkbook(await readXlsx(await zoneLinesWorkbook('33社', a, b, merged))).findings;
      expect([b, merged, right.map((f) => [f.rule, `${f.sheet}!${f.cell}`])]).toEqual([b, merged, []]);
    }
  });
});

/** A summary on its side under a header row of ids written without 数値目標 (`| 1-① | 1-② |`), beside the progress table. */
async function bareIdsAcrossWorkbook(actual: string, ids: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  put(wb.addWorksheet('別紙1'), [
    [null, null, '平成29年度', '平成30年度', '令和元年度'],
    [`${ids[0]} 投資額`, '目標値', '115億円', '81億円', '87億円'],
    [null, '実績値', '119億円', '141億円', '120億円'],
    ['寄与度(※):50%', '進捗度(%)', '104%', '174%', '138%'],
    [`${ids[1]} 就業者数`, '目標値', '200人', '500人', '200人'],
    [null, '実績値', '842人', '312人', '136人'],
    ['寄与度(※):50%', '進捗度(%)', '421%', '62%', '68%'],
  ]);
  put(wb.addWorksheet('本文'), [
    ['評価対象年度：令和元年度'],
    [null, ...ids],
    ['当該年度目標値', '87億円', '200人'],
    ['当該年度実績値', actual, '136人'],
    ['進捗度', '138%', '68%'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('a summary on its side under ids written without 数値目標 in a real .xlsx', () => {
  it('is read as a summary, one target per column (before, a progress block ?1 of no year: a false unit-mismatch and progress-mismatch)', async () => {
    for (const ids of [['1-①', '1-②'], ['(1)-①', '(1)-②'], ['指標1-①', '指標1-②']]) {
      const wrong = checkWorkbook(await readXlsx(await bareIdsAcrossWorkbook('125億円', ids)));
      expect([ids[0], wrong.findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`, f.expected, f.stated])]).toEqual([ids[0], [['summary-mismatch', '本文!B4', 120, 125]]]);
      expect(wrong.model.tables.map((t) => [t.kind, t.sheet])).toEqual([['progress', '別紙1'], ['summary', '本文']]);
      const right = checkWorkbook(await readXlsx(await bareIdsAcrossWorkbook('120億円', ids)));
      expect([ids[0], right.findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`])]).toEqual([ids[0], []]);
    }
  });
});
