/**
 * A production build for an organisation's own server: every URL in the built manifest and pages
 * points at the base URL given, no localhost is left, the manifest stays well-formed with the same
 * Id and a new Version, and a closed-network build serves office.js from dist/.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestStructureTests, parseXml } from '../manifest-checks.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BASE = 'https://hyoka.intra.example.lg.jp/tools/hyoka/';

/** Builds without blocking the test worker (a synchronous build starves vitest's own messages). */
async function build(out: string, ...env: string[]): Promise<void> {
  const webpack = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const args = [webpack, '--mode', 'production', '--output-path', out, ...env.flatMap((e) => ['--env', e])];
  await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout?: string; stderr?: string }) => {
    throw new Error(`webpack failed: ${e.stdout}\n${e.stderr}`);
  });
}

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

let cdn = '';
let local = '';

beforeAll(async () => {
  cdn = mkdtempSync(join(tmpdir(), 'hyoka-build-cdn-'));
  local = mkdtempSync(join(tmpdir(), 'hyoka-build-local-'));
  await build(cdn, `url=${BASE}`);
  await build(local, `url=${BASE}`, 'officejs=local');
}, 600_000);

afterAll(() => {
  for (const d of [cdn, local]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('npm run build -- --env url=…', () => {
  describe('the built manifest passes the offline manifest checks', () => {
    manifestStructureTests(() => parseXml(readFileSync(join(cdn, 'manifest.xml'), 'utf8')), BASE);
  });

  it('points every URL of the manifest at the base URL, and each names a file of the build', () => {
    const manifest = readFileSync(join(cdn, 'manifest.xml'), 'utf8');
    wellFormed(manifest);
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(BASE), url).toBe(true);
      expect(existsSync(join(cdn, url.slice(BASE.length))), url).toBe(true);
    }
  });

  it('leaves no localhost in the manifest or the pages', () => {
    const texts = readdirSync(cdn)
      .filter((f) => /\.(html|xml|js)$/.test(f))
      .map((f) => [f, readFileSync(join(cdn, f), 'utf8')] as const);
    for (const [file, text] of texts) expect(/localhost|127\.0\.0\.1/.test(text), file).toBe(false);
  });

  it('keeps the Id and gives a new, higher Version than the source manifest', () => {
    const source = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const built = readFileSync(join(cdn, 'manifest.xml'), 'utf8');
    expect(tag(built, 'Id')).toBe(tag(source, 'Id'));
    const version = tag(built, 'Version')!;
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const parts = (v: string) => v.split('.').map(Number);
    const [a, b] = [parts(version), parts(tag(source, 'Version')!)];
    const cmp = a.map((x, i) => x - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
    expect(cmp).toBeGreaterThan(0);
  });

  it('loads office.js from Microsoft\'s CDN by default, and from the build itself with officejs=local', () => {
    expect(readFileSync(join(cdn, 'taskpane.html'), 'utf8')).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    const html = readFileSync(join(local, 'taskpane.html'), 'utf8');
    expect(html).toContain('src="office-js/office.js"');
    expect(html).not.toContain('appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(existsSync(join(local, 'office-js', 'office.js'))).toBe(true);
    expect(existsSync(join(cdn, 'office-js'))).toBe(false);
  });

  it('refuses a base URL that is not https', async () => {
    const error = await build(join(cdn, 'x'), 'url=http://intra.example/hyoka/').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('https');
  });
});
