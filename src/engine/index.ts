/** Hyoka's engine: pure TypeScript, no Office.js, DOM or Node APIs. */
export * from './grid.js';
export * from './findings.js';
export * from './model.js';
export { checkWorkbook, checkModel, type CheckResult } from './check.js';
export { detect, type DetectOptions } from './detect/index.js';
export { changedPart, planRecalculation, type CellWrite, type RecalculationPlan, type RecalculationOptions } from './fix.js';
export { describeFault, formatFinding, showDate, type Lang } from './messages/index.js';
export { RULES } from './rules/index.js';
export * from './report.js';
export { parseCell, parseNumberText, cellText, formatInfo, withFormatWords, type Parsed, type NumberValue } from './numbers.js';
export { parseFiscalYear, showFiscalYear } from './years.js';
export { roundHalfUp, Decimal } from './decimal.js';
export { assessProgress, overallScore } from './compute.js';
export { indicatorProgress, indexTargets } from './indicators.js';
