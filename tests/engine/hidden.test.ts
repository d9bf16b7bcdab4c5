import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { planRecalculation } from '../../src/engine/fix.js';
import { describeFault } from '../../src/engine/messages/index.js';
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

  it('hidden rows that hold figures or labels are noted as not checked (a collapsed group around one target), empty ones are not', () => {
    const s = sheet('S', [
      [null, null, 'R4', 'R5', 'R6'],
      ['数値目標(1) 連携企業数', '目標値', 100, 100, 100],
      [null, '実績値', 50, 50, 50],
      [null, '進捗度', '51%', '50%', '50%'],
      [],
      ['数値目標(2) 連携件数', '目標値', 360, 540, 720],
      [null, '実績値', 461, 580, 707],
      [null, '進捗度', '128%', '107%', '98%'],
    ]);
    // Target (1)'s group collapsed (rows 2-4), and the empty row 5 hidden too.
    s.hiddenRows = [1, 2, 3, 4];
    const { model, findings } = checkWorkbook(book(s));
    expect(keys(findings)).toEqual([]);
    const table = model.tables.find((t) => t.kind === 'progress');
    expect(table?.kind === 'progress' && table.targets.map((t) => t.id.display)).toEqual(['2']);
    expect(model.faults).toEqual([{ sheet: 'S', reason: 'hidden-rows', detail: '2-4' }]);
    expect(describeFault('hidden-rows: 2-4', 'en')).toEqual({ text: 'hidden rows 2-4 were not checked (a collapsed group, or rows hidden by hand)', checked: false });
    expect(describeFault('hidden-rows: 2-4', 'ja').text).toContain('非表示の行 2～4 は検査していません');
  });

  it('a hidden column holding figures is noted; a row of an id merged into shown rows counts as shown', () => {
    const s = sheet(
      'S',
      [
        [null, null, 'R4', 'R5', 'R6'],
        ['数値目標(1) 連携企業数', '目標値', 360, 540, 720],
        [null, '実績値', 461, 580, 707],
        [null, '進捗度', '1%', '107%', '98%'],
      ],
      ['A2:A4'],
    );
    s.hiddenCols = [2];
    s.hiddenRows = [1];
    const { model } = checkWorkbook(book(s));
    // Row 2's id shows in the merged area; its 目標値 and figures do not.
    expect(model.faults).toEqual([
      { sheet: 'S', reason: 'hidden-rows', detail: '2' },
      { sheet: 'S', reason: 'hidden-columns', detail: 'C' },
    ]);
    expect(describeFault('hidden-columns: C', 'en').text).toBe('hidden column C was not checked');
    expect(describeFault('hidden-columns: C-D', 'en').text).toBe('hidden columns C-D were not checked');
    expect(describeFault('hidden-rows: 2', 'en').text).toBe('hidden row 2 was not checked (a collapsed group, or rows hidden by hand)');
    expect(describeFault('filtered-rows: 2, 5', 'en').text).toBe('rows 2, 5, hidden by a filter, were checked as if shown (a filter only changes the view)');
  });

  it('rows hidden by a filter are read as shown, checked and fixed, and noted', () => {
    const s = sheet('S', [
      ['区分', '項目', 'R4', 'R5', 'R6'],
      ['数値目標(1) 連携企業数', '目標値', 360, 540, 720],
      [null, '実績値', 461, 580, 707],
      [null, '進捗度', '128%', '107%', '99%'],
    ]);
    // Filtered to the 進捗度 row.
    s.filteredRows = [1, 2];
    const { model, findings } = checkWorkbook(book(s));
    expect(keys(findings)).toEqual(['progress-mismatch@S!E4']);
    expect(planRecalculation(model).writes.map((w) => w.address)).toEqual(['E4']);
    expect(model.faults).toEqual([{ sheet: 'S', reason: 'filtered-rows', detail: '2-3' }]);
    expect(describeFault('filtered-rows: 2-3', 'en')).toMatchObject({ checked: true });
  });

  it('a long list of hidden rows is cut short with how many there are', () => {
    const rows = [[null, null, 'R4', 'R5', 'R6'], ...Array.from({ length: 60 }, (_, i) => [`メモ${i}`])];
    const s = sheet('S', rows);
    s.hiddenRows = Array.from({ length: 30 }, (_, i) => 1 + 2 * i);
    const detail = checkWorkbook(book(s)).model.faults[0].detail ?? '';
    expect(detail.startsWith('2, 4, 6')).toBe(true);
    expect(detail.endsWith('40, … (30 in all)')).toBe(true);
    // The report's list is data; the Japanese note says it in Japanese, with no English left in it.
    const ja = describeFault(`hidden-rows: ${detail}`, 'ja').text;
    expect(ja).toBe(`非表示の行 ${Array.from({ length: 20 }, (_, i) => 2 + 2 * i).join('、')}、…(全 30 行) は検査していません(折りたたんだグループや、手で非表示にした行です)`);
    expect(describeFault(`hidden-rows: ${detail}`, 'en').text).toContain('40, … (30 in all) were not checked');
  });

  it('a Japanese note writes spans of rows and columns with ～ and lists them with 、', () => {
    expect(describeFault('hidden-columns: C-E, H', 'ja').text).toBe('非表示の列 C～E、H は検査していません');
    expect(describeFault('filtered-rows: 5-8, 12', 'ja').text).toBe('フィルターで非表示の行 5～8、12 も、表示されているものとして検査しました(フィルターは表示の切り替えです)');
    expect(describeFault('hidden-columns: C, E, … (25 in all)', 'ja').text).toBe('非表示の列 C、E、…(全 25 列) は検査していません');
  });
});
