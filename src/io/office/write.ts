/**
 * Writes a recalculation (SPEC §5) and puts it back. Three syncs when all goes well: the target
 * sheets' protection, the target cells as they are now (checked against the plan, kept as the
 * snapshot, and with the merged areas they lie in), then every write at once. A failed write costs one more sync to undo what landed.
 */
import type { CellWrite } from '../../engine/fix.js';
import { parseA1, parseRangeA1 } from '../../engine/grid.js';
import { HostError, type ApplyResult, type CellSnapshot } from '../host.js';
import { SKIP_REASONS } from '../xlsx/write.js';
import { errorText, type ExcelContext, type OfficeRuntime, type XRange } from './api.js';
import { cellKey, formulaOf, literal, loadSnapshot, queueRestore, snapshotOf } from './cells.js';

/**
 * Whether a cell still holds what the check saw. The plan records a cell's value either as
 * Excel stores it (138, 1.38) or as it showed (`138%`, `1,234`), so both are accepted.
 */
export function unchanged(before: CellWrite['before'], range: XRange): boolean {
  const value = range.values[0][0];
  const formula = formulaOf(range.formulas[0][0], value);
  if (before.formula !== undefined) return formula !== null && formula.slice(1) === before.formula.replace(/^=/, '');
  if (formula !== null) return false;
  const shown = range.text[0][0];
  if (before.value === null) return value === '' || value === null;
  if (before.value === value) return true;
  return typeof before.value === 'string' || typeof before.value === 'number' ? String(before.value) === shown || String(before.value) === String(value) : false;
}

type MergedArea = ReturnType<XRange['getMergedAreasOrNullObject']>;

/** Whether a merged area's address (`'別紙1'!E6:F6`) starts at the cell `address` (`E6`). */
function startsAt(area: string, address: string): boolean {
  const range = parseRangeA1(area.slice(area.lastIndexOf('!') + 1).split(',')[0]);
  const cell = parseA1(address);
  return range.top === cell.row && range.left === cell.col;
}

/** A write that failed midway and was not put back: the cells that may have changed, and Excel's words. */
function partial(cells: { sheet: string; address: string }[], why: string): HostError {
  const list = cells.map((c) => `${c.sheet}!${c.address}`).join(', ');
  return new HostError('write-partial', { ja: `${list}。Excel のエラー: ${why}`, en: `${list}. Excel said: ${why}` });
}

/** Refuses when a target sheet is gone or protected; one sync. */
async function checkSheets(ctx: ExcelContext, names: string[]): Promise<void> {
  const collection = ctx.workbook.worksheets;
  collection.load(['items/name', 'items/protection/protected']);
  await ctx.sync();
  const byName = new Map(collection.items.map((ws) => [ws.name, ws]));
  const missing = names.filter((n) => !byName.has(n));
  if (missing.length > 0) throw new HostError('changed-since-check', missing.join(', '));
  const locked = names.filter((n) => byName.get(n)!.protection.protected);
  if (locked.length > 0) throw new HostError('protected-sheet', locked.join(', '));
}

export async function applyWrites(rt: OfficeRuntime, writes: CellWrite[], options: { reviewMode: boolean }): Promise<ApplyResult> {
  if (options.reviewMode) throw new HostError('review-mode');
  const mergedUndo = rt.isSetSupported('ExcelApi', '1.20');
  if (writes.length === 0) return { written: [], snapshot: [], mergedUndo };
  const withPattern = rt.isSetSupported('ExcelApi', '1.9');
  const withMerges = rt.isSetSupported('ExcelApi', '1.13');
  const sheetNames = [...new Set(writes.map((w) => w.sheet))];
  try {
    return await rt.run(
      async (ctx) => {
        await checkSheets(ctx, sheetNames);

        const targets = new Map<string, { sheet: string; address: string; range: XRange; merged: MergedArea | null }>();
        for (const w of writes) {
          const key = cellKey(w.sheet, w.address);
          if (targets.has(key)) continue;
          const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(w.address);
          loadSnapshot(range, withPattern);
          // The merged area a target lies in (ExcelApi 1.13), read in the same sync.
          const merged = withMerges ? range.getMergedAreasOrNullObject() : null;
          merged?.load(['isNullObject', 'address']);
          targets.set(key, { sheet: w.sheet, address: w.address, range, merged });
        }
        await ctx.sync();
        // A cell inside a merged area other than its first shows nothing: a value written there would be hidden, so
        // nothing is written (as the file's writer refuses it).
        const hidden = [...targets.values()].filter((t) => t.merged && !t.merged.isNullObject && !startsAt(t.merged.address, t.address));
        if (hidden.length > 0) {
          const cells = hidden.map((t) => `${t.sheet}!${t.address}`).join(', ');
          throw new HostError('write-failed', { ja: `${cells}: ${SKIP_REASONS.merged.ja}`, en: `${cells}: ${SKIP_REASONS.merged.en}` });
        }
        const changed = writes.filter((w) => !unchanged(w.before, targets.get(cellKey(w.sheet, w.address))!.range));
        if (changed.length > 0) throw new HostError('changed-since-check', changed.map((w) => `${w.sheet}!${w.address}`).join(', '));
        const cells = [...targets.values()];
        const snapshot = cells.map((t) => snapshotOf(t.sheet, t.address, t.range, withPattern));

        const formatOf = new Map(snapshot.map((s) => [cellKey(s.sheet, s.address), s.numberFormat]));
        for (const w of writes) {
          const key = cellKey(w.sheet, w.address);
          const range = targets.get(key)!.range;
          if (w.numFmt !== undefined) range.numberFormat = [[w.numFmt]];
          if (w.formula !== undefined) range.formulas = [[`=${w.formula}`]];
          else range.values = [[literal(w.value, w.numFmt ?? formatOf.get(key))]];
        }
        try {
          await ctx.sync();
        } catch (e) {
          // Excel applies a failed batch up to the failing command: put every target back.
          snapshot.forEach((s, i) => queueRestore(cells[i].range, s, false));
          try {
            await ctx.sync();
          } catch (again) {
            throw partial(cells, `${errorText(e)}; ${errorText(again)}`);
          }
          const why = errorText(e);
          throw new HostError('write-failed', { ja: `途中まで書き込んだ分は元に戻しました。Excel のエラー: ${why}`, en: `what had been written was put back. Excel said: ${why}` });
        }
        return { written: writes, snapshot, mergedUndo };
      },
      mergedUndo ? { mergeUndoGroup: true } : undefined,
    );
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('write-failed', errorText(e));
  }
}

/**
 * Puts back exactly what a snapshot holds: value or formula, number format and fill, all in one
 * sync, after one that refuses a sheet protected or removed since, or a cell edited since the write (so that undo is
 * never partial and never overwrites an edit).
 */
export async function restore(rt: OfficeRuntime, snapshot: CellSnapshot[], written?: CellWrite[]): Promise<void> {
  if (snapshot.length === 0) return;
  const mergedUndo = rt.isSetSupported('ExcelApi', '1.20');
  try {
    await rt.run(
      async (ctx) => {
        // What each cell holds now, read in the sync that checks the sheets: a cell edited since the write keeps the edit.
        const wrote = new Map((written ?? []).map((w) => [cellKey(w.sheet, w.address), w]));
        const now = snapshot.flatMap((s) => {
          const w = wrote.get(cellKey(s.sheet, s.address));
          if (!w) return [];
          const range = ctx.workbook.worksheets.getItem(s.sheet).getRange(s.address);
          range.load(['values', 'text', 'formulas']);
          return [{ w, range }];
        });
        await checkSheets(ctx, [...new Set(snapshot.map((s) => s.sheet))]);
        const edited = now.filter(({ w, range }) => !unchanged({ value: w.value, ...(w.formula !== undefined && { formula: w.formula }) }, range));
        if (edited.length > 0) throw new HostError('changed-since-recalculation', edited.map(({ w }) => `${w.sheet}!${w.address}`).join(', '));
        for (const s of snapshot) queueRestore(ctx.workbook.worksheets.getItem(s.sheet).getRange(s.address), s, true);
        try {
          await ctx.sync();
        } catch (e) {
          // Excel applies a failed batch up to the failing command: some cells may be back, others not.
          throw partial(snapshot, errorText(e));
        }
      },
      mergedUndo ? { mergeUndoGroup: true } : undefined,
    );
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('write-failed', errorText(e));
  }
}
