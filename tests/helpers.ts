/** Builds engine grids in tests without a file: rows of values, `{ v, fmt }` for formatted numbers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, Sheet, Workbook } from '../src/engine/grid.js';
import { parseRangeA1 } from '../src/engine/grid.js';
import { checkWorkbook } from '../src/engine/check.js';
import { expect } from 'vitest';
import { HostError } from '../src/io/host.js';
import { XlsxReadError, type ReadErrorCode } from '../src/io/xlsx/errors.js';
import type { ReadLimits } from '../src/io/xlsx/limits.js';
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

/** The code a read ends with: `ok`, or the XlsxReadError's code (any other error is rethrown). */
export async function readCode(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Promise<ReadErrorCode | 'ok'> {
  try {
    await readXlsx(bytes, limits);
    return 'ok';
  } catch (e) {
    if (e instanceof XlsxReadError) return e.code;
    throw e;
  }
}

/** The HostError a promise must reject with. */
export async function hostError(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}
