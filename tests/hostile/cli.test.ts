import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/engine/report.js';
import { XlsxReadError } from '../../src/io/xlsx/errors.js';
import { FIXTURES } from '../helpers.js';
import { bundleCli, tempDir, type Cli, type Run } from './cli.js';
import { emptySheets, hostileFiles, writeAll, type HostileFile } from './files.js';

/** Generous bounds: every hostile file is answered far below them (see README.md (Limits and safety)). */
const MAX_MS = 20_000;
const MAX_RSS = 1.5 * 1024 * 1024 * 1024;

const good = join(FIXTURES, 'keihin-2019-text.xlsx');
const reason = (f: HostileFile, lang: 'ja' | 'en') => new XlsxReadError(f.code).messageIn(lang);

let cli: Cli;
let dir: string;
let files: HostileFile[];
let paths: string[];
const measured: { file: string; what: string; exit: number | null; seconds: string; maxRssMiB: number; stderr: string }[] = [];

beforeAll(async () => {
  [cli, files] = await Promise.all([bundleCli(), hostileFiles()]);
  dir = tempDir('hyoka-hostile-');
  paths = writeAll(dir, files);
});

afterAll(() => {
  cli?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (process.env.HYOKA_REPORT_LIMITS) console.table(measured);
});

function expectWithinBounds(r: Run) {
  expect(r.ms).toBeLessThan(MAX_MS);
  expect(r.maxRss).toBeGreaterThan(0);
  expect(r.maxRss).toBeLessThan(MAX_RSS);
}

describe('hyoka check on hostile files', () => {
  it.each([['ja' as const], ['en' as const]])('answers each with exit 2 and one line of reason on stderr (%s), and still checks the good file in the same call', (lang) => {
    const r = cli.run(['check', ...paths, good, '--json', '--lang', lang]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    files.forEach((f, i) => expect(lines[i].startsWith(`hyoka: ${paths[i]}: ${reason(f, lang)}`), `${f.name}: ${lines[i]}`).toBe(true));
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.files.map((f, i) => ('error' in f ? f.error.startsWith(reason(files[i], lang)) : 'checked'))).toEqual([...files.map(() => true), 'checked']);
    const checked = report.files[files.length];
    expect('findings' in checked && checked.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['sum-mismatch@I7']);
    expectWithinBounds(r);
  });

  it('answers each one alone within the time and memory bounds', () => {
    files.forEach((f, i) => {
      const r = cli.run(['check', paths[i]]);
      measured.push({ file: f.name, what: f.what, exit: r.code, seconds: (r.ms / 1000).toFixed(2), maxRssMiB: Math.round(r.maxRss / 1024 / 1024), stderr: r.stderr.trim() });
      expect(r.code, f.name).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), f.name).toEqual([expect.stringContaining(reason(f, 'ja'))]);
      expectWithinBounds(r);
    });
  });

  it('checks a workbook of 1,000 empty sheets in seconds and reports it clean, each sheet listed as skipped', async () => {
    const [path] = writeAll(dir, [{ name: 'empty-sheets.xlsx', bytes: await emptySheets(1000) }]);
    const r = cli.run(['check', path, '--json']);
    measured.push({ file: 'empty-sheets.xlsx', what: '1,000 empty sheets', exit: r.code, seconds: (r.ms / 1000).toFixed(2), maxRssMiB: Math.round(r.maxRss / 1024 / 1024), stderr: r.stderr.trim() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const file = ReportSchema.parse(JSON.parse(r.stdout)).files[0];
    expect('findings' in file && [file.tables.length, file.findings.length]).toEqual([0, 0]);
    expect('skipped' in file && file.skipped?.map((s) => s.reason)).toEqual(Array.from({ length: 1000 }, () => 'empty-sheet'));
    expect('skipped' in file && file.skipped?.at(-1)?.sheet).toBe('Sheet1000');
    expectWithinBounds(r);
  });
});

describe('limits set on the command line take effect', () => {
  const tooMany = new XlsxReadError('too-many-cells');
  const tooLarge = new XlsxReadError('too-large');

  it('--max-cells: a workbook with more cells is refused, a higher limit lets it through', () => {
    // The workbook holds 148 shared strings and 256 cells: 200 is below only the cells.
    const low = cli.run(['check', good, '--max-cells', '200']);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain(tooMany.messageIn('ja'));
    expect(low.stderr).toContain('> 200');
    const en = cli.run(['check', good, '--max-cells', '200', '--lang', 'en']);
    expect(en.stderr).toContain(tooMany.messageIn('en'));
    expect(cli.run(['check', good, '--max-cells', '100000']).code).toBe(1);
  });

  it('--max-bytes: a larger file is refused before it is opened, a higher limit lets it through', () => {
    const low = cli.run(['check', good, '--max-bytes', '1000']);
    expect(low.code).toBe(2);
    expect(low.stderr).toContain(tooLarge.messageIn('ja'));
    expect(low.stderr).toMatch(/\(\d+ > 1000\)/);
    expect(cli.run(['check', good, '--max-bytes', String(10 * 1024 * 1024)]).code).toBe(1);
  });

  it("a reason's detail in the reader's own words is labelled as such in Japanese and English; a bare figure is not", () => {
    const cut = paths[files.findIndex((f) => f.name === 'truncated.xlsx')];
    const ja = cli.run(['check', cut]);
    expect(ja.stderr).toMatch(/途中で切れています。[^\n]*\(技術的な詳細: [A-Za-z]/);
    expect(cli.run(['check', cut, '--lang', 'en']).stderr).toMatch(/cut short; get the original file again\. \(technical detail: [A-Za-z]/);
    expect(cli.run(['check', good, '--max-bytes', '1000']).stderr).not.toContain('技術的な詳細');
  });

  it('--max-cells also bounds the shared-string table', () => {
    const strings = files.findIndex((f) => f.code === 'too-many-strings');
    const r = cli.run(['check', paths[strings], '--max-cells', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(> 1000)');
  });

  it('a limit that is not a positive whole number is a usage error', () => {
    for (const bad of ['0', '-5', '1.5', 'many']) expect(cli.run(['check', good, '--max-cells', bad]).code).toBe(2);
  });
});
