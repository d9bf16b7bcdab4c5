import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation, type CellWrite } from '../../../src/engine/fix.js';
import { createOfficeHost } from '../../../src/io/office/index.js';
import { FakeExcel, type FakeSheetInit } from './fake-excel.js';
import { hostError } from '../../helpers.js';
import { keihinSheet } from './workbooks.js';

/** Reads the fake through the adapter and plans the recalculation, as the pane does. */
async function planFor(fake: FakeExcel, formulas = false) {
  const host = createOfficeHost({ runtime: fake.runtime });
  const plan = planRecalculation(checkWorkbook(await host.readWorkbook()).model, { formulas });
  fake.syncCount = 0;
  fake.runs = [];
  return { host, writes: plan.writes };
}

/** Addresses whose cell differs between two dumps. */
function changed(a: ReturnType<FakeExcel['dump']>, b: ReturnType<FakeExcel['dump']>): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[sheet] ?? {};
    const y = b[sheet] ?? {};
    for (const addr of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (JSON.stringify(x[addr]) !== JSON.stringify(y[addr])) out.push(`${sheet}!${addr}`);
    }
  }
  return out.sort();
}

/** `000_…`-like stock target written as text with units: 194/180 → 108%, stated 110%. */
const textSheet: FakeSheetInit = {
  name: '進捗',
  cells: {
    C3: '平成29年度',
    D3: '平成30年度',
    E3: '令和元年度',
    F3: '令和2年度',
    G3: '令和3年度',
    A4: '数値目標(1) 企業数 900社（令和7年度）',
    B4: '目標値',
    C4: '180社',
    D4: '360社',
    E4: '540社',
    F4: '720社',
    G4: '900社',
    B5: '実績値',
    C5: '194社',
    D5: '212社',
    B6: '進捗度',
    C6: '110%',
    D6: '59%',
  },
};

describe('applyWrites', () => {
  it('writes exactly the planned cells, in their row’s convention, and nothing else', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), textSheet] });
    const { host, writes } = await planFor(fake);
    expect(writes.map((w) => [w.sheet, w.address, w.value])).toEqual([
      ['別紙1', 'E6', 1.74],
      ['別紙1', 'F6', 1.38],
      ['進捗', 'C6', '108%'],
    ]);
    const before = fake.dump();
    const result = await host.applyWrites(writes, { reviewMode: false });
    expect(result.written).toEqual(writes);
    expect(changed(before, fake.dump())).toEqual(['別紙1!E6', '別紙1!F6', '進捗!C6']);
    expect(fake.cell('別紙1', 'E6')).toMatchObject({ value: 1.74, numberFormat: '0%', fill: '#00B050' });
    expect(fake.cell('別紙1', 'F6')).toMatchObject({ value: 1.38, numberFormat: '0%' });
    // Text stays text: Excel would have read a typed `108%` as the number 1.08.
    expect(fake.cell('進捗', 'C6').value).toBe('108%');
    // Protection, the cells as they are now, the writes.
    expect(fake.syncCount).toBe(3);
    const after = checkWorkbook(await host.readWorkbook()).findings.filter((f) => f.rule.startsWith('progress'));
    expect(after).toEqual([]);
  });

  it('writes a ratio into a blank cell formatted 0% with no number beside it, which shows 138%, not 13800%', async () => {
    const fake = new FakeExcel({
      sheets: [{ name: 'S', cells: { C1: 'R1', D1: 'R2', A2: '数値目標(1)', B2: '目標値', C2: 87, D2: 200, B3: '実績値', C3: 120, B4: '進捗度', C4: { numberFormat: '0%' }, D4: { numberFormat: '0%' } } }],
    });
    const { host, writes } = await planFor(fake);
    expect(writes.map((w) => [w.address, w.value, w.numFmt])).toEqual([['C4', 1.38, undefined]]);
    await host.applyWrites(writes, { reviewMode: false });
    expect(fake.cell('S', 'C4')).toMatchObject({ value: 1.38, numberFormat: '0%' });
    expect(checkWorkbook(await host.readWorkbook()).findings).toEqual([]);
  });

  it('writes live formulas when asked, and the number format only where the plan gives one', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()], evaluate: () => 1.74 });
    const { host, writes } = await planFor(fake, true);
    const e6 = writes.find((w) => w.address === 'E6')!;
    expect(e6.formula).toBe('ROUND(E5/E4,2)');
    expect(e6.numFmt).toBeUndefined();
    await host.applyWrites([{ ...e6 }], { reviewMode: false });
    expect(fake.cell('別紙1', 'E6')).toMatchObject({ formula: '=ROUND(E5/E4,2)', numberFormat: '0%', fill: '#00B050' });
  });

  it('snapshots value, formula, number format and fill, and restore gives them back exactly', async () => {
    const fake = new FakeExcel({
      evaluate: (f) => (f === '=B2/C2' ? 0.5 : 1.38),
      sheets: [
        {
          name: 'S',
          cells: {
            A1: { value: 1.1, numberFormat: '0%', fill: '#00B050' },
            A2: { value: 0.5, formula: '=B2/C2', numberFormat: '0.0%' },
            A3: { value: '110%', fill: '#FFFF00' },
            A4: { numberFormat: '0%' },
            A5: { value: '=1+1' },
          },
        },
      ],
    });
    const host = createOfficeHost({ runtime: fake.runtime });
    const w = (address: string, value: number | string, before: CellWrite['before'], extra: Partial<CellWrite> = {}): CellWrite => ({
      sheet: 'S',
      row: 0,
      col: 0,
      address,
      value,
      before,
      reason: 'mismatch',
      what: 'progress',
      target: '1',
      year: 2019,
      ...extra,
    });
    const original = fake.dump();
    const result = await host.applyWrites(
      [
        w('A1', 1.74, { value: '110%' }),
        w('A2', 1.38, { value: '50.0%', formula: 'B2/C2' }, { formula: 'ROUND(B5/B4,2)' }),
        w('A3', '138%', { value: '110%' }),
        w('A4', 1.38, { value: null }, { numFmt: '0.0%' }),
        w('A5', 'x', { value: '=1+1' }),
      ],
      { reviewMode: false },
    );
    expect(result.snapshot).toEqual([
      { sheet: 'S', address: 'A1', value: 1.1, formula: null, numberFormat: '0%', fill: '#00B050' },
      { sheet: 'S', address: 'A2', value: 0.5, formula: '=B2/C2', numberFormat: '0.0%', fill: null },
      { sheet: 'S', address: 'A3', value: '110%', formula: null, numberFormat: 'General', fill: '#FFFF00' },
      { sheet: 'S', address: 'A4', value: '', formula: null, numberFormat: '0%', fill: null },
      { sheet: 'S', address: 'A5', value: '=1+1', formula: null, numberFormat: 'General', fill: null },
    ]);
    expect(fake.cell('S', 'A4')).toMatchObject({ value: 1.38, numberFormat: '0.0%' });
    fake.syncCount = 0;
    await host.restore(result.snapshot);
    // The sheets' protection, then every cell back.
    expect(fake.syncCount).toBe(2);
    expect(changed(original, fake.dump())).toEqual([]);
    // The text that looks like a formula came back as text, not as a formula.
    expect(fake.cell('S', 'A5')).toMatchObject({ value: '=1+1', formula: undefined });
  });

  it('writes text into a Text-formatted (@) cell without a quote, and it stays text', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', cells: { A1: { value: '110%', numberFormat: '@' } } }] });
    const host = createOfficeHost({ runtime: fake.runtime });
    const write: CellWrite = { sheet: 'S', row: 0, col: 0, address: 'A1', value: '108%', before: { value: '110%' }, reason: 'mismatch', what: 'progress', target: '1', year: 2017 };
    const { snapshot } = await host.applyWrites([write], { reviewMode: false });
    expect(fake.cell('S', 'A1')).toMatchObject({ value: '108%', numberFormat: '@' });
    await host.restore(snapshot);
    expect(fake.cell('S', 'A1')).toMatchObject({ value: '110%', numberFormat: '@' });
  });

  it('refuses to undo over a cell edited since the recalculation, naming it, and puts nothing back', async () => {
    for (const formulas of [false, true]) {
      const fake = new FakeExcel({ sheets: [keihinSheet(), textSheet] });
      const { host, writes } = await planFor(fake, formulas);
      const { snapshot } = await host.applyWrites(writes, { reviewMode: false });
      await fake.userEdit('別紙1', 'F6', 1.5);
      const edited = fake.dump();
      const e = await hostError(host.restore(snapshot, writes));
      expect(e.code).toBe('changed-since-recalculation');
      expect(e.detail).toBe('別紙1!F6');
      expect(fake.dump()).toEqual(edited);
    }
  });

  it('undoes once the edited cell holds again what the recalculation wrote', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), textSheet] });
    const original = fake.dump();
    const { host, writes } = await planFor(fake);
    const { snapshot } = await host.applyWrites(writes, { reviewMode: false });
    await fake.userEdit('別紙1', 'F6', 1.5);
    await fake.userEdit('別紙1', 'F6', 1.38);
    await host.restore(snapshot, writes);
    expect(changed(original, fake.dump())).toEqual([]);
  });

  it('refuses to undo into a sheet protected since, rather than undoing halfway', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), textSheet] });
    const { host, writes } = await planFor(fake);
    const { snapshot } = await host.applyWrites(writes, { reviewMode: false });
    fake.sheets[1].protected = true;
    const written = fake.dump();
    const e = await hostError(host.restore(snapshot));
    expect(e.code).toBe('protected-sheet');
    expect(fake.dump()).toEqual(written);
  });

  it('writes nothing in review mode', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()] });
    const { host, writes } = await planFor(fake);
    const before = fake.dump();
    expect((await hostError(host.applyWrites(writes, { reviewMode: true }))).code).toBe('review-mode');
    expect(fake.syncCount).toBe(0);
    expect(fake.dump()).toEqual(before);
  });

  it('refuses a protected target sheet with its name and writes nothing, not even on the other sheets', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), { ...textSheet, protected: true }] });
    const { host, writes } = await planFor(fake);
    const before = fake.dump();
    const e = await hostError(host.applyWrites(writes, { reviewMode: false }));
    expect(e.code).toBe('protected-sheet');
    expect(e.detail).toBe('進捗');
    expect(fake.dump()).toEqual(before);
  });

  it('refuses when a target cell changed since the check, naming it, and writes nothing', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()] });
    const { host, writes } = await planFor(fake);
    await fake.userEdit('別紙1', 'F6', 1.5);
    const before = fake.dump();
    const e = await hostError(host.applyWrites(writes, { reviewMode: false }));
    expect(e.code).toBe('changed-since-check');
    expect(e.detail).toBe('別紙1!F6');
    expect(fake.dump()).toEqual(before);
  });

  it('refuses a target inside a merged area other than its first cell (a value there would be hidden), naming it, and writes nothing', async () => {
    const { writes } = await planFor(new FakeExcel({ sheets: [keihinSheet()] }));
    expect(writes.map((w) => w.address)).toContain('F6');
    // The same workbook where F6 lies under E6's merged area, as the file's writer refuses it too.
    const fake = new FakeExcel({ sheets: [{ ...keihinSheet(), merges: ['E6:F6'] }] });
    const host = createOfficeHost({ runtime: fake.runtime });
    const before = fake.dump();
    fake.syncCount = 0;
    const e = await hostError(host.applyWrites(writes, { reviewMode: false }));
    expect(e.code).toBe('write-failed');
    expect(e.message).toContain('別紙1!F6');
    expect(e.message).not.toContain('put back');
    expect(fake.dump()).toEqual(before);
    // Protection, then the cells and their merged areas in one sync: nothing more.
    expect(fake.syncCount).toBe(2);
  });

  it('refuses when a target sheet is gone', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()] });
    const { host, writes } = await planFor(fake);
    fake.sheets[0].name = '別紙1 (old)';
    const e = await hostError(host.applyWrites(writes, { reviewMode: false }));
    expect(e.code).toBe('changed-since-check');
    expect(e.detail).toBe('別紙1');
  });

  it('says that cells may be half-written, naming them, when putting back a failed write fails too', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), textSheet] });
    const { host, writes } = await planFor(fake);
    const before = fake.dump();
    // The write fails after two cells, and so does putting them back, after one.
    fake.failNextWriteSync(2, 2);
    const e = await hostError(host.applyWrites(writes, { reviewMode: false }));
    expect(e.code).toBe('write-partial');
    const cells = [...new Set(writes.map((w) => `${w.sheet}!${w.address}`))];
    expect(e.detailIn('ja')).toMatch(new RegExp(`^${cells.join(', ')}。Excel のエラー: `));
    expect(e.detailIn('en')).toMatch(new RegExp(`^${cells.join(', ')}\\. Excel said: `));
    expect(changed(before, fake.dump()).length).toBeGreaterThan(0);
  });

  it('says that cells may be half put back when an undo fails midway', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()] });
    const { host, writes } = await planFor(fake);
    const { snapshot } = await host.applyWrites(writes, { reviewMode: false });
    fake.failNextWriteSync(1);
    const e = await hostError(host.restore(snapshot));
    expect(e.code).toBe('write-partial');
    expect(e.detailIn('en')).toMatch(/^別紙1!E6, 別紙1!F6\. Excel said: /);
  });

  it('puts back what was already written when the write sync fails midway', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet(), textSheet] });
    const { host, writes } = await planFor(fake);
    const before = fake.dump();
    fake.failNextWriteSync(2);
    const e = await hostError(host.applyWrites(writes, { reviewMode: false }));
    expect(e.code).toBe('write-failed');
    // Only here does the pane say that what landed was put back; a refusal before writing says nothing of it.
    expect(e.detailIn('ja')).toMatch(/^途中まで書き込んだ分は元に戻しました。Excel のエラー: /);
    expect(e.detailIn('en')).toMatch(/^what had been written was put back\. Excel said: /);
    // Two writes landed before the failure; the fourth put back number format and value of every target.
    expect(fake.writesPerSync.slice(-2)).toEqual([2, 2 * writes.length]);
    expect(changed(before, fake.dump())).toEqual([]);
    expect(fake.syncCount).toBe(4);
  });

  it('asks for one undo entry (mergeUndoGroup) only where ExcelApi 1.20 has it', async () => {
    for (const [apiVersion, merged] of [
      ['1.20', true],
      ['1.19', false],
    ] as const) {
      const fake = new FakeExcel({ apiVersion, sheets: [keihinSheet()] });
      const { host, writes } = await planFor(fake);
      const result = await host.applyWrites(writes, { reviewMode: false });
      expect(result.mergedUndo).toBe(merged);
      expect(fake.runs).toEqual([merged ? { mergeUndoGroup: true } : {}]);
    }
  });

  it('does nothing for an empty plan', async () => {
    const fake = new FakeExcel({ sheets: [keihinSheet()] });
    const result = await createOfficeHost({ runtime: fake.runtime }).applyWrites([], { reviewMode: false });
    expect(result).toEqual({ written: [], snapshot: [], mergedUndo: true });
    expect(fake.syncCount).toBe(0);
  });
});
