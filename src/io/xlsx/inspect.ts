/**
 * Looks at a file before any parser inflates it: the kind of file (zip, OLE, text), whether it
 * is encrypted, and how large its contents would be once inflated.
 */
import { unzipSync } from 'fflate';
import { XlsxReadError } from './errors.js';
import type { ReadLimits } from './limits.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 2048);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  }
  return n > 0 && printable / n > 0.95;
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Throws an XlsxReadError when the bytes cannot be an .xlsx workbook within the limits. */
export function inspectXlsx(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length === 0) throw new XlsxReadError('empty');
  if (bytes.length > limits.maxBytes) throw new XlsxReadError('too-large', `${bytes.length} > ${limits.maxBytes} bytes`);
  if (startsWith(bytes, OLE)) {
    // Encrypted .xlsx files are OLE containers holding an EncryptedPackage stream.
    throw new XlsxReadError(containsUtf16(bytes.subarray(0, Math.min(bytes.length, 1 << 20)), 'EncryptedPackage') ? 'encrypted' : 'xls');
  }
  if (!startsWith(bytes, [0x50, 0x4b])) throw new XlsxReadError(looksLikeText(bytes) ? 'csv' : 'not-zip');
  let inflated = 0;
  let hasWorkbook = false;
  try {
    unzipSync(bytes, {
      filter(file) {
        inflated += file.originalSize;
        if (/^xl\/workbook\.xml$/i.test(file.name) || /^xl\/workbook\.bin$/i.test(file.name)) hasWorkbook = true;
        return false;
      },
    });
  } catch (e) {
    throw new XlsxReadError('corrupt', e instanceof Error ? e.message : String(e));
  }
  if (inflated > limits.maxInflatedBytes) throw new XlsxReadError('zip-bomb', `${inflated} > ${limits.maxInflatedBytes} bytes`);
  if (!hasWorkbook) throw new XlsxReadError('not-xlsx');
}
