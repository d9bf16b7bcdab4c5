/**
 * Synthetic evaluation workbooks at any size, in the layouts of the test fixtures: progress
 * blocks as in keihin-2019-text.xlsx (text cells with units, merged labels) and
 * keihin-2019-numeric.xlsx (numeric cells with formats, budget and summary tables), summary
 * lines, and unrelated data sheets. Numbers vary (seeded), and some errors are planted.
 */
import { BookWriter, type SheetWriter } from './xlsx-writer.js';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function eraYear(y: number): string {
  if (y >= 2019) return `令和${y === 2019 ? '元' : y - 2018}年度`;
  return `平成${y - 1988}年度`;
}

function shortYear(y: number): string {
  return y >= 2019 ? `R${y - 2018}` : `H${y - 1988}`;
}

const fmtInt = (n: number) => n.toLocaleString('en-US');
const roundHalfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);

const UNITS = [
  { unit: '億円', min: 20, max: 200, numFmt: '#,##0"億円"' },
  { unit: '人', min: 50, max: 2000, numFmt: '#,##0"人"' },
  { unit: '件', min: 2, max: 80, numFmt: '0"件"' },
  { unit: '社', min: 5, max: 400, numFmt: '#,##0"社"' },
];

const NAMES = ['特区関連事業による投資額', '特区関連事業の就業者の増加数', '特区関連事業の研修等の受入数', 'データサイエンスの活用等に取り組む事業数', '国際共同治験件数', '新規開発件数', '連携企業数', '事業・産業創出件数'];
const PROJECTS = ['革新的計測・評価技術開発事業', '研究拠点整備事業', '国際医療人材育成事業', '再生医療実用化促進事業', '未病改善プロジェクト'];

interface Target {
  indicator: number;
  sub: number;
  of: number;
  name: string;
  unit: (typeof UNITS)[number];
  targets: number[];
  actuals: (number | null)[];
  /** Progress as stated (planted errors included). */
  progress: (number | null)[];
  goal: number;
  weight: number | null;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

export interface GenerateStats {
  cellsWritten: number;
  targets: number;
  planted: Record<string, number>;
}

class Generator {
  readonly book = new BookWriter();
  private readonly rnd: () => number;
  private nextIndicator = 1;
  readonly planted: Record<string, number> = {};
  targets = 0;

  constructor(seed: number) {
    this.rnd = random(seed);
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }

  private chance(p: number): boolean {
    return this.rnd() < p;
  }

  private plant(rule: string): void {
    this.planted[rule] = (this.planted[rule] ?? 0) + 1;
  }

  /** One indicator's numeric targets over `years`, actuals filled up to `filled` years. */
  private indicatorTargets(years: number, filled: number): Target[] {
    const indicator = this.nextIndicator++;
    const n = [1, 1, 2, 3][this.int(0, 3)];
    const out: Target[] = [];
    for (let sub = 1; sub <= n; sub++) {
      const unit = UNITS[this.int(0, UNITS.length - 1)];
      const targets = Array.from({ length: years }, () => this.int(unit.min, unit.max));
      const actuals = targets.map((t, i) => (i < filled ? Math.max(1, Math.round(t * (0.5 + this.rnd() * 1.1))) : null));
      const progress = actuals.map((a, i) => {
        if (a === null) return null;
        const p = roundHalfUp((a / targets[i]) * 100);
        if (this.chance(1 / 40)) {
          this.plant('progress-mismatch');
          return p + 7;
        }
        return p;
      });
      let goal = targets.reduce((s, x) => s + x, 0);
      if (this.chance(1 / 30)) {
        this.plant('cumulative-total-mismatch');
        goal += 7;
      }
      out.push({ indicator, sub, of: n, name: NAMES[this.int(0, NAMES.length - 1)], unit, targets, actuals, progress, goal, weight: n === 1 ? null : n === 2 ? 50 : 33 });
      this.targets++;
    }
    return out;
  }

  private idText(t: Target, fullWidth: boolean): string {
    const sub = t.of > 1 ? `${fullWidth ? '－' : '-'}${CIRCLED[t.sub - 1]}` : '';
    return fullWidth ? `数値目標（${t.indicator}）${sub}` : `数値目標(${t.indicator})${sub}`;
  }

  /** 別紙1 as in 002_…: text cells with units, 寄与度 in the progress row, merged labels. Returns the next free row. */
  textTable(ws: SheetWriter, top: number, firstYear: number, lines: SheetWriter, lineRow: { r: number }): number {
    const years = Array.from({ length: 5 }, (_, i) => firstYear + i);
    const filled = 3;
    ws.put(top, 3, years.map(eraYear));
    let r = top + 1;
    const indicators = this.int(2, 4);
    lines.set(lineRow.r++, 0, `評価対象年度：${eraYear(years[filled - 1])}`);
    for (let k = 0; k < indicators; k++) {
      const targets = this.indicatorTargets(years.length, filled);
      const indicatorProgress = roundHalfUp(targets.reduce((s, t) => s + ((t.actuals[filled - 1] ?? 0) / t.targets[filled - 1]) * 100, 0) / targets.length);
      lines.set(lineRow.r++, 0, `評価指標（${targets[0].indicator}）：${targets[0].name}の向上【進捗度 ${indicatorProgress}%】`);
      for (const t of targets) {
        const u = t.unit.unit;
        ws.put(r, 1, [`${this.idText(t, false)} ${t.name} ${fmtInt(t.goal)}${u} (累計)`, '目標値', ...t.targets.map((v) => `${fmtInt(v)}${u}`)]);
        const actualTexts: (string | null)[] = t.actuals.map((v) => (v === null ? null : `${fmtInt(v)}${u}`));
        if (this.chance(1 / 100)) {
          this.plant('unparseable-number');
          actualTexts[1] = '未集計';
        }
        ws.put(r + 1, 2, ['実績値', ...actualTexts]);
        ws.put(r + 2, 2, [t.weight === null ? '寄与度(※):' : `寄与度(※):${t.weight}%`, ...t.progress.map((p) => (p === null ? null : `${p}%`))]);
        ws.merge(r, 1, r + 1, 1);
        r += 3;
        const i = filled - 1;
        lines.set(lineRow.r++, 0, `${this.idText(t, true)}：${t.name}`);
        const weight = t.weight === null ? '' : `、寄与度 ${t.weight}%`;
        lines.set(lineRow.r++, 0, `【当該年度目標値 ${fmtInt(t.targets[i])} ${u}、当該年度実績値 ${fmtInt(t.actuals[i] ?? 0)} ${u}、進捗度 ${t.progress[i]}%${weight}】`);
      }
      ws.set(r, 0, '代替指標の考え方または定性的評価 ※数値目標の実績に代えて代替指標または定性的な評価を用いる場合');
      ws.put(r + 1, 0, ['目標達成の考え方及び目標達成に向けた主な取組、関連事業', null, '・健康関連産業の創出には、多様な人材を呼び込み、産学公連携を促進し研究プロジェクトや新商品・サービスを創出し続けることが重要である。']);
      r += 3;
    }
    lineRow.r++;
    return r + 1;
  }

  /** 002_… in numbers: numeric cells with formats, `0%` progress, a budget table and a summary table. */
  numericTable(ws: SheetWriter, top: number, firstYear: number): number {
    const left = 2;
    const years = Array.from({ length: 5 }, (_, i) => firstYear + i);
    const filled = 3;
    ws.set(top, 1, '目標に向けた取組の進捗に関する評価(別紙1)');
    ws.put(top + 2, left + 3, years.map(eraYear));
    let r = top + 3;
    const all: Target[][] = [];
    for (let k = this.int(2, 4); k > 0; k--) {
      const targets = this.indicatorTargets(years.length, filled);
      all.push(targets);
      for (const t of targets) {
        ws.put(r, left, [`評価指標（${t.indicator}） ${t.name}の向上`, `${this.idText(t, true)} ${t.name} ${fmtInt(t.goal)}${t.unit.unit} (累計)`, '目標値']);
        ws.put(r, left + 3, t.targets, t.unit.numFmt);
        ws.set(r + 1, left + 2, '実績値');
        ws.put(r + 1, left + 3, t.actuals, t.unit.numFmt);
        ws.put(r + 2, left + 1, [t.weight === null ? '寄与度：' : `寄与度：${t.weight}%`, '進捗度']);
        ws.put(r + 2, left + 3, t.progress.map((p) => (p === null ? null : p / 100)), '0%');
        r += 3;
      }
    }
    r = this.budgetTable(ws, r + 3, left, years);
    // Summary table: one row per indicator and numeric target, for the evaluation year.
    r += 3;
    const i = filled - 1;
    ws.set(r, left, `評価対象年度：${eraYear(years[i])}`);
    ws.put(r + 1, left, ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度', '寄与度']);
    r += 2;
    for (const targets of all) {
      const ip = roundHalfUp(targets.reduce((s, t) => s + ((t.actuals[i] ?? 0) / t.targets[i]) * 100, 0) / targets.length);
      ws.put(r++, left, [`評価指標(${targets[0].indicator})`, null, null, null, `${ip}%`]);
      for (const t of targets) {
        const u = t.unit.unit;
        ws.put(r++, left + 1, [this.idText(t, false), `${fmtInt(t.targets[i])}${u}`, `${fmtInt(t.actuals[i] ?? 0)}${u}`, `${t.progress[i]}%`, t.weight === null ? '-' : `${t.weight}%`]);
      }
    }
    return r + 2;
  }

  /** 財政支援措置の状況: 国予算(a), 自治体予算(b) and 総事業費(a+b) per project, with 累計. */
  private budgetTable(ws: SheetWriter, top: number, left: number, years: number[]): number {
    const fmt = '#,##0"千円"';
    ws.set(top, left, '財政支援措置の状況');
    ws.put(top + 1, left, ['事業名', '関連する数値目標', '年度', ...years.map(shortYear), '累計', '備考']);
    let r = top + 2;
    for (let p = this.int(2, 4); p > 0; p--) {
      const a = years.map(() => this.int(0, 900) * 1000);
      const b = years.map(() => this.int(0, 900) * 1000);
      const total = a.map((x, i) => x + b[i]);
      if (this.chance(1 / 10)) {
        this.plant('sum-mismatch');
        total[this.int(0, years.length - 1)] += 17000;
      }
      const request = total.map((x) => x + this.int(0, 50) * 1000);
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      const rows: [string, number[]][] = [
        ['財政支援要望', request],
        ['国予算(a) (実績)', a],
        ['自治体予算(b) (実績)', b],
        ['総事業費(a+b)', total],
      ];
      ws.put(r, left, [PROJECTS[this.int(0, PROJECTS.length - 1)], `数値目標(${this.int(1, Math.max(1, this.nextIndicator - 1))})`]);
      for (const [i, [label, values]] of rows.entries()) {
        ws.set(r + i, left + 2, label);
        ws.put(r + i, left + 3, [...values, sum(values)], fmt);
      }
      ws.merge(r, left, r + 3, left);
      ws.merge(r, left + 1, r + 3, left + 1);
      r += 4;
    }
    return r;
  }

  /** Rows of unrelated data: dates, codes, names, amounts, ratios. */
  dataRows(ws: SheetWriter, top: number, count: number): number {
    if (top === 0) ws.put(0, 0, ['日付', '事業コード', '事業名', '金額', '比率', '担当', '備考']);
    let r = Math.max(top, 1);
    for (let k = 0; k < count; k++, r++) {
      ws.set(r, 0, 43000 + this.int(0, 2500), 'yyyy/m/d');
      ws.set(r, 1, `P-${String(this.int(0, 999999)).padStart(6, '0')}`);
      ws.set(r, 2, PROJECTS[this.int(0, PROJECTS.length - 1)]);
      ws.set(r, 3, this.int(1, 99999) * 100, '#,##0');
      ws.set(r, 4, this.int(0, 1000) / 1000, '0.0%');
      ws.set(r, 5, ['企画課', '産業振興課', '財政課', '国際課'][this.int(0, 3)]);
      if (this.chance(0.2)) ws.set(r, 6, '確認済み');
    }
    return r;
  }
}

/**
 * Writes a workbook of about `cells` cells: per fiscal-year group a 別紙1 sheet (text layout),
 * an 評価書 sheet (numeric layout, budget, summary table), a 本文 sheet (summary lines) and a
 * data sheet; ten groups at the larger sizes, as officials who keep ten years in one workbook.
 */
export function generateWorkbook(path: string, cells: number, seed = 1): GenerateStats {
  const g = new Generator(seed);
  const groups = cells >= 500_000 ? 10 : 1;
  const perGroup = cells / groups;
  // Shares of the cells: progress blocks first, as in real submissions.
  const share = { text: 0.45, numeric: 0.33, data: 0.17 };
  let written = 0;
  for (let y = 0; y < groups; y++) {
    const name = `${eraYear(2019 + y)}`;
    const text = g.book.addSheet(`${name} 別紙1`);
    const numeric = g.book.addSheet(`${name} 評価書`);
    const lines = g.book.addSheet(`${name} 本文`);
    const data = g.book.addSheet(`${name} データ`);
    const lineRow = { r: 0 };
    text.set(0, 0, '■ 目標に向けた取組の進捗に関する評価');
    let r = 2;
    for (let k = 0; text.cells < perGroup * share.text; k++) r = g.textTable(text, r, 2015 + ((y + k) % 6), lines, lineRow);
    r = 0;
    for (let k = 0; numeric.cells < perGroup * share.numeric; k++) r = g.numericTable(numeric, r, 2015 + ((y + k) % 6));
    g.dataRows(data, 0, Math.max(1, Math.round((perGroup * share.data) / 6.2)));
    written += text.cells + numeric.cells + lines.cells + data.cells;
  }
  const hidden = g.book.addSheet('マスタ', true);
  hidden.put(0, 0, ['区分', '単位']);
  UNITS.forEach((u, i) => hidden.put(i + 1, 0, [u.unit, u.numFmt]));
  g.book.write(path);
  return { cellsWritten: written + hidden.cells, targets: g.targets, planted: g.planted };
}
