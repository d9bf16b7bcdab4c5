/**
 * The benchmark measures what it says: its synthetic workbooks are real .xlsx files that another
 * reader opens the same way, the engine recognizes every progress block in them and finds every
 * planted error, and bench/results.json keeps the shape issue 4 asks for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../bench/generate.js';
import { checkWorkbook } from '../../src/engine/check.js';
import { readXlsx } from '../../src/io/xlsx/read.js';
import { readWithExcelJs } from '../io/xlsx/read-exceljs.js';

const dir = mkdtempSync(join(tmpdir(), 'hyoka-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function countBy<T>(items: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe('the benchmark workbooks', () => {
  it.each([
    [10_000, 1],
    [10_000, 7],
    [40_000, 3],
  ])('about %i cells (seed %i): every target recognized, every planted error found', async (cells, seed) => {
    const path = join(dir, `w-${cells}-${seed}.xlsx`);
    const stats = generateWorkbook(path, cells, seed);
    const wb = await readXlsx(new Uint8Array(readFileSync(path)));
    const { model, findings } = checkWorkbook(wb);

    const targets = model.tables.flatMap((t) => (t.kind === 'progress' ? t.targets : []));
    expect(targets.length).toBe(stats.targets);
    expect(targets.every((t) => !t.idInferred)).toBe(true);
    expect(model.tables.some((t) => t.kind === 'budget')).toBe(true);
    expect(model.tables.some((t) => t.kind === 'summary')).toBe(true);

    const found = countBy(findings, (f) => f.rule);
    const planted = stats.planted;
    expect(Object.keys(planted).length).toBeGreaterThan(0);
    expect(found['progress-mismatch'] ?? 0).toBe(planted['progress-mismatch'] ?? 0);
    expect(found['cumulative-total-mismatch'] ?? 0).toBe(planted['cumulative-total-mismatch'] ?? 0);
    expect(found['unparseable-number'] ?? 0).toBe(planted['unparseable-number'] ?? 0);
    // A total of a+b made 17,000 too large disagrees twice: in its year and in the 累計 column.
    expect(found['sum-mismatch'] ?? 0).toBe(2 * (planted['sum-mismatch'] ?? 0));
    // Nothing else is wrong in them: no other rule fires.
    expect(Object.keys(found).sort()).toEqual(Object.keys(planted).sort());
    // The only thing set aside is the hidden master sheet, which is checked all the same.
    expect(model.faults.map((f) => f.reason)).toEqual(['hidden-sheet']);
  });

  it('opens in exceljs as the same grid as in Hyoka’s reader: every sheet, cell, format and merge', async () => {
    const path = join(dir, 'w-exceljs.xlsx');
    generateWorkbook(path, 10_000, 5);
    const bytes = new Uint8Array(readFileSync(path));
    expect(await readXlsx(bytes)).toStrictEqual(await readWithExcelJs(bytes));
  });
});

describe('bench/results.json', () => {
  const results = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'bench', 'results.json'), 'utf8'));

  it('has a case per size with the figures issue 4 asks for', () => {
    const sizes = results.cases.map((c: { cells: number }) => c.cells);
    for (const [wanted, i] of [
      [10_000, 0],
      [100_000, 1],
      [1_000_000, 2],
      [3_000_000, 3],
    ]) {
      expect(Math.abs(sizes[i] - wanted) / wanted).toBeLessThan(0.2);
    }
    for (const c of results.cases) {
      for (const k of ['cells', 'readMs', 'engineMs', 'totalMs', 'peakRssMb', 'fixMs', 'fixWrites']) {
        expect(typeof c[k], k).toBe('number');
        expect(c[k], k).toBeGreaterThan(0);
      }
      expect(c.engineToRead).toBeCloseTo(c.engineMs / c.readMs, 1);
    }
  });

  it('states the targets from its own figures', () => {
    const { cases, targets, batch } = results;
    expect(targets.engineAtMostQuarterOfRead).toBe(cases.every((c: { engineMs: number; readMs: number }) => c.engineMs <= c.readMs / 4));
    expect(targets.peakRssUnder2GiB).toBe(cases.every((c: { peakRssMb: number }) => c.peakRssMb < 2048));
    expect(targets.batchFasterThanLibreOffice).toBe(batch.hyokaMs < batch.libreOfficeMs);
    expect(batch.files).toBe(200);
  });
});
