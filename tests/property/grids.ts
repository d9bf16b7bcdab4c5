/** Grid helpers for property tests: random grids, moving a workbook's content, applying a plan. */
import fc from 'fast-check';
import { parseA1, a1, type Cell, type CellRange, type Sheet, type Workbook } from '../../src/engine/grid.js';
import type { CellWrite } from '../../src/engine/fix.js';
import type { Finding } from '../../src/engine/findings.js';

/** Words of evaluation reports that are none of the labels a table is recognized by. */
export const PLAIN_WORDS = [
  '事業', '地域', '産業', '研究開発', '推進', '補助金', '企業', '特区', '施設', '整備', '取組', '雇用', '観光', '医療',
  '農業', '交通', '港湾', '物流', '人材育成', '連携', '状況', '課題', '方針', '説明', '備考', '概要', '成果', '効果',
  '内容', '名称', '担当', '区域', '規制の特例', '申請', '健康', '創薬', '環境', 'エネルギー', 'ライフサイエンス',
  '国際戦略', '川崎市', '神奈川県', '横浜市', 'つくば市', '茨城県', '説明資料', '参考', '注', '※', '－', '該当なし',
];

/** Headers of years: a row of them is not a table without the labels beside it. */
export const YEAR_HEADERS = ['平成29年度', '平成30年度', '令和元年度', '令和2年度', '令和3年度', 'R4', 'R5', 'H29', '2023年度', 'FY2024', '当初(令和3年度)', 'H28(基準)', 'R2現状', '1年目(H29)', 'FY23', 'H29.4～H30.3'];

/** Random short text from characters that spell no label (no 目標, 実績, 進捗, 累計, 総事業費, (a+b) …). */
export const shortText = fc.string({ unit: fc.constantFrom(...'あいうえおかきくけこさしすせそアイウエオカキクケコサシスセソ山川田中村abcdefxyz0123456789 ・、。-:：'), minLength: 1, maxLength: 8 });

export const numberCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }).map((v) => ({ value: v })),
  // Numbers as people type them or formulas leave them: up to four decimals (not 1e-203).
  fc.tuple(fc.integer({ min: -1e6, max: 1e9 }), fc.integer({ min: 0, max: 4 })).map(([v, k]) => ({ value: v / 10 ** k })),
  fc.integer({ min: 0, max: 300 }).map((v) => ({ value: v / 100, numFmt: '0%' })),
  fc.integer({ min: 2015, max: 2030 }).map((v) => ({ value: v })),
  fc.constantFrom('87億円', '120億円', '104%', '１３８％', '177,000 (千円)', '△5', '24.5万人', '8者', '900社', '- (千円)', '900社以上', '104%(見込)').map((v) => ({ value: v })),
  fc.integer({ min: 0, max: 2000000 }).map((v) => ({ value: v, numFmt: '#,##0,"千円"' })),
  fc.integer({ min: 0, max: 50 }).map((v) => ({ value: v, numFmt: '[=0]"-";0"件"' })),
  fc.integer({ min: 0, max: 150 }).map((v) => ({ value: v / 100, numFmt: '0.0%' })),
  // A year typed as a number and shown as one, as Office.js gives it.
  fc.integer({ min: 1, max: 9 }).map((v) => ({ value: v, numFmt: '"令和"0"年度"', text: `令和${v}年度` })),
);

/** Cells of a grid with no table in it. */
export const plainCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: numberCell },
  { weight: 2, arbitrary: shortText.map((v) => ({ value: v })) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_WORDS).map((v) => ({ value: v })) },
  { weight: 1, arbitrary: fc.constantFrom(...YEAR_HEADERS).map((v) => ({ value: v })) },
  { weight: 1, arbitrary: fc.constantFrom({ value: null, error: '#DIV/0!' }, { value: true }, { value: null, formula: 'A1*2', noCachedResult: true }, { value: '2020-04-01T00:00:00.000Z', isDate: true }) },
);

/** Everything a table is built from, for grids that must only never throw. */
export const LABELS = [
  '目標値', '実績値', '進捗度(%)', '進捗度', '寄与度(※):33%', '寄与度(※):', '累計', '合計', '総事業費(a+b)', '国予算(a) (実績)',
  '自治体予算(b) (実績)', '財政支援要望', '件数', '総合評価', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'I', 'II', 'III', '年度', '数値目標(1)-①', '数値目標(1)-② 就業者数 1,100人 (累計)',
  '評価指標(1)', '評価指標（2）', '数値目標(2) 900社（令和7年度）', '評価対象年度：令和5年度', '当該年度目標値', '当該年度実績値',
  '【当該年度目標値 87 億円、当該年度実績値 120 億円、進捗度 138%、寄与度 33%】', '評価指標（1）：…【進捗度 103%】', '財政支援措置の状況',
  // Other ways reports say the same: running totals, id and goal columns, indicator rows, year notes, lines without 当該年度.
  '目標値（累計）', '計画値', '寄与度', '数値目標', '(1)', '①', '目標(R6)', '最終目標(R7)', '基準値(R3)', '評価指標(1)の進捗度',
  'R5目標値', 'R5実績値', 'R5進捗度', '2022(R4)年度', 'R5実績見込', '国費(a)', '合計(a+b)', '5年間で475億円', '令和7年度までに900社',
  '数値目標(1)　目標値：100億円　実績値：120億円　進捗度：125％',
  // Eras over bare years, weight rows and columns, tables of the progress or the weights alone, more number forms.
  '令和', '平成', '3年度', '元年度', '寄与度(%)', '評価指標', '進捗度(R5)', '1億2千万円', '延べ1,200人', '30件（単年度）',
  '数値目標①', '数値目標② 件数', '評価指標①', '数値目標①-1', 'A特区', '評価項目', '国費', '地方費', '事業費計', 'うち国費', 'G/標準',
  '単年度目標値', '累計目標値', '累計実績値', '実績見込', '見込値', '対目標比', '（Ⅰ）目標に向けた取組の進捗', '評価Ⅱ', '差（実績－目標）',
  '評価指標(1)の進捗度：103％', '数値目標(1)【当該年度目標値 87億円、当該年度実績値 120億円（見込）、進捗度 138%】',
  '数値目標(1)-① 雇用者数（寄与度70%）',
  // Indicator progress beside the indicator's name or in a summary column; notes and marks after numbers.
  '評価指標(1) 産業集積', '進捗度(加重平均)', '評価指標の進捗度', '119*', '120社(R6.3末)', '30分', '2.5時間',
  '数値目標(1)【R4目標値 100億円、R4実績値 110億円、進捗度 110%】', '策定時(R2)', 'R7：900社', '【目標値】', '【実績値】', '【進捗度】',
  // Running totals beside each year's figures, overall-score headers as 003_… prints them, budget stages and marks.
  '実績値(累計)', '進捗度(累計)', '目標に向けた取組の進捗', '支援措置の活用と地域独自の取組の状況', '取組全体にわたる事業の進捗と政策課題の解決',
  '総合評価（ⅠとⅡとⅢを1：1：2の割合で計算）', '計画', '実績', '国予算(a)(計画)', '有', '○', '単位', '億円', '目標：283億円（累計）', '約1,300人', '120件/年', '寄与度(※):1/3', '寄与度(※):0.5', '進捗状況(%)', '12日', '6か月', '評価指標Ⅰ 投資', '数値目標Ⅰ-①', '目標値（億円）', '（単位：億円）', 'R7年度 900社', '数値目標(1)(2) 件数', '数値目標(1)-イ', '目標値※', '①目標値', '3.進捗度 B/A×100', '数値目標1.2 件数', '累計進捗度', '数値目標(1)【当該年度目標 100億円、当該年度実績 120億円、達成率 120%】',
  // Headers flattened from two rows, and the 区分 of a table of targets across and years down in groups.
  '数値目標(1)-① 目標値', '数値目標(1)-① 実績値', '数値目標(1)-① 進捗度', '区分', '数値目標(1)-② 雇用',
  '評価指標（1）：経済効果【進捗度 103%】\n数値目標（1）-①：投資額【当該年度目標値 87 億円、当該年度実績値 120 億円、進捗度 138%】\n数値目標（1）-②\n[進捗度 68%]',
];

export const anyCell: fc.Arbitrary<Cell> = fc.oneof({ weight: 3, arbitrary: plainCell }, { weight: 2, arbitrary: fc.constantFrom(...LABELS).map((v) => ({ value: v })) });

/** A random sheet: sparse rows of `cell`, and merged areas that do not overlap. */
export function sheetArb(name: string, cell: fc.Arbitrary<Cell>, size = { rows: 24, cols: 12 }): fc.Arbitrary<Sheet> {
  const rows = fc.array(fc.array(fc.option(cell, { freq: 3 }), { maxLength: size.cols }), { maxLength: size.rows });
  const merge = fc.record({ top: fc.nat(size.rows), left: fc.nat(size.cols), height: fc.integer({ min: 1, max: 3 }), width: fc.integer({ min: 1, max: 4 }) });
  return fc.tuple(rows, fc.array(merge, { maxLength: 6 })).map(([r, ms]) => {
    const merges: CellRange[] = [];
    for (const m of ms) {
      const range = { top: m.top, left: m.left, bottom: m.top + m.height - 1, right: m.left + m.width - 1 };
      if (range.bottom === range.top && range.right === range.left) continue;
      if (merges.some((x) => x.top <= range.bottom && range.top <= x.bottom && x.left <= range.right && range.left <= x.right)) continue;
      merges.push(range);
    }
    return { name, rows: r.map((row) => row.map((c) => c ?? undefined)), merges };
  });
}

/** The same sheet with every cell and merged area moved `dr` rows down and `dc` columns right. */
export function shiftSheet(sheet: Sheet, dr: number, dc: number, name = sheet.name): Sheet {
  const rows: (Cell | undefined)[][] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (cell === undefined) return;
      (rows[r + dr] ??= [])[c + dc] = cell;
    });
  });
  const merges = sheet.merges.map((m) => ({ top: m.top + dr, left: m.left + dc, bottom: m.bottom + dr, right: m.right + dc }));
  return { ...sheet, name, rows, merges };
}

/** The first row and column that hold anything (cells or merged areas). */
export function origin(sheet: Sheet): { row: number; col: number } {
  let row = Infinity;
  let col = Infinity;
  sheet.rows.forEach((r, i) => {
    if (!r) return;
    r.forEach((c, j) => {
      if (c === undefined) return;
      row = Math.min(row, i);
      col = Math.min(col, j);
    });
  });
  for (const m of sheet.merges) {
    row = Math.min(row, m.top);
    col = Math.min(col, m.left);
  }
  return { row: Number.isFinite(row) ? row : 0, col: Number.isFinite(col) ? col : 0 };
}

export function shiftAddress(address: string, dr: number, dc: number): string {
  const { row, col } = parseA1(address);
  return a1(row + dr, col + dc);
}

/** A finding moved along with its table: its cell, and every address among its values. */
export function shiftFinding(f: Finding, dr: number, dc: number, sheet = f.sheet): Finding {
  const params = Object.fromEntries(Object.entries(f.params).map(([k, v]) => [k, /Cell$/.test(k) && typeof v === 'string' ? shiftAddress(v, dr, dc) : v]));
  return { ...f, sheet, cell: shiftAddress(f.cell, dr, dc), params };
}

/** A deep copy of a workbook (cells are plain data). */
export function cloneWorkbook(wb: Workbook): Workbook {
  return structuredClone(wb);
}

/**
 * Applies a plan's writes to a copy of the grid the way a spreadsheet does: the value (and
 * formula) lands in the cell, which keeps its own number format, or takes the one the plan gives
 * (from the cell it borrows its style from, or the format named).
 */
export function applyWrites(wb: Workbook, writes: CellWrite[]): Workbook {
  const copy = cloneWorkbook(wb);
  for (const w of writes) {
    const sheet = copy.sheets.find((s) => s.name === w.sheet);
    if (!sheet) throw new Error(`no sheet ${w.sheet}`);
    const row = (sheet.rows[w.row] ??= []);
    const old = row[w.col];
    const borrowed = w.styleFrom ? sheet.rows[w.styleFrom.row]?.[w.styleFrom.col]?.numFmt : undefined;
    const numFmt = old?.numFmt ?? borrowed ?? w.numFmt;
    row[w.col] = { value: w.value, ...(numFmt ? { numFmt } : {}), ...(w.formula ? { formula: w.formula } : {}) };
  }
  return copy;
}

/** Puts back what each written cell held before, from the plan's own record. */
export function undoWrites(wb: Workbook, writes: CellWrite[]): Workbook {
  const copy = cloneWorkbook(wb);
  for (const w of [...writes].reverse()) {
    const sheet = copy.sheets.find((s) => s.name === w.sheet)!;
    const row = (sheet.rows[w.row] ??= []);
    const b = w.before;
    row[w.col] = b.value === null && !b.formula && !b.numFmt ? undefined : { value: b.value, ...(b.numFmt ? { numFmt: b.numFmt } : {}), ...(b.formula ? { formula: b.formula } : {}) };
  }
  return copy;
}

/**
 * Cells compared as data: an empty cell with nothing else is no cell; trailing holes do not count; the text a
 * cell shows is left out (a spreadsheet derives it from the value and its format, as after an undo).
 */
export function cellsOf(wb: Workbook): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const s of wb.sheets) {
    s.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const kept = Object.fromEntries(Object.entries(cell).filter(([k, v]) => k !== 'text' && v !== undefined && v !== false)) as unknown as Cell;
        if (kept.value === null && Object.keys(kept).length === 1) return;
        out.set(`${s.name}!${a1(r, c)}`, kept);
      });
    });
  }
  return out;
}

const TARGET_LABELS = ['目標値', '目標', '当該年度目標値', '目標値(千円)'];
const ACTUAL_LABELS = ['実績値', '実績', '当該年度実績値'];
const PROGRESS_LABELS = ['進捗度(%)', '進捗度', '進捗率', null];
const WEIGHT_LABELS = ['寄与度(※):33%', '寄与度(※):33(%)', '寄与度(※):-(%)', '寄与度(※):', null];
const ID_LABELS = ['数値目標(1)-① 投資額 475億円 (累計)', '数値目標（1）－② 就業者数', '数値目標(2) 900社（令和7年度）', '評価指標(3)', '数値目標(1)ー③', null];

/**
 * A sheet close to a real progress table: blocks of 目標値 / 実績値 / 進捗度 rows under a row of
 * years, with values of every kind (numbers, text with units, blanks, error values), then
 * overwritten here and there by anything at all. It exercises the detector where it decides.
 */
export const tableishSheet: fc.Arbitrary<Sheet> = fc
  .record({
    top: fc.nat(4),
    left: fc.nat(3),
    years: fc.subarray(YEAR_HEADERS, { minLength: 1, maxLength: 6 }),
    blocks: fc.array(
      fc.record({
        id: fc.constantFrom(...ID_LABELS),
        target: fc.constantFrom(...TARGET_LABELS),
        actual: fc.constantFrom(...ACTUAL_LABELS),
        progress: fc.constantFrom(...PROGRESS_LABELS),
        weight: fc.constantFrom(...WEIGHT_LABELS),
        values: fc.array(fc.option(plainCell, { freq: 4 }), { minLength: 18, maxLength: 18 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    noise: fc.array(fc.tuple(fc.nat(20), fc.nat(10), fc.option(anyCell)), { maxLength: 6 }),
    merges: fc.array(fc.record({ top: fc.nat(20), left: fc.nat(3), height: fc.integer({ min: 1, max: 3 }) }), { maxLength: 3 }),
  })
  .map((g) => {
    const rows: (Cell | undefined)[][] = [];
    const put = (r: number, c: number, cell: Cell | undefined) => {
      (rows[g.top + r] ??= [])[g.left + c] = cell;
    };
    g.years.forEach((y, i) => put(0, 2 + i, { value: y }));
    let r = 1;
    for (const b of g.blocks) {
      put(r, 0, b.id === null ? undefined : { value: b.id });
      put(r, 1, { value: b.target });
      put(r + 1, 1, { value: b.actual });
      put(r + 2, 0, b.weight === null ? undefined : { value: b.weight });
      put(r + 2, 1, b.progress === null ? undefined : { value: b.progress });
      g.years.forEach((_, i) => {
        put(r, 2 + i, b.values[i] ?? undefined);
        put(r + 1, 2 + i, b.values[6 + i] ?? undefined);
        put(r + 2, 2 + i, b.values[12 + i] ?? undefined);
      });
      r += 3;
    }
    for (const [nr, nc, cell] of g.noise) put(nr, nc, cell ?? undefined);
    const merges: CellRange[] = [];
    for (const m of g.merges) {
      const range = { top: g.top + m.top, left: g.left + m.left, bottom: g.top + m.top + m.height - 1, right: g.left + m.left };
      if (range.bottom === range.top || merges.some((x) => x.top <= range.bottom && range.top <= x.bottom && x.left === range.left)) continue;
      merges.push(range);
    }
    return { name: '別紙1', rows, merges };
  });
