/**
 * Where the engine's time goes, stage by stage: reads a workbook once, then checks it several
 * times, timing each stage of the check (the scan and each detector, summed over the sheets; each
 * rule) and prints each stage's minimum, in ms.
 * Bundle it as the command line ships (tsx would wrap every function):
 *   npx esbuild bench/phases.mts --bundle --platform=node --format=esm --packages=external --outfile=build/phases.mjs
 *   node build/phases.mjs bench/out/workbook-1000000-v1.xlsx 6
 * To compare two versions, bundle it from each checkout and run the two bundles in turns.
 */
import { readFileSync } from 'node:fs';
import { checkWorkbook, forgetTexts } from '../src/engine/check.js';
import type { Stage } from '../src/engine/detect/index.js';
import { readXlsx } from '../src/io/xlsx/read.js';

const [file, runsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node build/phases.mjs FILE.xlsx [runs]');
  process.exit(2);
}
const workbook = await readXlsx(new Uint8Array(readFileSync(file)));
const best = new Map<string, number>();
let run = new Map<string, number>();

const timed: Stage = (name, f) => {
  const start = performance.now();
  const result = f();
  run.set(name, (run.get(name) ?? 0) + performance.now() - start);
  return result;
};

for (let i = 0; i < Number(runsArg ?? 5); i++) {
  run = new Map();
  // Nothing parsed by the runs before: each run costs what one hyoka check costs, but for compiling.
  forgetTexts();
  checkWorkbook(workbook, { stage: timed });
  for (const [name, ms] of run) best.set(name, Math.min(best.get(name) ?? Infinity, ms));
}
let sum = 0;
for (const [name, ms] of best) {
  sum += ms;
  console.log(ms.toFixed(0).padStart(6), name);
}
console.log(sum.toFixed(0).padStart(6), 'sum of the minimums');
