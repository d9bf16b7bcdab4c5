/** Builds engine grids in tests without a file: rows of values, `{ v, fmt }` for formatted numbers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, Sheet, Workbook } from '../src/engine/grid.js';
import { parseRangeA1 } from '../src/engine/grid.js';
import { checkWorkbook } from '../src/engine/check.js';
import { readXlsx } from '../src/io/xlsx/read.js';

export type Spec = string | number | null | { v: number | string; fmt?: string; f?: string };

export function sheet(name: string, rows: Spec[][], merges: string[] = []): Sheet {
  return {
    name,
    rows: rows.map((row) =>
      row.map((v): Cell | undefined => {
        if (v === null || v === '') return undefined;
        if (typeof v === 'object') return { value: v.v, numFmt: v.fmt, formula: v.f };
        return { value: v };
      }),
    ),
    merges: merges.map(parseRangeA1),
  };
}

export function book(...sheets: Sheet[]): Workbook {
  return { sheets };
}

export function findingsOf(wb: Workbook) {
  return checkWorkbook(wb).findings;
}

/** `rule@Sheet!A1` keys, for exact comparisons. */
export function keys(findings: { rule: string; sheet: string; cell: string }[]): string[] {
  return findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
}

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export async function fixture(name: string): Promise<Workbook> {
  return readXlsx(new Uint8Array(readFileSync(join(FIXTURES, name))));
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}
