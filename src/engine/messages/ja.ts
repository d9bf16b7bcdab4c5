import type { Finding } from '../findings.js';
import type { Helpers, MessageBook } from './index.js';

const field: Record<string, string> = { target: '当該年度目標値', actual: '当該年度実績値', progress: '進捗度', weight: '寄与度' };
const runningField: Record<string, string> = { target: '累計目標値', actual: '累計実績値', progress: '進捗度(累計)' };

/** The years a plan period's 累計 column adds up (`H29～R3`); empty for one of every year shown. */
const period = (h: Helpers) => (h.param('periodFrom') ? [...new Set([h.param('periodFrom'), h.param('periodTo')])].join('～') : '');

/** The cell of the target a stock goal is compared with, its sheet named when it is not the goal's (`別紙1!G2`). */
const cellOf = (h: Helpers) => `${h.param('finalSheet') ? `${h.param('finalSheet')}!` : ''}${h.param('finalCell')}`;

/**
 * How a stated progress disagrees: its number, or, where the number is the one computed, the words written after it
 * (`83%(達成)` for 83 %, `100%超` for 99.5 %), which a bare 「一致しません」 beside two equal numbers would leave unsaid.
 */
const disagrees = (f: Finding, h: Helpers) =>
  h.param('said') && f.stated === f.expected ? `と数値は同じですが、「${h.param('said').replace(/^\((.*)\)$/, '$1')}」の記載と合いません` : 'と一致しません';

/** Where a summary stands: the 本文, or a sheet of another name (a summary table on `誤り`: 「誤り」シート). */
const summaryPlace = (sheet: string) => (sheet.includes('本文') ? '本文' : `「${sheet}」シート`);

/** The running totals a 累計進捗度 is worked out from (RunningBasis): those the row's other years are written in. */
const RUNNING_ACTUAL: Record<string, string> = { column: '累計欄の実績値', year: 'その年度の実績値', soFar: 'その年度までの実績値の合計', periodSoFar: 'その年度までの今期の実績値の合計' };
const RUNNING_TARGET: Record<string, string> = {
  column: '累計欄の目標値',
  year: 'その年度の目標値',
  goal: '計画の目標',
  all: '全年度の目標値の合計',
  soFar: 'その年度までの目標値の合計',
  periodGoal: '今期の目標',
  periodAll: '今期の全年度の目標値の合計',
  periodSoFar: 'その年度までの今期の目標値の合計',
};
const runningCalc = (h: Helpers) => `${RUNNING_ACTUAL[h.param('actualBasis')] ?? '累計の実績値'} ÷ ${RUNNING_TARGET[h.param('targetBasis')] ?? '目標値'} × 100`;

export const ja: MessageBook = {
  'progress-mismatch': (f, h) =>
    `${h.target()} ${h.year()}の${h.param('running') ? '累計' : ''}進捗度 ${h.num(f.stated)}%${h.param('said')} は、${h.param('running') ? runningCalc(h) : '実績値 ÷ 目標値 × 100'} から得られる ${h.num(f.expected)}% ${disagrees(f, h)}。`,
  'progress-missing': (f, h) =>
    h.param('noRow')
      ? `${h.target()}には進捗度の行がありません(同じ表の他の数値目標にはあります)。${h.year()}は目標値と実績値があり、計算値は ${h.num(f.expected)}% です。`
      : `${h.target()} ${h.year()}は目標値と実績値があるのに進捗度が空欄です。計算値は ${h.num(f.expected)}% です。`,
  'progress-orphan': (f, h) =>
    `${h.target()} ${h.year()}の進捗度 ${h.num(f.stated)}% が記載されていますが、${({ target: '目標値', actual: '実績値', both: '目標値と実績値' } as Record<string, string>)[h.param('blank')] ?? '目標値または実績値'}が空欄です。`,
  'indicator-score-mismatch': (f, h) =>
    h.param('part')
      ? `${h.target()} ${h.year()}の寄与度×進捗度 ${h.num(f.stated)}% は、寄与度 ${h.param('weight')}% × 進捗度 ${h.param('progress')}% ÷ 100 = ${h.num(f.expected)}% と一致しません。`
      : `評価指標(${h.param('indicator')}) ${h.year()}の進捗度 ${h.num(f.stated)}% は、数値目標の進捗度の${h.param('weighted') === '1' ? '寄与度付き' : ''}平均 ${h.num(f.expected)}%${h.param('leftOut') ? `(目標値が 0 で進捗度のない${h.target('leftOut')}を除く)` : ''} と一致しません。`,
  'weights-sum': (f, h) => `評価指標(${h.param('indicator')})の${f.params.year != null ? `${h.year()}の` : ''}寄与度の合計が ${h.num(f.stated)}% で、100% になりません。`,
  'weights-missing': (f, h) =>
    h.param('missing') === h.param('count')
      ? `評価指標(${h.param('indicator')})には数値目標が${h.param('count')}つありますが寄与度が記載されていません。均等の寄与度として計算しました。`
      : `評価指標(${h.param('indicator')})の${h.target()}に寄与度が記載されていません。均等の寄与度で計算し、記載された寄与度(記載のない目標を 0 とする)で計算した値も正しいとみなしました。`,
  'cumulative-total-mismatch': (f, h) =>
    `${h.target()}の累計目標 ${h.num(f.stated)}${h.param('unit')}${h.param('said')} は、${period(h) ? `${period(h)}の` : ''}各年度の目標値の合計 ${h.num(f.expected)}${h.param('unit')} ${h.param('said') ? 'で満たされません' : 'と一致しません'}。${typeof f.params.lastTarget === 'number' ? `目標値の行が各年度までの累計なら、最終年度の目標値 ${h.num(f.params.lastTarget)}${h.param('unit')} とも一致しません。` : ''}`,
  'cumulative-goal-unchecked': (f, h) =>
    h.param('stock')
      ? `${h.target()}のストックの目標 ${h.num(f.stated)}${h.param('unit')} は年度の記載がなく、表の最後の目標値(${h.year()}) ${h.num(f.expected)}${h.param('unit')} を上回っています。表は ${h.param('years')} 年度分で、計画(${h.param('planYears')}年間)の途中までと見られるため、まだ確かめられません。`
      : `${h.target()}の累計目標 ${h.num(f.stated)}${h.param('unit')} は、表の ${h.param('years')} 年度分の目標値の合計 ${h.num(f.expected)}${h.param('unit')} を上回っています。計画期間の記載がなく、表は計画(${h.param('planYears')}年間)の途中までと見られるため、まだ確かめられません。`,
  'stock-goal-mismatch': (f, h) =>
    `${h.target()}の目標 ${h.num(f.stated)}${h.param('unit')}${h.param('said')} は、${h.param('earlier') ? `${h.year()}(${cellOf(h)})` : `最終年度(${h.year()}、${cellOf(h)})`}の目標値 ${h.num(f.expected)}${h.param('unit')} ${h.param('said') ? 'で満たされません' : 'と一致しません'}。`,
  'stock-decrease': (f, h) => `ストック型の${h.target()}の${h.param('row') === 'actual' ? '実績値' : '目標値'}が、${h.yearOf('previousYear', 'previousColumn')}の ${h.num(f.expected)}${h.param('unit')} から ${h.year()}の ${h.num(f.stated)}${h.param('unit')} に減っています。`,
  'target-missing': (f, h) => `${h.target()}の${h.year()}の目標値が空欄です(計画期間内)。`,
  'sum-mismatch': (f, h) => `${h.param('project') ? `「${h.param('project')}」の` : ''}${h.param('row')}(${h.param('column')}) ${h.num(f.stated)}${h.param('unit')} は、内訳の合計 ${h.num(f.expected)}${h.param('unit')} と一致しません。`,
  'cumulative-column-short': (f, h) =>
    `${h.param('target') ? `${h.target()}の` : h.param('project') ? `「${h.param('project')}」の` : ''}${h.param('row')}の累計 ${h.num(f.stated)}${h.param('unit')} が、${h.param('running') ? `${h.year()}までの累計` : `${period(h) ? `${period(h)}の各年度` : '表示されている年度'}の合計`} ${h.num(f.expected)}${h.param('unit')} より小さくなっています。`,
  'overall-score-orphan': (f, h) =>
    `「${h.param('name')}」の総合評価 ${h.num(f.stated)} が記載されていますが、${h.param('blank').split(',').join('・')} が空欄のため (Ⅰ + Ⅱ + 2×Ⅲ) ÷ 4 で確かめられません。`,
  'overall-score-missing': (f, h) => `「${h.param('name')}」は Ⅰ・Ⅱ・Ⅲ が記載されているのに総合評価が空欄です。計算値は ${h.num(f.expected)} です。`,
  'overall-score-mismatch': (f, h) => `「${h.param('name')}」の総合評価 ${h.num(f.stated)} は、(Ⅰ + Ⅱ + 2×Ⅲ) ÷ 4 を四捨五入した ${h.num(f.expected)} と一致しません。`,
  'summary-mismatch': (f, h) =>
    h.param('running')
      ? `${summaryPlace(f.sheet)}の${h.target()}の${runningField[h.param('field')] ?? h.param('field')} ${h.num(f.stated)}${h.param('unit')} は、進捗表の${h.year()}までの累計${h.param('field') === 'progress' ? 'の進捗度' : ''} ${h.num(f.expected)}${h.param('unit')} と一致しません。`
      : `${summaryPlace(f.sheet)}の${h.target()}の${field[h.param('field')] ?? h.param('field')} ${h.num(f.stated)}${h.param('unit')}${h.param('said')} は、進捗表の${h.year()}の値 ${h.num(f.expected)}${h.param('expectedUnit') || h.param('unit')} ${disagrees(f, h)}。`,
  'unparseable-number': (f, h) =>
    h.param('reason') === 'goal'
      ? `${h.param('target') ? h.target() : '数値目標'}の目標「${h.text()}」の数値が読めないため、この目標は年度ごとの目標値と照合していません。数値の書き方(桁区切りのカンマは3桁ごと)を確かめてください。`
      : `数値が入るべきセルに「${h.text()}」があり、数値として読めません(${({ text: '文字', error: 'エラー値', date: '日付', 'no-cached-result': '計算結果が保存されていない数式', boolean: '論理値' } as Record<string, string>)[h.param('reason')] ?? h.param('reason')})。${h.param('reason') === 'no-cached-result' ? 'Excel で開いて保存し直すと、計算結果がファイルに保存されて確認できます。' : '数値か空欄(-)にしてください。'}`,
  'unit-mismatch': (f, h) => `${h.param('target') ? `${h.target()}` : `「${h.param('row')}」`}の行で、換算できない単位が混在しています(${h.param('other')} と ${h.param('unit')})。`,
  'zero-target': (f, h) => `${h.target()} ${h.year()}は目標値が 0 のため、進捗度を計算しません${f.stated !== null ? `(記載は ${h.num(f.stated)}%)` : ''}。`,
};
