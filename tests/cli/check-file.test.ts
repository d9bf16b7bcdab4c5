/** One file's check, as a batch runs it: a fault of Hyoka's own costs that file a reason, never the batch. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../helpers.js';
import { tempDir } from '../temp.js';

const failing = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/engine/check.js', async (original) => {
  const real = await original<typeof import('../../src/engine/check.js')>();
  return {
    ...real,
    checkModel: (...args: Parameters<typeof real.checkModel>) => {
      if (failing.on) throw new TypeError("Cannot read properties of undefined (reading 'row')");
      return real.checkModel(...args);
    },
  };
});

const { checkFile, describeError } = await import('../../src/cli/check-file.js');

describe('checkFile', () => {
  const path = join(FIXTURES, 'keihin-2019-text.xlsx');

  it('reports a workbook it read and checked', async () => {
    failing.on = false;
    expect(await checkFile(path, { lang: 'ja' })).toHaveProperty('findings');
  });

  it('names an error of its own as one, with what to do, not as a workbook it could not read', async () => {
    failing.on = true;
    expect(await checkFile(path, { lang: 'ja' })).toEqual({
      file: path,
      error: "検査中に Hyoka の内部エラーが起きたため、このファイルは検査できませんでした。ファイルを添えて開発者に報告してください (Cannot read properties of undefined (reading 'row'))",
    });
    expect(await checkFile(path, { lang: 'en' })).toHaveProperty('error', expect.stringMatching(/^an internal error of Hyoka stopped the check of this file; please report it/));
    failing.on = false;
  });

  it('still says a file it could not read is one, and a missing file is missing', async () => {
    expect(await checkFile(join(FIXTURES, 'seed-tables.json'), { lang: 'en' })).toHaveProperty('error', expect.not.stringMatching(/internal error/));
    expect(await checkFile(join(FIXTURES, 'nothing-here.xlsx'), { lang: 'en' })).toEqual({ file: join(FIXTURES, 'nothing-here.xlsx'), error: 'file not found; check the path.' });
  });

  it('says what to do with a file it has no permission to read (EACCES, or EPERM as macOS and Windows say it)', () => {
    for (const code of ['EACCES', 'EPERM']) {
      const e = Object.assign(new Error(`${code}: operation not permitted, open 'x.xlsx'`), { code });
      expect(describeError(e, 'ja')).toBe('ファイルを読む権限がありません。読み取りの権限をもらうか、読める場所にコピーしてから検査してください。');
      expect(describeError(e, 'en')).toBe('permission denied; get read access to it, or copy it somewhere you can read, and check it again.');
    }
  });

  it('says what to do with an empty file and with a ZIP that is no workbook (a Word document named .xlsx), not only what it is', async () => {
    const dir = tempDir('hyoka-check-file-');
    writeFileSync(join(dir, 'zero.xlsx'), '');
    writeFileSync(join(dir, 'report.xlsx'), zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    expect(await checkFile(join(dir, 'zero.xlsx'), { lang: 'ja' })).toHaveProperty('error', '空のファイル(0 バイト)です。コピーか保存が途中で失敗したのかもしれません。元のファイルを取り直してください。');
    expect(await checkFile(join(dir, 'zero.xlsx'), { lang: 'en' })).toHaveProperty('error', 'the file is empty (0 bytes): a copy or a save may have failed midway; get the original file again.');
    expect(await checkFile(join(dir, 'report.xlsx'), { lang: 'ja' })).toHaveProperty('error', expect.stringMatching(/^ZIP ファイルですが Excel ブック\(.xlsx\)ではありません\(Word や PowerPoint の文書、.*\.xlsx として保存したものを指定してください。$/));
    expect(await checkFile(join(dir, 'report.xlsx'), { lang: 'en' })).toHaveProperty('error', expect.stringMatching(/; name the evaluation workbook saved as \.xlsx in Excel\.$/));
  });
});
