/**
 * Shared formulas: a cell holding `<f t="shared" si="0"/>` uses the formula of the group's first
 * cell, its relative references moved by the distance between the two cells.
 */

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

// A cell reference (`B7`, `$B$7`, `B$7`), or a whole-column (`B:D`) or whole-row (`3:5`) range,
// not part of a longer name and not a function name (`LOG10(`).
const REF = /(?<![A-Za-z0-9_.$])(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![A-Za-z0-9_(.!])/g;

function shiftSegment(text: string, dRow: number, dCol: number): string {
  return text.replace(REF, (whole, ca: string, col: string, ra: string, row: string, c1a: string, c1: string, c2a: string, c2: string, r1a: string, r1: string, r2a: string, r2: string) => {
    if (col !== undefined) {
      const c = ca ? colNumber(col.toUpperCase()) : colNumber(col.toUpperCase()) + dCol;
      const r = ra ? Number(row) : Number(row) + dRow;
      if (colNumber(col.toUpperCase()) > MAX_COL) return whole;
      if (c < 1 || c > MAX_COL || r < 1 || r > MAX_ROW) return '#REF!';
      return `${ca}${colLetters(c)}${ra}${r}`;
    }
    if (c1 !== undefined) {
      const a = c1a ? colNumber(c1.toUpperCase()) : colNumber(c1.toUpperCase()) + dCol;
      const b = c2a ? colNumber(c2.toUpperCase()) : colNumber(c2.toUpperCase()) + dCol;
      if (a < 1 || b < 1 || a > MAX_COL || b > MAX_COL) return '#REF!';
      return `${c1a}${colLetters(a)}:${c2a}${colLetters(b)}`;
    }
    const a = r1a ? Number(r1) : Number(r1) + dRow;
    const b = r2a ? Number(r2) : Number(r2) + dRow;
    if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return '#REF!';
    return `${r1a}${a}:${r2a}${b}`;
  });
}

/** The formula of a cell `dRow` rows and `dCol` columns away from the shared formula's master. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  let plain = '';
  while (i < formula.length) {
    const ch = formula[i];
    // String literals, quoted sheet names and bracketed parts (external books, table columns)
    // are copied as they are.
    const close = ch === '"' ? '"' : ch === "'" ? "'" : ch === '[' ? ']' : '';
    if (!close) {
      plain += ch;
      i++;
      continue;
    }
    out += shiftSegment(plain, dRow, dCol);
    plain = '';
    let j = i + 1;
    for (; j < formula.length; j++) {
      if (formula[j] !== close) continue;
      if (close !== ']' && formula[j + 1] === close) {
        j++;
        continue;
      }
      break;
    }
    out += formula.slice(i, j + 1);
    i = j + 1;
  }
  return out + shiftSegment(plain, dRow, dCol);
}
