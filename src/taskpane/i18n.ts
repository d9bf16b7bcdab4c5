/**
 * Every word the pane shows, in Japanese and English. Findings themselves are worded by the
 * engine (formatFinding); this file holds the pane's own labels, notices and error texts.
 */
import type { RuleId, Severity, Table, TargetMode } from '../engine/index.js';
import type { HostErrorCode } from '../io/host.js';

export type Lang = 'ja' | 'en';

type TableKind = Table['kind'] | 'other';
type ModeSource = 'cumulative-label' | 'running-total-label' | 'running-total-values' | 'goal-year' | 'stock-label' | 'default' | 'override';

export interface Strings {
  appTitle: string;
  appSubtitle: string;
  switchLanguage: string;
  switchLanguageLabel: string;

  check: string;
  recalculate: string;
  undo: string;
  highlight: string;
  unhighlight: string;
  exportReport: string;
  download: string;
  reviewMode: string;
  reviewModeHint: string;
  formulas: string;
  formulasHint: string;
  liveCheck: string;

  dropTitle: string;
  dropHint: string;
  chooseFile: string;
  openOther: string;
  openSample: string;
  privacy: string;
  fileLabel: (name: string) => string;
  readFailed: (why: string) => string;
  sampleFailed: (status: string) => string;

  severity: Record<Severity, string>;
  severityFilter: string;
  ruleFilter: string;
  allRules: string;
  /** Each rule's short name, in the rule menu and beside the rule's id on each finding. */
  ruleName: Record<RuleId, string>;
  showing: (shown: number, total: number) => string;
  noFindings: string;
  noFindingsFiltered: string;
  notChecked: string;
  notCheckedStandalone: string;
  calcLabel: string;
  marked: string;
  selectedCell: (address: string) => string;
  /** A finding's cell on a hidden sheet, which Excel cannot select. */
  hiddenSheetCell: (cell: string, sheet: string) => string;
  checkedAt: (time: string) => string;

  tabFindings: string;
  tabTables: string;
  tabChanges: string;
  tableKind: Record<TableKind, string>;

  year: string;
  target: string;
  actual: string;
  statedProgress: string;
  computedProgress: string;
  mode: string;
  modeName: Record<TargetMode, string>;
  modeSource: Record<ModeSource, string>;
  modeOverridden: string;
  noTargets: string;
  /** Heading of what the reading passed over or noted (a hidden sheet, a table without years). */
  readNotes: string;
  /** `1-①` → `数値目標(1)-①` / `target (1)-①`. */
  targetName: (display: string) => string;
  /** `1` → `評価指標(1)` / `indicator (1)`. */
  indicatorName: (indicator: string) => string;
  chartTitle: (label: string) => string;
  noChartData: string;
  zeroTarget: string;
  withinPrecision: string;
  mismatch: string;
  missingProgress: string;
  unitLabel: (unit: string) => string;

  changesTitle: string;
  noChanges: string;
  blank: string;
  valuesInstead: string;
  marksKept: string;
  formulasKept: string;
  formulasRefreshed: string;
  recalcOnOpen: string;
  changeReason: Record<'mismatch' | 'missing', string>;

  checked: (n: number) => string;
  checkedNone: string;
  /** A check that found no table at all: nothing was checked, which is not "no findings". */
  noTablesFound: string;
  recalculated: (n: number) => string;
  recalculatedValuesInstead: (n: number) => string;
  recalculatedFormulasKept: (n: number) => string;
  nothingToRecalculate: string;
  confirmTitle: string;
  confirmIntro: (n: number) => string;
  confirmMore: (n: number) => string;
  confirmWrite: string;
  cancel: string;
  /** Excel's own undo takes the write back in one step (ExcelApi 1.20). */
  undoInExcel: string;
  /** It does not: only the pane's undo, while the pane stays open. */
  noUndoInExcel: string;
  /** The standalone page: the file itself is not changed. */
  undoStandalone: string;
  undone: (n: number) => string;
  nothingToUndo: string;
  highlighted: (n: number) => string;
  highlightedInList: (n: number) => string;
  unhighlighted: string;
  /** Cells left unmarked because their sheet is protected. */
  highlightSkipped: (n: number, sheets: string) => string;
  nothingToHighlight: string;
  exported: (file: string) => string;
  exportedToSheet: (sheet: string) => string;
  exportSheetFailed: (why: string) => string;
  downloaded: (file: string) => string;
  hostError: Record<HostErrorCode, string>;
  unexpected: (detail: string) => string;
  notExcel: string;
  dismiss: string;

  csvHeader: string[];
}

/** `1-①` → `(1)-①`, `2` → `(2)`: how the reports write a target's id. */
function idInParens(display: string): string {
  const [indicator, sub] = display.split('-');
  return `(${indicator})${sub ? `-${sub}` : ''}`;
}

const ja: Strings = {
  appTitle: 'Hyoka 評価書チェック',
  appSubtitle: '総合特区 評価書の数値(進捗度・寄与度・合計・総合評価)を確かめます',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',

  check: 'ブックをチェック',
  recalculate: '進捗度を再計算',
  undo: '再計算を元に戻す',
  highlight: '指摘をハイライト',
  unhighlight: 'ハイライトを解除',
  exportReport: 'レポート出力',
  download: '修正したブックをダウンロード',
  reviewMode: 'レビュー モード',
  reviewModeHint: 'ブックには何も書き込みません(再計算・ハイライトは使えません)',
  formulas: '数式で書き込む',
  formulasHint: '値の代わりに =ROUND(実績*100/目標,0) の数式を書き込みます',
  liveCheck: '編集したら自動でチェック',

  dropTitle: '評価書の .xlsx ファイルを開く',
  dropHint: 'ここに .xlsx ファイルをドロップするか、[ファイルを選択] を押してください。',
  chooseFile: 'ファイルを選択',
  openOther: '別のファイルを開く',
  openSample: 'サンプルを開く(京浜 令和元年度)',
  privacy: 'ファイルはこのブラウザーの中だけで処理され、どこにも送信されません。',
  fileLabel: (name) => `ファイル: ${name}`,
  readFailed: (why) => `ブックを読み込めませんでした: ${why}`,
  sampleFailed: (status) =>
    `サンプルを読み込めませんでした(${status})。ページと同じ場所に assets/sample-keihin-2019.xlsx があるか確認し、ページを再読み込みしてください。`,

  severity: { error: 'エラー', warning: '警告', info: '情報' },
  severityFilter: '重要度で絞り込み',
  ruleFilter: 'ルール',
  allRules: 'すべてのルール',
  ruleName: {
    'progress-mismatch': '進捗度の不一致',
    'progress-missing': '進捗度の空欄',
    'progress-orphan': '目標値か実績値のない進捗度',
    'indicator-score-mismatch': '評価指標の進捗度の不一致',
    'weights-sum': '寄与度の合計',
    'weights-missing': '寄与度の記載なし',
    'cumulative-total-mismatch': '累計目標の不一致',
    'cumulative-goal-unchecked': 'まだ確かめられない累計目標',
    'stock-goal-mismatch': '最終年度の目標の不一致',
    'stock-decrease': 'ストック型の減少',
    'target-missing': '目標値の空欄',
    'sum-mismatch': '合計の不一致',
    'cumulative-column-short': '累計列の不足',
    'overall-score-mismatch': '総合評価の不一致',
    'overall-score-orphan': '確かめられない総合評価',
    'overall-score-missing': '総合評価の空欄',
    'summary-mismatch': '評価指標の記載の不一致',
    'unparseable-number': '数値として読めないセル',
    'unit-mismatch': '単位の混在',
    'zero-target': '目標値 0',
  },
  showing: (shown, total) => `${total} 件中 ${shown} 件を表示`,
  noFindings: '指摘はありません。見つかった表の数値はすべて整合しています。',
  noFindingsFiltered: '絞り込みの条件に合う指摘はありません。',
  notChecked: '[ブックをチェック] を押すと、評価書の表を見つけて数値を確かめます。',
  notCheckedStandalone: 'ファイルを開くと自動でチェックします。',
  calcLabel: '計算',
  marked: '印',
  selectedCell: (address) => `選択中のセル: ${address}`,
  hiddenSheetCell: (cell, sheet) => `${cell} は非表示のシート「${sheet}」にあるため、選択できません。シート見出しを右クリックして [再表示] でシートを表示してから、もう一度押してください。`,
  checkedAt: (time) => `${time} にチェック`,

  tabFindings: '指摘',
  tabTables: '表',
  tabChanges: '変更',
  tableKind: {
    progress: '進捗表',
    summary: '評価指標の記載',
    budget: '支援措置の表',
    'overall-score': '総合評価の表',
    other: '表の外のセル',
  },

  year: '年度',
  target: '目標値',
  actual: '実績値',
  statedProgress: '進捗度(記載)',
  computedProgress: '進捗度(計算)',
  mode: '目標のタイプ',
  modeName: { flow: 'フロー型(年度ごとの量)', stock: 'ストック型(到達する水準)' },
  modeSource: {
    'cumulative-label': 'ラベルの「累計」から判定',
    'running-total-label': '目標値の行の「(累計)」から判定(各年度の値は累計)',
    'running-total-values': '目標値が累計の目標まで増え、最終年度の値がそれと一致するため(各年度の値は累計)',
    'goal-year': '目標年度から判定',
    'stock-label': '「ストック」の記載から判定',
    default: '判定材料がないためフロー型',
    override: '手動で指定',
  },
  modeOverridden: 'タイプを変えて再チェックしました。',
  noTargets: '数値目標の進捗表が見つかりませんでした。',
  readNotes: '読み取りの注記',
  targetName: (display) => `数値目標${idInParens(display)}`,
  indicatorName: (indicator) => `評価指標(${indicator})`,
  chartTitle: (label) => `${label} の目標値と実績値`,
  noChartData: '数値がないためグラフは表示しません。',
  zeroTarget: '目標 0',
  withinPrecision: '表示桁の範囲内',
  mismatch: '不一致',
  missingProgress: '空欄',
  unitLabel: (unit) => `単位: ${unit}`,

  changesTitle: '直前の再計算で書き換えたセル',
  noChanges: 'まだ再計算していません。',
  blank: '空欄',
  marksKept: '次のセルの記号は進捗度と合わないまま残しました(達成を表す ○ を 100% 未満に、または未達成を表す ×・△ を 100% 以上に。ブックにもう一方の記号の使い方が見当たらないため変えていません。確認してください):',
  valuesInstead: '次のセルには数式ではなく値を書き込みました(目標値か実績値が数値でなく文字(単位付きなど)の進捗度、文字で書かれた進捗度の行、評価指標の加重平均、評価指標の記載の進捗度):',
  formulasKept: '書き直したセルを参照する次の数式は、正しい値になるため数式のまま残しました:',
  formulasRefreshed: '書き直したセルを参照する次の数式は、保存されている結果を新しい結果にしました(数式と書式はそのまま):',
  recalcOnOpen: 'Hyoka が計算できない数式があるため、このブックは Excel で開いたときにすべての数式を再計算します。',
  changeReason: { mismatch: '不一致を修正', missing: '空欄に記入' },

  checked: (n) => `チェックしました。指摘は ${n} 件です。`,
  checkedNone: 'チェックしました。指摘はありません。',
  noTablesFound: '評価書の表(進捗表・評価指標の記載・支援措置の表・総合評価の表)が見つからなかったため、数値は何も確かめていません。表の見出し(目標値・実績値・進捗度、年度)があるシートか確認してください。',
  recalculated: (n) => `${n} 個のセルの進捗度を書き換えました。[再計算を元に戻す] で元に戻せます。`,
  recalculatedValuesInstead: (n) => `うち ${n} 個は数式で計算できないため値を書き込みました([変更] タブを参照)。`,
  recalculatedFormulasKept: (n) => `書き直したセルを参照する数式 ${n} 個は、正しい値になるため数式のまま残しました。`,
  nothingToRecalculate: '書き換えが必要な進捗度のセルはありません。',
  confirmTitle: '進捗度を書き込みますか?',
  confirmIntro: (n) => `次の ${n} 個のセルに書き込みます。書き込む直前にもう一度読み、チェックの後に変わったセルがあれば何も書き込みません。`,
  confirmMore: (n) => `ほか ${n} 個のセル([変更] タブに書き込んだ後で全部を表示します)`,
  confirmWrite: '書き込む',
  cancel: 'キャンセル',
  undoInExcel: 'Excel の [元に戻す](Ctrl+Z)1 回でも元に戻せます。',
  noUndoInExcel: 'この Excel では、Excel の [元に戻す] では 1 回で元に戻せません。元に戻すには、作業ウィンドウを閉じる前に [再計算を元に戻す] を押してください。',
  undoStandalone: '[再計算を元に戻す] で元に戻せます。開いたファイル自体は変わりません。',
  undone: (n) => `再計算を元に戻しました(${n} セル)。`,
  nothingToUndo: '元に戻す再計算はありません。',
  highlighted: (n) => `${n} 個のセルに色を付けました。もう一度押すと外します。`,
  highlightedInList: (n) => `${n} 個のセルに印を付けました(一覧の「印」)。もう一度押すと外します。`,
  unhighlighted: '付けた印をすべて外しました。',
  highlightSkipped: (n, sheets) => `保護されたシート(${sheets})の ${n} 個のセルには色を付けていません。`,
  nothingToHighlight: '印を付ける指摘がありません。',
  exported: (file) => `レポートを ${file} としてダウンロードしました。`,
  exportedToSheet: (sheet) => `シート「${sheet}」にもレポートを書き出しました。`,
  exportSheetFailed: (why) => `レポートのシートは作れませんでした(${why})。CSV ファイルをお使いください。`,
  downloaded: (file) => `修正したブックを ${file} としてダウンロードしました。元のファイルは変更していません。`,
  hostError: {
    'review-mode': 'レビュー モードでは書き込みません。書き込むにはレビュー モードをオフにしてください。',
    'protected-sheet': 'シートが保護されているため、何も書き込みませんでした。[校閲] → [シート保護の解除] をしてからもう一度実行してください。',
    'changed-since-check': 'チェックの後にブックが変更されたため、何も書き込みませんでした。もう一度 [ブックをチェック] を押してから実行してください。',
    'changed-since-recalculation':
      '再計算の後に次のセルが編集されたため、編集を上書きしないよう何も元に戻しませんでした。元に戻すには、そのセルを再計算の直後の値に戻すか、Excel の [元に戻す] を使ってください。',
    'write-failed': 'Excel への書き込みができませんでした。ブックを閉じずにもう一度お試しください。',
    'write-partial':
      '書き込みの途中で失敗し、書き込んだ分を元に戻すこともできませんでした。次のセルの一部だけが書き換わっている可能性があります。保存する前にセルを確認して Excel の [元に戻す] で戻すか、ブックを保存せずに閉じてください。',
    'read-failed': 'ブックを読み取れませんでした。編集中のセルを確定(Enter)してから、もう一度お試しください。',
    'too-large': 'ブックが大きすぎてチェックできません。評価書のシートだけを別のブックにコピーしてお試しください。',
  },
  unexpected: (detail) => `予期しないエラーが起きました(${detail})。ページを再読み込みして、もう一度お試しください。`,
  notExcel: 'この作業ウィンドウは Excel 用です。Excel でブックを開いてからお使いください。',
  dismiss: '閉じる',

  csvHeader: ['重要度', 'ルール', 'シート', 'セル', '期待値', '記載値', 'メッセージ', '計算'],
};

const en: Strings = {
  appTitle: 'Hyoka evaluation table checker',
  appSubtitle: 'Checks the numbers of special zone evaluation tables (progress, weights, totals, overall scores)',
  switchLanguage: '日本語',
  switchLanguageLabel: '日本語に切り替え',

  check: 'Check workbook',
  recalculate: 'Recalculate progress',
  undo: 'Undo recalculation',
  highlight: 'Highlight findings',
  unhighlight: 'Remove highlights',
  exportReport: 'Export report',
  download: 'Download fixed workbook',
  reviewMode: 'Review mode',
  reviewModeHint: 'Nothing is written to the workbook (recalculation and highlighting are off)',
  formulas: 'Write formulas',
  formulasHint: 'Writes =ROUND(actual*100/target,0) formulas instead of values',
  liveCheck: 'Re-check after edits',

  dropTitle: 'Open an evaluation workbook (.xlsx)',
  dropHint: 'Drop an .xlsx file here, or press “Choose file”.',
  chooseFile: 'Choose file',
  openOther: 'Open another file',
  openSample: 'Open the sample (Keihin FY2019)',
  privacy: 'The file is processed only inside this browser and is sent nowhere.',
  fileLabel: (name) => `File: ${name}`,
  readFailed: (why) => `The workbook could not be read: ${why}`,
  sampleFailed: (status) =>
    `The sample could not be loaded (${status}). Check that assets/sample-keihin-2019.xlsx is served next to this page, then reload.`,

  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  severityFilter: 'Filter by severity',
  ruleFilter: 'Rule',
  allRules: 'All rules',
  ruleName: {
    'progress-mismatch': 'Progress mismatch',
    'progress-missing': 'Progress blank',
    'progress-orphan': 'Progress without target or actual',
    'indicator-score-mismatch': 'Indicator progress mismatch',
    'weights-sum': 'Weights not summing to 100',
    'weights-missing': 'Weights not given',
    'cumulative-total-mismatch': 'Cumulative goal mismatch',
    'cumulative-goal-unchecked': 'Cumulative goal not checkable yet',
    'stock-goal-mismatch': 'Final-year goal mismatch',
    'stock-decrease': 'Stock going down',
    'target-missing': 'Target blank',
    'sum-mismatch': 'Total mismatch',
    'cumulative-column-short': 'Cumulative column short',
    'overall-score-mismatch': 'Overall score mismatch',
    'overall-score-orphan': 'Overall score not checkable',
    'overall-score-missing': 'Overall score blank',
    'summary-mismatch': 'Summary mismatch',
    'unparseable-number': 'Not readable as a number',
    'unit-mismatch': 'Mixed units',
    'zero-target': 'Target of 0',
  },
  showing: (shown, total) => `Showing ${shown} of ${total}`,
  noFindings: 'No findings: the numbers of every table found agree.',
  noFindingsFiltered: 'No finding matches the filter.',
  notChecked: 'Press “Check workbook” to find the evaluation tables and check their numbers.',
  notCheckedStandalone: 'A file is checked as soon as it is opened.',
  calcLabel: 'Calculation',
  marked: 'Marked',
  selectedCell: (address) => `Selected cell: ${address}`,
  hiddenSheetCell: (cell, sheet) => `${cell} is on the hidden sheet “${sheet}”, so it cannot be selected. Right-click a sheet tab, choose Unhide to show the sheet, then press the finding again.`,
  checkedAt: (time) => `Checked at ${time}`,

  tabFindings: 'Findings',
  tabTables: 'Tables',
  tabChanges: 'Changes',
  tableKind: {
    progress: 'Progress table',
    summary: 'Indicator summary',
    budget: 'Support measures table',
    'overall-score': 'Overall score table',
    other: 'Cells outside the tables',
  },

  year: 'Year',
  target: 'Target',
  actual: 'Actual',
  statedProgress: 'Progress (stated)',
  computedProgress: 'Progress (computed)',
  mode: 'Target type',
  modeName: { flow: 'Flow (amount per year)', stock: 'Stock (level to reach)' },
  modeSource: {
    'cumulative-label': 'from “累計” in the label',
    'running-total-label': 'from “(累計)” on the target row (each year holds the running total)',
    'running-total-values': 'the targets rise to the cumulative goal and the last equals it (each year holds the running total)',
    'goal-year': 'from the goal year',
    'stock-label': 'from "stock" in the label',
    default: 'flow, as nothing tells otherwise',
    override: 'chosen by you',
  },
  modeOverridden: 'Target type changed; checked again.',
  noTargets: 'No progress table with numeric targets was found.',
  readNotes: 'Notes from the reading',
  targetName: (display) => `target ${idInParens(display)}`,
  indicatorName: (indicator) => `indicator (${indicator})`,
  chartTitle: (label) => `Target and actual of ${label}`,
  noChartData: 'No numbers to chart.',
  zeroTarget: 'target 0',
  withinPrecision: 'within displayed precision',
  mismatch: 'mismatch',
  missingProgress: 'blank',
  unitLabel: (unit) => `Unit: ${unit}`,

  changesTitle: 'Cells the last recalculation wrote',
  noChanges: 'No recalculation yet.',
  blank: 'blank',
  marksKept: 'These cells keep a mark that says the opposite of the progress written (○ for reached under 100 %, or × / △ for not reached at 100 % or more): the workbook shows no mark of its own for that case, so check them:',
  valuesInstead: 'These cells got values instead of formulas (a progress whose target or actual is text, not a number (with a unit, say), a row of progress written as text, an indicator’s weighted mean, a summary’s progress):',
  formulasKept: 'These formulas refer to rewritten cells and now give the right value, so they were kept:',
  formulasRefreshed: 'These formulas refer to rewritten cells: their saved results were updated (formula and format unchanged):',
  recalcOnOpen: 'Some formulas are ones Hyoka cannot work out: the workbook asks Excel to recalculate every formula on opening.',
  changeReason: { mismatch: 'mismatch fixed', missing: 'blank filled' },

  checked: (n) => `Checked: ${n} finding${n === 1 ? '' : 's'}.`,
  checkedNone: 'Checked: no findings.',
  noTablesFound: 'No evaluation table (progress table, indicator summary, support measures or overall score table) was found, so no number was checked. Check that a sheet holds the tables with their labels (target, actual, progress, years).',
  recalculated: (n) => `Rewrote the progress of ${n} cell${n === 1 ? '' : 's'}. “Undo recalculation” puts them back.`,
  recalculatedValuesInstead: (n) => `${n} of them got values because a formula cannot compute them (see the Changes tab).`,
  recalculatedFormulasKept: (n) => `${n} formula(s) referring to rewritten cells were kept: they now give the right value.`,
  nothingToRecalculate: 'No progress cell needs rewriting.',
  confirmTitle: 'Write the recalculated progress?',
  confirmIntro: (n) => `These ${n} cell${n === 1 ? '' : 's'} will be written. They are read again just before writing: if any changed since the check, nothing is written.`,
  confirmMore: (n) => `and ${n} more cell${n === 1 ? '' : 's'} (the Changes tab lists them all once written)`,
  confirmWrite: 'Write',
  cancel: 'Cancel',
  undoInExcel: 'Excel’s own Undo (Ctrl+Z) also takes it back in one step.',
  noUndoInExcel: 'This Excel cannot take it back in one step with its own Undo: to undo it, press “Undo recalculation” before closing the pane.',
  undoStandalone: '“Undo recalculation” takes it back; the file you opened is not changed.',
  undone: (n) => `Recalculation undone (${n} cell${n === 1 ? '' : 's'}).`,
  nothingToUndo: 'There is no recalculation to undo.',
  highlighted: (n) => `Filled ${n} cell${n === 1 ? '' : 's'}. Press again to remove the fills.`,
  highlightedInList: (n) => `Marked ${n} cell${n === 1 ? '' : 's'} in the list. Press again to remove the marks.`,
  unhighlighted: 'Every mark made has been removed.',
  highlightSkipped: (n, sheets) => `${n} cell${n === 1 ? '' : 's'} on protected sheets (${sheets}) ${n === 1 ? 'was' : 'were'} not filled.`,
  nothingToHighlight: 'There is no finding to mark.',
  exported: (file) => `The report was downloaded as ${file}.`,
  exportedToSheet: (sheet) => `The report was also written to the sheet “${sheet}”.`,
  exportSheetFailed: (why) => `The report sheet could not be created (${why}); use the CSV file.`,
  downloaded: (file) => `The fixed workbook was downloaded as ${file}. The original file is unchanged.`,
  hostError: {
    'review-mode': 'Review mode writes nothing. Turn review mode off to write.',
    'protected-sheet': 'The sheet is protected, so nothing was written. Unprotect it (Review → Unprotect Sheet) and run again.',
    'changed-since-check': 'The workbook changed after the check, so nothing was written. Press “Check workbook” again, then run again.',
    'changed-since-recalculation':
      'These cells were edited after the recalculation, so nothing was undone (the edits are not overwritten). To undo, put those cells back to what the recalculation wrote, or use Excel’s Undo.',
    'write-failed': 'Writing to Excel did not go through. Keep the workbook open and try again.',
    'write-partial':
      'Writing failed midway and what had been written could not be put back: some of these cells may have changed and others not. Before saving, check them and use Excel’s Undo, or close the workbook without saving.',
    'read-failed': 'The workbook could not be read. Finish editing the active cell (press Enter) and try again.',
    'too-large': 'The workbook is too large to check. Copy the evaluation sheets into a new workbook and check that.',
  },
  unexpected: (detail) => `Something unexpected went wrong (${detail}). Reload the page and try again.`,
  notExcel: 'This task pane is for Excel. Open a workbook in Excel to use it.',
  dismiss: 'Dismiss',

  csvHeader: ['Severity', 'Rule', 'Sheet', 'Cell', 'Expected', 'Stated', 'Message', 'Calculation'],
};

export const STRINGS: Record<Lang, Strings> = { ja, en };

/**
 * The pane's language from a BCP 47 tag (Office's display language, or the browser's): Japanese
 * unless the tag names another language.
 */
export function langFromTag(tag: string | null | undefined): Lang {
  if (!tag) return 'ja';
  return /^ja\b/i.test(tag.trim()) ? 'ja' : 'en';
}
