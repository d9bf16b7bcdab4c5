/** Checks one file from disk: read, detect, rules, report entry. Never throws for a bad file. */
import { readFile } from 'node:fs/promises';
import { checkWorkbook } from '../engine/check.js';
import type { Lang } from '../engine/messages/index.js';
import { fileReport, type FileReport } from '../engine/report.js';
import { XlsxReadError } from '../io/xlsx/errors.js';
import type { ReadLimits } from '../io/xlsx/limits.js';
import { readXlsx } from '../io/xlsx/read.js';

export interface CheckFileOptions {
  lang: Lang;
  limits?: Partial<ReadLimits>;
  modeOverrides?: Record<string, 'flow' | 'stock'>;
}

export function describeError(e: unknown, lang: Lang): string {
  if (e instanceof XlsxReadError) return e.messageIn(lang);
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return lang === 'ja' ? 'ファイルが見つかりません。パスを確認してください。' : 'file not found; check the path.';
  if (err?.code === 'EISDIR') return lang === 'ja' ? 'フォルダです。ファイルを指定してください。' : 'a folder, not a file.';
  if (err?.code === 'EACCES') return lang === 'ja' ? 'ファイルを読む権限がありません。' : 'permission denied.';
  const text = e instanceof Error ? e.message : String(e);
  return lang === 'ja' ? `ブックを読み取れませんでした (${text})` : `the workbook could not be read (${text})`;
}

export async function checkFile(path: string, options: CheckFileOptions): Promise<FileReport> {
  try {
    const bytes = await readFile(path);
    const workbook = await readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options.limits);
    const result = checkWorkbook(workbook, { modeOverrides: options.modeOverrides });
    return fileReport(path, result.model, result.findings, options.lang);
  } catch (e) {
    return { file: path, error: describeError(e, options.lang) };
  }
}
