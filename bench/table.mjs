// The figures of bench/results.json as Markdown (Japanese or English), for the README and for the
// benchmark's own summary at the end of a run.
// Usage: node bench/table.mjs ja|en [--from FILE]  prints them (from FILE: a partial run's results)
//        node bench/table.mjs --write              puts both into README.md between its <!-- bench:ja --> / <!-- bench:en --> markers
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const from = args.includes('--from') ? resolve(args[args.indexOf('--from') + 1]) : new URL('./results.json', import.meta.url);
const r = JSON.parse(readFileSync(from, 'utf8'));

function figures(lang) {
const n = (v) => Number(v).toLocaleString('en-US');
const H = {
  ja: ['セル数', 'ファイル (MB)', '読み取り (ms)', 'エンジン (ms)', 'エンジン ÷ 読み取り', 'エンジン (ns/セル)', 'hyoka check 全体 (ms)', '最大メモリ (MB)', 'hyoka fix の計画と書き出し (ms, 書くセル数)', '参考: exceljs の読み取り (ms)'],
  en: ['cells', 'file (MB)', 'read (ms)', 'engine (ms)', 'engine ÷ read', 'engine (ns/cell)', 'whole hyoka check (ms)', 'peak RSS (MB)', 'hyoka fix: plan and write (ms, cells written)', 'for reference: exceljs read (ms)'],
}[lang];
const rows = [`| ${H.join(' | ')} |`, `|${H.map(() => '---:').join('|')}|`];
const fixOf = (c) => (c.fixMs == null ? '-' : `${n(c.fixMs)} (${n(c.fixWrites)})`);
for (const c of r.cases) rows.push(`| ${[n(c.cells), c.fileMb, n(c.readMs), n(c.engineMs), c.engineToRead, n(c.engineNsPerCell), n(c.totalMs), n(c.peakRssMb), fixOf(c), c.exceljsReadMs == null ? '-' : n(c.exceljsReadMs)].join(' | ')} |`);
const b = r.batch;
const load = r.machine.loadAverage ? ` (load ${r.machine.loadAverage.start} → ${r.machine.loadAverage.end})` : '';
// A partial run (--no-lo) has no LibreOffice figures, nor the targets that need them or a size it left out.
const lo = typeof b?.libreOfficeMs === 'number';
const batch = b
  ? lang === 'ja'
    ? `フォルダ ${b.files} 冊: hyoka check ${n(b.hyokaMs)} ms(既定の --jobs ${b.jobs}; --jobs ${b.otherJobs} では ${n(b.hyokaOtherJobsMs)} ms)` +
      (lo ? `、LibreOffice で 1 冊ずつ開くと ${n(b.libreOfficeMs)} ms(${b.libreOfficeFilesMeasured} 冊を測定)、比 ${b.libreOfficeToHyoka} 倍。` : '。')
    : `A folder of ${b.files} workbooks: hyoka check ${n(b.hyokaMs)} ms (default --jobs ${b.jobs}; ${n(b.hyokaOtherJobsMs)} ms with --jobs ${b.otherJobs})` +
      (lo ? `; opening them one by one in LibreOffice ${n(b.libreOfficeMs)} ms (${b.libreOfficeFilesMeasured} measured), ${b.libreOfficeToHyoka}× longer.` : '.')
  : '';
const t = r.targets;
const yes = (v) => (v === null ? (lang === 'ja' ? '未測定' : 'not measured') : v ? (lang === 'ja' ? '達成' : 'met') : lang === 'ja' ? '未達' : 'not met');
const ratio = t.engineNsPerCellLargestOver100k === null ? '' : lang === 'ja' ? `(比 ${t.engineNsPerCellLargestOver100k})` : ` (ratio ${t.engineNsPerCellLargestOver100k})`;
const targets =
  lang === 'ja'
    ? `目標: エンジン ≤ 読み取りの 1/4 — ${yes(t.engineAtMostQuarterOfRead)}; 最大サイズの ns/セル ≤ 10 万セルの 1.5 倍 — ${yes(t.engineLinear)}${ratio}; 300 万セルで 2 GiB 未満 — ${yes(t.peakRssUnder2GiB)}; LibreOffice より速い — ${yes(t.batchFasterThanLibreOffice)}。`
    : `Targets: engine ≤ ¼ of read — ${yes(t.engineAtMostQuarterOfRead)}; ns/cell at the largest size ≤ 1.5× that at 100k — ${yes(t.engineLinear)}${ratio}; under 2 GiB at 3M cells — ${yes(t.peakRssUnder2GiB)}; faster than LibreOffice — ${yes(t.batchFasterThanLibreOffice)}.`;
const when = lang === 'ja' ? `測定 ${r.generated.slice(0, 10)}、${r.machine.cpus} コア ${r.machine.cpu}、Node ${r.machine.node}${load}。` : `Measured ${r.generated.slice(0, 10)} on ${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}${load}.`;
return [rows.join('\n'), '', batch, '', targets, '', when].join('\n');
}

if (args[0] === '--write') {
  const readme = new URL('../README.md', import.meta.url);
  let text = readFileSync(readme, 'utf8');
  for (const lang of ['ja', 'en']) {
    const re = new RegExp(`(<!-- bench:${lang} -->)[\\s\\S]*?(<!-- /bench:${lang} -->)`);
    if (!re.test(text)) throw new Error(`README.md has no <!-- bench:${lang} --> block`);
    text = text.replace(re, (_, open, close) => `${open}\n${figures(lang)}\n${close}`);
  }
  writeFileSync(readme, text);
} else {
  console.log(figures(args[0] === 'en' ? 'en' : 'ja'));
}
