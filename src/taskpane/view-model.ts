/**
 * Plain data for the pane's views, computed from the engine's model and findings: the finding
 * list grouped by sheet and table, and one row per year for each numeric target.
 */
import {
  a1,
  assessProgress,
  cellsIn,
  formatInfo,
  withFormatWords,
  parseA1,
  rangeA1,
  showDate,
  showFiscalYear,
  type Decimal,
  type Finding,
  type Model,
  type NumericTarget,
  type RuleId,
  type Severity,
  type Table,
  type ValueCell,
} from '../engine/index.js';
import type { Lang } from './i18n.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingFilter {
  severities: ReadonlySet<Severity>;
  rule: RuleId | 'all';
}

export type ListItem =
  | { kind: 'group'; key: string; sheet: string; tableKind: Table['kind'] | 'other'; range: string | null; count: number }
  | { kind: 'finding'; key: string; finding: Finding };

export function findingKey(f: Finding): string {
  return `${f.rule}@${f.sheet}!${f.cell}`;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function ruleCounts(findings: readonly Finding[]): Map<RuleId, number> {
  const counts = new Map<RuleId, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return counts;
}

export function applyFilter(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter((f) => filter.severities.has(f.severity) && (filter.rule === 'all' || f.rule === filter.rule));
}

/** The table a finding's cell lies in (the smallest, when tables nest), or null. */
function tableOf(f: Finding, tables: readonly Table[]): Table | null {
  const { row, col } = parseA1(f.cell);
  let best: Table | null = null;
  let bestSize = Infinity;
  for (const t of tables) {
    if (t.sheet !== f.sheet) continue;
    const r = t.range;
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    const size = cellsIn(r);
    if (size < bestSize) {
      best = t;
      bestSize = size;
    }
  }
  return best;
}

/**
 * The findings as one flat list for a virtualised view: a group row for each sheet and table,
 * in the order the findings come (sheet order, then row), followed by its findings.
 */
export function groupFindings(findings: readonly Finding[], tables: readonly Table[]): ListItem[] {
  const groups = new Map<string, { head: Extract<ListItem, { kind: 'group' }>; items: ListItem[] }>();
  for (const f of findings) {
    const t = tableOf(f, tables);
    const range = t ? rangeA1(t.range) : null;
    const key = `${f.sheet}\u0000${t ? `${t.kind}:${range}` : 'other'}`;
    let g = groups.get(key);
    if (!g) {
      g = { head: { kind: 'group', key: `group:${key}`, sheet: f.sheet, tableKind: t ? t.kind : 'other', range, count: 0 }, items: [] };
      groups.set(key, g);
    }
    g.head.count++;
    g.items.push({ kind: 'finding', key: findingKey(f), finding: f });
  }
  return [...groups.values()].flatMap((g) => [g.head, ...g.items]);
}

/** One year of a numeric target, as the table view shows it. */
export interface TargetYear {
  header: string;
  year: number | null;
  target: string;
  actual: string;
  /** The value of target and actual in the target's own scale (億円 → 119), for the chart. */
  targetValue: number | null;
  actualValue: number | null;
  stated: string;
  statedCell: string | null;
  computed: string | null;
  status: 'ok' | 'within-precision' | 'mismatch' | 'missing' | 'zero-target' | 'orphan' | 'none';
}

export interface TargetView {
  key: string;
  display: string;
  label: string;
  sheet: string;
  range: string;
  mode: NumericTarget['mode'];
  modeSource: NumericTarget['modeSource'];
  /** `億円`, `社`, or '' when the targets carry no unit. */
  unit: string;
  years: TargetYear[];
}

function scaled(cell: ValueCell, scale: Decimal | null): number | null {
  const p = cell.parsed;
  if (p.kind !== 'number') return null;
  return (scale ? p.value.div(scale) : p.value).toNumber();
}

/**
 * A cell as the workbook shows it. The .xlsx reader keeps what a cell stores, not what it shows: 1.04 in a `0%` cell
 * (shown `104%`), 43000 in `#,##0"人"` (`43,000人`), a date as an ISO timestamp (`2021/4/1`). Office.js gives the shown
 * text, which is kept as it is.
 */
function shown(cell: ValueCell): string {
  const p = cell.parsed;
  if (p.kind === 'invalid' && p.reason === 'date') return showDate(cell.text);
  if (p.kind !== 'number' || cell.storage !== 'number' || cell.stored === undefined || cell.text !== String(cell.stored)) return cell.text;
  const info = formatInfo(cell.numFmt);
  const digits = p.value.div(p.scale).toFixed(p.decimals);
  const grouped = /[#0],[#0]/.test(cell.numFmt ?? '') ? digits.replace(/^-?\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ',')) : digits;
  return withFormatWords(grouped, info);
}

export function targetViews(model: Model, lang: Lang): TargetView[] {
  const views: TargetView[] = [];
  for (const table of model.tables) {
    if (table.kind !== 'progress') continue;
    for (const t of table.targets) {
      const first = t.target.map((c) => c.parsed).find((p) => p.kind === 'number');
      const scale = first && first.kind === 'number' ? first.scale : null;
      const unit = first && first.kind === 'number' ? `${first.scaleLabel}${first.unit ?? ''}` : '';
      const years = t.columns.map((col, i): TargetYear => {
        const progress = t.progress?.[i];
        const status = assessProgress(t.target[i], t.actual[i], progress);
        const computed = status.kind === 'ok' || status.kind === 'within-precision' || status.kind === 'mismatch' || status.kind === 'missing' ? `${status.expected.toFixed()}%` : null;
        return {
          header: lang === 'en' && col.year !== null ? `${showFiscalYear(col.year, 'en')}${col.baseline ? ' (baseline)' : ''}` : col.header,
          year: col.year,
          target: shown(t.target[i]),
          actual: shown(t.actual[i]),
          targetValue: scaled(t.target[i], scale),
          actualValue: scaled(t.actual[i], scale),
          stated: progress ? shown(progress) : '',
          statedCell: progress ? `${progress.ref.sheet}!${a1(progress.ref.row, progress.ref.col)}` : null,
          computed,
          status: status.kind,
        };
      });
      views.push({
        key: t.id.key,
        display: t.id.display,
        label: t.label,
        sheet: table.sheet,
        range: rangeA1(table.range),
        mode: t.mode,
        modeSource: t.modeSource,
        unit,
        years,
      });
    }
  }
  return views;
}
