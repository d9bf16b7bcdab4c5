/**
 * The pane inside Excel, with the Office adapter's fake Excel standing in for Office.js (the
 * CDN is blocked; the fake defines `Office` and `Excel` before the page runs): checking through
 * the host, selecting, recalculating and undoing, highlighting, exporting to a sheet, review
 * mode, and the live check after an edit.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook, type Finding } from '../../src/engine/index.js';
import { createOfficeHost, SEVERITY_FILL } from '../../src/io/office/index.js';
import { FakeExcel, type FakeSheetInit } from '../io/office/fake-excel.js';
import { keihinSheet } from '../io/office/workbooks.js';
import { artifactPath, collectFindingRows, cspViolations, useServedSite } from './harness.js';

const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}@${f.sheet}!${f.cell}`;

const served = useServedSite();
let fakeOffice = '';

interface FakeCellView {
  value?: number | string | boolean;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
}

beforeAll(async () => {
  const bundle = await build({ entryPoints: [join(import.meta.dirname, 'fake-office.ts')], bundle: true, format: 'iife', platform: 'browser', write: false, target: 'es2020' });
  fakeOffice = bundle.outputFiles[0].text;
});

async function engineFindings(): Promise<Finding[]> {
  const fake = new FakeExcel({ apiVersion: '1.20', sheets: [keihinSheet()] });
  return checkWorkbook(await createOfficeHost({ runtime: fake.runtime }).readWorkbook()).findings;
}

async function openPane(options: { host?: string; displayLanguage?: string; sheets?: FakeSheetInit[]; apiVersion?: string } = {}): Promise<Page> {
  const page = await served.browser.context.newPage();
  await page.addInitScript((o) => ((window as unknown as { __fakeOfficeOptions: unknown }).__fakeOfficeOptions = o), options);
  await page.addInitScript({ content: fakeOffice });
  // Each pane starts in Office's display language: a test that switches language leaves its choice in the profile.
  await page.addInitScript(() => window.localStorage.removeItem('hyoka.lang'));
  await page.goto(served.site.url('taskpane.html'));
  await page.locator('main[data-host]').waitFor();
  return page;
}

function cell(page: Page, address: string): Promise<FakeCellView> {
  return page.evaluate((a) => (window as unknown as { __fake: { cell(s: string, a: string): FakeCellView } }).__fake.cell('別紙1', a), address);
}

async function check(page: Page, total: number): Promise<void> {
  await page.locator('[data-action="check"]').click();
  await page.locator(`[data-testid="finding-count"][data-total="${total}"]`).waitFor();
}

describe('the pane in Excel', () => {
  it('runs as an Excel pane in Office’s display language, with no file input', async () => {
    const page = await openPane();
    expect(await page.locator('main').getAttribute('data-host')).toBe('office');
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await expect(page.locator('[data-action="check"]').textContent()).resolves.toContain('ブックをチェック');
    expect(await page.locator('[data-action="download"]').count()).toBe(0);
    expect(await page.locator('[data-action="live"]').count()).toBe(1);
    await page.close();
    const en = await openPane({ displayLanguage: 'en-US' });
    await expect(en.locator('[data-action="check"]').textContent()).resolves.toContain('Check workbook');
    await en.close();
  });

  it('checks the workbook through the host and shows exactly the engine’s findings', async () => {
    const expected = await engineFindings();
    expect(expected.map(key)).toEqual(expect.arrayContaining(['progress-mismatch@別紙1!E6', 'progress-missing@別紙1!F6']));
    const page = await openPane();
    await check(page, expected.length);
    expect(new Set((await collectFindingRows(page)).map(key))).toEqual(new Set(expected.map(key)));
    await page.screenshot({ path: artifactPath('office-pane-findings.png') });
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('selects the cell of a clicked finding in Excel', async () => {
    const page = await openPane();
    await check(page, (await engineFindings()).length);
    await page.locator('[data-finding][data-cell="E6"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __fake: { selection: unknown } }).__fake.selection)).toEqual({ sheet: '別紙1', address: 'E6' });
    await page.close();
  });

  it('recalculates into the cells, keeping their 0% convention, and undo restores them exactly', async () => {
    const page = await openPane();
    await check(page, (await engineFindings()).length);
    const before = await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump());
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-action="undo"]:not([disabled])').waitFor();
    expect(await cell(page, 'E6')).toMatchObject({ value: 1.74, numberFormat: '0%' });
    expect(await cell(page, 'F6')).toMatchObject({ value: 1.38, numberFormat: '0%' });
    await page.locator('[data-tab="changes"]').click();
    expect(await page.locator('[data-change-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-change-cell')))).toEqual(['別紙1!E6', '別紙1!F6']);
    // As the cells show them (0% format), as the findings named them: not the stored ratios 1.1 → 1.74.
    expect(await page.locator('[data-change-cell]').evaluateAll((els) => els.map((e) => [...e.children].slice(1, 4).map((c) => c.textContent)))).toEqual([
      ['110%', '→', '174%'],
      ['空欄', '→', '138%'],
    ]);
    await page.locator('[data-action="undo"]').click();
    await page.locator('[data-action="undo"][disabled]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump())).toEqual(before);
    await page.close();
  });

  it('fills the findings’ cells and a second click gives every cell its own fill back', async () => {
    const page = await openPane();
    await check(page, (await engineFindings()).length);
    const before = await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump());
    await page.locator('[data-action="highlight"]').click();
    await page.locator('[data-action="highlight"][aria-pressed="true"]').waitFor();
    expect((await cell(page, 'E6')).fill).toBe(SEVERITY_FILL.error);
    expect((await cell(page, 'F6')).fill).toBe(SEVERITY_FILL.warning);
    await page.locator('[data-action="highlight"]').click();
    await page.locator('[data-action="highlight"][aria-pressed="false"]').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump())).toEqual(before);
    await page.close();
  });

  it('exports the report to a new sheet as well as a CSV file', async () => {
    const expected = await engineFindings();
    const page = await openPane();
    await check(page, expected.length);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export"]').click()]);
    expect(dl.suggestedFilename()).toBe('workbook-hyoka.csv');
    await page.locator('[data-testid="notice"]', { hasText: 'シート「Hyoka' }).waitFor();
    const sheets = await page.evaluate(() => (window as unknown as { __fake: { sheets: { name: string }[] } }).__fake.sheets.map((s) => s.name));
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toMatch(/^Hyoka \d{4}-\d{2}-\d{2} \d{4}$/);
    const header = await page.evaluate((name) => (window as unknown as { __fake: { cell(s: string, a: string): { value?: unknown } } }).__fake.cell(name, 'A1').value, sheets[1]);
    expect(header).toBe('重要度');
    await page.close();
  });

  it('writes nothing in review mode', async () => {
    const page = await openPane();
    await check(page, (await engineFindings()).length);
    await page.locator('[data-action="review"]').check();
    for (const action of ['recalculate', 'undo', 'highlight']) expect(await page.locator(`[data-action="${action}"]`).isDisabled(), action).toBe(true);
    const before = await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump());
    await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export"]').click()]);
    await page.locator('[data-testid="notice"]').waitFor();
    const sheets = await page.evaluate(() => (window as unknown as { __fake: { sheets: unknown[] } }).__fake.sheets.length);
    expect(sheets).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump())).toEqual(before);
    await page.close();
  });

  it('checks again within a second after the user edits the workbook', async () => {
    const expected = await engineFindings();
    const page = await openPane();
    await check(page, expected.length);
    const edited = Date.now();
    await page.evaluate(() => (window as unknown as { __fake: { userEdit(s: string, a: string, v: number): Promise<void> } }).__fake.userEdit('別紙1', 'F6', 1.38));
    await page.locator(`[data-testid="finding-count"][data-total="${expected.length - 1}"]`).waitFor({ timeout: 5000 });
    expect(Date.now() - edited).toBeLessThan(1500);
    expect((await collectFindingRows(page)).map(key)).not.toContain('progress-missing@別紙1!F6');
    await page.close();
  });

  it('explains that it is for Excel when another Office application opens it', async () => {
    const page = await openPane({ host: 'Word' });
    expect(await page.locator('main').getAttribute('data-host')).toBe('other-office-host');
    await expect(page.getByText('この作業ウィンドウは Excel 用です').isVisible()).resolves.toBe(true);
    expect(await page.locator('[data-action="check"]').count()).toBe(0);
    await page.close();
  });

  it('says that no table was found, in either language, rather than that there are no findings', async () => {
    const page = await openPane({ sheets: [{ name: 'Sheet1', cells: { A1: 'メモ', B2: 3 } }] });
    await check(page, 0);
    const notice = page.locator('[data-testid="notice"]');
    expect(await notice.getAttribute('data-intent')).toBe('warning');
    await expect(notice.textContent()).resolves.toContain('が見つからなかったため');
    await expect(page.locator('[data-testid="list-empty"]').textContent()).resolves.toContain('数値は何も確かめていません');
    await page.locator('[data-action="lang"]').click();
    await expect(notice.textContent()).resolves.toContain('No evaluation table');
    await page.close();
  });

  it('counts only the cells it filled when a sheet is protected, and names the sheet it left alone', async () => {
    const page = await openPane({ sheets: [{ ...keihinSheet(), protected: true }, keihinSheet('別紙2')] });
    await check(page, 4);
    await page.locator('[data-action="highlight"]').click();
    await page.locator('[data-action="highlight"][aria-pressed="true"]').waitFor();
    const filled = (sheet: string, a: string) => page.evaluate(([s, x]) => (window as unknown as { __fake: { cell(s: string, a: string): FakeCellView } }).__fake.cell(s, x).fill, [sheet, a]);
    expect([await filled('別紙1', 'F6'), await filled('別紙2', 'F6')]).toEqual([undefined, SEVERITY_FILL.warning]);
    const notice = page.locator('[data-testid="notice"]');
    expect(await notice.getAttribute('data-intent')).toBe('warning');
    expect(await notice.textContent()).toBe('2 個のセルに色を付けました。もう一度押すと外します。 保護されたシート(別紙1)の 2 個のセルには色を付けていません。');
    await page.close();
  });

  it('says so when every finding lies on a protected sheet, and fills nothing', async () => {
    const page = await openPane({ sheets: [{ ...keihinSheet(), protected: true }] });
    await check(page, 2);
    await page.locator('[data-action="highlight"]').click();
    await page.locator('[data-testid="notice"][data-intent="warning"]').waitFor();
    expect(await page.locator('[data-testid="notice"]').textContent()).toBe('保護されたシート(別紙1)の 2 個のセルには色を付けていません。');
    expect(await page.locator('[data-action="highlight"]').getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('says that a finding’s cell is on a hidden sheet instead of selecting it, and selects one on another shown sheet', async () => {
    const page = await openPane({ sheets: [{ ...keihinSheet(), visibility: 'Hidden' }, keihinSheet('別紙2')] });
    await check(page, 4);
    const selection = () => page.evaluate(() => (window as unknown as { __fake: { selection: unknown } }).__fake.selection);
    await page.locator('[data-finding][data-sheet="別紙1"][data-cell="E6"]').click();
    await page.locator('[data-testid="notice"]', { hasText: '非表示のシート「別紙1」' }).waitFor();
    expect(await page.locator('[data-testid="notice"]').textContent()).toContain('別紙1!E6 は非表示のシート「別紙1」にあるため、選択できません。');
    expect(await selection()).toBeNull();
    await page.locator('[data-finding][data-sheet="別紙2"][data-cell="F6"]').click();
    await expect.poll(selection).toEqual({ sheet: '別紙2', address: 'F6' });
    await page.close();
  });

  it('asks before recalculating, naming each cell before → after as it will show, and writes nothing when cancelled', async () => {
    const page = await openPane();
    await check(page, (await engineFindings()).length);
    const before = await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump());
    await page.locator('[data-action="recalculate"]').click();
    const dialog = page.locator('[data-testid="confirm-recalculation"]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('role')).toBe('dialog');
    expect(await dialog.locator('[data-confirm-cell]').evaluateAll((els) => els.map((e) => e.textContent))).toEqual(['別紙1!E6110%→174%', '別紙1!F6空欄→138%']);
    expect(await page.locator('[data-testid="confirm-undo"]').textContent()).toBe('Excel の [元に戻す](Ctrl+Z)1 回でも元に戻せます。');
    // Nothing is written while the question is open; Escape cancels it.
    expect(await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump())).toEqual(before);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="cancel-recalculate"]').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { __fake: { dump(): unknown } }).__fake.dump())).toEqual(before);
    expect(await page.locator('[data-action="undo"]').isDisabled()).toBe(true);
    await page.close();
  });

  it('says plainly, before and after writing, that Excel’s own undo cannot take it back where ExcelApi 1.20 is missing', async () => {
    const page = await openPane({ apiVersion: '1.19', displayLanguage: 'en-US' });
    await check(page, 2);
    await page.locator('[data-action="recalculate"]').click();
    expect(await page.locator('[data-testid="confirm-undo"]').textContent()).toBe(
      'This Excel cannot take it back in one step with its own Undo: to undo it, press “Undo recalculation” before closing the pane.',
    );
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-action="undo"]:not([disabled])').waitFor();
    expect(await page.locator('[data-testid="notice"]').textContent()).toBe(
      'Rewrote the progress of 2 cells. “Undo recalculation” puts them back. This Excel cannot take it back in one step with its own Undo: to undo it, press “Undo recalculation” before closing the pane.',
    );
    expect(await cell(page, 'E6')).toMatchObject({ value: 1.74 });
    await page.close();
  });

  it('does not undo over a cell the user edited after the recalculation, and says why', async () => {
    const page = await openPane();
    await check(page, 2);
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-action="undo"]:not([disabled])').waitFor();
    await page.evaluate(() => (window as unknown as { __fake: { userEdit(s: string, a: string, v: number): Promise<void> } }).__fake.userEdit('別紙1', 'F6', 1.5));
    await page.locator('[data-testid="finding-count"][data-total="1"]').waitFor();
    await page.locator('[data-action="undo"]').click();
    await page.locator('[data-testid="notice"][data-intent="error"]').waitFor();
    expect(await page.locator('[data-testid="notice"]').textContent()).toBe(
      '再計算の後に次のセルが編集されたため、編集を上書きしないよう何も元に戻しませんでした。元に戻すには、そのセルを再計算の直後の値に戻すか、Excel の [元に戻す] を使ってください。 (別紙1!F6)',
    );
    expect(await cell(page, 'F6')).toMatchObject({ value: 1.5 });
    expect(await cell(page, 'E6')).toMatchObject({ value: 1.74 });
    await page.close();
  });

  it('names the rules in the rule menu and on each finding in the pane’s language, not by their ids alone', async () => {
    const page = await openPane();
    await check(page, 2);
    const options = () => page.locator('[data-filter="rule"] option').evaluateAll((els) => els.map((e) => e.textContent));
    expect(await options()).toEqual(['すべてのルール', '進捗度の不一致 (1)', '進捗度の空欄 (1)']);
    expect(await page.locator('[data-finding][data-cell="E6"]').textContent()).toContain('進捗度の不一致progress-mismatch');
    await page.locator('[data-action="lang"]').click();
    await expect.poll(options).toEqual(['All rules', 'Progress mismatch (1)', 'Progress blank (1)']);
    await page.locator('[data-filter="rule"]').selectOption('progress-missing');
    await page.locator('[data-testid="finding-count"][data-shown="1"]').waitFor();
    expect(await page.locator('[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')))).toEqual(['F6']);
    await page.close();
  });

  it('writes nothing when an actual changed after the check (no live check), rather than the progress worked out from the old one', async () => {
    const page = await openPane();
    await check(page, 2);
    await page.locator('[data-action="live"]').uncheck();
    // 141 → 150 in E5: E6 should now be 185%, not the 174% the check worked out.
    await page.evaluate(() => (window as unknown as { __fake: { userEdit(s: string, a: string, v: number): Promise<void> } }).__fake.userEdit('別紙1', 'E5', 150));
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-testid="notice"][data-intent="error"]').waitFor();
    expect(await page.locator('[data-testid="notice"]').textContent()).toBe(
      'チェックの後にブックが変更されたため、何も書き込みませんでした。もう一度 [ブックをチェック] を押してから実行してください。 (別紙1!E6)',
    );
    expect(await cell(page, 'E6')).toMatchObject({ value: 1.1 });
    expect(await cell(page, 'F6')).not.toHaveProperty('value');
    // The pane now shows the workbook as it is: asked again, it offers 185%.
    await page.locator('[data-action="recalculate"]').click();
    expect(await page.locator('[data-confirm-cell="別紙1!E6"]').textContent()).toBe('別紙1!E6110%→185%');
    await page.close();
  });
});
