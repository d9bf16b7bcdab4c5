import { asNumber, progressStatuses, type ProgressStatus } from '../compute.js';
import type { Finding, RuleId, Severity } from '../findings.js';
import { ownProgressStatus, type TargetIndex } from '../indicators.js';
import type { BudgetRow, Model, NumericTarget, OverallScoreRow, SummaryRow, YearColumn } from '../model.js';
import type { NumberValue } from '../numbers.js';

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
  return { ...targetName(t), indicator: t.id.indicator, year: col?.year ?? null, column: col?.header ?? null };
}

/** A target as its findings name it: its id, and the id as the workbook writes it where its word is not 数値目標 (`指標1-①`). */
export function targetName(t: NumericTarget): { target: string; written?: string } {
  return t.id.written ? { target: t.id.display, written: t.id.written } : { target: t.id.display };
}

/** The rows of the overall-score tables whose 総合評価 reads as a number, with that number: what the overall rules check. */
export function statedOverallScores(model: Model): { row: OverallScoreRow; stated: NumberValue }[] {
  const rows: { row: OverallScoreRow; stated: NumberValue }[] = [];
  for (const table of model.tables) {
    if (table.kind !== 'overall-score') continue;
    for (const row of table.rows) {
      const stated = asNumber(row.overall.parsed);
      if (stated) rows.push({ row, stated });
    }
  }
  return rows;
}

/** A budget row as the messages name it: with its stage where its label does not say it (`総事業費(a+b) 実績`). */
export function budgetRowName(row: BudgetRow): string {
  return row.stage && !row.label.includes(row.stage) ? `${row.label} ${row.stage}` : row.label;
}

/** The first and last years a plan period's 累計 column adds up, by their headers (`H29`, `R3`), for its messages; none for one of every year. */
export function periodParam(columns: readonly YearColumn[], of: readonly number[] | undefined): { periodFrom?: string; periodTo?: string } {
  if (!of || of.length === 0) return {};
  return { periodFrom: columns[of[0]].header, periodTo: columns[of[of.length - 1]].header };
}

/** A year of a target whose progress status is one a rule reports. */
interface YearStatus {
  target: NumericTarget;
  i: number;
  status: ProgressStatus;
}

const reported = new WeakMap<TargetIndex, Map<ProgressStatus['kind'], YearStatus[]>>();

/**
 * The years of the targets by status, in the order of the targets and their years, for the kinds a rule reports (an
 * agreeing year, or one with nothing to compare, is none's): gathered once, as four rules each look for one kind.
 */
function reportedStatuses(targets: TargetIndex): Map<ProgressStatus['kind'], YearStatus[]> {
  let byKind = reported.get(targets);
  if (byKind) return byKind;
  byKind = new Map();
  for (const { target } of targets.all) {
    const statuses = progressStatuses(target);
    for (let i = 0; i < statuses.length; i++) {
      const status = statuses[i];
      if (status.kind === 'ok' || status.kind === 'within-precision' || status.kind === 'none') continue;
      let list = byKind.get(status.kind);
      if (!list) byKind.set(status.kind, (list = []));
      list.push({ target, i, status });
    }
  }
  reported.set(targets, byKind);
  return byKind;
}

/** A finding for each year of each target whose progress status is of `kind` (the statuses are shared by the rules). */
export function findingsForStatus<K extends Exclude<ProgressStatus['kind'], 'ok' | 'within-precision' | 'none'>>(
  targets: TargetIndex,
  kind: K,
  make: (t: NumericTarget, i: number, status: Extract<ProgressStatus, { kind: K }>) => Finding | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const { target, i, status } of reportedStatuses(targets).get(kind) ?? []) {
    const finding = make(target, i, status as Extract<ProgressStatus, { kind: K }>);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** What a finding about a summary row checked on its own says of it. */
export function summaryRowParams(row: SummaryRow): Record<string, string | number | null> {
  return { target: row.target?.display ?? row.indicator, indicator: row.indicator, year: row.year, column: null };
}

const ownStatuses = new WeakMap<TargetIndex, { row: SummaryRow; status: ProgressStatus }[]>();

/** The summary rows checked on their own (ownProgressStatus) with their statuses, worked out once: the rules share them. */
function ownStatusesOf({ model, targets }: RuleContext): { row: SummaryRow; status: ProgressStatus }[] {
  let list = ownStatuses.get(targets);
  if (list) return list;
  list = [];
  for (const table of model.tables) {
    if (table.kind !== 'summary') continue;
    for (const row of table.rows) {
      const status = ownProgressStatus(targets, row);
      if (status) list.push({ row, status });
    }
  }
  ownStatuses.set(targets, list);
  return list;
}

/** findingsForStatus for the summary rows checked on their own. */
export function findingsForOwnStatus<K extends ProgressStatus['kind']>(
  ctx: RuleContext,
  kind: K,
  make: (row: SummaryRow, status: Extract<ProgressStatus, { kind: K }>) => Finding | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const { row, status } of ownStatusesOf(ctx)) {
    if (status.kind !== kind) continue;
    const finding = make(row, status as Extract<ProgressStatus, { kind: K }>);
    if (finding) findings.push(finding);
  }
  return findings;
}
