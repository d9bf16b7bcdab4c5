import { describe, expect, it } from 'vitest';
import { findFiscalYearIn, fiscalYearOfDate, namesPartOfYearIn, parseFiscalYear, planPeriod } from '../../src/engine/years.js';

describe('fiscal-year headers', () => {
  it.each([
    ['平成29年度', 2017, false],
    ['平成30年度', 2018, false],
    ['令和元年度', 2019, false],
    ['令和3年度', 2021, false],
    ['令和７年度', 2025, false],
    ['当初(令和3年度)', 2021, true],
    ['当初（令和3年度）', 2021, true],
    ['R5', 2023, false],
    ['H29', 2017, false],
    ['2023年度', 2023, false],
    ['FY2023', 2023, false],
    ['ＦＹ２０２３', 2023, false],
    ['令和5年度(実績)', 2023, false],
    ['H31/R1', 2019, false],
    ['Ｈ３１／Ｒ１', 2019, false],
    ['平成31年度/令和元年度', 2019, false],
    ['平成31年度・令和元年度', 2019, false],
    ['当初(H31/R1)', 2019, true],
    ['2022(R4)年度', 2022, false],
    ['2019(R1)目標値', 2019, false],
    ['R1(2019)実績', 2019, false],
    ['R5実績見込', 2023, false],
    ['令和5年度実績見込み', 2023, false],
    ['R5年度計画値', 2023, false],
    ['2023年度予定', 2023, false],
    ['令和5年度末', 2023, false],
    // What kind of figures the column holds, written after the year without parentheses.
    ['R1速報', 2019, false],
    ['令和元年度速報値', 2019, false],
    ['R5年度確定値', 2023, false],
    ['R5暫定', 2023, false],
    ['H30確報', 2018, false],
    ['令和4(2022)年度', 2022, false],
    ['R4（2022）年度', 2022, false],
    ['H31(2019)年度', 2019, false],
    // The baseline marked after its year, in parentheses or not.
    ['H28(基準)', 2016, true],
    ['H28年度(基準年)', 2016, true],
    ['2020年度（基準年度）', 2020, true],
    ['R3(当初)', 2021, true],
    ['R2(現状値)', 2020, true],
    ['H27実績(基準値)', 2015, true],
    ['R2現状', 2020, true],
    ['策定時(R2)', 2020, true],
    ['計画策定時（令和2年度）', 2020, true],
    ['R2(策定時)', 2020, true],
    // A note naming the first plan is no baseline.
    ['令和3年度(当初計画)', 2021, false],
    ['R3(初年度)', 2021, false],
    // The plan's year counted, then the year itself: `1年目(H29)`, `第1期（令和3年度）`.
    ['1年目(H29)', 2017, false],
    ['1年目\n(H29)', 2017, false],
    ['第2期(R4)', 2022, false],
    // Or named: the plan's first, middle and last years have targets; none is a baseline.
    ['2年度目(H30)', 2018, false],
    ['初年度(H29)', 2017, false],
    ['計画初年度（H29）', 2017, false],
    ['中間年度(R1)', 2019, false],
    ['最終年度\n(R3)', 2021, false],
    ['第３年度（令和５年度）', 2023, false],
    ['2年目 R4', 2022, false],
    // Two-digit years after FY; a fiscal year written as the months it spans.
    ['FY23', 2023, false],
    ["FY'23", 2023, false],
    ['H29.4～H30.3', 2017, false],
    ['2023.4-2024.3', 2023, false],
    ['平成29年4月～平成30年3月', 2017, false],
    ['令和5年4月〜令和6年3月', 2023, false],
    // The era's first character, as Excel shows `gg`.
    ['平29年度', 2017, false],
    ['令5年度', 2023, false],
    ['令元年度', 2019, false],
    ['昭63年度', 1988, false],
    // A month's end: the fiscal year the month belongs to, April to March.
    ['H30.3末', 2017, false],
    ['R5.3月末', 2022, false],
    ['Ｒ５．３月末', 2022, false],
    ['平成30年3月末', 2017, false],
    ['2018年3月末時点', 2017, false],
    ['R2.3末現在', 2019, false],
    ['R5.12末', 2023, false],
    ['R5.4月末(実績)', 2023, false],
    ['基準値(H28.3末)', 2015, true],
    // A note mark after the year (the note under the table says of what): `R5※`, `令和5年度※1`, `R5*`, `R5(見込)※`.
    ['R5※', 2023, false],
    ['令和5年度※1', 2023, false],
    ['Ｒ５※２', 2023, false],
    ['R5*', 2023, false],
    ['R5(見込)※', 2023, false],
    ['H28(基準)※', 2016, true],
  ])('%s → FY%i', (text, year, baseline) => {
    expect(parseFiscalYear(text)).toEqual({ year, baseline });
  });

  it.each(['目標値', '累計', '進捗度(%)', '令和', '12', 'H', '数値目標(1)', 'H30/R1', '2019/2020', 'R1/', 'R1/R1/R1', '2022(R5)年度', '2022(1)年度', '基準(H28)(R2)', '1年目', '3年度', '第2期', 'H29.4～H31.3', '2023年4月', 'R5.4～R5.9', 'FY2', '平', '29年度', 'H30.3', 'R5.3.31', 'R5.13末', '1234.3末', '平均29', '※', 'R※5', '※R5'])('%s is not a year header', (text) => {
    expect(parseFiscalYear(text)).toBeUndefined();
  });

  // Before, a note in parentheses was dropped whatever it said: `R3(上期)` and `R3(下期)` were both FY2021.
  it.each(['R3(上期)', 'R3（下期）', '令和3年度（上半期）', '令和3年度(下半期)', 'R5(第1四半期)', 'Ｒ５（第２四半期）', '2023年度(1Q)', 'R5(Q4)', '令和3年度（4～9月）', 'R3(10月～3月)'])(
    '%s names part of a year, not a year header',
    (text) => {
      expect(parseFiscalYear(text)).toBeUndefined();
    },
  );

  it('a note of the months April to March is the whole year: `R3(4月～3月)` is FY2021', () => {
    expect(parseFiscalYear('R3(4月～3月)')).toEqual({ year: 2021, baseline: false });
  });

  it('a date shown by its year’s digits alone (`e"年度"` → 29年度, `yy"年度"` → 17年度) is the date’s year, whose digits they must be', () => {
    const h29 = '2017-04-01T00:00:00.000Z';
    expect(fiscalYearOfDate(h29, '29年度')).toEqual({ year: 2017, baseline: false });
    expect(fiscalYearOfDate(h29, '17年度')).toEqual({ year: 2017, baseline: false });
    expect(fiscalYearOfDate('2019-04-01T00:00:00.000Z', '31年度')).toEqual({ year: 2019, baseline: false });
    expect(fiscalYearOfDate('2019-05-01T00:00:00.000Z', '元年度')).toEqual({ year: 2019, baseline: false });
    // Office.js gives the serial number: 42826 is 2017-04-01.
    expect(fiscalYearOfDate(42826, '29年度')).toEqual({ year: 2017, baseline: false });
    // Digits that are not the date's year, or a text that is not its year alone.
    expect(fiscalYearOfDate(h29, '30年度')).toBeUndefined();
    expect(fiscalYearOfDate(h29, '4月')).toBeUndefined();
    expect(fiscalYearOfDate('not a date', '29年度')).toBeUndefined();
  });

  it('finds the evaluation year in a title', () => {
    expect(findFiscalYearIn('評価対象年度：令和5年度')).toBe(2023);
    expect(findFiscalYearIn('令和元年度 評価指標の進捗')).toBe(2019);
  });

  it('a title naming two years takes the one whose results it evaluates (`令和２年度評価書（令和元年度実績）`)', () => {
    expect(findFiscalYearIn('令和２年度総合特別区域評価書（令和元年度実績）')).toBe(2019);
    expect(findFiscalYearIn('令和２年度評価書（令和元年度分）')).toBe(2019);
    expect(findFiscalYearIn('R2年度評価書（R1年度実績）')).toBe(2019);
    expect(findFiscalYearIn('令和元年度評価（令和２年度実施）')).toBe(2019);
    expect(findFiscalYearIn('令和5年度実績')).toBe(2023);
  });
});

describe('titles naming a half or a quarter of a year', () => {
  it('tells them from titles naming the whole year', () => {
    for (const t of ['評価対象年度：令和5年度上半期', '令和５年度（下期）', 'R5年度 第1四半期', '2023年度 Q2', '評価対象期間：令和5年4月～9月', '令和5年度10～3月']) expect(namesPartOfYearIn(t), t).toBe(true);
    for (const t of ['評価対象年度：令和5年度', '評価対象期間：令和5年4月～令和6年3月', '令和5年度評価書（令和4年度実績）', '上半期の実績']) expect(namesPartOfYearIn(t), t).toBe(false);
  });
});

describe('plan periods', () => {
  it.each([
    ['475億円（平成29～令和3年度累計）', { years: 5, to: 2021 }],
    ['令和4～8年度', { years: 5, to: 2026 }],
    // Without a 年: the years' numbers before the dash, in either width.
    ['R4～8', { years: 5, to: 2026 }],
    ['Ｒ４～８', { years: 5, to: 2026 }],
    ['2022-2026', { years: 5, to: 2026 }],
    ['２０２２－２０２６', { years: 5, to: 2026 }],
    ['5か年', { years: 5, to: null }],
    ['５年間', { years: 5, to: null }],
    // From one year to another in words.
    ['計画期間：令和元年度から令和5年度まで', { years: 5, to: 2023 }],
    ['R1からR5', { years: 5, to: 2023 }],
    ['令和4年度から8年度まで', { years: 5, to: 2026 }],
  ])('reads the plan %s names', (label, period) => {
    expect(planPeriod(label)).toEqual(period);
  });

  it('finds none in a label naming no years, dashes and all (`数値目標(1)-① 投資額 475億円 (累計)`)', () => {
    expect(planPeriod('数値目標(1)-① 投資額 475億円 (累計)')).toBeUndefined();
    expect(planPeriod('数値目標（1）－① 投資額 475億円（累計）')).toBeUndefined();
  });
});
