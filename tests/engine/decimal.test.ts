import { describe, expect, it } from 'vitest';
import { dec, roundHalfUp } from '../../src/engine/decimal.js';
import { overallScore, progressCalc, weightedProgress } from '../../src/engine/compute.js';
import { parseNumberText, type NumberValue } from '../../src/engine/numbers.js';

const num = (n: number) => parseNumberText(String(n)) as NumberValue;

describe('roundHalfUp: exact, never binary floating point', () => {
  it('3.95 → 4.0 and 4.25 → 4.3', () => {
    expect(roundHalfUp(dec(4).plus(dec('3.8')).plus(dec(8)).div(4), 1).toFixed(1)).toBe('4.0');
    expect(roundHalfUp(dec('4.8').plus(dec('4.2')).plus(dec(8)).div(4), 1).toFixed(1)).toBe('4.3');
  });

  it('rounds the seeds\' progress to whole percents', () => {
    const p = (a: number, t: number) => roundHalfUp(dec(a).div(t).times(100)).toNumber();
    expect([p(194, 180), p(37, 60), p(842, 200), p(312, 500), p(20, 45)]).toEqual([108, 62, 421, 62, 44]);
  });
});

describe('overall score (003_…): (Ⅰ + Ⅱ + 2·Ⅲ) ÷ 4', () => {
  it.each([
    [5, 4, 5, '4.8'],
    ['4.8', '3.7', '4.7', '4.5'],
    ['4.8', '4.2', 4, '4.3'],
    [4, '4.3', '4.2', '4.2'],
    [4, '3.8', 4, '4.0'],
    [4, '3.6', 4, '3.9'],
  ])('(%s, %s, %s) → %s', (a, b, c, expected) => {
    expect(overallScore(dec(a), dec(b), dec(c)).rounded.toFixed(1)).toBe(expected);
  });
});

describe('a calculation\'s text never shows a figure that rounds the other way', () => {
  it('7,190 ÷ 2,965 × 100 is 242.496 before → 242, not 242.5 (which a reader rounds to 243)', () => {
    expect(progressCalc(num(7190), num(2965), dec(7190).div(2965).times(100), 0)).toBe('7,190 ÷ 2,965 × 100 = 242.496 → 242');
    // A figure not at a half keeps its two decimals; one exactly at a half is shown as it is.
    expect(progressCalc(num(120), num(87), dec(120).div(87).times(100), 0)).toBe('120 ÷ 87 × 100 = 137.93 → 138');
    expect(progressCalc(num(8290), num(2000), dec(8290).div(2000).times(100), 0)).toBe('8,290 ÷ 2,000 × 100 = 414.5 → 415');
  });

  it('a weighted mean just under a half (101.4999…) and an overall score just under 4.25 say so', () => {
    const parts = [
      { target: '1', weight: dec(1), point: dec('101.4999') },
      { target: '2', weight: dec(1), point: dec('101.5') },
    ];
    expect(weightedProgress(parts).calc).toBe('(1 × 101.5 + 1 × 101.5) ÷ 2 = 101.49995 → 101');
    expect(overallScore(dec('4.2499'), dec('4.25'), dec('4.25')).calc).toBe('(4.2499 + 4.25 + 2 × 4.25) ÷ 4 = 4.24998 → 4.2');
  });
});
