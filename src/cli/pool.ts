/**
 * Checks many files on all cores: one worker thread per job slot, each handed the next file (largest first) as soon
 * as it finishes one, reports kept in the order the files were named. A worker that dies (a hostile file) costs that
 * file a reason, not the batch; a file that ran out of its worker's share of the memory is checked again alone.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
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

const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

function outOfMemory(e: unknown): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === OUT_OF_MEMORY;
}

export function crashReport(path: string, lang: Lang, e: unknown): FileReport {
  if (outOfMemory(e)) {
    return {
      file: path,
      error:
        lang === 'ja'
          ? `メモリが足りず検査できませんでした。ほかのアプリを閉じて、このファイルだけを検査してください (hyoka check "${path}")`
          : `the check ran out of memory. Close other applications and check this file on its own (hyoka check "${path}")`,
    };
  }
  const why = e instanceof Error ? e.message : String(e);
  return {
    file: path,
    error:
      lang === 'ja'
        ? `検査中に処理が異常終了しました (${why})。このファイルだけをもう一度検査し (hyoka check "${path}")、また止まるならファイルを添えて開発者に報告してください。`
        : `the check stopped abnormally (${why}); check this file on its own (hyoka check "${path}"), and if it stops again, report it to the developers with the file.`,
  };
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
 * The heap each of `jobs` workers may take: this thread's limit, shared out so that the workers together stay within
 * about 3/4 of the machine's memory (ten workers of a 4 GB limit each on a 16 GB machine would swap it). Never under
 * 512 MB, which a workbook of a million cells needs. A file that runs out of it is checked again alone, with this
 * thread's full limit (checkFiles). `HYOKA_WORKER_HEAP_MB` sets it (for a machine shared with other work, and tests).
 */
export function workerHeapMb(jobs: number, machineMb = totalmem() / 1024 / 1024, heapMb = HEAP_MB, env = process.env.HYOKA_WORKER_HEAP_MB): number {
  const set = Number(env);
  if (env && Number.isInteger(set) && set > 0) return Math.min(set, heapMb);
  return Math.min(heapMb, Math.max(512, Math.floor((machineMb * 0.75) / jobs)));
}

/**
 * The order to hand files to workers: largest first, so that a large file does not start last and keep one core busy
 * while the others wait (files of equal size keep the order they were named in). Reports keep the named order.
 */
export function dispatchOrder(sizes: readonly number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    // Unreadable here: its own check says why, in its turn.
    return 0;
  }
}

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

/**
 * `interruptible`: the files are checked on worker threads even one at a time (`--jobs 1`), so that this thread stays
 * free to answer Ctrl-C at once (a check in this thread holds it for the whole of a file: 24 s for a workbook of a
 * million cells on a busy machine). The command line asks for it when it draws the progress bar, at a terminal.
 */
export async function checkFiles(files: string[], options: CheckFileOptions, jobs: number, progress?: Progress, interruptible = false): Promise<FileReport[]> {
  const entry = (jobs > 1 || interruptible) && files.length > 1 ? workerEntry() : undefined;
  if (!entry) return checkInThisThread(files, options, progress);
  const reports: (FileReport | undefined)[] = new Array(files.length);
  const queue = dispatchOrder(files.map(sizeOf));
  // Files whose worker ran out of its share of the memory: checked again one at a time, with the full limit.
  const again: number[] = [];
  const heapMb = workerHeapMb(jobs);
  let done = 0;
  return new Promise((resolve) => {
    let running = 0;
    const finish = (id: number, report: FileReport) => {
      reports[id] = report;
      done++;
      progress?.(done, files.length, files[id]);
    };
    const start = (list: number[], limitMb: number, retry: boolean) => {
      // A heap limit of its own: a worker that runs out of memory ends alone, not the process.
      const worker = new Worker(entry, { workerData: options, resourceLimits: { maxOldGenerationSizeMb: limitMb } });
      running++;
      let current: number | undefined;
      const feed = () => {
        current = list.shift();
        if (current === undefined) {
          worker.terminate();
          return;
        }
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
          if (!retry && outOfMemory(failure) && limitMb < HEAP_MB) again.push(current);
          else finish(current, crashReport(files[current], options.lang, failure ?? `exit code ${code}`));
          if (list.length > 0) start(list, limitMb, retry);
        }
        if (running > 0) return;
        if (again.length > 0) start(again, HEAP_MB, true);
        else resolve(reports as FileReport[]);
      });
      feed();
    };
    for (let i = 0; i < Math.min(jobs, files.length); i++) start(queue, heapMb, false);
  });
}
