import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/index.js';
import { neutralise, reportFileName, reportRows, reportSheetName, toCsv } from '../../src/taskpane/report-export.js';
import { fixture } from '../helpers.js';

describe('neutralise', () => {
  it('puts a quote before text a spreadsheet would read as a formula or DDE call', () => {
    for (const t of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', '=HYPERLINK("http://x")']) expect(neutralise(t)).toBe(`'${t}`);
  });

  it('leaves ordinary text alone', () => {
    for (const t of ['誤り', '110%', 'A=B', '「=」', '', ' =x']) expect(neutralise(t)).toBe(t);
  });
});

describe('toCsv', () => {
  it('starts with a BOM, quotes every text field, doubles quotes, ends lines with CRLF', () => {
    const csv = toCsv([
      ['a', 'say "hi"', 'x,y'],
      ['line\nbreak', 1.5, null],
    ]);
    expect(csv).toBe('\uFEFF"a","say ""hi""","x,y"\r\n"line\nbreak",1.5,\r\n');
  });
});

describe('reportRows', () => {
  it('writes one row per finding of planted-errors.xlsx with the engine’s numbers and words', async () => {
    const { findings } = checkWorkbook(await fixture('planted-errors.xlsx'));
    const rows = reportRows(findings, 'ja');
    expect(rows[0]).toEqual(['重要度', 'ルール', 'シート', 'セル', '期待値', '記載値', 'メッセージ', '計算']);
    expect(rows).toHaveLength(findings.length + 1);
    const d6 = rows.find((r) => r[1] === 'progress-mismatch' && r[3] === 'D6');
    expect(d6?.slice(0, 6)).toEqual(['エラー', 'progress-mismatch', '誤り', 'D6', 104, 110]);
    expect(d6?.[7]).toBe('120 ÷ 115 × 100 = 104.35 → 104');
    expect(String(d6?.[6])).not.toContain('104.35');
    expect(reportRows(findings, 'en')[0][0]).toBe('Severity');
  });

  it('neutralises a sheet name that starts like a formula', () => {
    const rows = reportRows([{ rule: 'unparseable-number', severity: 'warning', sheet: '=1+1', cell: 'D4', expected: null, stated: null, params: { text: 'x', reason: 'text' } }], 'en');
    expect(rows[1][2]).toBe("'=1+1");
  });
});

describe('names', () => {
  it('names the report after the workbook, and the report sheet by the minute within 31 characters', () => {
    expect(reportFileName('評価書.xlsx')).toBe('評価書-hyoka.csv');
    expect(reportFileName(null)).toBe('workbook-hyoka.csv');
    const name = reportSheetName(new Date(2024, 4, 1, 9, 5));
    expect(name).toBe('Hyoka 2024-05-01 0905');
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });
});
