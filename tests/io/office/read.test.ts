import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { parseA1, type Cell } from '../../../src/engine/grid.js';
import { createOfficeHost, DEFAULT_OFFICE_LIMITS } from '../../../src/io/office/index.js';
import { parseAreas, planRequests } from '../../../src/io/office/read.js';
import { FakeExcel, type FakeCell, type FakeSheetInit } from './fake-excel.js';
import { hostError } from '../../helpers.js';
import { keihinSheet, smallSheet } from './workbooks.js';

function cellAt(rows: (Cell | undefined)[][], address: string): Cell | undefined {
  const { row, col } = parseA1(address);
  return rows[row]?.[col];
}

describe('readWorkbook', () => {
  it('converts the Keihin table at its absolute positions, with formats, shown text and merges', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()] });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    const [sheet] = wb.sheets;
    expect(sheet.name).toBe('別紙1');
    expect(sheet.hidden).toBeUndefined();
    expect(sheet.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 1 }]);
    // The used range starts at B2; nothing lands in column A or row 1.
    expect(sheet.rows[0]).toBeUndefined();
    expect(sheet.rows.every((r) => r === undefined || r[0] === undefined)).toBe(true);
    expect(cellAt(sheet.rows, 'B2')).toEqual({ value: '目標に向けた取組の進捗に関する評価' });
    expect(cellAt(sheet.rows, 'D4')).toEqual({ value: 115, numFmt: '0"億円"' });
    expect(cellAt(sheet.rows, 'E6')).toEqual({ value: 1.1, numFmt: '0%', text: '110%' });
    // A cell formatted 0% without a value is empty to the engine, with its format (a ratio is written there).
    expect(cellAt(sheet.rows, 'F6')).toEqual({ value: null, numFmt: '0%' });
  });

  it('gives the engine what it needs to find the planted errors (174% stated as 110%, 138% missing)', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()] });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    const findings = checkWorkbook(wb).findings.map((f) => [f.rule, f.cell, f.expected, f.stated]);
    expect(findings).toEqual([
      ['progress-mismatch', 'E6', 174, 110],
      ['progress-missing', 'F6', 138, null],
    ]);
  });

  it('reads formulas without =, errors, booleans, dates as serial numbers, and hidden sheets', async () => {
    const cells: Record<string, FakeCell> = {
      A1: { value: 1.0347826, formula: '=D5/D4', numberFormat: '0%' },
      A2: { error: '#DIV/0!', formula: '=D5/0' },
      A3: { value: true },
      A4: { value: 45017, numberFormat: 'yyyy/m/d', text: '2023/4/1' },
      A5: { value: '=1+1' },
      A6: { value: 123456789, numberFormat: '#,##0', text: '########' },
      A7: { value: '', formula: '=IF(D5="","",D5)' },
    };
    const fake = new FakeExcel({ sheets: [{ name: 'S', visibility: 'Hidden', cells }] });
    const [sheet] = (await createOfficeHost({ runtime: fake.runtime }).readWorkbook()).sheets;
    expect(sheet.hidden).toBe(true);
    expect(cellAt(sheet.rows, 'A1')).toEqual({ value: 1.0347826, numFmt: '0%', formula: 'D5/D4', text: '103%' });
    expect(cellAt(sheet.rows, 'A2')).toEqual({ value: null, formula: 'D5/0', error: '#DIV/0!' });
    expect(cellAt(sheet.rows, 'A3')).toEqual({ value: true, text: 'TRUE' });
    expect(cellAt(sheet.rows, 'A4')).toEqual({ value: 45017, numFmt: 'yyyy/m/d', text: '2023/4/1' });
    // A text cell that looks like a formula is text (Office.js gives it back without its quote).
    expect(cellAt(sheet.rows, 'A5')).toEqual({ value: '=1+1' });
    // `####` (too narrow a column) is not what the cell says: the engine reads the number.
    expect(cellAt(sheet.rows, 'A6')).toEqual({ value: 123456789, numFmt: '#,##0' });
    expect(cellAt(sheet.rows, 'A7')).toEqual({ value: '', formula: 'IF(D5="","",D5)' });
  });

  it.each([1, 10, 100])('needs the same number of syncs for %i sheets', async (n) => {
    const fake = new FakeExcel({ sheets: Array.from({ length: n }, (_, i) => smallSheet(i)) });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    expect(wb.sheets).toHaveLength(n);
    expect(wb.sheets[n - 1].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 0 }]);
    // Sheet list, used-range sizes with merged areas, contents.
    expect(fake.syncCount).toBe(3);
  });

  it('does without merged areas before ExcelApi 1.13, with the same syncs', async () => {
    const fake = new FakeExcel({ apiVersion: '1.12', sheets: [keihinSheet()] });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    expect(wb.sheets[0].merges).toEqual([]);
    expect(cellAt(wb.sheets[0].rows, 'D4')?.value).toBe(115);
    expect(fake.syncCount).toBe(3);
  });

  it('keeps the merges of the other sheets when one sheet has more than 512 merged areas', async () => {
    const many = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const fake = new FakeExcel({ sheets: [keihinSheet(), { name: 'Many', cells: { A1: 'x' }, merges: many }] });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    expect(wb.sheets[0].merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 1 }]);
    expect(wb.sheets[1].merges).toEqual([]);
  });

  it('splits a large used range into row blocks under the payload budget and puts it back together exactly', async () => {
    const rows = 3000;
    const cols = 20;
    const value = (r: number, c: number): FakeCell | undefined =>
      (r + c) % 7 === 0 ? undefined : c % 3 === 0 ? { value: `項目${r}-${c}` } : { value: r * 1000 + c, numberFormat: c % 2 ? '0%' : 'General' };
    const fake = new FakeExcel({
      maxResponseBytes: 5 * 1024 * 1024,
      sheets: [{ name: 'Big', generated: { usedRange: `C3:V${rows + 2}`, cellAt: (r, c) => (r >= 2 && c >= 2 ? value(r - 2, c - 2) : undefined) } }],
    });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    const budgetCells = DEFAULT_OFFICE_LIMITS.requestBudgetBytes / DEFAULT_OFFICE_LIMITS.bytesPerCell;
    const requests = Math.ceil((rows * cols) / (Math.floor(budgetCells / cols) * cols));
    expect(requests).toBeGreaterThan(1);
    expect(fake.syncCount).toBe(2 + requests);
    expect(fake.failedSyncs).toBe(0);
    expect(Math.max(...fake.responseBytes)).toBeLessThan(5 * 1024 * 1024);
    const got = wb.sheets[0].rows;
    expect(got.length).toBe(rows + 2);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const want = value(r, c);
        const cell = got[r + 2]?.[c + 2];
        if (!want) expect(cell).toBeUndefined();
        else expect(cell?.value).toBe(want.value);
        if (want?.numberFormat === '0%') expect(cell?.numFmt).toBe('0%');
      }
    }
  });

  it('reads again in halves when long texts make Excel refuse an answer the estimate let through', async () => {
    const long = '目標達成の考え方'.repeat(40);
    const fake = new FakeExcel({
      maxResponseBytes: 1024 * 1024,
      sheets: [{ name: 'Text', generated: { usedRange: 'A1:T3000', cellAt: (r, c) => ({ value: `${r}:${c} ${long}` }) } }],
    });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    expect(fake.failedSyncs).toBeGreaterThan(0);
    expect(Math.max(...fake.responseBytes)).toBeLessThanOrEqual(1024 * 1024);
    const rows = wb.sheets[0].rows;
    expect(rows).toHaveLength(3000);
    expect(rows.every((row, r) => row.length === 20 && row.every((cell, c) => cell?.value === `${r}:${c} ${long}`))).toBe(true);
  });

  it('gives too-large when a single row is more than Excel answers at once', async () => {
    const fake = new FakeExcel({ maxResponseBytes: 1000, sheets: [{ name: 'Wide', generated: { usedRange: 'A1:T2', cellAt: () => ({ value: 'x'.repeat(100) }) } }] });
    const e = await hostError(createOfficeHost({ runtime: fake.runtime }).readWorkbook());
    expect(e.code).toBe('too-large');
    expect(e.detail).toBe('Wide!1:1');
  });

  it('refuses a used range past 5 million cells before loading any of it', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Huge', generated: { usedRange: 'A1:Z200000', cellAt: () => ({ value: 1 }) } }] });
    const e = await hostError(createOfficeHost({ runtime: fake.runtime }).readWorkbook());
    expect(e.code).toBe('too-large');
    // In the pane's language, with the numbers grouped.
    expect([e.detailIn('ja'), e.detailIn('en')]).toEqual(['シート「Huge」の使用範囲が 5,200,000 セル以上(上限 5,000,000 セル)', 'the used range of “Huge” holds 5,200,000 cells or more (at most 5,000,000)']);
    expect(fake.syncCount).toBe(2);
  });

  it('names the sheets together when no one sheet but all of them pass the limit', async () => {
    const big = (name: string): FakeSheetInit => ({ name, generated: { usedRange: 'A1:T150000', cellAt: () => ({ value: 1 }) } });
    const e = await hostError(createOfficeHost({ runtime: new FakeExcel({ sheets: [big('A'), big('B')] }).runtime }).readWorkbook());
    expect(e.code).toBe('too-large');
    expect(e.detailIn('ja')).toBe('すべてのシートの使用範囲で 6,000,000 セル以上(上限 5,000,000 セル)');
  });

  it('reports too-large when Excel answers a read with null values', async () => {
    const fake = new FakeExcel({ maxReadCells: 10, sheets: [keihinSheet()] });
    expect((await hostError(createOfficeHost({ runtime: fake.runtime }).readWorkbook())).code).toBe('too-large');
  });

  describe('hidden rows and columns', () => {
    // An old 進捗度 row (row 4) and an old year (column C) hidden; the row shown under it states 99% for 98%.
    const hiding = (extra: Partial<FakeSheetInit> = {}): FakeSheetInit => ({
      name: 'S',
      cells: {
        C1: 'R3', D1: 'R4', E1: 'R5', F1: 'R6',
        A2: '数値目標(1) 連携企業数', B2: '目標値', C2: 100, D2: 360, E2: 540, F2: 720,
        B3: '実績値', C3: 50, D3: 461, E3: 580, F3: 707,
        B4: '進捗度', C4: '1%', D4: '50%', E4: '60%', F4: '70%',
        B5: '進捗度', C5: '1%', D5: '128%', E5: '107%', F5: '99%',
      },
      hiddenRows: [4],
      hiddenColumns: ['C'],
      ...extra,
    });

    it('are read from the visible views of the first column and row, in the same syncs, and no table reads them', async () => {
      const fake = new FakeExcel({ sheets: [hiding(), ...Array.from({ length: 10 }, (_, i) => smallSheet(i))] });
      const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
      expect(wb.sheets[0]).toMatchObject({ hiddenRows: [3], hiddenCols: [2] });
      expect(wb.sheets[1].hiddenRows).toBeUndefined();
      // Hidden cells are still read (formulas may refer to them).
      expect(cellAt(wb.sheets[0].rows, 'D4')?.value).toBe('50%');
      expect(checkWorkbook(wb).findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['progress-mismatch@F5']);
      expect(fake.syncCount).toBe(3);
    });

    it('a hidden first column tells no rows; the columns are still told by the first row', async () => {
      const fake = new FakeExcel({ sheets: [hiding({ hiddenColumns: ['A', 'C'] })] });
      const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
      expect(wb.sheets[0].hiddenRows).toBeUndefined();
      expect(wb.sheets[0].hiddenCols).toEqual([0, 2]);
    });

    it('before ExcelApi 1.3, or when Excel refuses the views, every row is read as shown', async () => {
      const old = new FakeExcel({ apiVersion: '1.2', sheets: [hiding()] });
      const a = await createOfficeHost({ runtime: old.runtime }).readWorkbook();
      expect(a.sheets[0].hiddenRows).toBeUndefined();
      expect(old.syncCount).toBe(3);
      const refusing = new FakeExcel({ visibleViewFails: true, sheets: [hiding()] });
      const b = await createOfficeHost({ runtime: refusing.runtime }).readWorkbook();
      expect(b.sheets[0].hiddenRows).toBeUndefined();
      expect(cellAt(b.sheets[0].rows, 'F5')?.value).toBe('99%');
      // Two more syncs, once each: the contents again without the filters (ExcelApi 1.9), then without the views.
      expect(refusing.syncCount).toBe(5);
      const refusing18 = new FakeExcel({ apiVersion: '1.8', visibleViewFails: true, sheets: [hiding()] });
      await createOfficeHost({ runtime: refusing18.runtime }).readWorkbook();
      expect(refusing18.syncCount).toBe(4);
    });
  });

  describe('rows hidden by a filter', () => {
    // Filtered to the 進捗度 row: the 目標値 and 実績値 rows (2 and 3) hidden; E4 states 99% for 98%.
    const filtered = (extra: Partial<FakeSheetInit> = {}): FakeSheetInit => ({
      name: 'S',
      cells: {
        A1: '区分', B1: '項目', C1: 'R4', D1: 'R5', E1: 'R6',
        A2: '数値目標(1) 連携企業数', B2: '目標値', C2: 360, D2: 540, E2: 720,
        B3: '実績値', C3: 461, D3: 580, E3: 707,
        B4: '進捗度', C4: '128%', D4: '107%', E4: '99%',
      },
      hiddenRows: [2, 3],
      ...extra,
    });
    const read = async (fake: FakeExcel) => {
      const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
      const { model, findings } = checkWorkbook(wb);
      return { sheet: wb.sheets[0], faults: model.faults, findings: findings.map((f) => `${f.rule}@${f.cell}`) };
    };

    it('under an active filter of the sheet or of an Excel table, they are read as shown and noted, in the same syncs', async () => {
      for (const extra of [{ autoFilter: { range: 'A1:E4', filtered: true } }, { tables: [{ range: 'G1:H3', filtered: false }, { range: 'A1:E4', filtered: true }] }]) {
        const fake = new FakeExcel({ sheets: [filtered(extra), ...Array.from({ length: 10 }, (_, i) => smallSheet(i))] });
        const { sheet, faults, findings } = await read(fake);
        expect(sheet.filteredRows).toEqual([1, 2]);
        expect(sheet.hiddenRows).toBeUndefined();
        expect(findings).toEqual(['progress-mismatch@E4']);
        expect(faults).toEqual([{ sheet: 'S', reason: 'filtered-rows', detail: '2-3' }]);
        expect(fake.syncCount).toBe(3);
      }
    });

    it('a filter without criteria, or the header row of a filter and the rows above it, hide as rows hidden by hand: not checked, and noted', async () => {
      for (const extra of [{ autoFilter: { range: 'A1:E4', filtered: false } }, { autoFilter: { range: 'A3:E4', filtered: true } }]) {
        const { sheet, faults, findings } = await read(new FakeExcel({ sheets: [filtered(extra)] }));
        // Row 3 is the second filter's header row, row 2 lies above it.
        expect(sheet.hiddenRows).toEqual([1, 2]);
        expect(findings).toEqual([]);
        expect(faults[0]).toMatchObject({ reason: 'hidden-rows' });
      }
    });

    it('before ExcelApi 1.9, or when Excel refuses the filters, rows under a filter are read as hidden, and noted (one more sync)', async () => {
      const old = new FakeExcel({ apiVersion: '1.8', sheets: [filtered({ autoFilter: { range: 'A1:E4', filtered: true } })] });
      expect(await read(old)).toMatchObject({ findings: [], faults: [{ sheet: 'S', reason: 'hidden-rows', detail: '2-3' }] });
      expect(old.syncCount).toBe(3);
      const refusing = new FakeExcel({ filtersFail: true, sheets: [filtered({ autoFilter: { range: 'A1:E4', filtered: true } })] });
      expect(await read(refusing)).toMatchObject({ findings: [], faults: [{ sheet: 'S', reason: 'hidden-rows', detail: '2-3' }] });
      expect(refusing.syncCount).toBe(4);
    });
  });

  it('reads an empty workbook and empty sheets', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Empty' }] });
    const wb = await createOfficeHost({ runtime: fake.runtime }).readWorkbook();
    expect(wb.sheets).toEqual([{ name: 'Empty', rows: [], merges: [] }]);
  });
});

describe('read helpers', () => {
  it('parses merged areas of sheets whose names need quotes', () => {
    expect(parseAreas("'評価 (1)'!A1:B2, '評価 (1)'!$D$4:$D$9, '評価 (1)'!F1")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 8, right: 3 },
      { top: 0, left: 5, bottom: 0, right: 5 },
    ]);
  });

  it('packs small ranges of many sheets into one request and splits a wide one by rows', () => {
    const limits = { ...DEFAULT_OFFICE_LIMITS, requestBudgetBytes: 1000, bytesPerCell: 10 };
    const small = { top: 0, left: 0, bottom: 1, right: 4 };
    expect(planRequests([small, null, small], limits)).toHaveLength(1);
    const wide = { top: 10, left: 2, bottom: 59, right: 11 };
    const requests = planRequests([wide], limits);
    expect(requests.map((r) => r.map((c) => [c.area.top, c.area.bottom]))).toEqual([[[10, 19]], [[20, 29]], [[30, 39]], [[40, 49]], [[50, 59]]]);
  });
});
