/**
 * Builds the test workbooks from the seeds' tables (tests/fixtures/seed-tables.json, copied from
 * shared/seed-tables.json): each seed in more than one layout, plus one workbook with an error
 * planted for every rule. Run with `npm run fixtures`; the outputs are committed with this script.
 */
import ExcelJS from 'exceljs';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests', 'fixtures');
const seeds = JSON.parse(readFileSync(join(out, 'seed-tables.json'), 'utf8'));

type Row = (string | number | null)[];
type Ws = ExcelJS.Worksheet;

function put(ws: Ws, row: number, col: number, values: Row): void {
  values.forEach((v, i) => {
    if (v !== null && v !== '') ws.getCell(row, col + i).value = v;
  });
}

const keihin = seeds.progressTables.find((t: { seed: string }) => t.seed.startsWith('002'));
const tsukuba = seeds.progressTables.find((t: { seed: string }) => t.seed.startsWith('000'));
const budget = seeds.budgetTables.find((t: { title: string }) => t.title === '財政支援措置の状況');
const tax = seeds.budgetTables.find((t: { title: string }) => t.title === '税制支援措置の状況');

interface SeedTarget {
  label: string;
  weight: string;
  target: string[];
  actual: string[];
  progress: string[];
}
interface SeedIndicator {
  indicator: string;
  statedProgress: Record<string, string>;
  targets: SeedTarget[];
}

/** 別紙1 as in 002_…: text cells with units, 寄与度 in the progress row, no 進捗度 label there. */
function progressSheetText(ws: Ws, table: { years: string[]; indicators: SeedIndicator[] }, top: number, left: number, opts: { progressLabel: boolean; indicatorColumn: boolean }): number {
  put(ws, top, left + 3, table.years);
  let r = top + 1;
  for (const ind of table.indicators) {
    const first = r;
    for (const t of ind.targets) {
      put(ws, r, left + 1, [t.label, '目標値', ...t.target]);
      put(ws, r + 1, left + 2, ['実績値', ...t.actual]);
      if (opts.progressLabel) put(ws, r + 2, left + 1, [t.weight, '進捗度(%)', ...t.progress]);
      else put(ws, r + 2, left + 2, [t.weight, ...t.progress]);
      ws.mergeCells(r, left + 1, r + 1, left + 1);
      r += 3;
    }
    if (opts.indicatorColumn) {
      ws.getCell(first, left).value = ind.indicator;
      if (r - 1 > first) ws.mergeCells(first, left, r - 1, left);
    }
    put(ws, r, left, ['代替指標の考え方または定性的評価 ※数値目標の実績に代えて代替指標または定性的な評価を用いる場合']);
    put(ws, r + 1, left, ['目標達成の考え方及び目標達成に向けた主な取組、関連事業', '', '・健康関連産業の創出には、多様な人材を呼び込み、産学公連携を促進し研究プロジェクトや新商品・サービスを創出し続けることが重要である。']);
    r += 3;
  }
  return r;
}

function budgetSheet(ws: Ws, top: number, left: number, numeric: boolean): number {
  put(ws, top, left, [budget.title]);
  put(ws, top + 1, left, ['事業名', '関連する数値目標', '年度', ...budget.columns, '備考']);
  let r = top + 2;
  for (const p of budget.projects) {
    const first = r;
    for (const [label, values] of Object.entries(p.rows) as [string, string[]][]) {
      put(ws, r, left + 2, [label]);
      values.forEach((v, i) => {
        const cell = ws.getCell(r, left + 3 + i);
        if (!numeric) cell.value = v;
        else {
          const m = /^([\d,]+)/.exec(v);
          if (m) {
            cell.value = Number(m[1].replace(/,/g, ''));
            cell.numFmt = '#,##0"千円"';
          } else cell.value = '-';
        }
      });
      r++;
    }
    ws.getCell(first, left).value = p.name;
    ws.getCell(first, left + 1).value = p.goal;
    ws.mergeCells(first, left, r - 1, left);
    ws.mergeCells(first, left + 1, r - 1, left + 1);
  }
  r += 1;
  put(ws, r, left, [tax.title]);
  put(ws, r + 1, left, ['事業名', '関連する数値目標', '年度', ...tax.columns, '備考']);
  r += 2;
  for (const p of tax.projects) {
    put(ws, r, left, [p.name, p.goal, '件数', ...p.rows['件数'].map((v: string) => (numeric && /^\d+$/.test(v) ? Number(v) : v))]);
    r++;
  }
  return r;
}

/** 本文 3①: the summary lines of 002_… as text. */
function summaryLinesKeihin(ws: Ws): void {
  const lines = [
    '① 評価指標',
    '評価指標（1）：特区事業の実施によるライフイノベーション分野における経済効果【進捗度 103%】',
    '数値目標（1）－①：特区関連事業による投資額',
    '5 年間（平成 29～令和 3 年度）累計：475 億円',
    '【当該年度目標値 87 億円、当該年度実績値 120 億円、進捗度 138%、寄与度 33%】',
    '数値目標（1）－②：特区関連事業の就業者の増加数',
    '【当該年度目標値 200 人、当該年度実績値 136 人、進捗度 68%、寄与度 33%】',
    '数値目標（1）－③：特区関連事業の研修等の受入数',
    '5 年間（平成 29～令和 3 年度）累計：24.5 万人',
    '【当該年度目標値 49,000 人、当該年度実績値 50,666 人、進捗度 103%、寄与度 33%】',
    '評価指標（2）：個別化・予防医療及び未病改善などを実現するためのデータサイエンスの活用等に取り組む事業数【進捗度 83%】',
    '数値目標（2）：個別化・予防医療及び未病改善などを実現するためのデータサイエンスの活用等に取り組む事業数',
    '【当該年度目標値 6 件、当該年度実績値 5 件、進捗度 83%】',
    '評価指標（3）：医薬品・医療機器・再生医療等製品等の早期実用化に向けた取組件数【進捗度 172%】',
    '数値目標（3）：国際共同治験件数',
    '【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 172%】',
    '評価指標（4）：新たに展開された商品・サービスの創出件数【進捗度 100%】',
    '数値目標（4）：医薬品・医療機器・再生医療等製品等の新規開発件数',
    '【当該年度目標値 1 件、当該年度実績値 1 件、進捗度 100%】',
  ];
  put(ws, 1, 1, ['評価対象年度：令和元年度']);
  lines.forEach((l, i) => put(ws, i + 3, 1, [l]));
}

function summaryLinesTsukuba(ws: Ws): void {
  const lines = [
    '①評価指標',
    '評価指標（1）：連携企業数 [進捗度 98%]',
    '数値目標（1）：180 社（令和3年度）→900 社（令和7年度）',
    '[当該年度目標値 720 社、当該年度実績値 707 社、進捗度 98%]',
    '評価指標（2）：事業・産業創出（起業、ライセンスアウト、製品化等）',
    '[進捗度 62%]',
    '数値目標（2）：15 件（令和3年度）→75 件（令和7年度）',
    '[当該年度目標値 60 件、当該年度実績値 37 件、進捗度 62%]',
    '評価指標（3）：事業化に伴う株式公開（IPO）件数',
    '数値目標（3）：1 件（令和7年度）[進捗度 100%]',
  ];
  put(ws, 1, 1, ['令和6年度 評価書']);
  lines.forEach((l, i) => put(ws, i + 3, 1, [l]));
}

/** 000_… layout: 評価指標 in the header row, plain numbers, 寄与度 and 進捗度(%) labels in the progress row. */
function tsukubaSheet(ws: Ws, top: number, fullLabels: boolean): void {
  let r = top;
  for (const ind of tsukuba.indicators as SeedIndicator[]) {
    const t = ind.targets[0];
    const short = /^評価指標\(\d+\)/.exec(ind.indicator)![0];
    put(ws, r, 1, [short, '', '', ...tsukuba.years]);
    const label = fullLabels ? t.label : /^数値目標\(\d+\)/.exec(t.label)![0];
    put(ws, r + 1, 2, [label, '目標値', ...t.target.map(Number)]);
    put(ws, r + 2, 3, ['実績値', ...t.actual.map((v) => (v === '' ? null : Number(v)))]);
    put(ws, r + 3, 2, [t.weight, '進捗度(%)', ...t.progress.map((v) => (v === '' ? null : Number(v)))]);
    put(ws, r + 4, 2, ['代替指標又は定性的評価の考え方 ※数値目標の実績に代えて代替指標又は定性的な評価を用いる場合']);
    put(ws, r + 5, 2, ['目標達成の考え方及び目標達成に向けた主な取組、関連事業', '', '○目標達成の考え方 ・本特区では、つくばに集積する科学技術を最大限活用する。']);
    r += 8;
  }
}

/** 002_… in numbers: numeric cells with formats, `0%` progress, offset, budget on the same sheet, a summary table. */
function keihinNumeric(ws: Ws): void {
  const left = 3;
  const top = 6;
  put(ws, 2, 2, ['目標に向けた取組の進捗に関する評価(別紙1)']);
  put(ws, top, left + 3, keihin.years.map((y: string) => y));
  let r = top + 1;
  const fmts: Record<string, string> = { 億円: '#,##0"億円"', 人: '#,##0"人"', 件: '0"件"' };
  for (const ind of keihin.indicators as SeedIndicator[]) {
    for (const t of ind.targets) {
      const unit = /億円|人|件/.exec(t.target[0])![0];
      const num = (v: string) => (v === '' ? null : Number(v.replace(/[^\d.]/g, '')));
      put(ws, r, left, [ind.indicator.replace(/^評価指標\((\d+)\)/, '評価指標（$1）'), t.label.replace('-', '－').replace(/\((\d)\)/, '（$1）'), '目標値']);
      put(ws, r + 1, left + 2, ['実績値']);
      put(ws, r + 2, left + 1, [t.weight.replace(':', '：'), '進捗度']);
      t.target.forEach((v, i) => {
        const c = ws.getCell(r, left + 3 + i);
        c.value = num(v);
        c.numFmt = fmts[unit];
      });
      t.actual.forEach((v, i) => {
        const c = ws.getCell(r + 1, left + 3 + i);
        c.value = num(v);
        c.numFmt = fmts[unit];
      });
      t.progress.forEach((v, i) => {
        const c = ws.getCell(r + 2, left + 3 + i);
        if (v !== '') c.value = Number(v.replace('%', '')) / 100;
        c.numFmt = '0%';
      });
      r += 3;
    }
  }
  const budgetTop = budgetSheet(ws, r + 3, left, true);
  const st = budgetTop + 3;
  put(ws, st, left, ['評価対象年度：令和元年度']);
  put(ws, st + 1, left, ['評価指標', '数値目標', '当該年度目標値', '当該年度実績値', '進捗度', '寄与度']);
  let sr = st + 2;
  for (const ind of keihin.indicators as SeedIndicator[]) {
    const id = /^評価指標\((\d+)\)/.exec(ind.indicator)![1];
    put(ws, sr, left, [`評価指標(${id})`, '', '', '', ind.statedProgress['令和元年度'], '']);
    sr++;
    for (const t of ind.targets) {
      const tid = /^数値目標\(([^)]+)\)(-[①②③])?/.exec(t.label)!;
      put(ws, sr, left, ['', `数値目標(${tid[1]})${tid[2] ?? ''}`, t.target[2], t.actual[2], t.progress[2], t.weight.replace(/^寄与度\(※\):/, '') || '-']);
      sr++;
    }
  }
}

function overallSheet(ws: Ws, roman: boolean, order: 'first' | 'last', top: number): void {
  const z = seeds.overallScores;
  const heads = roman ? ['Ⅰ', 'Ⅱ', 'Ⅲ'] : ['I', 'II', 'III'];
  put(ws, top, 1, [`${z.year} 総合評価`]);
  const header = order === 'first' ? ['特区名', '総合評価', ...heads] : ['特区名', ...heads, '総合評価'];
  put(ws, top + 1, 1, header);
  if (order === 'last') put(ws, top + 2, 2, ['目標に向けた取組の進捗', '支援措置の活用と地域独自の取組の状況', '取組全体にわたる事業の進捗と政策課題の解決', '(ⅠとⅡとⅢを1：1：2の割合で計算)']);
  let r = top + (order === 'last' ? 3 : 2);
  for (const [name, total, s1, s2, s3] of z.zones as string[][]) {
    const row = order === 'first' ? [name, Number(total), Number(s1), Number(s2), Number(s3)] : [name, s1, s2, s3, total];
    put(ws, r, 1, row);
    if (order === 'first') ws.getRow(r).getCell(2).numFmt = '0.0';
    r++;
  }
}

/** One planted error, warning or note for every rule, each in a table of its own kind. */
function plantedSheet(ws: Ws): void {
  put(ws, 1, 1, ['計画的に誤りを入れた表(テスト用)']);
  put(ws, 3, 4, ['R3', 'R4', 'R5', 'R6', 'R7']);
  // 数値目標(1)-①: progress-mismatch (R3 110 vs 104.35→104), progress-missing (R4), orphan (R6), unparseable (R5 actual).
  put(ws, 4, 2, ['数値目標(1)-① 投資額 500億円 (累計)', '目標値', '115億円', '81億円', '87億円', '93億円', '99億円']);
  put(ws, 5, 3, ['実績値', '120億円', '90億円', '未集計', '', '']);
  put(ws, 6, 2, ['寄与度(※):50%', '進捗度(%)', '110%', '', '', '95%', '']);
  // 数値目標(1)-②: weights 50 + 30 (weights-sum), unit-mismatch (人 vs 件), target-missing (R5 blank).
  put(ws, 7, 2, ['数値目標(1)-② 就業者数 1,000人 (累計)', '目標値', '200人', '300人', '', '200人', '300人']);
  put(ws, 8, 3, ['実績値', '210人', '12件', '', '', '']);
  put(ws, 9, 2, ['寄与度(※):30%', '進捗度(%)', '105%', '', '', '', '']);
  // 数値目標(2): stock target whose final year target (850) is not its goal 900, and a decrease.
  put(ws, 10, 2, ['数値目標(2) 連携企業数 180 社（令和3年度）→900 社（令和7年度）', '目標値', 180, 360, 340, 720, 850]);
  put(ws, 11, 3, ['実績値', 194, 461, 450, '', '']);
  put(ws, 12, 2, ['寄与度(※):-(%)', '進捗度(%)', 108, 128, 132, '', '']);
  // 数値目標(3): zero target; 数値目標(4)-① and ② without weights (weights-missing).
  put(ws, 13, 2, ['数値目標(3) IPO件数 1 件（令和7年度）', '目標値', 0, 0, 0, 0, 1]);
  put(ws, 14, 3, ['実績値', 0, 1, '', '', '']);
  put(ws, 15, 2, ['寄与度(※):', '進捗度(%)', '', 100, '', '', '']);
  put(ws, 16, 2, ['数値目標(4)-① 研修受入数', '目標値', '40,000人', '40,000人', '', '', '']);
  put(ws, 17, 3, ['実績値', '41,000人', '', '', '', '']);
  put(ws, 18, 2, ['寄与度(※):', '進捗度(%)', '103%', '', '', '', '']);
  put(ws, 19, 2, ['数値目標(4)-② 相談件数', '目標値', '10件', '', '', '', '']);
  put(ws, 20, 3, ['実績値', '5件', '', '', '', '']);
  put(ws, 21, 2, ['寄与度(※):', '進捗度(%)', '50%', '', '', '', '']);
  // Summary table: the indicator progress and a target's actual disagree with the table.
  put(ws, 24, 2, ['評価対象年度：令和3年度']);
  put(ws, 25, 2, ['項目', '当該年度目標値', '当該年度実績値', '進捗度', '寄与度']);
  put(ws, 26, 2, ['評価指標(1)', '', '', '120%', '']);
  put(ws, 27, 2, ['数値目標(1)-①', '115億円', '125億円', '104%', '50%']);
  put(ws, 28, 2, ['評価指標(4)', '', '', '77%', '']);
  // Budget: a+b wrong in R4, 累計 shorter than the years shown.
  put(ws, 31, 2, ['財政支援措置の状況']);
  put(ws, 32, 2, ['事業名', '年度', 'R3', 'R4', 'R5', '累計']);
  put(ws, 33, 2, ['研究拠点整備事業', '国予算(a) (実績)', '100,000 (千円)', '50,000 (千円)', '- (千円)', '150,000 (千円)']);
  put(ws, 34, 3, ['自治体予算(b) (実績)', '20,000 (千円)', '30,000 (千円)', '- (千円)', '40,000 (千円)']);
  put(ws, 35, 3, ['総事業費(a+b)', '120,000 (千円)', '90,000 (千円)', '- (千円)', '190,000 (千円)']);
  ws.mergeCells(33, 2, 35, 2);
  // Overall score: 4.3 stated where (4.8 + 4.2 + 2×4) ÷ 4 = 4.25 → 4.3 is right, 4.1 where 3.9 is, and 4.5 over a blank Ⅱ.
  put(ws, 38, 2, ['特区名', 'Ⅰ', 'Ⅱ', 'Ⅲ', '総合評価']);
  put(ws, 39, 2, ['関西', 4.8, 4.2, 4, 4.3]);
  put(ws, 40, 2, ['つくば', 4, 3.6, 4, 4.1]);
  put(ws, 41, 2, ['京浜', 4.8, '', 4.7, 4.5]);
  // … and a blank 総合評価 where (4 + 4 + 2×5) ÷ 4 = 4.5 is due.
  put(ws, 42, 2, ['横浜', 4, 4, 5, '-']);
  // The years so far of a plan whose period is stated nowhere: the (累計) goal 300 is above the targets shown (150), so
  // it cannot be checked yet.
  put(ws, 45, 4, ['R3', 'R4', 'R5']);
  put(ws, 46, 2, ['数値目標(5) 起業数 300件 (累計)', '目標値', '50件', '50件', '50件']);
  put(ws, 47, 3, ['実績値', '55件', '60件', '52件']);
  put(ws, 48, 2, ['寄与度(※):', '進捗度(%)', '110%', '120%', '104%']);
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  await wb.xlsx.writeFile(join(out, name));
}

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hyoka fixtures';
  wb.created = new Date('2025-01-01T00:00:00Z');
  wb.modified = new Date('2025-01-01T00:00:00Z');
  return wb;
}

async function main(): Promise<void> {
  {
    const wb = book();
    const ws = wb.addWorksheet('別紙1');
    put(ws, 1, 1, ['■ 目標に向けた取組の進捗に関する評価']);
    progressSheetText(ws, keihin, 3, 1, { progressLabel: false, indicatorColumn: false });
    budgetSheet(wb.addWorksheet('支援措置'), 2, 1, false);
    summaryLinesKeihin(wb.addWorksheet('本文'));
    await save(wb, 'keihin-2019-text.xlsx');
  }
  {
    const wb = book();
    keihinNumeric(wb.addWorksheet('評価書'));
    await save(wb, 'keihin-2019-numeric.xlsx');
  }
  {
    const wb = book();
    const ws = wb.addWorksheet('進捗');
    progressSheetText(ws, keihin, 5, 3, { progressLabel: true, indicatorColumn: true });
    await save(wb, 'keihin-2019-offset.xlsx');
  }
  {
    const wb = book();
    tsukubaSheet(wb.addWorksheet('別紙1'), 2, false);
    summaryLinesTsukuba(wb.addWorksheet('本文'));
    await save(wb, 'tsukuba-2024.xlsx');
  }
  {
    const wb = book();
    tsukubaSheet(wb.addWorksheet('別紙1'), 4, true);
    await save(wb, 'tsukuba-2024-goals.xlsx');
  }
  {
    const wb = book();
    const ws = wb.addWorksheet('総合評価');
    overallSheet(ws, true, 'first', 1);
    overallSheet(ws, false, 'last', 12);
    await save(wb, 'overall-2023.xlsx');
  }
  {
    const wb = book();
    plantedSheet(wb.addWorksheet('誤り'));
    await save(wb, 'planted-errors.xlsx');
  }
  process.stdout.write(`fixtures written to ${out}\n`);
}

await main();
