/**
 * Checking grows linearly with the workbook (issue 4): on shapes the benchmark does not make, the work of a step at 4n
 * is about four times its work at n. Work is counted, not timed: the callbacks the step's array methods call, the items
 * its searches of arrays pass and the regular expressions it tests (a search of every earlier item for each item shows
 * as n² of them).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { planRecalculation } from '../../src/engine/fix.js';
import { completeGenerations, indexTargets } from '../../src/engine/indicators.js';
import { book, sheet, type Spec } from '../helpers.js';

const METHODS = ['some', 'every', 'find', 'findIndex', 'filter', 'map', 'forEach', 'reduce'] as const;
const originals = new Map(METHODS.map((m) => [m, Array.prototype[m]]));
const regExpTest = RegExp.prototype.test;
const SEARCHES = ['includes', 'indexOf'] as const;
const searches = new Map(SEARCHES.map((m) => [m, Array.prototype[m]]));

/** The callbacks array methods call, the items searched and the regular expressions tested while `f` runs. */
function callbacksOf(f: () => void): number {
  let calls = 0;
  RegExp.prototype.test = function (this: RegExp, s: string) {
    calls++;
    return regExpTest.call(this, s);
  };
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
  // A search of a list (includes, indexOf) counts as many as the list is long.
  for (const m of SEARCHES) {
    const original = searches.get(m) as (...args: unknown[]) => unknown;
    Object.defineProperty(Array.prototype, m, {
      configurable: true,
      writable: true,
      value(this: unknown[], ...args: unknown[]) {
        calls += this.length;
        return original.apply(this, args);
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
  RegExp.prototype.test = regExpTest;
  for (const m of SEARCHES) Object.defineProperty(Array.prototype, m, { configurable: true, writable: true, value: searches.get(m) });
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

  it('a budget table of n projects with a 小計 under every two and a 合計 under all: each total’s parts are looked for near it', () => {
    const work = (n: number) => {
      const rows: Spec[][] = [['財政支援措置の状況'], ['事業名', '区分', 'H29', 'H30', 'R1', '累計']];
      for (let i = 0; i < n; i++) {
        rows.push([`事業${i}`, '国予算(a)', 100, 100, 100, 300], [null, '自治体予算(b)', 50, 50, 50, 150], [null, '総事業費(a+b)', 150, 150, 150, 450]);
        if (i % 2 === 1) rows.push(['小計', '総事業費(a+b)', 300, 300, 300, 900]);
      }
      rows.push(['合計', '総事業費(a+b)', 150 * n, 150 * n, 150 * n, 450 * n]);
      const wb = book(sheet('S', rows));
      let acrossOf: (number[] | undefined)[] = [];
      const calls = callbacksOf(() => {
        const { model } = checkWorkbook(wb);
        const table = model.tables.find((t) => t.kind === 'budget');
        acrossOf = table?.kind === 'budget' ? table.rows.slice(-2).map((r) => r.acrossOf) : [];
      });
      // The last 小計 adds up the last two projects' totals, the 合計 every 小計.
      const last = 3.5 * n;
      expect(acrossOf).toEqual([[last - 5, last - 2], Array.from({ length: n / 2 }, (_, k) => 6 + 7 * k)]);
      return calls;
    };
    // Before: each 小計 or 合計 tested every row above it for a 合計 (acrossTotals) and each total searched the whole
    // table for its parts (sum-mismatch): 6.8M calls at 800 projects.
    expect(work(800)).toBeLessThan(6 * work(200));
  });

  it('a progress table of 50,000 blocks (150,000 progress cells) is planned for `hyoka fix`, not a stack overflow', () => {
    const { model } = checkWorkbook(book(sheet('別紙1', stacked(1, (i) => `数値目標(${i})`))));
    const table = model.tables[0];
    if (table.kind !== 'progress') throw new Error('no progress table');
    const [target] = table.targets;
    expect(target.progress).toHaveLength(3);
    // The one block's target 50,000 times over: its cells once per block, as a table of 50,000 blocks holds its own.
    table.targets = Array.from({ length: 50_000 }, () => target);
    expect(planRecalculation(model).writes).toEqual([]);
  });

  it('a row reaching column XFD (a note far right of a block) is read by its cells, not by each of its 16,384 columns', () => {
    const s = sheet('別紙1', stacked(1, (i) => `数値目標(${i})`));
    const row = s.rows[2];
    row[16_383] = { value: '※ 実績は速報値' };
    // Every cell of the row read: each column tried shows as a read of the row at that column.
    let reads = 0;
    s.rows[2] = new Proxy(row, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const { findings } = checkWorkbook(book(s));
    expect(findings).toEqual([]);
    // Before: 16,397 (the scan tried each column).
    expect(reads).toBeLessThan(1_000);
  });

  it('a summary table of n rows, half of them wrong: each row is written as its column is, the column looked through once', () => {
    const work = (n: number) => {
      const text: Spec[][] = [['評価対象年度：令和元年度'], ['数値目標', '当該年度目標値', '当該年度実績値', '進捗度']];
      for (let i = 1; i <= n; i++) text.push([`数値目標(${i})`, '87億円', '120億円', i % 2 ? '138%' : '150%']);
      const { model } = checkWorkbook(book(sheet('別紙1', stacked(n, (i) => `数値目標(${i})`)), sheet('本文', text)));
      let writes = 0;
      const calls = callbacksOf(() => {
        writes = planRecalculation(model).writes.length;
      });
      expect(writes).toBe(n / 2);
      return calls;
    };
    // Before: each row's minus sign and thousands separator were looked for in every cell of the column: 2.6M calls at 800 rows.
    expect(work(800)).toBeLessThan(6 * work(200));
  });

  it('a target repeated on n sheets (each year’s 別紙1) and a summary line of it: the sheets’ names are weighed in one pass', () => {
    const work = (n: number) => {
      const sheets = Array.from({ length: n }, (_, i) => sheet(`別紙1 (${i + 1})`, stacked(1, () => '数値目標(1)')));
      const text = sheet(`本文 (${n})`, [['評価対象年度：令和元年度'], ['数値目標（1）：投資額'], ['【当該年度目標値 87 億円、当該年度実績値 120 億円、進捗度 150%】']]);
      const wb = book(...sheets, text);
      let found: string[] = [];
      const calls = callbacksOf(() => {
        found = checkWorkbook(wb).findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
      });
      // The line is checked against the table on the sheet its name pairs it with (138 %, not 150 %).
      expect(found).toEqual([`summary-mismatch@本文 (${n})!A3`]);
      return calls;
    };
    // Before: each name's parts were looked for in every other name's, for each table weighed: 102,000 calls at 200 sheets.
    expect(work(200)).toBeLessThan(6 * work(50));
  });

  it('n blocks whose progress keeps a mark saying the opposite (`○95%` for 87 %): each is noted once, not looked for in the list', () => {
    const work = (n: number) => {
      const rows: Spec[][] = [[null, null, ...YEARS]];
      for (let i = 1; i <= n; i++) {
        rows.push([`数値目標(${i}) 投資額`, '目標値', '115億円', '81億円', '87億円']);
        rows.push([null, '実績値', '100億円', '141億円', '120億円']);
        rows.push([null, '進捗度(%)', '○95%', '174%', '138%']);
      }
      const { model } = checkWorkbook(book(sheet('別紙1', rows)));
      let kept = 0;
      const calls = callbacksOf(() => {
        kept = planRecalculation(model).marksKept.length;
      });
      expect(kept).toBe(n);
      return calls;
    };
    // Before: each mark kept was looked for in the list of those before it (marksKept.includes): 329,000 at 800 blocks.
    expect(work(800)).toBeLessThan(6 * work(200));
  });
});
