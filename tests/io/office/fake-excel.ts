/**
 * A small Excel for tests: worksheets of cells behind the Office.js subset the adapter uses
 * (src/io/office/api.ts). It behaves like Office.js where the adapter depends on it:
 * - commands are queued and run in order at `sync()`; a loaded property reads only after the sync
 *   that loaded it, and reading it earlier throws, as Office.js does;
 * - a failing batch keeps what ran before the failing command (`failNextWriteSync`);
 * - text assigned through `values` is parsed as if typed (`=1+1` → formula, `138%` → 1.38 with `0%`,
 *   a leading quote keeps text, a Text-formatted `@` cell keeps anything as it is), and `formulas` of
 *   a quote-prefixed text gives the text without its quote;
 * - protected sheets refuse writes; answers over 5 MB and merged-area queries over 512 areas fail;
 *   a read of more than 5 million cells gives null values;
 * - API sets are gated by `apiVersion` (visible views 1.3, merged areas 1.13, fill pattern 1.9, events 1.7 / 1.9);
 * - rows and columns can be hidden: a range's visible view gives the addresses of the cells shown, none when its
 *   rows or columns are all hidden; a sheet and its tables can have filters (1.9), whose hidden rows are listed as
 *   hidden rows.
 * Formulas are not evaluated: a written formula's value is `evaluate(formula)` or 0.
 */
import { a1, parseA1, parseRangeA1, rangeA1, type CellRange } from '../../../src/engine/grid.js';
import type {
  ExcelContext,
  OfficeRuntime,
  RunOptions,
  XEventRegistration,
  XEventSource,
  XRange,
  XRangeFill,
  XRangeView,
  XAutoFilter,
  XTable,
  XTableCollection,
  XWorksheet,
  XWorksheetCollection,
} from '../../../src/io/office/api.js';

export interface FakeCell {
  /** Number, text or boolean; absent or '' for an empty cell. */
  value?: number | string | boolean;
  /** With its leading `=`. */
  formula?: string;
  /** An error value such as `#DIV/0!`. */
  error?: string;
  numberFormat?: string;
  /** `#RRGGBB`, or null/absent for no fill. */
  fill?: string | null;
  /** Shown text when it is not what the mini formatter gives (e.g. `###` in a narrow column). */
  text?: string;
}

export type CellInit = FakeCell | number | string | boolean;

export interface FakeSheetInit {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  /** By A1 address. */
  cells?: Record<string, CellInit>;
  merges?: string[];
  /** Hidden rows, as Excel numbers them (1-based). */
  hiddenRows?: number[];
  /** Hidden columns, by letter. */
  hiddenColumns?: string[];
  /** The sheet's filter: its range (header row included) and whether it has criteria (hides rows). */
  autoFilter?: FakeFilter;
  /** The sheet's Excel tables, by their filters. */
  tables?: FakeFilter[];
  /** A sheet whose cells are computed, with its used range given (for very large sheets). */
  generated?: { usedRange: string; cellAt: (row: number, col: number) => FakeCell | undefined };
}

export interface FakeFilter {
  range: string;
  filtered: boolean;
}

export interface FakeOptions {
  /** Highest ExcelApi version this Excel supports. */
  apiVersion?: string;
  sheets?: FakeSheetInit[];
  maxResponseBytes?: number;
  maxReadCells?: number;
  evaluate?: (formula: string) => number | string | boolean;
  /** Every sync that reads a visible view fails (as an Excel that refused them would). */
  visibleViewFails?: boolean;
  /** Every sync that reads a filter fails. */
  filtersFail?: boolean;
}

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: 1048575, right: 16383 };

class SheetState {
  name: string;
  visibility: string;
  protected: boolean;
  cells = new Map<string, FakeCell>();
  merges: CellRange[];
  generated?: FakeSheetInit['generated'];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  autoFilter?: FakeFilter;
  tables: FakeFilter[];

  constructor(init: FakeSheetInit) {
    this.name = init.name;
    this.autoFilter = init.autoFilter;
    this.tables = init.tables ?? [];
    this.hiddenRows = new Set((init.hiddenRows ?? []).map((r) => r - 1));
    this.hiddenCols = new Set((init.hiddenColumns ?? []).map((c) => parseA1(`${c}1`).col));
    this.visibility = init.visibility ?? 'Visible';
    this.protected = init.protected ?? false;
    this.merges = (init.merges ?? []).map(parseRangeA1);
    this.generated = init.generated;
    for (const [address, c] of Object.entries(init.cells ?? {})) {
      const { row, col } = parseA1(address);
      this.cells.set(`${row},${col}`, typeof c === 'object' ? { ...c } : { value: c });
    }
  }

  get(row: number, col: number): FakeCell | undefined {
    return this.generated ? this.generated.cellAt(row, col) : this.cells.get(`${row},${col}`);
  }

  edit(row: number, col: number): FakeCell {
    if (this.generated) throw new Error('generated sheets are read-only');
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = {}));
    return c;
  }

  usedRange(valuesOnly: boolean): CellRange | null {
    if (this.generated) return parseRangeA1(this.generated.usedRange);
    let box: CellRange | null = null;
    for (const [key, c] of this.cells) {
      const hasValue = (c.value !== undefined && c.value !== '') || c.formula !== undefined || c.error !== undefined;
      const hasFormat = (c.fill ?? null) !== null || (c.numberFormat ?? 'General') !== 'General';
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [row, col] = key.split(',').map(Number);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box;
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split('.').map(Number);
  const [c, d] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** What a number looks like in a few common formats; enough for the adapter's tests. */
function formatNumber(v: number, fmt: string): string {
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return `${(v * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^0(?:\.(0+))?$/.exec(fmt);
  if (fixed) return v.toFixed(fixed[1]?.length ?? 0);
  if (fmt === '#,##0') return Math.round(v).toLocaleString('en-US');
  return String(v);
}

export function shownText(c: FakeCell | undefined): string {
  if (!c) return '';
  if (c.text !== undefined) return c.text;
  if (c.error) return c.error;
  const v = c.value;
  if (v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatNumber(v, c.numberFormat ?? 'General');
  return v;
}

interface Op {
  write: boolean;
  /** Runs the command; returns the bytes it adds to the answer. */
  run(): number;
}

type Handler = { kind: 'changed' | 'added' | 'deleted'; sheet?: SheetState; fn: (args: unknown) => Promise<unknown> };

export class FakeExcel {
  readonly apiVersion: string;
  readonly sheets: SheetState[];
  readonly maxResponseBytes: number;
  readonly maxReadCells: number;
  readonly evaluate?: (formula: string) => number | string | boolean;
  readonly visibleViewFails: boolean;
  readonly filtersFail: boolean;
  /** Every sync of every run, in order. */
  syncCount = 0;
  /** Answer size of each sync that succeeded, in bytes. */
  responseBytes: number[] = [];
  failedSyncs = 0;
  /** Write commands each sync carried out (a failed sync counts those before its failure). */
  writesPerSync: number[] = [];
  /** Options each `run` was given. */
  runs: RunOptions[] = [];
  active: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  handlers = new Set<Handler>();
  private failure: { afterWrites: number; times: number } | null = null;

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.20';
    this.sheets = (options.sheets ?? []).map((s) => new SheetState(s));
    this.maxResponseBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
    this.maxReadCells = options.maxReadCells ?? 5_000_000;
    this.evaluate = options.evaluate;
    this.visibleViewFails = options.visibleViewFails ?? false;
    this.filtersFail = options.filtersFail ?? false;
  }

  readonly runtime: OfficeRuntime = {
    run: async (batch, options) => {
      this.runs.push(options ?? {});
      const ctx = new FakeContext(this);
      const result = await batch(ctx);
      if (ctx.pending() > 0) throw new Error('batch ended with commands never synced');
      return result;
    },
    runOn: async (context, batch) => {
      if (!(context instanceof FakeContext)) throw new Error('not a context of this fake');
      return batch(context);
    },
    isSetSupported: (set, version) => set === 'ExcelApi' && versionAtLeast(this.apiVersion, version),
  };

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  /** The next sync that writes anything (the next `times` such syncs) runs its first `afterWrites` writes, then fails. */
  failNextWriteSync(afterWrites: number, times = 1): void {
    this.failure = { afterWrites, times };
  }

  takeFailure(ops: Op[]): { afterWrites: number } | null {
    if (!this.failure || !ops.some((o) => o.write)) return null;
    const f = this.failure;
    if (--f.times <= 0) this.failure = null;
    return f;
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeError('ItemNotFound', `no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell {
    const { top, left } = parseRangeA1(address);
    return { ...(this.sheet(sheet).get(top, left) ?? {}) };
  }

  /** Every cell that holds anything, without defaults (no fill, General), for before/after comparisons. */
  dump(): Record<string, Record<string, FakeCell>> {
    const out: Record<string, Record<string, FakeCell>> = {};
    for (const s of this.sheets) {
      const cells: Record<string, FakeCell> = {};
      for (const [key, c] of s.cells) {
        const [row, col] = key.split(',').map(Number);
        const kept = Object.entries(c).filter(([k, v]) => v !== undefined && v !== null && v !== '' && !(k === 'numberFormat' && v === 'General'));
        if (kept.length > 0) cells[a1(row, col)] = Object.fromEntries(kept) as FakeCell;
      }
      out[s.name] = cells;
    }
    return out;
  }

  /** The user edits a cell: Excel raises the change events. */
  async userEdit(sheet: string, address: string, value: number | string): Promise<void> {
    const s = this.sheet(sheet);
    const { top, left } = parseRangeA1(address);
    Object.assign(s.edit(top, left), { value, formula: undefined });
    for (const h of this.handlers) {
      if (h.kind === 'changed' && (!h.sheet || h.sheet === s)) await h.fn({ address, worksheetId: sheet });
    }
  }
}

class FakeContext implements ExcelContext {
  readonly workbook: { worksheets: FakeCollection };
  private ops: Op[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = { worksheets: new FakeCollection(this) };
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  pending(): number {
    return this.ops.length;
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.excel.syncCount++;
    const failure = this.excel.takeFailure(ops);
    let bytes = 0;
    let writes = 0;
    try {
      for (const op of ops) {
        if (op.write) {
          if (failure && writes === failure.afterWrites) throw new FakeError('GeneralException', 'the request failed midway');
          writes++;
        }
        bytes += op.run();
        if (bytes > this.excel.maxResponseBytes) throw new FakeError('ResponsePayloadSizeLimitExceeded', `${bytes} bytes`);
      }
    } catch (e) {
      this.excel.failedSyncs++;
      throw e;
    } finally {
      this.excel.writesPerSync.push(writes);
    }
    this.excel.responseBytes.push(bytes);
  }

  requireApi(version: string, what: string): void {
    if (!this.excel.supports(version)) {
      this.queue({
        write: false,
        run: () => {
          throw new FakeError('ApiNotFound', `${what} needs ExcelApi ${version}`);
        },
      });
    }
  }
}

function bytesOf(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x) ?? '');
}

/** Holds the properties a sync loaded; reading one that was never loaded throws, as in Office.js. */
class Loaded {
  private values = new Map<string, unknown>();

  set(name: string, v: unknown): void {
    this.values.set(name, v);
  }

  get<T>(name: string): T {
    if (!this.values.has(name)) throw new FakeError('PropertyNotLoaded', name);
    return this.values.get(name) as T;
  }
}

class FakeEventSource implements XEventSource {
  constructor(
    private ctx: FakeContext,
    private kind: Handler['kind'],
    private sheet: (() => SheetState) | undefined,
    private version: string,
  ) {}

  add(fn: (args: unknown) => Promise<unknown>): XEventRegistration {
    this.ctx.requireApi(this.version, `on${this.kind}`);
    const handler: Handler = { kind: this.kind, fn };
    const excel = this.ctx.excel;
    this.ctx.queue({
      write: false,
      run: () => {
        if (this.sheet) handler.sheet = this.sheet();
        excel.handlers.add(handler);
        return 0;
      },
    });
    const ctx = this.ctx;
    return {
      context: ctx,
      remove: () => ctx.queue({ write: false, run: () => (excel.handlers.delete(handler), 0) }),
    };
  }
}

class FakeCollection implements XWorksheetCollection {
  private loaded = new Loaded();
  readonly onChanged: XEventSource;
  readonly onAdded: XEventSource;
  readonly onDeleted: XEventSource;

  constructor(private ctx: FakeContext) {
    this.onChanged = new FakeEventSource(ctx, 'changed', undefined, '1.9');
    this.onAdded = new FakeEventSource(ctx, 'added', undefined, '1.7');
    this.onDeleted = new FakeEventSource(ctx, 'deleted', undefined, '1.7');
  }

  get items(): XWorksheet[] {
    return this.loaded.get('items');
  }

  load(propertyNames: string[]): void {
    const props = propertyNames.map((p) => p.trim().replace(/^items\//, ''));
    this.ctx.queue({
      write: false,
      run: () => {
        const items = this.ctx.excel.sheets.map((state) => {
          const ws = new FakeWorksheet(this.ctx, () => state);
          ws.fill(props, state);
          return ws;
        });
        this.loaded.set('items', items);
        return bytesOf(items.map((ws) => ws.loadedJson));
      },
    });
  }

  getItem(key: string): XWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(key));
  }

  add(name?: string): XWorksheet {
    let created: SheetState | undefined;
    this.ctx.queue({
      write: true,
      run: () => {
        const wanted = name ?? `Sheet${this.ctx.excel.sheets.length + 1}`;
        if (this.ctx.excel.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) throw new FakeError('ItemAlreadyExists', wanted);
        if (wanted.length > 31 || /[[\]:*?/\\]/.test(wanted)) throw new FakeError('InvalidArgument', wanted);
        created = new SheetState({ name: wanted });
        this.ctx.excel.sheets.push(created);
        return 0;
      },
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeError('ItemNotFound', 'sheet not added yet');
      return created;
    });
  }
}

/** A sheet's or a table's filter (ExcelApi 1.9), as it is when the sync runs; `filter()` undefined: none. */
function fakeFilter(ctx: FakeContext, filter: () => FakeFilter | undefined): XAutoFilter {
  ctx.requireApi('1.9', 'autoFilter');
  const loaded = new Loaded();
  const failing = () => {
    if (ctx.excel.filtersFail) throw new FakeError('GeneralException', 'filter refused');
  };
  return {
    get isDataFiltered(): boolean {
      return loaded.get('isDataFiltered');
    },
    load: (propertyNames: string[]) =>
      ctx.queue({
        write: false,
        run: () => {
          failing();
          if (propertyNames.some((p) => p.trim() !== 'isDataFiltered')) throw new FakeError('InvalidArgument', `unknown filter property ${propertyNames.join()}`);
          loaded.set('isDataFiltered', filter()?.filtered ?? false);
          return 24;
        },
      }),
    getRangeOrNullObject() {
      const range = new Loaded();
      return {
        get isNullObject(): boolean {
          return range.get('isNullObject');
        },
        get address(): string {
          return range.get('address');
        },
        load: () =>
          ctx.queue({
            write: false,
            run: () => {
              failing();
              const f = filter();
              range.set('isNullObject', f === undefined);
              // Office.js gives the address with its sheet; the test sheets' names need no quotes.
              range.set('address', f ? `Sheet!${f.range}` : '');
              return 40;
            },
          }),
      };
    },
  };
}

class FakeWorksheet implements XWorksheet {
  private loaded = new Loaded();
  loadedJson: Record<string, unknown> = {};
  readonly onChanged: XEventSource;
  readonly protection: { readonly protected: boolean; load(propertyNames: string[]): void };

  constructor(
    private ctx: FakeContext,
    readonly resolve: () => SheetState,
  ) {
    this.onChanged = new FakeEventSource(ctx, 'changed', resolve, '1.7');
    const loaded = this.loaded;
    this.protection = {
      get protected(): boolean {
        return loaded.get('protection/protected');
      },
      load: (names: string[]) => this.load(names.map((n) => `protection/${n}`)),
    };
  }

  /** Sets loaded properties from the sheet as it is when the command runs. */
  fill(props: string[], state: SheetState): void {
    for (const p of props) {
      const v = p === 'name' ? state.name : p === 'visibility' ? state.visibility : p === 'protection/protected' ? state.protected : undefined;
      if (v === undefined) throw new FakeError('InvalidArgument', `unknown worksheet property ${p}`);
      this.loaded.set(p, v);
      this.loadedJson[p] = v;
    }
  }

  get name(): string {
    return this.loaded.get('name');
  }

  get visibility(): string {
    return this.loaded.get('visibility');
  }

  load(propertyNames: string[]): void {
    this.ctx.queue({
      write: false,
      run: () => {
        this.fill(
          propertyNames.map((p) => p.trim()),
          this.resolve(),
        );
        return bytesOf(this.loadedJson);
      },
    });
  }

  get autoFilter(): XAutoFilter {
    return fakeFilter(this.ctx, () => this.resolve().autoFilter);
  }

  get tables(): XTableCollection {
    const loaded = new Loaded();
    const ctx = this.ctx;
    return {
      get items(): XTable[] {
        return loaded.get('items');
      },
      load: (propertyNames: string[]) =>
        ctx.queue({
          write: false,
          run: () => {
            if (propertyNames.some((p) => p.trim() !== 'items/name')) throw new FakeError('InvalidArgument', `unknown table property ${propertyNames.join()}`);
            const tables = this.resolve().tables;
            loaded.set(
              'items',
              tables.map((t) => ({ autoFilter: fakeFilter(ctx, () => t) })),
            );
            return bytesOf(tables.map((_, i) => ({ name: `Table${i + 1}` })));
          },
        }),
    };
  }

  activate(): void {
    this.ctx.queue({ write: false, run: () => ((this.ctx.excel.active = this.resolve().name), 0) });
  }

  getRange(address?: string): XRange {
    const area = address ? parseRangeA1(address.replace(/\$/g, '')) : WHOLE_SHEET;
    return new FakeRange(this.ctx, this.resolve, () => area);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange {
    return new FakeRange(this.ctx, this.resolve, () => this.resolve().usedRange(valuesOnly ?? false));
  }
}

/** Excel's reading of a value assigned as if typed. */
function assign(c: FakeCell, input: unknown, excel: FakeExcel): void {
  c.formula = undefined;
  c.error = undefined;
  c.text = undefined;
  if (typeof input === 'number' || typeof input === 'boolean') {
    c.value = input;
    return;
  }
  const s = String(input ?? '');
  if (c.numberFormat === '@') {
    c.value = s;
    return;
  }
  if (s.startsWith("'")) {
    c.value = s.slice(1);
    return;
  }
  if (s.startsWith('=') && s.length > 1) {
    c.formula = s;
    c.value = excel.evaluate ? excel.evaluate(s) : 0;
    return;
  }
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) {
    c.value = Number(s);
    return;
  }
  const pct = /^([+-]?\d+(?:\.\d+)?)%$/.exec(s);
  if (pct) {
    c.value = Number(pct[1]) / 100;
    if ((c.numberFormat ?? 'General') === 'General') c.numberFormat = '0%';
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    c.value = /^true$/i.test(s);
    return;
  }
  c.value = s;
}

class FakeFill implements XRangeFill {
  private loaded = new Loaded();

  constructor(
    private ctx: FakeContext,
    private range: FakeRange,
  ) {}

  get color(): string {
    return this.loaded.get('color');
  }

  set color(value: string) {
    this.range.write((c) => {
      c.fill = value.toUpperCase();
    });
  }

  get pattern(): string | null {
    return this.loaded.get('pattern');
  }

  clear(): void {
    this.range.write((c) => {
      c.fill = null;
    });
  }

  load(propertyNames: string[]): void {
    if (propertyNames.includes('pattern')) this.ctx.requireApi('1.9', 'RangeFill.pattern');
    this.ctx.queue({
      write: false,
      run: () => {
        const fills = this.range.cellsNow().map((c) => c?.fill ?? null);
        const same = fills.every((f) => f === fills[0]);
        // Excel reports white for a cell without fill: only `pattern` tells the two apart.
        const color = same ? (fills[0] ?? '#FFFFFF') : null;
        const pattern = same ? (fills[0] ? 'Solid' : 'None') : null;
        if (propertyNames.includes('color')) this.loaded.set('color', color);
        if (propertyNames.includes('pattern')) this.loaded.set('pattern', pattern);
        return bytesOf({ color, pattern });
      },
    });
  }
}

class FakeRange implements XRange {
  private loaded = new Loaded();
  readonly format: { readonly fill: FakeFill };

  constructor(
    private ctx: FakeContext,
    private sheet: () => SheetState,
    private area: () => CellRange | null,
  ) {
    this.format = { fill: new FakeFill(ctx, this) };
  }

  get isNullObject(): boolean {
    return this.loaded.get('isNullObject');
  }
  get address(): string {
    return this.loaded.get('address');
  }
  get rowIndex(): number {
    return this.loaded.get('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded.get('columnIndex');
  }
  get rowCount(): number {
    return this.loaded.get('rowCount');
  }
  get columnCount(): number {
    return this.loaded.get('columnCount');
  }
  get values(): unknown[][] {
    return this.loaded.get('values');
  }
  set values(v: unknown[][]) {
    this.writeGrid(v, (c, x) => assign(c, x, this.ctx.excel));
  }
  get text(): string[][] {
    return this.loaded.get('text');
  }
  get numberFormat(): unknown[][] {
    return this.loaded.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid(v, (c, x) => {
      c.numberFormat = String(x);
    });
  }
  get formulas(): unknown[][] {
    return this.loaded.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeGrid(v, (c, x) => assign(c, x, this.ctx.excel));
  }
  get valueTypes(): string[][] {
    return this.loaded.get('valueTypes');
  }

  /** The cells of the area as they are when a command runs. */
  cellsNow(): (FakeCell | undefined)[] {
    const a = this.resolvedArea();
    const s = this.sheet();
    const out: (FakeCell | undefined)[] = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(s.get(r, c));
    return out;
  }

  private resolvedArea(): CellRange {
    const a = this.area();
    if (!a) throw new FakeError('InvalidReference', 'null range');
    return a;
  }

  /** Queues a change of every cell of the area. */
  write(change: (c: FakeCell) => void): void {
    this.ctx.queue({
      write: true,
      run: () => {
        const s = this.sheet();
        if (s.protected) throw new FakeError('AccessDenied', `${s.name} is protected`);
        const a = this.resolvedArea();
        for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) change(s.edit(r, c));
        return 0;
      },
    });
  }

  private writeGrid(grid: unknown[][], set: (c: FakeCell, x: unknown) => void): void {
    this.ctx.queue({
      write: true,
      run: () => {
        const s = this.sheet();
        if (s.protected) throw new FakeError('AccessDenied', `${s.name} is protected`);
        const a = this.resolvedArea();
        if (grid.length !== a.bottom - a.top + 1 || grid.some((row) => row.length !== a.right - a.left + 1)) throw new FakeError('InvalidArgument', 'dimensions do not match');
        grid.forEach((row, r) => row.forEach((x, c) => set(s.edit(a.top + r, a.left + c), x)));
        return 0;
      },
    });
  }

  load(propertyNames: string[]): void {
    this.ctx.queue({
      write: false,
      run: () => {
        const a = this.area();
        const props = propertyNames.map((p) => p.trim());
        this.loaded.set('isNullObject', a === null);
        if (!a) return 0;
        const s = this.sheet();
        const rows = a.bottom - a.top + 1;
        const cols = a.right - a.left + 1;
        const tooMany = rows * cols > this.ctx.excel.maxReadCells;
        const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] | null => {
          if (tooMany) return null;
          const out: T[][] = [];
          for (let r = 0; r < rows; r++) {
            const row: T[] = [];
            for (let c = 0; c < cols; c++) row.push(f(s.get(a.top + r, a.left + c)));
            out.push(row);
          }
          return out;
        };
        const valueOf = (c: FakeCell | undefined) => (c?.error ?? c?.value ?? '');
        const compute: Record<string, () => unknown> = {
          address: () => `${quoteSheet(s.name)}!${rangeA1(a)}`,
          rowIndex: () => a.top,
          columnIndex: () => a.left,
          rowCount: () => rows,
          columnCount: () => cols,
          values: () => grid(valueOf),
          text: () => grid(shownText),
          numberFormat: () => grid((c) => c?.numberFormat ?? 'General'),
          formulas: () => grid((c) => c?.formula ?? valueOf(c)),
          valueTypes: () =>
            grid((c) => {
              if (c?.error) return 'Error';
              const v = c?.value;
              if (v === undefined || v === '') return c?.formula ? 'String' : 'Empty';
              return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
            }),
        };
        let bytes = 0;
        for (const p of props) {
          const f = compute[p];
          if (!f) throw new FakeError('InvalidArgument', `unknown range property ${p}`);
          const v = f();
          this.loaded.set(p, v);
          bytes += bytesOf(v);
        }
        return bytes;
      },
    });
  }

  select(): void {
    this.ctx.queue({
      write: false,
      run: () => {
        this.ctx.excel.selection = { sheet: this.sheet().name, address: rangeA1(this.resolvedArea()) };
        return 0;
      },
    });
  }

  getVisibleView(): XRangeView {
    this.ctx.requireApi('1.3', 'getVisibleView');
    const loaded = new Loaded();
    const ctx = this.ctx;
    return {
      get cellAddresses(): unknown[][] {
        return loaded.get('cellAddresses');
      },
      load: (propertyNames: string[]) =>
        ctx.queue({
          write: false,
          run: () => {
            if (ctx.excel.visibleViewFails) throw new FakeError('GeneralException', 'visible view refused');
            if (propertyNames.some((p) => p.trim() !== 'cellAddresses')) throw new FakeError('InvalidArgument', `unknown view property ${propertyNames.join()}`);
            const a = this.resolvedArea();
            const s = this.sheet();
            const grid: string[][] = [];
            for (let r = a.top; r <= a.bottom; r++) {
              if (s.hiddenRows.has(r)) continue;
              const line: string[] = [];
              for (let c = a.left; c <= a.right; c++) if (!s.hiddenCols.has(c)) line.push(`${quoteSheet(s.name)}!${a1(r, c)}`);
              if (line.length > 0) grid.push(line);
            }
            loaded.set('cellAddresses', grid);
            return bytesOf(grid);
          },
        }),
    };
  }

  getMergedAreasOrNullObject(): { readonly isNullObject: boolean; readonly address: string; load(propertyNames: string[]): void } {
    this.ctx.requireApi('1.13', 'getMergedAreasOrNullObject');
    const loaded = new Loaded();
    const ctx = this.ctx;
    return {
      get isNullObject(): boolean {
        return loaded.get('isNullObject');
      },
      get address(): string {
        return loaded.get('address');
      },
      load: () =>
        ctx.queue({
          write: false,
          run: () => {
            const a = this.resolvedArea();
            const s = this.sheet();
            const hits = s.merges.filter((m) => m.top <= a.bottom && m.bottom >= a.top && m.left <= a.right && m.right >= a.left);
            if (hits.length > 512) throw new FakeError('GeneralException', 'more than 512 merged areas');
            loaded.set('isNullObject', hits.length === 0);
            const address = hits.map((m) => `${quoteSheet(s.name)}!${rangeA1(m)}`).join(', ');
            loaded.set('address', address);
            return bytesOf(address);
          },
        }),
    };
  }
}
