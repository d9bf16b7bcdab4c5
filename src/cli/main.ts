/** The `hyoka` command line: `hyoka check FILE…` and `hyoka fix FILE -o OUT`. */
import { open, readdir, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { checkWorkbook } from '../engine/check.js';
import { changedPart } from '../engine/fix.js';
import type { Lang } from '../engine/messages/index.js';
import { buildReport, reportJsonSchema, type FileReport } from '../engine/report.js';
import { DEFAULT_LIMITS } from '../io/xlsx/limits.js';
import { readXlsx } from '../io/xlsx/read.js';
import { resultText, settledRecalculation, type SettledPlan, type SettleOptions } from '../io/xlsx/settle.js';
import { isWorkbookExtension, patchXlsx, requiredExtension, SKIP_REASONS, type PatchResult } from '../io/xlsx/write.js';
import { describeError, fileSystemReason, readInput } from './check-file.js';
import { formatText, terminalText } from './format.js';
import { notCheckedLabel, renderHtmlReport } from './html.js';
import { checkFiles, jobsFor } from './pool.js';
import { progressBar } from './progress.js';

const USAGE = {
  ja: `使い方:
  hyoka check FILE.xlsx|DIR… [--json] [--report OUT.html] [--jobs N] [--lang ja|en] [--max-cells N] [--max-bytes N]
  hyoka fix FILE.xlsx -o OUT.xlsx [--formulas] [--lang ja|en]
  hyoka schema            レポート JSON のスキーマを出力
フォルダを指定すると、その中の .xlsx・.xlsm をすべて(サブフォルダも)検査します。\n.xls・.xlsb・.csv・.ods は読めない理由を示し、それ以外のファイルは検査しなかったことを示します。
  --report OUT.html  全ファイルの件数と指摘を一覧する HTML を書き出す
  --jobs N           同時に検査するファイル数(既定: CPU コア数 ÷ 1.5、最低 1。多くても CPU コア数)
終了コード: 0 エラーなし / 1 エラーあり / 2 読めないファイルまたは引数の誤り`,
  en: `Usage:
  hyoka check FILE.xlsx|DIR… [--json] [--report OUT.html] [--jobs N] [--lang ja|en] [--max-cells N] [--max-bytes N]
  hyoka fix FILE.xlsx -o OUT.xlsx [--formulas] [--lang ja|en]
  hyoka schema            print the JSON Schema of the report
A folder stands for every .xlsx and .xlsm file in it and in its subfolders; .xls, .xlsb,\n.csv and .ods files get the reason they cannot be read, other files are listed as not checked.
  --report OUT.html  write one HTML page listing every file's counts and findings
  --jobs N           files checked at once (default: CPU cores ÷ 1.5, at least 1; at most the cores)
Exit: 0 no error finding / 1 some error / 2 a file could not be read or wrong arguments`,
};

class UsageError extends Error {}

/** A value each option that takes one may have, for the message saying it has none. */
const EXAMPLE_VALUES: Record<string, string> = {
  '--jobs': '2',
  '--max-cells': '5000000',
  '--max-bytes': '104857600',
  '--report': 'report.html',
  '--lang': 'en',
  '-o': 'out.xlsx',
  '--output': 'out.xlsx',
};

/** What is wrong with the arguments, in the user's language, saying what to write instead. */
const WRONG = {
  lang: (v: string) => ({ ja: `--lang には ja か en を指定してください(指定: ${v})。`, en: `--lang takes ja or en (given: ${v}).` }),
  positive: (name: string, v: string) => ({ ja: `${name} には 1 以上の整数を指定してください(指定: ${v})。`, en: `${name} takes a positive whole number (given: ${v}).` }),
  unknownOption: (name: string) => ({ ja: `不明なオプションです: ${name}`, en: `unknown option: ${name}` }),
  missingValue: (name: string) => {
    const example = `${name} ${EXAMPLE_VALUES[name] ?? '…'}`;
    return { ja: `${name} の後に値を続けてください(例: ${example})。`, en: `${name} needs a value after it (e.g. ${example}).` };
  },
  noValue: (name: string) => ({ ja: `${name} は値をとりません(${name} だけを書いてください)。`, en: `${name} takes no value (write ${name} alone).` }),
  unknownCommand: (c: string) => ({ ja: `不明なコマンドです: ${c}(check・fix・schema のいずれかです)。`, en: `unknown command: ${c} (check, fix or schema).` }),
  noCommand: { ja: 'コマンドを指定してください(check・fix・schema)。', en: 'name a command: check, fix or schema.' },
  report: { ja: '--report には書き出す HTML ファイルの名前を指定してください(例: --report report.html)。', en: '--report needs the name of the HTML file to write (e.g. --report report.html).' },
};

/**
 * The language asked for, as far as arguments that may be wrong tell (`--lang en`, `--lang=en`): the language of the
 * message saying what is wrong with them.
 */
function askedLang(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'en') || argv.includes('--lang=en') ? 'en' : 'ja';
}

/**
 * Node's own words for arguments it cannot parse (English only, naming its API: `argument is ambiguous`) as Hyoka's, in
 * the user's language.
 */
function parseArgsMessage(e: Error & { code?: string }, lang: Lang): string {
  // `Option '--jobs <value>' argument missing`, `Option '-o, --output <value>' …`, `Unknown option '--bogus'`.
  const name = /'(-{1,2}[^' ,]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return WRONG.unknownOption(name)[lang];
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return (/does not take an argument/.test(e.message) ? WRONG.noValue(name) : WRONG.missingValue(name))[lang];
  return e.message;
}

/**
 * A negative number after an option that takes one (`--jobs -1`) is its value, as `--jobs=-1` would be, so that the
 * message says what is wrong with it rather than that the option has no value.
 */
function negativesJoined(args: string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (valued.includes(args[i]) && /^-\d/.test(args[i + 1] ?? '')) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

function langOf(v: unknown): Lang {
  if (v === undefined) return 'ja';
  if (v === 'ja' || v === 'en') return v;
  // Which language the user reads is what is wrong: both.
  const m = WRONG.lang(String(v));
  throw new UsageError(`${m.ja} / ${m.en}`);
}

function positiveInt(name: string, v: unknown, lang: Lang): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(WRONG.positive(name, String(v))[lang]);
  return n;
}

/**
 * What a folder holds that is checked: workbooks (.xlsx, .xlsm) and the spreadsheet files a
 * submission might come as instead (.xls, .xlsb, .csv, .ods), which get their one-line reason
 * (e.g. "an old .xls file; save it as .xlsx") rather than being passed over unseen.
 */
const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|csv|ods)$/i;

export interface ExpandedPaths {
  /** Files named, and the spreadsheet files under folders named (recursively), in a stable order. */
  files: string[];
  /** Other files under the folders named (documents, images…, named pipes and devices), and links to folders there (not followed, written `link/`): listed, not checked. */
  ignored: string[];
  /** Folders under those named that could not be listed (no permission), with why: each is reported as unreadable. */
  unlisted: { path: string; cause: unknown }[];
  /** Folders named that hold no spreadsheet file at all (a wrong or mistyped folder, most likely): said on stderr. */
  empty: string[];
}

/**
 * Every file under a folder, its subfolders' too, in a sorted order. One folder that cannot be listed costs only its own
 * files (it is returned in `unlisted`), not the run. A link to a file is taken as the file. In `others`, listed and
 * never read: a link to a folder, as `link/` (not entered: it may lead back up the tree, or anywhere on the disk), and a
 * named pipe or a device, whatever its name (reading one may wait forever or never end).
 */
async function listFolder(root: string, unlisted: ExpandedPaths['unlisted']): Promise<{ found: string[]; others: string[] }> {
  const found: string[] = [];
  const others: string[] = [];
  const walk = async (dir: string) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (cause) {
      unlisted.push({ path: dir, cause });
      return;
    }
    for (const e of entries) {
      // Excel's lock files (~$name.xlsx) and hidden files (.DS_Store) are no one's submission.
      if (e.name.startsWith('~$') || e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile()) found.push(path);
      else if (e.isSymbolicLink()) {
        // A link that leads nowhere is taken as a file: checked, it says it is not found.
        const target = await stat(path).catch(() => undefined);
        if (!target || target.isFile()) found.push(path);
        else if (target.isDirectory()) others.push(`${path}${sep}`);
        else others.push(path);
      } else others.push(path);
    }
  };
  await walk(root);
  return { found: found.sort(), others: others.sort() };
}

export async function expandPaths(paths: string[]): Promise<ExpandedPaths> {
  const files: string[] = [];
  const ignored: string[] = [];
  const unlisted: ExpandedPaths['unlisted'] = [];
  const empty: string[] = [];
  // A file named twice (as a path and again inside a folder named, under two spellings, or through a link) is checked
  // once, under the name it was first given.
  const seen = new Set<string>();
  const add = async (list: string[], f: string) => {
    const key = await realpath(f).catch(() => resolve(f));
    if (seen.has(key)) return;
    seen.add(key);
    list.push(f);
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      await add(files, p);
      continue;
    }
    const before = unlisted.length;
    const { found, others } = await listFolder(p, unlisted);
    // A folder some of whose subfolders could not be listed may hold workbooks there: it is not said to hold none.
    if (!found.some((f) => SPREADSHEET.test(f)) && unlisted.length === before) empty.push(p);
    for (const f of found) await add(SPREADSHEET.test(f) ? files : ignored, f);
    for (const f of others) await add(ignored, f);
  }
  return { files, ignored, unlisted, empty };
}

/**
 * Whether the HTML report can be written where `--report` says, found out before the files are checked rather than
 * after (a typo in its folder would otherwise cost the whole run). A file there is opened for writing without being
 * emptied; where there is none, one is made and removed again. Undefined when it can be written, else why not.
 */
async function reportUnwritable(path: string, lang: Lang): Promise<string | undefined> {
  try {
    try {
      await (await open(path, 'r+')).close();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      await (await open(path, 'wx')).close();
      await unlink(path);
    }
    return undefined;
  } catch (e) {
    return reportError(e, lang);
  }
}

/** Why the HTML report could not be written: said of the report, never of a workbook. */
function reportError(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return lang === 'ja' ? 'レポートを書き出すフォルダがありません。パスを確認してください。' : 'the folder to write the report in does not exist; check the path.';
  if (code === 'EISDIR') return lang === 'ja' ? 'フォルダです。レポートのファイル名を指定してください。' : 'a folder; name the report file.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return lang === 'ja' ? 'レポートを書き込む権限がありません。' : 'no permission to write the report there.';
  const why = e instanceof Error ? e.message : String(e);
  return lang === 'ja' ? `レポートを書き出せませんでした (${why})` : `the report could not be written (${why})`;
}

/** Why a folder's files could not be listed: said of the folder, never of a workbook. */
function folderError(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return lang === 'ja' ? 'フォルダの中を見る権限がないため、その中のファイルは検査していません。' : 'no permission to list this folder: the files in it were not checked.';
  if (code === 'ENAMETOOLONG') {
    return lang === 'ja'
      ? 'パスが長すぎてフォルダの中を見られないため、その中のファイルは検査していません。浅い(名前の短い)フォルダにコピーしてから検査してください。'
      : 'the path is too long to list this folder: the files in it were not checked; copy them to a folder nearer the top (with shorter names) and check them there.';
  }
  const why = fileSystemReason(code, lang) ?? (e instanceof Error ? e.message : String(e));
  return lang === 'ja' ? `フォルダの中を読めないため、その中のファイルは検査していません (${why})` : `this folder could not be listed: the files in it were not checked (${why})`;
}

function ignoredLine(ignored: string[], lang: Lang): string {
  const shown = ignored.slice(0, 5).map(terminalText).join(', ') + (ignored.length > 5 ? ', …' : '');
  return `${notCheckedLabel(ignored.length, lang)} ${shown}`;
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: negativesJoined(args, ['--jobs', '--max-cells', '--max-bytes']),
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      report: { type: 'string' },
      jobs: { type: 'string' },
      'max-cells': { type: 'string' },
      'max-bytes': { type: 'string' },
    },
  });
  const lang = langOf(values.lang);
  if (positionals.length === 0) throw new UsageError(lang === 'ja' ? 'ファイルを指定してください。' : 'name at least one file.');
  const maxCells = positiveInt('--max-cells', values['max-cells'], lang);
  const maxBytes = positiveInt('--max-bytes', values['max-bytes'], lang);
  const jobs = jobsFor(positiveInt('--jobs', values.jobs, lang));
  if (values.report === '') throw new UsageError(WRONG.report[lang]);
  const limits = { ...(maxCells ? { maxCells } : {}), ...(maxBytes ? { maxBytes } : {}) };
  const expanded = await expandPaths(positionals);
  const { files, unlisted, empty } = expanded;
  // The report of an earlier run, written into the folder checked (`hyoka check . --report report.html`), is no
  // submission: it is not listed among the files not checked.
  const ignored = values.report ? expanded.ignored.filter((f) => resolve(f) !== resolve(values.report!)) : expanded.ignored;
  if (files.length === 0 && unlisted.length === 0) throw new UsageError(lang === 'ja' ? `.xlsx ファイルが見つかりません: ${positionals.join(' ')}` : `no .xlsx file in ${positionals.join(' ')}`);
  if (values.report) {
    // The report never takes the place of a file it reports on.
    const report = resolve(values.report);
    const why = files.some((f) => resolve(f) === report)
      ? lang === 'ja'
        ? '検査するファイルです。上書きしないため、別のレポートのファイル名を指定してください。'
        : 'a file being checked, which is never overwritten; choose another name for the report.'
      : // A workbook's name (a slip for the file to check, or for a workbook elsewhere) would lose that workbook to the page.
        SPREADSHEET.test(values.report)
        ? lang === 'ja'
          ? 'レポートは HTML のページです。表計算のファイルの名前には書き出さないため、.html の名前を指定してください(例: --report report.html)。'
          : 'the report is an HTML page, never written under a spreadsheet name; name it .html (e.g. --report report.html).'
        : await reportUnwritable(values.report, lang);
    if (why) {
      process.stderr.write(`hyoka: --report ${values.report}: ${why}\n`);
      return 2;
    }
  }
  const bar = files.length > 1 ? progressBar(process.stderr) : undefined;
  for (const folder of empty.map(terminalText)) process.stderr.write(lang === 'ja' ? `hyoka: ${folder}: 検査する .xlsx ファイルがありません。\n` : `hyoka: ${folder}: no .xlsx file to check in this folder.\n`);
  // Ctrl-C midway at a terminal: the bar's line is cleared rather than left for the prompt to follow, and the reviewer is
  // told how far the check went and that nothing was written (the report is written only once every file is checked).
  // The files are then checked on a worker thread, --jobs 1 too, so that this thread answers at once; without the bar
  // (a pipe, a single file) Ctrl-C ends the command as it always does, there being no line to clear.
  let done = 0;
  const interrupted = () => {
    bar?.end();
    // The line is cleared whether or not the bar was drawn yet: the terminal's own `^C` goes too.
    process.stderr.write(
      lang === 'ja'
        ? `\r\x1b[2Khyoka: 中断しました(${files.length} 件中 ${done} 件を検査済み)。結果${values.report ? 'もレポートも' : 'は'}出力していません。\n`
        : `\r\x1b[2Khyoka: interrupted after checking ${done} of ${files.length} file(s); no results${values.report ? ' and no report were' : ' were'} written.\n`,
    );
    process.exit(130);
  };
  if (bar) process.once('SIGINT', interrupted);
  let checked: FileReport[];
  try {
    checked = await checkFiles(files, { lang, limits }, jobs, (n, total, file) => {
      done = n;
      bar?.update(n, total, file);
    }, !!bar);
  } finally {
    process.off('SIGINT', interrupted);
  }
  bar?.end();
  const reports: FileReport[] = [...checked, ...unlisted.map(({ path, cause }) => ({ file: path, error: folderError(cause, lang) }))];
  if (values.report) {
    try {
      await writeFile(values.report, renderHtmlReport(reports, { lang, generated: new Date(), ignored }));
    } catch (e) {
      process.stderr.write(`hyoka: --report ${values.report}: ${reportError(e, lang)}\n`);
      emit(reports, lang, !!values.json, ignored);
      return 2;
    }
  }
  return emit(reports, lang, !!values.json, ignored);
}

export function emit(reports: FileReport[], lang: Lang, json: boolean, ignored: string[] = []): number {
  if (json) process.stdout.write(`${JSON.stringify(buildReport(reports, ignored), null, 2)}\n`);
  else process.stdout.write(formatText(reports, lang, !!process.stdout.isTTY && !process.env.NO_COLOR));
  for (const r of reports) if ('error' in r) process.stderr.write(`hyoka: ${terminalText(r.file)}: ${terminalText(r.error)}\n`);
  if (ignored.length > 0) process.stderr.write(`hyoka: ${ignoredLine(ignored, lang)}\n`);
  if (reports.some((r) => 'error' in r)) return 2;
  return reports.some((r) => 'findings' in r && r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/**
 * A workbook's recalculation, read, checked, planned and followed through its formulas. Only the plan comes back: the
 * grid and the model are left behind, so that writing the package runs on a small heap (at 3 million cells the
 * collector otherwise spends seconds going over them).
 */
async function planFix(bytes: Uint8Array, options: SettleOptions): Promise<SettledPlan> {
  const workbook = await readXlsx(bytes);
  return settledRecalculation(workbook, checkWorkbook(workbook).model, options);
}

/**
 * The recalculation written into the package. A write the file takes not (into the first cell of a shared formula, a
 * cell inside an array formula's range or a merged area) is left out and the plan made again without it: a summary
 * restating that cell is left as it is, and no formula is kept, replaced or given a new result for a write never made
 * (a formula kept there, its result saved, is no write). Such cells are rare: the package is planned and written a
 * second time only when some are found. A protected sheet's locked cells stay in the plan: they stop the whole
 * recalculation.
 */
async function fixPackage(bytes: Uint8Array, options: SettleOptions): Promise<{ plan: SettledPlan; patched: PatchResult; skipped: PatchResult['skipped'] }> {
  const plan = await planFix(bytes, options);
  const patched = writeFixed(bytes, plan);
  const refused = patched.skipped.filter((s) => s.code !== 'protected');
  if (refused.length === 0 || refused.length < patched.skipped.length) return { plan, patched, skipped: patched.skipped };
  const without = await planFix(bytes, { ...options, unwritable: new Set(refused.map((s) => `${s.sheet}!${s.address}`)) });
  const again = writeFixed(bytes, without);
  return { plan: without, patched: again, skipped: [...refused, ...again.skipped] };
}

/** The fixed package as the command line writes it: Node's zlib deflates the edited parts (several times faster than fflate). */
export function writeFixed(bytes: Uint8Array, plan: SettledPlan): PatchResult {
  return patchXlsx(bytes, plan.writes, { ...plan, deflate: (data) => deflateRawSync(data, { level: 6 }) });
}

async function runFix(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, formulas: { type: 'boolean' }, lang: { type: 'string' } },
  });
  const lang = langOf(values.lang);
  if (positionals.length !== 1 || !values.output) throw new UsageError(lang === 'ja' ? '入力ファイル 1 つと -o 出力ファイルを指定してください。' : 'name one input file and -o OUT.xlsx.');
  const input = positionals[0];
  const output = values.output;
  if (resolve(input) === resolve(output)) throw new UsageError(lang === 'ja' ? '入力ファイルは上書きしません。別の出力ファイル名を指定してください。' : 'the input is never overwritten; choose another output name.');
  let bytes: Uint8Array;
  try {
    bytes = await readInput(input, DEFAULT_LIMITS.maxBytes);
    // Excel opens a package only under the extension its content type names: a macro-enabled workbook written as .xlsx
    // (or a plain one as .xlsm) would not open at all.
    const required = requiredExtension(bytes);
    const given = extname(output).toLowerCase();
    if (required && isWorkbookExtension(given) && given !== required) {
      process.stderr.write(
        lang === 'ja'
          ? `hyoka: ${terminalText(input)}: このブックは ${required} の形式です。Excel は ${given} の名前では開けないため、何も書き出しませんでした。出力ファイル名を ${required} にしてください。\n`
          : `hyoka: ${terminalText(input)}: nothing was written: Excel opens this workbook only as ${required}, not under a ${given} name. Name the output ${required}.\n`,
      );
      return 2;
    }
    const { plan, patched, skipped } = await fixPackage(bytes, { formulas: !!values.formulas });
    // A protected sheet takes no recalculation at all, as in Excel: nothing is written rather than a part.
    const locked = patched.skipped.filter((s) => s.code === 'protected');
    if (locked.length > 0) {
      const sheets = [...new Set(locked.map((s) => s.sheet))];
      const cells = locked.map((s) => `${s.sheet}!${s.address}`).join(', ');
      process.stderr.write(
        terminalText(
          lang === 'ja'
            ? `hyoka: ${input}: シート${sheets.map((n) => `「${n}」`).join('')}が保護されているため、何も書き出しませんでした(ロックされたセル: ${cells})。Excel で [校閲] → [シート保護の解除] をして保存してから、もう一度実行してください。`
            : `hyoka: ${input}: nothing was written: ${sheets.length > 1 ? 'sheets' : 'sheet'} ${sheets.map((n) => `"${n}"`).join(', ')} ${sheets.length > 1 ? 'are' : 'is'} protected (locked cells: ${cells}). Unprotect ${sheets.length > 1 ? 'them' : 'it'} in Excel (Review → Unprotect Sheet), save, and run again.`,
        ) + '\n',
      );
      return 2;
    }
    await writeFile(output, patched.bytes);
    const made = plan.writes.filter((w) => !patched.skipped.some((s) => s.sheet === w.sheet && s.address === w.address));
    // Every line names sheets, cells or files as the workbook writes them: shown as the terminal never obeys (terminalText).
    const say = (ja: string, en: string) => process.stdout.write(`${terminalText(lang === 'ja' ? ja : en)}\n`);
    say(`${output} に書き出しました(${made.length} セルを再計算)。`, `Wrote ${output} (${made.length} cell(s) recalculated).`);
    // A line break inside a cell's text shows as ⏎, so that each change stays on a line of its own (and control
    // characters as the terminal never obeys them, see terminalText).
    const oneLine = terminalText;
    for (const w of made) {
      // A formula replaced by a value (its result disagrees, and still does with the other writes made) says so.
      const replaced = w.before.formula !== undefined && w.formula !== w.before.formula ? (lang === 'ja' ? `(数式 =${w.before.formula} を置き換え)` : `(replaces the formula =${w.before.formula})`) : '';
      const after = replaced ? ` ${replaced}` : '';
      if (typeof w.before.value === 'string' && typeof w.value === 'string' && !w.formula) {
        const part = changedPart(w.before.value, w.value);
        process.stdout.write(`${oneLine(`  ${w.sheet}!${w.address}: ${part.before} → ${part.after}${after}`)}\n`);
        continue;
      }
      const was = w.before.value === null ? (lang === 'ja' ? '空欄' : 'blank') : String(w.before.value);
      process.stdout.write(`${oneLine(`  ${w.sheet}!${w.address}: ${was} → ${w.formula ? `=${w.formula} (${w.value})` : w.value}${after}`)}\n`);
    }
    for (const k of plan.keptFormulas) {
      const result = resultText(k.result);
      say(`  ${k.sheet}!${k.address}: 数式 =${k.before.formula} のまま(ほかのセルの書き直しで ${result} になります)`, `  ${k.sheet}!${k.address}: formula =${k.before.formula} kept (gives ${result} with the other cells rewritten)`);
    }
    if (plan.refreshed.length > 0) {
      const cells = plan.refreshed.map((f) => `${f.sheet}!${f.address}`).join(', ');
      say(`書き直したセルを参照する数式の保存済みの結果を更新しました: ${cells}`, `Saved results updated for formulas referring to rewritten cells: ${cells}`);
    }
    const charts = patched.caches?.charts.length ?? 0;
    if (charts > 0) say(`書き直したセルを表すグラフ ${charts} 個の保存済みの値を更新しました。`, `Updated the saved values of ${charts} chart(s) showing rewritten cells.`);
    const pivots = patched.caches?.pivots.length ?? 0;
    if (pivots > 0) say(`書き直したセルを含むピボットテーブルのキャッシュ ${pivots} 個を、開くときに更新するよう設定しました。`, `${pivots} pivot table cache(s) over rewritten cells will be refreshed when the workbook is opened.`);
    if (plan.recalcOnOpen) {
      say('Hyoka が計算できない数式があるため、Excel で開いたときにすべての数式を再計算するよう設定しました。', 'The workbook asks Excel to recalculate every formula on opening: some formulas are ones Hyoka cannot work out.');
    }
    if (plan.valuesInsteadOfFormulas.length > 0) {
      say(
        `数式ではなく値を書いたセル(目標値か実績値が数値でなく文字(単位付きなど)の進捗度、文字で書かれた進捗度の行、評価指標の加重平均、評価指標の記載の進捗度): ${plan.valuesInsteadOfFormulas.join(', ')}`,
        `Values instead of formulas (a progress whose target or actual is text, not a number (with a unit, say), a row of progress written as text, an indicator's weighted mean, a summary's progress): ${plan.valuesInsteadOfFormulas.join(', ')}`,
      );
    }
    if (plan.marksKept.length > 0) {
      say(
        `記号が進捗度と合わないまま残したセル(達成を表す ○ を 100% 未満に、または未達成を表す ×・△ を 100% 以上に。ブックにもう一方の記号の使い方が見当たらないため変えていません。確認してください): ${plan.marksKept.join(', ')}`,
        `Marks kept though they say the opposite of the progress written (○ for reached under 100 %, or × / △ for not reached at 100 % or more; the workbook shows no mark of its own for that case, so check them): ${plan.marksKept.join(', ')}`,
      );
    }
    for (const s of skipped) say(`書き込まなかったセル ${s.sheet}!${s.address}: ${SKIP_REASONS[s.code].ja}`, `Not written ${s.sheet}!${s.address}: ${SKIP_REASONS[s.code].en}`);
    return 0;
  } catch (e) {
    process.stderr.write(`hyoka: ${terminalText(input)}: ${describeError(e, lang)}\n`);
    return 2;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const lang = askedLang(argv);
  try {
    if (command === 'check') return await runCheck(rest);
    if (command === 'fix') return await runFix(rest);
    if (command === 'schema') {
      process.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE[lang]}\n`);
      return 0;
    }
    throw new UsageError(command ? WRONG.unknownCommand(command)[lang] : WRONG.noCommand[lang]);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`hyoka: ${e.message}\n${USAGE[lang]}\n`);
      return 2;
    }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`hyoka: ${parseArgsMessage(e as Error, lang)}\n${USAGE[lang]}\n`);
      return 2;
    }
    process.stderr.write(`hyoka: ${describeError(e, lang)}\n`);
    return 2;
  }
}
