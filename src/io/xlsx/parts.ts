/** The small parts of an .xlsx: relationships, the workbook's sheet list, styles, shared strings. */
import { parseRangeA1, type CellRange } from '../../engine/grid.js';
import { attributes, decodeText, nameIs, parseXml, XmlStream, type XmlHandler } from './xml.js';
import { formatInfo } from '../../engine/numbers.js';
import { builtInFormat, isDateFormat, showsIntegersAsYears } from './numfmt.js';

export interface Relationship {
  type: string;
  /** Part name the target resolves to, without a leading slash. */
  target: string;
  external: boolean;
}

/** The relationships part that belongs to `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    t = target;
  }
  const segments = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return segments.join('/');
}

export function parseRelationships(bytes: Uint8Array, sourcePart: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  parseXml(bytes, {
    wantText: false,
    open(buf, n, ne, a, ae) {
      if (!nameIs(buf, n, ne, 'Relationship')) return;
      const at = attributes(buf, a, ae);
      const id = at.get('Id');
      const target = at.get('Target');
      if (!id || target === undefined) return;
      const external = at.get('TargetMode') === 'External';
      rels.set(id, { type: at.get('Type') ?? '', target: external ? target : resolveTarget(sourcePart, target), external });
    },
    close() {},
    text() {},
  });
  return rels;
}

export interface SheetEntry {
  name: string;
  hidden: boolean;
  relId: string;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  /** `<calcPr fullCalcOnLoad="1"/>`: the file asks for every formula to be recalculated on opening. */
  recalculate: boolean;
}

export function parseWorkbook(bytes: Uint8Array): WorkbookInfo {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let recalculate = false;
  parseXml(bytes, {
    wantText: false,
    open(buf, n, ne, a, ae) {
      if (nameIs(buf, n, ne, 'sheet')) {
        const at = attributes(buf, a, ae);
        // The relationship id is `r:id` in the relationships namespace, whatever its prefix.
        let relId = at.get('r:id');
        if (relId === undefined) for (const [k, v] of at) if (k.endsWith(':id')) relId = v;
        const state = at.get('state');
        sheets.push({ name: at.get('name') ?? '', hidden: state === 'hidden' || state === 'veryHidden', relId: relId ?? '' });
      } else if (nameIs(buf, n, ne, 'workbookPr')) {
        const v = attributes(buf, a, ae).get('date1904');
        date1904 = v === '1' || v === 'true';
      } else if (nameIs(buf, n, ne, 'calcPr')) {
        const v = attributes(buf, a, ae).get('fullCalcOnLoad');
        recalculate = v === '1' || v === 'true';
      }
    },
    close() {},
    text() {},
  });
  return { sheets, date1904, recalculate };
}

/**
 * The range an Excel table's filter (`<autoFilter ref>` in xl/tables/tableN.xml) hides rows in, when a filter column of
 * it has criteria; undefined when the table filters nothing (filter buttons alone hide no row).
 */
export function parseTableFilter(bytes: Uint8Array): CellRange | undefined {
  let ref: string | undefined;
  let inFilter = false;
  let inColumn = false;
  let active = false;
  parseXml(bytes, {
    wantText: false,
    open(buf, n, ne, a, ae, selfClosing) {
      if (inColumn) active = true;
      else if (nameIs(buf, n, ne, 'autoFilter')) {
        ref = attributes(buf, a, ae).get('ref');
        inFilter = !selfClosing;
      } else if (inFilter && nameIs(buf, n, ne, 'filterColumn')) inColumn = !selfClosing;
    },
    close(buf, n, ne) {
      if (nameIs(buf, n, ne, 'filterColumn')) inColumn = false;
      else if (nameIs(buf, n, ne, 'autoFilter')) inFilter = false;
    },
    text() {},
  });
  if (!active || !ref) return undefined;
  try {
    return parseRangeA1(ref);
  } catch {
    return undefined;
  }
}

export interface Styles {
  /** Number format of each cell style (cellXfs index); undefined for General. */
  numFmt: (string | undefined)[];
  /** Whether numbers in that style are dates. */
  isDate: boolean[];
  /** Whether integers in that style show as fiscal years (`"令和"0"年度"`). */
  integerYear: boolean[];
  /** Whether that style shows numbers as percentages (`0%`): an empty cell in it is read with its format. */
  percent: boolean[];
}

export function parseStyles(bytes: Uint8Array | undefined): Styles {
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  if (bytes) {
    let inCellXfs = false;
    parseXml(bytes, {
      wantText: false,
      open(buf, n, ne, a, ae, selfClosing) {
        if (nameIs(buf, n, ne, 'numFmt')) {
          const at = attributes(buf, a, ae);
          const id = Number(at.get('numFmtId'));
          const code = at.get('formatCode');
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (nameIs(buf, n, ne, 'cellXfs')) inCellXfs = !selfClosing;
        else if (inCellXfs && nameIs(buf, n, ne, 'xf')) xfFormatIds.push(Number(attributes(buf, a, ae).get('numFmtId') ?? 0) || 0);
      },
      close(buf, n, ne) {
        if (nameIs(buf, n, ne, 'cellXfs')) inCellXfs = false;
      },
      text() {},
    });
  }
  // Cells without a style (s="0" or none) read as General, as spreadsheet libraries read them.
  const numFmt = xfFormatIds.map((id, i) => (i > 0 && id ? custom.get(id) ?? builtInFormat(id) : undefined) || undefined);
  return { numFmt, isDate: numFmt.map(isDateFormat), integerYear: numFmt.map(showsIntegersAsYears), percent: numFmt.map((f) => f !== undefined && formatInfo(f).percent) };
}

/** `_x000D_`: a character Excel escapes in strings. */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Reads `<si>` items into their plain text: rich-text runs joined, phonetic guides (`<rPh>`,
 * the furigana of Japanese workbooks) left out.
 */
export class SharedStringsReader implements XmlHandler {
  readonly strings: string[] = [];
  wantText = false;
  private current = '';
  private phonetic = 0;
  private readonly stream = new XmlStream(this);

  push(chunk: Uint8Array): void {
    this.stream.push(chunk);
  }

  end(): string[] {
    this.stream.end();
    return this.strings;
  }

  open(buf: Uint8Array, n: number, ne: number, _a: number, _ae: number, selfClosing: boolean): void {
    const len = ne - n;
    if (len === 1 && buf[n] === 116 /* t */) this.wantText = !selfClosing && this.phonetic === 0;
    else if (len === 2 && buf[n] === 115 && buf[n + 1] === 105 /* si */) this.current = '';
    else if (len === 3 && nameIs(buf, n, ne, 'rPh') && !selfClosing) this.phonetic++;
  }

  close(buf: Uint8Array, n: number, ne: number): void {
    const len = ne - n;
    if (len === 1 && buf[n] === 116) this.wantText = false;
    else if (len === 2 && buf[n] === 115 && buf[n + 1] === 105) this.strings.push(unescapeOoxml(this.current));
    else if (len === 3 && nameIs(buf, n, ne, 'rPh')) this.phonetic = Math.max(0, this.phonetic - 1);
  }

  text(buf: Uint8Array, start: number, end: number, cdata: boolean): void {
    const piece = decodeText(buf, start, end, cdata);
    this.current = this.current ? this.current + piece : piece;
  }
}

