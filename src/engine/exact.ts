/**
 * Exact fractions of small integers, for the checks that run on every cell. decimal.js allocates
 * several objects per operation, which dominates checking a large workbook; a fraction of two
 * integers in binary floating point is exact as long as every integer stays a safe integer
 * (below 2^53), and each operation here checks that. An operation that would leave the safe
 * integers throws `OUT_OF_RANGE`, and the caller decides with Decimal instead: the answer is the
 * same either way, only the speed differs.
 */
import { roundHalfUp, type Decimal } from './decimal.js';

/** n / d with d > 0, both safe integers; not necessarily in lowest terms. */
export interface Fraction {
  n: number;
  d: number;
}

class OutOfRange extends Error {}

/** Thrown (one shared instance) when a number does not fit; callers catch it and use Decimal. */
export const OUT_OF_RANGE = new OutOfRange('outside the safe integers');

export function isOutOfRange(e: unknown): boolean {
  return e === OUT_OF_RANGE;
}

function safe(x: number): number {
  if (!Number.isSafeInteger(x)) throw OUT_OF_RANGE;
  return x;
}

// Products and sums of safe integers are exact whenever the exact result is a safe integer, and
// round to at least 2^53 otherwise, so checking the result is enough.

/** x · y of safe integers, exactly. */
export function multiply(x: number, y: number): number {
  return safe(x * y);
}

/** x + y of safe integers, exactly. */
export function sum(x: number, y: number): number {
  return safe(x + y);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

export function pow10(k: number): number {
  const p = POW10[k];
  if (p === undefined) throw OUT_OF_RANGE;
  return p;
}

function digitsOf(word: number): number {
  return word < 10 ? 1 : word < 100 ? 2 : word < 1e3 ? 3 : word < 1e4 ? 4 : word < 1e5 ? 5 : word < 1e6 ? 6 : 7;
}

/**
 * A Decimal as a fraction, read from its documented representation: the digits `d` in words of
 * seven (the first without leading zeros), the decimal exponent `e` of the first digit, the sign `s`.
 */
export function fractionOf(x: Decimal): Fraction {
  return fractionInto(x, { n: 0, d: 1 });
}

/** fractionOf into an existing fraction: the checks that run on every cell allocate nothing. */
export function fractionInto(x: Decimal, into: Fraction): Fraction {
  const words = x.d;
  if (!words) throw OUT_OF_RANGE;
  let m = words[0];
  if (m === 0) {
    into.n = 0;
    into.d = 1;
    return into;
  }
  let digits = digitsOf(m);
  for (let i = 1; i < words.length; i++) {
    m = safe(m * 1e7 + words[i]);
    digits += 7;
  }
  let k = x.e - (digits - 1);
  while (k < 0 && m % 10 === 0) {
    m /= 10;
    k++;
  }
  if (x.s < 0) m = -m;
  if (k >= 0) {
    into.n = multiply(m, pow10(k));
    into.d = 1;
  } else {
    into.n = m;
    into.d = pow10(-k);
  }
  return into;
}

/** -1, 0 or 1 as an/ad is below, equal to or above bn/bd (ad, bd > 0). */
export function compareParts(an: number, ad: number, bn: number, bd: number): number {
  const x = ad === bd ? an : multiply(an, bd);
  const y = ad === bd ? bn : multiply(bn, ad);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** roundHalfUpAt for n/d (d > 0). */
export function roundHalfUpParts(n: number, d: number, places: number): number {
  const a = multiply(Math.abs(n), pow10(places));
  const r = a % d;
  const q = (a - r) / d;
  const rounded = 2 * r >= d ? q + 1 : q;
  return n < 0 ? -rounded : rounded;
}

export function integer(n: number): Fraction {
  return { n: safe(n), d: 1 };
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Fraction, b: Fraction): number {
  return compareParts(a.n, a.d, b.n, b.d);
}

export function sign(a: Fraction): number {
  return a.n < 0 ? -1 : a.n > 0 ? 1 : 0;
}

export function abs(a: Fraction): Fraction {
  return a.n < 0 ? { n: -a.n, d: a.d } : a;
}

function gcd(x: number, y: number): number {
  x = Math.abs(x);
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** In lowest terms, which keeps sums of several fractions inside the safe integers. */
export function reduce(a: Fraction): Fraction {
  const g = gcd(a.n, a.d);
  return g > 1 ? { n: a.n / g, d: a.d / g } : a;
}

export function add(a: Fraction, b: Fraction): Fraction {
  if (a.d === b.d) return { n: safe(a.n + b.n), d: a.d };
  return { n: safe(multiply(a.n, b.d) + multiply(b.n, a.d)), d: multiply(a.d, b.d) };
}

/** an/ad − bn/bd into `into` (as subtract, allocating nothing). */
export function subtractInto(an: number, ad: number, bn: number, bd: number, into: Fraction): Fraction {
  if (ad === bd) {
    into.n = safe(an - bn);
    into.d = ad;
  } else {
    into.n = safe(multiply(an, bd) - multiply(bn, ad));
    into.d = multiply(ad, bd);
  }
  return into;
}

export function subtract(a: Fraction, b: Fraction): Fraction {
  return add(a, { n: -b.n, d: b.d });
}

export function times(a: Fraction, b: Fraction): Fraction {
  return { n: multiply(a.n, b.n), d: multiply(a.d, b.d) };
}

export function timesInteger(a: Fraction, k: number): Fraction {
  return { n: multiply(a.n, k), d: a.d };
}

export function divide(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0) throw new RangeError('division by zero');
  const n = multiply(a.n, b.d);
  const d = multiply(a.d, b.n);
  return d < 0 ? { n: -n, d: -d } : { n, d };
}

/**
 * a rounded half away from zero (`roundHalfUp`) at `places` decimals, as an integer count of
 * 10^-places: 137.93 at 0 places → 138, at 1 place → 1379.
 */
export function roundHalfUpAt(a: Fraction, places: number): number {
  return roundHalfUpParts(a.n, a.d, places);
}

const left: Fraction = { n: 0, d: 1 };
const right: Fraction = { n: 0, d: 1 };

/** x compared with y, in fractions when they fit. */
export function compareDecimals(x: Decimal, y: Decimal): number {
  try {
    fractionInto(x, left);
    fractionInto(y, right);
    return compareParts(left.n, left.d, right.n, right.d);
  } catch (e) {
    if (!isOutOfRange(e)) throw e;
  }
  return x.comparedTo(y);
}

/** Whether x and y round (half up, at `places`) to the same value. */
export function roundedEqual(x: Decimal, y: Decimal, places: number): boolean {
  try {
    fractionInto(x, left);
    fractionInto(y, right);
    return roundHalfUpParts(left.n, left.d, places) === roundHalfUpParts(right.n, right.d, places);
  } catch (e) {
    if (!isOutOfRange(e)) throw e;
  }
  return roundHalfUp(x, places).eq(roundHalfUp(y, places));
}
