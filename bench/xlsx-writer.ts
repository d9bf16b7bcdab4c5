/**
 * A minimal .xlsx writer for the benchmark: rows streamed into sheet XML as Excel writes it
 * (shared strings, cell styles by number format, merged cells), zipped with fflate.
 * A library that holds the whole workbook model could not write the largest sizes quickly.
 */
import { writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { columnLetters } from '../src/engine/grid.js';

export type Value = string | number;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const COL_NAMES = Array.from({ length: 64 }, (_, i) => columnLetters(i));

export class SheetWriter {
  private readonly parts: string[] = [];
  private readonly merges: string[] = [];
  private rowOpen = -1;
  private row = '';
  cells = 0;

  constructor(
    readonly name: string,
    private readonly book: BookWriter,
    readonly hidden = false,
  ) {}

  /** Sets a cell; rows in ascending order, cells of a row in ascending columns (0-based). */
  set(row: number, col: number, value: Value | null | undefined, numFmt?: string): void {
    if (value === null || value === undefined || value === '') return;
    if (row !== this.rowOpen) this.flushRow(row);
    const ref = `${COL_NAMES[col] ?? columnLetters(col)}${row + 1}`;
    const s = numFmt ? this.book.styleOf(numFmt) : 0;
    const sAttr = s ? ` s="${s}"` : '';
    if (typeof value === 'number') this.row += `<c r="${ref}"${sAttr}><v>${value}</v></c>`;
    else this.row += `<c r="${ref}"${sAttr} t="s"><v>${this.book.stringIndex(value)}</v></c>`;
    this.cells++;
  }

  /** Values from `col` rightwards. */
  put(row: number, col: number, values: (Value | null)[], numFmt?: string): void {
    values.forEach((v, i) => this.set(row, col + i, v, numFmt));
  }

  /** Merges rows top..bottom and columns left..right (0-based); the top-left cell shows. */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push(`${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`);
  }

  private flushRow(next: number): void {
    if (this.rowOpen >= 0) this.parts.push(`<row r="${this.rowOpen + 1}">${this.row}</row>`);
    this.rowOpen = next;
    this.row = '';
  }

  xml(): string {
    this.flushRow(-1);
    const merges = this.merges.length ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${this.parts.join('')}</sheetData>${merges}</worksheet>`;
  }
}

const BUILT_IN_FORMATS: Record<string, number> = { '0%': 9, '0.00%': 10, '#,##0': 3 };

export class BookWriter {
  readonly sheets: SheetWriter[] = [];
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  private readonly styles = new Map<string, number>();
  private readonly formats: { id: number; code: string }[] = [];
  private stringRefs = 0;

  addSheet(name: string, hidden = false): SheetWriter {
    const s = new SheetWriter(name, this, hidden);
    this.sheets.push(s);
    return s;
  }

  stringIndex(s: string): number {
    this.stringRefs++;
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.stringList.length;
      this.strings.set(s, i);
      this.stringList.push(s);
    }
    return i;
  }

  styleOf(numFmt: string): number {
    let s = this.styles.get(numFmt);
    if (s === undefined) {
      s = this.styles.size + 1;
      this.styles.set(numFmt, s);
      const builtIn = BUILT_IN_FORMATS[numFmt];
      this.formats.push({ id: builtIn ?? 164 + this.formats.filter((f) => f.id >= 164).length, code: numFmt });
    }
    return s;
  }

  private stylesXml(): string {
    const custom = this.formats.filter((f) => f.id >= 164);
    const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`).join('')}</numFmts>` : '';
    const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...this.formats.map((f) => `<xf numFmtId="${f.id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
  }

  private sharedStringsXml(): string {
    const items = this.stringList.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.stringRefs}" uniqueCount="${this.stringList.length}">${items}</sst>`;
  }

  /** Writes the workbook; returns the number of cells written (merged areas not spread). */
  write(path: string): number {
    const sheetParts = this.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml() }));
    const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetParts.map((p) => `<Override PartName="/${p.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
    const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetParts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
    const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets>${this.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
    const cells = this.sheets.reduce((n, s) => n + s.cells, 0);
    writeZip(path, [
      { name: '[Content_Types].xml', data: ct },
      { name: '_rels/.rels', data: rels },
      { name: 'xl/workbook.xml', data: wb },
      { name: 'xl/_rels/workbook.xml.rels', data: wbRels },
      { name: 'xl/styles.xml', data: this.stylesXml() },
      { name: 'xl/sharedStrings.xml', data: this.sharedStringsXml() },
      ...sheetParts,
    ]);
    return cells;
  }
}

function writeZip(path: string, parts: { name: string; data: string }[]): void {
  writeFileSync(path, zipSync(Object.fromEntries(parts.map((p) => [p.name, strToU8(p.data)])), { level: 6 }));
}
