/**
 * Where a `hyoka fix` of one workbook spends its time, step by step, as the command line runs it: read, check, plan,
 * follow the formulas (settle.ts), patch the package (with Node's zlib, as the command line does). Prints ms per step.
 * Bundle it as the command line ships (tsx would wrap every function):
 *   npx esbuild bench/fix-phases.mts --bundle --platform=node --format=esm --packages=external --outfile=build/fix-phases.mjs
 *   node build/fix-phases.mjs bench/out/workbook-1000000-v1.xlsx
 */
import { readFileSync } from 'node:fs';
import { writeFixed } from '../src/cli/main.js';
import { checkWorkbook } from '../src/engine/check.js';
import { planRecalculation } from '../src/engine/fix.js';
import { readXlsx } from '../src/io/xlsx/read.js';
import { settleFormulas } from '../src/io/xlsx/settle.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node build/fix-phases.mjs FILE.xlsx');
  process.exit(2);
}
const bytes = new Uint8Array(readFileSync(file));
let t = performance.now();
const step = (name: string) => {
  const now = performance.now();
  console.log(String(Math.round(now - t)).padStart(6), name);
  t = now;
};
const workbook = await readXlsx(bytes);
step('read');
const { model } = checkWorkbook(workbook);
step('check');
const plan = planRecalculation(model);
step(`plan (${plan.writes.length} writes)`);
const settled = settleFormulas(workbook, plan);
step(`settle (${settled.writes.length} writes, ${settled.keptFormulas.length} formulas kept, ${settled.refreshed.length} results saved)`);
writeFixed(bytes, settled);
step('patch');
