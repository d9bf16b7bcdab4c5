/**
 * Detection on random grids: it never throws, and a grid without the labels tables are built
 * from holds no table and gets no finding, whatever numbers, words, years and merges it holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import { planRecalculation } from '../../src/engine/fix.js';
import { buildReport, fileReport } from '../../src/engine/report.js';
import { anyCell, plainCell, sheetArb } from './grids.js';

describe('detection on random grids', () => {
  it('finds no table and no finding where no label stands, and never throws', () => {
    fc.assert(
      fc.property(fc.array(sheetArb('S', plainCell), { minLength: 1, maxLength: 3 }), (sheets) => {
        const wb = { sheets: sheets.map((s, i) => ({ ...s, name: `Sheet${i + 1}` })) };
        const { model, findings } = checkWorkbook(wb);
        expect(model.tables).toEqual([]);
        expect(findings).toEqual([]);
        expect(planRecalculation(model).writes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on grids of labels, numbers and words in any arrangement, and its report passes the published schema', () => {
    fc.assert(
      fc.property(sheetArb('別紙1', anyCell, { rows: 30, cols: 10 }), fc.constantFrom<'ja' | 'en'>('ja', 'en'), (sheet, lang) => {
        const { model, findings } = checkWorkbook({ sheets: [sheet] });
        buildReport([fileReport('random.xlsx', model, findings, lang)]);
        for (const formulas of [false, true]) {
          const plan = planRecalculation(model, { formulas });
          for (const w of plan.writes) expect(w.sheet).toBe('別紙1');
        }
      }),
      { numRuns: 400 },
    );
  });
});
