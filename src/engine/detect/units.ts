/** Units written once for many numbers: in a label's parentheses, in a note over a table, in a column of their own. */
import { parseNumberText, unitGroup } from '../numbers.js';
import { toHalfWidth } from '../text.js';
import type { SheetScan } from './scan.js';

/** A unit the engine knows (a scale, 円 人 件 社 者 名 %, a length of time), not any short word. */
function knownUnit(text: string): string | undefined {
  const p = parseNumberText(`1${text}`);
  return p.kind === 'number' && (p.scaleLabel !== '' || (p.unit !== null && !unitGroup(p.unit)!.startsWith('other:'))) ? text : undefined;
}

/** The unit in the last parentheses of a label holding one alone (`目標値（億円）`, `投資額（単位：億円）`). */
export function unitInParentheses(label: string): string | undefined {
  if (!label.includes(')') && !label.includes('）')) return undefined;
  if (inParentheses.has(label)) return inParentheses.get(label);
  let found: string | undefined;
  for (const m of label.matchAll(/[(（]\s*(?:単位\s*[:：]\s*)?([^()（）\s\d０-９]{1,6})\s*[)）]/g)) found = knownUnit(m[1]) ?? found;
  if (inParentheses.size >= 100_000) inParentheses.clear();
  inParentheses.set(label, found);
  return found;
}

// Labels repeat (`目標値（億円）` in every block): each is read once, up to a bound on the memory kept.
const inParentheses = new Map<string, string | undefined>();

/** A note giving the unit (`（単位：億円）`, `単位:千人`) in a table's year header row or the two rows over it, within its columns. */
export function unitNote(scan: SheetScan, headerRow: number, left: number, lastYearCol: number): string | undefined {
  for (let r = headerRow; r >= Math.max(0, headerRow - 2); r--) {
    const width = Math.min(scan.view.rowWidth(r), lastYearCol + 4);
    for (let c = left; c < width; c++) {
      const v = scan.view.raw(r, c)?.value;
      if (typeof v !== 'string' || !v.includes('単位')) continue;
      const m = /単位\s*[:：]\s*([^()（）\s\d０-９、,]{1,6})/.exec(toHalfWidth(v));
      const unit = m ? knownUnit(m[1]) : undefined;
      if (unit) return unit;
    }
  }
  return undefined;
}

/** A short text that is only a unit (`社`, `%`, `億円`, `(千円)`), as a column beside the numbers holds it. */
export function isUnitText(text: string): boolean {
  const t = text.trim().replace(/^[(（](.*)[)）]$/, '$1');
  return t.length > 0 && t.length <= 4 && !/[\d０-９]/.test(t) && parseNumberText(`1${t}`).kind === 'number';
}
