import { describe, expect, it } from 'vitest';
import { findFiscalYearIn, parseFiscalYear } from '../../src/engine/years.js';

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
    ['R5実績見込', 2023, false],
    ['令和5年度実績見込み', 2023, false],
    ['R5年度計画値', 2023, false],
    ['2023年度予定', 2023, false],
    ['令和5年度末', 2023, false],
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
    ['第３年度（令和５年度）', 2023, false],
    ['2年目 R4', 2022, false],
    // Two-digit years after FY; a fiscal year written as the months it spans.
    ['FY23', 2023, false],
    ["FY'23", 2023, false],
    ['H29.4～H30.3', 2017, false],
    ['2023.4-2024.3', 2023, false],
    ['平成29年4月～平成30年3月', 2017, false],
    ['令和5年4月〜令和6年3月', 2023, false],
  ])('%s → FY%i', (text, year, baseline) => {
    expect(parseFiscalYear(text)).toEqual({ year, baseline });
  });

  it.each(['目標値', '累計', '進捗度(%)', '令和', '12', 'H', '数値目標(1)', 'H30/R1', '2019/2020', 'R1/', 'R1/R1/R1', '2022(R5)年度', '2022(1)年度', '基準(H28)(R2)', '1年目', '3年度', '第2期', 'H29.4～H31.3', '2023年4月', 'R5.4～R5.9', 'FY2'])('%s is not a year header', (text) => {
    expect(parseFiscalYear(text)).toBeUndefined();
  });

  it('finds the evaluation year in a title', () => {
    expect(findFiscalYearIn('評価対象年度：令和5年度')).toBe(2023);
    expect(findFiscalYearIn('令和元年度 評価指標の進捗')).toBe(2019);
  });
});
