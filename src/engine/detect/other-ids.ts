/**
 * Ids written without 数値目標 or 評価指標 (`指標1-①`, `KPI(2)`, `目標1-①`, a bare `1-①`): read where a block's rows name no
 * other id (progress.ts) and before a summary line's figures (summary.ts).
 */
import { CharSet, compact, type TargetId } from '../text.js';
import type { SheetScan } from './scan.js';

// What an id written without 数値目標 or 評価指標 opens with: 指標, KPI, 目標, or its number (`1-①`, `(1)-①`).
export const OTHER_ID_STARTS = new CharSet('指KＫ目(（0123456789０１２３４５６７８９ 　');
// `指標1-①`, `指標(1)-①`, `KPI1-①`, `KPI(1)-②`, `目標1-①` and a bare `1-①`, `(1)-①`: a target's id written whole, a dash
// and its sub-number after the indicator's; a sub-number in digits only before a space or a mark, never a figure's
// (`1-2月`, `2-3歳児`, `1-2.5億円` are no ids).
const OTHER_TARGET_ID = /^\s*(?:指標|KPI|ＫＰＩ|目標)?\s*([(（]?\s*[0-9０-９]{1,2}\s*[)）]?\s*[-－ー‐]\s*(?:[(（]\s*[0-9０-９]{1,2}\s*[)）](?![0-9０-９])|[0-9０-９]{1,2}(?=$|[\s:：、)）]|[.．](?![0-9０-９]))|[①-⑳]))/;
// `指標(1)`, `KPI1` before a name: the indicator alone, as `評価指標(1)` is (a bare `(1)` may number anything).
const OTHER_INDICATOR_ID = /^\s*(?:指標|KPI|ＫＰＩ)\s*([(（]\s*[0-9０-９]{1,2}\s*[)）]|[0-9０-９]{1,2}(?![0-9０-９.．,，万億千百兆%％人件社者名円月日年]))/;

/**
 * An id opening a text written with 指標 or KPI for its word, or none (`1-①`): `指標1-①` as `数値目標(1)-①`, `KPI(2)` as
 * `評価指標(2)`. With 目標 for its word only a target's written whole (`目標1-①`): `目標(2)` alone may be prose.
 */
export function otherWordId(scan: SheetScan, text: string): { id: TargetId; end: number } | { indicator: string; end: number; written: string } | undefined {
  const t = OTHER_TARGET_ID.exec(text);
  if (t) {
    const id = scan.targetIdIn(`数値目標${t[1]}`);
    if (!id) return undefined;
    // A bare `1-①` is named as 数値目標(1)-① is; `指標1-①`, `目標1-①` as it is written.
    const written = compact(t[0]);
    return { id: /^(?:指標|KPI|目標)/.test(written) ? { ...id.id, written } : id.id, end: t[0].length };
  }
  const i = OTHER_INDICATOR_ID.exec(text);
  if (!i) return undefined;
  const id = scan.indicatorIdIn(`評価指標${i[1]}`);
  return id ? { indicator: id.indicator, end: i[0].length, written: compact(i[0]) } : undefined;
}

