/**
 * The recalculation's formulas as properties (settle.ts): a progress table with random figures, and a summary on another
 * sheet whose progress cells are formulas referring to the table's progress cells (the evaluation year's, or by mistake
 * another year's), saved with the results they had. After the fix, with the saved results it gives: a second fix writes
 * nothing, each saved result is what the formula gives (a mean of the progress cells too), a formula referring to the
 * right cell is never replaced, and only a formula it cannot work out makes Excel recalculate on opening.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { planRecalculation } from '../../src/engine/fix.js';
import { a1, cellIndex, type Workbook } from '../../src/engine/grid.js';
import { formulaResults } from '../../src/io/xlsx/evaluate.js';
import { settleFormulas } from '../../src/io/xlsx/settle.js';
import { book, sheet, type Spec } from '../helpers.js';
import { applyWrites } from './grids.js';

const YEARS = ['R3', 'R4', 'R5'];
const IDS = ['①', '②', '③'];

const target = fc.record({
  target: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 3, maxLength: 3 }),
  actual: fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 3, maxLength: 3 }),
  // Each year's stated progress: right, or off by some points.
  off: fc.array(fc.constantFrom(0, 0, 1, -3, 25), { minLength: 3, maxLength: 3 }),
  // The year the summary's formula refers to: the evaluation year (R5), or by mistake another.
  refers: fc.constantFrom(2, 2, 2, 1, 0),
  asRatio: fc.boolean(),
});

type Target = typeof target extends fc.Arbitrary<infer T> ? T : never;

/** `extras`: a reference formula over the evaluation year's progress cells (a mean), and one the evaluator does not know. */
function workbookOf(targets: Target[], extras = { mean: false, unknown: false }): Workbook {
  const rows: Spec[][] = [[null, null, ...YEARS]];
  const progressCell: string[][] = [];
  targets.forEach((t, k) => {
    rows.push([`数値目標(1)-${IDS[k]} 件数`, '目標値', ...t.target]);
    rows.push([null, '実績値', ...t.actual]);
    const row = rows.length;
    progressCell.push(YEARS.map((_, y) => a1(row, 2 + y)));
    rows.push([`寄与度(※):${targets.length === 1 ? 100 : Math.floor(100 / targets.length)}%`, '進捗度', ...t.target.map((v, y) => {
      const p = Math.round((t.actual[y] / v) * 100) + t.off[y];
      return t.asRatio ? { v: p / 100, fmt: '0%' } : p;
    })]);
  });
  const evaluated = progressCell.map((cells) => cells[2]);
  if (extras.mean) rows.push(['参考', null, null, null, { v: 0, f: `ROUND(AVERAGE(${evaluated.join(',')}),0)` }]);
  if (extras.unknown) rows.push(['参考', null, null, null, { v: '-', f: `TEXT(${evaluated[0]},"0")` }]);
  const table = sheet('別紙1', rows);
  // The mean saved with the result Excel gave it.
  if (extras.mean) {
    const mean = rows.length - (extras.unknown ? 2 : 1);
    table.rows[mean][4]!.value = formulaResults([table])[0].get(cellIndex(mean, 4)) as number;
  }
  const value = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return table.rows[Number(m[2]) - 1][m[1].charCodeAt(0) - 65]!.value as number;
  };
  const body: Spec[][] = [['評価対象年度：令和5年度'], ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度']];
  targets.forEach((t, k) => {
    const ref = progressCell[k][t.refers];
    body.push(['評価指標(1)', `数値目標(1)-${IDS[k]}`, t.target[2], t.actual[2], { v: value(ref), f: `'別紙1'!${ref}`, fmt: t.asRatio ? '0%' : undefined }]);
  });
  return book(table, sheet('本文', body));
}

/** The workbook after the fix: the writes made and each refreshed formula's new result saved. */
function fixed(wb: Workbook) {
  const settled = settleFormulas(wb, planRecalculation(checkWorkbook(wb).model));
  const after = applyWrites(wb, settled.writes);
  for (const f of settled.refreshed) {
    const cell = after.sheets.find((s) => s.name === f.sheet)!.rows[f.row][f.col]!;
    after.sheets.find((s) => s.name === f.sheet)!.rows[f.row][f.col] = typeof f.value === 'object' && f.value !== null ? { ...cell, value: null, error: f.value.error } : { ...cell, value: f.value };
  }
  return { settled, after };
}

describe('formulas referring to the cells a fix rewrites', () => {
  it('a second fix writes nothing, saved results are what the formulas give, and a right reference stays a formula', () => {
    fc.assert(
      fc.property(fc.array(target, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), (targets, mean, unknown) => {
        const wb = workbookOf(targets, { mean, unknown });
        const { settled, after } = fixed(wb);
        expect(settleFormulas(after, planRecalculation(checkWorkbook(after).model)).writes.map((w) => `${w.sheet}!${w.address}`)).toEqual([]);
        const results = formulaResults(after.sheets);
        after.sheets.forEach((s, i) =>
          s.rows.forEach((cells, r) =>
            cells?.forEach((cell, c) => {
              if (cell?.formula && !cell.formula.startsWith('TEXT')) expect(cell.value, `${s.name}!${a1(r, c)}`).toBe(results[i].get(cellIndex(r, c)));
            }),
          ),
        );
        targets.forEach((t, k) => {
          if (t.refers === 2) expect(settled.writes.some((w) => w.sheet === '本文' && w.row === 2 + k)).toBe(false);
        });
        // Only a formula it cannot work out makes Excel recalculate on opening (when anything is written at all).
        expect(settled.recalcOnOpen).toBe(unknown && settled.writes.length > 0);
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });
});
