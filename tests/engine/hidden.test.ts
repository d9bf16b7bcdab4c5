import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { planRecalculation } from '../../src/engine/fix.js';
import { book, findingsOf, keys, sheet } from '../helpers.js';

/** Hidden rows and columns are read as a reviewer sees the table: not at all. */
describe('hidden rows and columns', () => {
  it('an old 進捗度 row hidden under 実績値 is not checked; the one shown under it is', () => {
    const s = sheet('S', [
      [null, null, 'R4', 'R5', 'R6'],
      ['数値目標(1) 連携企業数', '目標値', 360, 540, 720],
      [null, '実績値', 461, 580, 707],
      [null, '進捗度', '50%', '60%', '70%'],
      [null, '進捗度', '128%', '107%', '99%'],
    ]);
    s.hiddenRows = [3];
    const { model, findings } = checkWorkbook(book(s));
    expect(keys(findings)).toEqual(['progress-mismatch@S!E5']);
    expect(findings[0]).toMatchObject({ expected: 98, stated: 99 });
    // The fix writes into the row shown, never into the hidden one.
    expect(planRecalculation(model).writes.map((w) => w.address)).toEqual(['E5']);
  });

  it('an old 目標値 row hidden under the one shown is not read as the goal', () => {
    const s = sheet('S', [
      [null, null, 'R4', 'R5', 'R6'],
      ['数値目標(1) 連携企業数', '目標値', 360, 540, 720],
      [null, '目標値', 100, 100, 100],
      [null, '実績値', 461, 580, 707],
      [null, '進捗度', '128%', '107%', '98%'],
    ]);
    s.hiddenRows = [2];
    expect(keys(findingsOf(book(s)))).toEqual([]);
  });

  it('an id merged down the block shows where its first row is hidden: the hidden old 目標値 row takes no id with it', () => {
    const s = sheet(
      'S',
      [
        [null, null, 'R4', 'R5', 'R6'],
        ['数値目標(1) 連携企業数', '目標値', 100, 100, 100],
        [null, '目標値', 360, 540, 720],
        [null, '実績値', 461, 580, 707],
        [null, '進捗度', '128%', '107%', '99%'],
      ],
      ['A2:A5'],
    );
    s.hiddenRows = [1];
    const { model, findings } = checkWorkbook(book(s));
    expect(keys(findings)).toEqual(['progress-mismatch@S!E5']);
    const table = model.tables.find((t) => t.kind === 'progress');
    expect(table?.kind === 'progress' && table.targets.map((t) => t.id.display)).toEqual(['1']);
  });

  it('a hidden year column is part of no table', () => {
    const s = sheet('S', [
      [null, null, 'R4', 'R5', 'R6'],
      ['数値目標(1) 連携企業数', '目標値', 360, 540, 720],
      [null, '実績値', 461, 580, 707],
      [null, '進捗度', '1%', '107%', '99%'],
    ]);
    s.hiddenCols = [2];
    const { model, findings } = checkWorkbook(book(s));
    expect(keys(findings)).toEqual(['progress-mismatch@S!E4']);
    const table = model.tables.find((t) => t.kind === 'progress');
    expect(table?.kind === 'progress' && table.targets[0].columns.map((c) => c.year)).toEqual([2023, 2024]);
    expect(planRecalculation(model).writes.map((w) => w.address)).toEqual(['E4']);
  });

  it('a sheet hiding nothing is read as it is', () => {
    const s = sheet('S', [
      [null, null, 'R4', 'R5', 'R6'],
      ['数値目標(1) 連携企業数', '目標値', 360, 540, 720],
      [null, '実績値', 461, 580, 707],
      [null, '進捗度', '128%', '107%', '99%'],
    ]);
    s.hiddenRows = [];
    s.hiddenCols = [];
    expect(keys(findingsOf(book(s)))).toEqual(['progress-mismatch@S!E4']);
  });
});
