/** A finding is data: the rule, where, the numbers and the arithmetic. Words come from messages/. */
import { a1 } from './grid.js';
import type { CellRef } from './model.js';

export type Severity = 'error' | 'warning' | 'info';

export const RULE_IDS = [
  'progress-mismatch',
  'progress-missing',
  'progress-orphan',
  'indicator-score-mismatch',
  'weights-sum',
  'weights-missing',
  'cumulative-total-mismatch',
  'cumulative-goal-unchecked',
  'stock-goal-mismatch',
  'stock-decrease',
  'target-missing',
  'sum-mismatch',
  'cumulative-column-short',
  'overall-score-mismatch',
  'overall-score-orphan',
  'overall-score-missing',
  'summary-mismatch',
  'unparseable-number',
  'unit-mismatch',
  'zero-target',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  expected: number | null;
  stated: number | null;
  /** The arithmetic behind `expected`, e.g. `120 ÷ 87 × 100 = 137.93 → 138`. */
  calc?: string;
  /** Values the messages need (target id, year, field, units …). */
  params: Record<string, string | number | null>;
}

export function findingAt(
  rule: RuleId,
  severity: Severity,
  ref: CellRef,
  values: { expected?: number | null; stated?: number | null; calc?: string; params?: Finding['params'] },
): Finding {
  return {
    rule,
    severity,
    sheet: ref.sheet,
    cell: a1(ref.row, ref.col),
    expected: values.expected ?? null,
    stated: values.stated ?? null,
    ...(values.calc ? { calc: values.calc } : {}),
    params: values.params ?? {},
  };
}
