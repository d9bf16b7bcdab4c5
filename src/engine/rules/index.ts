/** Every rule Hyoka checks. Adding a rule means adding a file and a line here. */
import { cumulativeColumnShort } from './cumulative-column-short.js';
import { cumulativeGoalUnchecked } from './cumulative-goal-unchecked.js';
import { cumulativeTotalMismatch } from './cumulative-total-mismatch.js';
import { indicatorScoreMismatch } from './indicator-score-mismatch.js';
import { overallScoreMismatch } from './overall-score-mismatch.js';
import { overallScoreMissing } from './overall-score-missing.js';
import { overallScoreOrphan } from './overall-score-orphan.js';
import { progressMismatch } from './progress-mismatch.js';
import { progressMissing } from './progress-missing.js';
import { progressOrphan } from './progress-orphan.js';
import { stockDecrease } from './stock-decrease.js';
import { stockGoalMismatch } from './stock-goal-mismatch.js';
import { sumMismatch } from './sum-mismatch.js';
import { summaryMismatch } from './summary-mismatch.js';
import { targetMissing } from './target-missing.js';
import type { Rule } from './types.js';
import { unitMismatch } from './unit-mismatch.js';
import { unparseableNumber } from './unparseable-number.js';
import { weightsMissing } from './weights-missing.js';
import { weightsSum } from './weights-sum.js';
import { zeroTarget } from './zero-target.js';

export const RULES: readonly Rule[] = [
  progressMismatch,
  progressMissing,
  progressOrphan,
  indicatorScoreMismatch,
  weightsSum,
  weightsMissing,
  cumulativeTotalMismatch,
  cumulativeGoalUnchecked,
  stockGoalMismatch,
  stockDecrease,
  targetMissing,
  sumMismatch,
  cumulativeColumnShort,
  overallScoreMismatch,
  overallScoreOrphan,
  overallScoreMissing,
  summaryMismatch,
  unparseableNumber,
  unitMismatch,
  zeroTarget,
];

export type { Rule, RuleContext } from './types.js';
