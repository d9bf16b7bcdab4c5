/** Readable terminal output of a report, grouped by file and sheet. */
import type { FileReport } from '../engine/report.js';
import { describeFault, type Lang } from '../engine/messages/index.js';

const WORDS = {
  ja: { error: 'エラー', warning: '警告', info: '情報', tables: '検出した表', none: '指摘はありません。', summary: (e: number, w: number, i: number) => `エラー ${e} 件、警告 ${w} 件、情報 ${i} 件`, kinds: { progress: '進捗表', summary: '評価指標の記載', budget: '支援措置の表', 'overall-score': '総合評価表' } as Record<string, string>, notRead: '読み取れません', skipped: '対象外', note: '注記' },
  en: { error: 'error', warning: 'warning', info: 'info', tables: 'tables found', none: 'No findings.', summary: (e: number, w: number, i: number) => `${e} error(s), ${w} warning(s), ${i} info`, kinds: { progress: 'progress', summary: 'summary', budget: 'budget', 'overall-score': 'overall score' } as Record<string, string>, notRead: 'could not be read', skipped: 'skipped', note: 'note' },
};

/** Characters that reorder the text around them as it is shown: marks, embeddings, overrides and isolates. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text with its bidirectional control characters shown as their codes (`<U+202E>`): a name holding U+202E, the
 * right-to-left override, shows `評価書\u202Exslx.exe` as `評価書exe.xlsx`, so a reviewer would be shown a name other
 * than the file's. The terminal and the HTML report show them so; the JSON keeps the text as it is.
 */
export function visibleBidi(s: string): string {
  return s.replace(BIDI, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * Text from a file's name or a workbook, as the terminal shows it and never obeys: an escape sequence in a file name
 * (`evil\x1b[2J.xlsx`) or a cell would otherwise clear the screen or retitle the window. A line break shows as ⏎,
 * keeping each finding on its line; other control characters show as ?, and those that reorder text as `<U+202E>`.
 */
export function terminalText(s: string): string {
  return visibleBidi(s).replace(/\r?\n|\r/g, '⏎').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

export function formatText(files: FileReport[], lang: Lang, color: boolean): string {
  const w = WORDS[lang];
  const t = terminalText;
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const sev = { error: (s: string) => paint('31;1', s), warning: (s: string) => paint('33', s), info: (s: string) => paint('36', s) };
  const out: string[] = [];
  for (const f of files) {
    out.push(paint('1', t(f.file)));
    if ('error' in f) {
      out.push(`  ${sev.error(w.notRead)}: ${t(f.error)}`);
      out.push('');
      continue;
    }
    const tables = f.tables.map((x) => `${w.kinds[x.kind] ?? x.kind} ${t(x.sheet)}!${x.range}`);
    out.push(`  ${w.tables}: ${tables.length > 0 ? tables.join(', ') : '-'}`);
    const sheets = [...new Set(f.findings.map((x) => x.sheet))];
    for (const sheet of sheets) {
      out.push(`  [${t(sheet)}]`);
      for (const x of f.findings.filter((y) => y.sheet === sheet)) {
        const label = sev[x.severity](w[x.severity].padEnd(lang === 'ja' ? 3 : 7));
        out.push(`    ${x.cell.padEnd(6)} ${label} ${x.rule}: ${t(x.message)}`);
      }
    }
    for (const s of f.skipped ?? []) {
      const fault = describeFault(s.reason, lang);
      out.push(`  ${fault.checked ? w.note : w.skipped}: ${t(s.sheet)}${s.cell ? `!${s.cell}` : ''} — ${t(fault.text)}`);
    }
    const count = (s: string) => f.findings.filter((x) => x.severity === s).length;
    out.push(`  ${f.findings.length === 0 ? w.none : w.summary(count('error'), count('warning'), count('info'))}`);
    out.push('');
  }
  return out.join('\n');
}
