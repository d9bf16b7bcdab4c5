/**
 * Tables are found by their labels, never by their position: moving every cell and merged area
 * of a fixture's sheet by (dr, dc), or onto another sheet, changes no finding but its address.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import type { Finding } from '../../src/engine/findings.js';
import { a1, type Sheet, type Workbook } from '../../src/engine/grid.js';
import { readXlsx } from '../../src/io/xlsx/read.js';
import { FIXTURES, fixtureBytes } from '../helpers.js';
import { origin, PLAIN_WORDS, shiftFinding, shiftSheet, tableishSheet } from './grids.js';

const NAMES = readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'));
const fixtures = new Map<string, Workbook>();
beforeAll(async () => {
  for (const name of NAMES) fixtures.set(name, await readXlsx(fixtureBytes(name)));
});

const key = (f: Finding) => `${f.sheet}!${f.cell} ${f.rule}`;
const sorted = (fs: Finding[]) => [...fs].sort((x, y) => key(x).localeCompare(key(y)));

/** What the tables are, with their ranges moved back by the same shift. */
function tablesOf(wb: Workbook, sheetNames: Map<string, string> = new Map(), dr = 0, dc = 0) {
  return checkWorkbook(wb)
    .model.tables.map((t) => {
      const ids = t.kind === 'progress' ? t.targets.map((x) => `${x.id.display}:${x.mode}`).join(',') : '';
      return `${t.kind} ${sheetNames.get(t.sheet) ?? t.sheet}!${a1(t.range.top - dr, t.range.left - dc)}:${a1(t.range.bottom - dr, t.range.right - dc)} ${ids}`;
    })
    .sort();
}

describe('moving a table changes no finding but its address', () => {
  it('every fixture finds tables (so the laws below are not vacuous)', () => {
    for (const name of NAMES) expect(checkWorkbook(fixtures.get(name)!).model.tables.length, name).toBeGreaterThan(0);
  });

  it('shifting one sheet of a fixture by (dr, dc) shifts its findings and its tables, and nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.nat(20), fc.integer({ min: -40, max: 40 }), fc.integer({ min: -12, max: 12 }), (name, pick, rawDr, rawDc) => {
        const wb = fixtures.get(name)!;
        const index = pick % wb.sheets.length;
        const sheet = wb.sheets[index];
        const o = origin(sheet);
        const dr = Math.max(rawDr, -o.row);
        const dc = Math.max(rawDc, -o.col);
        const moved: Workbook = { sheets: wb.sheets.map((s, i) => (i === index ? shiftSheet(s, dr, dc) : s)) };
        const expected = checkWorkbook(wb).findings.map((f) => (f.sheet === sheet.name ? shiftFinding(f, dr, dc) : f));
        expect(sorted(checkWorkbook(moved).findings)).toEqual(sorted(expected));
        expect(tablesOf({ sheets: [moved.sheets[index]] }, new Map(), dr, dc)).toEqual(tablesOf({ sheets: [sheet] }));
      }),
      { numRuns: 150 },
    );
  });

  it('moving a sheet\'s content to a new sheet elsewhere in the workbook changes only the sheet its findings name', () => {
    const newName = fc.constantFrom('移動先', 'Sheet 2', '評価書 (2)', '別紙1-改', 'x');
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.nat(20), newName, fc.nat(20), fc.nat(8), fc.nat(4), (name, pick, to, at, dr, dc) => {
        const wb = fixtures.get(name)!;
        const index = pick % wb.sheets.length;
        const sheet = wb.sheets[index];
        if (wb.sheets.some((s) => s.name === to)) return;
        // The vacated sheet stays, emptied; the content lands on a new sheet anywhere, after a sheet of plain words.
        const words: Sheet = { name: 'メモ', rows: [PLAIN_WORDS.slice(0, 8).map((w) => ({ value: w })), [{ value: '令和5年度' }, { value: 120 }, { value: '87億円' }]], merges: [] };
        const others = wb.sheets.map((s, i) => (i === index ? { ...s, rows: [], merges: [] } : s));
        const position = at % (others.length + 1);
        const moved: Workbook = { sheets: [...others.slice(0, position), words, shiftSheet(sheet, dr, dc, to), ...others.slice(position)] };
        const expected = checkWorkbook(wb).findings.map((f) => (f.sheet === sheet.name ? shiftFinding(f, dr, dc, to) : f));
        expect(sorted(checkWorkbook(moved).findings)).toEqual(sorted(expected));
        expect(tablesOf({ sheets: [shiftSheet(sheet, dr, dc, to)] }, new Map([[to, sheet.name]]), dr, dc)).toEqual(tablesOf({ sheets: [sheet] }));
      }),
      { numRuns: 150 },
    );
  });

  it('shifting a generated table, overwritten here and there with anything, shifts its findings', () => {
    fc.assert(
      fc.property(tableishSheet, fc.nat(30), fc.nat(10), (sheet, dr, dc) => {
        const expected = checkWorkbook({ sheets: [sheet] }).findings.map((f) => shiftFinding(f, dr, dc));
        expect(sorted(checkWorkbook({ sheets: [shiftSheet(sheet, dr, dc)] }).findings)).toEqual(sorted(expected));
      }),
      { numRuns: 300 },
    );
  });
});
