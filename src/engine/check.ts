/** The engine's front door: a workbook in, the tables it recognized and the findings out. */
import { detect, untimed, type DetectOptions, type Stage } from './detect/index.js';
import { RULE_IDS, type Finding } from './findings.js';
import { parseA1, type Workbook } from './grid.js';
import { forgetUnits } from './detect/units.js';
import { forgetWeights } from './detect/weight.js';
import { indexTargets } from './indicators.js';
import { forgetParsed } from './numbers.js';
import type { Model } from './model.js';
import { RULES } from './rules/index.js';

export interface CheckResult {
  model: Model;
  findings: Finding[];
}

export function checkModel(model: Model, sheetOrder: string[] = [], stage: Stage = untimed): Finding[] {
  const ctx = stage('index targets', () => ({ model, targets: indexTargets(model) }));
  const findings = RULES.flatMap((rule) => stage(`rule ${rule.id}`, () => rule.check(ctx)));
  const order = new Map(sheetOrder.map((name, i) => [name, i]));
  const ruleOrder = new Map(RULE_IDS.map((id, i) => [id, i]));
  const keyed = findings.map((f) => ({ f, pos: parseA1(f.cell) }));
  keyed.sort(
    (x, y) =>
      (order.get(x.f.sheet) ?? 0) - (order.get(y.f.sheet) ?? 0) ||
      x.pos.row - y.pos.row ||
      x.pos.col - y.pos.col ||
      ruleOrder.get(x.f.rule)! - ruleOrder.get(y.f.rule)!,
  );
  return keyed.map((k) => k.f);
}

/**
 * Forgets what the checks so far have worked out from texts and numbers and keep for the process (parsed values,
 * units and weights in labels, and the progress worked out from those values), so that the next check costs what the first check
 * of a process costs. Benchmarks call it before each timed run; the engine never needs it.
 */
export function forgetTexts(): void {
  forgetParsed();
  forgetUnits();
  forgetWeights();
}

export function checkWorkbook(workbook: Workbook, options: DetectOptions = {}): CheckResult {
  const model = detect(workbook, options);
  return { model, findings: checkModel(model, workbook.sheets.map((s) => s.name), options.stage) };
}
