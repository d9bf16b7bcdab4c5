/// <reference types="office-js" />
/**
 * The part of Office.js the adapter uses, as plain interfaces. `Excel.RequestContext` satisfies
 * them (checked by the compiler in `officeRuntime`), and tests pass a small fake that does too.
 */

export interface ExcelContext {
  readonly workbook: XWorkbook;
  sync(): Promise<unknown>;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
}

export interface XEventRegistration {
  remove(): void;
  /** The request context the handler was added with: removal must run on it. */
  readonly context: unknown;
}

export interface XEventSource {
  add(handler: (args: unknown) => Promise<unknown>): XEventRegistration;
}

export interface XWorksheetCollection {
  readonly items: XWorksheet[];
  load(propertyNames: string[]): unknown;
  getItem(key: string): XWorksheet;
  add(name?: string): XWorksheet;
  /** ExcelApi 1.9. */
  readonly onChanged: XEventSource;
  /** ExcelApi 1.7. */
  readonly onAdded: XEventSource;
  readonly onDeleted: XEventSource;
}

export interface XWorksheet {
  readonly name: string;
  readonly visibility: string;
  readonly protection: { readonly protected: boolean; load(propertyNames: string[]): unknown };
  load(propertyNames: string[]): unknown;
  activate(): void;
  /** Without an address: the whole sheet. */
  getRange(address?: string): XRange;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  /** ExcelApi 1.7. */
  readonly onChanged: XEventSource;
  /** ExcelApi 1.9: the sheet's filter. */
  readonly autoFilter: XAutoFilter;
  /** The sheet's Excel tables (ListObjects). */
  readonly tables: XTableCollection;
}

/** ExcelApi 1.9. */
export interface XAutoFilter {
  /** Whether the filter has criteria (hides rows), not buttons alone. */
  readonly isDataFiltered: boolean;
  load(propertyNames: string[]): unknown;
  /** The filter's range, header row included. */
  getRangeOrNullObject(): { readonly isNullObject: boolean; readonly address: string; load(propertyNames: string[]): unknown };
}

export interface XTableCollection {
  readonly items: XTable[];
  load(propertyNames: string[]): unknown;
}

export interface XTable {
  /** ExcelApi 1.9. */
  readonly autoFilter: XAutoFilter;
}

export interface XRangeFill {
  color: string;
  /** ExcelApi 1.9; `None` when the cell has no fill. */
  readonly pattern: string | null;
  clear(): void;
  load(propertyNames: string[]): unknown;
}

export interface XRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  readonly text: string[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  readonly valueTypes: string[][];
  readonly format: { readonly fill: XRangeFill };
  load(propertyNames: string[]): unknown;
  select(): void;
  /** ExcelApi 1.3: the cells of the range that are shown (rows and columns not hidden). */
  getVisibleView(): XRangeView;
  /** ExcelApi 1.13; fails when the range holds more than 512 merged areas. */
  getMergedAreasOrNullObject(): { readonly isNullObject: boolean; readonly address: string; load(propertyNames: string[]): unknown };
}

export interface XRangeView {
  /** The shown cells' addresses (`Sheet1!A3`), row by row. */
  readonly cellAddresses: unknown[][];
  load(propertyNames: string[]): unknown;
}

export interface RunOptions {
  /** ExcelApi 1.20: every sync of the batch becomes one entry of Excel's undo. */
  mergeUndoGroup?: boolean;
}

/** How the adapter reaches Excel: `Excel.run` and the requirement-set check, or a fake in tests. */
export interface OfficeRuntime {
  run<T>(batch: (context: ExcelContext) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Runs a batch on an earlier request context (needed to remove event handlers). */
  runOn<T>(context: unknown, batch: (context: ExcelContext) => Promise<T>): Promise<T>;
  isSetSupported(set: 'ExcelApi', version: string): boolean;
}

/** An Excel error's message, short enough for a HostError detail. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 200) : String(e);
}

/** The real thing: the global `Excel.run` and `Office.context.requirements`. Call after Office.onReady. */
export function officeRuntime(): OfficeRuntime {
  return {
    run: (batch, options) => (options?.mergeUndoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch)),
    runOn: (context, batch) => Excel.run(context as OfficeExtension.ClientRequestContext, batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
  };
}
