/** Checks one file from disk: read, detect, rules, report entry. Never throws for a bad file. */
import { constants } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkModel } from '../engine/check.js';
import { detect } from '../engine/detect/index.js';
import type { Model } from '../engine/model.js';
import type { Lang } from '../engine/messages/index.js';
import { fileReport, FileReportSchema, type FileReport } from '../engine/report.js';
import { XlsxReadError } from '../io/xlsx/errors.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../io/xlsx/limits.js';
import { readXlsx } from '../io/xlsx/read.js';

export interface CheckFileOptions {
  lang: Lang;
  limits?: Partial<ReadLimits>;
  modeOverrides?: Record<string, 'flow' | 'stock'>;
}

/**
 * Why the file system would not give a file or a folder, and what to do, by its error code: never Node's own words
 * (English only, and naming the call: `ELOOP: too many symbolic links encountered, stat '…'`). Undefined for a code
 * without words of its own.
 */
export function fileSystemReason(code: string | undefined, lang: Lang): string | undefined {
  const say = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return say('ファイルが見つかりません。パスを確認してください。', 'file not found; check the path.');
    case 'EISDIR':
      return say('フォルダです。ファイルを指定してください。', 'a folder, not a file.');
    case 'EACCES':
    case 'EPERM':
      return say('ファイルを読む権限がありません。読み取りの権限をもらうか、読める場所にコピーしてから検査してください。', 'permission denied; get read access to it, or copy it somewhere you can read, and check it again.');
    case 'ELOOP':
      return say(
        'シンボリックリンクが循環していて(リンクの先が自分自身に戻る)、ファイルにたどり着けません。リンクを作り直すか、元のファイルを指定してください。',
        'a symbolic link that leads back to itself (a link loop): no file can be reached through it; fix the link, or name the file itself.',
      );
    case 'ENAMETOOLONG':
      return say('パスが長すぎて開けません。浅い(名前の短い)フォルダにコピーしてから検査してください。', 'the path is too long to open; copy it to a folder nearer the top (with shorter names) and check it there.');
    case 'EBUSY':
      return say('ほかのアプリが使用中のため読めません。ブックを閉じてから、もう一度検査してください。', 'in use by another application; close it there and check again.');
    default:
      return undefined;
  }
}

export function describeError(e: unknown, lang: Lang): string {
  if (e instanceof XlsxReadError) return e.messageIn(lang);
  const known = fileSystemReason((e as NodeJS.ErrnoException)?.code, lang);
  if (known) return known;
  const text = e instanceof Error ? e.message : String(e);
  return lang === 'ja' ? `ブックを読み取れませんでした (${text})` : `the workbook could not be read (${text})`;
}

/** How long a named pipe no program writes to yet is waited on before it is taken as empty. */
const WRITER_WAIT_MS = 2000;

/**
 * The bytes of a path named directly that is no regular file (a device such as /dev/zero, a named pipe, `<(cat a.xlsx)`),
 * read as a stream up to `maxBytes` and refused as too large past them: its size says nothing, and reading it whole
 * never ended on /dev/zero. It is opened without blocking, as opening a named pipe nothing writes to waited forever; such
 * a pipe is waited on a little for a writer, then read as empty.
 */
export async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    const started = Date.now();
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      let n: number;
      try {
        ({ bytesRead: n } = await file.read(chunk, 0, chunk.length, null));
      } catch (e) {
        // A pipe whose writer has written nothing more yet.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        await sleep(5);
        continue;
      }
      if (n === 0) {
        // The end; or, on a pipe read from its start, no writer yet: one may still come.
        if (total > 0 || Date.now() - started > WRITER_WAIT_MS) break;
        await sleep(20);
        continue;
      }
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new XlsxReadError('too-large', `> ${maxBytes}`);
    }
    const bytes = Buffer.concat(chunks, total);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await file.close();
  }
}

/** A file's bytes, or a named pipe's or a device's up to `maxBytes` (see readBounded); an oversized file refused from its size. */
export async function readInput(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) return readBounded(path, maxBytes);
  if (info.size > maxBytes) throw new XlsxReadError('too-large', `${info.size} > ${maxBytes}`);
  const bytes = await readFile(path);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads and detects in a call of its own: once it returns, nothing holds the grid, which is the
 * bulk of a large workbook, while the rules run on the model alone.
 */
async function detectFile(path: string, options: CheckFileOptions): Promise<{ model: Model; sheetOrder: string[] }> {
  // Refuse an oversized file from its size, before reading it into memory.
  const bytes = await readInput(path, options.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes);
  const workbook = await readXlsx(bytes, options.limits);
  return { model: detect(workbook, { modeOverrides: options.modeOverrides }), sheetOrder: workbook.sheets.map((s) => s.name) };
}

/** What a file gets when the check itself failed on it (a fault of Hyoka's, not of the file): never the batch's end. */
function internalError(e: unknown, lang: Lang): string {
  const text = e instanceof Error ? e.message.split('\n')[0].slice(0, 200) : String(e);
  return lang === 'ja'
    ? `検査中に Hyoka の内部エラーが起きたため、このファイルは検査できませんでした。ファイルを添えて開発者に報告してください (${text})`
    : `an internal error of Hyoka stopped the check of this file; please report it to the developers with the file (${text})`;
}

/** checkWorkbook, with the grid let go before the rules run. */
export async function checkFile(path: string, options: CheckFileOptions): Promise<FileReport> {
  let detected: Awaited<ReturnType<typeof detectFile>>;
  try {
    detected = await detectFile(path, options);
  } catch (e) {
    // The reader throws XlsxReadError for what it cannot read; anything else thrown while reading or detecting is ours.
    return { file: path, error: e instanceof XlsxReadError || (e as NodeJS.ErrnoException)?.code ? describeError(e, options.lang) : internalError(e, options.lang) };
  }
  try {
    const report = fileReport(path, detected.model, checkModel(detected.model, detected.sheetOrder), options.lang);
    // Checked here, file by file, so that one entry the report cannot hold costs that file, not the whole report.
    FileReportSchema.parse(report);
    return report;
  } catch (e) {
    return { file: path, error: internalError(e, options.lang) };
  }
}
