/**
 * A value the recalculation reads or writes, as the cell shows it: a ratio in a `0%` cell is `174%`, not `1.74`, so
 * that the pane names what Excel will show (the finding said `174%`).
 */
import { formatInfo, withFormatWords } from '../engine/index.js';

export function shownText(value: number | string | boolean | null | undefined, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  const info = formatInfo(numFmt);
  if (info.isDate || info.isText) return String(value);
  const shown = info.percent ? value * 100 : value / 1000 ** info.thousandsScaling;
  // Without decimals in the format (General), as many as the value has, free of binary noise (1.1 × 100).
  const digits = info.decimals !== null ? shown.toFixed(info.decimals) : String(Number(shown.toPrecision(12)));
  return withFormatWords(digits, info);
}
