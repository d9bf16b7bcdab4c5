/**
 * The HTML report of `hyoka check DIR --report` in a real browser: it renders offline with no
 * CSP violation, its tables sort by any column (numbers as numbers, cells in sheet order), and
 * the search box filters the findings. The folder holds the fixtures, a truncated .xlsx and a
 * CSV named .xlsx, as a reviewer's folder would.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/cli/html.js';
import type { FileReport } from '../../src/engine/report.js';
import { FIXTURES } from '../helpers.js';
import { artifactPath, cspViolations, launch, ROOT, type Browser } from './harness.js';

let dir = '';
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'hyoka-report-'));
  const folder = join(dir, '提出');
  spawnSync('mkdir', ['-p', folder]);
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) copyFileSync(join(FIXTURES, name), join(folder, name));
  const good = readFileSync(join(FIXTURES, 'keihin-2019-text.xlsx'));
  writeFileSync(join(folder, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(folder, 'notes.xlsx'), '事業名,投資額\n研究拠点整備事業,115\n');
  const out = join(dir, 'report.html');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hyoka.js'), 'check', folder, '--report', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status).toBe(2);
  browser = await launch({ viewport: { width: 1280, height: 900 } });
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(out).href);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const column = (table: string, col: number) => page.$$eval(`#${table} tbody tr:not([hidden])`, (rows, c) => rows.map((r) => (r as HTMLTableRowElement).cells[c].textContent ?? ''), col);
const header = (table: string, col: number) => page.locator(`#${table} thead th`).nth(col).locator('button');

describe('the HTML report in a browser', () => {
  it('lists every file, the unreadable ones with their reason, and runs without errors or CSP violations', async () => {
    const files = await column('files', 0);
    expect(files.length).toBe(readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).length + 2);
    const text = await page.locator('#files').innerText();
    expect(text).toContain('truncated.xlsx');
    expect(text).toContain('notes.xlsx');
    expect(await page.locator('#findings tbody tr').count()).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('report.png'), fullPage: false });
  });

  it('sorts the files by their error count as numbers, both ways', async () => {
    await header('files', 2).click();
    const up = (await column('files', 2)).filter((t) => t !== '').map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    await header('files', 2).click();
    const down = (await column('files', 2)).filter((t) => t !== '').map(Number);
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(await page.locator('#files thead th').nth(2).getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts findings by cell in reading order (B9 before B10, row before column), and by rule', async () => {
    await header('findings', 2).click();
    const cells = await column('findings', 2);
    const key = (a1: string) => {
      const m = /^([A-Z]+)(\d+)/.exec(a1)!;
      return Number(m[2]) * 1e5 + [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    };
    const keys = cells.map(key);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    await header('findings', 4).click();
    const rules = await column('findings', 4);
    expect(rules).toEqual([...rules].sort((a, b) => a.localeCompare(b, 'ja', { numeric: true })));
  });

  it('filters the findings by the text typed in the search box, and shows them all again when it is cleared', async () => {
    const all = await page.locator('#findings tbody tr').count();
    const box = page.locator('input[data-filter="findings"]');
    await box.fill('sum-mismatch');
    const shown = await column('findings', 4);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(all);
    expect(shown.every((r) => r === 'sum-mismatch')).toBe(true);
    await box.fill('');
    expect((await column('findings', 4)).length).toBe(all);
  });
});

describe('the report printed', () => {
  it('prints dark on white on landscape A4, the message column readable and the table within the page, without the sort hint or an empty filter box', async () => {
    // An A4 page in portrait at 96 dpi: the narrowest a reviewer is likely to print it.
    const printed = await browser.context.newPage();
    await printed.setViewportSize({ width: 794, height: 1123 });
    await printed.goto(page.url());
    await printed.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const widths = await printed.$eval('#findings', (table) => {
      const t = table as HTMLTableElement;
      const message = t.tBodies[0].rows[0].cells[7];
      return { table: t.getBoundingClientRect().width, page: document.documentElement.clientWidth, message: message.getBoundingClientRect().width };
    });
    expect(widths.table).toBeLessThanOrEqual(widths.page);
    expect(widths.message).toBeGreaterThanOrEqual(widths.table * 0.2);
    // A reader set to dark mode still prints dark text (white text on white paper otherwise).
    const [r, g, b] = (await printed.$eval('td.msg', (td) => getComputedStyle(td).color)).match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(200);
    expect(await printed.locator('p.hint').isVisible()).toBe(false);
    expect(await printed.locator('label:has(input[data-filter="findings"])').isVisible()).toBe(false);
    // A filter in use is printed, as the rows printed are those it let through.
    await printed.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await printed.locator('input[data-filter="findings"]').fill('sum-mismatch');
    await printed.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await printed.locator('label:has(input[data-filter="findings"])').isVisible()).toBe(true);
    const pdf = (await printed.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    expect(Number(box[1])).toBeGreaterThan(Number(box[2]));
    await printed.close();
  });
});

describe('the filter, over names as a shared drive holds them', () => {
  it('finds a name macOS wrote decomposed (デ as テ + ゙) or in half-width katakana (ｼｽﾃﾑ) by what is typed, and full-width letters by half-width ones, both ways', async () => {
    const finding = (n: number) => ({ rule: 'progress-mismatch' as const, severity: 'error' as const, sheet: '別紙1', cell: `F${n}`, expected: 100, stated: 90, message: `finding ${n}` });
    const files: FileReport[] = [
      { file: `提出/${'データ'.normalize('NFD')}/総合評価.xlsx`, tables: [], findings: [finding(1)] },
      { file: '提出/ＫＥＩＨＩＮ　評価書.xlsx', tables: [], findings: [finding(2)] },
      { file: '提出/tsukuba 評価書.xlsx', tables: [], findings: [finding(3)] },
      { file: '提出/ｼｽﾃﾑ出力.xlsx', tables: [], findings: [finding(4)] },
    ];
    const out = join(dir, 'names.html');
    writeFileSync(out, renderHtmlReport(files, { lang: 'ja', generated: new Date('2025-04-01T00:00:00Z') }));
    const names = await browser.context.newPage();
    await names.goto(pathToFileURL(out).href);
    const shown = (table: string) => names.$$eval(`#${table} tbody tr:not([hidden])`, (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0].textContent ?? ''));
    for (const table of ['files', 'findings']) {
      const box = names.locator(`input[data-filter="${table}"]`);
      await box.fill('データ');
      expect(await shown(table)).toEqual([files[0].file]);
      await box.fill('keihin 評価書');
      expect(await shown(table)).toEqual([files[1].file]);
      await box.fill('ＴＳＵＫＵＢＡ');
      expect(await shown(table)).toEqual([files[2].file]);
      // Half-width katakana, as older systems name their exports.
      await box.fill('システム');
      expect(await shown(table)).toEqual([files[3].file]);
    }
    expect(await cspViolations(names)).toEqual([]);
    await names.close();
  });
});

describe('a report of 10,000 findings over 300 files', () => {
  let big: Page;
  beforeAll(async () => {
    const files: FileReport[] = Array.from({ length: 300 }, (_, i) => ({
      file: `提出/自治体${String(i).padStart(3, '0')}.xlsx`,
      tables: [],
      findings: Array.from({ length: i < 100 ? 34 : 33 }, (_, j) => ({
        rule: 'progress-mismatch',
        severity: 'error' as const,
        sheet: '別紙1',
        cell: `F${j + 3}`,
        expected: (i * 37 + j * 11) % 9973,
        stated: null,
        message: `finding ${i}-${j}`,
      })),
    }));
    const out = join(dir, 'big.html');
    writeFileSync(out, renderHtmlReport(files, { lang: 'en', generated: new Date('2025-04-01T00:00:00Z') }));
    big = await browser.context.newPage();
    big.on('pageerror', (e) => errors.push(String(e)));
    await big.goto(pathToFileURL(out).href);
  }, 120_000);

  const shown = () => big.$$eval('#findings tbody tr:not([hidden])', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[6].textContent ?? ''));
  const more = () => big.locator('p[data-more="findings"]');

  it('shows the first 1,000 rows and says how many there are; a sort or a filter goes over all of them', async () => {
    expect(await big.locator('#findings tbody tr').count()).toBe(10_000);
    expect((await shown()).length).toBe(1000);
    expect(await more().innerText()).toBe('Showing 1,000 of 10,000 Show all');
    // Sorted by the expected value, the rows shown are the 1,000 smallest of all 10,000, in order.
    await big.locator('#findings thead th').nth(6).locator('button').click();
    const all = Array.from({ length: 300 }, (_, i) => Array.from({ length: i < 100 ? 34 : 33 }, (_, j) => (i * 37 + j * 11) % 9973)).flat().sort((a, b) => a - b);
    expect((await shown()).map((t) => Number(t.replace(/,/g, '')))).toEqual(all.slice(0, 1000));
    // A filter finds rows that were not shown; fewer than 1,000 matches show them all, without the line.
    await big.locator('input[data-filter="findings"]').fill('finding 299-');
    expect((await shown()).length).toBe(33);
    expect(await more().isHidden()).toBe(true);
    await big.locator('input[data-filter="findings"]').fill('');
    expect((await shown()).length).toBe(1000);
    await more().locator('button').click();
    expect((await shown()).length).toBe(10_000);
    expect(await more().isHidden()).toBe(true);
    expect(errors).toEqual([]);
    expect(await cspViolations(big)).toEqual([]);
  }, 120_000);
});
