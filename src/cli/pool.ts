/**
 * Checks many files on all cores: one worker thread per job slot, each handed the next file as
 * soon as it finishes one, reports kept in the order the files were named. A worker that dies
 * (out of memory on a hostile file) costs that file a reason, not the batch.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../engine/messages/index.js';
import type { FileReport } from '../engine/report.js';
import { checkFile, type CheckFileOptions } from './check-file.js';
import type { WorkerJob } from './worker.js';

export type Progress = (done: number, total: number, file: string) => void;

/**
 * The worker's code: the bundle beside the bundled command line (build/cli-worker.mjs), or the
 * source when running from source under tsx. Undefined when neither is there (a bundle made of
 * the command line alone): the files are then checked in this thread.
 */
function workerEntry(): URL | undefined {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './worker.ts' : './cli-worker.mjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

function crashReport(path: string, lang: Lang, e: unknown): FileReport {
  const why = e instanceof Error ? e.message : String(e);
  return { file: path, error: lang === 'ja' ? `検査中に処理が異常終了しました (${why})` : `the check stopped abnormally (${why})` };
}

async function checkInThisThread(files: string[], options: CheckFileOptions, progress?: Progress): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const f of files) {
    reports.push(await checkFile(f, options));
    progress?.(reports.length, files.length, f);
  }
  return reports;
}

const HEAP_MB = Math.floor(getHeapStatistics().heap_size_limit / 1024 / 1024);

/**
 * Cores one check keeps busy: V8 collects garbage and compiles on threads of its own (measured on
 * 2 cores: 4.5 s of CPU in 3.0 s for four workbooks of 100 thousand cells).
 */
const CORES_PER_CHECK = 1.5;

/**
 * Files checked at once when `--jobs` is not given: as many as the cores can run side by side.
 * On 2 cores that is one: two jobs there took 15–35 % longer than one (their threads contend).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / CORES_PER_CHECK));
}

/**
 * Files checked at once for `--jobs N` (or the default): never more than the cores. A check is work for the CPU
 * alone, so more workers than cores only wait their turn, and each costs its own heap: `--jobs 99` on 2 cores
 * took 3.7 GB and three times as long as `--jobs 1` over 600 small files.
 */
export function jobsFor(requested: number | undefined, cores = availableParallelism()): number {
  return Math.min(requested ?? defaultJobs(cores), Math.max(1, cores));
}

export async function checkFiles(files: string[], options: CheckFileOptions, jobs: number, progress?: Progress): Promise<FileReport[]> {
  const entry = jobs > 1 && files.length > 1 ? workerEntry() : undefined;
  if (!entry) return checkInThisThread(files, options, progress);
  const reports: (FileReport | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve) => {
    let running = 0;
    const finish = (id: number, report: FileReport) => {
      reports[id] = report;
      done++;
      progress?.(done, files.length, files[id]);
    };
    const start = () => {
      // A heap limit of its own: a worker that runs out of memory ends alone, not the process.
      const worker = new Worker(entry, { workerData: options, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
      running++;
      let current: number | undefined;
      const feed = () => {
        if (next >= files.length) {
          current = undefined;
          worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, path: files[current] } satisfies WorkerJob);
      };
      worker.on('message', (m: { id: number; report: FileReport }) => {
        finish(m.id, m.report);
        feed();
      });
      let failure: unknown;
      worker.on('error', (e) => {
        failure = e;
      });
      worker.on('exit', (code) => {
        running--;
        if (current !== undefined) {
          finish(current, crashReport(files[current], options.lang, failure ?? `exit code ${code}`));
          if (next < files.length) start();
        }
        if (running === 0) resolve(reports as FileReport[]);
      });
      feed();
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) start();
  });
}
