/**
 * The page's safety: cell text is shown as text (never markup), exported text cannot become a
 * formula, the Content-Security-Policy forbids inline script and eval and is never violated, and
 * the page asks nothing of any server but its own (and Office's CDN for office.js).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/index.js';
import { readXlsx } from '../../src/io/xlsx/read.js';
import { FIXTURES } from '../helpers.js';
import { collectFindingRows, cspViolations, OFFICE_JS_URL, useServedSite } from './harness.js';
import { HOSTILE_LABEL, HOSTILE_SHEET, HOSTILE_TEXT, hostileWorkbook } from './workbooks.js';

const served = useServedSite();
let hostilePath = '';

beforeAll(async () => {
  hostilePath = join(served.dir, 'hostile.xlsx');
  writeFileSync(hostilePath, await hostileWorkbook());
});

function metaCsp(html: string): string {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error('taskpane.html has no Content-Security-Policy meta tag');
  return m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

function directive(csp: string, name: string): string[] {
  const d = csp.split(';').map((x) => x.trim().split(/\s+/)).find((x) => x[0] === name);
  if (!d) throw new Error(`the CSP has no ${name}`);
  return d.slice(1);
}

describe('the page’s Content-Security-Policy', () => {
  it('allows scripts only from the page and Office’s CDN, no inline script and no eval', () => {
    const html = readFileSync(join(served.dir, 'taskpane.html'), 'utf8');
    const csp = metaCsp(html);
    const script = directive(csp, 'script-src');
    expect(script).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(csp).not.toContain('unsafe-eval');
    expect(directive(csp, 'connect-src').every((s) => s === "'self'" || s === 'https://appsforoffice.microsoft.com')).toBe(true);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    // Every script element loads a file: none carries code of its own.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body.trim()).toBe('');
    }
    expect(html).toContain(`src="${OFFICE_JS_URL}"`);
    expect(html).toMatch(/<script src="guard\.js"><\/script>\s*<!--[^>]*-->\s*<script src="https:\/\/appsforoffice/);
  });

  it('builds bundles that need no eval', () => {
    const html = readFileSync(join(served.dir, 'taskpane.html'), 'utf8');
    const bundles = [...html.matchAll(/src="(taskpane\.[^"]+\.js)"/g)].map((m) => m[1]);
    expect(bundles).toHaveLength(1);
    const code = readFileSync(join(served.dir, bundles[0]), 'utf8');
    expect(code).not.toMatch(/\beval\(/);
    expect(code).not.toContain('sourceURL=webpack');
  });
});

describe('hostile cell text', () => {
  it('shows markup from cells as text: no dialog, no element made from it, no CSP violation', async () => {
    const expected = checkWorkbook(await readXlsx(new Uint8Array(readFileSync(hostilePath)))).findings;
    expect(expected.some((f) => f.rule === 'unparseable-number')).toBe(true);
    const page = await served.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(served.site.url('taskpane.html'));
    await page.locator('input[type=file]').setInputFiles(hostilePath);
    await page.locator(`[data-testid="finding-count"][data-total="${expected.length}"]`).waitFor();

    const rows = await collectFindingRows(page);
    const unparseable = rows.find((r) => r.rule === 'unparseable-number');
    expect(unparseable?.sheet).toBe(HOSTILE_SHEET);
    expect(unparseable?.text).toContain(HOSTILE_TEXT);
    await page.locator('[data-testid="finding-list"]').evaluate((el) => (el.scrollTop = 0));
    await expect(page.getByText(HOSTILE_TEXT, { exact: false }).first().isVisible()).resolves.toBe(true);

    await page.locator('[data-tab="tables"]').click();
    await expect(page.getByText(HOSTILE_LABEL, { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('section[data-target] td', { hasText: HOSTILE_TEXT }).count()).resolves.toBe(1);

    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('#root script').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('neutralises text that a spreadsheet would read as a formula in the exported CSV', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.site.url('taskpane.html'));
    await page.locator('input[type=file]').setInputFiles(hostilePath);
    await page.locator('[data-testid="finding-count"]').waitFor();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export"]').click()]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(await dl.path()));
    const rows = text.slice(1).split('\r\n').filter(Boolean).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const sheet = row.split(',')[2];
      expect(sheet).toBe(`"'${HOSTILE_SHEET}"`);
      // No field begins, inside its quotes, with a character that starts a formula.
      for (const field of row.match(/"(?:[^"]|"")*"/g) ?? []) expect(field).not.toMatch(/^"[=+\-@\t\r]/);
    }
    expect(text).toContain(`「${HOSTILE_TEXT}」`);
    await page.close();
  });
});

describe('network', () => {
  it('asks its own origin for everything while checking, and Office’s CDN only for office.js', async () => {
    const from = served.browser.requests.length;
    const officeBefore = served.browser.officeJsRequests();
    const page = await served.browser.context.newPage();
    await page.goto(served.site.url('taskpane.html'));
    await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'planted-errors.xlsx'));
    await page.locator('[data-testid="finding-count"]').waitFor();
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-action="undo"]:not([disabled])').waitFor();
    await page.locator('[data-tab="tables"]').click();
    await page.locator('[data-action="sample"]').click();
    await page.locator('[data-testid="file-name"]', { hasText: 'sample-keihin-2019.xlsx' }).waitFor();
    await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export"]').click()]);
    const requests = served.browser.requests.slice(from);
    const foreign = requests.filter((u) => !u.startsWith(`${served.site.origin}/`) && !u.startsWith(`blob:${served.site.origin}/`));
    expect(foreign).toEqual([OFFICE_JS_URL]);
    expect(served.browser.officeJsRequests() - officeBefore).toBe(1);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
