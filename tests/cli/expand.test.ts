/** Which files `hyoka check DIR…` takes from the paths it is given: links, the same file twice, folders it cannot list. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { tempDir } from '../temp.js';

// A folder named `locked` cannot be listed, as one without read permission (chmod 000) for anyone but root; one named
// `toolong` neither, as one whose path is longer than the system allows (ENAMETOOLONG).
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const readdir = (async (path: string, options?: unknown) => {
    if (String(path).endsWith(`${sep}locked`)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    if (String(path).endsWith(`${sep}toolong`)) throw Object.assign(new Error(`ENAMETOOLONG: name too long, scandir '${path}'`), { code: 'ENAMETOOLONG' });
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

describe('what the file system refuses, in words saying what to do (never Node’s own, English only)', () => {
  it('a link loop is named as one, in Japanese and English', async () => {
    const folder = tempDir('hyoka-expand-loop-');
    copyFileSync(join(FIXTURES, 'tsukuba-2024.xlsx'), join(folder, 'ok.xlsx'));
    symlinkSync(join(folder, 'b.xlsx'), join(folder, 'a.xlsx'));
    symlinkSync(join(folder, 'a.xlsx'), join(folder, 'b.xlsx'));
    for (const [lang, words] of [
      ['ja', 'シンボリックリンクが循環していて(リンクの先が自分自身に戻る)、ファイルにたどり着けません。リンクを作り直すか、元のファイルを指定してください。'],
      ['en', 'a symbolic link that leads back to itself (a link loop): no file can be reached through it; fix the link, or name the file itself.'],
    ]) {
      let out = '';
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        expect(await main(['check', folder, '--json', '--jobs', '1', '--lang', lang])).toBe(2);
      } finally {
        stdout.mockRestore();
        stderr.mockRestore();
      }
      const report = JSON.parse(out);
      expect(report.files.map((f: { file: string; error?: string }) => [f.file, f.error ?? 'checked'])).toEqual([
        [join(folder, 'a.xlsx'), words],
        [join(folder, 'b.xlsx'), words],
        [join(folder, 'ok.xlsx'), 'checked'],
      ]);
    }
  });

  it('a folder whose path is too long to list says so and what to do; the folder over it is not said to hold no workbook', async () => {
    const folder = tempDir('hyoka-expand-long-');
    mkdirSync(join(folder, 'toolong'));
    let out = '';
    let err = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      expect(await main(['check', folder, '--json', '--jobs', '1'])).toBe(2);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(JSON.parse(out).files).toEqual([
      { file: join(folder, 'toolong'), error: 'パスが長すぎてフォルダの中を見られないため、その中のファイルは検査していません。浅い(名前の短い)フォルダにコピーしてから検査してください。' },
    ]);
    expect(err).not.toContain('検査する .xlsx ファイルがありません');
  });
});
