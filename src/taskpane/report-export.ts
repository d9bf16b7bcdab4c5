/**
 * The findings as a table for people: a CSV file Excel opens directly (UTF-8 with BOM) and the
 * rows of a report sheet. Cell text from the workbook ends up in both, so any text that a
 * spreadsheet would read as a formula is neutralised first.
 */
import { finiteOrNull, formatFinding, type Finding } from '../engine/index.js';
import { STRINGS, type Lang } from './i18n.js';

export type ReportCell = string | number | null;

/**
 * Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return would become a formula (or
 * a DDE call) when a spreadsheet opens it; a leading single quote keeps it text.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Header plus one row per finding: severity, rule, sheet, cell, expected, stated, message, calculation. */
export function reportRows(findings: readonly Finding[], lang: Lang): ReportCell[][] {
  const s = STRINGS[lang];
  const rows: ReportCell[][] = [s.csvHeader];
  for (const f of findings) {
    rows.push([
      s.severity[f.severity],
      f.rule,
      neutralise(f.sheet),
      f.cell,
      // Excel refuses a cell of Infinity: a figure past the range of a double is left blank, as in the JSON report.
      finiteOrNull(f.expected),
      finiteOrNull(f.stated),
      neutralise(formatFinding({ ...f, calc: undefined }, lang)),
      f.calc ? neutralise(f.calc) : null,
    ]);
  }
  return rows;
}

function csvField(v: ReportCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return `"${v.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV with CRLF line ends and a BOM, so that Excel reads the Japanese text as UTF-8. */
export function toCsv(rows: readonly ReportCell[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** `Hyoka 2024-05-01 0930`: unique to the minute, within Excel's 31 characters, no forbidden `:`. */
export function reportSheetName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `Hyoka ${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}${p(now.getMinutes())}`;
}

/** `report.xlsx` → `report-hyoka.csv`. */
export function reportFileName(workbookName: string | null): string {
  const base = workbookName ? workbookName.replace(/\.(xlsx|xlsm)$/i, '') : 'workbook';
  return `${base}-hyoka.csv`;
}
