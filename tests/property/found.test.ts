/**
 * The cases the property tests found, kept as plain examples: each failed before the engine
 * change named in its title.
 */
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { planRecalculation } from '../../src/engine/fix.js';
import type { Workbook } from '../../src/engine/grid.js';
import { book, keys, sheet, type Spec } from '../helpers.js';
import { applyWrites, cellsOf, shiftFinding, shiftSheet, undoWrites } from './grids.js';

const writesOf = (wb: Workbook) => planRecalculation(checkWorkbook(wb).model).writes.map((w) => [w.address, w.value]);
const fixOnce = (wb: Workbook) => applyWrites(wb, planRecalculation(checkWorkbook(wb).model).writes);

describe('cases the property tests found', () => {
  it('a ratio row keeps its ratios at or above 10: 12 is 1,200 %, so the fix writes 12 once (isRatioCell)', () => {
    const wb = book(sheet('S', [[null, null, 'R1', 'R2'], ['数値目標(1)', '目標値', 1, 10], [null, '実績値', 12, 12], [null, '進捗度', 1.1, 1.2]]));
    expect(writesOf(wb)).toEqual([['C4', 12]]);
    const fixed = fixOnce(wb);
    expect(writesOf(fixed)).toEqual([]);
    expect(keys(checkWorkbook(fixed).findings)).toEqual([]);
  });

  it('a blank cell in a row of ratios is written as a ratio only when the check will read it as one (conventionOf gets the unrounded progress)', () => {
    // 260 ÷ 1,331 × 100 = 19.53: below the 20 % from which a number under 10 reads as a ratio. The 0 reads the same
    // as a ratio or a percentage and tells nothing of the row's way: the row is written in percent (statesRatio).
    const wb = book(sheet('S', [[null, null, 'R1', 'R2'], ['数値目標(1)', '目標値', 1331, 100], [null, '実績値', 260, 100], [null, '進捗度', null, 0]]));
    expect(writesOf(wb)).toEqual([
      ['C4', 20],
      ['D4', 100],
    ]);
    expect(writesOf(fixOnce(wb))).toEqual([]);
  });

  it('a summary progress of 0 is rewritten in percent, as the summary rule reads its bare numbers (conventionOf readsRatios)', () => {
    // Found by tests/property/settle.test.ts: the summary's 0 (a formula over another year's 0 %) became 1, read as 1 %.
    const wb = book(
      sheet('別紙1', [[null, null, 'R3', 'R4', 'R5'], ['数値目標(1)-① 件数', '目標値', 1, 64, 1], [null, '実績値', 0, 0, 1], ['寄与度(※):100%', '進捗度', 0, 0, 100]]),
      sheet('本文', [['評価対象年度：令和5年度'], ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度'], ['評価指標(1)', '数値目標(1)-①', 1, 1, 0]]),
    );
    expect(writesOf(wb)).toEqual([['E3', 100]]);
    expect(writesOf(fixOnce(wb))).toEqual([]);
  });

  it('undo puts back the number a 0% cell stores, not its text (ValueCell.stored)', () => {
    const wb = book(sheet('S', [[null, null, 'R1'], ['数値目標(1)', '目標値', 87], [null, '実績値', 120], [null, '進捗度', { v: 1.28, fmt: '0%' }]]));
    const writes = planRecalculation(checkWorkbook(wb).model).writes;
    expect(writes.map((w) => [w.address, w.before, w.value])).toEqual([['C4', { value: 1.28, numFmt: '0%' }, 1.38]]);
    expect([...cellsOf(undoWrites(applyWrites(wb, writes), writes))]).toEqual([...cellsOf(wb)]);
  });

  it('an actual row belongs to the nearest 目標値 above it, not to two blocks (detectProgressTables)', () => {
    const wb = book(sheet('S', [[null, null, 'R1', 'R2'], ['数値目標(1)', '目標値(当初)', 100, 100], [null, '目標値(変更後)', 120, 120], [null, '実績値', 110, 130], [null, '進捗度', 92, 108]]));
    const { model, findings } = checkWorkbook(wb);
    const targets = model.tables.flatMap((t) => (t.kind === 'progress' ? t.targets.map((x) => x.rows) : []));
    expect(targets).toEqual([{ target: 2, actual: 3, progress: 4 }]);
    expect(keys(findings)).toEqual([]);
  });

  it('a summary line that agreed with a progress the fix rewrites is rewritten in the same fix (planRecalculation)', () => {
    // 002_…: 120/87 → 138, 41/60 → 68, 103/100 → 103; the indicator is 103. A stated 148 made the line say 106.
    const wb = book(
      sheet('S', [
        [null, null, '令和元年度'],
        ['数値目標(1)-①', '目標値', 87],
        ['', '実績値', 120],
        ['寄与度(※):33%', '進捗度(%)', 148],
        ['数値目標(1)-②', '目標値', 60],
        ['', '実績値', 41],
        ['寄与度(※):33%', '進捗度(%)', 68],
        ['数値目標(1)-③', '目標値', 100],
        ['', '実績値', 103],
        ['寄与度(※):33%', '進捗度(%)', 103],
        [],
        ['評価指標（1）：研究開発の推進【進捗度 106%】'],
      ] as Spec[][]),
    );
    expect(writesOf(wb)).toEqual([
      ['C4', 138],
      ['A12', '評価指標（1）：研究開発の推進【進捗度 103%】'],
    ]);
    expect(writesOf(fixOnce(wb))).toEqual([]);
  });

  it('a row of 寄与度 or 進捗度 holding year-like numbers is no year header for the blocks below (SheetScan)', () => {
    const wb = book(
      sheet('S', [
        [null, null, 'R1', 'R2', 'R3'],
        ['数値目標(1)', '目標値', 1, 1, 1],
        [null, '実績値', 20.2, 20.21, 20.22],
        ['寄与度(※):33%', '進捗度', 2020, 2021, 2022],
        ['数値目標(2)', '目標値', 10, 10, 10],
        [null, '実績値', 11, 12, 13],
        ['寄与度(※):33%', '進捗度', 110, 120, 130],
      ]),
    );
    const years = checkWorkbook(wb).model.tables.flatMap((t) => (t.kind === 'progress' ? t.targets.map((x) => x.columns.map((c) => c.year)) : []));
    expect(years).toEqual([
      [2019, 2020, 2021],
      [2019, 2020, 2021],
    ]);
  });

  it('a summary header in column A reads its rows the same as one header moved right (detectSummaryGrids)', () => {
    const s = sheet('S', [['目標値', '実績値', '進捗度'], ['数値目標(1) 87億円', '120億円', '138%']]);
    const moved = shiftSheet(s, 0, 1);
    expect(checkWorkbook(book(moved)).findings).toEqual(checkWorkbook(book(s)).findings.map((f) => shiftFinding(f, 0, 1)));
    expect(checkWorkbook(book(s)).findings).toEqual([]);
  });

  it('a label merged down past the last listed row reads the same whether the empty row is listed or not (SheetView.rowCount)', () => {
    // Found by the 50× move soak: the trailing empty row under 寄与度 was the block's progress row, or was not, as the rows were listed.
    const rows: Spec[][] = [
      [null, null, 'R4'],
      ['数値目標(1)', '目標値', 10],
      ['寄与度(※):33%', '実績値', 12],
    ];
    const listed = sheet('S', [...rows, [null]], ['A3:A4']);
    const unlisted = sheet('S', rows, ['A3:A4']);
    expect(unlisted.rows.length).toBe(3);
    expect(keys(checkWorkbook(book(unlisted)).findings)).toEqual(keys(checkWorkbook(book(listed)).findings));
    expect(keys(checkWorkbook(book(unlisted)).findings)).toEqual(['progress-missing@S!C4']);
  });

  it('a block’s progress row on top or under its 実績値 is chosen by labels, so a recalculation’s writes cannot move it (progress.ts)', () => {
    // Found by the 50× fix soak: D7, written as the third block's progress, agreed with the second block's figures,
    // which then took it, and the third block's row under it was written next.
    const wb = book(
      sheet('S', [
        [null, null, '令和2年度', 'FY2024'],
        ['数値目標(1)-① 投資額', '目標値', null, null],
        [null, '実績値', null, null],
        ['寄与度(※):33%', '進捗度(%)', null, '平成29年度'],
        ['数値目標(1)-① 投資額', '目標値', null, 1601],
        [null, '実績値', null, '8者'],
        ['寄与度(※):33%', '進捗度(%)', null, null],
        ['数値目標(1)-① 投資額', '目標値', null, 1801],
        [null, '実績値', null, '9あ'],
        ['寄与度(※):33%', '進捗度(%)', null, null],
      ]),
    );
    expect(writesOf(wb)).toEqual([['D7', 0]]);
    expect(writesOf(fixOnce(wb))).toEqual([]);
  });

  it('an indicator cell takes no neighbour’s number format that shows a unit or a year (conventionOf)', () => {
    // The 60× fix soak: a progress of 1 in a cell formatted "令和"0"年度" lent that format to the indicator's empty
    // cell, where the written 0.01 read back as 0.01 令和年度, and every recalculation wrote it again.
    const wb: Workbook = {
      sheets: [
        {
          name: '別紙1',
          rows: [
            [undefined, undefined, { value: 'H28(基準)' }, { value: 'R2' }],
            [{ value: '数値目標(1)-① 投資額 475億円 (累計)' }, { value: '目標値' }, undefined, { value: 0, numFmt: '[=0]"-";0"件"' }],
            [undefined, { value: '実績値' }],
            [{ value: '寄与度(※):33%' }, { value: '進捗度(%)' }, undefined, { value: 1, numFmt: '"令和"0"年度"', text: '令和1年度' }],
            [{ value: '評価指標(1)の進捗度' }],
          ],
          merges: [],
        },
      ],
    };
    const writes = planRecalculation(checkWorkbook(wb).model).writes;
    expect(writes.map((w) => [w.address, w.value, w.numFmt, w.styleFrom])).toEqual([['D5', 1, undefined, undefined]]);
    expect(writesOf(fixOnce(wb))).toEqual([]);
  });

  it('a cell whose own format shows a unit or a year is written a plain number, never a ratio (conventionOf)', () => {
    // The 60× fix soak: an indicator cell holding 1 formatted "令和"0"年度" took 300 % as the ratio 3, which the check
    // reads as 3, and every recalculation wrote it again.
    const year = { numFmt: '"令和"0"年度"', text: '令和1年度' };
    const wb: Workbook = {
      sheets: [
        {
          name: '別紙1',
          rows: [
            [undefined, undefined, { value: 'R2現状' }],
            [{ value: '数値目標(1)-① 連携企業数 475社 (累計)' }, { value: '目標値' }, { value: 1, ...year }],
            [undefined, { value: '実績値' }, { value: '3' }],
            [{ value: '寄与度(※):33%' }, { value: '進捗度(%)' }],
            [{ value: '数値目標(1)-① 連携企業数 475社 (累計)' }, { value: '評価指標の進捗度' }, { value: 1, ...year }],
          ],
          merges: [],
        },
      ],
    };
    expect(writesOf(wb)).toEqual([['C5', 300]]);
    expect(writesOf(fixOnce(wb))).toEqual([]);
  });
});

