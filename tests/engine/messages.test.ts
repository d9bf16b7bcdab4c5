import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/findings.js';
import { formatFinding } from '../../src/engine/messages/index.js';
import { book, findingsOf, sheet } from '../helpers.js';

/** A finding as the rules make it (the params are those of real findings from the engine's tests). */
const finding = (rule: Finding['rule'], expected: number | null, stated: number | null, params: Finding['params'], calc?: string): Finding => ({
  rule,
  severity: 'error',
  sheet: 'S',
  cell: 'A1',
  expected,
  stated,
  ...(calc ? { calc } : {}),
  params,
});

describe('messages in English', () => {
  it('write a percentage as the workbook and the other messages do, with no space before %', () => {
    const progress = finding('summary-mismatch', 80, 85, { target: '1-②', indicator: '1', year: 2023, field: 'progress', unit: '%' });
    expect(formatFinding(progress, 'en')).toBe("Summary of target (1)-②: the progress 85% differs from the progress table's FY2023 value, 80%.");
    const weight = finding('summary-mismatch', 70, 60, { target: '1-①', indicator: '1', year: 2023, field: 'weight', unit: '%' });
    expect(formatFinding(weight, 'en')).toBe("Summary of target (1)-①: the weight 60% differs from the progress table's FY2023 value, 70%.");
    const bound = finding('summary-mismatch', 172, 200, { target: '3', indicator: '3', year: 2019, field: 'progress', unit: '%', said: '以上' });
    expect(formatFinding(bound, 'en')).toBe("Summary of target (3): the progress 200% or more differs from the progress table's FY2019 value, 172%.");
    // Other units stay spaced: 億円 is a word after the number.
    const amount = finding('summary-mismatch', 120, 125, { target: '1-①', indicator: '1', year: 2021, field: 'actual', unit: '億円' });
    expect(formatFinding(amount, 'en')).toContain('the actual 125 億円 differs');
  });
});

describe('a note saying whether a target was reached, in English', () => {
  it('is said in English words, not left as 達成 / 未達成, alone or after a bound', () => {
    const reached = finding('progress-mismatch', 62, 162, { target: '2', indicator: '2', year: 2020, column: 'R2', said: '(達成)' }, '312 ÷ 500 × 100 = 62.4 → 62');
    expect(formatFinding(reached, 'en')).toBe('Target (2), FY2020: stated progress 162% (marked achieved) differs from actual ÷ target × 100 = 62%. (312 ÷ 500 × 100 = 62.4 → 62)');
    const notReached = finding('summary-mismatch', 172, 172, { target: '3', indicator: '3', year: 2019, field: 'progress', unit: '%', said: '(未達成)' });
    expect(formatFinding(notReached, 'en')).toBe("Summary of target (3): the progress 172% (marked not achieved) agrees in number with the progress table's FY2019 value, 172%, but not in its words.");
    const both = finding('progress-mismatch', 95, 100, { target: '1', indicator: '1', year: 2021, column: 'R3', said: '以上(達成)' });
    expect(formatFinding(both, 'en')).toBe('Target (1), FY2021: stated progress 100% or more (marked achieved) differs from actual ÷ target × 100 = 95%.');
    // Japanese writes the words as the workbook does.
    expect(formatFinding(both, 'ja')).toBe('数値目標(1) 令和3年度の進捗度 100%以上(達成) は、実績値 ÷ 目標値 × 100 から得られる 95% と一致しません。');
  });
});

describe('messages in Japanese', () => {
  it('set a figure apart from a column header before it, and put no space between の and a year', () => {
    const sum = finding('sum-mismatch', 2500, 2600, { project: '拠点整備', row: '総事業費(a+b)', column: 'R5', parts: '国予算(a) + 自治体予算(b)', unit: '' }, '2,000 + 500 = 2,500');
    expect(formatFinding(sum, 'ja')).toBe('「拠点整備」の総事業費(a+b)(R5) 2,600 は、内訳の合計 2,500 と一致しません。 (2,000 + 500 = 2,500)');
    const missing = finding('target-missing', null, null, { target: '1-②', indicator: '1', year: 2023, column: 'R5' });
    expect(formatFinding(missing, 'ja')).toBe('数値目標(1)-②の令和5年度の目標値が空欄です(計画期間内)。');
  });
});

describe('a summary stating figures to date, in English', () => {
  it('calls a cumulative progress (進捗度(累計)) a progress, not a running total (in Japanese too: 累計の進捗度)', () => {
    const progress = { ...finding('summary-mismatch', 80, 117, { target: '1', indicator: '1', year: 2019, field: 'progress', unit: '%', running: 1 }, '380 ÷ 475 × 100 = 80 → 80'), sheet: '本文' };
    expect(formatFinding(progress, 'en')).toBe("Summary of target (1): the cumulative progress 117% differs from the progress table's cumulative progress through FY2019, 80%. (380 ÷ 475 × 100 = 80 → 80)");
    expect(formatFinding(progress, 'ja')).toBe('本文の数値目標(1)の進捗度(累計) 117% は、進捗表の令和元年度までの累計の進捗度 80% と一致しません。 (380 ÷ 475 × 100 = 80 → 80)');
    const target = finding('summary-mismatch', 380, 390, { target: '1', indicator: '1', year: 2019, field: 'target', unit: '億円', running: 1 });
    expect(formatFinding(target, 'en')).toBe("Summary of target (1): the running total of targets 390 億円 differs from the progress table's running total through FY2019, 380 億円.");
  });
});

describe('a date where a number belongs', () => {
  it('is quoted as Excel shows a date, not as the ISO timestamp the reader keeps', () => {
    const s = sheet('S', [
      [null, null, 'R3', 'R4'],
      ['数値目標(1) 就業者数', '目標値', 100, 100],
      [null, '実績値', null, 110],
      [null, '進捗度', null, '110%'],
    ]);
    s.rows[2][2] = { value: '2021-04-01T00:00:00.000Z', isDate: true, numFmt: 'yyyy/m/d' };
    s.rows[3][2] = { value: '2021-06-30T09:30:00.000Z', isDate: true, numFmt: 'yyyy/m/d h:mm' };
    const f = findingsOf(book(s)).filter((x) => x.rule === 'unparseable-number');
    expect(f.map((x) => formatFinding(x, 'ja'))).toEqual([
      '数値が入るべきセルに「2021/4/1」があり、数値として読めません(日付)。数値か空欄(-)にしてください。',
      '数値が入るべきセルに「2021/6/30 9:30」があり、数値として読めません(日付)。数値か空欄(-)にしてください。',
    ]);
    expect(formatFinding(f[0], 'en')).toBe('"2021/4/1" stands where a number belongs and cannot be read as one (a date). Enter a number or a blank (-).');
  });
});

describe('a summary on a sheet other than the 本文', () => {
  it('is named by its sheet, not called the 本文', () => {
    const table = { ...finding('summary-mismatch', 138, 150, { target: '1-①', indicator: '1', year: 2019, field: 'progress', unit: '%' }), sheet: '誤り' };
    expect(formatFinding(table, 'ja')).toMatch(/^「誤り」シートの数値目標\(1\)-①の進捗度 150% は/);
  });
});

describe('a stated progress whose number is the one computed but whose words are not', () => {
  it('says that the words disagree, not that two equal numbers do', () => {
    const reached = finding('progress-mismatch', 83, 83, { target: '1', indicator: '1', year: 2022, column: 'R4', said: '(達成)' }, '300 ÷ 360 × 100 = 83.33 → 83');
    expect(formatFinding(reached, 'ja')).toBe('数値目標(1) 令和4年度の進捗度 83%(達成) は、実績値 ÷ 目標値 × 100 から得られる 83% と数値は同じですが、「達成」の記載と合いません。 (300 ÷ 360 × 100 = 83.33 → 83)');
    expect(formatFinding(reached, 'en')).toBe('Target (1), FY2022: stated progress 83% (marked achieved) agrees in number with actual ÷ target × 100 = 83%, but not in its words. (300 ÷ 360 × 100 = 83.33 → 83)');
    const over = { ...finding('summary-mismatch', 100, 100, { target: '2', indicator: '2', year: 2019, field: 'progress', unit: '%', said: '超' }, '199 ÷ 200 × 100 = 99.5 → 100'), sheet: '本文(A特区)' };
    expect(formatFinding(over, 'ja')).toBe('本文の数値目標(2)の進捗度 100%超 は、進捗表の令和元年度の値 100% と数値は同じですが、「超」の記載と合いません。 (199 ÷ 200 × 100 = 99.5 → 100)');
    expect(formatFinding(over, 'en')).toBe("Summary of target (2): the progress over 100% agrees in number with the progress table's FY2019 value, 100%, but not in its words. (199 ÷ 200 × 100 = 99.5 → 100)");
    // A number that differs is said to differ, words or none.
    const both = finding('progress-mismatch', 62, 162, { target: '2', indicator: '2', year: 2020, column: 'R2', said: '(達成)' });
    expect(formatFinding(both, 'ja')).toBe('数値目標(2) 令和2年度の進捗度 162%(達成) は、実績値 ÷ 目標値 × 100 から得られる 62% と一致しません。');
  });
});

describe('a stock target going down', () => {
  it('is said in the unit the row shows (社), as its goal is', () => {
    const s = sheet('S', [
      [null, null, 'R3', 'R4', 'R5', 'R6', 'R7'],
      ['数値目標(2) 連携企業数 900社（令和7年度）', '目標値', '180社', '360社', '340社', '720社', '900社'],
      [null, '実績値', '194社', '461社', '450社', null, null],
      [null, '進捗度', '108%', '128%', '132%', null, null],
    ]);
    const f = findingsOf(book(s)).filter((x) => x.rule === 'stock-decrease');
    expect(f.map((x) => formatFinding(x, 'ja'))).toEqual([
      'ストック型の数値目標(2)の目標値が、令和4年度の 360社 から 令和5年度の 340社 に減っています。 (360 → 340)',
      'ストック型の数値目標(2)の実績値が、令和4年度の 461社 から 令和5年度の 450社 に減っています。 (461 → 450)',
    ]);
    expect(formatFinding(f[0], 'en')).toBe('Stock target (2): the target goes down from 360 社 (FY2022) to 340 社 (FY2023). (360 → 340)');
  });
});

describe('a logical value where a number belongs', () => {
  it('is quoted as Excel shows it, TRUE or FALSE', () => {
    const s = sheet('S', [
      [null, null, 'R3', 'R4'],
      ['数値目標(1) 就業者数', '目標値', 100, null],
      [null, '実績値', 90, 80],
      [null, '進捗度', '90%', '50%'],
    ]);
    s.rows[1][3] = { value: true };
    const f = findingsOf(book(s)).filter((x) => x.rule === 'unparseable-number');
    expect(f.map((x) => [formatFinding(x, 'ja'), formatFinding(x, 'en')])).toEqual([
      ['数値が入るべきセルに「TRUE」があり、数値として読めません(論理値)。数値か空欄(-)にしてください。', '"TRUE" stands where a number belongs and cannot be read as one (a logical value). Enter a number or a blank (-).'],
    ]);
  });
});
