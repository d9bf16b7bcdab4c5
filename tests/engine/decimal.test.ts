import { describe, expect, it } from 'vitest';
import { dec, roundHalfUp } from '../../src/engine/decimal.js';
import { overallScore } from '../../src/engine/compute.js';

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
