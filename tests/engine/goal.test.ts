import { describe, expect, it } from 'vitest';
import { parseGoal } from '../../src/engine/detect/goal.js';
import type { ValueCell } from '../../src/engine/model.js';

const ref = { sheet: 'S', row: 0, col: 0 };
const read = (text: string) => {
  const g = parseGoal(text, ref);
  return g && g.value.kind === 'number' ? [g.value.value.toFixed(), g.value.unit, g.cumulative, g.year] : undefined;
};

describe('the plan goal in a 数値目標 label', () => {
  it.each([
    ['数値目標(1)-① 特区関連事業による投資額 475億円 (累計)', ['47500000000', '円', true, null]],
    ['数値目標(1) 180 社（令和3年度）→900 社（令和7年度）', ['900', '社', false, 2025]],
    ['数値目標(1) 900社（令和7年度末）', ['900', '社', false, 2025]],
    ['数値目標(1) 900社(R7)', ['900', '社', false, 2025]],
    ['数値目標(1) 累計475億円', ['47500000000', '円', true, null]],
    ['数値目標(1) 900社以上（令和7年度）', ['900', '社', false, 2025]],
    ['数値目標(1) 5年間で475億円', ['47500000000', '円', true, null]],
    ['数値目標(1) 計画期間中に1,000人', ['1000', '人', true, null]],
    ['数値目標(1) 令和7年度までに900社', ['900', '社', false, 2025]],
    ['数値目標(1) R7年度末までに900社', ['900', '社', false, 2025]],
    ['数値目標(1) R7年度末 900社', ['900', '社', false, 2025]],
    ['数値目標(1) 累計で1,100人', ['1100', '人', true, null]],
    ['数値目標(1) 475億円(計画期間計)', ['47500000000', '円', true, null]],
    ['数値目標(1) 475億円（5か年計）', ['47500000000', '円', true, null]],
    ['数値目標(1) R7：900社', ['900', '社', false, 2025]],
    ['数値目標(1) 令和7年度: 900社', ['900', '社', false, 2025]],
    ['数値目標(1) R7年度 900社', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数 令和7年度　900社以上', ['900', '社', false, 2025]],
    ['数値目標(1) 就業者数 1,100人（5年間）', ['1100', '人', true, null]],
    ['数値目標(1) 投資額 475億円（計画期間）', ['47500000000', '円', true, null]],
    ['数値目標(1) 連携企業数（令和7年度目標 900社）', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数（目標：令和7年度 900社）', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数 900社（令和7年度達成）', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数を180社から900社に増加（令和7年度）', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数を180社から900社へ（R7）', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数 900社を目指す（令和7年度）', ['900', '社', false, 2025]],
    ['数値目標(1) （現状：令和2年度：180社、目標：令和7年度 900社）', ['900', '社', false, 2025]],
    ['数値目標(1) 令和7年度末の目標 900社', ['900', '社', false, 2025]],
    // A level as at a year's end: 現在, 時点, 残高 (a stock of loans, of residents).
    ['数値目標(1) 融資残高 150億円（令和7年度末残高）', ['15000000000', '円', false, 2025]],
    ['数値目標(1) 定住人口 52,000人（令和7年度末現在）', ['52000', '人', false, 2025]],
    ['数値目標(1) 融資残高 150億円（R7年度末時点の残高）', ['15000000000', '円', false, 2025]],
    ['数値目標(1) 立地企業数 令和7年度末時点で900社', ['900', '社', false, 2025]],
    ['数値目標(1) 立地企業数 R7時点：900社', ['900', '社', false, 2025]],
    ['数値目標(1) 立地企業数 900社（令和7年度・ストック）', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数　目標（令和7年度）：900社', ['900', '社', false, 2025]],
    ['数値目標(1) 連携企業数　目標値(R7年度末) 900社', ['900', '社', false, 2025]],
  ])('%s', (text, goal) => {
    expect(read(text)).toEqual(goal);
  });

  it.each(['数値目標(1) 連携企業数', '数値目標(1) 令和5年度に開始した事業の件数', '数値目標(3) 5年間の取組', '数値目標(1) 令和3年度 180社から増やす', '数値目標(1) 件数 120件（年間）', '数値目標(1) 基準 令和2年度 180社', '数値目標(1) 現状 令和2年度：180社', '数値目標(1) 180社（令和2年度現状）', '数値目標(1) 180社から増加（令和7年度）', '数値目標(1) 180社に対し（令和2年度）', '数値目標(1) 目標 20001人', '数値目標(1) 令和5年で900社', '数値目標(1) 件数 120件/年', '数値目標(1) 現状 令和2年度時点で180社', '数値目標(1) 令和2年度時点 180社から増やす'])('%s states no goal', (text) => {
    expect(parseGoal(text, ref)).toBeUndefined();
  });

  it.each(['数値目標(1) 来訪者数 1,2345人（累計）', '数値目標(1) 来訪者数 1，2345人（累計）', '数値目標(1) 来訪者数 12,34人（累計）', '数値目標(1) 来訪者数 1.2,345人（累計）', '数値目標(1) 来訪者数 1,234,5人（令和3年度）', '数値目標(1) 来訪者数 累計1,2345人'])(
    'a goal whose number is written wrong (%s) is none, never its tail or its digits closed up, and is kept for a warning',
    (text) => {
      const unread: ValueCell[] = [];
      expect(parseGoal(text, ref, undefined, unread)).toBeUndefined();
      expect(unread.map((c) => [c.parsed.kind, c.ref])).toEqual([['invalid', ref]]);
    },
  );

  it.each([
    ['数値目標(1) 投資額 1億2,000万円（累計）', ['120000000', '円', true, null]],
    ['数値目標(1) 投資額 1億2千万円（累計）', ['120000000', '円', true, null]],
    ['数値目標(1) 投資額 計画期間中に1億2,000万円', ['120000000', '円', true, null]],
    ['数値目標(1) 就業者数 令和7年度までに1万2千人', ['12000', '人', false, 2025]],
    ['数値目標(1) 就業者数 3万5千人（令和7年度）', ['35000', '人', false, 2025]],
  ])('a goal written with several scales (%s) is the whole number, never its last part', (text, goal) => {
    expect(read(text)).toEqual(goal);
  });

  it('a goal in a form no number takes (`4百75億円（累計）`) is none, kept for a warning, never its tail (75億円)', () => {
    const unread: ValueCell[] = [];
    expect(parseGoal('数値目標(1) 投資額 4百75億円（累計）', ref, undefined, unread)).toBeUndefined();
    expect(unread).toHaveLength(1);
  });

  it.each([
    ['数値目標(1)-① 投資額 475億円/5年（累計）', ['47500000000', '円', true, null]],
    ['数値目標(1)-① 投資額 475億円／5年', ['47500000000', '円', true, null]],
    ['数値目標(1)-① 投資額 475億円/5年間', ['47500000000', '円', true, null]],
    ['数値目標(1)-① 投資額 5年で475億円', ['47500000000', '円', true, null]],
    ['数値目標(1)-① 投資額 4.75百億円（累計）', ['47500000000', '円', true, null]],
    ['数値目標(1)-① 投資額 累計 475億円/5年', ['47500000000', '円', true, null]],
    ['数値目標(1) 件数 120件/年（R7）', ['120', '件', false, 2025]],
  ])('a total over the plan’s years written after the figure or in 百億 (%s) is read, its unit without the slash', (text, goal) => {
    // Before: `/5年（累計）` left the goal unread, naming `5年(累計)` as its figure; `／5年` and `5年で` stated no goal;
    // `4.75百億円` was 4.75 of a unit 百億円; `475億円/5年` after 累計 had the unit `円/`.
    expect(read(text)).toEqual(goal);
  });

  it('goals listed with commas between them are each read: `1,000人,2,000人（累計）`', () => {
    expect(read('数値目標(1) 来訪者数 1,000人（令和2年度）,2,000人（累計）')).toEqual(['2000', '人', true, null]);
  });

  it.each([
    ['数値目標(1) 投資額 約500億円 (累計)', true, null],
    ['数値目標(1) 投資額 累計約500億円', true, null],
    ['数値目標(1) 投資額 5年間で約500億円', true, null],
    ['数値目標(1) 投資額 令和3年度までに約500億円', false, 2021],
    ['数値目標(1) 投資額 約500億円（令和3年度）', false, 2021],
  ])('an approximate goal (%s) is read with its 約: 450–550 億円, known to its last digit other than a zero', (text, cumulative, year) => {
    const g = parseGoal(text, ref);
    expect(g && g.value.kind === 'number' && [g.value.lo.toFixed(), g.value.hi.toFixed(), g.cumulative, g.year]).toEqual(['45000000000', '55000000000', cumulative, year]);
  });
});

describe('goals written with the year before the figure, or a stock with none', () => {
  it.each([
    ['数値目標(1) 立地企業数（令和5年度末）300社', ['300', '社', false, 2023]],
    ['数値目標(1) 立地企業数 (R7年度末時点) 900社', ['900', '社', false, 2025]],
    ['数値目標(1) 立地企業数（ストック） 310社', ['310', '社', false, null]],
    ['数値目標(1) 立地企業数 310社（ストック）', ['310', '社', false, null]],
  ])('%s', (text, expected) => expect(read(text)).toEqual(expected));

  it('a figure after a year in parentheses where the count starts (`（令和2年度）180社から`, `→`) is no goal; the level it rises to is', () => {
    expect(read('数値目標(1) 立地企業数（令和2年度）180社から増加')).toBeUndefined();
    expect(read('数値目標(1) 立地企業数（令和2年度）180社→（令和7年度）900社')).toEqual(['900', '社', false, 2025]);
  });
});
