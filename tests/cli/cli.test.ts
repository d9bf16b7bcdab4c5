import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/engine/report.js';
import { FIXTURES } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

function hyoka(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hyoka.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fx = (name: string) => join(FIXTURES, name);

beforeAll(() => {
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
});

describe('hyoka check', () => {
  it('exit 1 and the real sum-mismatch of 002_… in the JSON report, which the published schema validates', () => {
    const r = hyoka('check', fx('keihin-2019-text.xlsx'), '--json');
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const file = report.files[0];
    expect('findings' in file && file.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.stated])).toEqual([
      ['sum-mismatch', 'error', '支援措置', 'I7', 2554872, 19664872],
    ]);
    expect('tables' in file && file.tables.map((t) => t.kind)).toEqual(['progress', 'budget', 'budget', 'summary']);
  });

  it('exit 0 when there is no error finding (information only)', () => {
    expect(hyoka('check', fx('tsukuba-2024.xlsx')).code).toBe(0);
  });

  it('messages in Japanese by default and in English with --lang en, with the arithmetic', () => {
    const ja = hyoka('check', fx('planted-errors.xlsx'));
    expect(ja.stdout).toContain('進捗度 110% は、実績値 ÷ 目標値 × 100 から得られる 104% と一致しません。 (120 ÷ 115 × 100 = 104.35 → 104)');
    const en = hyoka('check', fx('planted-errors.xlsx'), '--lang', 'en');
    expect(en.stdout).toContain('stated progress 110% differs from actual ÷ target × 100 = 104%. (120 ÷ 115 × 100 = 104.35 → 104)');
    expect(en.stdout).toContain('[誤り]');
  });

  it('an unreadable file gets exit 2 and a one-line reason, and the other files are still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hyoka-cli-'));
    const bad = join(dir, 'notes.xlsx');
    writeFileSync(bad, 'これは表ではありません,1,2\n');
    const r = hyoka('check', bad, fx('keihin-2019-text.xlsx'), '--json');
    expect(r.code).toBe(2);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.files.map((f) => ('error' in f ? 'error' : 'checked'))).toEqual(['error', 'checked']);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('CSV');
  });

  it('wrong arguments give exit 2 with the usage', () => {
    expect(hyoka('check').code).toBe(2);
    expect(hyoka('check', fx('overall-2023.xlsx'), '--lang', 'fr').code).toBe(2);
    expect(hyoka('frobnicate').code).toBe(2);
  });

  it('publishes the report schema', () => {
    const r = hyoka('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('properties.files');
  });
});

describe('hyoka fix', () => {
  it('writes OUT, never the input, and the output checks clean of progress findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hyoka-fix-'));
    const input = join(dir, 'in.xlsx');
    copyFileSync(fx('planted-errors.xlsx'), input);
    const before = readFileSync(input);
    const out = join(dir, 'out.xlsx');
    const r = hyoka('fix', input, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('D6: 110% → 104%');
    expect(readFileSync(input).equals(before)).toBe(true);
    const check = hyoka('check', out, '--json');
    const report = ReportSchema.parse(JSON.parse(check.stdout));
    const rules = report.files.flatMap((f) => ('findings' in f ? f.findings.map((x) => x.rule) : []));
    expect(rules.filter((x) => ['progress-mismatch', 'progress-missing', 'indicator-score-mismatch'].includes(x))).toEqual([]);
  });

  it('refuses to overwrite the input', () => {
    const r = hyoka('fix', fx('planted-errors.xlsx'), '-o', fx('planted-errors.xlsx'));
    expect(r.code).toBe(2);
  });
});
