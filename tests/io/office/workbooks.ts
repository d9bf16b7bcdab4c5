/** Fake workbooks for the Office adapter's tests, with the seeds' real numbers. */
import type { FakeSheetInit } from './fake-excel.js';

/**
 * `002_…` (Keihin, FY2019) 数値目標(1)-①, laid out from B2 (not A1): amounts in 億円 as numbers with
 * a unit format, progress as `0%` ratios. 平成30年度 is stated 110% (141/81 = 174%, a planted error),
 * 令和元年度 is blank (120/87 = 138%, missing); the 110% cell has a fill of its own.
 */
export function keihinSheet(name = '別紙1'): FakeSheetInit {
  const oku = '0"億円"';
  return {
    name,
    cells: {
      B2: '目標に向けた取組の進捗に関する評価',
      D3: '平成29年度',
      E3: '平成30年度',
      F3: '令和元年度',
      G3: '令和2年度',
      H3: '令和3年度',
      B4: '数値目標(1)-① 特区関連事業による投資額 475億円 (累計)',
      C4: '目標値',
      D4: { value: 115, numberFormat: oku },
      E4: { value: 81, numberFormat: oku },
      F4: { value: 87, numberFormat: oku },
      G4: { value: 93, numberFormat: oku },
      H4: { value: 99, numberFormat: oku },
      C5: '実績値',
      D5: { value: 119, numberFormat: oku },
      E5: { value: 141, numberFormat: oku },
      F5: { value: 120, numberFormat: oku },
      B6: '寄与度(※):33%',
      C6: '進捗度(%)',
      D6: { value: 1.04, numberFormat: '0%' },
      E6: { value: 1.1, numberFormat: '0%', fill: '#00B050' },
      F6: { numberFormat: '0%' },
    },
    merges: ['B4:B5'],
  };
}

/** A small sheet, for counting syncs. */
export function smallSheet(i: number): FakeSheetInit {
  return { name: `S${i}`, cells: { A1: `label ${i}`, B1: i, B2: { value: i / 100, numberFormat: '0%' } }, merges: ['A1:A2'] };
}
