/**
 * The WorkbookHost of the standalone page: an .xlsx file held in memory. Reading goes through
 * the streaming .xlsx reader, a recalculation patches the bytes (only the recalculated cells' XML), and
 * undo goes back to the bytes before it. Nothing leaves the browser.
 *
 * A file in memory has no cell to select or fill: selecting and highlighting are kept as state
 * that the pane shows (the finding is marked in the list).
 */
import type { CellWrite } from '../../engine/fix.js';
import type { Workbook } from '../../engine/grid.js';
import { HostError, type ApplyOptions, type ApplyResult, type CellSnapshot, type HighlightCell, type WorkbookHost } from '../host.js';
import { patchXlsx, SKIP_REASONS } from '../xlsx/write.js';

export interface StandaloneState {
  /** `Sheet!A1` of the cell last selected from the pane. */
  selected: string | null;
  /** `Sheet!A1` of every marked cell. */
  marked: ReadonlySet<string>;
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

/** `report.xlsx` → `report-hyoka.xlsx`; a macro-enabled `.xlsm` keeps its extension (Excel checks it). */
export function fixedFileName(name: string): string {
  const ext = /\.xlsm$/i.test(name) ? 'xlsm' : 'xlsx';
  const base = name.replace(/\.(xlsx|xlsm)$/i, '') || 'workbook';
  return `${base}-hyoka.${ext}`;
}

function snapshotOf(w: CellWrite): CellSnapshot {
  return {
    sheet: w.sheet,
    address: w.address,
    value: w.before.value ?? '',
    formula: w.before.formula ? `=${w.before.formula}` : null,
    numberFormat: w.before.numFmt ?? 'General',
    fill: null,
  };
}

export class StandaloneHost implements WorkbookHost {
  readonly kind = 'standalone' as const;
  private bytes: Uint8Array;
  /** Bumped by every change of the bytes, so that writes planned on older bytes are refused. */
  private version = 0;
  private readVersion = -1;
  /** Bytes before each recalculation, found again by the snapshot that recalculation returned. */
  private readonly previous = new WeakMap<CellSnapshot[], { bytes: Uint8Array; version: number }>();
  private state: StandaloneState = { selected: null, marked: new Set() };
  private readonly listeners = new Set<(s: StandaloneState) => void>();

  constructor(
    readonly fileName: string,
    bytes: Uint8Array,
  ) {
    this.bytes = bytes;
  }

  /** The workbook as it stands now (with every recalculation applied). */
  currentBytes(): Uint8Array {
    return this.bytes;
  }

  get changed(): boolean {
    return this.version > 0;
  }

  async readWorkbook(): Promise<Workbook> {
    // The reader is loaded only when a file is opened, in its own chunk.
    const { readXlsx } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/read.js');
    const version = this.version;
    const workbook = await readXlsx(this.bytes);
    this.readVersion = version;
    return workbook;
  }

  async applyWrites(writes: CellWrite[], options: ApplyOptions): Promise<ApplyResult> {
    if (options.reviewMode) throw new HostError('review-mode');
    if (this.readVersion !== this.version) throw new HostError('changed-since-check');
    const result = patchXlsx(this.bytes, writes, options.formulas);
    const locked = result.skipped.filter((s) => s.code === 'protected');
    if (locked.length > 0) throw new HostError('protected-sheet', [...new Set(locked.map((s) => s.sheet))].join(', '));
    if (result.skipped.length > 0) {
      // All or nothing: a recalculation that cannot write every cell writes none.
      const first = result.skipped[0];
      const cell = `${first.sheet}!${first.address}`;
      throw new HostError('write-failed', { ja: `${cell}: ${SKIP_REASONS[first.code].ja}`, en: `${cell}: ${SKIP_REASONS[first.code].en}` });
    }
    const snapshot = writes.map(snapshotOf);
    this.previous.set(snapshot, { bytes: this.bytes, version: this.version });
    this.bytes = result.bytes;
    this.version++;
    return { written: writes, snapshot, mergedUndo: false };
  }

  async restore(snapshot: CellSnapshot[]): Promise<void> {
    const before = this.previous.get(snapshot);
    if (!before) throw new HostError('write-failed', { ja: '元に戻す再計算がありません', en: 'no recalculation to undo' });
    this.previous.delete(snapshot);
    this.bytes = before.bytes;
    this.version++;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.update({ ...this.state, selected: cellKey(sheet, address) });
  }

  async highlight(cells: HighlightCell[]): Promise<CellSnapshot[]> {
    const marked = new Set(this.state.marked);
    const saved: CellSnapshot[] = [];
    for (const c of cells) {
      const key = cellKey(c.sheet, c.address);
      if (marked.has(key)) continue;
      marked.add(key);
      saved.push({ sheet: c.sheet, address: c.address, value: '', formula: null, numberFormat: 'General', fill: null });
    }
    this.update({ ...this.state, marked });
    return saved;
  }

  async removeHighlight(saved: CellSnapshot[]): Promise<void> {
    const marked = new Set(this.state.marked);
    for (const s of saved) marked.delete(cellKey(s.sheet, s.address));
    this.update({ ...this.state, marked });
  }

  getState(): StandaloneState {
    return this.state;
  }

  subscribe(listener: (s: StandaloneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(next: StandaloneState): void {
    this.state = next;
    for (const l of this.listeners) l(next);
  }
}
