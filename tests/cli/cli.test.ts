import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/engine/report.js';
import { FIXTURES } from '../helpers.js';
import { tempDir } from '../temp.js';
import { linkedWorkbook } from '../browser/workbooks.js';
import { chartWorkbook } from '../io/xlsx/chart-workbook.js';

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
    const dir = tempDir('hyoka-cli-');
    const bad = join(dir, 'notes.xlsx');
    writeFileSync(bad, 'これは表ではありません,1,2\n');
    const r = hyoka('check', bad, fx('keihin-2019-text.xlsx'), '--json');
    expect(r.code).toBe(2);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.files.map((f) => ('error' in f ? 'error' : 'checked'))).toEqual(['error', 'checked']);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('CSV');
  });

  it.runIf(process.platform === 'linux')('reads a device or a named pipe named directly up to --max-bytes, and a pipe nothing writes to as empty, never without end; a pipe that ends is checked', () => {
    const run = (command: string) => spawnSync('bash', ['-c', command], { encoding: 'utf8', cwd: ROOT, timeout: 20_000 });
    const zero = run(`node bin/hyoka.js check /dev/zero --max-bytes 1000000`);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('ファイルが大きすぎます');
    const dir = tempDir('hyoka-fifo-');
    const fifo = join(dir, 'pipe.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const idle = run(`node bin/hyoka.js check ${fifo} --lang en`);
    expect(idle.status).toBe(2);
    expect(idle.stderr).toContain('the file is empty');
    const fed = run(`(sleep 0.5; cat ${fx('keihin-2019-text.xlsx')} > ${fifo}) & node bin/hyoka.js check ${fifo} --json`);
    expect(fed.status).toBe(1);
    const piped = run(`node bin/hyoka.js check <(cat ${fx('keihin-2019-text.xlsx')}) --json`);
    expect(piped.status).toBe(1);
    const file = ReportSchema.parse(JSON.parse(piped.stdout)).files[0];
    expect('findings' in file && file.findings.map((f) => f.rule)).toEqual(['sum-mismatch']);
    const fix = run(`node bin/hyoka.js fix /dev/zero -o ${join(dir, 'out.xlsx')}`);
    expect(fix.status).toBe(2);
    expect(fix.stderr).toContain('ファイルが大きすぎます');
  });

  it('wrong arguments give exit 2 with the usage', () => {
    expect(hyoka('check').code).toBe(2);
    expect(hyoka('check', fx('overall-2023.xlsx'), '--lang', 'fr').code).toBe(2);
    expect(hyoka('frobnicate').code).toBe(2);
  });

  it('says what is wrong with the arguments in the language asked for, not in Node\'s English', () => {
    const first = (...args: string[]) => hyoka(...args).stderr.split('\n')[0];
    // Before: "Option '--jobs' argument is ambiguous. Did you forget to specify the option argument for '--jobs'? …".
    expect(first('check', fx('overall-2023.xlsx'), '--jobs', '-1')).toBe('hyoka: --jobs には 1 以上の整数を指定してください(指定: -1)。');
    expect(first('check', fx('overall-2023.xlsx'), '--jobs', 'abc', '--lang=en')).toBe('hyoka: --jobs takes a positive whole number (given: abc).');
    expect(first('check', fx('overall-2023.xlsx'), '--bogus')).toBe('hyoka: 不明なオプションです: --bogus');
    expect(first('check', fx('overall-2023.xlsx'), '--bogus', '--lang', 'en')).toBe('hyoka: unknown option: --bogus');
    expect(first('check', fx('overall-2023.xlsx'), '--jobs')).toBe('hyoka: --jobs の後に値を続けてください(例: --jobs 2)。');
    expect(first('check', fx('overall-2023.xlsx'), '--json=1', '--lang', 'en')).toBe('hyoka: --json takes no value (write --json alone).');
    expect(first('fix', fx('overall-2023.xlsx'), '-o')).toBe('hyoka: -o の後に値を続けてください(例: -o out.xlsx)。');
    expect(first('check', fx('overall-2023.xlsx'), '--lang', 'fr')).toContain('--lang takes ja or en (given: fr).');
    expect(first('frobnicate', '--lang', 'en')).toBe('hyoka: unknown command: frobnicate (check, fix or schema).');
    const r = hyoka('check', fx('overall-2023.xlsx'), '--jobs', '-1', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });

  it('publishes the report schema', () => {
    const r = hyoka('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('properties.files');
  });
});

describe('hyoka fix', () => {
  it('piped into a reader that has stopped reading (`| head`): no crash, the workbook written, the usual exit code', () => {
    const dir = tempDir('hyoka-pipe-');
    const out = join(dir, 'out.xlsx');
    // `true` reads nothing and exits at once: every line hyoka prints meets a closed pipe.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" bin/hyoka.js fix "${fx('planted-errors.xlsx')}" -o "${out}" | true; echo "exit=\${PIPESTATUS[0]}"`], { encoding: 'utf8', cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('exit=0');
    expect(hyoka('check', out, '--json').stdout).toContain('"files"');
  });

  it('writes OUT, never the input, and the output checks clean of progress findings', () => {
    const dir = tempDir('hyoka-fix-');
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

  it('shows a long text rewritten inside (the 本文 pasted into one cell) by its changed numbers, each change on one line', async () => {
    const wb = new ExcelJS.Workbook();
    const table = wb.addWorksheet('別紙1');
    [
      [null, null, 'R5'],
      ['数値目標(1)-① 件数', '目標値', '10件'],
      ['寄与度(※):50%', '実績値', '12件'],
      [null, '進捗度', '120%'],
      ['数値目標(1)-② 社数', '目標値', '10社'],
      ['寄与度(※):50%', '実績値', '8社'],
      [null, '進捗度', '80%'],
    ].forEach((r, i) => (table.getRow(i + 1).values = r));
    const body = wb.addWorksheet('本文');
    body.getCell('A1').value = '評価対象年度：令和5年度';
    body.getCell('A2').value = ['評価指標（1）：連携の成果【進捗度 105%】', '数値目標（1）-①：件数【当該年度目標値 10 件、当該年度実績値 12 件、進捗度 120%】', '数値目標（1）-②：社数【当該年度目標値 10 社、当該年度実績値 8 社、進捗度 85%】'].join('\n');
    const dir = tempDir('hyoka-fix-');
    const input = join(dir, 'body.xlsx');
    await wb.xlsx.writeFile(input);
    const r = hyoka('fix', input, '-o', join(dir, 'out.xlsx'));
    expect(r.code).toBe(0);
    const changes = r.stdout.split('\n').filter((l) => l.startsWith('  本文!A2'));
    expect(changes).toEqual(['  本文!A2: …）：連携の成果【進捗度 105%】⏎数値目標（1）-①… …実績値 8 社、進捗度 85%】 → …）：連携の成果【進捗度 100%】⏎数値目標（1）-①… …実績値 8 社、進捗度 80%】']);
  });

  it('keeps a formula that refers to a rewritten cell and gives the right value, saves its new result, and names a formula it replaces', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await linkedWorkbook()) as unknown as ArrayBuffer);
    const body = wb.getWorksheet('本文')!;
    const dir = tempDir('hyoka-fix-');
    const input = join(dir, 'linked.xlsx');
    await wb.xlsx.writeFile(input);
    const out = join(dir, 'out.xlsx');
    const ja = hyoka('fix', input, '-o', out);
    expect(ja.code).toBe(0);
    expect(ja.stdout.split('\n').slice(1, -1)).toEqual([
      '  別紙1!D4: 1.4 → 1.5',
      "  本文!D3: 数式 ='別紙1'!D4 のまま(ほかのセルの書き直しで 1.5 になります)",
      '書き直したセルを参照する数式の保存済みの結果を更新しました: 別紙1!H10, 本文!D3',
    ]);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(out);
    expect(saved.getWorksheet('本文')!.getCell('D3').value).toEqual({ formula: "'別紙1'!D4", result: 1.5 });
    expect(hyoka('check', out).stdout).not.toContain('mismatch');
    // A formula pointing at another year's progress stays wrong once the table is fixed: replaced, and said so.
    body.getCell('D3').value = { formula: "'別紙1'!C4", result: 1.2 };
    await wb.xlsx.writeFile(input);
    const en = hyoka('fix', input, '-o', out, '--lang', 'en');
    expect(en.stdout).toContain("  本文!D3: 1.2 → 1.5 (replaces the formula ='別紙1'!C4)");
  });

  it('writes nothing into a protected sheet’s locked cells, says so in both languages, and writes its unlocked input cells', async () => {
    const build = async (unlockProgress: boolean) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('別紙1');
      [
        [null, null, 'R5', 'R6'],
        ['数値目標(1) 連携企業数', '目標値', 100, 100],
        [null, '実績値', 110, 120],
        [null, '進捗度', '110%', '100%'],
      ].forEach((r, i) => (ws.getRow(i + 1).values = r));
      if (unlockProgress) for (const a of ['C4', 'D4']) ws.getCell(a).protection = { locked: false };
      await ws.protect('', {});
      const dir = tempDir('hyoka-fix-');
      const input = join(dir, 'protected.xlsx');
      await wb.xlsx.writeFile(input);
      return { input, out: join(dir, 'out.xlsx') };
    };
    const locked = await build(false);
    const ja = hyoka('fix', locked.input, '-o', locked.out);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('シート「別紙1」が保護されているため、何も書き出しませんでした(ロックされたセル: 別紙1!D4)');
    expect(ja.stderr).toContain('シート保護の解除');
    expect(() => readFileSync(locked.out)).toThrow();
    expect(hyoka('fix', locked.input, '-o', locked.out, '--lang', 'en').stderr).toContain('sheet "別紙1" is protected (locked cells: 別紙1!D4). Unprotect it in Excel');
    // A form's input cells left unlocked take the recalculation.
    const open = await build(true);
    const r = hyoka('fix', open.input, '-o', open.out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('D4: 100% → 120%');
  });

  it('names the cells whose mark (`○`) it kept under a progress below 100 % for want of the workbook’s own mark for a target not reached', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    [
      [null, null, 'R5', 'R6'],
      ['数値目標(1) 連携企業数', '目標値', 100, 100],
      [null, '実績値', 110, 62],
      [null, '進捗度', '○110%', '○104%'],
    ].forEach((r, i) => (ws.getRow(i + 1).values = r));
    const dir = tempDir('hyoka-fix-');
    const input = join(dir, 'marks.xlsx');
    await wb.xlsx.writeFile(input);
    const ja = hyoka('fix', input, '-o', join(dir, 'out.xlsx'));
    expect(ja.stdout).toContain('D4: ○104% → ○62%');
    expect(ja.stdout).toContain('記号が進捗度と合わないまま残したセル');
    expect(ja.stdout).toContain('確認してください): 別紙1!D4');
    expect(hyoka('fix', input, '-o', join(dir, 'out.xlsx'), '--lang', 'en').stdout).toContain('so check them): 別紙1!D4');
  });

  it('says it updated the saved values of a chart over the rewritten cells and set a pivot cache over them to refresh on opening', () => {
    const dir = tempDir('hyoka-fix-');
    const input = join(dir, 'chart.xlsx');
    writeFileSync(input, chartWorkbook());
    const ja = hyoka('fix', input, '-o', join(dir, 'out.xlsx'));
    expect(ja.stdout.split('\n').slice(1, -1)).toEqual([
      '  別紙1!D4: 1 → 1.2',
      '書き直したセルを表すグラフ 1 個の保存済みの値を更新しました。',
      '書き直したセルを含むピボットテーブルのキャッシュ 1 個を、開くときに更新するよう設定しました。',
    ]);
    expect(hyoka('fix', input, '-o', join(dir, 'out.xlsx'), '--lang', 'en').stdout).toContain('Updated the saved values of 1 chart(s) showing rewritten cells.');
  });

  it('writes a macro-enabled workbook only under .xlsm, and a plain one only under .xlsx, the names Excel opens them by', () => {
    const dir = tempDir('hyoka-xlsm-');
    const parts = unzipSync(readFileSync(fx('planted-errors.xlsx')));
    const types = strFromU8(parts['[Content_Types].xml']);
    parts['[Content_Types].xml'] = strToU8(types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
    const xlsm = join(dir, 'マクロ付き.xlsm');
    writeFileSync(xlsm, zipSync(parts));
    const wrong = hyoka('fix', xlsm, '-o', join(dir, 'out.xlsx'), '--lang', 'en');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Name the output .xlsm');
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
    expect(hyoka('fix', xlsm, '-o', join(dir, 'out.xlsm')).code).toBe(0);
    const plain = hyoka('fix', fx('planted-errors.xlsx'), '-o', join(dir, 'plain.xlsm'));
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('.xlsx にしてください');
    expect(existsSync(join(dir, 'plain.xlsm'))).toBe(false);
  });

  it('leaves a summary restating a progress cell it cannot write (the first of an array formula over two cells) as it is, and names that cell once', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.getRow(1).values = [null, null, '平成29年度', '平成30年度', '令和元年度'];
    ws.getRow(2).values = ['数値目標(1) 就業者数', '目標値', 200, 500, 200];
    ws.getRow(3).values = [null, '実績値', 842, 312, 136];
    ws.getCell('B4').value = '進捗度';
    ws.getCell('C4').value = 421;
    // Rounded up from 平成30年度 on: 312 ÷ 500 = 62.4 → 63 in D4, the array's first cell, which takes no write.
    ws.getCell('D4').value = { formula: 'ROUNDUP(D3:E3/D2:E2*100,0)', result: 63, shareType: 'array', ref: 'D4:E4' } as ExcelJS.CellFormulaValue;
    ws.getCell('E4').value = 68;
    const s = wb.addWorksheet('本文');
    s.getRow(1).values = ['評価対象年度：平成30年度'];
    s.getRow(2).values = ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度'];
    s.getRow(3).values = ['評価指標(1)', '数値目標(1)', 500, 312];
    s.getCell('E3').value = { formula: "'別紙1'!D4", result: 63 } as ExcelJS.CellFormulaValue;
    const dir = tempDir('hyoka-shared-');
    writeFileSync(join(dir, 'in.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = hyoka('fix', join(dir, 'in.xlsx'), '-o', join(dir, 'out.xlsx'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes('別紙1!D4'))).toEqual(['Not written 別紙1!D4: the cell anchors a shared or array formula']);
    expect(r.stdout).not.toContain('本文!E3');
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'out.xlsx'));
    expect(out.getWorksheet('本文')!.getCell('E3').value).toEqual({ formula: "'別紙1'!D4", result: 63 });
  });

  it('keeps an array formula of one cell whose saved result is stale, saving its result', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('別紙1');
    ws.getRow(1).values = [null, null, '平成29年度', '平成30年度'];
    ws.getRow(2).values = ['数値目標(1) 就業者数', '目標値', 200, 500];
    ws.getRow(3).values = [null, '実績値', 842, 312];
    ws.getCell('B4').value = '進捗度';
    ws.getCell('C4').value = 421;
    ws.getCell('D4').value = { formula: 'ROUND(D3/D2*100,0)', result: 70, shareType: 'array', ref: 'D4' } as ExcelJS.CellFormulaValue;
    const dir = tempDir('hyoka-array-');
    writeFileSync(join(dir, 'in.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = hyoka('fix', join(dir, 'in.xlsx'), '-o', join(dir, 'out.xlsx'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('別紙1!D4: formula =ROUND(D3/D2*100,0) kept (gives 62 with the other cells rewritten)');
    expect(r.stdout).not.toContain('Not written');
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'out.xlsx'));
    expect(out.getWorksheet('別紙1')!.getCell('D4').value).toMatchObject({ formula: 'ROUND(D3/D2*100,0)', result: 62 });
  });

  it('refuses to overwrite the input', () => {
    const r = hyoka('fix', fx('planted-errors.xlsx'), '-o', fx('planted-errors.xlsx'));
    expect(r.code).toBe(2);
  });
});
