/**
 * What the pane needs from where the workbook lives: Excel (Office.js) or a file opened in the
 * standalone page. The pane talks only to this interface; each host is a thin adapter.
 */
import type { CellWrite } from '../engine/fix.js';
import type { Workbook } from '../engine/grid.js';
import type { Severity } from '../engine/findings.js';
import type { PatchOptions } from './xlsx/write.js';

/** What a cell held before a recalculation wrote it, so that undo restores it exactly. */
export interface CellSnapshot {
  sheet: string;
  address: string;
  /** Value as Excel reports it (number, text, boolean, or '' for empty). */
  value: number | string | boolean;
  /** Formula text with its leading `=`, or null when the cell holds a constant. */
  formula: string | null;
  numberFormat: string;
  /** Fill colour (`#RRGGBB`) or null when the cell has no fill. */
  fill: string | null;
}

export interface ApplyResult {
  written: CellWrite[];
  snapshot: CellSnapshot[];
  /** True when the whole batch is one entry of Excel's own undo (ExcelApi 1.20). */
  mergedUndo: boolean;
}

/**
 * `write-failed`: nothing changed (refused before writing, or what landed was put back); `write-partial`: a write
 * failed midway and could not be put back, so some of the cells named may have changed.
 */
export type HostErrorCode =
  | 'review-mode'
  | 'protected-sheet'
  | 'changed-since-check'
  | 'changed-since-recalculation'
  | 'write-failed'
  | 'write-partial'
  | 'read-failed'
  | 'too-large';

/** A refusal or failure with a reason people can act on (messages in src/taskpane/i18n). */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    /** What went wrong in particular: one text, or one per language. */
    readonly detail?: string | { ja: string; en: string },
  ) {
    super(detail ? `${code}: ${typeof detail === 'string' ? detail : detail.en}` : code);
    this.name = 'HostError';
  }

  /** The detail in a language. */
  detailIn(lang: 'ja' | 'en'): string | undefined {
    return typeof this.detail === 'string' ? this.detail : this.detail?.[lang];
  }
}

export interface HighlightCell {
  sheet: string;
  address: string;
  severity: Severity;
}

export interface ApplyOptions {
  reviewMode: boolean;
  formulas?: PatchOptions;
}

export interface WorkbookHost {
  readonly kind: 'office' | 'standalone';
  /** Whether a recalculation's write is one step of Excel's own undo (ExcelApi 1.20); absent outside Excel. */
  readonly excelUndo?: boolean;
  /** Every sheet's used range as the engine's grid. */
  readWorkbook(): Promise<Workbook>;
  /**
   * Writes a recalculation. Refuses (HostError, nothing written) in review mode, on a protected
   * sheet, or when a target cell changed since `expected` was read; restores what it wrote when
   * a sync fails midway. `formulas`: what the writes do to the workbook's formulas (settle.ts), for a host that saves
   * formula results itself (the standalone page's file); Excel recalculates them on its own.
   */
  applyWrites(writes: CellWrite[], options: ApplyOptions): Promise<ApplyResult>;
  /**
   * Puts back exactly what the snapshot holds. With `written` (the recalculation's writes), first refuses
   * (`changed-since-recalculation`, nothing put back) when a cell no longer holds what was written: an edit made
   * since is not overwritten.
   */
  restore(snapshot: CellSnapshot[], written?: CellWrite[]): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Marks cells; returns what is needed to remove exactly those marks later. */
  highlight(cells: HighlightCell[]): Promise<CellSnapshot[]>;
  removeHighlight(saved: CellSnapshot[]): Promise<void>;
  /** Writes the findings table to a new worksheet (Office) or is unavailable (standalone). */
  exportToSheet?(rows: (string | number | null)[][], sheetName: string): Promise<void>;
  /** Calls back (debounced by the caller) when the user edits the workbook. */
  onChange?(callback: () => void): Promise<() => void>;
}
