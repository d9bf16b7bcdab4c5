/** Workbooks the browser tests build with exceljs, laid out like the seeds' progress tables. */
import ExcelJS from 'exceljs';

type Value = string | number | null;

interface Block {
  label: string;
  target: Value[];
  actual: Value[];
  progress: Value[];
}

/** A 別紙1-style progress table: years R3…R7 in row 2, one three-row block per numeric target. */
async function progressWorkbook(sheetName: string, blocks: Block[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ['R3', 'R4', 'R5', 'R6', 'R7'].forEach((y, i) => (ws.getCell(2, 4 + i).value = y));
  let r = 3;
  for (const b of blocks) {
    ws.getCell(r, 2).value = b.label;
    ws.getCell(r, 3).value = '目標値';
    ws.getCell(r + 1, 3).value = '実績値';
    ws.getCell(r + 2, 3).value = '進捗度(%)';
    const rows = [b.target, b.actual, b.progress];
    rows.forEach((values, k) =>
      values.forEach((v, i) => {
        if (v !== null) ws.getCell(r + k, 4 + i).value = v;
      }),
    );
    r += 3;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A numeric target (formulas can recompute it) and a target in text with units (they cannot). */
export function formulaWorkbook(): Promise<Uint8Array> {
  return progressWorkbook('別紙1', [
    { label: '数値目標(1) 連携企業数', target: [100, 120], actual: [50, 60], progress: [99, null] },
    { label: '数値目標(2) 相談件数', target: ['10件', '12件'], actual: ['5件', '6件'], progress: ['99%', null] },
  ]);
}

/**
 * A progress table whose R5 progress is wrong (140% for 30 ÷ 20), and a summary on another sheet whose progress cell is
 * the formula `='別紙1'!D4`, saved with the stale 140%: once the table is fixed, the formula gives 150% itself; a note
 * `=ROUND(AVERAGE(C4:D4),2)` goes from 1.3 to 1.35.
 */
export async function linkedWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const table = wb.addWorksheet('別紙1');
  [
    [null, null, 'R4', 'R5'],
    ['数値目標(1) 件数', '目標値', 10, 20],
    [null, '実績値', 12, 30],
    [null, '進捗度', 1.2, 1.4],
  ].forEach((r, i) => (table.getRow(i + 1).values = r));
  table.getCell('C4').numFmt = '0%';
  table.getCell('D4').numFmt = '0%';
  // A note worked out from the progress row: its saved result changes with the fix.
  table.getCell('G10').value = '参考';
  table.getCell('H10').value = { formula: 'ROUND(AVERAGE(C4:D4),2)', result: 1.3 };
  const body = wb.addWorksheet('本文');
  body.getRow(1).values = ['評価対象年度：令和5年度'];
  body.getRow(2).values = ['数値目標', '当該年度目標値', '当該年度実績値', '進捗度'];
  body.getRow(3).values = ['数値目標(1)', 20, 30];
  body.getCell('D3').value = { formula: "'別紙1'!D4", result: 1.4 };
  body.getCell('D3').numFmt = '0%';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Markup and formula-like text where numbers and names belong, on a sheet whose name starts with `=`. */
export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';
export const HOSTILE_LABEL = '数値目標(1) <script>alert(2)</script>';
export const HOSTILE_SHEET = '=1+1';

export function hostileWorkbook(): Promise<Uint8Array> {
  return progressWorkbook(HOSTILE_SHEET, [{ label: HOSTILE_LABEL, target: [100, 100], actual: [HOSTILE_TEXT, 80], progress: [null, 70] }]);
}

/** `targets` numeric targets, each wrong in all five years: 5 × targets progress-mismatch findings. */
export function manyFindingsWorkbook(targets: number): Promise<Uint8Array> {
  const blocks: Block[] = [];
  for (let n = 1; n <= targets; n++) {
    blocks.push({ label: `数値目標(${n}) 指標${n}`, target: [100, 100, 100, 100, 100], actual: [50, 51, 52, 53, 54], progress: [99, 99, 99, 99, 99] });
  }
  return progressWorkbook('別紙1', blocks);
}
