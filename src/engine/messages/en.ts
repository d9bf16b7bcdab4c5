import type { Finding } from '../findings.js';
import type { Helpers, MessageBook } from './index.js';

/** A column a finding names, in English: the 累計 column a rule names by that word is the cumulative one; a year header as written. */
export const column = (header: string) => (header === '累計' ? 'cumulative' : header);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A unit after a number, spaced: ` 千円`; `%` unspaced, as every percentage here is written; nothing when there is none. */
const unit = (u: string) => (u === '%' ? '%' : u ? ` ${u}` : '');
/** A bound written after a number in Japanese (`100%超`), in English: `over 100%`. */
const BOUND: Record<string, (n: string) => string> = { 以上: (n) => `${n} or more`, 超: (n) => `over ${n}`, 以下: (n) => `${n} or less`, 未満: (n) => `under ${n}` };

/**
 * A percentage with the words written after it in Japanese (`100%超`, `68%(達成)`, `100%以上(達成)`), in English:
 * `over 100%`, `68% (marked achieved)`, `100% or more (marked achieved)`.
 */
const saidPercent = (n: string, said: string) => {
  const bound = /^(以上|超|以下|未満)/.exec(said)?.[1];
  const note = said.includes('(未達成)') ? ' (marked not achieved)' : said.includes('(達成)') ? ' (marked achieved)' : '';
  return `${bound ? BOUND[bound](`${n}%`) : `${n}%`}${note}`;
};

/** An amount with the bound written after it in Japanese (`1,100人超`): `over 1,100 人`. */
const saidAmount = (n: string, u: string, said: string) => ({ 以上: `${n}${unit(u)} or more`, 超: `over ${n}${unit(u)}`, 以下: `${n}${unit(u)} or less`, 未満: `under ${n}${unit(u)}` })[said] ?? `${n}${unit(u)}`;

/** The years a plan period's 累計 column adds up (`H29–R3`); empty for one of every year shown. */
const period = (h: Helpers) => (h.param('periodFrom') ? [...new Set([h.param('periodFrom'), h.param('periodTo')])].join('–') : '');

/** The cell of the target a stock goal is compared with, its sheet named when it is not the goal's (`別紙1!G2`). */
const cellOf = (h: Helpers) => `${h.param('finalSheet') ? `${h.param('finalSheet')}!` : ''}${h.param('finalCell')}`;

/** Whether a stated progress has the number computed and disagrees only in the words after it (`83%(達成)` for 83 %, `100%超` for 99.5 %). */
const wordsOnly = (f: Finding, h: Helpers) => h.param('said') !== '' && f.stated === f.expected;

/** What a summary states to date (累計目標値, 累計実績値, 進捗度(累計)). */
const RUNNING: Record<string, string> = { target: 'running total of targets', actual: 'running total of actuals', progress: 'cumulative progress' };

/** The running totals a cumulative progress is worked out from (RunningBasis): those the row's other years are written in. */
const RUNNING_ACTUAL: Record<string, string> = { column: 'the 累計 column’s actual', year: 'the year’s actual', soFar: 'the actuals so far', periodSoFar: 'the plan period’s actuals so far' };
const RUNNING_TARGET: Record<string, string> = {
  column: 'the 累計 column’s target',
  year: 'the year’s target',
  goal: 'the plan’s goal',
  all: 'all the years’ targets',
  soFar: 'the targets so far',
  periodGoal: 'the plan period’s goal',
  periodAll: 'all the plan period’s targets',
  periodSoFar: 'the plan period’s targets so far',
};

export const en: MessageBook = {
  'progress-mismatch': (f, h) => {
    const of = h.param('running') ? `${RUNNING_ACTUAL[h.param('actualBasis')] ?? 'running actual'} ÷ ${RUNNING_TARGET[h.param('targetBasis')] ?? 'target'} × 100` : 'actual ÷ target × 100';
    return `${cap(h.target())}, ${h.year()}: stated ${h.param('running') ? 'progress of the running totals' : 'progress'} ${saidPercent(h.num(f.stated), h.param('said'))} ${wordsOnly(f, h) ? `agrees in number with ${of} = ${h.num(f.expected)}%, but not in its words` : `differs from ${of} = ${h.num(f.expected)}%`}.`;
  },
  'progress-missing': (f, h) =>
    h.param('noRow')
      ? `${cap(h.target())} has no progress row, though the other targets of its table have one; ${h.year()}: target and actual are present, computed ${h.num(f.expected)}%.`
      : `${cap(h.target())}, ${h.year()}: target and actual are present but the progress is blank; computed ${h.num(f.expected)}%.`,
  'progress-orphan': (f, h) => `${cap(h.target())}, ${h.year()}: progress ${h.num(f.stated)}% is stated but the ${h.param('blank') === 'both' ? 'target and actual are' : `${h.param('blank')} is`} blank.`,
  'indicator-score-mismatch': (f, h) =>
    h.param('part')
      ? `${cap(h.target())}, ${h.year()}: the weighted progress (寄与度×進捗度) ${h.num(f.stated)}% differs from its weight × progress, ${h.param('weight')}% × ${h.param('progress')}% ÷ 100 = ${h.num(f.expected)}%.`
      : `Indicator (${h.param('indicator')}), ${h.year()}: stated progress ${h.num(f.stated)}% differs from the ${h.param('weighted') === '1' ? 'weighted ' : ''}mean of its targets' progress, ${h.num(f.expected)}%${h.param('leftOut') ? ` (leaving out ${h.target('leftOut')}: a target of 0 and no progress stated)` : ''}.`,
  'weights-sum': (f, h) => `Indicator (${h.param('indicator')})${f.params.year != null ? `, ${h.year()}` : ''}: the weights add up to ${h.num(f.stated)}%, not 100%.`,
  'weights-missing': (f, h) =>
    h.param('missing') === h.param('count')
      ? `Indicator (${h.param('indicator')}) has ${h.param('count')} targets but gives no weights; equal weights were used.`
      : `Indicator (${h.param('indicator')}): ${h.target()} gives no weight; equal weights were used, and the value from the weights given (the missing one counted as 0) is accepted too.`,
  'cumulative-total-mismatch': (f, h) =>
    `${cap(h.target())}: the cumulative goal ${saidAmount(h.num(f.stated), h.param('unit'), h.param('said'))} ${h.param('said') ? 'is not met by' : 'differs from'} the sum of the yearly targets${period(h) ? ` of ${period(h)}` : ''}, ${h.num(f.expected)}${unit(h.param('unit'))}.${typeof f.params.lastTarget === 'number' ? ` If the row states running totals, it differs from the final-year target, ${h.num(f.params.lastTarget)}${unit(h.param('unit'))}, too.` : ''}`,
  'cumulative-goal-unchecked': (f, h) =>
    h.param('stock')
      ? `${cap(h.target())}: the stock goal ${h.num(f.stated)}${unit(h.param('unit'))} names no year and exceeds the last target shown (${h.year()}), ${h.num(f.expected)}${unit(h.param('unit'))}; the table seems to show a ${h.param('planYears')}-year plan so far (${h.param('years')} years), so the goal cannot be checked yet.`
      : `${cap(h.target())}: the cumulative goal ${h.num(f.stated)}${unit(h.param('unit'))} exceeds the sum of the targets of the ${h.param('years')} years shown, ${h.num(f.expected)}${unit(h.param('unit'))}; no plan period is stated and the table seems to show a ${h.param('planYears')}-year plan so far, so the goal cannot be checked yet.`,
  'stock-goal-mismatch': (f, h) =>
    `${cap(h.target())}: the goal ${saidAmount(h.num(f.stated), h.param('unit'), h.param('said'))} ${h.param('said') ? 'is not met by' : 'differs from'} the ${h.param('earlier') ? `${h.year()} (${cellOf(h)})` : `final-year (${h.year()}, ${cellOf(h)})`} target ${h.num(f.expected)}${unit(h.param('unit'))}.`,
  'stock-decrease': (f, h) => `Stock ${h.target()}: the ${h.param('row')} goes down from ${h.num(f.expected)}${unit(h.param('unit'))} (${h.yearOf('previousYear', 'previousColumn')}) to ${h.num(f.stated)}${unit(h.param('unit'))} (${h.year()}).`,
  'target-missing': (f, h) => `${cap(h.target())}: no target for ${h.year()}, inside the plan period.`,
  'sum-mismatch': (f, h) => `${h.param('project') ? `"${h.param('project')}", ` : ''}"${h.param('row')}" (${column(h.param('column'))}): ${h.num(f.stated)}${unit(h.param('unit'))} differs from the sum of its parts, ${h.num(f.expected)}${unit(h.param('unit'))}.`,
  'cumulative-column-short': (f, h) =>
    `${h.param('target') ? `${cap(h.target())}: the cumulative actual` : `${h.param('project') ? `"${h.param('project')}", ` : ''}"${h.param('row')}": the cumulative`} ${h.num(f.stated)}${unit(h.param('unit'))} is smaller than ${h.param('running') ? `the running total through ${h.year()}` : `the sum of ${period(h) ? `the years ${period(h)}` : 'the years shown'}`}, ${h.num(f.expected)}${unit(h.param('unit'))}.`,
  'overall-score-orphan': (f, h) => {
    const blank = h.param('blank').split(',');
    return `"${h.param('name')}": overall score ${h.num(f.stated)} is stated but ${blank.join(' and ')} ${blank.length > 1 ? 'are' : 'is'} blank, so it cannot be checked against (Ⅰ + Ⅱ + 2·Ⅲ) ÷ 4.`;
  },
  'overall-score-missing': (f, h) => `"${h.param('name')}": Ⅰ, Ⅱ and Ⅲ are stated but the overall score is blank; computed ${h.num(f.expected)}.`,
  'overall-score-mismatch': (f, h) => `"${h.param('name')}": overall score ${h.num(f.stated)} differs from (Ⅰ + Ⅱ + 2·Ⅲ) ÷ 4 rounded, ${h.num(f.expected)}.`,
  'summary-mismatch': (f, h) =>
    h.param('running')
      ? `Summary of ${h.target()}: the ${RUNNING[h.param('field')] ?? h.param('field')} ${h.num(f.stated)}${unit(h.param('unit'))} differs from the progress table's ${h.param('field') === 'progress' ? 'cumulative progress' : 'running total'} through ${h.year()}, ${h.num(f.expected)}${unit(h.param('unit'))}.`
      : `Summary of ${h.target()}: the ${h.param('field')} ${h.param('said') ? saidPercent(h.num(f.stated), h.param('said')) : `${h.num(f.stated)}${unit(h.param('unit'))}`} ${wordsOnly(f, h) ? 'agrees in number with' : 'differs from'} the progress table's ${h.year()} value, ${h.num(f.expected)}${unit(h.param('expectedUnit') || h.param('unit'))}${wordsOnly(f, h) ? ', but not in its words' : ''}.`,
  'unparseable-number': (f, h) =>
    h.param('reason') === 'goal'
      ? `${h.param('target') ? cap(h.target()) : 'A target'}: the goal "${h.text()}" in its label is no number Hyoka can read, so it is not checked against the yearly targets. Check how the number is written (a comma separates groups of exactly three digits).`
      : h.param('reason') === 'no-cached-result'
      ? `"${h.text()}" stands where a number belongs, a formula whose result was never saved in the file. Open the workbook in Excel and save it again to store its result, then check it.`
      : `"${h.text()}" stands where a number belongs and cannot be read as one (${({ text: 'text', error: 'an error value', date: 'a date', boolean: 'a logical value' } as Record<string, string>)[h.param('reason')] ?? h.param('reason')}). Enter a number or a blank (-).`,
  'unit-mismatch': (f, h) => `${h.param('target') ? `${cap(h.target())}` : `"${h.param('row')}"`}: the row mixes units that cannot be converted (${h.param('other')} and ${h.param('unit')}).`,
  'zero-target': (f, h) => `${cap(h.target())}, ${h.year()}: the target is 0, so progress is not computed${f.stated !== null ? ` (stated ${h.num(f.stated)}%)` : ''}.`,
};
