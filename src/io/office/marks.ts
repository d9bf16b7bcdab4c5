/** Colours findings' cells by severity (two syncs: read, then colour) and takes the colours off again (one sync). */
import type { Severity } from '../../engine/findings.js';
import { HostError, type CellSnapshot, type HighlightCell } from '../host.js';
import { errorText, type OfficeRuntime, type XRange } from './api.js';
import { cellKey, loadSnapshot, snapshotOf } from './cells.js';

/** Light fills that keep the cell's text readable (Excel's own "Bad" / "Neutral" / a pale blue). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Cells currently marked, with the fill each had before its first mark, so that marking a cell
 * twice never records Hyoka's own colour as the user's.
 */
export type MarkRegistry = Map<string, CellSnapshot>;

export async function highlight(rt: OfficeRuntime, cells: HighlightCell[], marked: MarkRegistry): Promise<CellSnapshot[]> {
  const worst = new Map<string, HighlightCell>();
  for (const c of cells) {
    const key = cellKey(c.sheet, c.address);
    const seen = worst.get(key);
    if (!seen || RANK[c.severity] < RANK[seen.severity]) worst.set(key, c);
  }
  if (worst.size === 0) return [];
  const withPattern = rt.isSetSupported('ExcelApi', '1.9');
  try {
    return await rt.run(async (ctx) => {
      const collection = ctx.workbook.worksheets;
      collection.load(['items/name', 'items/protection/protected']);
      const reads = [...worst].map(([key, cell]) => {
        const range = collection.getItem(cell.sheet).getRange(cell.address);
        loadSnapshot(range, withPattern);
        return { key, cell, range };
      });
      await ctx.sync();
      // A protected sheet refuses formatting; its cells stay unmarked rather than failing the rest.
      const locked = new Set(collection.items.filter((ws) => ws.protection.protected).map((ws) => ws.name));
      const marks = reads
        .filter((r) => !locked.has(r.cell.sheet))
        .map(({ key, cell, range }) => ({ key, cell, range, original: marked.get(key) ?? snapshotOf(cell.sheet, cell.address, range, withPattern) }));
      for (const m of marks) m.range.format.fill.color = SEVERITY_FILL[m.cell.severity];
      try {
        await ctx.sync();
      } catch (e) {
        // Excel applies a failed batch up to the failing command: take off what landed.
        for (const m of marks) restoreFill(m.range, m.original.fill);
        await ctx.sync();
        throw e;
      }
      for (const m of marks) marked.set(m.key, m.original);
      return marks.map((m) => m.original);
    });
  } catch (e) {
    throw new HostError('write-failed', errorText(e));
  }
}

function restoreFill(range: XRange, fill: string | null): void {
  if (fill === null) range.format.fill.clear();
  else range.format.fill.color = fill;
}

/** Puts back each cell's own fill (or no fill); values and number formats are left as they are now. */
export async function removeHighlight(rt: OfficeRuntime, saved: CellSnapshot[], marked: MarkRegistry): Promise<void> {
  if (saved.length === 0) return;
  try {
    await rt.run(async (ctx) => {
      for (const s of saved) {
        restoreFill(ctx.workbook.worksheets.getItem(s.sheet).getRange(s.address), s.fill);
      }
      await ctx.sync();
    });
  } catch (e) {
    // Excel applies a failed batch up to the failing command: some cells may have their own fill back, others not.
    const why = errorText(e);
    throw new HostError('write-failed', { ja: `一部のセルに色が残っている可能性があります。Excel のエラー: ${why}`, en: `some cells may still be coloured. Excel said: ${why}` });
  }
  for (const s of saved) marked.delete(cellKey(s.sheet, s.address));
}
