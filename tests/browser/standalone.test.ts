/**
 * The pane as a standalone page (office.js unreachable): open a workbook through the file input,
 * see exactly the engine's findings, recalculate, undo, download, export, switch language and
 * target type — each compared with what the engine gives in Node for the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkWorkbook, planRecalculation, type Finding } from '../../src/engine/index.js';
import { patchXlsx } from '../../src/io/xlsx/write.js';
import { readXlsx } from '../../src/io/xlsx/read.js';
import { FIXTURES } from '../helpers.js';
import { formulaWorkbook, linkedWorkbook } from './workbooks.js';
import { artifactPath, collectFindingRows, cspViolations, useServedSite } from './harness.js';

const PLANTED = join(FIXTURES, 'planted-errors.xlsx');

const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}@${f.sheet}!${f.cell}`;

async function engineFindings(bytes: Uint8Array, modeOverrides: Record<string, 'flow' | 'stock'> = {}): Promise<Finding[]> {
  return checkWorkbook(await readXlsx(bytes), { modeOverrides }).findings;
}

const served = useServedSite();

async function openPage(): Promise<Page> {
  const page = await served.browser.context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(served.site.url('taskpane.html'));
  await page.locator('[data-action="open"]').waitFor();
  return page;
}

async function openFile(page: Page, path: string, expectedTotal: number): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(path);
  await page.locator(`[data-testid="finding-count"][data-total="${expectedTotal}"]`).waitFor();
}

async function download(page: Page, action: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

describe('the standalone page', () => {
  it('runs standalone when office.js cannot load, and offers exactly one file input', async () => {
    const page = await openPage();
    expect(await page.locator('main').getAttribute('data-host')).toBe('standalone');
    expect(await page.locator('input[type=file]').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect(page.getByText('評価書の .xlsx ファイルを開く').isVisible()).resolves.toBe(true);
    expect(served.browser.officeJsRequests()).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('lists exactly the findings the engine gives for planted-errors.xlsx, grouped and counted', async () => {
    const expected = await engineFindings(new Uint8Array(readFileSync(PLANTED)));
    const page = await openPage();
    await openFile(page, PLANTED, expected.length);
    const rows = await collectFindingRows(page);
    expect(new Set(rows.map(key))).toEqual(new Set(expected.map(key)));
    expect(rows).toHaveLength(expected.length);
    for (const sev of ['error', 'warning', 'info'] as const) {
      const shown = await page.locator(`[data-severity-count="${sev}"] [data-count]`).textContent();
      expect(Number(shown)).toBe(expected.filter((f) => f.severity === sev).length);
    }
    // Each row carries its arithmetic and its severity; groups name sheet and table.
    const mismatch = rows.find((r) => r.rule === 'progress-mismatch' && r.cell === 'D6');
    expect(mismatch?.text).toContain('120 ÷ 115 × 100 = 104.35 → 104');
    await page.locator('[data-testid="finding-list"]').evaluate((el) => (el.scrollTop = 0));
    expect(await page.locator('[data-group-table="progress"]').first().textContent()).toContain('進捗表');
    await page.screenshot({ path: artifactPath('standalone-findings.png'), fullPage: false });
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });

  it('filters by severity and by rule, and says how many it shows', async () => {
    const expected = await engineFindings(new Uint8Array(readFileSync(PLANTED)));
    const page = await openPage();
    await openFile(page, PLANTED, expected.length);
    await page.locator('[data-filter-severity="warning"]').click();
    await page.locator('[data-filter-severity="info"]').click();
    const errors = expected.filter((f) => f.severity === 'error');
    await page.locator(`[data-testid="finding-count"][data-shown="${errors.length}"]`).waitFor();
    expect(new Set((await collectFindingRows(page)).map(key))).toEqual(new Set(errors.map(key)));
    await page.locator('[data-filter-severity="warning"]').click();
    await page.locator('[data-filter="rule"]').selectOption('stock-decrease');
    const decreases = expected.filter((f) => f.rule === 'stock-decrease');
    await page.locator(`[data-testid="finding-count"][data-shown="${decreases.length}"]`).waitFor();
    expect(new Set((await collectFindingRows(page)).map(key))).toEqual(new Set(decreases.map(key)));
    await page.close();
  });

  it('selects a finding’s cell when the finding is clicked', async () => {
    const page = await openPage();
    await openFile(page, PLANTED, (await engineFindings(new Uint8Array(readFileSync(PLANTED)))).length);
    const row = page.locator('[data-finding][data-rule="progress-mismatch"][data-cell="D6"]');
    await row.click();
    await expect(row.getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('[data-testid="selected-cell"]').textContent()).resolves.toContain('誤り!D6');
    await page.close();
  });

  it('recalculates, lists what changed, and downloads a workbook with no progress left to fix', async () => {
    const original = new Uint8Array(readFileSync(PLANTED));
    const before = await engineFindings(original);
    const plan = planRecalculation(checkWorkbook(await readXlsx(original)).model);
    const expectedAfter = await engineFindings(patchXlsx(original, plan.writes).bytes);

    const page = await openPage();
    await openFile(page, PLANTED, before.length);
    expect(await page.locator('[data-action="download"]').isDisabled()).toBe(true);
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator(`[data-testid="finding-count"][data-total="${expectedAfter.length}"]`).waitFor();
    expect(await page.locator('[data-testid="notice"]').getAttribute('data-intent')).toBe('success');

    await page.locator('[data-tab="changes"]').click();
    const changed = await page.locator('[data-change-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-change-cell')));
    expect(new Set(changed)).toEqual(new Set(plan.writes.map((w) => `${w.sheet}!${w.address}`)));
    const d6 = await page.locator('[data-change-cell="誤り!D6"]').textContent();
    expect(d6).toContain('110%');
    expect(d6).toContain('104%');

    const file = await download(page, 'download');
    expect(file.name).toBe('planted-errors-hyoka.xlsx');
    const after = await engineFindings(file.bytes);
    expect(after.filter((f) => f.rule === 'progress-mismatch' || f.rule === 'progress-missing')).toEqual([]);
    expect(new Set(after.map(key))).toEqual(new Set(expectedAfter.map(key)));
    await page.close();
  });

  it('undoes a recalculation back to the original workbook', async () => {
    const before = await engineFindings(new Uint8Array(readFileSync(PLANTED)));
    const page = await openPage();
    await openFile(page, PLANTED, before.length);
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-action="undo"]:not([disabled])').waitFor();
    await page.locator('[data-action="undo"]').click();
    await page.locator(`[data-testid="finding-count"][data-total="${before.length}"]`).waitFor();
    expect(new Set((await collectFindingRows(page)).map(key))).toEqual(new Set(before.map(key)));
    expect(await page.locator('[data-action="undo"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="download"]').isDisabled()).toBe(true);
    await page.close();
  });

  it('writes formulas when asked, and says which cells got values because their inputs are text', async () => {
    const original = await formulaWorkbook();
    const plan = planRecalculation(checkWorkbook(await readXlsx(original)).model, { formulas: true });
    expect(plan.valuesInsteadOfFormulas.length).toBeGreaterThan(0);
    const path = join(served.dir, 'formulas.xlsx');
    writeFileSync(path, original);
    const page = await openPage();
    await openFile(page, path, (await engineFindings(original)).length);
    await page.locator('[data-action="formulas"]').check();
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-action="undo"]:not([disabled])').waitFor();
    await page.locator('[data-tab="changes"]').click();
    const instead = await page.locator('[data-testid="values-instead"]').textContent();
    for (const cell of plan.valuesInsteadOfFormulas) expect(instead).toContain(cell);
    const file = await download(page, 'download');
    const wb = await readXlsx(file.bytes);
    const withFormula = plan.writes.filter((w) => w.formula);
    expect(withFormula.length).toBeGreaterThan(0);
    for (const w of withFormula) expect(wb.sheets.find((s) => s.name === w.sheet)?.rows[w.row]?.[w.col]?.formula).toBe(w.formula);
    await page.close();
  });

  it('keeps a formula referring to a rewritten cell, and downloads it with its new result', async () => {
    const original = await linkedWorkbook();
    const path = join(served.dir, 'linked.xlsx');
    writeFileSync(path, original);
    const page = await openPage();
    await openFile(page, path, (await engineFindings(original)).length);
    await page.locator('[data-action="recalculate"]').click();
    await page.locator('[data-action="confirm-recalculate"]').click();
    await page.locator('[data-action="undo"]:not([disabled])').waitFor();
    expect(await page.locator('[data-testid="notice"]').textContent()).toContain('数式 1 個は、正しい値になるため数式のまま残しました');
    await page.locator('[data-tab="changes"]').click();
    const changed = await page.locator('[data-change-cell]').evaluateAll((els) => els.map((e) => e.getAttribute('data-change-cell')));
    expect(changed).toEqual(['別紙1!D4']);
    // The Changes tab names the formula kept and what it gives now.
    const kept = await page.locator('[data-testid="formulas-kept"]').textContent();
    expect(kept).toContain("本文!D3='別紙1'!D4→1.5");
    expect(await page.locator('[data-testid="formulas-refreshed"]').textContent()).toContain('別紙1!H101.3→1.35');
    expect(await page.locator('[data-testid="recalc-on-open"]').count()).toBe(0);
    const file = await download(page, 'download');
    const d3 = (await readXlsx(file.bytes)).sheets[1].rows[2][3];
    expect([d3?.formula, d3?.value]).toEqual(["'別紙1'!D4", 1.5]);
    expect((await readXlsx(file.bytes)).sheets[0].rows[9][7]).toMatchObject({ formula: 'ROUND(AVERAGE(C4:D4),2)', value: 1.35 });
    expect(await engineFindings(file.bytes)).toEqual([]);
    await page.close();
  });

  it('writes nothing in review mode: the write buttons are disabled', async () => {
    const page = await openPage();
    await openFile(page, PLANTED, (await engineFindings(new Uint8Array(readFileSync(PLANTED)))).length);
    await page.locator('[data-action="review"]').check();
    expect(await page.locator('[data-action="recalculate"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="undo"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="download"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="check"]').isDisabled()).toBe(false);
    expect(await page.locator('[data-action="export"]').isDisabled()).toBe(false);
    await page.close();
  });

  it('marks the findings’ cells, and a second click removes every mark', async () => {
    const findings = await engineFindings(new Uint8Array(readFileSync(PLANTED)));
    const page = await openPage();
    await openFile(page, PLANTED, findings.length);
    await page.locator('[data-action="highlight"]').click();
    await page.locator('[data-action="highlight"][aria-pressed="true"]').waitFor();
    const marked = await collectFindingRows(page);
    const markedCount = await page.locator('[data-finding][data-marked="true"]').count();
    expect(markedCount).toBeGreaterThan(0);
    expect(marked.length).toBe(findings.length);
    await page.locator('[data-action="highlight"]').click();
    await page.locator('[data-action="highlight"][aria-pressed="false"]').waitFor();
    await page.locator('[data-testid="finding-list"]').evaluate((el) => (el.scrollTop = 0));
    expect(await page.locator('[data-finding][data-marked="true"]').count()).toBe(0);
    await page.close();
  });

  it('exports the findings as a UTF-8 CSV with a BOM that Excel opens', async () => {
    const findings = await engineFindings(new Uint8Array(readFileSync(PLANTED)));
    const page = await openPage();
    await openFile(page, PLANTED, findings.length);
    const file = await download(page, 'export');
    expect(file.name).toBe('planted-errors-hyoka.csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes).slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('"重要度","ルール","シート","セル","期待値","記載値","メッセージ","計算"');
    expect(lines).toHaveLength(findings.length + 1);
    expect(lines.some((l) => l.startsWith('"エラー","progress-mismatch","誤り","D6",104,110,'))).toBe(true);
    await page.close();
  });

  it('re-runs the check with the flow/stock type chosen for a target', async () => {
    const bytes = new Uint8Array(readFileSync(PLANTED));
    const asDetected = await engineFindings(bytes);
    const asFlow = await engineFindings(bytes, { '2': 'flow' });
    expect(new Set(asFlow.map(key))).not.toEqual(new Set(asDetected.map(key)));
    const page = await openPage();
    await openFile(page, PLANTED, asDetected.length);
    await page.locator('[data-tab="tables"]').click();
    const card = page.locator('section[data-target="2"]');
    await expect(card.locator('[data-action="mode"]').inputValue()).resolves.toBe('stock');
    expect(await card.locator('svg[data-chart="2"] rect').count()).toBeGreaterThan(0);
    expect(await card.locator('tr[data-status="ok"]').count()).toBeGreaterThan(0);
    await card.locator('[data-action="mode"]').selectOption('flow');
    await page.locator(`[data-testid="notice"]`).waitFor();
    await page.locator('[data-tab="findings"]').click();
    await page.locator(`[data-testid="finding-count"][data-total="${asFlow.length}"]`).waitFor();
    expect(new Set((await collectFindingRows(page)).map(key))).toEqual(new Set(asFlow.map(key)));
    await page.locator('[data-tab="tables"]').click();
    await expect(page.locator('section[data-target="2"]').textContent()).resolves.toContain('手動で指定');
    await page.close();
  });

  it('shows the year-by-year numbers of a target with stated and computed progress side by side', async () => {
    const page = await openPage();
    await openFile(page, PLANTED, (await engineFindings(new Uint8Array(readFileSync(PLANTED)))).length);
    await page.locator('[data-tab="tables"]').click();
    const r3 = page.locator('section[data-target="1-1"] tr[data-year="2021"]');
    const cells = await r3.locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['R3', '115億円', '120億円', '110%']);
    expect(cells[4]).toContain('104%');
    expect(await r3.getAttribute('data-status')).toBe('mismatch');
    await page.close();
  });

  it('lists what the reading passed over or noted under the tables, in words, in either language', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('別紙1');
    [
      [null, null, 'R4', 'R5'],
      ['数値目標(1) 件数', '目標値', 10, 10],
      [null, '実績値', 12, 9],
    ].forEach((r, i) => (sheet.getRow(i + 1).values = r));
    wb.addWorksheet('計算用', { state: 'hidden' }).getCell('A1').value = 1;
    wb.addWorksheet('空');
    const path = artifactPath('read-notes.xlsx');
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const page = await openPage();
    await openFile(page, path, 0);
    await page.locator('[data-tab="tables"]').click();
    const notes = page.locator('[data-testid="read-notes"] li');
    await expect(notes.allTextContents()).resolves.toEqual(['計算用 非表示のシートです(検査はしました)', '空 空のシートです']);
    await page.locator('[data-action="lang"]').click();
    await expect(page.locator('[data-testid="read-notes"] h3').textContent()).resolves.toBe('Notes from the reading');
    await expect(notes.allTextContents()).resolves.toEqual(['計算用 a hidden sheet (checked all the same)', '空 an empty sheet']);
    // The language chosen is remembered for the next pages: back to Japanese.
    await page.locator('[data-action="lang"]').click();
    await page.locator('[data-testid="read-notes"] h3', { hasText: '読み取りの注記' }).waitFor();
    await page.close();
  });

  it('opens the bundled sample and finds the real sum-mismatch of the Keihin budget table', async () => {
    const sample = new Uint8Array(readFileSync(join(served.dir, 'assets', 'sample-keihin-2019.xlsx')));
    const expected = await engineFindings(sample);
    expect(expected.some((f) => f.rule === 'sum-mismatch')).toBe(true);
    const page = await openPage();
    await page.locator('[data-action="sample"]').click();
    await page.locator(`[data-testid="finding-count"][data-total="${expected.length}"]`).waitFor();
    expect(new Set((await collectFindingRows(page)).map(key))).toEqual(new Set(expected.map(key)));
    await expect(page.locator('[data-testid="file-name"]').textContent()).resolves.toContain('sample-keihin-2019.xlsx');
    await page.close();
  });

  it('switches to English at a click, findings included', async () => {
    const page = await openPage();
    await openFile(page, PLANTED, (await engineFindings(new Uint8Array(readFileSync(PLANTED)))).length);
    await page.locator('[data-action="lang"]').click();
    await page.locator('[data-action="check"]', { hasText: 'Check workbook' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const row = page.locator('[data-finding][data-rule="progress-mismatch"][data-cell="D6"]');
    expect(await row.textContent()).toContain('Error');
    const message = await row.locator('[data-message]').textContent();
    expect(message).toContain('stated progress 110%');
    expect(message).not.toMatch(/[\u3040-\u30ff]/);
    await page.close();
  });

  it('opens a workbook dropped on the page', async () => {
    const bytes = readFileSync(PLANTED);
    const expected = await engineFindings(new Uint8Array(bytes));
    const page = await openPage();
    const dataTransfer = await page.evaluateHandle((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'dropped.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return dt;
    }, bytes.toString('base64'));
    await page.locator('[data-testid="drop-zone"]').dispatchEvent('dragover', { dataTransfer });
    await page.locator('[data-testid="drop-zone"]').dispatchEvent('drop', { dataTransfer });
    await page.locator(`[data-testid="finding-count"][data-total="${expected.length}"]`).waitFor();
    await expect(page.locator('[data-testid="file-name"]').textContent()).resolves.toContain('dropped.xlsx');
    await page.close();
  });

  it('lays the tables out readably on a wide screen', async () => {
    const wide = await served.browser.context.newPage();
    await wide.setViewportSize({ width: 1280, height: 1000 });
    await wide.goto(served.site.url('taskpane.html'));
    await openFile(wide, join(FIXTURES, 'keihin-2019-text.xlsx'), (await engineFindings(new Uint8Array(readFileSync(join(FIXTURES, 'keihin-2019-text.xlsx'))))).length);
    await wide.locator('[data-tab="tables"]').click();
    await wide.locator('svg[data-chart="1-1"]').waitFor();
    const box = await wide.locator('main').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(960);
    await wide.screenshot({ path: artifactPath('standalone-tables-wide.png') });
    await wide.close();
  });

  it('says what is wrong when the file is not a workbook, and keeps the page usable', async () => {
    const page = await openPage();
    await page.locator('input[type=file]').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
    const notice = page.locator('[data-testid="notice"][data-intent="error"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('notes.csv');
    expect(await notice.textContent()).toContain('.xlsx');
    await openFile(page, PLANTED, (await engineFindings(new Uint8Array(readFileSync(PLANTED)))).length);
    await page.close();
  });
});
