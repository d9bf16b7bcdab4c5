/**
 * `npm start` on a machine without Excel and without development certificates: it creates them,
 * serves the build over https (trusted through the created authority), keeps requests inside
 * dist/, and explains sideloading in Japanese and English.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, ROOT } from './harness.js';

let dir = '';
let home = '';
let child: ChildProcess | undefined;
let output = '';
let port = 0;

function get(path: string, ca: Buffer): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', servername: 'localhost', port, path, ca, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await builtSite();
  home = mkdtempSync(join(tmpdir(), 'hyoka-home-'));
  child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-build', '--port', '0', '--dir', dir], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, USERPROFILE: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc = child;
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not serve within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /Hyoka is served at https:\/\/localhost:(\d+)\//.exec(output);
      if (m && /Without Excel/.test(output)) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output}`));
    });
  });
});

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  if (home) rmSync(home, { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('creates the development certificates and serves the pane over https with them', async () => {
    const ca = readFileSync(join(home, '.office-addin-dev-certs', 'ca.crt'));
    const page = await get('/taskpane.html', ca);
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.body).toContain('Content-Security-Policy');
    const manifest = await get('/manifest.xml', ca);
    expect(manifest.status).toBe(200);
    expect(manifest.body).toContain('<OfficeApp');
    const icon = await get('/assets/icon-80.png', ca);
    expect(icon.type).toBe('image/png');
  });

  it('serves nothing outside the build', async () => {
    const ca = readFileSync(join(home, '.office-addin-dev-certs', 'ca.crt'));
    expect((await get('/../package.json', ca)).status).toBe(404);
    expect((await get('/%2e%2e/package.json', ca)).status).toBe(404);
    expect((await get('/nothing-here.js', ca)).status).toBe(404);
  });

  it('explains how to sideload the manifest, in Japanese and English', () => {
    expect(output).toContain('サイドロード');
    expect(output).toContain('マイ アドインのアップロード');
    expect(output).toContain('Sideload into Excel');
    expect(output).toContain('Upload My Add-in');
    expect(output).toContain(join(dir, 'manifest.xml'));
  });
});
