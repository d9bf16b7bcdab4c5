import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/index.js';
import { SEVERITIES, applyFilter, groupFindings, severityCounts, targetViews } from '../../src/taskpane/view-model.js';
import { book, fixture, sheet } from '../helpers.js';

describe('the finding list', () => {
  it('groups planted-errors.xlsx by sheet and table, each group heading its own findings, nothing lost', async () => {
    const { model, findings } = checkWorkbook(await fixture('planted-errors.xlsx'));
    const items = groupFindings(findings, model.tables);
    const groups = items.filter((i) => i.kind === 'group');
    expect(groups.map((g) => g.kind === 'group' && `${g.tableKind} ${g.range}`)).toEqual(['progress B3:H21', 'summary B25:F28', 'budget C32:G35', 'overall-score B38:F42', 'progress B45:F48']);
    expect(items.filter((i) => i.kind === 'finding')).toHaveLength(findings.length);
    let current = '';
    for (const item of items) {
      if (item.kind === 'group') current = item.range ?? '';
      else expect(current, `${item.finding.rule} ${item.finding.cell}`).not.toBe('');
    }
    for (const g of groups) if (g.kind === 'group') expect(g.count).toBeGreaterThan(0);
  });

  it('puts a cell outside every table in a group of its own', () => {
    const items = groupFindings([{ rule: 'zero-target', severity: 'info', sheet: 'S', cell: 'Z99', expected: null, stated: null, params: {} }], []);
    expect(items[0]).toMatchObject({ kind: 'group', tableKind: 'other', range: null, count: 1 });
  });

  it('filters by severity and rule, and counts by severity', async () => {
    const { findings } = checkWorkbook(await fixture('planted-errors.xlsx'));
    const counts = severityCounts(findings);
    expect(counts.error + counts.warning + counts.info).toBe(findings.length);
    expect(applyFilter(findings, { severities: new Set(['error']), rule: 'all' })).toHaveLength(counts.error);
    expect(applyFilter(findings, { severities: new Set(SEVERITIES), rule: 'stock-decrease' }).map((f) => f.cell)).toEqual(['F10', 'F11']);
    expect(applyFilter(findings, { severities: new Set(['info']), rule: 'stock-decrease' })).toEqual([]);
  });
});

describe('the table view', () => {
  it('shows Keihin FY2019 数値目標(1)-① year by year with stated and computed progress', async () => {
    const { model } = checkWorkbook(await fixture('keihin-2019-text.xlsx'));
    const views = targetViews(model, 'ja');
    const t = views.find((v) => v.display === '1-①')!;
    expect(t.mode).toBe('flow');
    expect(t.modeSource).toBe('cumulative-label');
    expect(t.unit).toBe('億円');
    const h29 = t.years.find((y) => y.year === 2017)!;
    expect([h29.target, h29.actual, h29.stated, h29.computed]).toEqual(['115億円', '119億円', '104%', '103%']);
    // 119/115 = 103.48 %, but 104 is reachable from amounts rounded to whole 億円.
    expect(h29.status).toBe('within-precision');
    expect([h29.targetValue, h29.actualValue]).toEqual([115, 119]);
    const r1 = t.years.find((y) => y.year === 2019)!;
    expect([r1.stated, r1.computed, r1.status]).toEqual(['138%', '138%', 'ok']);
  });

  it('shows numeric cells as the workbook formats them (Keihin FY2019 typed as numbers: 1.04 in a 0% cell is 104%), and a date as Excel shows one', async () => {
    const { model } = checkWorkbook(await fixture('keihin-2019-numeric.xlsx'));
    const views = targetViews(model, 'ja');
    const h29 = (display: string) => views.find((v) => v.display === display)!.years.find((y) => y.year === 2017)!;
    // Before, the stored values: 115, 119, 1.04; 43000, 46298, 1.08.
    expect([h29('1-①').target, h29('1-①').actual, h29('1-①').stated, h29('1-①').computed]).toEqual(['115億円', '119億円', '104%', '103%']);
    expect([h29('1-③').target, h29('1-③').actual, h29('1-③').stated]).toEqual(['43,000人', '46,298人', '108%']);
    const s = sheet('S', [
      [null, null, 'R3', 'R4'],
      ['数値目標(1) 就業者数', '目標値', { v: 1200, fmt: '#,##0' }, { v: 1300, fmt: '#,##0' }],
      [null, '実績値', null, { v: 1100, fmt: '#,##0' }],
      [null, '進捗度', null, { v: 0.846, fmt: '0.0%' }],
    ]);
    s.rows[2][2] = { value: '2021-04-01T00:00:00.000Z', isDate: true, numFmt: 'yyyy/m/d' };
    const years = targetViews(checkWorkbook(book(s)).model, 'ja')[0].years;
    expect(years.map((y) => [y.target, y.actual, y.stated])).toEqual([
      ['1,200', '2021/4/1', ''],
      ['1,300', '1,100', '84.6%'],
    ]);
  });

  it('names the years in English as fiscal years', async () => {
    const { model } = checkWorkbook(await fixture('keihin-2019-text.xlsx'));
    const t = targetViews(model, 'en').find((v) => v.display === '1-①')!;
    expect(t.years.map((y) => y.header).slice(0, 3)).toEqual(['FY2017', 'FY2018', 'FY2019']);
  });

  it('follows a flow/stock override', async () => {
    const wb = await fixture('planted-errors.xlsx');
    expect(targetViews(checkWorkbook(wb).model, 'ja').find((v) => v.key === '2')?.mode).toBe('stock');
    const overridden = targetViews(checkWorkbook(wb, { modeOverrides: { '2': 'flow' } }).model, 'ja').find((v) => v.key === '2');
    expect([overridden?.mode, overridden?.modeSource]).toEqual(['flow', 'override']);
  });
});
