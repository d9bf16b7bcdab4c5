/**
 * Checking grows linearly with the workbook (issue 4): on shapes the benchmark does not make, the work of a step at 4n
 * is about four times its work at n. Work is counted, not timed: the callbacks the step's array methods call (a search
 * of every earlier item for each item shows as n² of them).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { completeGenerations, indexTargets } from '../../src/engine/indicators.js';
import { book, sheet, type Spec } from '../helpers.js';

const METHODS = ['some', 'every', 'find', 'findIndex', 'filter', 'map', 'forEach', 'reduce'] as const;
const originals = new Map(METHODS.map((m) => [m, Array.prototype[m]]));

/** The callbacks array methods call while `f` runs. */
function callbacksOf(f: () => void): number {
  let calls = 0;
  for (const m of METHODS) {
    const original = originals.get(m) as (...args: unknown[]) => unknown;
    Object.defineProperty(Array.prototype, m, {
      configurable: true,
      writable: true,
      value(this: unknown[], callback: (...args: unknown[]) => unknown, ...rest: unknown[]) {
        return original.call(this, (...args: unknown[]) => (calls++, callback(...args)), ...rest);
      },
    });
  }
  try {
    f();
  } finally {
    restore();
  }
  return calls;
}

function restore(): void {
  for (const m of METHODS) Object.defineProperty(Array.prototype, m, { configurable: true, writable: true, value: originals.get(m) });
}

afterEach(restore);

const YEARS = ['平成29年度', '平成30年度', '令和元年度'];

/** `n` blocks stacked under one row of years, each with the label `id(i)`. */
function stacked(n: number, id: (i: number) => string): Spec[][] {
  const rows: Spec[][] = [[null, null, ...YEARS]];
  for (let i = 1; i <= n; i++) {
    rows.push([`${id(i)} 投資額`, '目標値', '115億円', '81億円', '87億円']);
    rows.push([null, '実績値', '119億円', '141億円', '120億円']);
    rows.push(['寄与度(※):33%', '進捗度(%)', '104%', '174%', '138%']);
  }
  return rows;
}

describe('work that grows linearly with the workbook', () => {
  it('one id repeated n times (数値目標(1)-① in every block): the generations are found without comparing every pair', () => {
    const work = (n: number) => {
      const { model } = checkWorkbook(book(sheet('別紙1', stacked(n, () => '数値目標(1)-①'))));
      let generations = 0;
      const calls = callbacksOf(() => {
        const index = indexTargets(model);
        generations = index.repeats?.generations.get('1')?.length ?? 0;
        for (const _ of completeGenerations(index)) void _;
      });
      expect(generations).toBe(n);
      return calls;
    };
    // Before: each generation searched every earlier one, twice (indexRepeats, completeGenerations): 1.28M calls at 800 blocks.
    expect(work(800)).toBeLessThan(6 * work(200));
  });
});
