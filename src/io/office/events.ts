/** Tells the pane when the user edits the workbook (cells changed, sheets added or deleted). */
import { HostError } from '../host.js';
import { errorText, type OfficeRuntime, type XEventRegistration } from './api.js';

/** Whether this Excel can report edits at all (Worksheet.onChanged is ExcelApi 1.7). */
export function canWatch(rt: OfficeRuntime): boolean {
  return rt.isSetSupported('ExcelApi', '1.7');
}

/**
 * Subscribes and returns the unsubscribe function. ExcelApi 1.9 watches the whole collection,
 * sheets added later included; 1.7 watches each sheet there is now. Two syncs at most.
 */
export async function onChange(rt: OfficeRuntime, callback: () => void): Promise<() => Promise<void>> {
  const handler = async (): Promise<void> => callback();
  const wholeCollection = rt.isSetSupported('ExcelApi', '1.9');
  let registrations: XEventRegistration[] = [];
  try {
    registrations = await rt.run(async (ctx) => {
      const collection = ctx.workbook.worksheets;
      const regs = [collection.onAdded.add(handler), collection.onDeleted.add(handler)];
      if (wholeCollection) {
        regs.push(collection.onChanged.add(handler));
      } else {
        collection.load(['items/name']);
        await ctx.sync();
        for (const ws of collection.items) regs.push(ws.onChanged.add(handler));
      }
      await ctx.sync();
      return regs;
    });
  } catch (e) {
    throw new HostError('read-failed', errorText(e));
  }
  let removed = false;
  return async () => {
    if (removed || registrations.length === 0) return;
    removed = true;
    // Callers do not await this (it is a React cleanup); a workbook already closed has nothing to remove.
    await rt
      .runOn(registrations[0].context, async (ctx) => {
        for (const r of registrations) r.remove();
        await ctx.sync();
      })
      .catch(() => undefined);
  };
}
