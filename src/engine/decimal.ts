import DecimalJs from 'decimal.js';

/** Exact decimal arithmetic for every number that decides a finding. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export function dec(v: number | string | Decimal): Decimal {
  return new Decimal(v);
}

/** Rounds half away from zero at `places` decimals: 3.95 → 4.0 and 4.25 → 4.3 at one place. */
export function roundHalfUp(v: Decimal, places = 0): Decimal {
  return v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new Decimal(0));
}

/** A number for the report: exact decimals become a JS number only at the edge. */
export function toNumber(v: Decimal): number {
  return v.toNumber();
}

/** Readable text of a decimal: no exponent, at most `maxPlaces` decimals, trailing zeros dropped. */
export function show(v: Decimal, maxPlaces = 2): string {
  const rounded = v.toDecimalPlaces(maxPlaces, Decimal.ROUND_HALF_UP);
  const text = rounded.toFixed();
  const [int, frac] = text.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/**
 * `v` in a calculation's text before it is rounded to `roundTo` places (`= 242.496 → 242`): `places` decimals, more
 * where those would show a figure that rounds the other way (242.4957… at two is 242.5, which a reader rounds to 243).
 */
export function showBeforeRounding(v: Decimal, places: number, roundTo: number): string {
  const rounded = roundHalfUp(v, roundTo);
  let p = places;
  while (p < places + 12 && !roundHalfUp(roundHalfUp(v, p), roundTo).eq(rounded)) p++;
  return show(v, p);
}
