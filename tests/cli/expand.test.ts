/** Which files `hyoka check DIR…` takes from the paths it is given: links, the same file twice, folders it cannot list. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { tempDir } from '../temp.js';

// A folder named `locked` cannot be listed, as one without read permission (chmod 000) for anyone but root.
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const readdir = (async (path: string, options?: unknown) => {
    if (String(path).endsWith(`${sep}locked`)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    return fs.readdir(path, options as never);
  }) as typeof fs.readdir;
  return { ...fs, readdir, default: { ...fs, readdir } };
});

const { expandPaths, main } = await import('../../src/cli/main.js');

let dir: string;
let outside: string;

beforeAll(() => {
  dir = tempDir('hyoka-expand-');
  outside = tempDir('hyoka-expand-outside-');
  const fixture = join(FIXTURES, 'tsukuba-2024.xlsx');
  copyFileSync(fixture, join(dir, 'a.xlsx'));
  mkdirSync(join(dir, 'sub'));
  copyFileSync(fixture, join(dir, 'sub', 'b.xlsx'));
  copyFileSync(fixture, join(outside, 'elsewhere.xlsx'));
  // A link to a file outside the folder, a link to a file inside it, a link to a folder, a loop, a link to nothing.
  symlinkSync(join(outside, 'elsewhere.xlsx'), join(dir, 'linked.xlsx'));
  symlinkSync(join(dir, 'a.xlsx'), join(dir, 'sub', 'again.xlsx'));
  symlinkSync(outside, join(dir, 'other'));
  symlinkSync(join(dir, 'sub'), join(dir, 'sub', 'loop'));
  symlinkSync(join(dir, 'gone.xlsx'), join(dir, 'dangling.xlsx'));
  mkdirSync(join(dir, 'locked'));
  copyFileSync(fixture, join(dir, 'locked', 'c.xlsx'));
});

describe('expandPaths', () => {
  it('takes a link to a file as the file, lists a link to a folder without entering it, and checks a file named twice once', async () => {
    const named = join(dir, 'a.xlsx');
    const { files, ignored, unlisted } = await expandPaths([named, dir, `${dir}${sep}.${sep}a.xlsx`]);
    expect(files).toEqual([named, join(dir, 'dangling.xlsx'), join(dir, 'linked.xlsx'), join(dir, 'sub', 'b.xlsx')]);
    expect(ignored).toEqual([`${join(dir, 'other')}${sep}`, `${join(dir, 'sub', 'loop')}${sep}`]);
    expect(unlisted.map((u) => u.path)).toEqual([join(dir, 'locked')]);
  });

  it('a folder that cannot be listed is reported as unreadable (exit 2), and the other files are still checked', async () => {
    let out = '';
    let err = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      expect(await main(['check', join(dir, 'sub'), join(dir, 'locked'), '--json', '--jobs', '1', '--lang', 'en'])).toBe(2);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const report = JSON.parse(out);
    expect(report.files.map((f: { file: string; error?: string }) => [f.file, f.error ?? 'checked'])).toEqual([
      [join(dir, 'sub', 'again.xlsx'), 'checked'],
      [join(dir, 'sub', 'b.xlsx'), 'checked'],
      [join(dir, 'locked'), 'no permission to list this folder: the files in it were not checked.'],
    ]);
    expect(err).toContain(`hyoka: ${join(dir, 'locked')}: no permission to list this folder`);
  });
});

describe('a folder named that holds no workbook', () => {
  it('is said on stderr, the exit code being that of the files checked', async () => {
    const empty = tempDir('hyoka-expand-empty-');
    let err = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      expect(await main(['check', empty, join(dir, 'sub'), '--jobs', '1'])).toBe(0);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    // Before the other lines (the link to a folder in sub, listed as not checked).
    expect(err.split('\n')[0]).toBe(`hyoka: ${empty}: 検査する .xlsx ファイルがありません。`);
  });
});

describe('a named pipe or a device in a folder', () => {
  it.runIf(process.platform !== 'win32' && existsSync('/dev/zero'))('is listed as not checked, never read (reading one may wait forever or never end)', async () => {
    const folder = tempDir('hyoka-expand-special-');
    copyFileSync(join(FIXTURES, 'tsukuba-2024.xlsx'), join(folder, 'ok.xlsx'));
    expect(spawnSync('mkfifo', [join(folder, 'pipe.xlsx')]).status).toBe(0);
    symlinkSync('/dev/zero', join(folder, 'zero.xlsx'));
    const { files, ignored } = await expandPaths([folder]);
    expect(files).toEqual([join(folder, 'ok.xlsx')]);
    expect(ignored).toEqual([join(folder, 'pipe.xlsx'), join(folder, 'zero.xlsx')]);
  });
});
