import { describe, expect, it } from 'vitest';
import { checkWorkbook, forgetTexts } from '../../src/engine/check.js';
import { RULE_IDS } from '../../src/engine/findings.js';
import { fixture, keys } from '../helpers.js';

const zeroTargets = (sheet: string, row: number) => ['D', 'E', 'F', 'G'].map((c) => `zero-target@${sheet}!${c}${row}`);

describe('the seeds\' tables, in several layouts: exactly the findings the reports hold', () => {
  it.each([
    ['keihin-2019-text.xlsx', ['sum-mismatch@支援措置!I7']],
    ['keihin-2019-numeric.xlsx', ['sum-mismatch@評価書!K33']],
    ['keihin-2019-offset.xlsx', []],
    ['tsukuba-2024.xlsx', zeroTargets('別紙1', 21)],
    ['tsukuba-2024-goals.xlsx', zeroTargets('別紙1', 23)],
    ['overall-2023.xlsx', []],
  ])('%s', async (name, expected) => {
    const { findings } = checkWorkbook(await fixture(name));
    expect(keys(findings)).toEqual(expected);
  });

  it('a check finds the same with what the checks before it parsed kept (as in a folder checked by one worker) or forgotten (as by npm run bench)', async () => {
    const names = ['planted-errors.xlsx', 'keihin-2019-text.xlsx', 'tsukuba-2024.xlsx', 'overall-2023.xlsx'];
    const books = await Promise.all(names.map((n) => fixture(n)));
    forgetTexts();
    const cold = books.map((b) => {
      forgetTexts();
      return JSON.stringify(checkWorkbook(b).findings);
    });
    const warm = books.map((b) => JSON.stringify(checkWorkbook(b).findings));
    const again = [...books].reverse().map((b) => JSON.stringify(checkWorkbook(b).findings)).reverse();
    expect(warm).toEqual(cold);
    expect(again).toEqual(cold);
  });

  it('recognizes every table of 002_… in the text layout', async () => {
    const { model } = checkWorkbook(await fixture('keihin-2019-text.xlsx'));
    const progress = model.tables.find((t) => t.kind === 'progress');
    expect(progress?.kind === 'progress' && progress.targets.map((t) => [t.id.display, t.mode, t.weight?.value?.value.toNumber() ?? null])).toEqual([
      ['1-①', 'flow', 33],
      ['1-②', 'flow', 33],
      ['1-③', 'flow', 33],
      ['2', 'flow', null],
      ['3', 'flow', null],
      ['4', 'flow', null],
    ]);
    expect(model.tables.map((t) => t.kind).sort()).toEqual(['budget', 'budget', 'progress', 'summary']);
    const summary = model.tables.find((t) => t.kind === 'summary');
    expect(summary?.kind === 'summary' && summary.rows.length).toBe(10);
  });

  it('decides stock targets from goals tied to a year (000_…)', async () => {
    const { model } = checkWorkbook(await fixture('tsukuba-2024-goals.xlsx'));
    const modes = model.tables.flatMap((t) => (t.kind === 'progress' ? t.targets.map((x) => x.mode) : []));
    expect(modes).toEqual(['stock', 'stock', 'stock']);
  });

  it('decides them so from the 本文 too, where the table’s labels state no goal (`数値目標(1)` over 180 … 900, the goal in `数値目標（1）：180 社（令和3年度）→900 社（令和7年度）`, as 000_… prints them)', async () => {
    const { model } = checkWorkbook(await fixture('tsukuba-2024.xlsx'));
    const targets = model.tables.flatMap((t) => (t.kind === 'progress' ? t.targets : []));
    expect(targets.map((x) => [x.label, x.mode, x.modeSource, x.goal?.ref.sheet, x.goal?.year])).toEqual([
      ['数値目標(1)', 'stock', 'goal-year', '本文', 2025],
      ['数値目標(2)', 'stock', 'goal-year', '本文', 2025],
      ['数値目標(3)', 'stock', 'goal-year', '本文', 2025],
    ]);
  });

  it('the planted workbook holds at least one finding of every rule, and nothing else', async () => {
    const { findings } = checkWorkbook(await fixture('planted-errors.xlsx'));
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(RULE_IDS));
    expect(findings.map((f) => [f.rule, f.cell, f.expected, f.stated])).toEqual([
      ['cumulative-total-mismatch', 'B4', 475, 500],
      ['unparseable-number', 'F5', null, null],
      ['weights-sum', 'B6', 100, 80],
      ['progress-mismatch', 'D6', 104, 110],
      ['progress-missing', 'E6', 111, null],
      ['progress-orphan', 'G6', null, 95],
      ['target-missing', 'F7', null, null],
      ['unit-mismatch', 'E8', null, null],
      ['stock-goal-mismatch', 'B10', 850, 900],
      ['stock-decrease', 'F10', 360, 340],
      ['stock-decrease', 'F11', 461, 450],
      ['zero-target', 'D15', null, null],
      ['zero-target', 'E15', null, 100],
      ['weights-missing', 'B18', null, null],
      ['indicator-score-mismatch', 'E26', 105, 120],
      ['summary-mismatch', 'D27', 120, 125],
      ['cumulative-column-short', 'G34', 50000, 40000],
      ['sum-mismatch', 'E35', 80000, 90000],
      ['cumulative-column-short', 'G35', 210000, 190000],
      ['overall-score-mismatch', 'F40', 3.9, 4.1],
      ['overall-score-orphan', 'F41', null, 4.5],
      ['overall-score-missing', 'F42', 4.5, null],
      ['cumulative-goal-unchecked', 'B46', 150, 300],
    ]);
  });
});
