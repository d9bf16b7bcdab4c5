import type { Finding, RuleId, Severity } from '../findings.js';
import type { TargetIndex } from '../indicators.js';
import type { Model, NumericTarget, YearColumn } from '../model.js';

export interface RuleContext {
  model: Model;
  targets: TargetIndex;
}

/** One rule, one file: its id, severity, what it checks, and the check. */
export interface Rule {
  id: RuleId;
  severity: Severity;
  describe: { ja: string; en: string };
  check(ctx: RuleContext): Finding[];
}

export function targetParams(t: NumericTarget, col?: YearColumn): Record<string, string | number | null> {
  return {
    target: t.id.display,
    indicator: t.id.indicator,
    year: col?.year ?? null,
    column: col?.header ?? null,
  };
}
