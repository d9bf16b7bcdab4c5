import { describe, expect, it } from 'vitest';
import { HostError, type HighlightCell } from '../../../src/io/host.js';
import { createOfficeHost, SEVERITY_FILL } from '../../../src/io/office/index.js';
import { uniqueSheetName } from '../../../src/io/office/export.js';
import { FakeExcel } from './fake-excel.js';
import { keihinSheet } from './workbooks.js';

function fills(fake: FakeExcel, sheet: string, addresses: string[]): (string | null)[] {
  return addresses.map((a) => fake.cell(sheet, a).fill ?? null);
}

describe('highlight and removeHighlight', () => {
  const cells: HighlightCell[] = [
    { sheet: '別紙1', address: 'E6', severity: 'error' },
    { sheet: '別紙1', address: 'F6', severity: 'warning' },
    { sheet: '別紙1', address: 'B4', severity: 'info' },
    { sheet: '別紙1', address: 'H4', severity: 'info' },
  ];
  const addresses = cells.map((c) => c.address);

  function fakeWithOwnFills(apiVersion = '1.20') {
    const sheet = keihinSheet();
    // E6 has its own green; H4 is filled white on purpose; F6 and B4 have no fill.
    sheet.cells!.H4 = { value: 99, numberFormat: '0"億円"', fill: '#FFFFFF' };
    return new FakeExcel({ apiVersion, sheets: [sheet] });
  }

  it('colours by severity and then gives every cell its own fill back, “no fill” included', async () => {
    const fake = fakeWithOwnFills();
    const host = createOfficeHost({ runtime: fake.runtime });
    const before = fake.dump();
    const saved = await host.highlight(cells);
    expect(fake.syncCount).toBe(2);
    expect(fills(fake, '別紙1', addresses)).toEqual([SEVERITY_FILL.error, SEVERITY_FILL.warning, SEVERITY_FILL.info, SEVERITY_FILL.info]);
    expect(saved.map((s) => [s.address, s.fill])).toEqual([
      ['E6', '#00B050'],
      ['F6', null],
      ['B4', null],
      ['H4', '#FFFFFF'],
    ]);
    fake.syncCount = 0;
    await host.removeHighlight(saved);
    expect(fake.syncCount).toBe(1);
    expect(fake.dump()).toEqual(before);
  });

  it('marks a cell once with its worst severity', async () => {
    const fake = fakeWithOwnFills();
    const saved = await createOfficeHost({ runtime: fake.runtime }).highlight([
      { sheet: '別紙1', address: 'E6', severity: 'info' },
      { sheet: '別紙1', address: 'E6', severity: 'error' },
    ]);
    expect(saved).toHaveLength(1);
    expect(fake.cell('別紙1', 'E6').fill).toBe(SEVERITY_FILL.error);
  });

  it('keeps the user’s fill when the same cells are highlighted twice before being cleared', async () => {
    const fake = fakeWithOwnFills();
    const host = createOfficeHost({ runtime: fake.runtime });
    const before = fake.dump();
    await host.highlight(cells);
    const second = await host.highlight(cells);
    expect(second.find((s) => s.address === 'E6')?.fill).toBe('#00B050');
    await host.removeHighlight(second);
    expect(fake.dump()).toEqual(before);
  });

  it('leaves a protected sheet’s cells unmarked and marks the rest', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), { ...keihinSheet('別紙2'), protected: true }] });
    const host = createOfficeHost({ runtime: fake.runtime });
    const saved = await host.highlight([
      { sheet: '別紙1', address: 'F6', severity: 'warning' },
      { sheet: '別紙2', address: 'F6', severity: 'warning' },
    ]);
    expect(saved.map((s) => `${s.sheet}!${s.address}`)).toEqual(['別紙1!F6']);
    expect(fake.cell('別紙2', 'F6').fill ?? null).toBeNull();
  });

  it('takes off the marks that landed when the colouring sync fails midway', async () => {
    const fake = fakeWithOwnFills();
    const before = fake.dump();
    fake.failNextWriteSync(2);
    const e = await createOfficeHost({ runtime: fake.runtime })
      .highlight(cells)
      .catch((err: unknown) => err);
    expect((e as HostError).code).toBe('write-failed');
    expect(fake.dump()).toEqual(before);
  });
});

describe('exportToSheet', () => {
  it('adds a sheet with a new name and writes every value as it is: text that looks like a formula stays text', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), { name: 'Hyoka' }] });
    const rows = [
      ['rule', 'sheet', 'cell', 'expected', 'stated', 'message'],
      ['progress-mismatch', '別紙1', 'E6', 174, 110, '=1+1'],
      ['progress-missing', '別紙1', 'F6', 138, null, '+81'],
      ['note', '@user', '-5', '138%', '１２３', "'quoted"],
    ];
    await createOfficeHost({ runtime: fake.runtime }).exportToSheet!(rows, 'Hyoka');
    expect(fake.syncCount).toBe(2);
    expect(fake.sheets.map((s) => s.name)).toEqual(['別紙1', 'Hyoka', 'Hyoka (2)']);
    expect(fake.active).toBe('Hyoka (2)');
    const out = fake.dump()['Hyoka (2)'];
    expect(out.F2).toEqual({ value: '=1+1' });
    expect(out.D2).toEqual({ value: 174 });
    expect(out.E3).toBeUndefined();
    expect(out.F3).toEqual({ value: '+81' });
    expect([out.B4, out.C4, out.D4, out.E4, out.F4]).toEqual([{ value: '@user' }, { value: '-5' }, { value: '138%' }, { value: '１２３' }, { value: "'quoted" }]);
    expect(Object.values(out).some((c) => c.formula)).toBe(false);
  });

  it('makes names Excel accepts', () => {
    expect(uniqueSheetName('Hyoka: 2024/5 [check]', [])).toBe('Hyoka_ 2024_5 _check_');
    expect(uniqueSheetName('評価結果', ['評価結果', '評価結果 (2)'])).toBe('評価結果 (3)');
    expect(uniqueSheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, keihinSheet()] });
    await createOfficeHost({ runtime: fake.runtime }).selectCell('別紙1', 'E6');
    expect(fake.active).toBe('別紙1');
    expect(fake.selection).toEqual({ sheet: '別紙1', address: 'E6' });
    expect(fake.syncCount).toBe(1);
  });
});

describe('onChange', () => {
  it.each(['1.9', '1.7'])('calls back on edits and stops after unsubscribing (ExcelApi %s)', async (apiVersion) => {
    const fake = new FakeExcel({ apiVersion, sheets: [keihinSheet(), { name: 'B' }] });
    const host = createOfficeHost({ runtime: fake.runtime });
    let calls = 0;
    const unsubscribe = await host.onChange!(() => calls++);
    await fake.userEdit('別紙1', 'D5', 120);
    await fake.userEdit('B', 'A1', 'x');
    expect(calls).toBe(2);
    unsubscribe();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.handlers.size).toBe(0);
    await fake.userEdit('別紙1', 'D5', 119);
    expect(calls).toBe(2);
  });

  it('is absent where Excel cannot report edits (before ExcelApi 1.7)', () => {
    const fake = new FakeExcel({ apiVersion: '1.6' });
    expect(createOfficeHost({ runtime: fake.runtime }).onChange).toBeUndefined();
  });
});
