import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorkbook } from '../../bench/generate.js';
import { ReportSchema, type Report } from '../../src/engine/report.js';
import { escapeHtml, neutralizeFormula, renderHtmlReport } from '../../src/cli/html.js';
import { progressBar } from '../../src/cli/progress.js';
import { crashReport, defaultJobs, dispatchOrder, jobsFor, workerHeapMb } from '../../src/cli/pool.js';
import { FIXTURES } from '../helpers.js';
import { tempDir } from '../temp.js';

const ROOT = join(import.meta.dirname, '..', '..');

function hyoka(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hyoka.js'), ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FIXTURE_NAMES = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();
const SCRIPT = "<script>alert('x')</script>";

/** A progress block whose actual is a script tag, on a sheet whose name a spreadsheet would take for a formula. */
async function hostileText(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('=1+2');
  ws.addRow([null, null, '令和3年度', '令和4年度']);
  ws.addRow(['数値目標(1) 件数', '目標値', 10, 10]);
  ws.addRow([null, '実績値', SCRIPT, 12]);
  ws.addRow(['寄与度(※):', '進捗度(%)', 100, 120]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A macro-enabled copy of a fixture: the same package with the .xlsm content type. */
function asXlsm(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const types = strFromU8(parts['[Content_Types].xml']);
  parts['[Content_Types].xml'] = strToU8(types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
  return zipSync(parts);
}

/** An old .xls: an OLE file whose Workbook stream starts with a BIFF8 BOF record. */
function oldXls(): Uint8Array {
  const xls = CFB.utils.cfb_new();
  CFB.utils.cfb_add(xls, '/Workbook', Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0, 0, 0, 0, 0x06, 0x01, 0, 0]));
  return new Uint8Array(CFB.write(xls, { type: 'buffer' }));
}

let dir: string;
let clean: string;

beforeAll(async () => {
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  dir = tempDir('hyoka-batch-');
  for (const name of FIXTURE_NAMES) copyFileSync(join(FIXTURES, name), join(dir, name));
  mkdirSync(join(dir, '提出', '不備'), { recursive: true });
  const good = readFileSync(join(FIXTURES, 'keihin-2019-text.xlsx'));
  writeFileSync(join(dir, '提出', '不備', 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(dir, '提出', '不備', 'notes.xlsx'), '事業名,投資額\n研究拠点整備事業,115\n');
  writeFileSync(join(dir, '提出', 'script.xlsx'), await hostileText());
  writeFileSync(join(dir, '提出', 'readme.txt'), 'not a workbook, and not named .xlsx');
  writeFileSync(join(dir, '提出', 'マクロ付き.xlsm'), asXlsm(good));
  writeFileSync(join(dir, '提出', '旧形式.xls'), oldXls());
  // Excel's lock file of an open workbook, and a hidden file: neither is checked nor listed.
  writeFileSync(join(dir, '提出', '~$マクロ付き.xlsm'), 'lock');
  writeFileSync(join(dir, '提出', '.DS_Store'), 'finder');
  clean = tempDir('hyoka-batch-clean-');
  copyFileSync(join(FIXTURES, 'tsukuba-2024.xlsx'), join(clean, 'tsukuba-2024.xlsx'));
  copyFileSync(join(FIXTURES, 'overall-2023.xlsx'), join(clean, 'overall-2023.xlsx'));
});

function files(report: Report): string[] {
  return report.files.map((f) => f.file.slice(dir.length + 1));
}

describe('hyoka check DIR', () => {
  it('checks every workbook under the folder, reports the unreadable ones with their reason, checks the rest, and exits 2', () => {
    const r = hyoka('check', dir, '--json');
    expect(r.code).toBe(2);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const submitted = ['script.xlsx', 'マクロ付き.xlsm', '旧形式.xls', join('不備', 'notes.xlsx'), join('不備', 'truncated.xlsx')].map((f) => join('提出', f));
    expect(files(report)).toEqual([...FIXTURE_NAMES, ...submitted].sort());
    const byName = new Map(report.files.map((f) => [f.file.slice(dir.length + 1), f]));
    expect(byName.get(join('提出', '不備', 'notes.xlsx'))).toEqual({ file: join(dir, '提出', '不備', 'notes.xlsx'), error: expect.stringContaining('CSV') });
    expect(byName.get(join('提出', '不備', 'truncated.xlsx'))).toEqual({ file: join(dir, '提出', '不備', 'truncated.xlsx'), error: expect.stringContaining('壊れている') });
    const text = byName.get('keihin-2019-text.xlsx');
    expect(text && 'findings' in text && text.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(['sum-mismatch@支援措置!I7']);
    // A macro-enabled workbook is read like any other; an .xls gets its reason instead of being passed over.
    const xlsm = byName.get(join('提出', 'マクロ付き.xlsm'));
    expect(xlsm && 'findings' in xlsm && xlsm.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(['sum-mismatch@支援措置!I7']);
    expect(byName.get(join('提出', '旧形式.xls'))).toEqual({ file: join(dir, '提出', '旧形式.xls'), error: expect.stringContaining('.xls') });
    expect(report.files.filter((f) => 'findings' in f)).toHaveLength(FIXTURE_NAMES.length + 2);
    // Other files are listed as not checked, in the report and in one line on stderr.
    expect(report.ignored).toEqual([join(dir, '提出', 'readme.txt')]);
    // One line per unreadable file on stderr and one for the files not checked; no progress bar when stderr is not a terminal.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(`hyoka: 表計算のファイルではないため検査しなかったファイル 1 件: ${join(dir, '提出', 'readme.txt')}`);
    expect(r.stderr).not.toMatch(/\r|█/);
  });

  it('shows a file name with escape sequences as text on the terminal, never obeying them', () => {
    const evil = tempDir('hyoka-batch-escape-');
    copyFileSync(join(FIXTURES, 'keihin-2019-text.xlsx'), join(evil, 'clear\u001b[2J\u001b]0;pwned\u0007.xlsx'));
    writeFileSync(join(evil, 'red\u001b[31m.xlsx'), 'not a workbook');
    writeFileSync(join(evil, 'bell\u0007.pdf'), 'not a spreadsheet');
    const r = hyoka('check', evil);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(r.stdout).toContain('clear?[2J?]0;pwned?.xlsx');
    expect(r.stderr).toContain('red?[31m.xlsx');
    expect(r.stderr).toContain('bell?.pdf');
  });

  it('gives the same JSON on one core and on two', () => {
    const one = hyoka('check', dir, '--json', '--jobs', '1');
    const two = hyoka('check', dir, '--json', '--jobs', '2');
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).files).toHaveLength(FIXTURE_NAMES.length + 5);
  });

  it('several paths at once, files and folders; exit 1 when only error findings, 0 when none', () => {
    expect(hyoka('check', clean, join(FIXTURES, 'keihin-2019-text.xlsx'), '--jobs', '2').code).toBe(1);
    const r = hyoka('check', clean, '--json', '--jobs', '2');
    expect(r.code).toBe(0);
    expect(ReportSchema.parse(JSON.parse(r.stdout)).files).toHaveLength(2);
  });

  it('checks one file at a time on 2 cores by default, and more only where a check leaves cores free', () => {
    expect([1, 2, 3, 4, 8, 16].map((cores) => defaultJobs(cores))).toEqual([1, 1, 2, 2, 5, 10]);
    expect([1, 2, 3, 4, 8, 16].map((cores) => jobsFor(undefined, cores))).toEqual([1, 1, 2, 2, 5, 10]);
  });

  it('never runs more workers than cores, whatever --jobs asks (each costs a heap of its own)', () => {
    expect([1, 2, 3, 99].map((n) => jobsFor(n, 2))).toEqual([1, 2, 2, 2]);
    expect(jobsFor(99, 16)).toBe(16);
  });

  it('hands the largest files out first, and keeps the reports in the order the files were named', () => {
    expect(dispatchOrder([10, 300, 20, 300, 0])).toEqual([1, 3, 2, 0, 4]);
  });

  it('shares the memory out among the workers, never under 512 MB each nor over this thread\'s limit', () => {
    expect(workerHeapMb(1, 16_384, 4_096, undefined)).toBe(4_096);
    expect(workerHeapMb(10, 16_384, 4_096, undefined)).toBe(1_228);
    expect(workerHeapMb(16, 4_096, 4_096, undefined)).toBe(512);
    expect(workerHeapMb(2, 16_384, 4_096, '300')).toBe(300);
    expect(workerHeapMb(2, 16_384, 4_096, 'lots')).toBe(4_096);
  });

  it('says what to do when a file runs out of memory even alone, in the language asked for', () => {
    const oom = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(crashReport('大.xlsx', 'ja', oom)).toHaveProperty('error', 'メモリが足りず検査できませんでした。ほかのアプリを閉じて、このファイルだけを検査してください (hyoka check "大.xlsx")');
    expect(JSON.stringify(crashReport('big.xlsx', 'en', oom))).toContain('the check ran out of memory');
    // Any other end of a worker says what to do too.
    expect(crashReport('x.xlsx', 'en', new Error('boom'))).toHaveProperty(
      'error',
      'the check stopped abnormally (boom); check this file on its own (hyoka check "x.xlsx"), and if it stops again, report it to the developers with the file.',
    );
    expect(crashReport('提出/x.xlsx', 'ja', 'exit code 1')).toHaveProperty(
      'error',
      '検査中に処理が異常終了しました (exit code 1)。このファイルだけをもう一度検査し (hyoka check "提出/x.xlsx")、また止まるならファイルを添えて開発者に報告してください。',
    );
  });

  it('checks a file again alone, with the full memory, when its worker ran out of its share: the same JSON as on one core', () => {
    const one = hyoka('check', dir, '--json', '--jobs', '1');
    // 4 MB: every worker runs out of memory on its first file, so every file is checked a second time.
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hyoka.js'), 'check', dir, '--json', '--jobs', '2'], {
      encoding: 'utf8',
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, HYOKA_WORKER_HEAP_MB: '4' },
    });
    expect(r.stdout).toBe(one.stdout);
    expect(r.status).toBe(one.code);
  });

  it('a folder without any .xlsx is a usage error', () => {
    const empty = tempDir('hyoka-batch-empty-');
    const r = hyoka('check', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.xlsx');
    expect(hyoka('check', dir, '--jobs', '0').code).toBe(2);
  });
});

describe('hyoka check --report', () => {
  let html: string;
  let json: Report;
  beforeAll(() => {
    // Outside the folder checked, as a reviewer would keep it.
    const out = join(tempDir('hyoka-batch-report-'), 'report.html');
    const r = hyoka('check', dir, '--report', out, '--json', '--lang', 'en');
    expect(r.code).toBe(2);
    json = ReportSchema.parse(JSON.parse(r.stdout));
    html = readFileSync(out, 'utf8');
  });

  it('writes one HTML page that lists every file with its counts and its findings', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // The Japanese of the names is marked lang="ja" on this English page; read without those marks, the names are as given.
    expect(html).toContain('/<span lang="ja">提出</span>/');
    const plain = html.replace(/<span lang="ja">([^<]*)<\/span>/g, '$1');
    for (const f of json.files) expect(plain).toContain(`<td class="path">${escapeHtml(f.file)}</td>`);
    const findings = json.files.flatMap((f) => ('findings' in f ? f.findings : []));
    expect(html.match(/<tr><td class="path">/g)).toHaveLength(json.files.length + findings.length);
    expect(html).toContain('sum-mismatch');
    expect(html).toContain('unreadable');
    expect(plain).toContain(`<p class="meta" id="ignored">1 file(s) not checked, as they are not spreadsheets: ${escapeHtml(join(dir, '提出', 'readme.txt'))}</p>`);
  });

  it('escapes the script tag in a cell, and shows a formula-like sheet name as text', () => {
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain(escapeHtml(SCRIPT));
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain("<td>&#39;=1+2</td>");
    expect(html).not.toContain('<td>=1+2</td>');
  });

  it('finds an unwritable report path before checking anything, and never writes the report over a file it checks', () => {
    const out = join(tempDir('hyoka-batch-report-'), 'no such folder', 'report.html');
    const r = hyoka('check', dir, '--report', out, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`hyoka: --report ${out}: レポートを書き出すフォルダがありません。パスを確認してください。\n`);
    const target = join(clean, 'overall-2023.xlsx');
    const before = readFileSync(target);
    const over = hyoka('check', clean, '--report', target, '--lang', 'en');
    expect(over.code).toBe(2);
    expect(over.stdout).toBe('');
    expect(over.stderr).toContain('a file being checked, which is never overwritten');
    expect(readFileSync(target).equals(before)).toBe(true);
    // A report already there is written over (it is not a workbook checked), and a new one is made only at the end.
    const again = join(tempDir('hyoka-batch-report-'), 'report.html');
    writeFileSync(again, 'old');
    expect(hyoka('check', clean, '--report', again).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('says when it was made in the reviewer’s own time, with its offset from UTC', () => {
    const out = join(tempDir('hyoka-batch-report-'), 'report.html');
    const before = new Date();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hyoka.js'), 'check', clean, '--report', out], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, TZ: 'Asia/Tokyo' } });
    expect(r.status).toBe(0);
    const when = /<p class="meta">作成 (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d) \(UTC\+09:00\)<\/p>/.exec(readFileSync(out, 'utf8'));
    expect(when).not.toBeNull();
    // Nine hours ahead of UTC: the time written, taken back to UTC, is the minute the report was made.
    const [y, mo, d, h, mi] = when!.slice(1).map(Number);
    const utc = Date.UTC(y, mo - 1, d, h - 9, mi);
    expect(Math.abs(utc - Math.floor(before.getTime() / 60_000) * 60_000)).toBeLessThanOrEqual(60_000);
  });

  it('does not list its own report, written into the folder checked by an earlier run, among the files not checked', () => {
    const folder = tempDir('hyoka-batch-report-');
    copyFileSync(join(FIXTURES, 'tsukuba-2024.xlsx'), join(folder, 'a.xlsx'));
    writeFileSync(join(folder, 'notes.txt'), 'memo');
    const out = join(folder, 'report.html');
    for (let run = 0; run < 2; run++) {
      const r = hyoka('check', folder, '--report', out, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).ignored).toEqual([join(folder, 'notes.txt')]);
      expect(r.stderr).not.toContain('report.html');
      expect(readFileSync(out, 'utf8')).not.toMatch(/id="ignored">[^<]*report\.html/);
    }
  });

  it('never writes the report under a spreadsheet name (a workbook there, checked or not, would be lost to the page)', () => {
    const folder = tempDir('hyoka-batch-report-');
    const other = join(folder, '評価書.xlsx');
    copyFileSync(join(FIXTURES, 'overall-2023.xlsx'), other);
    const before = readFileSync(other);
    const r = hyoka('check', join(clean, 'tsukuba-2024.xlsx'), '--report', other);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`hyoka: --report ${other}: レポートは HTML のページです。表計算のファイルの名前には書き出さないため、.html の名前を指定してください(例: --report report.html)。\n`);
    expect(readFileSync(other).equals(before)).toBe(true);
    const en = hyoka('check', clean, '--report', join(folder, 'new.XLSM'), '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('the report is an HTML page, never written under a spreadsheet name; name it .html');
    expect(existsSync(join(folder, 'new.XLSM'))).toBe(false);
  });

  it.runIf(existsSync('/dev/full'))('a report that fails as it is written (a full disk) says so of the report, and the results are still printed', () => {
    const r = hyoka('check', clean, '--report', '/dev/full', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hyoka: --report \/dev\/full: レポートを書き出せませんでした \(ENOSPC/);
    expect(r.stderr).not.toContain('ブック');
    expect(ReportSchema.parse(JSON.parse(r.stdout)).files).toHaveLength(2);
  });

  it('allows only its own script and style: the CSP holds their hashes', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain("default-src 'none'");
  });
});

describe('the parts of the batch output', () => {
  it('renders reports in Japanese, escaping every text and neutralizing formula-like text', () => {
    const page = renderHtmlReport(
      [
        { file: '<b>.xlsx', tables: [], findings: [{ rule: 'unparseable-number', severity: 'warning', sheet: '@SUM(A1)', cell: 'B12', expected: null, stated: null, message: '-1' }] },
        { file: 'x.xlsx', error: '"壊れて" <いる>' },
      ],
      { lang: 'ja', generated: new Date('2025-04-01T00:00:00Z') },
    );
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('&lt;b&gt;.xlsx');
    expect(page).toContain('&#39;@SUM(A1)');
    expect(page).toContain('&#39;-1');
    expect(page).toContain('&quot;壊れて&quot; &lt;いる&gt;');
    expect(page).toContain('読めない');
    // Severity is 重要度 here as in the pane and its CSV.
    expect(page).toContain('重要度');
    expect(page).not.toContain('重大度');
    expect(neutralizeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeFormula('数値目標(1)')).toBe('数値目標(1)');
  });

  it('puts what needs a look first (unreadable files, then errors, then warnings) and counts the findings by rule', () => {
    const finding = (rule: 'progress-mismatch' | 'unparseable-number', severity: 'error' | 'warning' | 'info') => ({ rule, severity, sheet: 'S', cell: 'B2', expected: null, stated: null, message: 'm' });
    const page = renderHtmlReport(
      [
        { file: 'a-ok.xlsx', tables: [], findings: [finding('unparseable-number', 'info')] },
        { file: 'b-warn.xlsx', tables: [], findings: [finding('unparseable-number', 'warning')] },
        { file: 'c-err.xlsx', tables: [], findings: [finding('progress-mismatch', 'error'), finding('progress-mismatch', 'error'), finding('unparseable-number', 'warning')] },
        { file: 'd-bad.xlsx', error: 'broken' },
        { file: 'e-err.xlsx', tables: [], findings: [finding('progress-mismatch', 'error')] },
      ],
      { lang: 'en', generated: new Date('2025-04-01T00:00:00Z') },
    );
    const files = /<table id="files"[\s\S]*?<\/table>/.exec(page)![0];
    expect([...files.matchAll(/<td class="path">([^<]+)<\/td>/g)].map((m) => m[1])).toEqual(['d-bad.xlsx', 'c-err.xlsx', 'e-err.xlsx', 'b-warn.xlsx', 'a-ok.xlsx']);
    expect(files).toContain('<th scope="col" aria-sort="ascending"><button type="button">Status</button></th>');
    const rules = /<h2>Findings by rule<\/h2>\n<table id="rules"[\s\S]*?<\/table>/.exec(page)![0];
    const rows = [...rules.matchAll(/<tr><td>([^<]+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g)].map((m) => m.slice(1).join(' '));
    expect(rows).toEqual(['progress-mismatch 3 0 0 2', 'unparseable-number 0 2 1 3']);
  });

  it('lists what the reading passed over or noted in words, the first three and how many in all', () => {
    const file = (n: number) => ({
      file: 'a.xlsx',
      tables: [],
      findings: [],
      skipped: [{ sheet: '計算用', reason: 'hidden-sheet: checked, although hidden' }, { sheet: '別紙1', cell: 'B4', reason: 'block-without-years' }, ...Array.from({ length: n }, (_, i) => ({ sheet: `空${i}`, reason: 'empty-sheet' }))],
    });
    const ja = renderHtmlReport([file(1)], { lang: 'ja', generated: new Date('2025-04-01T00:00:00Z') });
    expect(ja).toContain('<td class="msg">計算用: 非表示のシートです(検査はしました) / 別紙1!B4: 目標値・実績値の行に、年度の見出しの下の数値が見つからないため、検査していません / 空0: 空のシートです</td>');
    const en = renderHtmlReport([file(3)], { lang: 'en', generated: new Date('2025-04-01T00:00:00Z') });
    expect(en).toContain(
      '<td class="msg"><span lang="ja">計算用</span>: a hidden sheet (checked all the same) / <span lang="ja">別紙</span>1!B4: target and actual rows with no numbers under year headers: not checked / <span lang="ja">空</span>0: an empty sheet … (5 in all)</td>',
    );
  });

  it('names a Japanese font of every system (Noto Sans CJK JP on Linux), and marks the Japanese of an English page lang="ja", so that no Chinese glyphs are drawn', () => {
    const files = [
      { file: '提出/評価書.xlsx', tables: [], findings: [{ rule: 'unparseable-number' as const, severity: 'warning' as const, sheet: '別紙1', cell: 'B12', expected: null, stated: null, message: 'the target "約１００件" is not a number' }] },
      { file: 'broken.xlsx', error: 'x' },
    ];
    const en = renderHtmlReport(files, { lang: 'en', generated: new Date('2025-04-01T00:00:00Z'), ignored: ['提出/メモ.txt'] });
    expect(/<style>[\s\S]*?body \{ font: [^;]*"Noto Sans CJK JP"/.test(en)).toBe(true);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<td class="path"><span lang="ja">提出</span>/<span lang="ja">評価書</span>.xlsx</td>');
    expect(en).toContain('<td><span lang="ja">別紙</span>1</td>');
    expect(en).toContain('<td class="msg">the target &quot;<span lang="ja">約１００件</span>&quot; is not a number</td>');
    expect(en).toContain('<span lang="ja">提出</span>/<span lang="ja">メモ</span>.txt</p>');
    expect(en).toContain('<td class="path">broken.xlsx</td>');
    // Every Japanese character of the page outside its style, script and own words is inside such a span.
    const body = /<main>([\s\S]*)<\/main>/.exec(en)![1];
    expect(body.replace(/<span lang="ja">[^<]*<\/span>/g, '')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // Hyoka's own words naming a Japanese term (総合評価) in the rules' descriptions are marked too.
    const scores = renderHtmlReport([{ file: 'a.xlsx', tables: [], findings: [{ rule: 'overall-score-mismatch', severity: 'error', sheet: 'S', cell: 'F40', expected: 3.9, stated: 4.1, message: 'm' }] }], { lang: 'en', generated: new Date('2025-04-01T00:00:00Z') });
    expect(/<main>([\s\S]*)<\/main>/.exec(scores)![1].replace(/<span lang="ja">[^<]*<\/span>/g, '').replace(/ title="[^"]*"/g, '')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // A Japanese page is Japanese throughout: nothing marked.
    expect(renderHtmlReport(files, { lang: 'ja', generated: new Date('2025-04-01T00:00:00Z') })).not.toContain('<span lang="ja">');
  });

  it('keeps the progress line within the terminal, counting two columns for 漢字 and かな, however narrow it is', () => {
    const shown = (s: string) => [...s.replace(/^\r\u001b\[2K/, '')].reduce((n, ch) => n + (/[\u3000-\u9fff]/.test(ch) ? 2 : 1), 0);
    for (const columns of [80, 40, 20, 8]) {
      const written: string[] = [];
      let t = 0;
      const bar = progressBar({ isTTY: true, columns, write: (s: string) => written.push(s) }, () => (t += 100))!;
      bar.update(1, 600, '提出/令和6年度/国際戦略総合特区/評価書(第二次提出分)最終版.xlsx');
      bar.update(600, 600, 'a.xlsx');
      for (const line of written) expect(shown(line)).toBeLessThan(columns);
      expect(written[1]).toContain('600/600');
      if (columns >= 40) expect(written[0]).toMatch(/…[^…]*最終版\.xlsx$/);
    }
  });

  it('shows the characters that reorder text (U+202E and its kin) as their codes on the terminal and in the HTML, the JSON keeping the name as it is', async () => {
    const dir = tempDir('hyoka-bidi-');
    // Shown as it is, `評価書\u202Exslx.exe` reads `評価書exe.xlsx`; a sheet name and a cell text may hold one too.
    const name = join(dir, '評価書\u202Exslx.exe\u2066.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙\u202E1');
    ws.addRow([null, null, '令和3年度', '令和4年度']);
    ws.addRow(['数値目標(1) 件数', '目標値', 10, 10]);
    ws.addRow([null, '実績値', '1\u200F2件', 12]);
    ws.addRow(['寄与度(※):', '進捗度(%)', 100, 120]);
    writeFileSync(name, new Uint8Array(await wb.xlsx.writeBuffer()));
    const text = hyoka('check', name, join(FIXTURES, 'keihin-2019-text.xlsx'));
    expect(text.stdout).toContain('評価書<U+202E>xslx.exe<U+2066>.xlsx');
    expect(text.stdout).toContain('[別紙<U+202E>1]');
    expect(text.stdout).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    const json = ReportSchema.parse(JSON.parse(hyoka('check', name, '--json').stdout));
    expect(json.files[0].file).toBe(name);
    const page = renderHtmlReport(
      [
        { ...json.files[0] },
        { file: 'b\u202Dc.xlsx', error: 'x' },
      ],
      { lang: 'en', generated: new Date('2025-04-01T00:00:00Z') },
    );
    expect(page).toContain('xslx.exe&lt;U+2066&gt;.xlsx');
    expect(page).toContain('別紙</span>&lt;U+202E&gt;1');
    expect(page).toContain('b&lt;U+202D&gt;c.xlsx');
    expect(page).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    const written: string[] = [];
    const bar = progressBar({ isTTY: true, columns: 80, write: (s: string) => written.push(s) }, () => 1000)!;
    bar.update(1, 1, name);
    expect(written[0]).toContain('xslx.exe<U+2066>.xlsx');
    // hyoka fix names each cell it rewrote by its sheet, shown the same way.
    const wrong = join(dir, 'wrong.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('別紙\u202E1');
    sheet.addRow([null, null, '令和3年度', '令和4年度']);
    sheet.addRow(['数値目標(1) 件数', '目標値', 10, 10]);
    sheet.addRow([null, '実績値', 11, 12]);
    sheet.addRow(['寄与度(※):', '進捗度(%)', 100, 120]);
    writeFileSync(wrong, new Uint8Array(await book.xlsx.writeBuffer()));
    const fixed = hyoka('fix', wrong, '-o', join(dir, 'fixed.xlsx'));
    expect(fixed.stdout).toContain('別紙<U+202E>1!C4: 100 → 110');
    expect(fixed.stdout).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it('draws the progress bar on a terminal only, and clears it at the end', () => {
    const written: string[] = [];
    let t = 0;
    const bar = progressBar({ isTTY: true, columns: 60, write: (s: string) => written.push(s) }, () => (t += 100))!;
    bar.update(1, 4, 'a.xlsx');
    bar.update(4, 4, '\u001b[31mevil.xlsx');
    bar.end();
    expect(written[0]).toContain('1/4 a.xlsx');
    expect(written[1]).toContain('4/4 ?[31mevil.xlsx');
    expect(written[2]).toBe('\r\u001b[2K');
    expect(progressBar({ isTTY: false, write: () => undefined })).toBeUndefined();
  });
});

describe('Ctrl-C midway through a folder, on a terminal', () => {
  // `script` runs the command on a terminal of its own (util-linux's; BSD's takes other arguments): the bar is drawn, and
  // a Ctrl-C typed into it reaches the command as the terminal's interrupt, as a reviewer's would.
  const linuxScript = process.platform === 'linux' && spawnSync('script', ['-qec', 'true', '/dev/null']).status === 0;
  it.runIf(linuxScript)('clears the bar, says how far the check went and that nothing was written, and exits 130', async () => {
    const many = tempDir('hyoka-batch-interrupt-');
    for (let i = 0; i < 300; i++) copyFileSync(join(FIXTURES, 'keihin-2019-text.xlsx'), join(many, `提出${String(i).padStart(3, '0')}.xlsx`));
    const out = join(tempDir('hyoka-batch-interrupt-report-'), 'report.html');
    const command = [process.execPath, join(ROOT, 'bin', 'hyoka.js'), 'check', many, '--jobs', '1', '--report', out].map((a) => `'${a}'`).join(' ');
    const { spawn } = await import('node:child_process');
    const child = spawn('script', ['-qec', `stty cols 100; ${command}`, '/dev/null'], { cwd: ROOT });
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      // Once a few files are checked, the reviewer presses Ctrl-C.
      if (/\] [1-9]\d*\/300 /.test(text) && !child.stdin.writableEnded) child.stdin.end('\u0003');
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(130);
    const after = text.slice(text.lastIndexOf('^C'));
    expect(after).toMatch(/^\^C(\r\u001b\[2K)+hyoka: 中断しました\(300 件中 \d+ 件を検査済み\)。結果もレポートも出力していません。\r?\n$/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it.runIf(linuxScript)('answers at once, not only when the workbook being checked is done (a large one takes seconds)', async () => {
    const big = tempDir('hyoka-batch-interrupt-big-');
    generateWorkbook(join(big, 'a.xlsx'), 300_000);
    copyFileSync(join(big, 'a.xlsx'), join(big, 'b.xlsx'));
    const command = [process.execPath, join(ROOT, 'bin', 'hyoka.js'), 'check', big, '--jobs', '1'].map((a) => `'${a}'`).join(' ');
    const { spawn } = await import('node:child_process');
    const started = Date.now();
    const child = spawn('script', ['-qec', `stty cols 100; ${command}`, '/dev/null'], { cwd: ROOT });
    let text = '';
    let first = 0;
    let pressed = 0;
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      // The first workbook is done (the time one takes is now known), the second is being checked: Ctrl-C, half a
      // second into it.
      if (!first && text.includes('] 1/2 ')) {
        first = Date.now();
        setTimeout(() => {
          pressed = Date.now();
          child.stdin.end('\u0003');
        }, 500);
      }
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const answered = Date.now() - pressed;
    const one = first - started;
    expect(code).toBe(130);
    expect(text).toMatch(/hyoka: 中断しました\(2 件中 1 件を検査済み\)。結果は出力していません。/);
    // Well before the second workbook could have been done (it takes as long as the first, less the half second).
    expect(answered).toBeLessThan(Math.max(one / 4, 300));
    // Without a terminal (no bar, a pipe) Ctrl-C ends the command at once as it always did: it waits for no file either.
    const piped = spawn(process.execPath, [join(ROOT, 'bin', 'hyoka.js'), 'check', big, '--jobs', '1', '--json'], { cwd: ROOT });
    let sent = 0;
    setTimeout(() => {
      sent = Date.now();
      piped.kill('SIGINT');
    }, one / 2);
    const signal = await new Promise<NodeJS.Signals | null>((done) => piped.on('close', (_, s) => done(s)));
    expect(signal).toBe('SIGINT');
    expect(Date.now() - sent).toBeLessThan(Math.max(one / 4, 300));
  }, 180_000);
});
