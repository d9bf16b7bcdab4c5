/**
 * The workbook host inside Excel: a thin adapter from Office.js to the engine's grid and back.
 * Every operation is one `Excel.run` with a bounded number of syncs; all Office calls of the
 * add-in live in this folder.
 */
import { HostError, type WorkbookHost } from '../host.js';
import { errorText, officeRuntime, type OfficeRuntime } from './api.js';
import { canWatch, onChange } from './events.js';
import { exportToSheet } from './export.js';
import { highlight, removeHighlight, type MarkRegistry } from './marks.js';
import { DEFAULT_OFFICE_LIMITS, readWorkbook, type OfficeReadLimits } from './read.js';
import { applyWrites, restore } from './write.js';

export type { ExcelContext, OfficeRuntime } from './api.js';
export { DEFAULT_OFFICE_LIMITS, type OfficeReadLimits } from './read.js';
export { SEVERITY_FILL } from './marks.js';

export interface OfficeHostOptions {
  /** Defaults to the global `Excel.run` and `Office.context.requirements` (create the host after Office.onReady). */
  runtime?: OfficeRuntime;
  limits?: Partial<OfficeReadLimits>;
}

export interface OfficeHost extends WorkbookHost {
  readonly kind: 'office';
  /** Present only when this Excel reports edits (ExcelApi 1.7); absent otherwise. */
  onChange?(callback: () => void): Promise<() => void>;
}

export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  const rt = options.runtime ?? officeRuntime();
  const limits: OfficeReadLimits = { ...DEFAULT_OFFICE_LIMITS, ...options.limits };
  const marked: MarkRegistry = new Map();
  return {
    kind: 'office',
    excelUndo: rt.isSetSupported('ExcelApi', '1.20'),
    readWorkbook: () => readWorkbook(rt, limits),
    applyWrites: (writes, opts) => applyWrites(rt, writes, opts),
    restore: (snapshot, written) => restore(rt, snapshot, written),
    async selectCell(sheet, address) {
      try {
        await rt.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await ctx.sync();
        });
      } catch (e) {
        throw new HostError('read-failed', errorText(e));
      }
    },
    highlight: (cells) => highlight(rt, cells, marked),
    removeHighlight: (saved) => removeHighlight(rt, saved, marked),
    async exportToSheet(rows, sheetName) {
      await exportToSheet(rt, rows, sheetName, limits.requestBudgetBytes);
    },
    ...(canWatch(rt) ? { onChange: (callback: () => void) => onChange(rt, callback) } : {}),
  };
}
