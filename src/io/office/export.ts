/**
 * Writes a table (the findings) to a new worksheet, as values only. Two syncs: the sheet names,
 * then the sheet with its rows (a table too big for one request goes in blocks of rows).
 */
import { a1 } from '../../engine/grid.js';
import { HostError } from '../host.js';
import { errorText, type OfficeRuntime } from './api.js';
import { literal } from './cells.js';

const MAX_NAME = 31;

/** A worksheet name Excel accepts (no `[]:*?/\`, at most 31 characters) that no sheet has yet. */
export function uniqueSheetName(wanted: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Hyoka';
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const name = base.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Consecutive row blocks whose JSON stays under the budget. */
function blocks(values: unknown[][], budgetBytes: number): { top: number; rows: unknown[][] }[] {
  const out: { top: number; rows: unknown[][] }[] = [];
  let top = 0;
  let size = 0;
  values.forEach((row, r) => {
    const bytes = new TextEncoder().encode(JSON.stringify(row)).length;
    if (r > top && size + bytes > budgetBytes) {
      out.push({ top, rows: values.slice(top, r) });
      top = r;
      size = 0;
    }
    size += bytes;
  });
  if (values.length > top) out.push({ top, rows: values.slice(top) });
  return out;
}

export async function exportToSheet(rt: OfficeRuntime, rows: (string | number | null)[][], sheetName: string, budgetBytes: number): Promise<string> {
  try {
    return await rt.run(async (ctx) => {
      const collection = ctx.workbook.worksheets;
      collection.load(['items/name']);
      await ctx.sync();
      const name = uniqueSheetName(
        sheetName,
        collection.items.map((ws) => ws.name),
      );
      const ws = collection.add(name);
      ws.activate();
      const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
      // Text goes in with a leading quote where Excel would otherwise read it as a formula or number.
      const values = width === 0 ? [] : rows.map((r) => Array.from({ length: width }, (_, c) => literal(r[c] ?? null)));
      const parts = blocks(values, budgetBytes);
      for (const part of parts) {
        ws.getRange(`${a1(part.top, 0)}:${a1(part.top + part.rows.length - 1, width - 1)}`).values = part.rows;
        await ctx.sync();
      }
      if (parts.length === 0) await ctx.sync();
      return name;
    });
  } catch (e) {
    // The sheet is added and filled in several syncs: a failing one may leave it half filled.
    const why = errorText(e);
    throw new HostError('write-failed', { ja: `作りかけの報告シートが残っていたら削除してください。Excel のエラー: ${why}`, en: `delete the report sheet if a half-made one is left. Excel said: ${why}` });
  }
}
