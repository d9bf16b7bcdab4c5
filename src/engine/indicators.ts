/** Indicator-level views shared by the rules, the recalculation and the pane. */
import { Decimal, dec, roundHalfUp, show, sum } from './decimal.js';
import {
  asNumber,
  assessProgress,
  boundHolds,
  halfStep,
  mayBeEqual,
  multipleAsPercent,
  progressCalc,
  progressFraction,
  progressOf,
  progressRangeExactly,
  progressStatuses,
  reachable,
  reachableExactly,
  saidOf,
  statedDecimals,
  statedPercent,
  statedPercentExactly,
  unitsCompatible,
  weightedProgress,
  wordsFail,
  wordsMayFail,
  yearOrder,
  type Interval,
  type ProgressStatus,
  type WeightedPart,
} from './compute.js';
import * as exact from './exact.js';
import type { CellRef, Model, NumericTarget, PlanGoal, ProgressTable, SummaryRow, SummaryTable, ValueCell, Weight } from './model.js';
import { weightPercent } from './detect/weight.js';
import { inUnitOf, type NumberValue } from './numbers.js';
import { findFiscalYearIn, goalPlanPeriod, parseFiscalYear } from './years.js';

export interface TargetIndex {
  all: { table: ProgressTable; target: NumericTarget }[];
  /** The first table target of each key. */
  byKey: Map<string, NumericTarget>;
  /** The first table target of each key of an indicator (its first generation). */
  byIndicator: Map<string, NumericTarget[]>;
  /**
   * Only in a workbook that repeats its tables (each year's evaluation kept, the same targets in
   * each): every table target of a key in the order of the workbook, and an indicator's targets
   * by generation (the n-th table target of each key belongs to the n-th).
   */
  repeats?: { allByKey: Map<string, NumericTarget[]>; generations: Map<string, NumericTarget[][]> };
  /** The titles over the table of each target and summary row that has some (ProgressTable.headings): they may name its zone. */
  headings: WeakMap<NumericTarget | SummaryRow, readonly string[]>;
}

export function indexTargets(model: Model): TargetIndex {
  const all: TargetIndex['all'] = [];
  const byKey = new Map<string, NumericTarget>();
  const byIndicator = new Map<string, NumericTarget[]>();
  let repeated = false;
  const headings = new WeakMap<NumericTarget | SummaryRow, readonly string[]>();
  for (const table of model.tables) {
    if (table.kind === 'summary') {
      for (const row of table.rows) {
        const h = row.headings ?? table.headings;
        if (h) headings.set(row, h);
      }
    }
    if (table.kind !== 'progress') continue;
    for (const target of table.targets) {
      if (table.headings) headings.set(target, table.headings);
      all.push({ table, target });
      if (byKey.has(target.id.key)) {
        repeated = true;
        continue;
      }
      byKey.set(target.id.key, target);
      let list = byIndicator.get(target.id.indicator);
      if (!list) byIndicator.set(target.id.indicator, (list = []));
      list.push(target);
    }
  }
  // An indicator's bare id beside its targets' (`数値目標(1)` beside `数値目標(1)-①`) is two zones' indicators: kept apart as repeats.
  for (const list of byIndicator.values()) if (list.length > 1 && list.some(namedBare)) repeated = true;
  return { all, byKey, byIndicator, headings, ...(repeated ? { repeats: indexRepeats(all) } : {}) };
}

/**
 * The generations of each indicator: on each sheet, the n-th table target of each key belongs to the n-th (each year's
 * tables, a superseded copy above the current one), a table's joining none before its first target's, nor before the
 * table above's (zones stacked, `-①` `-②` in one and `-①` to `-③` in the next); a sheet's generation joins one of other sheets only when they share
 * no target (one target's table per sheet), never a target of the indicator's bare id (`数値目標(1)`, a zone whose
 * indicator has one target) to another's `数値目標(1)-①`: a workbook of several zones, one per sheet, keeps each zone's
 * targets apart, though they repeat ids (`数値目標(1)-①`, `-②` in one, `-①` to `-③` in another).
 */
function indexRepeats(all: TargetIndex['all']): NonNullable<TargetIndex['repeats']> {
  const allByKey = new Map<string, NumericTarget[]>();
  // Per indicator and sheet: the n-th target of each id is the n-th generation's, and a table's targets join none before
  // the one its first target joins, nor before that of the table above (zones stacked, `-①` `-②` over `-①` to `-③`: the
  // third of the second zone is the second generation's, not the first's).
  const bySheet = new Map<string, Map<string, { numbered: NumericTarget[][]; bare: NumericTarget[][]; seen: Map<string, number>; table?: ProgressTable; floor: number }>>();
  for (const { table, target } of all) {
    let same = allByKey.get(target.id.key);
    if (!same) allByKey.set(target.id.key, (same = []));
    same.push(target);
    const sheet = sheetOfTarget(target);
    let sheets = bySheet.get(target.id.indicator);
    if (!sheets) bySheet.set(target.id.indicator, (sheets = new Map()));
    let groups = sheets.get(sheet);
    if (!groups) sheets.set(sheet, (groups = { numbered: [], bare: [], seen: new Map(), floor: 0 }));
    // A bare id (`数値目標(1)`) is another zone's indicator than the `数値目標(1)-①` beside it: a generation of its own.
    if (namedBare(target)) {
      groups.bare.push([target]);
      continue;
    }
    const occurrence = groups.seen.get(target.id.key) ?? 0;
    if (groups.table !== table) {
      groups.table = table;
      groups.floor = Math.max(occurrence, groups.floor);
    }
    const n = Math.max(occurrence, groups.floor);
    groups.seen.set(target.id.key, n + 1);
    (groups.numbered[n] ??= []).push(target);
  }
  const generations = new Map<string, NumericTarget[][]>();
  for (const [indicator, sheets] of bySheet) {
    const gens: { targets: NumericTarget[]; keys: Set<string>; bare: boolean; sheet: string }[] = [];
    // Per id, an index before which every generation holds it: none there can take a group holding it. Generations only
    // grow and new ones come last, so it only moves on, and a workbook repeating one id n times is read in O(n), not O(n²).
    const heldBefore = new Map<string, number>();
    for (const [sheet, groups] of sheets) {
      for (const group of [...groups.numbered, ...groups.bare]) {
        if (!group) continue;
        const keys = new Set(group.map((t) => t.id.key));
        const bare = group.some(namedBare);
        let into: (typeof gens)[number] | undefined;
        if (!bare) {
          let from = 0;
          for (const key of keys) {
            let i = heldBefore.get(key) ?? 0;
            while (i < gens.length && gens[i].keys.has(key)) i++;
            heldBefore.set(key, i);
            from = Math.max(from, i);
          }
          // The first generation with no target of this sheet (a sheet's groups are met together: `sheet` is the last
          // one a generation took from), no target of the group's ids and no bare id.
          for (let i = from; i < gens.length && !into; i++) {
            const g = gens[i];
            if (g.sheet !== sheet && !g.bare && ![...keys].some((k) => g.keys.has(k))) into = g;
          }
        }
        if (into) {
          into.targets.push(...group);
          for (const key of keys) into.keys.add(key);
          into.sheet = sheet;
        } else gens.push({ targets: [...group], keys, bare, sheet });
      }
    }
    generations.set(
      indicator,
      gens.map((g) => g.targets),
    );
  }
  return { allByKey, generations };
}

/**
 * A target whose label names its indicator's bare id (`数値目標(1) 連携企業数`): the one target of its indicator, so another
 * zone's where `数値目標(1)-①` stands beside it. A block naming no target under `評価指標(1)` beside `数値目標(1)-①` is
 * that indicator's other target.
 */
function namedBare(t: NumericTarget): boolean {
  return t.id.key === t.id.indicator && t.label.includes('数値目標');
}

function sheetOfTarget(t: NumericTarget): string {
  return t.target[0]?.ref.sheet ?? t.labelRef?.sheet ?? '';
}

/** Whether a target's table holds an actual for the year. */
function hasActual(t: NumericTarget, year: number): boolean {
  const i = columnOfYear(t, year);
  return i >= 0 && !!asNumber(t.actual[i].parsed);
}

/** Where a summary line or an indicator progress stands, and the year it speaks of when it names one. */
export interface Place {
  sheet: string;
  row: number;
  year: number | null;
  /** The titles over the summary (`京浜臨海部…総合特区` over each zone's on one sheet): they may name its zone. */
  headings?: readonly string[];
}

/**
 * Of the tables that repeat a target or an indicator (one per year's evaluation, one per zone in a workbook of
 * several, or a superseded copy kept beside the current one), the one a summary at `at` speaks of. Each step
 * narrows the candidates when some are left: those on the summary's own sheet, else on the sheets whose names
 * share its sheet's distinguishing part (`本文(B特区)` ↔ `別紙1(B特区)`, `本文 (2)` ↔ `別紙1 (2)`, a year); where the names tell
 * them apart no further, those whose zone the titles over the summary name (zoneScores); those of
 * its year, else of the year its sheet's name names (whose latest actual is that year's, else with an actual for
 * it); those it agrees with (`agrees`, at its year or else at their latest year), so that a correct summary is
 * never checked against another zone's or an older copy's table; with no year of its own, those whose latest
 * actual is the latest. Of those left, the nearest above it on its own sheet (zones stacked on one sheet), else
 * the first. A position alone does not decide before: it cannot tell each zone's table followed by its summary
 * from all the tables followed by all the summaries.
 */
function choose<T>(
  repeats: T[],
  at: Place,
  targetsOf: (x: T) => NumericTarget[],
  headingsOf: (t: NumericTarget) => readonly string[] | undefined,
  agrees?: (x: T, year: number) => boolean,
  near?: (x: T, year: number) => boolean,
): T {
  if (repeats.length === 1) return repeats[0];
  let pool = repeats;
  const narrow = (keep: (x: T) => boolean): boolean => {
    const kept = pool.filter(keep);
    if (kept.length > 0) pool = kept;
    return pool.length === 1;
  };
  const sheetOf = (x: T) => targetsOf(x)[0]?.target[0]?.ref.sheet;
  const onSheet = (x: T) => targetsOf(x).every((t) => t.target[0]?.ref.sheet === at.sheet);
  if (narrow(onSheet)) return pool[0];
  // A summary's sheet naming its year (`令和6年度評価`) beside tables on sheets naming none (`別紙1`, `別紙1 (2)`): the year
  // tells them apart below, not the parts of names it shares with none (the `(2)` of a copy).
  const yearOnlyOwn = sheetYear(at.sheet) !== null && pool.every((x) => ![...sheetNameParts(sheetOf(x) ?? '')].some((p) => p.startsWith('FY')));
  if (!pool.some(onSheet) && !yearOnlyOwn) {
    const score = sheetNameScores(at.sheet, pool.map(sheetOf));
    const best = Math.max(...score.values());
    if (narrow((x) => score.get(sheetOf(x)) === best)) return pool[0];
  }
  // A summary under a title naming its zone: the tables whose sheet's name or own titles name it (`別紙1(京浜)`, `京浜…特区`
  // over them), as no sheet's name tells them apart.
  if (at.headings && pool.length > 1) {
    const score = zoneScores(at.headings, pool.map((x) => zoneWordsOf(sheetOf(x) ?? '', headingsOf(targetsOf(x)[0]))));
    const best = Math.max(...score);
    if (best > 0) {
      const kept = pool.filter((_, k) => score[k] === best);
      pool = kept;
      if (pool.length === 1) return pool[0];
    }
  }
  const year = at.year ?? sheetYear(at.sheet);
  if (year !== null && (narrow((x) => targetsOf(x).every((t) => latestActualYear(t) === year)) || narrow((x) => targetsOf(x).every((t) => hasActual(t, year))))) return pool[0];
  const latestOf = (x: T) => latestActualYear(targetsOf(x)[0]);
  if (agrees && pool.length > 1) {
    const test = (ok: (x: T, year: number) => boolean) =>
      pool.filter((x) => {
        const y = at.year ?? latestOf(x);
        return y !== null && ok(x, y);
      });
    // None it agrees with (a figure of it wrong): those whose figures it restates agree with (its 目標値 and 実績値).
    let kept = test(agrees);
    if (kept.length === 0 && near) kept = test(near);
    if (kept.length > 0) pool = kept;
  }
  if (at.year === null && pool.length > 1) {
    const latest = Math.max(...pool.map((x) => latestOf(x) ?? -Infinity));
    narrow((x) => latestOf(x) === latest);
  }
  let nearest: { x: T; row: number } | undefined;
  for (const x of pool) {
    const row = targetsOf(x)[0]?.rows.target;
    if (onSheet(x) && row !== undefined && row <= at.row && (!nearest || row > nearest.row)) nearest = { x, row };
  }
  return nearest?.x ?? pool[0];
}

/** A title as zone words are compared: NFKC, no spaces, lower case (`ＫＥＩＨＩＮ 臨海部` → `keihin臨海部`). */
function foldedTitle(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** What may name a table's zone: the parts of its sheet's name and its titles, compacted; none naming a year (the years decide apart). */
export function zoneWordsOf(sheet: string, headings: readonly string[] | undefined): Set<string> {
  const words = new Set<string>();
  for (const part of sheetNameParts(sheet)) if (!part.startsWith('FY')) words.add(part);
  for (const h of headings ?? []) {
    const c = foldedTitle(h);
    if (findFiscalYearIn(c) === undefined) words.add(c);
  }
  return words;
}

/**
 * For each table, how many of the words that tell it from the others (no word all share, none of one character) the
 * titles over a summary name: a title holding the word (`京浜` in `京浜臨海部…総合特区`), or the word holding a title.
 */
export function zoneScores(headings: readonly string[], words: Set<string>[]): number[] {
  const titles = headings.map(foldedTitle).filter((t) => t.length > 1);
  const shared = sharedByAll(words);
  return words.map((own) => {
    let score = 0;
    for (const w of own) if (w.length > 1 && !shared.has(w) && titles.some((t) => t.includes(w) || w.includes(t))) score++;
    return score;
  });
}

/**
 * How well each sheet name shares what tells `own` from its siblings: +1 for each part of a name (split at
 * spaces and brackets; a year compared as a year) that not all the names share and `own` has too, −1 for each
 * that `own` lacks.
 */
function sheetNameScores(own: string, names: (string | undefined)[]): Map<string | undefined, number> {
  const distinct = [...new Set(names)];
  const parts = distinct.map((n) => (n === undefined ? new Set<string>() : sheetNameParts(n)));
  const ownParts = sheetNameParts(own);
  const shared = sharedByAll(parts);
  const scores = new Map<string | undefined, number>();
  distinct.forEach((n, k) => {
    let score = 0;
    for (const p of parts[k]) if (!shared.has(p)) score += ownParts.has(p) ? 1 : -1;
    scores.set(n, score);
  });
  return scores;
}

/** The words every set holds, counted once (not each word looked for in every set: a workbook may hold n sheets). */
function sharedByAll(sets: readonly Set<string>[]): Set<string> {
  const holding = new Map<string, number>();
  for (const set of sets) for (const w of set) holding.set(w, (holding.get(w) ?? 0) + 1);
  const shared = new Set<string>();
  for (const [w, count] of holding) if (count === sets.length) shared.add(w);
  return shared;
}

// Sheet names are few; each summary line asks for its sheet's.
const namePartsCache = new Map<string, Set<string>>();

/** The parts of a sheet name (`別紙1 (2)` → 別紙1, 2), a year as `FY2023` whatever its form (`R5`, `令和5年度`). */
function sheetNameParts(name: string): Set<string> {
  let parts = namePartsCache.get(name);
  if (parts) return parts;
  parts = new Set();
  for (const part of name.normalize('NFKC').split(/[\s_\-‐－()（）［］[\]【】「」]+/)) {
    if (!part) continue;
    const year = parseFiscalYear(part)?.year ?? findFiscalYearIn(part);
    parts.add(year !== undefined ? `FY${year}` : part.toLowerCase());
  }
  namePartsCache.set(name, parts);
  return parts;
}

/** The one fiscal year a sheet's name names (`本文(令和5年度)`, `R5`), else null. */
function sheetYear(name: string): number | null {
  const years = [...sheetNameParts(name)].filter((p) => p.startsWith('FY'));
  return years.length === 1 ? Number(years[0].slice(2)) : null;
}

/** Where a summary row stands, its year (title, 年度 column) and the titles over its table. */
function summaryPlace(index: TargetIndex, row: SummaryRow): Place {
  const headings = index.headings.get(row);
  return { sheet: row.labelRef.sheet, row: row.labelRef.row, year: row.year, ...(headings && { headings }) };
}

/** Each indicator's targets, once per generation that is no partial copy of another (each year's tables, each zone's, when a workbook repeats them). */
export function* completeGenerations(index: TargetIndex): Generator<[string, NumericTarget[]]> {
  if (!index.repeats) {
    yield* index.byIndicator;
    return;
  }
  for (const [indicator, gens] of index.repeats.generations) {
    // A generation is a partial copy of another: fewer targets, each in the other under the same label. Only the longer
    // generations holding its first target under its label are looked at, longest first (not every pair: a workbook
    // repeating one id n times has n generations of one target).
    const entry = (t: NumericTarget) => `${t.id.key}\u0000${t.label}`;
    const entries = gens.map((list) => new Set(list.map(entry)));
    const holding = new Map<string, number[]>();
    entries.forEach((set, i) => {
      for (const e of set) {
        let at = holding.get(e);
        if (!at) holding.set(e, (at = []));
        at.push(i);
      }
    });
    for (const at of holding.values()) at.sort((a, b) => gens[b].length - gens[a].length);
    const partOf = (list: NumericTarget[]) => {
      for (const i of holding.get(entry(list[0]))!) {
        if (gens[i].length <= list.length) return false;
        if (list.every((t) => entries[i].has(entry(t)))) return true;
      }
      return false;
    };
    for (const list of gens) if (!partOf(list)) yield [indicator, list];
  }
}

/** The column of a fiscal year (a baseline column only when nothing else has that year). */
export function columnOfYear(target: NumericTarget, year: number | null): number {
  if (year === null) return -1;
  const i = target.columns.findIndex((c) => c.year === year && !c.baseline);
  return i >= 0 ? i : target.columns.findIndex((c) => c.year === year);
}

/** A year's cell of a target's `寄与度×進捗度` row, against its weight × its progress ÷ 100. */
export interface StatedWeightedPart {
  weight: Decimal;
  /** The progress it is worked out from, as shown in the calculation: the stated one, else actual ÷ target × 100. */
  progress: Decimal;
  /** Weight × progress ÷ 100 from the stated progress and from the computed one, in that order (either is accepted). */
  parts: Decimal[];
  /** Weight × the computed progress ÷ 100: what a recalculation writes; undefined when the progress cannot be computed. */
  computed?: Decimal;
  /** The stated figure in percent, and the decimals it is compared at. */
  stated: Decimal;
  decimals: number;
  accepted: boolean;
}

/**
 * The cell of year `i` of a target's part of its indicator's progress stated in a row under its block (`寄与度×進捗度`,
 * `寄与度を乗じた進捗度`): its weight × its progress ÷ 100, from the stated progress or from actual ÷ target × 100, as
 * rounded to the decimals the cell shows. Undefined where it is not checked: no figure, no weight, no progress.
 */
export function statedWeightedPart(t: NumericTarget, i: number, statuses: readonly ProgressStatus[] = progressStatuses(t)): StatedWeightedPart | undefined {
  const cell = t.weightedProgress?.[i];
  const figure = cell && asNumber(cell.parsed);
  const weight = figure && i < t.columns.length ? weightIn(t, t.columns[i].year)?.value : undefined;
  if (!figure || !weight) return undefined;
  const status = statuses[i];
  const point = status && 'point' in status ? status.point : undefined;
  const own = asNumber(t.progress?.[i]?.parsed);
  const progress = own && point ? statedPercent(own, point).value : own && own.percent ? own.value : undefined;
  const parts = [progress, point].filter((p): p is Decimal => p !== undefined).map((p) => weight.value.times(p).div(100));
  if (parts.length === 0) return undefined;
  const { value, decimals } = statedPercent(figure, parts[0]);
  const accepted = parts.some((p) => roundHalfUp(p, decimals).eq(roundHalfUp(value, decimals)));
  const computed = point && weight.value.times(point).div(100);
  return { weight: weight.value, progress: (progress ?? point)!, parts, ...(computed && { computed }), stated: value, decimals, accepted };
}

/** A target's weight in a year: that year's where its weights change from year to year (yearWeights), else its one weight. */
export function weightIn(target: NumericTarget, year: number | null): Weight | null {
  const i = target.yearWeights ? columnOfYear(target, year) : -1;
  return (i >= 0 ? target.yearWeights![i] : null) ?? target.weight;
}

/** The years a list of targets states weights for one by one (those whose weights change); [null] when none does. */
export function weightYears(targets: readonly NumericTarget[]): (number | null)[] {
  const years = new Set<number>();
  for (const t of targets) if (t.yearWeights) for (const c of t.columns) if (c.year !== null) years.add(c.year);
  return years.size > 0 ? [...years].sort((a, b) => a - b) : [null];
}

/** The year a summary line speaks of: its own, or the latest year with an actual value. */
export function summaryYear(row: SummaryRow, target: NumericTarget): number | null {
  return row.year ?? latestActualYear(target);
}

/** Whether a summary row restates a target or an indicator of the progress tables (it is then checked against them). */
export function restatesTable(index: TargetIndex, row: SummaryRow): boolean {
  if (!row.target) return index.byIndicator.has(row.indicator);
  const t = summaryTarget(index, row);
  return !!t && columnOfYear(t, summaryYear(row, t)) >= 0;
}

/**
 * The progress status of a summary row that restates no progress table but states its own
 * target, actual and progress (a summary table handed in without its 別紙1): checked on its own.
 */
export function ownProgressStatus(index: TargetIndex, row: SummaryRow): ProgressStatus | undefined {
  if (!row.targetValue || !row.actualValue || !row.progress || restatesTable(index, row)) return undefined;
  return assessProgress(row.targetValue, row.actualValue, row.progress);
}

/** The year of the targets a summary states of itself when it names none (summaryOwnTargets). */
const UNDATED = -1;

/**
 * What an indicator progress `stated` at `at` is checked against: the indicator's targets in the progress tables
 * (when the workbook repeats them, the tables `choose` finds it speaks of) in its year (its own, else the latest
 * with an actual); without a progress table of the indicator, the targets `own` (the summary stating it) gives
 * with their own figures. `shownYear` is the year to name (null when none is known).
 */
export function indicatorBasis(
  index: TargetIndex,
  indicator: string,
  at: Place,
  stated: NumberValue | undefined,
  own?: SummaryTable,
): { list: NumericTarget[]; year: number; shownYear: number | null } | undefined {
  const first = index.byIndicator.get(indicator);
  if (first) {
    const gens = index.repeats?.generations.get(indicator);
    const place = own?.headings && !at.headings ? { ...at, headings: own.headings } : at;
    const list = gens ? choose(gens, place, (g) => g, (t) => index.headings.get(t), stated && ((g, y) => indicatorAccepts(g, y, stated)), own && restatedBy(own, indicator, at)) : first;
    const year = at.year ?? latestActualYear(list[0]);
    return year === null ? undefined : { list, year, shownYear: year };
  }
  const list = own ? summaryOwnTargets(own, indicator, at.year) : [];
  return list.length > 0 ? { list, year: at.year ?? UNDATED, shownYear: at.year } : undefined;
}

/**
 * Whether a generation's targets are those the summary lines right after an indicator's progress (its targets', up to
 * the next indicator's) restate: their 目標値 and 実績値 agree, in the year, with that generation's targets of their ids.
 */
function restatedBy(own: SummaryTable, indicator: string, at: Place): ((g: NumericTarget[], year: number) => boolean) | undefined {
  const rows: SummaryRow[] = [];
  for (const r of own.rows) {
    if (r.labelRef.sheet !== at.sheet || r.labelRef.row <= at.row) continue;
    if (!r.target || r.indicator !== indicator) break;
    if (r.targetValue || r.actualValue) rows.push(r);
  }
  if (rows.length === 0) return undefined;
  return (g, year) =>
    rows.every((r) => {
      const t = g.find((x) => x.id.key === r.target!.key) ?? (g.length === 1 && r.target!.key === indicator ? g[0] : undefined);
      const i = t ? columnOfYear(t, r.year ?? year) : -1;
      return i >= 0 && [...summaryDifferences(r, t!, i)].every((d) => d.field !== 'target' && d.field !== 'actual');
    });
}

/**
 * Whether a stated indicator progress is one indicator-score-mismatch accepts for its targets in a year: the weighted
 * mean's rounded point, its value from the targets' stated progress (`fromStated`: false where those vouch for nothing,
 * as when the recalculation rewrites one), or a value within the inputs' precision; where some targets state no weight,
 * by the weights given (those counting 0) too; where a target of 0 states no progress, with it counting 0 too.
 */
export function indicatorAccepts(targets: NumericTarget[], year: number, stated: NumberValue, fromStated = true): boolean {
  const decimals = statedDecimals(stated);
  if (fromStated && indicatorAgrees(targets, year, stated.value, decimals)) return true;
  const shown = roundHalfUp(stated.value, decimals);
  const weighings: Weighing[] = weightsPartly(targets, year) ? ['stated', 'given'] : ['stated'];
  const ways = weighings.map((w) => indicatorProgress(targets, year, w));
  if (ways.some((ip) => ip?.leftOut.length)) ways.push(...weighings.map((w) => indicatorProgress(targets, year, w, 'as-zero')));
  return ways.some((ip) => ip && ([ip.point, fromStated ? ip.fromStated : null].some((v) => v && roundHalfUp(v, decimals).eq(shown)) || reachable(shown, decimals, ip.range)));
}

/**
 * Each indicator no progress table holds, with the weights a summary states of its targets (one per target), once
 * per summary and year.
 */
export function* summaryOnlyWeights(model: Model, index: TargetIndex): Generator<[string, { weight: Weight | null }[]]> {
  for (const table of model.tables) {
    if (table.kind !== 'summary') continue;
    for (const rows of targetRowsOf(table, (row) => !index.byIndicator.has(row.indicator)).values()) yield [rows[0].indicator, rows.map((row) => ({ weight: weightOf(row) }))];
  }
}

/** A summary's rows naming a target that `keep` keeps, by indicator and year (`1\u00002023`), the first of each target. */
function targetRowsOf(table: SummaryTable, keep: (row: SummaryRow) => boolean): Map<string, SummaryRow[]> {
  const groups = new Map<string, SummaryRow[]>();
  const seen = new Set<string>();
  for (const row of table.rows) {
    if (!row.target || !keep(row)) continue;
    const key = `${row.indicator}\u0000${row.year}`;
    const once = `${key}\u0000${row.target.key}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The weight a summary row states, in percent. */
export function weightOf(row: SummaryRow): Weight | null {
  const w = row.weight?.parsed;
  return w?.kind === 'number' ? { value: weightPercent(w), ref: row.weight!.ref, text: row.weight!.text.trim() } : null;
}

/**
 * An indicator's targets as a summary handed in without its progress table states them: one per row naming a
 * target of the indicator in the year (null: none named) with a target and an actual, with its weight.
 */
function summaryOwnTargets(table: SummaryTable, indicator: string, year: number | null): NumericTarget[] {
  let byIndicator = ownTargets.get(table);
  if (!byIndicator) ownTargets.set(table, (byIndicator = indexOwnTargets(table)));
  return byIndicator.get(`${indicator}\u0000${year}`) ?? [];
}

// summaryOwnTargets of every indicator and year of a summary, worked out once (the rule and the recalculation ask
// for each indicator's stated progress).
const ownTargets = new WeakMap<SummaryTable, Map<string, NumericTarget[]>>();

function indexOwnTargets(table: SummaryTable): Map<string, NumericTarget[]> {
  const index = new Map<string, NumericTarget[]>();
  for (const [key, rows] of targetRowsOf(table, (row) => !!row.targetValue && !!row.actualValue)) {
    index.set(
      key,
      rows.map((row) => ({
        id: row.target!,
        idInferred: false,
        label: '',
        labelRef: row.labelRef,
        goal: null,
        mode: 'flow',
        modeSource: 'default',
        weight: weightOf(row),
        columns: [{ col: row.labelRef.col, year: row.year ?? UNDATED, baseline: false, header: '' }],
        target: [row.targetValue!],
        actual: [row.actualValue!],
        progress: row.progress ? [row.progress] : null,
        rows: { target: row.labelRef.row, actual: row.labelRef.row, progress: row.progress ? row.labelRef.row : null },
      })),
    );
  }
  return index;
}

export function latestActualYear(target: NumericTarget): number | null {
  const order = yearOrder(target.columns);
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    if (asNumber(target.actual[i].parsed)) return target.columns[i].year ?? null;
  }
  return null;
}

export interface IndicatorProgress {
  indicator: string;
  year: number;
  parts: WeightedPart[];
  /** Σ wᵢ·pᵢ ÷ Σ wᵢ with unrounded pᵢ, and rounded. */
  point: Decimal;
  expected: Decimal;
  /** The same from the stated, rounded pᵢ. */
  fromStated: Decimal | null;
  range: Interval;
  weighted: boolean;
  calc: string;
  /** Targets whose target for the year is 0 and which state no progress (zero-target): left out of the mean; by id (`1-④`), or as written where the word is not 数値目標 (`指標1-④`). */
  leftOut: string[];
}

/**
 * How an indicator's targets are weighed: by the weights they state when all state one, else equally (`stated`); or by
 * the weights stated, a target stating none counting 0 (`given`: `50% | - | 50%` may well mean the second counts for
 * nothing; the rules accept a value worked out either way).
 */
export type Weighing = 'stated' | 'given';

/** Whether some but not all of an indicator's targets state a weight for a year. */
export function weightsPartly(targets: readonly NumericTarget[], year: number): boolean {
  let given = 0;
  for (const t of targets) if (weightIn(t, year)?.value) given++;
  return given > 0 && given < targets.length;
}

function weightFor(t: NumericTarget, year: number, weighted: boolean, weighing: Weighing): Decimal {
  if (weighing === 'given') return weightIn(t, year)?.value?.value ?? dec(0);
  return weighted ? weightIn(t, year)!.value!.value : dec(1);
}

/**
 * How a target whose target for the year is 0 and which states no progress (SPEC §3: none can be computed) enters its
 * indicator's mean: left out, the others' weights then making the whole (`left-out`), or counting 0 with its weight
 * (`as-zero`, what a SUMPRODUCT over its `-` gives; the rule accepts either).
 */
export type ZeroTargets = 'left-out' | 'as-zero';

/** Whether a target's target in column `i` is 0 with no progress stated: it has none for its indicator's mean. */
function noProgressAtZero(t: NumericTarget, i: number): boolean {
  const tv = asNumber(t.target[i].parsed);
  return !!tv && tv.value.isZero() && !asNumber(t.progress?.[i]?.parsed);
}

/**
 * The indicator's progress for one year; undefined when some target's progress cannot be had, other than a target of 0
 * (zeroTargets), or when none can.
 */
export function indicatorProgress(targets: NumericTarget[], year: number, weighing: Weighing = 'stated', zeroTargets: ZeroTargets = 'left-out'): IndicatorProgress | undefined {
  if (targets.length === 0) return undefined;
  const weighted = weighing === 'given' || (targets.length > 1 && targets.every((t) => weightIn(t, year)?.value));
  const parts: WeightedPart[] = [];
  const los: Decimal[] = [];
  const his: Decimal[] = [];
  const leftOut: string[] = [];
  for (const t of targets) {
    const i = columnOfYear(t, year);
    if (i < 0) return undefined;
    const status = progressStatuses(t)[i];
    const statedP = asNumber(t.progress?.[i]?.parsed);
    const weight = weightFor(t, year, weighted, weighing);
    let point: Decimal;
    let range: Interval;
    if (status.kind === 'zero-target' && status.stated) {
      point = status.stated;
      range = { lo: point, hi: point };
    } else if (noProgressAtZero(t, i)) {
      leftOut.push(t.id.written ?? t.id.display);
      if (zeroTargets === 'left-out') continue;
      point = dec(0);
      range = { lo: point, hi: point };
    } else {
      const a = asNumber(t.actual[i].parsed);
      const tv = asNumber(t.target[i].parsed);
      const p = a && tv ? progressOf(a, tv) : undefined;
      if (!p) return undefined;
      point = p.point;
      range = p.range;
    }
    const stated = statedP ? statedPercent(statedP, point) : undefined;
    parts.push({ target: t.id.display, weight, point, stated: stated ? roundHalfUp(stated.value, stated.decimals) : undefined });
    los.push(weight.times(range.lo));
    his.push(weight.times(range.hi));
  }
  const wSum = sum(parts.map((p) => p.weight));
  if (leftOut.length === targets.length || wSum.isZero()) return undefined;
  // With a target left out, its partners' weights are shown even when one is left.
  const w = weightedProgress(parts, weighted && leftOut.length > 0);
  return {
    indicator: targets[0].id.indicator,
    year,
    parts,
    point: w.fromPoint,
    expected: roundHalfUp(w.fromPoint),
    fromStated: w.fromStated,
    range: { lo: sum(los).div(wSum), hi: sum(his).div(wSum) },
    weighted,
    calc: w.calc,
    leftOut,
  };
}

/**
 * Whether a stated indicator progress (`shown` at `decimals`, rounded half up) agrees with
 * indicatorProgress as the rule accepts it: its rounded point, its value from stated progress,
 * or its range. Decided in fractions; true only when it surely agrees, false when it does not
 * or when the numbers are too large for fractions, and then indicatorProgress decides.
 */
export function indicatorAgrees(targets: NumericTarget[], year: number, stated: Decimal, decimals: number): boolean {
  try {
    return indicatorAgreesExactly(targets, year, stated, decimals, 'stated') || (weightsPartly(targets, year) && indicatorAgreesExactly(targets, year, stated, decimals, 'given'));
  } catch (e) {
    if (!exact.isOutOfRange(e)) throw e;
    return false;
  }
}

const ZERO: exact.Fraction = { n: 0, d: 1 };
const ONE: exact.Fraction = { n: 1, d: 1 };

function indicatorAgreesExactly(targets: NumericTarget[], year: number, stated: Decimal, decimals: number, weighing: Weighing): boolean {
  if (targets.length === 0) return false;
  const weighted = weighing === 'given' || (targets.length > 1 && targets.every((t) => weightIn(t, year)?.value));
  let wSum = ZERO;
  let fromPoint = ZERO;
  let fromStated: exact.Fraction | null = ZERO;
  // The ranges are needed only when neither the point nor the stated progress agrees.
  const parts: { weight: exact.Fraction; point: exact.Fraction; a?: NumberValue; t?: NumberValue }[] = [];
  for (const t of targets) {
    const i = columnOfYear(t, year);
    if (i < 0) return false;
    const status = progressStatuses(t)[i];
    const statedP = asNumber(t.progress?.[i]?.parsed);
    const weight = weighted ? exact.fractionOf(weightFor(t, year, true, weighing)) : ONE;
    let point: exact.Fraction;
    if (status.kind === 'zero-target' && status.stated) {
      point = exact.fractionOf(status.stated);
      parts.push({ weight, point });
    } else if (noProgressAtZero(t, i)) {
      continue;
    } else {
      const a = asNumber(t.actual[i].parsed);
      const tv = asNumber(t.target[i].parsed);
      if (!a || !tv || tv.value.isZero() || !unitsCompatible(a, tv)) return false;
      point = exact.reduce(progressFraction(a, tv));
      parts.push({ weight, point, a, t: tv });
    }
    if (statedP && fromStated) {
      const p = statedPercentExactly(statedP, point);
      const rounded = { n: exact.roundHalfUpAt(p.value, p.decimals), d: exact.pow10(p.decimals) };
      fromStated = exact.reduce(exact.add(fromStated, exact.times(weight, rounded)));
    } else fromStated = null;
    wSum = exact.add(wSum, weight);
    fromPoint = exact.reduce(exact.add(fromPoint, exact.reduce(exact.times(weight, point))));
  }
  if (wSum.n === 0) return false;
  const shown = exact.roundHalfUpAt(exact.fractionOf(stated), decimals);
  if (exact.roundHalfUpAt(exact.divide(fromPoint, wSum), decimals) === shown) return true;
  if (fromStated && exact.roundHalfUpAt(exact.divide(fromStated, wSum), decimals) === shown) return true;
  let lo = ZERO;
  let hi = ZERO;
  for (const part of parts) {
    const range = part.a && part.t ? progressRangeExactly(part.a, part.t, part.point) : { lo: part.point, hi: part.point };
    lo = exact.reduce(exact.add(lo, exact.reduce(exact.times(part.weight, range.lo))));
    hi = exact.reduce(exact.add(hi, exact.reduce(exact.times(part.weight, range.hi))));
  }
  return reachableExactly(shown, decimals, exact.divide(lo, wSum), exact.divide(hi, wSum));
}

/**
 * The goals the summaries state that are not a table's own, each with the target of the tables it restates: totals
 * (`cumulative`: a 本文 line under a target's id, `累計：475 億円`) or levels (after the id, `900 社（令和7年度）`).
 */
export function summaryGoals(model: Model, targets: TargetIndex, cumulative: boolean): { target: NumericTarget; goal: PlanGoal }[] {
  const at = (ref: CellRef) => `${ref.sheet}\u0000${ref.row}:${ref.col}`;
  const found: { target: NumericTarget; goal: PlanGoal }[] = [];
  let own: Set<string | null> | undefined;
  for (const table of model.tables) {
    if (table.kind !== 'summary' || !table.goals) continue;
    // The tables' goals, gathered only for a summary that states goals (most state none).
    own ??= new Set(targets.all.map(({ target: t }) => t.goal && at(t.goal.ref)));
    for (const g of table.goals) {
      const value = asNumber(g.goal.parsed);
      if (!value || g.cumulative !== cumulative || own.has(at(g.goal.ref))) continue;
      const t = summaryTarget(targets, { indicator: g.indicator, target: g.target, year: null, labelRef: g.goal.ref });
      if (t) found.push({ target: t, goal: { value, cumulative, year: g.year, ref: g.goal.ref, text: g.text } });
    }
  }
  return found;
}

/**
 * The table target a summary line names, when the workbook repeats it the one of the table `choose` finds the
 * line speaks of; `数値目標(2)` also names the single target of indicator 2.
 */
export function summaryTarget(index: TargetIndex, row: SummaryRow): NumericTarget | undefined {
  if (!row.target) return undefined;
  const list = index.byIndicator.get(row.indicator);
  // An indicator of one target: `数値目標(2)` and `数値目標(2)-①` name that target, whichever the table and the summary write.
  const only = list?.length === 1 && (row.target.key === row.indicator || (row.target.key === `${row.indicator}-1` && list[0].id.key === row.indicator)) ? list[0] : undefined;
  const first = index.byKey.get(row.target.key) ?? only;
  const same = first && index.repeats?.allByKey.get(first.id.key);
  if (!same) return first;
  return choose(
    same,
    summaryPlace(index, row),
    (t) => [t],
    (t) => index.headings.get(t),
    (t, year) => {
      const i = columnOfYear(t, year);
      return i >= 0 && summaryDifferences(row, t, i).next().done === true;
    },
    (t, year) => {
      const i = columnOfYear(t, year);
      return i >= 0 && (!!row.targetValue || !!row.actualValue) && [...summaryDifferences(row, t, i)].every((d) => d.field !== 'target' && d.field !== 'actual');
    },
  );
}

/** How a summary row's figure differs from its table's in a column (summary-mismatch reports each). */
export interface SummaryDifference {
  field: 'target' | 'actual' | 'weight' | 'progress';
  ref: CellRef;
  expected: number;
  stated: number;
  calc: string | undefined;
  unit: string;
  /** The table's unit, where it cannot be converted into the summary's (`200人` against `87億円`): the expected value's. */
  expectedUnit?: string;
  /** The figure states a running total (compared with the target's running totals). */
  running?: true;
  /** The words stated after a progress's number (`以上` of `100%以上`, `(達成)`), named with it. */
  said?: string;
}

/** A number as the interval its shown digits cover, exact or not: 33 % is 32.5–33.5 %. */
function asShown(v: NumberValue): NumberValue {
  if (!v.exact) return v;
  const half = halfStep(v.decimals).times(v.scale);
  return { ...v, lo: v.value.minus(half), hi: v.value.plus(half) };
}

/**
 * How a summary row's figure differs from its table's (`totals`: the figure states a running total, compared with these).
 * A function of its own, not a closure made for every summary row.
 */
function differenceOf(
  field: 'target' | 'actual' | 'weight',
  cell: ValueCell | undefined,
  tableAsRead: NumberValue | undefined | null,
  totals?: RunningTotals,
): SummaryDifference | undefined {
  const total = totals !== undefined;
  const figure = asNumber(cell?.parsed);
  // A weight in percent, as the table's is read (weightPercent): 0.33 in a summary's 寄与度 column is 33 %.
  const statedAsRead = figure && field === 'weight' ? weightPercent(figure) : figure;
  if (!statedAsRead || !tableAsRead || !cell) return undefined;
  if (total && restatedTotal(statedAsRead, field === 'target' ? totals.targets : totals.actuals)) return undefined;
  // `87 億円` in a line against a bare 87 in the table: the same amount.
  const stated = inUnitOf(statedAsRead, tableAsRead);
  const table = inUnitOf(tableAsRead, statedAsRead);
  // A weight is a share rounded as shown (`33%` for 1/3), whether or not it counts as exact elsewhere.
  if (mayBeEqual(stated, table) || (field === 'weight' && mayBeEqual(asShown(stated), asShown(table)))) return undefined;
  const scale = stated.scale;
  // A value that is no finite decimal (a weight of 1/3: 33.33…) is reported to two decimals, as weights are shown.
  const reported = (v: Decimal) => (v.decimalPlaces() > 6 ? roundHalfUp(v, 2) : v).toNumber();
  const unit = `${stated.scaleLabel}${stated.unit ?? ''}`;
  // Amounts of units that do not convert (a summary's 200人 against the table's 87億円): each in its own unit.
  const tableScale = unitsCompatible(stated, table) ? scale : table.scale;
  const expectedUnit = tableScale === scale ? unit : `${table.scaleLabel}${table.unit ?? ''}`;
  return {
    field,
    ref: cell.ref,
    expected: reported(table.value.div(tableScale)),
    stated: reported(stated.value.div(scale)),
    calc: `${show(table.value.div(tableScale), 4)} ≠ ${show(stated.value.div(scale), 4)}`,
    unit,
    ...(expectedUnit !== unit && { expectedUnit }),
    ...(total && { running: true as const }),
  };
}

/**
 * Each figure of a summary row (当該年度目標値, 実績値, 寄与度, 進捗度) that differs from its table target's in column `i`.
 * Figures stated as running totals are compared with the target's running totals (any way of writing them), never with
 * one year's; there being none, they are left unchecked.
 */
export function* summaryDifferences(row: SummaryRow, t: NumericTarget, i: number): Generator<SummaryDifference> {
  const running = row.runningTotals;
  const totals = running ? runningTotals(t, i) : undefined;
  const target = running?.target
    ? differenceOf('target', row.targetValue, totals!.targets[0], totals)
    : differenceOf('target', row.targetValue, asNumber(t.target[i].parsed));
  if (target) yield target;
  const actual = running?.actual
    ? differenceOf('actual', row.actualValue, totals!.actuals[0], totals)
    : differenceOf('actual', row.actualValue, asNumber(t.actual[i].parsed));
  if (actual) yield actual;
  const weight = row.weight && differenceOf('weight', row.weight, weightIn(t, t.columns[i].year)?.value);
  if (weight) yield weight;
  const statedAsRead = asNumber(row.progress?.parsed);
  if (!statedAsRead || !row.progress) return;
  const stated = multipleAsPercent(statedAsRead);
  if (running?.progress) {
    const status = runningProgressStatus(t, i, row);
    if (status?.kind === 'mismatch') {
      yield {
        field: 'progress',
        ref: row.progress.ref,
        expected: status.expected.toNumber(),
        stated: status.stated.toNumber(),
        calc: status.calc,
        unit: '%',
        running: true,
      };
    }
    return;
  }
  const decimals = statedDecimals(stated);
  const tableAsRead = asNumber(t.progress?.[i]?.parsed);
  const tableStated = tableAsRead && multipleAsPercent(tableAsRead);
  // The summary usually repeats the table's progress: then nothing else is needed, unless its words may say what the
  // progress is not (a strict bound, a reached note: below), which takes working out the progress (most lines have none).
  if (!wordsMayFail(stated) && tableStated && exact.roundedEqual(tableStated.value, stated.value, decimals)) return;
  const shown = roundHalfUp(stated.value, decimals);
  const a = asNumber(t.actual[i].parsed);
  const tv = asNumber(t.target[i].parsed);
  const p = a && tv ? progressOf(a, tv) : undefined;
  // A strict bound no progress the inputs allow meets (`100%超` for 199 ÷ 200 = 99.5 %), or a note saying the target was
  // reached where it was not (`68%(達成)`), is wrong though its number agrees, as in the table (where the table states it
  // so too, the table's finding says it).
  const saysSame = !!tableStated && tableStated.bound === stated.bound && tableStated.reached === stated.reached;
  const contradicted = !!p && !saysSame && wordsFail(stated, p, decimals);
  // The summary usually repeats the table's progress: then nothing else is needed.
  if (!contradicted && tableStated && exact.roundedEqual(tableStated.value, stated.value, decimals)) return;
  if (!contradicted && ((p && reachable(shown, decimals, p.range)) || (!p && !tableStated))) return;
  const expected = p ? roundHalfUp(p.point, decimals) : roundHalfUp(tableStated!.value, decimals);
  // A progress stated as a bound (`100%以上`) holds where the progress reaches it, as a table's does; named with its bound where it does not.
  if (!contradicted && stated.bound && boundHolds(expected, stated.bound, shown)) return;
  const status = progressStatuses(t)[i];
  yield {
    field: 'progress',
    ref: row.progress.ref,
    expected: expected.toNumber(),
    stated: shown.toNumber(),
    calc: 'calc' in status ? status.calc : undefined,
    unit: '%',
    ...saidOf(stated),
  };
}

/** The sum of figures (bare numbers in the unit of those stating one); undefined for none, or units that do not add. */
function totalOf(list: NumberValue[]): NumberValue | undefined {
  if (list.length === 0) return undefined;
  const like = list.find((v) => v.unit !== null || v.scaleLabel !== '');
  const values = like ? list.map((v) => inUnitOf(v, like)) : list;
  if (values.some((v) => !unitsCompatible(v, values[0]))) return undefined;
  return {
    ...(like ?? values[0]),
    value: sum(values.map((v) => v.value)),
    lo: sum(values.map((v) => v.lo)),
    hi: sum(values.map((v) => v.hi)),
    decimals: Math.max(...values.map((v) => v.decimals)),
    exact: values.every((v) => v.exact),
  };
}

export interface RunningTotals {
  targets: NumberValue[];
  actuals: NumberValue[];
  /** What each of targets, and of actuals, is (RunningBasis), in the same order. */
  targetBases: RunningBasis[];
  actualBases: RunningBasis[];
  /** The progress a 累計 column states, when it speaks of the same year. */
  progress?: NumberValue;
}

/**
 * What a running total is: the 累計 column's, the year's own (a stock target's level), the plan's goal, the sum of all
 * the years' targets or of those so far; `period` ones are of the year's plan in a table spanning two.
 */
export type RunningBasis = 'column' | 'year' | 'goal' | 'all' | 'soFar' | 'periodGoal' | 'periodAll' | 'periodSoFar';

/**
 * What a summary stating running totals (`目標値（累計）`, `累計実績値`) may restate of a target through its column `i`,
 * in each of the ways totals are written (as totalProgressStatus accepts them). Targets: the 累計 column's, the plan's
 * goal, the sum of all the years' targets and of those so far (for a target whose rows are levels or running totals,
 * the year's own instead of the sums); actuals: the 累計 column's, the sum of the actuals so far (the year's own for
 * such a target). The 累計 column counts only for its latest year. Of a table spanning two plans, the sums since the
 * year's plan began come first (periodColumns). The first of each is the one to name when none agrees; empty lists leave
 * the figures unchecked.
 */
export function runningTotals(t: NumericTarget, i: number): RunningTotals {
  const year = t.columns[i].year;
  const latest = year !== null && year === latestActualYear(t);
  // The 累計 column adding up the year (a plan period's, where the table has one for each).
  const total = latest ? t.totals?.filter((c) => !c.of || c.of.includes(i)).at(-1) : undefined;
  const targets: [RunningBasis, NumberValue | undefined][] = [['column', asNumber(total?.target?.parsed)]];
  const actuals: [RunningBasis, NumberValue | undefined][] = [['column', asNumber(total?.actual?.parsed)]];
  if (t.mode === 'stock') {
    targets.push(['year', asNumber(t.target[i].parsed)], ['goal', t.goal?.value]);
    actuals.push(['year', asNumber(t.actual[i].parsed)]);
  } else if (year !== null) {
    // Of a table spanning two plans, the running totals since the year's plan began first.
    const period = periodColumns(t, i);
    if (period) {
      const sums = sumsThrough(t, year, (k) => period.includes(k));
      targets.push(
        ...(t.otherGoals ?? []).filter((g) => goalYears(g)?.includes(year)).map((g): [RunningBasis, NumberValue] => ['periodGoal', g.value]),
        ['periodAll', sums.all],
        ['periodSoFar', sums.targetsSoFar],
      );
      actuals.push(['periodSoFar', sums.actualsSoFar]);
    }
    const sums = sumsThrough(t, year, () => true);
    targets.push(['goal', t.goal?.value], ['all', sums.all], ['soFar', sums.targetsSoFar]);
    actuals.push(['soFar', sums.actualsSoFar]);
  }
  const progress = asNumber(total?.progress?.parsed);
  const given = (list: [RunningBasis, NumberValue | undefined][]) => list.filter((e): e is [RunningBasis, NumberValue] => e[1] !== undefined);
  const t2 = given(targets);
  const a2 = given(actuals);
  return { targets: t2.map((e) => e[1]), actuals: a2.map((e) => e[1]), targetBases: t2.map((e) => e[0]), actualBases: a2.map((e) => e[0]), ...(progress && { progress }) };
}

/** A flow target's yearly targets and actuals added up, of the columns `keep` keeps: all the targets, and those through `year`. */
function sumsThrough(t: NumericTarget, year: number, keep: (k: number) => boolean) {
  const all: NumberValue[] = [];
  const targetsSoFar: NumberValue[] = [];
  const actualsSoFar: NumberValue[] = [];
  for (let k = 0; k < t.columns.length; k++) {
    const c = t.columns[k];
    if (c.baseline || c.year === null || !keep(k)) continue;
    const tv = asNumber(t.target[k].parsed);
    const a = asNumber(t.actual[k].parsed);
    if (tv) all.push(tv);
    if (c.year > year) continue;
    if (tv) targetsSoFar.push(tv);
    if (a) actualsSoFar.push(a);
  }
  return { all: totalOf(all), targetsSoFar: totalOf(targetsSoFar), actualsSoFar: totalOf(actualsSoFar) };
}

/** The years a plan's total names (`令和4～8年度`, or those PlanGoal.period gives it). */
function goalYears(g: PlanGoal): number[] | undefined {
  const period = goalPlanPeriod(g);
  if (period?.to == null) return undefined;
  return Array.from({ length: period.years }, (_, k) => period.to! - period.years + 1 + k);
}

/**
 * The columns of the plan period column `i` is of, in a table spanning two: those its period's 累計 column adds up, else
 * those of the years of the plan whose goal the label states (`第2期 500億円（令和4～8年度累計）`). Undefined in a table
 * of one plan.
 */
function periodColumns(t: NumericTarget, i: number): number[] | undefined {
  const total = t.totals?.find((c) => c.of?.includes(i));
  if (total && (t.totals?.length ?? 0) > 1) return total.of;
  if (!t.otherGoals) return undefined;
  const year = t.columns[i].year;
  for (const g of [t.goal, ...t.otherGoals]) {
    const years = g && goalYears(g);
    if (years && year !== null && years.includes(year)) return [...t.columns.keys()].filter((k) => years.includes(t.columns[k].year ?? NaN));
  }
  return undefined;
}

/** Of running totals, the first a stated figure may restate; undefined when it restates none. */
export function restatedTotal(stated: NumberValue, totals: readonly NumberValue[]): NumberValue | undefined {
  return totals.find((v) => unitsCompatible(stated, v) && mayBeEqual(inUnitOf(stated, v), inUnitOf(v, stated)));
}

/** Whether a stated progress (in percent) is actual ÷ target × 100 within the inputs' displayed precision. */
function runningAgrees(stated: NumberValue, a: NumberValue, b: NumberValue): boolean {
  const p = progressOf(a, b);
  if (!p) return false;
  const s = statedPercent(stated, p.point);
  const rounded = roundHalfUp(s.value, s.decimals);
  return roundHalfUp(p.point, s.decimals).eq(rounded) || reachable(rounded, s.decimals, p.range);
}

/** The running totals a progress of them is worked out from: the actual so far and the target of those bases. */
export interface RunningPair {
  actual: RunningBasis;
  target: RunningBasis;
}

/**
 * How a summary's progress of running totals compares with the target's running totals: 'ok' when some actual so far
 * over some target of them gives it (those the row restates, when it restates its target or actual; else any, or the
 * 累計 column's progress, unless `columnVouches` is false: a recalculation rewriting it); else the mismatch, worked out
 * from the running totals the row restates (else those of `pair`, where the year has them; else the first of each).
 * Undefined when there is nothing to compare with.
 */
export function runningProgressStatus(
  t: NumericTarget,
  i: number,
  row: SummaryRow,
  pair?: RunningPair,
  columnVouches = true,
): { kind: 'ok' } | { kind: 'mismatch'; stated: Decimal; expected: Decimal; calc: string; pair: RunningPair } | undefined {
  const statedAsRead = asNumber(row.progress?.parsed);
  if (!statedAsRead) return undefined;
  const stated = multipleAsPercent(statedAsRead);
  const totals = runningTotals(t, i);
  if (totals.targets.length === 0 || totals.actuals.length === 0) return undefined;
  const restated = (field: 'target' | 'actual', cell: ValueCell | undefined, list: NumberValue[]) => {
    const v = row.runningTotals?.[field] ? asNumber(cell?.parsed) : undefined;
    return v && restatedTotal(v, list);
  };
  const ownActual = restated('actual', row.actualValue, totals.actuals);
  const ownTarget = restated('target', row.targetValue, totals.targets);
  const decimals = statedDecimals(stated);
  const shown = roundHalfUp(stated.value, decimals);
  if (columnVouches && !ownActual && !ownTarget && totals.progress && roundHalfUp(totals.progress.value, decimals).eq(shown)) return { kind: 'ok' };
  for (const a of ownActual ? [ownActual] : totals.actuals) {
    for (const b of ownTarget ? [ownTarget] : totals.targets) {
      if (runningAgrees(stated, a, b)) return { kind: 'ok' };
    }
  }
  const k = pair ? totals.actualBases.indexOf(pair.actual) : -1;
  const m = pair ? totals.targetBases.indexOf(pair.target) : -1;
  const ak = ownActual ? totals.actuals.indexOf(ownActual) : k >= 0 && m >= 0 ? k : 0;
  const bm = ownTarget ? totals.targets.indexOf(ownTarget) : k >= 0 && m >= 0 ? m : 0;
  const a = totals.actuals[ak];
  const b = totals.targets[bm];
  const p = progressOf(a, b);
  if (!p) return undefined;
  return {
    kind: 'mismatch',
    stated: shown,
    expected: roundHalfUp(p.point, decimals),
    calc: progressCalc(a, b, p.point, decimals),
    pair: { actual: totals.actualBases[ak], target: totals.targetBases[bm] },
  };
}

/**
 * The running totals a row of progress of running totals (a block's 累計進捗度 row) is written in: the pair of bases
 * most of its stated cells agree with (the first in runningTotals' order on a tie); undefined when none agrees.
 */
export function runningPairOf(t: NumericTarget, cells: readonly (ValueCell | undefined)[]): RunningPair | undefined {
  const votes = new Map<string, { pair: RunningPair; count: number; order: number }>();
  cells.forEach((cell, i) => {
    const statedAsRead = asNumber(cell?.parsed);
    if (!statedAsRead || i >= t.columns.length) return;
    const stated = multipleAsPercent(statedAsRead);
    const totals = runningTotals(t, i);
    totals.actuals.forEach((a, k) =>
      totals.targets.forEach((b, m) => {
        if (!runningAgrees(stated, a, b)) return;
        const pair = { actual: totals.actualBases[k], target: totals.targetBases[m] };
        const key = `${pair.actual}/${pair.target}`;
        const v = votes.get(key) ?? { pair, count: 0, order: k * 16 + m };
        v.count++;
        votes.set(key, v);
      }),
    );
  });
  let best: { pair: RunningPair; count: number; order: number } | undefined;
  for (const v of votes.values()) if (!best || v.count > best.count || (v.count === best.count && v.order < best.order)) best = v;
  return best?.pair;
}
