/** Quick engine profile of one workbook: read once, then detect and rules twice (the second run warm). Usage: node --import tsx bench/profile.mts FILE.xlsx */
import { readFileSync } from 'node:fs';
import { detect } from '../src/engine/detect/index.js';
import { checkModel } from '../src/engine/check.js';
import { readXlsx } from '../src/io/xlsx/read.js';
const f = process.argv[2];
const bytes = readFileSync(f);
let t = performance.now();
const wb = await readXlsx(new Uint8Array(bytes));
const cells = wb.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + (r ? r.filter(Boolean).length : 0), 0), 0);
console.log('read', Math.round(performance.now() - t), 'cells', cells);
for (let i = 0; i < 2; i++) {
t = performance.now();
const model = detect(wb, {});
const t1 = performance.now();
const findings = checkModel(model, wb.sheets.map((s) => s.name));
console.log('detect', Math.round(t1 - t), 'rules', Math.round(performance.now() - t1), 'findings', findings.length);
}
