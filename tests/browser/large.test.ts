/**
 * 10,000 findings: the list is virtualised (only the rows in view exist), stays responsive to
 * scrolling and filtering, and still reaches the last finding.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServedSite } from './harness.js';
import { manyFindingsWorkbook } from './workbooks.js';

const TARGETS = 2000;
const FINDINGS = TARGETS * 5;

const served = useServedSite({ viewport: { width: 420, height: 900 } });
let path = '';

beforeAll(async () => {
  path = join(served.dir, 'many-findings.xlsx');
  writeFileSync(path, await manyFindingsWorkbook(TARGETS));
});

/**
 * Milliseconds from a change to the first painted frame in which `ready(arg)` holds. (A function,
 * not a string: the page's CSP rightly refuses to evaluate strings.)
 */
async function timeUntil(page: Page, act: () => Promise<void>, ready: (arg: string) => boolean, arg: string): Promise<number> {
  const start = Date.now();
  await act();
  await page.waitForFunction(ready, arg, { polling: 'raf' });
  return Date.now() - start;
}

const rowOfCell = (cell: string) => !!document.querySelector(`[data-finding][data-cell="${cell}"]`);
const shownCount = (n: string) => document.querySelector<HTMLElement>('[data-testid="finding-count"]')?.dataset.shown === n;

describe('10,000 findings', () => {
  it('renders only the rows in view, and scrolls to the last finding quickly', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.site.url('taskpane.html'));
    await page.locator('input[type=file]').setInputFiles(path);
    await page.locator(`[data-testid="finding-count"][data-total="${FINDINGS}"]`).waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-testid="finding-count"]').textContent()).resolves.toContain(`${FINDINGS}`);

    const rendered = await page.locator('[data-finding]').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);

    const lastCell = 'H6002';
    const ms = await timeUntil(
      page,
      async () => void (await page.locator('[data-testid="finding-list"]').evaluate((el) => (el.scrollTop = el.scrollHeight))),
      rowOfCell,
      lastCell,
    );
    expect(ms).toBeLessThan(1500);
    expect(await page.locator('[data-finding]').count()).toBeLessThan(60);

    // Filtering 10,000 findings down to none and back answers within a second each way.
    const toggle = () => page.locator('[data-filter-severity="error"]').click();
    const off = await timeUntil(page, toggle, shownCount, '0');
    const on = await timeUntil(page, toggle, shownCount, String(FINDINGS));
    expect(off).toBeLessThan(1000);
    expect(on).toBeLessThan(1000);
    await page.close();
  });
});
