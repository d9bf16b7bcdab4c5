import { describe, expect, it } from 'vitest';
import { parseGoal } from '../../src/engine/detect/goal.js';

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
  ])('%s', (text, goal) => {
    expect(read(text)).toEqual(goal);
  });

  it.each(['数値目標(1) 連携企業数', '数値目標(1) 令和5年度に開始した事業の件数', '数値目標(3) 5年間の取組', '数値目標(1) 令和3年度 180社から増やす'])('%s states no goal', (text) => {
    expect(parseGoal(text, ref)).toBeUndefined();
  });
});
