/**
 * The reader Hyoka used before its own: exceljs's full workbook model turned into the engine's
 * grid. Kept as the reference the streaming reader must agree with, cell for cell (a merged area showing its
 * top-left cell alone, as Excel and Office.js show it).
 */
import ExcelJS from 'exceljs';
import { parseRangeA1, type Cell, type Sheet, type Workbook } from '../../../src/engine/grid.js';
import { formatInfo } from '../../../src/engine/numbers.js';
import { evaluateFormulas } from '../../../src/io/xlsx/evaluate.js';

type ExcelValue = ExcelJS.CellValue;

function textOfRich(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

function toCell(value: ExcelValue, numFmt: string | undefined): Cell | undefined {
  const fmt = numFmt || undefined;
  // An empty cell formatted as a percentage is read with its format (the recalculation writes a ratio there).
  if (value === null || value === undefined) return fmt !== undefined && formatInfo(fmt).percent ? { value: null, numFmt: fmt } : undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { value, numFmt: fmt };
  if (value instanceof Date) return { value: value.toISOString(), isDate: true, numFmt: fmt };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { value: textOfRich(value), numFmt: fmt };
    if ('error' in value && value.error) return { value: null, error: String(value.error), numFmt: fmt };
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = ('formula' in value && value.formula) || ('sharedFormula' in value && value.sharedFormula) || '';
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

export async function readWithExcelJs(bytes: Uint8Array): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    const rows: (Cell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const out: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = toCell(cell.value, cell.numFmt);
        if (c) out[colNumber - 1] = c;
      });
      if (out.length > 0) rows[rowNumber - 1] = out;
    });
    const merges = (ws.model.merges ?? []).map((m: string) => parseRangeA1(m));
    // exceljs shows a merged area's value in each of its cells; Excel (and Office.js) in its top-left cell alone.
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
        const cells = rows[r];
        if (!cells) continue;
        for (let c = m.left; c <= m.right && c < cells.length; c++) if (r !== m.top || c !== m.left) delete cells[c];
        let n = cells.length;
        while (n > 0 && cells[n - 1] === undefined) n--;
        cells.length = n;
        if (n === 0) delete rows[r];
      }
    }
    let last = rows.length;
    while (last > 0 && rows[last - 1] === undefined) last--;
    rows.length = last;
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible' && ws.state !== undefined, rows, merges });
  }
  // Formulas without results, as Excel would show them: the same evaluation the reader applies (its parsing is what
  // this reference checks).
  const recompute = (wb.calcProperties as { fullCalcOnLoad?: boolean }).fullCalcOnLoad === true;
  if (recompute || sheets.some((s) => s.rows.some((r) => r?.some((c) => c?.noCachedResult)))) evaluateFormulas(sheets, recompute);
  return { sheets };
}
