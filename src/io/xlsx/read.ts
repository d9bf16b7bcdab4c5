/** Reads an .xlsx file into the engine's grid with exceljs: cached formula results, formats, merges. */
import ExcelJS from 'exceljs';
import { parseRangeA1, type Cell, type Sheet, type Workbook } from '../../engine/grid.js';
import { XlsxReadError } from './errors.js';
import { inspectXlsx } from './inspect.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';

type ExcelValue = ExcelJS.CellValue;

function textOfRich(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

/** Converts one exceljs cell to the engine's cell. */
export function toCell(value: ExcelValue, numFmt: string | undefined, formulaText?: string): Cell | undefined {
  const fmt = numFmt || undefined;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { value, numFmt: fmt };
  if (value instanceof Date) return { value: value.toISOString(), isDate: true, numFmt: fmt };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { value: textOfRich(value), numFmt: fmt };
    if ('error' in value && value.error) return { value: null, error: String(value.error), numFmt: fmt };
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = formulaText ?? (('formula' in value && value.formula) || ('sharedFormula' in value && value.sharedFormula) || '');
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return { value: null, formula: String(formula), noCachedResult: true, numFmt: fmt };
      const inner = toCell(result as ExcelValue, fmt);
      return inner ? { ...inner, formula: String(formula) } : { value: null, formula: String(formula), noCachedResult: true, numFmt: fmt };
    }
    if ('hyperlink' in value) return { value: String((value as { text?: unknown }).text ?? ''), numFmt: fmt };
    if ('text' in value) return { value: String((value as { text: unknown }).text), numFmt: fmt };
  }
  return { value: String(value), numFmt: fmt };
}

export async function readXlsx(data: Uint8Array | ArrayBuffer, limits: Partial<ReadLimits> = {}): Promise<Workbook> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  inspectXlsx(bytes, lim);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message.slice(0, 200) : String(e));
  }
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    const rows: (Cell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const c = toCell(cell.value, cell.numFmt);
        if (!c) return;
        out[colNumber - 1] = c;
        cells++;
      });
      if (out.length > 0) rows[rowNumber - 1] = out;
    });
    if (cells > lim.maxCells) throw new XlsxReadError('too-many-cells', `> ${lim.maxCells}`);
    const merges = (ws.model.merges ?? []).map((m: string) => parseRangeA1(m));
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible' && ws.state !== undefined, rows, merges });
  }
  return { sheets };
}
