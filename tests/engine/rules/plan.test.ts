import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';
import { book, findingsOf, keys, sheet, type Spec } from '../../helpers.js';
import { applyWrites } from '../../property/grids.js';
import { progressSheet, R } from './blocks.js';
import { formatFinding } from '../../../src/engine/messages/index.js';

describe('cumulative-total-mismatch (flow targets)', () => {
  it('115 + 81 + 87 + 93 + 99 = 475 matches 475億円 (累計)', () => {
    const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)-① 投資額 475億円 (累計)', target: ['115億円', '81億円', '87億円', '93億円', '99億円'], actual: [] }])));
    expect(f).toEqual([]);
  });

  it('a goal of 480億円 (累計) is an error at the cell holding the goal', () => {
    const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)-① 投資額 480億円 (累計)', target: ['115億円', '81億円', '87億円', '93億円', '99億円'], actual: [] }])));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['cumulative-total-mismatch', 'B2', 475, 480]]);
  });

  it('an approximate goal (`約500億円 (累計)`, 450–550 億円) holds 475; `累計約900億円` and `5年間で約900億円` are goals too, and 475 is no 約900', () => {
    const at = (label: string) => findingsOf(book(progressSheet('S', R, [{ label, target: ['115億円', '81億円', '87億円', '93億円', '99億円'], actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    expect(at('数値目標(1)-① 投資額 約500億円 (累計)')).toEqual([]);
    expect(at('数値目標(1)-① 投資額 累計約500億円')).toEqual([]);
    expect(at('数値目標(1)-① 投資額 累計約900億円')).toEqual([['cumulative-total-mismatch', 475, 900]]);
    expect(at('数値目標(1)-① 投資額 5年間で約900億円')).toEqual([['cumulative-total-mismatch', 475, 900]]);
  });

  it('a yearly target that cannot be read (`調整中`) counts as unknown, not 0: 115 + ? + 87 + 93 + 99 may make 475, but 115 + ? + 187 + 93 + 99 over 475 cannot', () => {
    const at = (target: string[]) => findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)-① 投資額 475億円 (累計)', target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    expect(at(['115億円', '調整中', '87億円', '93億円', '99億円'])).toEqual([['unparseable-number', null, null]]);
    expect(at(['115億円', '調整中', '187億円', '93億円', '99億円'])).toEqual([['cumulative-total-mismatch', 494, 475], ['unparseable-number', null, null]]);
  });

  it('a goal written with a misplaced separator (`1,2345人（累計）`, `1.2,345人`, `12,34人`) is not checked, with a warning at the label: never read as 12,345 人, 1.2345 人 or 34 人', () => {
    for (const goal of ['1,2345人（累計）', '1.2,345人（累計）', '12,34人（累計）']) {
      const f = findingsOf(book(progressSheet('S', R, [{ label: `数値目標(1)-① 来訪者数 ${goal}`, target: ['2,000人', '2,345人', '2,500人', '2,700人', '2,800人'], actual: [] }])));
      expect(
        f.map((x) => [x.rule, x.cell, x.params?.reason]),
        goal,
      ).toEqual([['unparseable-number', 'B2', 'goal']]);
      expect(formatFinding(f[0], 'ja')).toContain(`数値目標(1)-①の目標「${goal.replace('（', '(').replace('）', ')')}」`);
      expect(formatFinding(f[0], 'en')).toContain('Target (1)-①: the goal');
    }
  });

  it('a goal stated as a bound holds where the total may meet it: 475 is `470億円以上（累計）` and `480億円以下`, not `480億円以上`; 1,100 人 is no `1,100人超`', () => {
    const at = (goal: string) =>
      findingsOf(book(progressSheet('S', R, [{ label: `数値目標(1)-① 投資額 ${goal}（累計）`, target: ['115億円', '81億円', '87億円', '93億円', '99億円'], actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    for (const goal of ['470億円以上', '475億円以上', '480億円以下', '476億円未満', '474億円超']) expect(at(goal), goal).toEqual([]);
    expect(at('480億円以上')).toEqual([['cumulative-total-mismatch', 475, 480]]);
    expect(at('470億円以下')).toEqual([['cumulative-total-mismatch', 475, 470]]);
    // 475億円 is rounded: the total of the targets shown may pass it. A count is exact: 1,100 人 is no `1,100人超`.
    expect(at('475億円超')).toEqual([]);
    const people = (goal: string) =>
      findingsOf(book(progressSheet('S', R, [{ label: `数値目標(1)-② 就業者数 ${goal}（累計）`, target: ['200人', '500人', '200人', '100人', '100人'], actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    expect(people('1,100人以上')).toEqual([]);
    expect(people('1,100人超')).toEqual([['cumulative-total-mismatch', 1100, 1100]]);
    const [f] = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)-② 就業者数 1,100人超（累計）', target: ['200人', '500人', '200人', '100人', '100人'], actual: [] }])));
    expect(formatFinding(f, 'ja')).toContain('累計目標 1,100人超 は、各年度の目標値の合計 1,100人 で満たされません');
    expect(formatFinding(f, 'en')).toContain('the cumulative goal over 1,100 人 is not met by the sum of the yearly targets, 1,100 人');
  });

  it('a 1,100人 goal matches 200 + 500 + 200 + 100 + 100', () => {
    expect(findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)-② 就業者数 1,100人 (累計)', target: ['200人', '500人', '200人', '100人', '100人'], actual: [] }])))).toEqual([]);
  });

  it('a table showing fewer years than the plan its goal covers (`5年間`, `平成29～令和3年度`) compares only what it can: the targets shown may not exceed the goal', () => {
    const years = ['平成29年度', '平成30年度', '令和元年度'];
    const at = (label: string, target: string[]) => findingsOf(book(progressSheet('S', years, [{ label, target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    const shown = ['115億円', '81億円', '87億円'];
    expect(at('数値目標(1)-① 投資額 5年間（平成29～令和3年度）累計：475億円', shown)).toEqual([]);
    expect(at('数値目標(1)-① 投資額 475億円（5年間累計）', shown)).toEqual([]);
    expect(at('数値目標(1)-① 投資額 475億円（平成29年度～令和3年度の累計）', shown)).toEqual([]);
    expect(at('数値目標(1)-① 投資額 5年間累計：275億円', shown)).toEqual([['cumulative-total-mismatch', 283, 275]]);
    // Without a period longer than the years shown, the goal is the total of those years.
    expect(at('数値目標(1)-① 投資額 475億円（累計）', shown)).toEqual([['cumulative-total-mismatch', 283, 475]]);
    expect(at('数値目標(1)-① 投資額 3年間累計：475億円', shown)).toEqual([['cumulative-total-mismatch', 283, 475]]);
  });

  it('a table of the years so far (each with its actual) under a goal above their targets: not checked yet where no plan period is stated (info), read against the period a 計画期間 line or a goal header `目標(R3)` states (before, a cumulative-total-mismatch)', () => {
    const years = ['平成29年度', '平成30年度', '令和元年度'];
    const block = (label: string) => progressSheet('S', years, [{ label, target: ['115億円', '81億円', '87億円'], actual: ['119億円', '141億円', '120億円'], progress: ['104%', '174%', '138%'] }]);
    const at = (s: ReturnType<typeof sheet>) => findingsOf(book(s)).map((x) => [x.rule, x.severity, x.expected, x.stated]);
    expect(at(block('数値目標(1)-① 投資額 475億円（累計）'))).toEqual([['cumulative-goal-unchecked', 'info', 283, 475]]);
    const lined = block('数値目標(1)-① 投資額 475億円（累計）');
    lined.rows.unshift([{ value: '（計画期間：H29～R3）' }]);
    expect(at(lined)).toEqual([]);
    const headed = sheet('S', [
      [null, '目標(R3)', null, ...years],
      ['数値目標(1)-① 投資額', '475億円（累計）', '目標値', '115億円', '81億円', '87億円'],
      [null, null, '実績値', '119億円', '141億円', '120億円'],
    ]);
    expect(at(headed)).toEqual([]);
    // A goal headed with a year the table shows last is its plan's whole total.
    headed.rows[0][1] = { value: '目標(R1)' };
    expect(at(headed)).toEqual([['cumulative-total-mismatch', 'error', 283, 475]]);
  });

  it('a table showing the years its goal covers (`平成29～令和3年度`) and more (a plan extended by a year) adds up the goal’s years alone', () => {
    const years = ['平成29年度', '平成30年度', '令和元年度', '令和2年度', '令和3年度', '令和4年度'];
    const target = ['115億円', '81億円', '87億円', '93億円', '99億円', '100億円'];
    const at = (label: string) => findingsOf(book(progressSheet('S', years, [{ label, target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated, x.calc]);
    // Before, 475 was compared with the six years' 575: a false error.
    expect(at('数値目標(1)-① 投資額 475億円（平成29～令和3年度累計）')).toEqual([]);
    expect(at('数値目標(1)-① 投資額 5年間（平成29～令和3年度）累計：475億円')).toEqual([]);
    expect(at('数値目標(1)-① 投資額 480億円（平成29～令和3年度累計）')).toEqual([['cumulative-total-mismatch', 475, 480, '115 + 81 + 87 + 93 + 99 = 475']]);
    // A period the table does not show whole (from H28), or none named: every year shown.
    expect(at('数値目標(1)-① 投資額 475億円（平成28～令和3年度累計）').map((f) => f[0])).toEqual(['cumulative-total-mismatch']);
    expect(at('数値目標(1)-① 投資額 475億円（累計）').map((f) => [f[1], f[2]])).toEqual([[575, 475]]);
  });

  it('a goal’s years written with the era once (`令和4～8年度`, `R4～8`), spaced or with a hyphen (`平成29年度 ～ 令和3年度`, `R4-R8`) are its period too', () => {
    const at = (label: string, years: string[], target: string[]) => findingsOf(book(progressSheet('S', years, [{ label, target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    // The next plan's table showing the year before it (R3): before, 99 + 100 × 5 = 599 was compared with 500.
    const second = ['R3', 'R4', 'R5', 'R6', 'R7', 'R8'];
    const secondTargets = ['99億円', '100億円', '100億円', '100億円', '100億円', '100億円'];
    for (const goal of ['500億円（令和4～8年度累計）', '500億円（R4～8累計）', '500億円（R4-R8累計）', '500億円（令和4年度 ～ 令和8年度の累計）']) {
      expect(at(`数値目標(1)-① 投資額 ${goal}`, second, secondTargets), goal).toEqual([]);
    }
    expect(at('数値目標(1)-① 投資額 510億円（令和4～8年度累計）', second, secondTargets)).toEqual([['cumulative-total-mismatch', 500, 510]]);
    const first = ['H29', 'H30', 'R1', 'R2', 'R3', 'R4'];
    expect(at('数値目標(1)-① 投資額 475億円（平成29年度 ～ 令和3年度累計）', first, ['115億円', '81億円', '87億円', '93億円', '99億円', '100億円'])).toEqual([]);
  });

  it('a label stating the goals of two plans (`第1期 475億円（平成29～令和3年度累計）、第2期 500億円（令和4～8年度累計）`) is checked with the goal of the plan the table shows whole, over that plan’s years', () => {
    const label = (first: number, second: number) => `数値目標(1)-① 投資額 第1期 ${first}億円（平成29～令和3年度累計）、第2期 ${second}億円（令和4～8年度累計）`;
    const at = (text: string, years: string[], target: string[]) => findingsOf(book(progressSheet('S', years, [{ label: text, target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    const first = ['H29', 'H30', 'R1', 'R2', 'R3', 'R4'];
    const firstTargets = ['115億円', '81億円', '87億円', '93億円', '99億円', '100億円'];
    // Before, 500 (the second plan's goal) was compared with 475 (the first plan's years): a false error.
    expect(at(label(475, 500), first, firstTargets)).toEqual([]);
    // The first plan's goal is the one wrong: 480 is stated, not 500.
    expect(at(label(480, 500), first, firstTargets)).toEqual([['cumulative-total-mismatch', 475, 480]]);
    // A table of the second plan's years checks the second plan's goal.
    const second = ['R4', 'R5', 'R6', 'R7', 'R8'];
    expect(at(label(475, 510), second, Array(5).fill('100億円'))).toEqual([['cumulative-total-mismatch', 500, 510]]);
  });

  it('each plan’s total a label states (`第1期 475億円（累計）、第2期 500億円（令和4～8年度累計）`) is checked against its own plan’s years where the table shows them whole; one naming no years is the plan before (or after) the one that does', () => {
    const at = (label: string, years: string[], target: string[]) => findingsOf(book(progressSheet('S', years, [{ label, target, actual: [] }]))).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    const tenYears = ['H29', 'H30', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'];
    const tenTargets = ['115億円', '81億円', '87億円', '93億円', '99億円', '100億円', '100億円', '100億円', '100億円', '100億円'];
    const label = (first: string, second: string) => `数値目標(1)-① 投資額 第1期 ${first}、第2期 ${second}`;
    expect(at(label('475億円（累計）', '500億円（令和4～8年度累計）'), tenYears, tenTargets)).toEqual([]);
    // Before, only the second plan's goal was checked: the first plan's 480 went unseen.
    expect(at(label('480億円（累計）', '500億円（令和4～8年度累計）'), tenYears, tenTargets)).toEqual([['cumulative-total-mismatch', 'B2', 475, 480]]);
    expect(at(label('480億円（平成29～令和3年度累計）', '500億円（令和4～8年度累計）'), tenYears, tenTargets)).toEqual([['cumulative-total-mismatch', 'B2', 475, 480]]);
    expect(at(label('475億円（累計）', '510億円（令和4～8年度累計）'), tenYears, tenTargets)).toEqual([['cumulative-total-mismatch', 'B2', 500, 510]]);
    expect(at(label('480億円（平成29～令和3年度累計）', '500億円（累計）'), tenYears, tenTargets)).toEqual([['cumulative-total-mismatch', 'B2', 475, 480]]);
    expect(at(label('475億円（平成29～令和3年度累計）', '510億円（累計）'), tenYears, tenTargets)).toEqual([['cumulative-total-mismatch', 'B2', 500, 510]]);
    // The second plan under way (R4, R5 shown): before, its 500 was compared with all seven years (675).
    const sevenYears = tenYears.slice(0, 7);
    const sevenTargets = tenTargets.slice(0, 7);
    expect(at(label('475億円（累計）', '500億円（令和4～8年度累計）'), sevenYears, sevenTargets)).toEqual([]);
    expect(at(label('480億円（累計）', '500億円（令和4～8年度累計）'), sevenYears, sevenTargets)).toEqual([['cumulative-total-mismatch', 'B2', 475, 480]]);
    // A plan naming no years is five years long (SPEC §1.1), whatever the other plan's label says: not R2 … R3 beside a
    // second plan of two years (令和4～5年度), which gave 93 + 99 = 192 against 475.
    expect(at(label('475億円（累計）', '200億円（令和4～5年度累計）'), sevenYears, sevenTargets)).toEqual([]);
  });

  it('a label stating the levels of two plans (`900社（令和7年度）、1,200社（令和12年度）`) checks the level of the year the table shows; a starting level (`180社（令和2年度）→900社（令和7年度）`) is no plan’s', () => {
    const at = (label: string, years: string[], target: string[]) => findingsOf(book(progressSheet('S', years, [{ label, target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    const R3R7 = ['R3', 'R4', 'R5', 'R6', 'R7'];
    // Before, the 令和12年度 goal was taken, beyond the table, and R7's 850 went unchecked.
    expect(at('数値目標(1)-① 企業数 900社（令和7年度）、1,200社（令和12年度）', R3R7, ['180社', '360社', '540社', '720社', '850社'])).toEqual([['stock-goal-mismatch', 850, 900]]);
    expect(at('数値目標(1)-① 企業数 900社（令和7年度）、1,200社（令和12年度）', R3R7, ['180社', '360社', '540社', '720社', '900社'])).toEqual([]);
    expect(at('数値目標(1)-① 企業数 180社（令和2年度）→900社（令和7年度）', ['R2', 'R3', 'R4', 'R5', 'R6'], ['100社', '180社', '360社', '540社', '720社'])).toEqual([]);
    // A table showing both plans' years checks each level at its year: before, the first plan's 950 went unchecked.
    const tenYears = ['H29', 'H30', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'];
    const levels = ['180社', '360社', '540社', '720社', '900社', '960社', '1020社', '1080社', '1140社', '1200社'];
    expect(at('数値目標(1)-① 企業数 第1期 900社（令和3年度）、第2期 1,200社（令和8年度）', tenYears, levels)).toEqual([]);
    expect(at('数値目標(1)-① 企業数 第1期 950社（令和3年度）、第2期 1,200社（令和8年度）', tenYears, levels)).toEqual([['stock-goal-mismatch', 900, 950]]);
    // The first plan's level is no final year's: its message names the year it is checked at, and the second plan's the final year.
    const message = (label: string) => findingsOf(book(progressSheet('S', tenYears, [{ label, target: levels, actual: [] }]))).map((x) => [formatFinding(x, 'ja'), formatFinding(x, 'en')])[0];
    expect(message('数値目標(1)-① 企業数 第1期 950社（令和3年度）、第2期 1,200社（令和8年度）')).toEqual([
      '数値目標(1)-①の目標 950社 は、令和3年度(H2)の目標値 900社 と一致しません。 (R3: 900 ≠ 950)',
      'Target (1)-①: the goal 950 社 differs from the FY2021 (H2) target 900 社. (R3: 900 ≠ 950)',
    ]);
    expect(message('数値目標(1)-① 企業数 第1期 900社（令和3年度）、第2期 1,250社（令和8年度）')[0]).toBe('数値目標(1)-①の目標 1,250社 は、最終年度(令和8年度、M2)の目標値 1,200社 と一致しません。 (R8: 1,200 ≠ 1,250)');
    expect(at('数値目標(1)-① 企業数 第1期 900社（令和3年度）、第2期 1,250社（令和8年度）', tenYears, levels)).toEqual([['stock-goal-mismatch', 1200, 1250]]);
  });

  it('a table skipping a year of the plan (`H29 | H30 | R2 | R3`, no R1 column) shows its targets incomplete: they may fall short of the goal, not exceed it', () => {
    const at = (label: string, target: string[]) => findingsOf(book(progressSheet('S', ['H29', 'H30', 'R2', 'R3'], [{ label, target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated]);
    // Before, 115 + 81 + 93 + 99 = 388 was compared with 475 (R1's 87 not shown): a false error.
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['115億円', '81億円', '93億円', '99億円'])).toEqual([]);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['115億円', '81億円', '193億円', '99億円'])).toEqual([['cumulative-total-mismatch', 488, 475]]);
  });

  it('a goal counting its years (`5年間累計：475億円`, `475億円（5か年累計）`) in a table showing one more (a plan extended by a year) adds up that many years from the first target', () => {
    const years = ['平成29年度', '平成30年度', '令和元年度', '令和2年度', '令和3年度', '令和4年度'];
    const at = (label: string, target = ['115億円', '81億円', '87億円', '93億円', '99億円', '100億円']) =>
      findingsOf(book(progressSheet('S', years, [{ label, target, actual: [] }]))).map((x) => [x.rule, x.expected, x.stated, x.calc]);
    // Before, 475 was compared with the six years' 575: a false error.
    expect(at('数値目標(1)-① 投資額 5年間累計：475億円')).toEqual([]);
    expect(at('数値目標(1)-① 投資額 475億円（5か年累計）')).toEqual([]);
    expect(at('数値目標(1)-① 投資額 5年間累計：480億円')).toEqual([['cumulative-total-mismatch', 475, 480, '115 + 81 + 87 + 93 + 99 = 475']]);
    // The plan starts at the first year with a target: H29 left blank, the five years are H30 … R4.
    expect(at('数値目標(1)-① 投資額 5年間累計：460億円', ['', '81億円', '87億円', '93億円', '99億円', '100億円'])).toEqual([]);
  });

  it('yearly targets left blank in later years (115 | 81 | 87 | 93 | blank under 475億円（累計）) are incomplete, not contradictory: target-missing at the blank year, no cumulative error unless the targets given exceed the goal', () => {
    const at = (label: string, target: string[]) => findingsOf(book(progressSheet('S', R, [{ label, target, actual: [] }]))).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['115億円', '81億円', '87億円', '93億円', ''])).toEqual([['target-missing', 'H2', null, null]]);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['115億円', '81億円', '', '', ''])).toEqual([
      ['target-missing', 'F2', null, null],
      ['target-missing', 'G2', null, null],
      ['target-missing', 'H2', null, null],
    ]);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['115億円', '', '87億円', '93億円', '99億円'])).toEqual([['target-missing', 'E2', null, null]]);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['215億円', '181億円', '87億円', '93億円', ''])).toEqual([['cumulative-total-mismatch', 'B2', 576, 475]]);
  });

  it('the plan’s last years shown with no target set yet (blank or `－`): the targets given may not exceed the goal and need not reach it; the years get target-missing', () => {
    const at = (label: string, later: string) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3'],
            [label, '目標値', '115億円', '81億円', '87億円', later, later],
            [null, '実績値', '119億円', '141億円', '120億円', '', ''],
            [null, '進捗度', '104%', '174%', '138%', '', ''],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    expect(at('数値目標(1)-① 投資額 475億円 (累計)', '')).toEqual([['target-missing', 'F2', null, null], ['target-missing', 'G2', null, null]]);
    expect(at('数値目標(1)-① 投資額 475億円 (累計)', '－')).toEqual([['target-missing', 'F2', null, null], ['target-missing', 'G2', null, null]]);
    expect(at('数値目標(1)-① 投資額 250億円 (累計)', '')).toEqual([['cumulative-total-mismatch', 'A2', 283, 250]]);
  });

  it('a 累計 column may hold the totals to date (115 + 81 + 87 = 283 through 令和元年度, the last year with an actual) or the plan’s: either agrees, anything else is an error there', () => {
    const at = (header: string, total: string) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', header],
            ['数値目標(1)-① 投資額 475億円 (累計)', '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', total],
            [null, '実績値', '119億円', '141億円', '120億円', '', '', '380億円'],
            [null, '進捗度', '104%', '174%', '138%', '', '', ''],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    for (const header of ['累計', '累計（R1まで）', '累計(令和元年度末時点)']) {
      expect(at(header, '283億円')).toEqual([]);
      expect(at(header, '475億円')).toEqual([]);
      expect(at(header, '290億円')).toEqual([['cumulative-total-mismatch', 'H2', 475, 290]]);
    }
  });

  it('a 累計 column per plan period (`H29 … R3 | 累計 | R4 R5 | 累計`) adds up its own period’s years: each checked, the first one too', () => {
    const label = '数値目標(1)-① 投資額 第1期 475億円（平成29～令和3年度累計）、第2期 500億円（令和4～8年度累計）';
    const twoPeriods = (first: string[], second: string[], header = ['累計', '累計']) =>
      book(
        sheet('S', [
          [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', header[0], 'R4', 'R5', header[1]],
          [label, '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', first[0], '100億円', '100億円', second[0]],
          [null, '実績値', '119億円', '141億円', '120億円', '100億円', '100億円', first[1], '90億円', '80億円', second[1]],
          [null, '進捗度', '104%', '174%', '138%', '108%', '101%', first[2], '90%', '80%', second[2]],
        ]),
      );
    const at = (first: string[], second: string[], header?: string[]) => findingsOf(twoPeriods(first, second, header)).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    // Before, only the last 累計 column was read, against every year shown: 200 against 675, 170 against 750.
    expect(at(['475億円', '580億円', '122%'], ['200億円', '170億円', '85%'])).toEqual([]);
    // The first period's column, unread before, is checked against the first period's years.
    expect(at(['400億円', '480億円', '120%'], ['200億円', '170億円', '85%'])).toEqual([
      ['cumulative-total-mismatch', 'H2', 475, 400],
      ['cumulative-column-short', 'H3', 580, 480],
    ]);
    expect(at(['475億円', '580億円', '150%'], ['200億円', '170億円', '85%'])).toEqual([['progress-mismatch', 'H4', 122, 150]]);
    // The messages name the period's years, not all the years shown.
    const messages = findingsOf(twoPeriods(['400億円', '480億円', '120%'], ['200億円', '170億円', '85%'])).map((f) => [formatFinding(f, 'ja'), formatFinding(f, 'en')]);
    expect(messages[0][0]).toContain('累計目標 400億円 は、H29～R3の各年度の目標値の合計 475億円 と一致しません');
    expect(messages[0][1]).toContain('differs from the sum of the yearly targets of H29–R3, 475 億円');
    // They name the target whose 累計 actual is short, in the unit the row shows, and English says 実績値 in English.
    expect(messages[1][0]).toBe('数値目標(1)-①の実績値の累計 480億円 が、H29～R3の各年度の合計 580億円 より小さくなっています。 (119 + 141 + 120 + 100 + 100 = 580 > 480)');
    expect(messages[1][1]).toBe('Target (1)-①: the cumulative actual 480 億円 is smaller than the sum of the years H29–R3, 580 億円. (119 + 141 + 120 + 100 + 100 = 580 > 480)');
    // A period under way (two years of five shown) may state its plan's total, not less than its years'.
    expect(at(['475億円', '580億円', '122%'], ['500億円', '170億円', '34%'])).toEqual([]);
    expect(at(['475億円', '580億円', '122%'], ['190億円', '160億円', '95%'])).toEqual([
      ['cumulative-total-mismatch', 'K2', 200, 190],
      ['cumulative-column-short', 'K3', 170, 160],
      ['progress-mismatch', 'K4', 84, 95],
    ]);
    // The recalculation writes the progress of each 累計 column, never its target or actual.
    const writes = planRecalculation(checkWorkbook(twoPeriods(['475億円', '580億円', '150%'], ['190億円', '160億円', '95%'])).model).writes.map((w) => [w.address, w.value]);
    expect(writes).toEqual([
      ['H4', '122%'],
      ['K4', '84%'],
    ]);
  });

  it('a 小計 column per plan period is its period’s total, and a plain 累計 after the periods’ own (`… | 小計 | R4 R5 | 小計 | 累計`, `… | 累計 | R4 R5 | 累計 | 累計`) the whole span’s', () => {
    const table = (head: [string, string, string], first: string[], second: string[], whole: string[]) =>
      book(
        sheet('S', [
          [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', head[0], 'R4', 'R5', head[1], head[2]],
          ['数値目標(1)-① 件数', '目標値', '10件', '10件', '10件', '10件', '10件', first[0], '20件', '20件', second[0], whole[0]],
          [null, '実績値', '10件', '10件', '10件', '10件', '10件', first[1], '20件', '22件', second[1], whole[1]],
          [null, '進捗度', '100%', '100%', '100%', '100%', '100%', first[2], '100%', '110%', second[2], whole[2]],
        ]),
      );
    const at = (head: [string, string, string], first: string[], second: string[], whole: string[]) => findingsOf(table(head, first, second, whole)).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    const ok = [['50件', '50件', '100%'], ['40件', '42件', '105%'], ['90件', '92件', '102%']] as const;
    for (const head of [['小計', '小計', '累計'], ['累計', '累計', '累計'], ['小計', '小計', '合計']] as [string, string, string][]) {
      expect(at(head, [...ok[0]], [...ok[1]], [...ok[2]])).toEqual([]);
      // Before, the last 累計 was not read (累計 | 累計 | 累計) or read as the only total of every year while the 小計 columns
      // were read as nothing: a wrong 小計 or whole-span total went unseen.
      expect(at(head, ['45件', '50件', '100%'], [...ok[1]], ['80件', '92件', '102%'])).toEqual([
        ['cumulative-total-mismatch', 'H2', 50, 45],
        ['cumulative-total-mismatch', 'L2', 90, 80],
      ]);
      expect(at(head, [...ok[0]], [...ok[1]], ['90件', '92件', '120%'])).toEqual([['progress-mismatch', 'L4', 102, 120]]);
    }
  });

  it('a 累計 column before the years (`累計 | H29 … R3`) adds up every year shown, as one after them', () => {
    const leading = (total: string[]) =>
      book(
        sheet('S', [
          [null, null, '累計', 'H29', 'H30', 'R1', 'R2', 'R3'],
          ['数値目標(1)-① 投資額 475億円（累計）', '目標値', total[0], '115億円', '81億円', '87億円', '93億円', '99億円'],
          [null, '実績値', total[1], '119億円', '141億円', '120億円', '100億円', '100億円'],
          [null, '進捗度', total[2], '104%', '174%', '138%', '108%', '101%'],
        ]),
      );
    const at = (total: string[]) => findingsOf(leading(total)).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    expect(at(['475億円', '580億円', '122%'])).toEqual([]);
    // Before, the column was not read: none of these was found.
    expect(at(['400億円', '480億円', '150%'])).toEqual([
      ['cumulative-total-mismatch', 'C2', 475, 400],
      ['cumulative-column-short', 'C3', 580, 480],
      ['progress-mismatch', 'C4', 120, 150],
    ]);
    expect(planRecalculation(checkWorkbook(leading(['400億円', '480億円', '150%'])).model).writes.map((w) => [w.address, w.value])).toEqual([['C4', '120%']]);
  });

  it('the year before a plan shown as its starting level (`R3 | R4 … R6 | 累計` under `500億円（令和4～8年度累計）`, or R3 again after the first period’s 累計) is a baseline: no year of the plan’s sums or 累計 column', () => {
    const next = (header: string) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, header, 'R4', 'R5', 'R6', '累計'],
            ['数値目標(1)-① 投資額 500億円（令和4～8年度累計）', '目標値', '99億円', '100億円', '100億円', '100億円', '300億円'],
            [null, '実績値', '100億円', '90億円', '80億円', '', '170億円'],
            [null, '進捗度', '101%', '90%', '80%', '', '85%'],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    // Before, R3's 100 was added to the 累計 column's years (270 > 170) and its progress (170 ÷ 299).
    expect(next('R3')).toEqual([]);
    expect(next('R3（第1期最終年度）')).toEqual([]);
    // So where the goal's years are those the other plan's leave it (`第2期 500億円（累計）` after the first plan's years).
    const inferred = findingsOf(
      book(
        sheet('S', [
          [null, null, 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', '累計'],
          ['数値目標(1)-① 投資額 第1期 475億円（平成29～令和3年度累計）、第2期 500億円（累計）', '目標値', '99億円', '100億円', '100億円', '100億円', '100億円', '100億円', '500億円'],
          [null, '実績値', '100億円', '90億円', '80億円', '', '', '', '170億円'],
          [null, '進捗度', '101%', '90%', '80%', '', '', '', '34%'],
        ]),
      ),
    );
    expect(inferred).toEqual([]);
    const label = '数値目標(1)-① 投資額 第1期 475億円（平成29～令和3年度累計）、第2期 500億円（令和4～8年度累計）';
    const again = (second: string[]) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', '累計', 'R3', 'R4', 'R5', '累計'],
            [label, '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', '475億円', '99億円', '100億円', '100億円', second[0]],
            [null, '実績値', '119億円', '141億円', '120億円', '100億円', '100億円', '580億円', '100億円', '90億円', '80億円', second[1]],
            [null, '進捗度', '104%', '174%', '138%', '108%', '101%', '122%', '101%', '90%', '80%', second[2]],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    // Before, R3 was added twice to the first plan's goal (574 against 475).
    expect(again(['200億円', '170億円', '85%'])).toEqual([]);
    expect(again(['190億円', '160億円', '95%'])).toEqual([
      ['cumulative-total-mismatch', 'L2', 200, 190],
      ['cumulative-column-short', 'L3', 170, 160],
      ['progress-mismatch', 'L4', 84, 95],
    ]);
    // A period's head over the years (`第２期計画` merged over R3 R4 R5), no 累計 column between: before, 574 against 475.
    const headed = findingsOf(
      book(
        sheet(
          'S',
          [
            [null, null, '第１期計画', null, null, null, null, '第２期計画', null, null],
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', 'R3', 'R4', 'R5'],
            [label, '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', '99億円', '100億円', '100億円'],
            [null, '実績値', '119億円', '141億円', '120億円', '100億円', '100億円', '100億円', '90億円', '80億円'],
            [null, '進捗度', '104%', '174%', '138%', '108%', '101%', '101%', '90%', '80%'],
          ],
          ['C1:G1', 'H1:J1'],
        ),
      ),
    );
    expect(headed).toEqual([]);
  });

  it('the progress of a 累計 column stated in a `累計進捗度` column beside it (in the progress row or merged over the block) or in a `累計進捗度` row under the progress row is checked and recalculated', () => {
    const L = '数値目標(1)-① 投資額 475億円（累計）';
    const column = (merged: boolean, stated: string) =>
      book(
        sheet(
          'S',
          [
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', '累計', '累計進捗度'],
            [L, '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', '475億円', merged ? stated : ''],
            [null, '実績値', '119億円', '141億円', '120億円', '', '', '380億円', ''],
            [null, '進捗度', '104%', '174%', '138%', '', '', '', merged ? '' : stated],
          ],
          merged ? ['J2:J4'] : [],
        ),
      );
    const row = (stated: string) =>
      book(
        sheet('S', [
          [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', '累計'],
          [L, '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', '475億円'],
          [null, '実績値', '119億円', '141億円', '120億円', '', '', '380億円'],
          [null, '進捗度', '104%', '174%', '138%', '', '', ''],
          [null, '累計進捗度', '', '', '', '', '', stated],
        ]),
      );
    const at = (wb: ReturnType<typeof book>) => findingsOf(wb).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    const writes = (wb: ReturnType<typeof book>) => planRecalculation(checkWorkbook(wb).model).writes.map((w) => [w.address, w.value]);
    // 380 ÷ 475 = 80 %. Before, the stated 90 % went unread in each layout.
    expect(at(column(false, '80%'))).toEqual([]);
    expect(at(column(false, '90%'))).toEqual([['progress-mismatch', 'I4', 80, 90]]);
    expect(writes(column(false, '90%'))).toEqual([['I4', '80%']]);
    expect(at(column(true, '90%'))).toEqual([['progress-mismatch', 'I2', 80, 90]]);
    expect(at(row('80%'))).toEqual([]);
    expect(at(row('90%'))).toEqual([['progress-mismatch', 'H5', 80, 90]]);
    expect(writes(row('90%'))).toEqual([['H5', '80%']]);
  });

  it('a year heading its running total among the years (`R1 | 令和元年度(累計) | R2 R3 | 累計`) adds up the years through it and ends no period: the 累計 after it is every year’s', () => {
    const at = (running: string[], total: string) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, 'H29', 'H30', 'R1', '令和元年度(累計)', 'R2', 'R3', '累計'],
            ['数値目標(1)-① 投資額 475億円（累計）', '目標値', '115億円', '81億円', '87億円', running[0], '93億円', '99億円', total],
            [null, '実績値', '119億円', '141億円', '120億円', running[1], '100億円', '100億円', '580億円'],
            [null, '進捗度', '104%', '174%', '138%', '134%', '108%', '101%', '122%'],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    expect(at(['283億円', '380億円'], '475億円')).toEqual([]);
    expect(at(['283億円', '370億円'], '475億円')).toEqual([['cumulative-column-short', 'F3', 380, 370]]);
    expect(at(['283億円', '380億円'], '480億円')).toEqual([['cumulative-total-mismatch', 'I2', 475, 480]]);
  });

  it('a 累計 column of every period after the periods’ own (`全期間累計`, `通算`) adds up every year shown', () => {
    const label = '数値目標(1)-① 投資額 第1期 475億円（平成29～令和3年度累計）、第2期 500億円（令和4～8年度累計）';
    const at = (header: string, grand: string[]) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', '第1期累計', 'R4', 'R5', '第2期累計', header],
            [label, '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', '475億円', '100億円', '100億円', '200億円', grand[0]],
            [null, '実績値', '119億円', '141億円', '120億円', '100億円', '100億円', '580億円', '90億円', '80億円', '170億円', grand[1]],
            [null, '進捗度', '104%', '174%', '138%', '108%', '101%', '122%', '90%', '80%', '85%', grand[2]],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    for (const header of ['全期間累計', '通算', '全期間の合計']) {
      expect(at(header, ['675億円', '750億円', '111%']), header).toEqual([]);
      // Before, the column was not read: 700 for 675 and 740 (short of 750) went unseen.
      expect(at(header, ['700億円', '740億円', '106%']), header).toEqual([
        ['cumulative-total-mismatch', 'L2', 675, 700],
        ['cumulative-column-short', 'L3', 750, 740],
      ]);
    }
  });

  it('a period’s 累計 column named so (`第1期累計`, `第2期計`, `第１期計画累計`), and one of the last years (`直近3年累計`, `過去3年間累計` beside `計画期間累計`), are 累計 columns too: each against its own years', () => {
    const label = '数値目標(1)-① 投資額 第1期 475億円（平成29～令和3年度累計）、第2期 500億円（令和4～8年度累計）';
    const periods = (header: string[], first: string) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', header[0], 'R4', 'R5', header[1]],
            [label, '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', first, '100億円', '100億円', '200億円'],
            [null, '実績値', '119億円', '141億円', '120億円', '100億円', '100億円', '580億円', '90億円', '80億円', '170億円'],
            [null, '進捗度', '104%', '174%', '138%', '108%', '101%', '122%', '90%', '80%', '85%'],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    for (const header of [
      ['第1期累計', '第2期累計'],
      ['第1期計', '第2期計'],
      ['第１期計画累計', '第２期計画累計'],
    ]) {
      expect(periods(header, '475億円'), String(header)).toEqual([]);
      // Before, neither column was read: the wrong total went unseen.
      expect(periods(header, '400億円'), String(header)).toEqual([['cumulative-total-mismatch', 'H2', 475, 400]]);
    }
    const lastYears = (header: string, target: string, actual: string) =>
      findingsOf(
        book(
          sheet('S', [
            [null, null, 'H29', 'H30', 'R1', 'R2', 'R3', '計画期間累計', header],
            ['数値目標(1)-① 投資額 475億円（累計）', '目標値', '115億円', '81億円', '87億円', '93億円', '99億円', '475億円', target],
            [null, '実績値', '119億円', '141億円', '120億円', '100億円', '100億円', '580億円', actual],
            [null, '進捗度', '104%', '174%', '138%', '108%', '101%', '122%', ''],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    for (const header of ['直近3年累計', '過去3年間累計', '直近3か年計']) {
      expect(lastYears(header, '279億円', '320億円'), header).toEqual([]);
      // 87 + 93 + 99 = 279 and 120 + 100 + 100 = 320 (R1 … R3), no period under way: larger is no total either.
      expect(lastYears(header, '290億円', '300億円'), header).toEqual([
        ['cumulative-total-mismatch', 'I2', 279, 290],
        ['cumulative-column-short', 'I3', 320, 300],
      ]);
    }
  });
});

describe('stock targets (000_…)', () => {
  const years = ['当初(令和3年度)', '令和4年度', '令和5年度', '令和6年度', '令和7年度'];
  const tsukuba = { label: '数値目標(1) 180 社（令和3年度）→900 社（令和7年度）', weight: '寄与度(※):- (%)', target: [180, 360, 540, 720, 900], actual: [194, 461, 580, 707, ''], progress: [108, 128, 107, 98, ''] };

  it('no cumulative error on a stock target whose goal is its final level', () => {
    expect(findingsOf(book(progressSheet('S', years, [tsukuba])))).toEqual([]);
  });

  it('a goal stated as a bound (`900社以上（令和7年度）`) holds where the final target may meet it', () => {
    const at = (goal: string) =>
      findingsOf(book(progressSheet('S', R, [{ label: `数値目標(1) 連携企業数 ${goal}（令和5年度）`, target: ['180社', '360社', '540社', '720社', '900社'], actual: [] }])))
        .filter((x) => x.rule === 'stock-goal-mismatch')
        .map((x) => [x.expected, x.stated]);
    for (const goal of ['900社以上', '850社以上', '950社以下', '899社超']) expect(at(goal), goal).toEqual([]);
    expect(at('950社以上')).toEqual([[900, 950]]);
    expect(at('900社超')).toEqual([[900, 900]]);
    // The arithmetic shows how the final target misses the bound, never two equal numbers as unequal (900 ≠ 900 before).
    const calc = (goal: string) =>
      findingsOf(book(progressSheet('S', R, [{ label: `数値目標(1) 連携企業数 ${goal}（令和5年度）`, target: ['180社', '360社', '540社', '720社', '900社'], actual: [] }]))).find((x) => x.rule === 'stock-goal-mismatch')?.calc;
    expect([calc('900社超'), calc('950社以上'), calc('850社以下'), calc('900社未満'), calc('950社')]).toEqual(['R5: 900 ≤ 900', 'R5: 900 < 950', 'R5: 900 > 850', 'R5: 900 ≥ 900', 'R5: 900 ≠ 950']);
  });

  it('the final-year target must equal the goal', () => {
    const f = findingsOf(book(progressSheet('S', years, [{ ...tsukuba, target: [180, 360, 540, 720, 850] }])));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['stock-goal-mismatch', 'B2', 850, 900]]);
  });

  it('a goal off by one in its last shown digit is an error: 5.1万人 is not a final target of 5.0万人, nor 101億円 of 100億円', () => {
    const at = (goal: string, target: string[]) =>
      findingsOf(book(progressSheet('S', years, [{ ...tsukuba, label: `数値目標(1) ${goal}（令和7年度）`, target, actual: ['', '', '', '', ''], progress: ['', '', '', '', ''] }]))).map((x) => [x.rule, x.expected, x.stated]);
    const people = ['3.0万人', '3.5万人', '4.0万人', '4.5万人', '5.0万人'];
    expect(at('5.0万人', people)).toEqual([]);
    expect(at('5万人', people)).toEqual([]);
    expect(at('5.1万人', people)).toEqual([['stock-goal-mismatch', 5, 5.1]]);
    const amounts = ['60億円', '70億円', '80億円', '90億円', '100億円'];
    expect(at('100億円', amounts)).toEqual([]);
    expect(at('101億円', amounts)).toEqual([['stock-goal-mismatch', 100, 101]]);
  });

  it('a goal tied to a year that is the sum of the yearly targets, not their last level, is a flow: flat (180 a year to 900社), rising or falling', () => {
    const plan = ['令和3年度', '令和4年度', '令和5年度', '令和6年度', '令和7年度'];
    const flow = (target: number[]) => checkWorkbook(book(progressSheet('S', plan, [{ ...tsukuba, label: '数値目標(1) 連携企業数 900社（令和7年度）', target, actual: ['', '', '', '', ''], progress: ['', '', '', '', ''] }])));
    for (const target of [
      [180, 180, 180, 180, 180],
      [100, 140, 180, 220, 260],
      [260, 220, 180, 140, 100],
    ]) {
      const { model, findings } = flow(target);
      const t = model.tables[0];
      expect(t.kind === 'progress' && t.targets[0].mode, String(target)).toBe('flow');
      expect(findings).toEqual([]);
    }
    // Rising to the goal is a stock; rising to neither is a stock short of its goal.
    expect(flow([180, 360, 540, 720, 900]).findings).toEqual([]);
    expect(flow([180, 360, 540, 720, 850]).findings.map((f) => f.rule)).toEqual(['stock-goal-mismatch']);
  });

  it('targets or actuals that go down are a warning', () => {
    const f = findingsOf(book(progressSheet('S', years, [{ ...tsukuba, target: [180, 360, 340, 720, 900], actual: [194, 461, 450, '', ''], progress: [108, 128, 132, '', ''] }])));
    expect(keys(f)).toEqual(['stock-decrease@S!F2', 'stock-decrease@S!F3']);
    // Both years named alike, whatever the headers say.
    expect(formatFinding(f[0], 'ja')).toContain('令和4年度の 360 から 令和5年度の 340 に減っています');
    expect(formatFinding(f[0], 'en')).toContain('goes down from 360 (FY2022) to 340 (FY2023)');
  });
});

describe('a 目標値 row labelled （累計）: running totals toward a cumulative goal', () => {
  const across = (goal: string, targets: number[], actuals: number[], labels = ['目標値（累計）', '実績値（累計）']) =>
    sheet('S', [
      [null, null, 'R4', 'R5', 'R6'],
      [`数値目標(1) 連携企業数 ${goal}`, labels[0], ...targets],
      [null, labels[1], ...actuals],
      [null, '進捗度', '110%', '95%', '110%'],
    ]);
  const down = (goal: string, targets: number[]) =>
    sheet('S', [
      [`数値目標(1) 連携企業数 ${goal}`],
      ['年度', '目標値(累計)', '実績値(累計)', '進捗度'],
      ['R4', targets[0], 110, '110%'],
      ['R5', targets[1], 190, '95%'],
      ['R6', targets[2], 330, '110%'],
    ]);

  it.each([
    ['across', across('300社(累計)', [100, 200, 300], [110, 190, 330])],
    ['down', down('300社(累計)', [100, 200, 300])],
    ['labelled 累計目標値 / 累計実績値', across('300社(累計)', [100, 200, 300], [110, 190, 330], ['累計目標値', '累計実績値'])],
  ])('%s: are a stock whose last target is the goal, not yearly amounts summing to 600', (_, s) => {
    const { model, findings } = checkWorkbook(book(s));
    const t = model.tables[0];
    expect(t.kind === 'progress' && [t.targets[0].mode, t.targets[0].modeSource]).toEqual(['stock', 'running-total-label']);
    expect(findings).toEqual([]);
  });

  it('a last running total short of the goal is a stock-goal-mismatch at the goal, also after choosing stock in the pane', () => {
    expect(findingsOf(book(down('350社(累計)', [100, 200, 300]))).map((f) => [f.rule, f.cell, f.expected, f.stated])).toEqual([['stock-goal-mismatch', 'A1', 300, 350]]);
    const chosen = checkWorkbook(book(down('350社(累計)', [100, 200, 300])), { modeOverrides: { '1': 'stock' } });
    expect(chosen.findings.map((f) => f.rule)).toEqual(['stock-goal-mismatch']);
    const flow = checkWorkbook(book(down('350社(累計)', [100, 200, 300])), { modeOverrides: { '1': 'flow' } });
    expect(flow.findings.map((f) => [f.rule, f.expected, f.stated])).toEqual([['cumulative-total-mismatch', 600, 350]]);
  });

  it('running totals that go down are a stock-decrease', () => {
    expect(keys(findingsOf(book(across('300社(累計)', [100, 90, 300], [110, 190, 330]))))).toEqual(['stock-decrease@S!D2', 'progress-mismatch@S!D4']);
  });
});

describe('a block stating both each year’s figures and their running totals', () => {
  const interleaved = (progress: string[]) =>
    sheet('S', [
      [null, null, 'R3', 'R4', 'R5'],
      ['数値目標(1) 投資額 300億円（累計）', '目標値', '100億円', '100億円', '100億円'],
      [null, '目標値(累計)', '100億円', '200億円', '300億円'],
      [null, '実績値', '120億円', '90億円', '100億円'],
      [null, '実績値(累計)', '120億円', '210億円', '310億円'],
      [null, '進捗度', ...progress],
    ], ['A2:A6']);

  it('each year’s rows interleaved with the running totals (目標値 / 目標値(累計) / 実績値 / 実績値(累計) / 進捗度): the 進捗度 is the year’s', () => {
    const { model, findings } = checkWorkbook(book(interleaved(['120%', '90%', '100%'])));
    expect(findings).toEqual([]);
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets.map((x) => [x.id.display, x.mode, x.rows])).toEqual([
      ['1', 'flow', { target: 1, actual: 3, progress: 5 }],
      ['1', 'stock', { target: 2, actual: 4, progress: null }],
    ]);
    expect(keys(findingsOf(book(interleaved(['120%', '95%', '100%']))))).toEqual(['progress-mismatch@S!D6']);
    expect(planRecalculation(checkWorkbook(book(interleaved(['120%', '', '100%']))).model).writes.map((w) => [w.address, w.value])).toEqual([['D6', '90%']]);
  });

  it('both progresses after the interleaved rows (進捗度 / 進捗度(累計), in either order): the 進捗度(累計) is the running totals’, checked and filled', () => {
    const both = (yearly: string[], running: string[], runningFirst = false) => {
      const rows = [
        [null, '進捗度', ...yearly],
        [null, '進捗度（累計）', ...running],
      ];
      return sheet('S', [
        [null, null, 'R3', 'R4', 'R5'],
        ['数値目標(1) 投資額 300億円（累計）', '目標値', '100億円', '100億円', '100億円'],
        [null, '目標値（累計）', '100億円', '200億円', '300億円'],
        [null, '実績値', '120億円', '90億円', '100億円'],
        [null, '実績値（累計）', '120億円', '210億円', '310億円'],
        ...(runningFirst ? rows.reverse() : rows),
      ], ['A2:A7']);
    };
    const { model, findings } = checkWorkbook(book(both(['120%', '90%', '100%'], ['120%', '105%', '103%'])));
    expect(findings).toEqual([]);
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets.map((x) => [x.mode, x.rows])).toEqual([
      ['flow', { target: 1, actual: 3, progress: 5 }],
      ['stock', { target: 2, actual: 4, progress: 6 }],
    ]);
    expect(keys(findingsOf(book(both(['120%', '90%', '100%'], ['120%', '105%', '110%']))))).toEqual(['progress-mismatch@S!E7']);
    expect(keys(findingsOf(book(both(['120%', '90%', '100%'], ['120%', '105%', '110%'], true))))).toEqual(['progress-mismatch@S!E6']);
    const blank = checkWorkbook(book(both(['120%', '90%', '130%'], ['120%', '105%', ''])));
    expect(keys(blank.findings)).toEqual(['progress-mismatch@S!E6', 'progress-missing@S!E7']);
    expect(planRecalculation(blank.model).writes.map((w) => [w.address, w.value])).toEqual([
      ['E6', '100%'],
      ['E7', '103%'],
    ]);
  });

  it('blocks of one kind each on a sheet stating both kinds pair as their labels come, a plain 進捗度 under running totals included', () => {
    const s = sheet('S', [
      [null, null, 'R3', 'R4', 'R5'],
      ['数値目標(1) 企業数 300社（累計）', '目標値(累計)', 100, 200, 300],
      [null, '実績値(累計)', 110, 190, 330],
      [null, '進捗度', '110%', '95%', '111%'],
      ['数値目標(2) 件数 30件（累計）', '目標値', 10, 10, 10],
      [null, '実績値', 12, 9, 10],
      [null, '進捗度', '120%', '90%', '101%'],
      ['数値目標(3) 社数 30社（累計）', '目標値(累計)', 10, 20, 30],
      [null, '実績値', 12, 20, 31],
      [null, '進捗度', '120%', '100%', '103%'],
    ]);
    const { model, findings } = checkWorkbook(book(s));
    const t = model.tables[0];
    expect(t.kind === 'progress' && t.targets.map((x) => [x.id.display, x.mode, x.rows])).toEqual([
      ['1', 'stock', { target: 1, actual: 2, progress: 3 }],
      ['2', 'flow', { target: 4, actual: 5, progress: 6 }],
      ['3', 'stock', { target: 7, actual: 8, progress: 9 }],
    ]);
    expect(keys(findings)).toEqual(['progress-mismatch@S!E4', 'progress-mismatch@S!E7']);
  });

  it('the running totals in rows of their own under the year’s (with a 進捗度(累計) row): each checked', () => {
    const s = sheet('S', [
      [null, null, 'R3', 'R4', 'R5'],
      ['数値目標(1) 投資額 300億円（累計）', '目標値', '100億円', '100億円', '100億円'],
      [null, '実績値', '120億円', '90億円', '100億円'],
      [null, '進捗度', '120%', '90%', '100%'],
      [null, '目標値(累計)', '100億円', '200億円', '300億円'],
      [null, '実績値(累計)', '120億円', '210億円', '310億円'],
      [null, '進捗度(累計)', '120%', '105%', '106%'],
    ], ['A2:A7']);
    expect(keys(findingsOf(book(s)))).toEqual(['progress-mismatch@S!E7']);
  });
});

describe('a 累計進捗度 row under a block, rewritten by the recalculation', () => {
  const block = (running: Spec[]): Spec[][] => [
    [null, null, 'H29', 'H30', 'R1'],
    ['数値目標(1)-① 投資額', '目標値', '115億円', '81億円', '87億円'],
    [null, '実績値', '119億円', '141億円', '120億円'],
    ['寄与度(※):100%', '進捗度', '104%', '174%', '138%'],
    [null, '累計進捗度', ...running],
  ];
  const fixed = (running: Spec[]) => {
    const wb = book(sheet('S', block(running)));
    const writes = planRecalculation(checkWorkbook(wb).model).writes;
    return { writes: writes.map((w) => [w.address, w.value]), after: findingsOf(applyWrites(wb, writes)).map((f) => [f.rule, f.cell]) };
  };

  it('a wrong year is rewritten on the running totals the row’s other years are written in (260 ÷ 196 = 133 %), in the row’s way, and the re-check finds nothing', () => {
    // Before, the plan wrote nothing: the 150 % stayed, and so did its progress-mismatch.
    expect(fixed(['104%', '150%', '134%'])).toEqual({ writes: [['D5', '133%']], after: [] });
    expect(fixed(['１０４％', '１５０％', '１３４％'])).toEqual({ writes: [['D5', '１３３％']], after: [] });
    expect(fixed(['104.0%', '150.0%', '134.0%'])).toEqual({ writes: [['D5', '133.0%']], after: [] });
    expect(fixed([{ v: 1.04, fmt: '0%' }, { v: 1.5, fmt: '0%' }, { v: 1.34, fmt: '0%' }])).toEqual({ writes: [['D5', 1.33]], after: [] });
    expect(fixed([104, 150, 134])).toEqual({ writes: [['D5', 133]], after: [] });
    expect(fixed(['1.04', '1.50', '1.34'])).toEqual({ writes: [['D5', '1.33']], after: [] });
    // Formulas asked for: a value, named as one (no one formula restates running totals).
    const plan = planRecalculation(checkWorkbook(book(sheet('S', block([104, 150, 134])))).model, { formulas: true });
    expect([plan.writes.map((w) => [w.address, w.value, w.formula]), plan.valuesInsteadOfFormulas]).toEqual([[['D5', 133, undefined]], ['S!D5']]);
  });

  it('a year agreeing only with a wrong 累計 column progress the plan rewrites is rewritten with it, so that one fix leaves nothing to fix', () => {
    const rows: Spec[][] = [
      [null, null, 'H29', 'H30', 'R1', '累計'],
      ['数値目標(1)-① 投資額', '目標値', '115億円', '81億円', '87億円', '283億円'],
      [null, '実績値', '119億円', '141億円', '120億円', '380億円'],
      ['寄与度(※):100%', '進捗度', '104%', '174%', '138%', '150%'],
      [null, '累計進捗度', '104%', '133%', '150%', null],
    ];
    const wb = book(sheet('S', rows));
    expect(keys(findingsOf(wb))).toEqual(['progress-mismatch@S!F4']);
    const writes = planRecalculation(checkWorkbook(wb).model).writes;
    // Before, only F4 was rewritten: the re-check then found R1's 150 % (380 ÷ 283 = 134 %), which a second fix rewrote.
    expect(writes.map((w) => [w.address, w.value])).toEqual([
      ['F4', '134%'],
      ['E5', '134%'],
    ]);
    expect(findingsOf(applyWrites(wb, writes))).toEqual([]);
  });

  it('a row written on the plan’s targets (actuals so far ÷ all the targets: 119 ÷ 283 = 42 %, 92 %, 134 %) is rewritten on them', () => {
    expect(fixed(['42%', '90%', '134%'])).toEqual({ writes: [['D5', '92%']], after: [] });
  });
});

describe('target-missing', () => {
  it('a blank target inside the plan period is a warning; years after the last target are not', () => {
    const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)', target: [10, '', 30], actual: [] }])));
    expect(keys(f)).toEqual(['target-missing@S!E2']);
  });

  it('a flow target with a total for a goal: the years of its plan are those its label names (平成29～令和3年度, 5年間 from the first target), else the table’s when its targets fall short of the goal; never a baseline column or the years after the plan', () => {
    const years = ['基準値(H28)', '平成29年度', '平成30年度', '令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度'];
    const at = (label: string, target: string[]) => keys(findingsOf(book(progressSheet('S', years, [{ label, target, actual: [] }]))));
    const full = ['100億円', '115億円', '81億円', '87億円', '93億円', '99億円', '', ''];
    const short = ['', '115億円', '81億円', '87億円', '93億円', '', '', ''];
    for (const label of ['数値目標(1)-① 投資額 5年間（平成29～令和3年度）累計：475億円', '数値目標(1)-① 投資額 475億円（5年間累計）']) {
      expect(at(label, full), label).toEqual([]);
      expect(at(label, short), label).toEqual(['target-missing@S!I2']);
    }
    // No period named: the years the table shows, when its targets leave the goal to be made up.
    expect(at('数値目標(1)-① 投資額 475億円（累計）', full)).toEqual([]);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', short)).toEqual(['target-missing@S!I2', 'target-missing@S!J2', 'target-missing@S!K2']);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['', '115億円', '81億円', '87億円', '192億円', '', '', ''])).toEqual([]);
    expect(at('数値目標(1)-① 投資額 475億円（累計）', ['', '115億円', '', '', '', '', '', ''])).toEqual(['F2', 'G2', 'H2', 'I2', 'J2', 'K2'].map((c) => `target-missing@S!${c}`));
    // A table of the years so far under a five-year goal: nothing missing.
    const soFar = findingsOf(book(progressSheet('S', ['平成29年度', '平成30年度', '令和元年度'], [{ label: '数値目標(1)-① 投資額 5年間（平成29～令和3年度）累計：475億円', target: ['115億円', '81億円', '87億円'], actual: [] }])));
    expect(soFar).toEqual([]);
    // A stock goal's year ends its plan, as before: 900社（令和7年度） over 180 | 360 | 540 | 720 | blank.
    const stock = findingsOf(book(progressSheet('S', ['令和3年度', '令和4年度', '令和5年度', '令和6年度', '令和7年度'], [{ label: '数値目標(1) 連携企業数 900社（令和7年度）', target: [180, 360, 540, 720, ''], actual: [] }])));
    expect(keys(stock)).toEqual(['target-missing@S!H2']);
  });
});

describe('stock goals with the year before the figure, or naming none', () => {
  const Y5 = ['令和3年度', '令和4年度', '令和5年度', '令和6年度', '令和7年度'];
  const levels = ['100社', '300社', '500社', '700社', '900社'];
  const block = (title: string, years = Y5, targets = levels): Spec[][] => [[null, null, ...years], [title, '目標値', ...targets], [null, '実績値', '110社', '290社'], [null, '進捗度', '110%', '97%']];
  const found = (rows: Spec[][]) => findingsOf(book(sheet('S', rows))).map((x) => [x.rule, x.severity, x.cell, x.expected, x.stated]);

  it('`（令和7年度末）900社` is the R7 level: right twin silent, 910社 planted found at the title', () => {
    expect(found(block('数値目標(1) 立地企業数（令和7年度末）900社'))).toEqual([]);
    expect(found(block('数値目標(1) 立地企業数（令和7年度末）910社'))).toEqual([['stock-goal-mismatch', 'error', 'A2', 900, 910]]);
  });

  it('`令和7年度末 900社` under a bare `目標` header right of the years is the R7 level, found at its cell', () => {
    const rows = (goal: string) => {
      const r = block('数値目標(1) 立地企業数');
      r[0].push('目標');
      r[1].push(goal);
      return r;
    };
    expect(found(rows('令和7年度末 900社'))).toEqual([]);
    expect(found(rows('令和7年度末 910社'))).toEqual([['stock-goal-mismatch', 'error', 'H2', 900, 910]]);
  });

  it('`（ストック） 310社` naming no year: the last target of a table of a whole plan (5 years); of the years so far, said unchecked', () => {
    expect(found(block('数値目標(1) 立地企業数（ストック） 900社'))).toEqual([]);
    expect(found(block('数値目標(1) 立地企業数（ストック） 910社'))).toEqual([['stock-goal-mismatch', 'error', 'A2', 900, 910]]);
    const soFar = (goal: string) => [[null, null, ...Y5.slice(0, 3)], [`数値目標(1) 立地企業数（ストック） ${goal}`, '目標値', '100社', '200社', '300社'], [null, '実績値', '110社', '190社', '310社'], [null, '進捗度', '110%', '95%', '103%']];
    expect(found(soFar('300社'))).toEqual([]);
    const unchecked = findingsOf(book(sheet('S', soFar('310社'))));
    expect(unchecked.map((x) => [x.rule, x.severity, x.cell, x.expected, x.stated])).toEqual([['cumulative-goal-unchecked', 'info', 'A2', 300, 310]]);
    expect(formatFinding(unchecked[0], 'ja')).toContain('ストックの目標 310社 は年度の記載がなく');
    expect(formatFinding(unchecked[0], 'en')).toContain('the stock goal 310 社 names no year');
    // Below the last target it contradicts the table whatever the plan's length.
    expect(found(soFar('290社'))).toEqual([['stock-goal-mismatch', 'error', 'A2', 300, 290]]);
  });
});
