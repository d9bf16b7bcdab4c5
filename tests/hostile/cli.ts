/**
 * Runs the `hyoka` command line as a child process and measures it: wall time and peak memory
 * (max RSS, reported by the child itself on exit through file descriptor 3).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child, in milliseconds. */
  ms: number;
  /** Peak resident memory of the child, in bytes. */
  maxRss: number;
}

export interface Cli {
  run(args: string[]): Run;
  dispose(): void;
}

/**
 * Bundles the command line from the current sources into a directory of its own (other test
 * files rebuild build/cli.mjs at the same time) with scripts/build-cli.mjs, and runs it with
 * scripts/rss-probe.mjs preloaded to report its peak memory (worker threads included).
 */
export async function bundleCli(): Promise<Cli> {
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'build', 'hostile-'));
  const cli = join(dir, 'cli.mjs');
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), dir]);
  const usage = join(ROOT, 'scripts', 'rss-probe.mjs');
  return {
    run(args) {
      const start = performance.now();
      const r = spawnSync(process.execPath, ['--import', pathToFileURL(usage).href, cli, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
      });
      const ms = performance.now() - start;
      const usageJson = (r.output[3] as unknown as string | null) ?? '';
      const maxRss = usageJson ? (JSON.parse(usageJson) as { maxRSS: number }).maxRSS * 1024 : Number.NaN;
      return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms, maxRss };
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
