import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/findings.js';
import { formatFinding } from '../../src/engine/messages/index.js';

/** A finding as the rules make it (the params are those of real findings from the engine's tests). */
const finding = (rule: Finding['rule'], expected: number | null, stated: number | null, params: Finding['params'], calc?: string): Finding => ({
  rule,
  severity: 'error',
  sheet: 'S',
  cell: 'A1',
  expected,
  stated,
  ...(calc ? { calc } : {}),
  params,
});

describe('messages in English', () => {
  it('write a percentage as the workbook and the other messages do, with no space before %', () => {
    const progress = finding('summary-mismatch', 80, 85, { target: '1-②', indicator: '1', year: 2023, field: 'progress', unit: '%' });
    expect(formatFinding(progress, 'en')).toBe("Summary of target (1)-②: the progress 85% differs from the progress table's FY2023 value, 80%.");
    const weight = finding('summary-mismatch', 70, 60, { target: '1-①', indicator: '1', year: 2023, field: 'weight', unit: '%' });
    expect(formatFinding(weight, 'en')).toBe("Summary of target (1)-①: the weight 60% differs from the progress table's FY2023 value, 70%.");
    const bound = finding('summary-mismatch', 172, 200, { target: '3', indicator: '3', year: 2019, field: 'progress', unit: '%', said: '以上' });
    expect(formatFinding(bound, 'en')).toBe("Summary of target (3): the progress 200% or more differs from the progress table's FY2019 value, 172%.");
    // Other units stay spaced: 億円 is a word after the number.
    const amount = finding('summary-mismatch', 120, 125, { target: '1-①', indicator: '1', year: 2021, field: 'actual', unit: '億円' });
    expect(formatFinding(amount, 'en')).toContain('the actual 125 億円 differs');
  });
});
