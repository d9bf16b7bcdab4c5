import { describe, expect, it } from 'vitest';
import { book, findingsOf, keys, sheet, type Spec } from '../../helpers.js';
import { progressSheet } from './blocks.js';
import { formatFinding } from '../../../src/engine/messages/index.js';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';

const years = ['平成29年度', '平成30年度', '令和元年度', '令和2年度', '令和3年度'];
const keihin = [
  { label: '数値目標(1)-① 投資額 475億円 (累計)', weight: '寄与度(※):33%', target: ['115億円', '81億円', '87億円', '93億円', '99億円'], actual: ['119億円', '141億円', '120億円'], progress: ['104%', '174%', '138%'] },
  { label: '数値目標(1)-② 就業者数 1,100人 (累計)', weight: '寄与度(※):33%', target: ['200人', '500人', '200人', '100人', '100人'], actual: ['842人', '312人', '136人'], progress: ['421%', '62%', '68%'] },
  { label: '数値目標(1)-③ 研修等の受入数 245,000人 (累計)', weight: '寄与度(※):33%', target: ['43,000人', '46,000人', '49,000人', '52,000人', '55,000人'], actual: ['46,298人', '46,785人', '50,666人'], progress: ['108%', '102%', '103%'] },
];

function summary(progress: string, weights = ['33%', '33%', '33%']) {
  return sheet('本文', [
    ['評価対象年度：令和元年度'],
    ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度', '寄与度'],
    ['評価指標(1)', '', '', '', progress, ''],
    ['', '数値目標(1)-①', '87億円', '120億円', '138%', weights[0]],
    ['', '数値目標(1)-②', '200人', '136人', '68%', weights[1]],
    ['', '数値目標(1)-③', '49,000人', '50,666人', '103%', weights[2]],
  ]);
}

describe('indicator-score-mismatch', () => {
  it('three targets weighted 33/33/33 with (138, 68, 103) give 103 (002_…)', () => {
    expect(findingsOf(book(progressSheet('別紙1', years, keihin), summary('103%')))).toEqual([]);
  });

  it('a whole percent shown with zero decimals (53.0 %) states the rounded whole percent; 53.5 % is compared at its decimal', () => {
    // Exact counts: (37/60 × 100 + 20/45 × 100) ÷ 2 = 53.06, so 53 as a whole percent and 53.1 at one decimal.
    const table = (stated: string) =>
      sheet('S', [
        [null, null, 'R5'],
        ['数値目標(2)-① 件数', '目標値', 60],
        ['寄与度(※):50%', '実績値', 37],
        [null, '進捗度', '61.7%'],
        ['数値目標(2)-② 社数', '目標値', 45],
        ['寄与度(※):50%', '実績値', 20],
        [null, '進捗度', '44.4%'],
        ['評価指標(2)の進捗度', null, stated],
      ]);
    expect(findingsOf(book(table('53.0%')))).toEqual([]);
    expect(findingsOf(book(table('53.1%')))).toEqual([]);
    expect(keys(findingsOf(book(table('53.5%'))))).toEqual(['indicator-score-mismatch@S!C8']);
  });

  it('a stated 110 % is an error with the weighted arithmetic', () => {
    const f = findingsOf(book(progressSheet('別紙1', years, keihin), summary('110%')));
    expect(keys(f)).toEqual(['indicator-score-mismatch@本文!E3']);
    expect(f[0]).toMatchObject({ expected: 103, stated: 110 });
    expect(f[0].calc).toMatch(/^\(33 × 137\.93 \+ 33 × 68 \+ 33 × 103\.4\d?\) ÷ 99 = 103\.1\d? → 103$/);
  });
});

describe('weights', () => {
  it('33 + 33 + 33 is fine; 50 + 30 is not', () => {
    const ok = findingsOf(book(progressSheet('S', years, keihin)));
    expect(ok.filter((x) => x.rule === 'weights-sum')).toEqual([]);
    const bad = keihin.slice(0, 2).map((b, i) => ({ ...b, weight: `寄与度(※):${i === 0 ? 50 : 30}%` }));
    const f = findingsOf(book(progressSheet('S', years, bad)));
    expect(f.filter((x) => x.rule === 'weights-sum').map((x) => [x.cell, x.stated, x.expected])).toEqual([['B4', 80, 100]]);
  });

  it('weights written in 割 (`寄与度：5割`, `五割`, `3割3分`) are those percentages: 5割 + 五割 is 100, not 10', () => {
    const two = (a: string, b: string) => keihin.slice(0, 2).map((x, i) => ({ ...x, weight: `寄与度(※):${i === 0 ? a : b}` }));
    expect(findingsOf(book(progressSheet('S', years, two('5割', '五割')))).filter((x) => x.rule === 'weights-sum')).toEqual([]);
    // In parentheses too, as `寄与度（50%）` is read.
    expect(findingsOf(book(progressSheet('S', years, two('（5割）', '（5割）')))).filter((x) => x.rule === 'weights-sum' || x.rule === 'weights-missing')).toEqual([]);
    expect(findingsOf(book(progressSheet('S', years, two('3割3分', '3割3分')))).filter((x) => x.rule === 'weights-sum').map((x) => [x.cell, x.stated, x.expected])).toEqual([['B4', 66, 100]]);
  });

  it('decimal weights may each be off by half their last digit, the ends included: 50.1 + 50.0 passes, 50.2 + 50.0 does not', () => {
    const pair = (a: string, b: string) =>
      findingsOf(book(progressSheet('S', years, keihin.slice(0, 2).map((x, i) => ({ ...x, weight: `寄与度(※):${i === 0 ? a : b}%` })))))
        .filter((x) => x.rule === 'weights-sum')
        .map((x) => [x.cell, x.stated, x.params.slack]);
    // 100.1 − 0.05 − 0.05 = 100 exactly: on the end of the slack.
    expect(pair('50.1', '50.0')).toEqual([]);
    expect(pair('49.9', '50.0')).toEqual([]);
    expect(pair('50.2', '50.0')).toEqual([['B4', 100.2, '0.1']]);
    expect(pair('49.8', '50.0')).toEqual([['B4', 99.8, '0.1']]);
    expect(pair('33.3', '66.6')).toEqual([]);
    expect(pair('33.33', '66.66')).toEqual([]);
    expect(pair('33.32', '66.66')).toEqual([['B4', 99.98, '0.01']]);
  });

  it.each([
    ['as ratios (0.33 each: 33 % to the whole percent)', '0.33', '0.50'],
    ['as fractions (1/3 each)', '1/3', '1/2'],
    ['as fractions in words (3分の1 each)', '３分の１', '2分の1'],
    ['as fractions in kanji (三分の一 each)', '三分の一', '二分の一'],
  ])('weights written %s sum to 100; the same with two of them do not', (_, third, half) => {
    const ok = findingsOf(book(progressSheet('S', years, keihin.map((b) => ({ ...b, weight: `寄与度(※):${third}` })))));
    expect(ok.filter((x) => x.rule === 'weights-sum')).toEqual([]);
    const halves = findingsOf(book(progressSheet('S', years, keihin.slice(0, 2).map((b) => ({ ...b, weight: `寄与度(※):${half}` })))));
    expect(halves.filter((x) => x.rule === 'weights-sum')).toEqual([]);
    const short = findingsOf(book(progressSheet('S', years, keihin.slice(0, 2).map((b) => ({ ...b, weight: `寄与度(※):${third}` })))));
    expect(short.filter((x) => x.rule === 'weights-sum').map((x) => [x.cell, x.expected])).toEqual([['B4', 100]]);
  });

  it('a summary stating its weights as ratios (0.33, a `# ?/?` cell showing 1/3) restates 33 %, as the progress table reads them', () => {
    const withWeights = (weights: Spec[]) =>
      sheet('本文', [
        ['評価対象年度：令和元年度'],
        ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度', '寄与度'],
        ['評価指標(1)', '', '', '', '103%', ''],
        ['', '数値目標(1)-①', '87億円', '120億円', '138%', weights[0]],
        ['', '数値目標(1)-②', '200人', '136人', '68%', weights[1]],
        ['', '数値目標(1)-③', '49,000人', '50,666人', '103%', weights[2]],
      ]);
    const third = { v: 1 / 3, fmt: '# ?/?' };
    // Before, each was a summary-mismatch of the weight against itself or the table's 33 %: expected 33, stated 0.33.
    for (const weights of [[0.33, 0.33, 0.33], ['0.33', '0.33', '0.33'], [third, third, third]] as Spec[][]) {
      expect(findingsOf(book(progressSheet('別紙1', years, keihin.map((b) => ({ ...b, weight: '寄与度(※):' }))), withWeights(weights)))).toEqual([]);
      expect(findingsOf(book(progressSheet('別紙1', years, keihin), withWeights(weights)))).toEqual([]);
    }
    // A ratio that is not the table's weight still differs from it: 0.5 is 50 %.
    const f = findingsOf(book(progressSheet('別紙1', years, keihin), withWeights([0.33, 0.5, 0.33])));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', 'F5', 33, 50]]);
  });

  it('three weights of 1/3 give the plain mean of the three progresses', () => {
    const thirds = keihin.map((b) => ({ ...b, weight: '寄与度(※):1/3' }));
    // (137.93 + 68 + 103.40) ÷ 3 = 103.11 → 103.
    expect(findingsOf(book(progressSheet('別紙1', years, thirds), summary('103%', ['33%', '33%', '33%'])))).toEqual([]);
    expect(keys(findingsOf(book(progressSheet('別紙1', years, thirds), summary('106%', ['33%', '33%', '33%']))))).toEqual(['indicator-score-mismatch@本文!E3']);
  });

  it('several targets and no weights: a warning, and equal weights are used', () => {
    const none = keihin.map((b) => ({ ...b, weight: '寄与度(※):' }));
    const f = findingsOf(book(progressSheet('S', years, none), summary('103%', ['', '', ''])));
    expect(keys(f)).toEqual(['weights-missing@S!B4']);
  });

  it('some targets without a weight (50% | - | 50%): a warning at the gap, and the value either the given weights (the gap as 0) or equal weights give is accepted', () => {
    const partly = keihin.map((b, i) => ({ ...b, weight: i === 1 ? '寄与度(※):-(%)' : '寄与度(※):50%' }));
    const at = (stated: string) => findingsOf(book(progressSheet('S', years, partly), summary(stated, ['50%', '', '50%'])));
    // R1: (50 × 137.93 + 50 × 103.40) ÷ 100 = 120.67 → 121 with the weights given; (137.93 + 68 + 103.40) ÷ 3 = 103.11 → 103 equally.
    expect(keys(at('121%'))).toEqual(['weights-missing@S!B7']);
    expect(keys(at('103%'))).toEqual(['weights-missing@S!B7']);
    const wrong = at('110%');
    expect(wrong.map((f) => [f.rule, f.expected, f.stated])).toEqual([
      ['weights-missing', null, null],
      ['indicator-score-mismatch', 103, 110],
    ]);
    expect(formatFinding(wrong[0], 'ja')).toBe('評価指標(1)の数値目標(1)-②に寄与度が記載されていません。均等の寄与度で計算し、記載された寄与度(記載のない目標を 0 とする)で計算した値も正しいとみなしました。');
    expect(formatFinding(wrong[0], 'en')).toBe('Indicator (1): target (1)-② gives no weight; equal weights were used, and the value from the weights given (the missing one counted as 0) is accepted too.');
  });

  it('the recalculation rewrites neither reading of partly given weights, and with formulas asked for says an indicator got its value', () => {
    const partly = keihin.map((b, i) => ({ ...b, weight: i === 1 ? '寄与度(※):-(%)' : '寄与度(※):50%' }));
    const plan = (stated: string, formulas = false) => planRecalculation(checkWorkbook(book(progressSheet('S', years, partly), summary(stated, ['50%', '', '50%']))).model, { formulas });
    expect(plan('121%').writes).toEqual([]);
    expect(plan('103%').writes).toEqual([]);
    const wrong = plan('110%', true);
    expect(wrong.writes.map((w) => [w.sheet, w.address, w.value, w.formula ?? null])).toEqual([['本文', 'E3', '103%', null]]);
    expect(wrong.valuesInsteadOfFormulas).toEqual(['本文!E3']);
  });

  it('a target of 0 stating no progress (`-`) is left out of its indicator’s mean, the others’ weights making the whole (the value with it as 0 is accepted too); alone in its indicator (000_’s IPO), it leaves the indicator unchecked', () => {
    const rows: Spec[][] = [
      [null, null, '令和3年度', '令和4年度', '令和5年度'],
      ['数値目標(1)-① 投資額', '目標値', 100, 100, 100],
      [null, '実績値', 120, 90, 110],
      ['寄与度(※):50%', '進捗度(%)', 120, 90, 110],
      ['数値目標(1)-② 上場件数', '目標値', 0, 0, 1],
      [null, '実績値', 0, 1, 1],
      ['寄与度(※):50%', '進捗度(%)', '-', '-', 100],
    ];
    const table = (stated: Spec[]) => book(sheet('S', [...rows, ['評価指標(1)の進捗度', null, ...stated]]));
    const at = (stated: Spec[]) => findingsOf(table(stated)).filter((f) => f.rule === 'indicator-score-mismatch');
    expect(at(['120%', '90%', '105%'])).toEqual([]);
    expect(at(['60%', '45%', '105%'])).toEqual([]);
    const wrong = at(['130%', '95%', '105%']);
    expect(wrong.map((f) => [f.cell, f.expected, f.stated, f.calc])).toEqual([
      ['C8', 120, 130, '(50 × 120) ÷ 50 = 120 → 120'],
      ['D8', 90, 95, '(50 × 90) ÷ 50 = 90 → 90'],
    ]);
    expect(formatFinding(wrong[0], 'ja')).toBe('評価指標(1) 令和3年度の進捗度 130% は、数値目標の進捗度の寄与度付き平均 120%(目標値が 0 で進捗度のない数値目標(1)-②を除く) と一致しません。 ((50 × 120) ÷ 50 = 120 → 120)');
    expect(formatFinding(wrong[0], 'en')).toBe("Indicator (1), FY2021: stated progress 130% differs from the weighted mean of its targets' progress, 120% (leaving out target (1)-②: a target of 0 and no progress stated). ((50 × 120) ÷ 50 = 120 → 120)");
    expect(planRecalculation(checkWorkbook(table(['130%', '95%', '105%'])).model).writes.map((w) => [w.address, w.value])).toEqual([
      ['C8', '120%'],
      ['D8', '90%'],
    ]);
    const alone = book(sheet('S', [rows[0], ['数値目標(1) 上場件数', ...rows[4].slice(1)], rows[5], rows[6], ['評価指標(1)の進捗度', null, '50%', '50%', '100%']]));
    expect(findingsOf(alone).filter((f) => f.rule === 'indicator-score-mismatch')).toEqual([]);
  });

  it('a single target needs no weight', () => {
    const f = findingsOf(book(progressSheet('S', years, [{ label: '数値目標(2) 事業数 30件(累計)', target: ['4件', '5件', '6件', '7件', '8件'], actual: ['6件', '5件', '5件'], progress: ['150%', '100%', '83%'] }])));
    expect(f).toEqual([]);
  });
});

describe('weights listed in the indicator title', () => {
  const Y = ['令和3年度', '令和4年度', '令和5年度'];
  const block = (label: string, t: string[], a: string[], p: string[]) => [
    [label, '目標値', ...t],
    [null, '実績値', ...a],
    [null, '進捗度', ...p],
  ];
  const b1 = (label: string) => block(label, ['100社', '120社', '140社'], ['110社', '114社', '150社'], ['110%', '95%', '107%']);
  const b2 = (label: string) => block(label, ['50件', '50件', '50件'], ['40件', '60件', '55件'], ['80%', '120%', '110%']);
  const b3 = (label: string) => block(label, ['10件', '10件', '10件'], ['10件', '10件', '10件'], ['100%', '100%', '100%']);

  it('`（寄与度：(1)-①60%、(1)-②40%）` in the title over the blocks: the targets\' weights, summed as any (30% planted: at the title)', () => {
    const table = (second: string) =>
      sheet('S', [[null, null, ...Y], [`評価指標(1) 産業集積（寄与度：(1)-①60%、(1)-②${second}）`], ...b1('数値目標(1)-① 連携企業数'), ...b2('数値目標(1)-② 起業件数')]);
    expect(findingsOf(book(table('40%')))).toEqual([]);
    const bad = findingsOf(book(table('30%')));
    expect(bad.map((x) => [x.rule, x.cell, x.stated])).toEqual([['weights-sum', 'A2', 90]]);
  });

  it('`［寄与度 ①50％ ②30％ ③20％］` (full-width, the indicator\'s number only in the title); a target the list leaves out still lacks one', () => {
    const table = (list: string) =>
      sheet('S', [[null, null, ...Y], [`評価指標１：産業集積［寄与度 ${list}］`], ...b1('数値目標(1)-① 連携企業数'), ...b2('数値目標(1)-② 起業件数'), ...b3('数値目標(1)-③ 研修数')]);
    expect(findingsOf(book(table('①50％ ②30％ ③20％'))).filter((x) => x.rule.startsWith('weights'))).toEqual([]);
    expect(findingsOf(book(table('①50％ ②30％ ③30％'))).filter((x) => x.rule.startsWith('weights')).map((x) => [x.rule, x.cell, x.stated])).toEqual([['weights-sum', 'A2', 110]]);
    expect(keys(findingsOf(book(table('①50％ ②50％'))).filter((x) => x.rule.startsWith('weights')))).toEqual(['weights-missing@S!A9']);
  });

  it('a weight a block states itself is kept over the title\'s', () => {
    const rows = [[null, null, ...Y], ['評価指標(1) 産業集積（寄与度：(1)-①60%、(1)-②40%）'], ...b1('数値目標(1)-① 連携企業数（寄与度50%）'), ...b2('数値目標(1)-② 起業件数（寄与度50%）')];
    expect(findingsOf(book(sheet('S', rows))).filter((x) => x.rule.startsWith('weights'))).toEqual([]);
  });
});

describe('a row of each target\'s weight × progress (寄与度×進捗度)', () => {
  const Y = ['令和3年度', '令和4年度', '令和5年度'];
  const table = (label: string, part: string) =>
    sheet('S', [
      [null, null, ...Y],
      ['数値目標(1)-① 連携企業数', '目標値', '100社', '100社', '100社'],
      [null, '実績値', '110社', '120社', '128社'],
      ['寄与度(※):50%', '進捗度', '110%', '120%', '128%'],
      [null, label, '55%', '60%', part],
      ['数値目標(1)-② 起業件数', '目標値', '50件', '50件', '50件'],
      [null, '実績値', '40件', '60件', '55件'],
      ['寄与度(※):50%', '進捗度', '80%', '120%', '110%'],
      [null, label, '40%', '60%', '55%'],
      ['評価指標(1)の進捗度', null, '95%', '120%', '119%'],
    ]);

  it('right products say nothing; 74% where 0.5 × 128% = 64% is found at its cell, the computation shown', () => {
    expect(findingsOf(book(table('寄与度×進捗度', '64%')))).toEqual([]);
    const bad = findingsOf(book(table('寄与度×進捗度', '74%')));
    expect(bad.map((x) => [x.rule, x.cell, x.expected, x.stated, x.calc])).toEqual([['indicator-score-mismatch', 'E5', 64, 74, '50 × 128 ÷ 100 = 64 → 64']]);
    expect(formatFinding(bad[0], 'ja')).toContain('寄与度 50% × 進捗度 128% ÷ 100 = 64%');
    expect(formatFinding(bad[0], 'en')).toContain('50% × 128% ÷ 100 = 64%');
  });

  it('labelled `寄与度を乗じた進捗度`, and written as ratios (0.64): the same', () => {
    expect(findingsOf(book(table('寄与度を乗じた進捗度', '64%')))).toEqual([]);
    expect(keys(findingsOf(book(table('寄与度を乗じた進捗度', '74%'))))).toEqual(['indicator-score-mismatch@S!E5']);
    expect(findingsOf(book(table('寄与度×進捗度', 0.64 as unknown as string)))).toEqual([]);
  });

  const writesOf = (s: Spec[][]) => {
    const plan = planRecalculation(checkWorkbook(book(sheet('S', s))).model);
    const fixed = s.map((row) => [...row]);
    for (const w of plan.writes) fixed[w.row][w.col] = w.value as Spec;
    return { writes: plan.writes.map((w) => [w.address, w.value]), fixed };
  };
  const rows = (progress: string, part: Spec): Spec[][] => [
    [null, null, 'R3', 'R4', 'R5'],
    ['数値目標(1)-① 連携企業数', '目標値', '100社', '100社', '100社'],
    [null, '実績値', '110社', '120社', '128社'],
    ['寄与度(※):50%', '進捗度', '110%', '120%', progress],
    [null, '寄与度×進捗度', '55%', '60%', part],
  ];

  it('the recalculation rewrites a wrong product as weight × the progress it writes, so that a check of its result is clean', () => {
    // A wrong product of a right progress: 50% × 128% = 64%.
    expect(writesOf(rows('128%', '74%')).writes).toEqual([['E5', '64%']]);
    // A wrong progress and the product worked out from it: both rewritten (the product agreed with the progress alone).
    const both = writesOf(rows('138%', '69%'));
    expect(both.writes).toEqual([
      ['E4', '128%'],
      ['E5', '64%'],
    ]);
    expect(findingsOf(book(sheet('S', both.fixed)))).toEqual([]);
    // A ratio cell gets a ratio.
    expect(writesOf(rows('128%', 0.74)).writes).toEqual([['E5', 0.64]]);
  });

  it('a right product, of a progress the check accepts, is left as it is', () => {
    expect(writesOf(rows('128%', '64%')).writes).toEqual([]);
  });
});
