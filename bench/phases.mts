/**
 * Where the engine's time goes, stage by stage: reads a workbook once, then runs detection (per
 * detector) and the rules (per rule) several times and prints each stage's minimum, in ms.
 * Bundle it as the command line ships (tsx would wrap every function):
 *   npx esbuild bench/phases.mts --bundle --platform=node --format=esm --packages=external --outfile=build/phases.mjs
 *   node build/phases.mjs bench/out/workbook-1000000-v1.xlsx 6
 * To compare two versions, bundle it from each checkout and run the two bundles in turns.
 */
import { readFileSync } from 'node:fs';
import { SheetView } from '../src/engine/grid.js';
import { detectBudgetTables } from '../src/engine/detect/budget.js';
import { detectOverallScoreTables } from '../src/engine/detect/overall.js';
import { detectProgressTables } from '../src/engine/detect/progress.js';
import { SheetScan, TextMemo } from '../src/engine/detect/scan.js';
import { detectSummaryTables } from '../src/engine/detect/summary.js';
import { detectVerticalTables } from '../src/engine/detect/vertical.js';
import { indexTargets } from '../src/engine/indicators.js';
import type { Fault, Table } from '../src/engine/model.js';
import { RULES } from '../src/engine/rules/index.js';
import { readXlsx } from '../src/io/xlsx/read.js';

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node build/phases.mjs FILE.xlsx [runs]');
  process.exit(2);
}
const workbook = await readXlsx(new Uint8Array(readFileSync(file)));
const best = new Map<string, number>();
let run = new Map<string, number>();

function time<T>(stage: string, f: () => T): T {
  const start = performance.now();
  const result = f();
  run.set(stage, (run.get(stage) ?? 0) + performance.now() - start);
  return result;
}

// The same steps as detect() in src/engine/detect/index.ts, each timed.
for (let i = 0; i < Number(runsArg ?? 5); i++) {
  run = new Map();
  const tables: Table[] = [];
  const faults: Fault[] = [];
  const counter = { n: 0 };
  const memo = new TextMemo();
  for (const sheet of workbook.sheets) {
    if (sheet.rows.length === 0) continue;
    const scan = time('scan', () => new SheetScan(new SheetView(sheet), memo));
    const vertical = time('detect vertical', () => detectVerticalTables(scan, counter));
    const progress = time('detect progress', () => [...detectProgressTables(scan, faults, counter), ...vertical.tables]);
    const inProgress = new Uint8Array(sheet.rows.length);
    for (const t of progress) inProgress.fill(1, t.range.top, t.range.bottom + 1);
    const usedRows = new Set(scan.yearRowList.filter((r) => inProgress[r] === 1));
    tables.push(...progress);
    tables.push(...time('detect summary', () => detectSummaryTables(scan, vertical.headerRows)));
    tables.push(...time('detect budget', () => detectBudgetTables(scan, usedRows)));
    tables.push(...time('detect overall', () => detectOverallScoreTables(scan)));
  }
  const model = { tables, faults };
  const ctx = time('index targets', () => ({ model, targets: indexTargets(model) }));
  for (const rule of RULES) time(`rule ${rule.id}`, () => rule.check(ctx));
  for (const [stage, ms] of run) best.set(stage, Math.min(best.get(stage) ?? Infinity, ms));
}
let sum = 0;
for (const [stage, ms] of best) {
  sum += ms;
  console.log(ms.toFixed(0).padStart(6), stage);
}
console.log(sum.toFixed(0).padStart(6), 'sum of the minimums');
