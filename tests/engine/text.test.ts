import { describe, expect, it } from 'vitest';
import { compact, findIndicatorId, findTargetId, toHalfWidth } from '../../src/engine/text.js';

describe('数値目標 / 評価指標 ids', () => {
  it.each([
    ['数値目標(1)-① 特区関連事業による投資額 475億円 (累計)', '1', '1-①', '1-1'],
    ['数値目標（1）－①：特区関連事業による投資額', '1', '1-①', '1-1'],
    ['数値目標(1)ー② 就業者', '1', '1-②', '1-2'],
    ['数値目標（２）：事業数', '2', '2', '2'],
    ['数値目標(3) 1 件（令和7年度）', '3', '3', '3'],
    ['数値目標(1)③', '1', '1-③', '1-3'],
    ['数値目標(2)-1', '2', '2-①', '2-1'],
    // A sub-number in parentheses of its own, or a katakana one after a dash (outlines number ア, イ, ウ).
    ['数値目標(1)(2) 就業者数', '1', '1-②', '1-2'],
    ['数値目標（２）（１）：件数', '2', '2-①', '2-1'],
    ['数値目標(1)-イ 就業者数', '1', '1-②', '1-2'],
    ['数値目標(3)－ウ：件数', '3', '3-③', '3-3'],
    // Or a katakana one in parentheses of its own (`(1)(ア)`, `(1)(イ)`); not a name in katakana there.
    ['数値目標(1)(ア) 連携企業数', '1', '1-①', '1-1'],
    ['数値目標（１）（イ）：起業件数', '1', '1-②', '1-2'],
    // Not a sub-number: a figure in parentheses, a name in katakana.
    ['数値目標(1)(30件)', '1', '1', '1'],
    ['数値目標(1)-アクセス数', '1', '1', '1'],
    ['数値目標(1)(アクセス数)', '1', '1', '1'],
    // A sub-number after a point, as outlines number sections; not a figure after the id.
    ['数値目標1.2 就業者数', '1', '1-②', '1-2'],
    ['数値目標２．１：件数', '2', '2-①', '2-1'],
    ['数値目標1.5億円', '1', '1', '1'],
    ['数値目標1.5万人（累計）', '1', '1', '1'],
    ['数値目標1.', '1', '1', '1'],
    // Indicators lettered (`評価指標A`, `指標B`): the letter is the indicator's, half-width.
    ['数値目標A-① 連携企業数', 'A', 'A-①', 'A-1'],
    ['数値目標（Ｂ）－２：雇用者数', 'B', 'B-②', 'B-2'],
    ['数値目標B 雇用者数', 'B', 'B', 'B'],
  ])('%s', (text, indicator, display, key) => {
    expect(findTargetId(text)?.id).toEqual({ indicator, display, key });
  });

  it('reads 評価指標 numbers in both widths', () => {
    expect(findIndicatorId('評価指標（1）：連携企業数')?.indicator).toBe('1');
    expect(findIndicatorId('評価指標(12) 件数')?.indicator).toBe('12');
    expect(findIndicatorId('評価指標の考え方')).toBeUndefined();
    expect(findIndicatorId('評価指標A 産業集積')?.indicator).toBe('A');
    expect(findIndicatorId('評価指標（Ｂ）：雇用')?.indicator).toBe('B');
    expect(findIndicatorId('評価指標KPIの考え方')).toBeUndefined();
    expect(findTargetId('数値目標 CO2削減量')).toBeUndefined();
    expect(findTargetId('数値目標 IoT導入件数')).toBeUndefined();
  });

  it('reads Roman numerals as the indicator’s number (`評価指標Ⅰ`, `数値目標Ⅱ-①`, `数値目標（Ⅲ）－1`)', () => {
    expect(findIndicatorId('評価指標Ⅰ 投資')?.indicator).toBe('1');
    expect(findIndicatorId('評価指標（Ⅱ）：雇用')?.indicator).toBe('2');
    expect(findIndicatorId('評価指標Ⅻ')?.indicator).toBe('12');
    expect(findTargetId('数値目標Ⅱ-① 投資額')?.id).toEqual({ indicator: '2', display: '2-①', key: '2-1' });
    expect(findTargetId('数値目標（Ⅲ）－1')?.id).toEqual({ indicator: '3', display: '3-①', key: '3-1' });
    expect(findTargetId('数値目標Ⅳ 件数')?.id).toEqual({ indicator: '4', display: '4', key: '4' });
    // The Latin letters are no numerals here: `数値目標 I` may be any word.
    expect(findTargetId('数値目標 IT企業数')).toBeUndefined();
  });
});

describe('normalising text', () => {
  // The reference: what the helpers did with regular expressions before they skipped unchanged texts.
  const halfWidth = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  const compacted = (s: string) => halfWidth(s).replace(/[\s\u00a0\u200b]+/g, '');

  it('treats every character of the basic plane as the regular expressions do', () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const s = `a${String.fromCharCode(code)}b`;
      if (toHalfWidth(s) !== halfWidth(s) || compact(s) !== compacted(s)) differing.push(code);
    }
    expect(differing).toEqual([]);
  });

  it('returns texts with nothing to change as they are', () => {
    expect(compact('目標値')).toBe('目標値');
    expect(compact('数値目標（1）－① 特区　関連')).toBe('数値目標(1)-①特区関連');
    expect(toHalfWidth('１０４％')).toBe('104%');
  });
});
