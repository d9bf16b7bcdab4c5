/** The JSON report of SPEC §6.2, and its published zod schema. */
import { z } from 'zod';
import { RULE_IDS, type Finding } from './findings.js';
import { rangeA1 } from './grid.js';
import { formatFinding, type Lang } from './messages/index.js';
import type { Model } from './model.js';

export const FindingSchema = z.object({
  rule: z.enum(RULE_IDS),
  severity: z.enum(['error', 'warning', 'info']),
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  expected: z.number().nullable(),
  stated: z.number().nullable(),
  message: z.string().min(1),
  calc: z.string().optional(),
});

export const TableSchema = z.object({
  kind: z.enum(['progress', 'summary', 'budget', 'overall-score']),
  sheet: z.string(),
  range: z.string().regex(/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/),
  targets: z.array(
    z.object({
      indicator: z.string(),
      target: z.string(),
      label: z.string(),
      mode: z.enum(['flow', 'stock']),
    }),
  ),
});

export const SkippedSchema = z.object({
  sheet: z.string(),
  cell: z.string().optional(),
  reason: z.string(),
});

export const FileReportSchema = z.union([
  z.object({
    file: z.string(),
    tables: z.array(TableSchema),
    findings: z.array(FindingSchema),
    /** What was passed over and why: nothing is dropped silently. */
    skipped: z.array(SkippedSchema).optional(),
  }),
  z.object({ file: z.string(), error: z.string().min(1) }),
]);

export const ReportSchema = z.object({
  version: z.literal(1),
  files: z.array(FileReportSchema),
  /** Files found in the folders named that are not spreadsheets: listed, not checked. */
  ignored: z.array(z.string()).optional(),
});

export type Report = z.infer<typeof ReportSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;

/** The published JSON Schema of the report (for other tools). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(ReportSchema);
}

/**
 * A figure as JSON can hold it: one past the range of a double (707 over a target written 1E-320) has no JSON number
 * and is left out (null), as a figure that could not be worked out is; the message and the calc still show it.
 */
export function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

export function fileReport(file: string, model: Model, findings: Finding[], lang: Lang): FileReport {
  return {
    file,
    tables: model.tables.map((t) => ({
      kind: t.kind,
      sheet: t.sheet,
      range: rangeA1(t.range),
      targets:
        t.kind === 'progress'
          ? t.targets.map((x) => ({ indicator: x.id.indicator, target: x.id.display, label: x.label, mode: x.mode }))
          : [],
    })),
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      expected: finiteOrNull(f.expected),
      stated: finiteOrNull(f.stated),
      message: formatFinding(f, lang),
      ...(f.calc ? { calc: f.calc } : {}),
    })),
    skipped: model.faults.map((x) => ({ sheet: x.sheet, ...(x.cell ? { cell: x.cell } : {}), reason: x.detail ? `${x.reason}: ${x.detail}` : x.reason })),
  };
}

export function buildReport(files: FileReport[], ignored: string[] = []): Report {
  return ReportSchema.parse({ version: 1, files, ...(ignored.length > 0 ? { ignored } : {}) });
}
