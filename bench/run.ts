/**
 * `npm run bench`: how checking grows with the size of a workbook, and what a folder of
 * submissions costs. For each size it measures, in one run on one machine:
 *   readMs    reading the file alone (file → grid, with the reader's safety checks): the floor
 *   engineMs  detection and rules (checkWorkbook) on that grid, with nothing parsed by the runs before
 *             (forgetTexts: as in one hyoka check, but for the compiled code)
 *   totalMs   the whole `hyoka check FILE --json`, a fresh process
 *   peakRssMb the peak memory of that process
 *   fixMs     what `hyoka fix` adds to the check: planning the recalculation, following the formulas
 *             (settle.ts) and writing the patched package (with Node's zlib, as the command line does)
 *   exceljsReadMs  for reference, up to a million cells: the same file read by exceljs (the
 *             reader most spreadsheet tools in Node use), which Hyoka's own reader replaced
 * and for 200 workbooks of the fixtures' size, `hyoka check DIR` against opening each one in
 * LibreOffice headless. Medians of several runs. A whole run writes bench/results.json and the
 * figures in README.md (bench/table.mjs); a partial one writes bench/out/results-partial.json.
 *
 * Options: --sizes 10000,100000  --lo-files N (LibreOffice on N of the 200, scaled up)  --no-lo
 *
 * `npm run bench` bundles this file with esbuild first, as the command line is bundled, so that
 * the engine measured is the code that ships (tsx would wrap every function to keep its name).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { writeFixed } from '../src/cli/main.js';
import { defaultJobs } from '../src/cli/pool.js';
import { checkWorkbook, forgetTexts } from '../src/engine/check.js';
import { planRecalculation } from '../src/engine/fix.js';
import { buildReport, fileReport } from '../src/engine/report.js';
import type { Workbook } from '../src/engine/grid.js';
import { readXlsx } from '../src/io/xlsx/read.js';
import { settleFormulas } from '../src/io/xlsx/settle.js';
import { generateWorkbook } from './generate.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
/** Bump when the generator changes, so that old workbooks are written again. */
const GENERATOR_VERSION = 1;
const BATCH_FILES = 200;

const ALL_SIZES = '10000,100000,1000000,3000000';
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: ALL_SIZES },
    'lo-files': { type: 'string' },
    'no-lo': { type: 'boolean' },
  },
});
const SIZES = values.sizes!.split(',').map(Number);
/** Only a whole run (every size, LibreOffice on all the files) replaces bench/results.json and the README's figures. */
const WHOLE_RUN = values.sizes === ALL_SIZES && !values['no-lo'] && values['lo-files'] === undefined;

/** Runs per size: fewer at the largest sizes, where one run takes long and varies little. */
function runsFor(cells: number): { inProcess: number; cli: number } {
  if (cells >= 2_000_000) return { inProcess: 2, cli: 1 };
  if (cells >= 500_000) return { inProcess: 3, cli: 2 };
  return { inProcess: 5, cli: 3 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number, places = 0) => Number(x.toFixed(places));

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function countCells(wb: Workbook): number {
  let n = 0;
  for (const s of wb.sheets) for (const r of s.rows) if (r) for (const c of r) if (c) n++;
  return n;
}

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

interface CliRun {
  ms: number;
  code: number | null;
  peakRssMb: number;
}

/** `hyoka ARGS` in a fresh process; its stdout is discarded (written to /dev/null). */
function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const probe = pathToFileURL(join(ROOT, 'scripts', 'rss-probe.mjs')).href;
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', probe, join(ROOT, 'bin', 'hyoka.js'), ...args], { cwd: ROOT, stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe', 'pipe'] });
    let usage = '';
    let stderr = '';
    child.stdio[3]!.on('data', (d) => (usage += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (!usage) return reject(new Error(`no usage from hyoka ${args.join(' ')} (exit ${code}): ${stderr}`));
      resolve({ ms, code, peakRssMb: (JSON.parse(usage) as { maxRSS: number }).maxRSS / 1024 });
    });
  });
}

interface Case {
  cells: number;
  fileMb: number;
  sheets: number;
  targets: number;
  findings: number;
  readMs: number;
  engineMs: number;
  reportMs: number;
  /** Planning the recalculation, following the formulas and writing the package: what a fix adds to the check. */
  fixMs: number;
  fixWrites: number;
  totalMs: number;
  peakRssMb: number;
  engineToRead: number;
  readNsPerCell: number;
  engineNsPerCell: number;
  /** For reference (null above a million cells): exceljs reading the same file, and the engine's share of that. */
  exceljsReadMs: number | null;
  engineToExceljsRead: number | null;
  runs: { inProcess: number; cli: number };
}

/** exceljs's reader, timed on the same file; only up to about a million cells (it needs minutes and gigabytes beyond). */
async function exceljsRead(path: string, cells: number): Promise<number | null> {
  if (cells > 1_500_000) return null;
  const times: number[] = [];
  for (let i = 0; i < (cells > 500_000 ? 1 : 3); i++) {
    collect();
    const t = performance.now();
    await new ExcelJS.Workbook().xlsx.readFile(path);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function measureSize(target: number): Promise<Case> {
  const path = join(OUT, `workbook-${target}-v${GENERATOR_VERSION}.xlsx`);
  let targets = 0;
  if (!existsSync(path)) {
    const t = performance.now();
    targets = generateWorkbook(path, target, target).targets;
    log(`  generated ${path} in ${round((performance.now() - t) / 1000, 1)} s`);
  }
  const runs = runsFor(target);
  const read: number[] = [];
  const engine: number[] = [];
  const report: number[] = [];
  const fix: number[] = [];
  let fixWrites = 0;
  let cells = 0;
  let sheets = 0;
  let findings = 0;
  for (let i = 0; i < runs.inProcess; i++) {
    // Each run pays what one hyoka check pays: nothing parsed by the runs before (only the compiled code is warm).
    forgetTexts();
    collect();
    let t = performance.now();
    const buf = readFileSync(path);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const wb = await readXlsx(bytes);
    read.push(performance.now() - t);
    t = performance.now();
    const result = checkWorkbook(wb);
    engine.push(performance.now() - t);
    t = performance.now();
    buildReport([fileReport(path, result.model, result.findings, 'ja')]);
    report.push(performance.now() - t);
    t = performance.now();
    const plan = settleFormulas(wb, planRecalculation(result.model));
    writeFixed(bytes, plan);
    fix.push(performance.now() - t);
    fixWrites = plan.writes.length;
    cells = countCells(wb);
    sheets = wb.sheets.length;
    findings = result.findings.length;
    targets = result.model.tables.reduce((n, tb) => n + (tb.kind === 'progress' ? tb.targets.length : 0), 0);
    log(`  run ${i + 1}: read ${round(read[i])} ms, engine ${round(engine[i])} ms, fix ${round(fix[i])} ms`);
  }
  collect();
  const exceljsReadMs = await exceljsRead(path, cells);
  if (exceljsReadMs !== null) log(`  exceljs read (reference): ${round(exceljsReadMs)} ms`);
  collect();
  const cli: CliRun[] = [];
  for (let i = 0; i < runs.cli; i++) {
    cli.push(await runCli(['check', path, '--json']));
    log(`  hyoka check: ${round(cli[i].ms)} ms, ${round(cli[i].peakRssMb)} MB (exit ${cli[i].code})`);
  }
  const readMs = median(read);
  const engineMs = median(engine);
  return {
    cells,
    fileMb: round(statSync(path).size / 1024 / 1024, 2),
    sheets,
    targets,
    findings,
    readMs: round(readMs),
    engineMs: round(engineMs),
    reportMs: round(median(report)),
    fixMs: round(median(fix)),
    fixWrites,
    totalMs: round(median(cli.map((c) => c.ms))),
    peakRssMb: round(Math.max(...cli.map((c) => c.peakRssMb))),
    engineToRead: round(engineMs / readMs, 2),
    readNsPerCell: round((readMs * 1e6) / cells),
    engineNsPerCell: round((engineMs * 1e6) / cells),
    exceljsReadMs: exceljsReadMs === null ? null : round(exceljsReadMs),
    engineToExceljsRead: exceljsReadMs === null ? null : round(engineMs / exceljsReadMs, 2),
    runs,
  };
}

/** 200 submissions: the fixtures, copied round-robin into a few subfolders. */
function batchFolder(): string[] {
  const dir = join(OUT, 'batch');
  rmSync(dir, { recursive: true, force: true });
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();
  const paths: string[] = [];
  for (let i = 0; i < BATCH_FILES; i++) {
    const sub = join(dir, `区${(i % 5) + 1}`);
    mkdirSync(sub, { recursive: true });
    const path = join(sub, `zone-${String(i + 1).padStart(3, '0')}-${fixtures[i % fixtures.length]}`);
    copyFileSync(join(FIXTURES, fixtures[i % fixtures.length]), path);
    paths.push(path);
  }
  return paths;
}

/** Opens one workbook in LibreOffice headless with a profile of its own, as a reviewer's tool would. */
function openInLibreOffice(path: string, work: string, i: number): void {
  const profile = pathToFileURL(join(work, `profile-${i}`)).href;
  const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'csv', '--outdir', join(work, `out-${i}`), path], { stdio: 'ignore', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`soffice failed on ${path} (${r.status ?? r.signal})`);
}

async function measureBatch(): Promise<Record<string, unknown>> {
  const paths = batchFolder();
  const dir = join(OUT, 'batch');
  // The default number of jobs (what a reviewer gets), and for comparison all cores (or one, when that is the default).
  const jobs = defaultJobs();
  const otherJobs = jobs === availableParallelism() ? 1 : availableParallelism();
  const hyoka: number[] = [];
  let peakRssMb = 0;
  for (let i = 0; i < 3; i++) {
    const r = await runCli(['check', dir, '--json']);
    hyoka.push(r.ms);
    peakRssMb = Math.max(peakRssMb, r.peakRssMb);
    log(`  hyoka check DIR (default: ${jobs} jobs): ${round(r.ms)} ms, ${round(r.peakRssMb)} MB`);
  }
  const other = await runCli(['check', dir, '--json', '--jobs', String(otherJobs)]);
  log(`  hyoka check DIR --jobs ${otherJobs}: ${round(other.ms)} ms`);
  const result: Record<string, unknown> = { files: paths.length, jobs, hyokaMs: round(median(hyoka)), otherJobs, hyokaOtherJobsMs: round(other.ms), hyokaPeakRssMb: round(peakRssMb) };
  if (values['no-lo']) return result;
  const loFiles = Math.min(paths.length, Number(values['lo-files'] ?? paths.length));
  const work = mkdtempSync(join(tmpdir(), 'hyoka-bench-lo-'));
  const start = performance.now();
  for (let i = 0; i < loFiles; i++) {
    openInLibreOffice(paths[i], work, i);
    if ((i + 1) % 25 === 0) log(`  LibreOffice: ${i + 1}/${loFiles}`);
  }
  const loMeasured = performance.now() - start;
  rmSync(work, { recursive: true, force: true });
  const libreOfficeMs = (loMeasured * paths.length) / loFiles;
  log(`  LibreOffice, one by one: ${round(libreOfficeMs)} ms for ${paths.length} files${loFiles < paths.length ? ` (measured on ${loFiles})` : ''}`);
  return { ...result, libreOfficeMs: round(libreOfficeMs), libreOfficeFilesMeasured: loFiles, libreOfficeToHyoka: round(libreOfficeMs / median(hyoka), 1) };
}

/** Whether LibreOffice's soffice runs here; asked before any size is measured, not after ten minutes of them. */
function hasLibreOffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

async function main(): Promise<void> {
  if (!values['no-lo'] && !hasLibreOffice()) {
    log('LibreOffice (soffice) が見つかりません。`apt-get install libreoffice-calc-nogui` で入れるか、`npm run bench -- --no-lo` で比較を省いてください。');
    log('LibreOffice (soffice) was not found: install it (`apt-get install libreoffice-calc-nogui`), or leave the comparison out with `npm run bench -- --no-lo`.');
    process.exit(2);
  }
  mkdirSync(OUT, { recursive: true });
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const started = performance.now();
  // Other work on the machine slows every figure; the load average says how much there was.
  const loadAtStart = round(loadavg()[0], 2);
  const cases: Case[] = [];
  for (const size of SIZES) {
    log(`size ≈ ${size.toLocaleString('en-US')} cells`);
    cases.push(await measureSize(size));
  }
  log('batch');
  const batch = await measureBatch();
  const at = (n: number) => cases.find((c) => Math.abs(c.cells - n) / n < 0.2);
  const largest = cases[cases.length - 1];
  // A target a partial run has no size for is left unjudged (null: "not measured").
  const hundredThousand = at(100_000);
  const base = hundredThousand !== largest ? hundredThousand : undefined;
  const atThreeMillion = at(3_000_000);
  const results = {
    generated: new Date().toISOString(),
    machine: { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? '', memoryGb: round(totalmem() / 1024 ** 3, 1), node: process.version, loadAverage: { start: loadAtStart, end: round(loadavg()[0], 2) } },
    cases,
    batch,
    targets: {
      engineAtMostQuarterOfRead: cases.every((c) => c.engineMs <= c.readMs / 4),
      engineNsPerCellLargestOver100k: base ? round(largest.engineNsPerCell / base.engineNsPerCell, 2) : null,
      engineLinear: base ? largest.engineNsPerCell <= 1.5 * base.engineNsPerCell : null,
      peakRssUnder2GiB: atThreeMillion ? atThreeMillion.peakRssMb < 2048 : null,
      batchFasterThanLibreOffice: typeof batch.libreOfficeMs === 'number' ? (batch.hyokaMs as number) < batch.libreOfficeMs : null,
    },
    benchSeconds: round((performance.now() - started) / 1000),
  };
  const resultsPath = WHOLE_RUN ? join(ROOT, 'bench', 'results.json') : join(OUT, 'results-partial.json');
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const table = join(ROOT, 'bench', 'table.mjs');
  if (WHOLE_RUN) spawnSync(process.execPath, [table, '--write'], { cwd: ROOT, stdio: 'inherit' });
  // The figures as the README shows them (bench/table.mjs), from this run's results.
  spawnSync(process.execPath, [table, 'en', '--from', resultsPath], { cwd: ROOT, stdio: 'inherit' });
  process.stdout.write(WHOLE_RUN ? 'written: bench/results.json and the figures in README.md\n' : `a partial run: written to ${resultsPath} (bench/results.json and README.md are left as they are)\n`);
}

await main();
