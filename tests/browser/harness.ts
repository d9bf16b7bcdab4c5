/**
 * What the browser tests share: an up-to-date build of dist/, a loopback server for it, and
 * Debian's Chromium driven by playwright-core with Office's CDN blocked (the tests run offline).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** What the build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function distIsFresh(): boolean {
  const built = join(DIST, 'taskpane.html');
  if (!existsSync(built) || !existsSync(join(DIST, 'manifest.xml'))) return false;
  const builtAt = statSync(built).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(join(ROOT, p)) <= builtAt);
}

const LOCK = join(tmpdir(), `hyoka-dist-${ROOT.replace(/[^A-Za-z0-9]/g, '_')}.lock`);

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A lock between test files (vitest runs them in parallel processes) so that one builds at a time. */
async function withBuildLock<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        // The owner has made the directory but not yet written its pid.
      }
      if (Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 10 minutes for the build lock ${LOCK}; remove it if no test is running`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds dist/ when it is missing or older than its sources (`npx webpack --mode production`). */
export function buildIfStale(): void {
  if (distIsFresh()) return;
  const result = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`webpack failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** Builds dist/ if it is stale, under the same lock the test files take. */
export async function ensureDist(): Promise<void> {
  await withBuildLock(buildIfStale);
}

/**
 * An up-to-date build, copied (without source maps) to a directory of this test file's own, so
 * that another test file rebuilding dist/ meanwhile cannot pull files from under it.
 */
export async function builtSite(): Promise<string> {
  return withBuildLock(() => {
    buildIfStale();
    const copy = mkdtempSync(join(tmpdir(), 'hyoka-site-'));
    cpSync(DIST, copy, { recursive: true, filter: (src) => !src.endsWith('.map') });
    return copy;
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Site {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Serves a directory on 127.0.0.1 (a free port), GET only, nothing outside it. */
export async function serve(dir: string): Promise<Site> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'taskpane.html' : path));
    if (req.method !== 'GET' || !file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface Browser {
  context: BrowserContext;
  /** Every URL the pages asked for, in order. */
  requests: string[];
  /** How often the Office CDN's office.js was asked for (and refused: the tests run offline). */
  officeJsRequests: () => number;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile, with Office's CDN answered by a network error. */
export interface LaunchOptions {
  locale?: string;
  viewport?: { width: number; height: number };
}

export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'hyoka-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    locale: options.locale ?? 'ja-JP',
    viewport: options.viewport ?? { width: 420, height: 900 },
    acceptDownloads: true,
  });
  const requests: string[] = [];
  let officeJs = 0;
  context.on('request', (r) => requests.push(r.url()));
  await context.route('https://appsforoffice.microsoft.com/**', async (route) => {
    if (route.request().url() === OFFICE_JS_URL) officeJs++;
    await route.abort('internetdisconnected');
  });
  // Collected before any script of the page runs: CSP violations and dialogs (alert from injected markup).
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return {
    context,
    requests,
    officeJsRequests: () => officeJs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

export interface RowData {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  text: string;
}

/**
 * Every finding row of the virtualised list, found by scrolling it from top to bottom (only
 * the rows in view exist in the DOM).
 */
export async function collectFindingRows(page: Page): Promise<RowData[]> {
  const list = page.locator('[data-testid="finding-list"]');
  await list.evaluate((el) => (el.scrollTop = 0));
  const seen = new Map<string, RowData>();
  for (let guard = 0; guard < 10_000; guard++) {
    const rows = await list.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[data-finding]')].map((r) => ({
        rule: r.dataset.rule ?? '',
        severity: r.dataset.severity ?? '',
        sheet: r.dataset.sheet ?? '',
        cell: r.dataset.cell ?? '',
        text: r.textContent ?? '',
      })),
    );
    for (const r of rows) seen.set(`${r.rule}@${r.sheet}!${r.cell}`, r);
    const done = await list.evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollTop += Math.max(50, el.clientHeight - 40);
      return false;
    });
    if (done) break;
    // Let the virtualiser render the rows now in view.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  return [...seen.values()];
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export interface Served {
  /** A copy of dist/ made for this test file (it may add files of its own). */
  dir: string;
  site: Site;
  browser: Browser;
}

/**
 * The built site served on a loopback port, and a browser: set up before the tests of the file
 * that calls this, and removed after them. The fields are filled in once `beforeAll` has run.
 */
export function useServedSite(options: LaunchOptions = {}): Served {
  const served = {} as Served;
  beforeAll(async () => {
    served.dir = await builtSite();
    served.site = await serve(served.dir);
    served.browser = await launch(options);
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.site?.close();
    if (served.dir) rmSync(served.dir, { recursive: true, force: true });
  });
  return served;
}
