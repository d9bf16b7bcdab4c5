/**
 * The old-webview guard: when the pane's bundle cannot load, or the browser lacks what React 19
 * and Fluent UI need (as Internet Explorer 11 and the old Edge do), the page shows which Excel
 * versions work and the link to the standalone page, in Japanese and English, instead of nothing.
 */
import { describe, expect, it } from 'vitest';
import { artifactPath, useServedSite } from './harness.js';

const served = useServedSite();

describe('the guard script', () => {
  it('shows the message when the main bundle fails to load', async () => {
    const page = await served.browser.context.newPage();
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.abort('failed'));
    await page.goto(served.site.url('taskpane.html'));
    const box = page.locator('#hyoka-unsupported');
    await box.waitFor({ timeout: 15_000 });
    expect(await box.getAttribute('data-reason')).toBe('bundle-failed');
    const text = await box.innerText();
    expect(text).toContain('Hyoka を表示できません');
    expect(text).toContain('Hyoka cannot start here');
    expect(text).toContain('Excel 2021');
    expect(await box.locator('a').getAttribute('href')).toBe(served.site.url('taskpane.html'));
    await page.screenshot({ path: artifactPath('guard-bundle-failed.png') });
    await page.close();
  });

  it('shows the message in a browser without the features the pane needs (an old web view)', async () => {
    const page = await served.browser.context.newPage();
    await page.addInitScript(() => {
      // What Internet Explorer 11 lacks: no Proxy, no Array.prototype.includes.
      delete (window as unknown as { Proxy?: unknown }).Proxy;
      delete (Array.prototype as unknown as { includes?: unknown }).includes;
    });
    await page.goto(served.site.url('taskpane.html'));
    const box = page.locator('#hyoka-unsupported');
    await box.waitFor({ timeout: 15_000 });
    expect(await box.getAttribute('data-reason')).toBe('unsupported-browser');
    await page.close();
  });

  it('stays out of the way when the pane starts', async () => {
    const page = await served.browser.context.newPage();
    await page.goto(served.site.url('taskpane.html'));
    await page.locator('[data-action="open"]').waitFor({ timeout: 30_000 });
    // The guard waits 8 s after load before deciding the pane never started.
    await page.waitForTimeout(9_000);
    expect(await page.evaluate(() => (window as unknown as { hyokaStarted?: boolean }).hyokaStarted)).toBe(true);
    expect(await page.locator('#hyoka-unsupported').count()).toBe(0);
    await page.close();
  });
});
