/**
 * Bundled for the page by the Office-mode browser test (esbuild, IIFE) and run before any of the
 * page's scripts: the `Office` and `Excel` globals office.js would define, backed by the Office
 * adapter's fake Excel holding the Keihin FY2019 table. The test reads and edits the fake
 * through `window.__fake`.
 */
import { a1 } from '../../src/engine/grid.js';
import type { RunOptions } from '../../src/io/office/api.js';
import { FakeExcel, type FakeSheetInit } from '../io/office/fake-excel.js';
import { keihinSheet } from '../io/office/workbooks.js';

interface FakeOfficeOptions {
  host?: string;
  displayLanguage?: string;
  /** The workbook's sheets (plain data); the Keihin sheet when absent. */
  sheets?: FakeSheetInit[];
  /** Highest ExcelApi version (default 1.20). */
  apiVersion?: string;
  /** A sheet of `rows` × `cols` numbers after the others, computed rather than stored. */
  generated?: { name: string; rows: number; cols: number };
}

// The fake measures its answers with Node's Buffer.byteLength; the same count in the browser.
const g = globalThis as unknown as { Buffer?: { byteLength(s: string): number } };
g.Buffer ??= { byteLength: (s: string) => new TextEncoder().encode(s).length };

const w = window as unknown as { __fakeOfficeOptions?: FakeOfficeOptions; __fake: FakeExcel; Office: unknown; Excel: unknown };
const options = w.__fakeOfficeOptions ?? {};
const sheets = options.sheets ?? [keihinSheet()];
if (options.generated) {
  const { name, rows, cols } = options.generated;
  sheets.push({ name, generated: { usedRange: `A1:${a1(rows - 1, cols - 1)}`, cellAt: (r, c) => (r < rows && c < cols ? { value: r * cols + c } : undefined) } });
}
const fake = new FakeExcel({ apiVersion: options.apiVersion ?? '1.20', sheets });
w.__fake = fake;

type Batch = Parameters<FakeExcel['runtime']['run']>[0];

w.Excel = {
  run(a: unknown, b?: Batch): Promise<unknown> {
    if (typeof a === 'function') return fake.runtime.run(a as Batch);
    if (a && typeof a === 'object' && 'mergeUndoGroup' in a) return fake.runtime.run(b!, a as RunOptions);
    return fake.runtime.runOn(a, b!);
  },
};

w.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  onReady: () => Promise.resolve({ host: options.host ?? 'Excel', platform: 'PC' }),
  context: {
    displayLanguage: options.displayLanguage ?? 'ja-JP',
    requirements: { isSetSupported: (set: 'ExcelApi', version: string) => fake.runtime.isSetSupported(set, version) },
  },
};
