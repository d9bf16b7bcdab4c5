/**
 * The computations of SPEC §3 with exact decimals: progress, weighted indicator progress,
 * the overall score and the cumulative sums, each with the interval the inputs' displayed
 * precision allows, so that a stated value is an error only when no consistent input gives it.
 */
import { Decimal, dec, roundHalfUp, show, showBeforeRounding, sum } from './decimal.js';
import * as exact from './exact.js';
import { asNumber, inUnitOf, parseNumberText, unitGroup, type NumberValue, type Parsed } from './numbers.js';
import { keepShape } from './shapes.js';
import type { NumericTarget, PlanGoal, TargetMode, TotalColumn, ValueCell, YearColumn } from './model.js';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

export { asNumber };

export function overlaps(a: Interval, b: Interval): boolean {
  return exact.compareDecimals(a.lo, b.hi) <= 0 && exact.compareDecimals(b.lo, a.hi) <= 0;
}

/**
 * Whether two shown numbers may stand for one value. The values a number shown rounded stands for are [lo, hi) above
 * zero (119.5 億円 shows as 120, 120.5 as 121), (lo, hi] below it (−62.5 shows as −63) and (lo, hi) at zero; a number
 * stated exactly is its value alone. Shown at one precision, 120 and 121 never stand for one value, though their
 * intervals touch at 120.5.
 */
export function mayBeEqual(a: NumberValue, b: NumberValue): boolean {
  return startsBelowEnd(a, b) && startsBelowEnd(b, a);
}

/** Whether some value a stands for is at most some value b stands for: a's lower end against b's upper end. */
function startsBelowEnd(a: NumberValue, b: NumberValue): boolean {
  const c = exact.compareDecimals(a.lo, b.hi);
  if (c !== 0) return c < 0;
  // The ends meet: both must belong to their intervals. A number stated exactly holds one decimal for both ends (the
  // common case: a restatement of an exact count), else they are compared.
  // Signs read from the decimals and ends compared as fractions: decimal.js's gt(0), lt(0) and eq() give the same answers
  // but allocate a Decimal each, and every restated exact count comes here.
  const lowerEndIn = a.lo === a.hi || (a.value.isPositive() && !a.value.isZero()) || exact.compareDecimals(a.lo, a.hi) === 0;
  const upperEndIn = b.lo === b.hi || (b.value.isNegative() && !b.value.isZero()) || exact.compareDecimals(b.lo, b.hi) === 0;
  return lowerEndIn && upperEndIn;
}

// Sums kept in scratch fractions, not new ones per value (overlapsSum and compareWithLowSum run for every total and goal).
const scratchLow: exact.Fraction = { n: 0, d: 1 };
const scratchHigh: exact.Fraction = { n: 0, d: 1 };

function zeroed(f: exact.Fraction): exact.Fraction {
  f.n = 0;
  f.d = 1;
  return f;
}

/** Adds x to the fraction `sum` in place (exact.ts's integers: throws past their range, as exact.add). */
function addInto(sum: exact.Fraction, x: Decimal): void {
  const f = exact.fractionInto(x, scratchPoint);
  if (f.d === sum.d) sum.n = exact.sum(sum.n, f.n);
  else {
    sum.n = exact.sum(exact.multiply(sum.n, f.d), exact.multiply(f.n, sum.d));
    sum.d = exact.multiply(sum.d, f.d);
  }
}

/** Whether a's interval meets [Σ lo, Σ hi] of `values`. */
export function overlapsSum(a: Interval, values: readonly Interval[]): boolean {
  try {
    const lo = zeroed(scratchLow);
    const hi = zeroed(scratchHigh);
    for (const v of values) {
      addInto(lo, v.lo);
      addInto(hi, v.hi);
    }
    const f = exact.fractionInto(a.lo, scratchPoint);
    if (exact.compareParts(f.n, f.d, hi.n, hi.d) > 0) return false;
    exact.fractionInto(a.hi, f);
    return exact.compareParts(lo.n, lo.d, f.n, f.d) <= 0;
  } catch (e) {
    if (!exact.isOutOfRange(e)) throw e;
  }
  return overlaps(a, { lo: sum(values.map((v) => v.lo)), hi: sum(values.map((v) => v.hi)) });
}

/** x compared with Σ lo of `values`: -1, 0 or 1. */
export function compareWithLowSum(x: Decimal, values: readonly Interval[]): number {
  try {
    // exact.add over the values, in parts and a scratch fraction (as overlapsSum): it runs for every budget row.
    const lo = zeroed(scratchLow);
    for (const v of values) addInto(lo, v.lo);
    const f = exact.fractionInto(x, scratchPoint);
    return exact.compareParts(f.n, f.d, lo.n, lo.d);
  } catch (e) {
    if (!exact.isOutOfRange(e)) throw e;
  }
  return x.comparedTo(sum(values.map((v) => v.lo)));
}

const halfSteps = new Map<number, Decimal>();

/** Half a unit of the last shown digit: 0.5 for `104%`, 0.05 for `103.5%`. */
export function halfStep(decimals: number): Decimal {
  let h = halfSteps.get(decimals);
  if (!h) halfSteps.set(decimals, (h = dec(5).times(dec(10).pow(-(decimals + 1)))));
  return h;
}

/**
 * Whether some value in [lo, hi] rounds (half away from zero, at `decimals`) to `stated`: the values that do are
 * [s − h, s + h) for a positive s, (s − h, s + h] for a negative one (−62.5 → −63), (−h, h) for zero.
 */
export function reachable(stated: Decimal, decimals: number, range: Interval): boolean {
  const sign = stated.isZero() ? 0 : stated.isNegative() ? -1 : 1;
  try {
    const s = exact.fractionOf(stated);
    const h = { n: 5, d: exact.pow10(decimals + 1) };
    return meets(exact.compare(exact.fractionOf(range.lo), exact.add(s, h)), exact.compare(exact.fractionOf(range.hi), exact.subtract(s, h)), sign);
  } catch (e) {
    if (!exact.isOutOfRange(e)) throw e;
  }
  const h = halfStep(decimals);
  return meets(range.lo.cmp(stated.plus(h)), range.hi.cmp(stated.minus(h)), sign);
}

/**
 * Whether [lo, hi] meets the rounding interval of a shown value of sign `sign`, from lo compared with its upper
 * end and hi with its lower end: the upper end belongs to it below zero, the lower end above zero.
 */
function meets(loVsUpper: number, hiVsLower: number, sign: number): boolean {
  return (sign < 0 ? loVsUpper <= 0 : loVsUpper < 0) && (sign > 0 ? hiVsLower >= 0 : hiVsLower > 0);
}

export function unitsCompatible(a: NumberValue, b: NumberValue): boolean {
  // One unit, or none on a side, is compatible whatever its group: unitGroup (a pattern, a lookup) only for two units.
  if (a.unit === b.unit || a.unit === null || b.unit === null) return true;
  const ga = unitGroup(a.unit);
  const gb = unitGroup(b.unit);
  return !ga || !gb || ga === gb;
}

const progressCache = new WeakMap<NumberValue, WeakMap<NumberValue, { point: Decimal; range: Interval } | undefined>>();

/** actual ÷ target × 100, with the interval the shown precision allows (computed once per pair of cells). */
export function progressOf(actual: NumberValue, target: NumberValue): { point: Decimal; range: Interval } | undefined {
  let byTarget = progressCache.get(actual);
  if (!byTarget) progressCache.set(actual, (byTarget = new WeakMap()));
  if (byTarget.has(target)) return byTarget.get(target);
  const result = computeProgress(actual, target);
  byTarget.set(target, result);
  return result;
}

function computeProgress(actualAsRead: NumberValue, targetAsRead: NumberValue): { point: Decimal; range: Interval } | undefined {
  // `120億円` over a bare 100: the 100 is in 億円 too.
  const actual = inUnitOf(actualAsRead, targetAsRead);
  const target = inUnitOf(targetAsRead, actualAsRead);
  if (target.value.isZero() || !unitsCompatible(actual, target)) return undefined;
  const point = pointOf(actual, target);
  if (target.lo.lte(0) && target.hi.gte(0)) return { point, range: { lo: point, hi: point } };
  const candidates = [actual.lo.div(target.lo), actual.lo.div(target.hi), actual.hi.div(target.lo), actual.hi.div(target.hi)].map((x) => x.times(100));
  return { point, range: { lo: Decimal.min(...candidates), hi: Decimal.max(...candidates) } };
}

/** actual ÷ target × 100 of two numbers in one unit (the point of progressOf). */
function pointOf(actual: NumberValue, target: NumberValue): Decimal {
  return actual.value.div(target.value).times(100);
}

export type ProgressStatus =
  | { kind: 'ok'; expected: Decimal; point: Decimal; calc: string }
  | { kind: 'within-precision'; expected: Decimal; point: Decimal; calc: string }
  | { kind: 'mismatch'; expected: Decimal; point: Decimal; stated: Decimal; calc: string }
  | { kind: 'missing'; expected: Decimal; point: Decimal; calc: string }
  | { kind: 'orphan'; stated: Decimal; blank: 'target' | 'actual' | 'both' }
  | { kind: 'zero-target'; stated: Decimal | null }
  | { kind: 'none' };

function showUnit(n: NumberValue): string {
  return show(n.value.div(n.scale), Math.max(n.decimals, 0) + 2);
}

/** `120 ÷ 87 × 100 = 137.93 → 138` */
export function progressCalc(actualAsRead: NumberValue, targetAsRead: NumberValue, point: Decimal, decimals: number): string {
  const actual = inUnitOf(actualAsRead, targetAsRead);
  const target = inUnitOf(targetAsRead, actualAsRead);
  const sameScale = actual.scale.eq(target.scale);
  const a = sameScale ? showUnit(actual) : show(actual.value, 4);
  const t = sameScale ? showUnit(target) : show(target.value, 4);
  return `${a} ÷ ${t} × 100 = ${showBeforeRounding(point, decimals + 2, decimals)} → ${show(roundHalfUp(point, decimals), decimals)}`;
}

/**
 * A stated progress in percent. A numeric cell without a percent format (or the text of a bare number) holding
 * 1.04 where the computation gives about 104 is a ratio (the row is kept as ratios); otherwise the number is the
 * percentage itself (`進捗度(%)` rows of plain numbers).
 */
export function statedPercent(stated: NumberValue, point: Decimal): { value: Decimal; decimals: number } {
  if (isRatioCell(stated, point)) {
    const value = stated.value.times(100);
    return { value, decimals: progressDecimals(value.isInteger(), stated.decimals - 2) };
  }
  return { value: stated.value, decimals: statedDecimals(stated) };
}

/**
 * The decimals a stated progress is compared at: those it shows, none when they are all zeros. A progress is
 * rounded to a whole percent (SPEC §3): `62.0%` (0.62 in a `0.0%` cell) states that whole percent.
 */
export function progressDecimals(whole: boolean, decimals: number): number {
  return whole ? 0 : Math.max(0, decimals);
}

/** progressDecimals of a progress stated as a percentage (`62.0%`, `103.5%`, an indicator's or a summary's). */
export function statedDecimals(stated: NumberValue): number {
  return progressDecimals(stated.value.isInteger(), stated.decimals);
}

/**
 * Whether a stated progress may hold a ratio: a numeric cell without a percent format, or a text of a bare number
 * (`1.04`, typed so or kept as text), as a row of numbers is read. A percent or a unit states what it is.
 */
export function mayHoldRatio(stated: NumberValue): boolean {
  return !stated.percent && (stated.numeric || (stated.unit === null && stated.scaleLabel === ''));
}

/** A progress stated as a multiple (`1.04倍`, 1.04 in a `0.00"倍"` cell) is a ratio whatever its size: 104 %. */
export function statesMultiple(stated: NumberValue): boolean {
  return stated.unit === '倍' && stated.scaleLabel === '' && !stated.percent;
}

/** A stated progress in percent where it is a multiple (`1.04倍` is 104 %, shown to a whole percent), as summaries read theirs. */
export function multipleAsPercent(stated: NumberValue): NumberValue {
  if (!statesMultiple(stated)) return stated;
  const hundred = dec(100);
  return { ...stated, value: stated.value.times(hundred), lo: stated.lo.times(hundred), hi: stated.hi.times(hundred), decimals: stated.decimals - 2, unit: '%', percent: true };
}

export function isRatioCell(stated: NumberValue, point: Decimal): boolean {
  if (statesMultiple(stated)) return true;
  if (!mayHoldRatio(stated)) return false;
  // A low progress (0.15 for 15 %) is a ratio only when it reads as that progress within a point, and as the percent
  // itself does not: 1 where the computation gives 1 % is 1 %, 0.01 is a ratio. Under 1 % the two readings come too
  // close to tell (0.01 is as near 0.5 % as 1 % is): a percent.
  if (point.abs().lt(20)) {
    if (point.abs().lt(1)) return false;
    const off = stated.value.times(100).minus(point).abs();
    return off.lte(1) && off.lt(stated.value.minus(point).abs());
  }
  // 12 where the computation gives 1,200 % is a ratio too: the value a fix writes in a ratio row.
  return stated.value.abs().lt(10) || stated.value.times(100).minus(point).abs().lte(point.abs().div(100));
}

/**
 * A status with a computed progress. The unrounded progress, the expected value and the
 * explanation are worked out when asked for: most cells agree with their computation, and
 * nobody asks.
 */
class Computed<K extends 'ok' | 'within-precision' | 'missing' | 'mismatch'> {
  private expectedValue: Decimal | undefined;
  private pointValue: Decimal | undefined;

  constructor(
    readonly kind: K,
    private readonly actual: NumberValue,
    private readonly target: NumberValue,
    private readonly decimals: number,
  ) {}

  get point(): Decimal {
    // progressOf's point, without the range it works out too (four more divisions), which no status shows.
    return (this.pointValue ??= pointOf(inUnitOf(this.actual, this.target), inUnitOf(this.target, this.actual)));
  }

  get expected(): Decimal {
    return (this.expectedValue ??= roundHalfUp(this.point, this.decimals));
  }

  get calc(): string {
    return progressCalc(this.actual, this.target, this.point, this.decimals);
  }
}

class Mismatch extends Computed<'mismatch'> {
  constructor(
    actual: NumberValue,
    target: NumberValue,
    decimals: number,
    readonly stated: Decimal,
  ) {
    super('mismatch', actual, target, decimals);
  }
}

const one = parseNumberText('1') as NumberValue;
keepShape(new Computed('ok', one, one, 0));
keepShape(new Mismatch(one, one, 0, one.value));

/** Nothing to compare; one shared, frozen status. */
const NONE: ProgressStatus = Object.freeze({ kind: 'none' });

const statusesCache = new WeakMap<NumericTarget, { target: ValueCell[]; actual: ValueCell[]; progress: ValueCell[] | null; statuses: ProgressStatus[] }>();

/**
 * The target a column's progress is worked out of: its own, or, where it states none, that of another column of the same
 * year (`R5 | R5(見込)`: the forecast's actual over the year's target, stated once in the R5 column).
 */
export function targetOfYear(t: NumericTarget, i: number): ValueCell {
  const own = t.target[i];
  const { year, baseline } = t.columns[i];
  if (own.parsed.kind !== 'blank' || year === null || baseline) return own;
  for (let j = 0; j < t.columns.length; j++) {
    if (j !== i && t.columns[j].year === year && !t.columns[j].baseline && t.target[j].parsed.kind === 'number') return t.target[j];
  }
  return own;
}

/** The progress status of every year of a target, worked out once: the rules share them. */
export function progressStatuses(t: NumericTarget): ProgressStatus[] {
  const cached = statusesCache.get(t);
  if (cached && cached.target === t.target && cached.actual === t.actual && cached.progress === t.progress) return cached.statuses;
  const statuses: ProgressStatus[] = [];
  let reduction: boolean | undefined;
  for (let i = 0; i < t.columns.length; i++) {
    let status = assessProgressOnce(targetOfYear(t, i), t.actual[i], t.progress?.[i]);
    // A reduction target's progress may be stated as target ÷ actual × 100 (under the target is over 100 %): SPEC §3 says
    // nothing of targets aiming at less, and actual ÷ target gives them a score upside down, so either way holds.
    if (status.kind === 'mismatch' && (reduction ??= isReduction(t))) {
      const inverse = assessProgressOnce(t.actual[i], targetOfYear(t, i), t.progress?.[i]);
      if (inverse.kind === 'ok' || inverse.kind === 'within-precision') status = inverse;
    }
    // A progress over a target of 0 in percent, as its row states it: a ratio (1 for 100 %) in a row of ratios, a multiple (1倍).
    const stated = asNumber(t.progress?.[i]?.parsed);
    if (status.kind === 'zero-target' && stated && (statesMultiple(stated) || (t.progressRatios && mayHoldRatio(stated)))) status = { kind: 'zero-target', stated: stated.value.times(100) };
    // A baseline year (基準値, 当初) often states no progress: nothing is missing there.
    statuses.push(status.kind === 'missing' && t.columns[i].baseline ? NONE : status);
  }
  statusesCache.set(t, { target: t.target, actual: t.actual, progress: t.progress, statuses });
  return statuses;
}

/** Words of a target aiming at less: 削減, 減少, 低減, 縮減, 抑制, 解消 (待機児童の解消), ゼロ. */
const REDUCTION_WORDS = /削減|減少|低減|縮減|抑制|解消|ゼロ|減らす/;

/**
 * Whether a target aims at less (待機児童数 100 → 50 → 0人, CO2排出量 1,000 → 900万t, 事故件数 400 → 300件): its yearly
 * targets go down year after year and never up, and it is a level to reach (stock) or its label says it reduces.
 */
export function isReduction(t: NumericTarget): boolean {
  if (t.mode !== 'stock' && !REDUCTION_WORDS.test(t.label)) return false;
  let prev: NumberValue | undefined;
  let down = false;
  for (const i of yearOrder(t.columns)) {
    if (t.columns[i].baseline) continue;
    const v = asNumber(t.target[i].parsed);
    if (!v) continue;
    const current = prev ? inUnitOf(v, prev) : v;
    const c = prev ? current.value.comparedTo(prev.value) : 0;
    if (c > 0) return false;
    if (c < 0) down = true;
    prev = current;
  }
  return down;
}

/**
 * Whether a target's progress row states bare numbers as ratios (1.08 for 108 %), as the check reads each against its
 * computed progress: the first number of a progress of 20 % or more decides (a lower one reads as a ratio only within a
 * point), else the first number; undefined when the row holds no bare number over a computable progress.
 */
function rowReadsRatios(t: NumericTarget): boolean | undefined {
  let first: boolean | undefined;
  for (let i = 0; i < t.columns.length; i++) {
    const stated = asNumber(t.progress?.[i]?.parsed);
    const a = asNumber(t.actual[i].parsed);
    const tv = asNumber(targetOfYear(t, i).parsed);
    if (!stated || stated.value.isZero() || statesMultiple(stated) || !a || !tv || tv.value.isZero()) continue;
    if (!mayHoldRatio(stated)) return false;
    const p = progressOf(a, tv);
    if (!p) continue;
    if (p.point.abs().gte(20)) return isRatioCell(stated, p.point);
    first ??= isRatioCell(stated, p.point);
  }
  return first;
}

/** Whether a target states a progress in a year whose target is 0. */
function statesOverZero(t: NumericTarget): boolean {
  return t.columns.some((_, i) => asNumber(t.progress?.[i]?.parsed) !== undefined && asNumber(targetOfYear(t, i).parsed)?.value.isZero() === true);
}

/** Marks the targets whose progress row states ratios (NumericTarget.progressRatios): its own row's way, else its table's first telling row's. */
export function markRatioRows(targets: readonly NumericTarget[]): void {
  // Only a progress stated over a target of 0 is read by the mark (progressStatuses): most tables state none, and need
  // no progress worked out here.
  if (!targets.some(statesOverZero)) return;
  const own = targets.map(rowReadsRatios);
  const table = own.find((r) => r !== undefined);
  targets.forEach((t, k) => {
    if (own[k] ?? table) t.progressRatios = true;
  });
}

/**
 * How a progress stated in a 累計 column compares: with that column's actual ÷ target × 100, as any year's. Totals are
 * written in more than one way (the actual so far over the plan's whole target, or over the targets of the years so
 * far; the column's figures or the sums of the years'): a stated value any of them gives agrees. A blank there states
 * nothing, and nothing is missing.
 */
export function totalProgressStatus(t: NumericTarget, total: TotalColumn): ProgressStatus {
  if (!total.progress || !total.target || !total.actual || total.progress.parsed.kind === 'blank') return NONE;
  const status = assessProgress(total.target, total.actual, total.progress);
  if (status.kind !== 'mismatch') return status.kind === 'missing' ? NONE : status;
  const totalActual = asNumber(total.actual.parsed)!;
  const totalTarget = asNumber(total.target.parsed)!;
  const stated = asNumber(total.progress.parsed)!;
  const actuals: NumberValue[] = [];
  const targetsSoFar: NumberValue[] = [];
  for (const i of total.of ?? t.columns.keys()) {
    // A baseline year (当初, the year before the plan) is no year of the plan's totals.
    if (t.columns[i].baseline) continue;
    const actual = asNumber(t.actual[i].parsed);
    if (!actual) continue;
    const target = asNumber(t.target[i].parsed);
    if (!target || !unitsCompatible(actual, target) || !unitsCompatible(actual, totalActual)) return status;
    actuals.push(actual);
    targetsSoFar.push(target);
  }
  if (actuals.length === 0) return status;
  // Bare numbers in the unit of those that state one (as progressOf reads `120億円` over a bare 100).
  const all = [totalActual, totalTarget, ...actuals, ...targetsSoFar];
  const withUnit = all.find((v) => v.unit !== null || v.scaleLabel !== '');
  const base = (v: NumberValue) => (withUnit ? inUnitOf(v, withUnit) : v).value;
  const sumOf = (list: NumberValue[]) => sum(list.map(base));
  for (const [a, b] of [
    [base(totalActual), sumOf(targetsSoFar)],
    [sumOf(actuals), base(totalTarget)],
    [sumOf(actuals), sumOf(targetsSoFar)],
  ]) {
    if (b.isZero()) continue;
    const point = a.div(b).times(100);
    const { value, decimals } = statedPercent(stated, point);
    if (roundHalfUp(point, decimals).eq(roundHalfUp(value, decimals))) return NONE;
  }
  return status;
}

const statusCache = new WeakMap<ValueCell, { actual: ValueCell; progress: ValueCell | undefined; status: ProgressStatus }>();

/** How the stated progress of one year compares with actual ÷ target (assessed once per cell; rules share it). */
export function assessProgress(target: ValueCell, actual: ValueCell, progress: ValueCell | undefined): ProgressStatus {
  const cached = statusCache.get(target);
  if (cached && cached.actual === actual && cached.progress === progress) return cached.status;
  const status = assessProgressOnce(target, actual, progress);
  statusCache.set(target, { actual, progress, status });
  return status;
}

/**
 * The progress of a year of a block with no progress row (progressStatuses gives such a year none): computed where the
 * year, no baseline, has a target other than 0 and an actual in compatible units.
 */
export function unstatedProgress(t: NumericTarget, i: number): Extract<ProgressStatus, { kind: 'missing' }> | undefined {
  if (t.columns[i].baseline) return undefined;
  const target = asNumber(targetOfYear(t, i).parsed);
  const actual = asNumber(t.actual[i].parsed);
  if (!target || !actual || target.value.isZero() || !unitsCompatible(actual, target)) return undefined;
  return new Computed('missing', actual, target, 0);
}

function assessProgressOnce(target: ValueCell, actual: ValueCell, progress: ValueCell | undefined): ProgressStatus {
  const t = asNumber(target.parsed);
  const a = asNumber(actual.parsed);
  const stated = asNumber(progress?.parsed);
  if (t && t.value.isZero()) return a || stated ? { kind: 'zero-target', stated: stated?.value ?? null } : NONE;
  if (!t || !a) {
    // A progress formula filled ahead into the years to come (`=IFERROR(ROUND(F3/F2*100,0),"")`, `=F3/F2` in `0%`) shows 0
    // over a blank actual or target: it states nothing yet.
    if (stated?.value.isZero() && progress?.formula !== undefined) return NONE;
    if (stated && progress && target.parsed.kind !== 'invalid' && actual.parsed.kind !== 'invalid') {
      const blank = !t && !a ? 'both' : !t ? 'target' : 'actual';
      return { kind: 'orphan', stated: stated.value, blank };
    }
    return NONE;
  }
  // progressOf gives nothing for a zero target (handled above) or for units that do not convert.
  if (!unitsCompatible(a, t)) return NONE;
  if (!progress) return NONE;
  if (progress.parsed.kind === 'blank') return new Computed('missing', a, t, 0);
  if (!stated) return NONE;
  const status = comparedEitherWay(a, t, stated);
  // A progress stated as a bound (`100%以上`, as forms cap what they show) holds when the progress reaches it.
  if (status.kind === 'mismatch' && stated.bound && boundHolds(status.expected, stated.bound, status.stated)) return new Computed('ok', a, t, 0);
  if ((status.kind === 'ok' || status.kind === 'within-precision') && wordsMayFail(stated)) return saidStatus(a, t, stated, status);
  return status;
}

/**
 * A progress whose number agrees but whose words say what it is not: a strict bound (`100%超`, `100%未満`) no progress
 * the inputs allow meets (199 ÷ 200 = 99.5 % rounds to 100 but is not over 100 %, 200 ÷ 200 is neither over nor under
 * it), or a note saying the target was reached (`68%(達成)`) or not (`100%（未達成）` for 200 ÷ 200) where it was not, or
 * was. A mismatch, worked out at the stated number's decimals; `status` where the words hold.
 */
function saidStatus(a: NumberValue, t: NumberValue, stated: NumberValue, status: ProgressStatus): ProgressStatus {
  const p = progressOf(a, t);
  if (!p) return status;
  const { value, decimals } = statedPercent(stated, p.point);
  return wordsFail({ ...stated, value }, p, decimals) ? new Mismatch(a, t, decimals, roundHalfUp(value, decimals)) : status;
}

/** The words stated after a progress's number (`超` of `100%超`, `(達成)` of `68%(達成)`), to name with it in a finding. */
export function saidOf(stated: NumberValue): { said?: string } {
  const note = stated.reached === undefined ? '' : stated.reached ? '(達成)' : '(未達成)';
  const words = `${stated.bound ?? ''}${note}`;
  return words ? { said: words } : {};
}

/** Whether a progress states words wordsFail may find false (a strict bound, a reached note): most state none. */
export function wordsMayFail(stated: NumberValue): boolean {
  return stated.bound === '超' || stated.bound === '未満' || stated.reached !== undefined;
}

/**
 * Whether a progress stated in percent says in words what no progress in `p.range` is: a strict bound (`100%超`,
 * `100%未満`) on its value, or a note that the target was reached (`(達成)`: the progress, as shown at `decimals`, or some
 * progress the inputs allow, is 100 % or more) or not (`(未達成)`: under 100 %).
 */
export function wordsFail(stated: NumberValue, p: { point: Decimal; range: Interval }, decimals: number): boolean {
  if (stated.bound === '超' && !p.range.hi.gt(stated.value)) return true;
  if (stated.bound === '未満' && !p.range.lo.lt(stated.value)) return true;
  if (stated.reached === undefined) return false;
  const shown = roundHalfUp(p.point, decimals);
  return stated.reached ? shown.lt(100) && p.range.hi.lt(100) : shown.gte(100) && p.range.lo.gte(100);
}

function comparedEitherWay(a: NumberValue, t: NumberValue, stated: NumberValue): ProgressStatus {
  try {
    return comparedExactly(a, t, stated);
  } catch (e) {
    if (!exact.isOutOfRange(e)) throw e;
  }
  return comparedWithDecimals(a, t, stated);
}

/**
 * Whether some value in [lo, hi] may meet a goal stated as a bound (`470億円以上（累計）`: a total of 475 does), at the
 * goal's displayed precision: a goal is an error only where no values consistent with both sides meet it.
 */
export function boundMayHold(lo: Decimal, hi: Decimal, goal: NumberValue): boolean {
  if (!goal.bound) return false;
  // A bound from below is met by the highest value against the goal's lowest; one from above, by the lowest against its highest.
  const above = goal.bound === '以下' || goal.bound === '未満';
  return above ? boundHolds(lo, goal.bound, goal.hi) : boundHolds(hi, goal.bound, goal.lo);
}

/** Whether `x` meets a bound stated at `limit` (`100%以上`: x ≥ 100). */
export function boundHolds(x: Decimal, bound: NonNullable<NumberValue['bound']>, limit: Decimal): boolean {
  const c = x.comparedTo(limit);
  return bound === '以上' ? c >= 0 : bound === '超' ? c > 0 : bound === '以下' ? c <= 0 : c < 0;
}

/** A stated progress against actual ÷ target × 100 (target not zero, units that convert). */
export function comparedWithDecimals(a: NumberValue, t: NumberValue, stated: NumberValue): ProgressStatus {
  const p = progressOf(a, t)!;
  const { value: statedValue, decimals } = statedPercent(stated, p.point);
  const expected = roundHalfUp(p.point, decimals);
  const shown = roundHalfUp(statedValue, decimals);
  if (shown.eq(expected)) return new Computed('ok', a, t, decimals);
  if (reachable(shown, decimals, p.range)) return new Computed('within-precision', a, t, decimals);
  return new Mismatch(a, t, decimals, shown);
}

/**
 * comparedWithDecimals in fractions of safe integers (exact.ts): the same steps, so the same
 * answer, without allocating decimals. Throws OUT_OF_RANGE for numbers too large for it.
 */
export function comparedExactly(actualAsRead: NumberValue, targetAsRead: NumberValue, stated: NumberValue): ProgressStatus {
  // As in progressOf: `120億円` over a bare 100 is 120 %.
  const a = inUnitOf(actualAsRead, targetAsRead);
  const t = inUnitOf(targetAsRead, actualAsRead);
  const point = progressFraction(a, t, scratchPoint);
  const pn = point.n;
  const pd = point.d;
  const value = exact.fractionInto(stated.value, scratchStated);
  let sn = value.n;
  const sd = value.d;
  // statedPercent(): a ratio only in a cell that may hold one (mayHoldRatio).
  const ratio = isRatioExactly(stated, sn, sd, pn, pd);
  if (ratio) sn = exact.multiply(sn, 100);
  const decimals = progressDecimals(sn % sd === 0, ratio ? stated.decimals - 2 : stated.decimals);
  const shown = exact.roundHalfUpParts(sn, sd, decimals);
  if (shown === exact.roundHalfUpParts(pn, pd, decimals)) return new Computed('ok', a, t, decimals);
  const range = progressRangeExactly(a, t, { n: pn, d: pd });
  if (reachableExactly(shown, decimals, range.lo, range.hi)) return new Computed('within-precision', a, t, decimals);
  return new Mismatch(a, t, decimals, roundHalfUp(ratio ? stated.value.times(100) : stated.value, decimals));
}

// Scratch fractions: comparing the progress of a cell that agrees allocates nothing.
const scratchPoint: exact.Fraction = { n: 0, d: 1 };
const scratchStated: exact.Fraction = { n: 0, d: 1 };
const scratchOff: exact.Fraction = { n: 0, d: 1 };

/** actual ÷ target × 100 as a fraction (the point of progressOf), into `into` when given. */
export function progressFraction(a: NumberValue, t: NumberValue, into: exact.Fraction = { n: 0, d: 1 }): exact.Fraction {
  exact.fractionInto(a.value, into);
  const an = into.n;
  const ad = into.d;
  exact.fractionInto(t.value, into);
  if (into.n === 0) throw new RangeError('division by zero');
  const n = exact.multiply(exact.multiply(an, into.d), 100);
  const d = exact.multiply(ad, into.n);
  into.n = d < 0 ? -n : n;
  into.d = d < 0 ? -d : d;
  return into;
}

/** The range of progressOf as fractions: the extreme quotients of the ends of actual and target. */
export function progressRangeExactly(a: NumberValue, t: NumberValue, point: exact.Fraction): { lo: exact.Fraction; hi: exact.Fraction } {
  const tLo = exact.fractionOf(t.lo);
  const tHi = exact.fractionOf(t.hi);
  if (exact.sign(tLo) <= 0 && exact.sign(tHi) >= 0) return { lo: point, hi: point };
  const aLo = exact.fractionOf(a.lo);
  const aHi = exact.fractionOf(a.hi);
  // In lowest terms: `119.5億円` ÷ `87.5億円` would otherwise overflow when compared.
  let lo = exact.reduce(exact.timesInteger(exact.divide(aLo, tLo), 100));
  let hi = lo;
  for (const q of [exact.divide(aLo, tHi), exact.divide(aHi, tLo), exact.divide(aHi, tHi)]) {
    const c = exact.reduce(exact.timesInteger(q, 100));
    if (exact.compare(c, lo) < 0) lo = c;
    if (exact.compare(c, hi) > 0) hi = c;
  }
  return { lo, hi };
}

/** reachable() for a stated value of `shown` units of 10^-decimals: [lo, hi] meets its rounding interval. */
export function reachableExactly(shown: number, decimals: number, lo: exact.Fraction, hi: exact.Fraction): boolean {
  const unit = 2 * exact.pow10(decimals);
  return meets(exact.compare(lo, { n: 2 * shown + 1, d: unit }), exact.compare(hi, { n: 2 * shown - 1, d: unit }), Math.sign(shown));
}

/** statedPercent in fractions, with whether the cell was read as a ratio. */
export function statedPercentExactly(stated: NumberValue, point: exact.Fraction): { value: exact.Fraction; decimals: number; ratio: boolean } {
  const value = exact.fractionOf(stated.value);
  if (isRatioExactly(stated, value.n, value.d, point.n, point.d)) {
    const percent = exact.timesInteger(value, 100);
    return { value: percent, decimals: progressDecimals(percent.n % percent.d === 0, stated.decimals - 2), ratio: true };
  }
  return { value, decimals: progressDecimals(value.n % value.d === 0, stated.decimals), ratio: false };
}

/**
 * isRatioCell in fractions, the stated value vn/vd and the point pn/pd given as parts: it runs for every stated
 * progress, and parts allocate nothing.
 */
function isRatioExactly(stated: NumberValue, vn: number, vd: number, pn: number, pd: number): boolean {
  if (statesMultiple(stated)) return true;
  if (!mayHoldRatio(stated)) return false;
  const size = Math.abs(pn);
  if (exact.compareParts(size, pd, 20, 1) < 0) {
    if (exact.compareParts(size, pd, 1, 1) < 0) return false;
    const off = exact.subtractInto(exact.multiply(vn, 100), vd, pn, pd, scratchOff);
    const offN = Math.abs(off.n);
    const offD = off.d;
    if (exact.compareParts(offN, offD, 1, 1) > 0) return false;
    const apart = exact.subtractInto(vn, vd, pn, pd, scratchOff);
    return exact.compareParts(offN, offD, Math.abs(apart.n), apart.d) < 0;
  }
  if (exact.compareParts(Math.abs(vn), vd, 10, 1) < 0) return true;
  const off = exact.subtractInto(exact.multiply(vn, 100), vd, pn, pd, scratchOff);
  return exact.compareParts(exact.multiply(Math.abs(off.n), 100), off.d, size, pd) <= 0;
}

/**
 * The indices of a table's year columns from the earliest year to the latest: the order they stand in, unless the
 * years run backwards (`R3 | R2 | R1`). Columns without a year stay as they stand.
 */
export function yearOrder(columns: readonly YearColumn[]): readonly number[] {
  let backwards = false;
  for (let i = 0; i < columns.length; i++) {
    if (columns[i].year === null) return inOrder(columns.length);
    if (i > 0 && columns[i].year! < columns[i - 1].year!) backwards = true;
  }
  return backwards ? columns.map((_, i) => i).sort((a, b) => columns[a].year! - columns[b].year!) : inOrder(columns.length);
}

// 0, 1, …, n − 1 for each n asked for, shared (callers only read them).
const identities: (readonly number[])[] = [];
function inOrder(n: number): readonly number[] {
  return (identities[n] ??= Object.freeze(Array.from({ length: n }, (_, i) => i)));
}

/** A 目標値 label that says its row holds running totals: `目標値（累計）`, `目標値【累計値】`. */
export function isRunningTotalLabel(text: string): boolean {
  return /目標値?\s*[(（【［[][^)）】］\]]*累計|^\s*累計の?\s*目標/.test(text);
}

/**
 * Whether a target's row, its label not saying so, holds running totals up to its cumulative goal: 115 | 196 | 283 | 376 |
 * 475 under `475億円（累計）`. The targets rise from the first year to the last, the last is the goal, and no values they
 * stand for add up to it (those that do are each year's amounts, however they run).
 */
function risesToGoal(goal: PlanGoal, target: ValueCell[], columns: YearColumn[]): boolean {
  const present: NumberValue[] = [];
  for (const i of yearOrder(columns)) {
    if (columns[i].baseline) continue;
    const v = asNumber(target[i].parsed);
    if (v) present.push(inUnitOf(v, goal.value));
  }
  if (present.length < 2 || !mayBeEqual(present[present.length - 1], goal.value)) return false;
  for (let k = 1; k < present.length; k++) if (present[k].value.lt(present[k - 1].value)) return false;
  if (!present[present.length - 1].value.gt(present[0].value)) return false;
  const lo = sum(present.map((v) => v.lo));
  const hi = sum(present.map((v) => v.hi));
  return lo.gt(goal.value.hi) || hi.lt(goal.value.lo);
}

/** Whether each year's target is the running total (a `目標値（累計）` row, or one rising to its cumulative goal). */
export function holdsRunningTotals(t: NumericTarget): boolean {
  return t.modeSource === 'running-total-label' || t.modeSource === 'running-total-values';
}

/**
 * Flow or stock, from the goal (SPEC §3): `累計` → flow; a goal tied to a year → stock. A 目標値 row
 * labelled `（累計）` holds running totals, each year's target the level reached so far: a stock,
 * whose final year's target is the cumulative goal, whatever the goal says; so does a row rising to its cumulative goal
 * and not adding up to it (risesToGoal).
 */
export function decideMode(goal: PlanGoal | null, target: ValueCell[], columns: YearColumn[], runningTotals = false): { mode: TargetMode; source: NumericTarget['modeSource'] } {
  if (runningTotals) return { mode: 'stock', source: 'running-total-label' };
  if (goal?.cumulative) return risesToGoal(goal, target, columns) ? { mode: 'stock', source: 'running-total-values' } : { mode: 'flow', source: 'cumulative-label' };
  if (goal?.year !== undefined && goal?.year !== null) {
    const values = target.map((c) => {
      const v = asNumber(c.parsed);
      return v && inUnitOf(v, goal.value);
    });
    const present = yearOrder(columns)
      .map((i) => values[i])
      .filter((v): v is NumberValue => !!v);
    const finalMatches = present.length > 0 && mayBeEqual(present[present.length - 1], goal.value);
    const yearly = columns.filter((c, i) => !c.baseline && values[i]);
    const total = sum(yearly.map((c) => values[columns.indexOf(c)]!.value));
    // A year-tied goal that is the sum of the yearly amounts, and not their last level, is a flow: rising, falling or
    // flat (900社（令和7年度） over 180 a year).
    if (!finalMatches && total.eq(goal.value.value)) return { mode: 'flow', source: 'goal-year' };
    return { mode: 'stock', source: 'goal-year' };
  }
  // A level the label names a stock, its year not said (`立地企業数（ストック） 310社`).
  if (goal && goal.year === null) return { mode: 'stock', source: 'stock-label' };
  return { mode: 'flow', source: 'default' };
}

/** Overall score (総合評価) = (Ⅰ + Ⅱ + 2·Ⅲ) ÷ 4, rounded half up to one decimal. */
export function overallScore(s1: Decimal, s2: Decimal, s3: Decimal, places = 1): { exact: Decimal; rounded: Decimal; calc: string } {
  const exact = s1.plus(s2).plus(s3.times(2)).div(4);
  const rounded = roundHalfUp(exact, places);
  return { exact, rounded, calc: `(${show(s1, 4)} + ${show(s2, 4)} + 2 × ${show(s3, 4)}) ÷ 4 = ${showBeforeRounding(exact, 4, places)} → ${rounded.toFixed(places)}` };
}

export interface WeightedPart {
  target: string;
  weight: Decimal;
  /** Unrounded progress. */
  point: Decimal;
  /** Progress as stated in the table, when it is. */
  stated?: Decimal;
}

/** Σ wᵢ·pᵢ ÷ Σ wᵢ, from unrounded and from stated progress; `showWeights`: the weights shown for a single part too. */
export function weightedProgress(parts: WeightedPart[], showWeights = false): { fromPoint: Decimal; fromStated: Decimal | null; calc: string } {
  const wSum = sum(parts.map((p) => p.weight));
  const fromPoint = sum(parts.map((p) => p.weight.times(p.point))).div(wSum);
  const allStated = parts.every((p) => p.stated !== undefined);
  const fromStated = allStated ? sum(parts.map((p) => p.weight.times(p.stated!))).div(wSum) : null;
  const terms = parts.map((p) => `${show(p.weight, 2)} × ${show(p.point, 2)}`).join(' + ');
  const calc =
    parts.length === 1 && !showWeights
      ? `${showBeforeRounding(fromPoint, 2, 0)} → ${show(roundHalfUp(fromPoint), 0)}`
      : `(${terms}) ÷ ${show(wSum, 2)} = ${showBeforeRounding(fromPoint, 2, 0)} → ${show(roundHalfUp(fromPoint), 0)}`;
  return { fromPoint, fromStated, calc };
}
