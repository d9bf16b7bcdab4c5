import { describe, expect, it } from 'vitest';
import { checkWorkbook, planRecalculation } from '../../src/engine/index.js';
import { HostError } from '../../src/io/host.js';
import { StandaloneHost, fixedFileName } from '../../src/io/standalone/index.js';
import { fixtureBytes } from '../helpers.js';

async function opened() {
  const bytes = fixtureBytes('planted-errors.xlsx');
  const host = new StandaloneHost('planted-errors.xlsx', bytes);
  const { model, findings } = checkWorkbook(await host.readWorkbook());
  return { host, bytes, model, findings };
}

describe('the standalone host', () => {
  it('recalculates in memory: the progress findings go, and undo returns the very same bytes', async () => {
    const { host, bytes, model, findings } = await opened();
    const plan = planRecalculation(model);
    const result = await host.applyWrites(plan.writes, { reviewMode: false });
    expect(result.written).toHaveLength(plan.writes.length);
    expect(result.snapshot.map((s) => `${s.sheet}!${s.address}`)).toEqual(plan.writes.map((w) => `${w.sheet}!${w.address}`));
    expect(host.changed).toBe(true);
    const after = checkWorkbook(await host.readWorkbook()).findings;
    expect(after.filter((f) => f.rule === 'progress-mismatch' || f.rule === 'progress-missing')).toEqual([]);
    expect(after.length).toBeLessThan(findings.length);
    await host.restore(result.snapshot);
    expect(host.currentBytes()).toBe(bytes);
    expect(checkWorkbook(await host.readWorkbook()).findings).toEqual(findings);
  });

  it('refuses to write in review mode, and writes planned on older bytes', async () => {
    const { host, model } = await opened();
    const plan = planRecalculation(model);
    await expect(host.applyWrites(plan.writes, { reviewMode: true })).rejects.toMatchObject({ code: 'review-mode' });
    await host.applyWrites(plan.writes, { reviewMode: false });
    await expect(host.applyWrites(plan.writes, { reviewMode: false })).rejects.toBeInstanceOf(HostError);
    await expect(host.applyWrites(plan.writes, { reviewMode: false })).rejects.toMatchObject({ code: 'changed-since-check' });
  });

  it('writes nothing when one cell of the plan cannot be written', async () => {
    const { host, bytes, model } = await opened();
    const plan = planRecalculation(model);
    const bad = { ...plan.writes[0], sheet: 'no such sheet' };
    const e = await host.applyWrites([...plan.writes, bad], { reviewMode: false }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'write-failed' });
    // Why, in the pane's language.
    expect([(e as HostError).detailIn('ja'), (e as HostError).detailIn('en')]).toEqual([`no such sheet!${bad.address}: シートが見つかりません`, `no such sheet!${bad.address}: sheet not found`]);
    expect(host.currentBytes()).toBe(bytes);
  });

  it('keeps selection and marks for the pane, and removes exactly the marks it made', async () => {
    const { host } = await opened();
    const seen: string[] = [];
    const off = host.subscribe((s) => seen.push(`${s.selected}|${[...s.marked].join(',')}`));
    await host.selectCell('誤り', 'D6');
    const saved = await host.highlight([
      { sheet: '誤り', address: 'D6', severity: 'error' },
      { sheet: '誤り', address: 'E6', severity: 'warning' },
    ]);
    expect([...host.getState().marked]).toEqual(['誤り!D6', '誤り!E6']);
    await host.removeHighlight(saved);
    expect(host.getState().marked.size).toBe(0);
    off();
    expect(seen).toEqual(['誤り!D6|', '誤り!D6|誤り!D6,誤り!E6', '誤り!D6|']);
  });

  it('names the fixed workbook after the original', () => {
    expect(fixedFileName('評価書.xlsx')).toBe('評価書-hyoka.xlsx');
    expect(fixedFileName('Book1.XLSM')).toBe('Book1-hyoka.xlsm');
    expect(fixedFileName('data')).toBe('data-hyoka.xlsx');
  });
});
