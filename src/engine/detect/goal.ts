/** The plan goal written in a 数値目標 label: `475億円 (累計)`, `180 社（令和3年度）→900 社（令和7年度）`. */
import { parseNumberText, type Parsed } from '../numbers.js';
import { toHalfWidth } from '../text.js';
import { goalPlanPeriod, parseFiscalYear, planPeriod } from '../years.js';
import type { CellRef, PlanGoal, ValueCell } from '../model.js';

// `約` before it says the goal is approximate (`約500億円`: 450–550 億円), as in a cell. The number is the whole run of
// digits, commas and points (never its tail: `1,2345人` is no `2345人`, `1.2,345` no `345`), read by parseNumberText,
// which takes a comma only before three digits; a comma or point after a word separates (`1,000人,2,000人`). A number
// written with several scales is one (`1億2,000万円`, `3万5千人`), never its last part (2,000万円, 5千人).
const FIGURE = String.raw`(?<!\d[,.]?)(?<!\d[兆億万千百])(?<!\/\s*)((?:約)?[△▲-]?\d(?:[\d,.]*\d)?(?:[兆億万千百]\d(?:[\d,.]*\d)?)*)`;
const NUM = String.raw`${FIGURE}\s*((?:兆|億|百万|千万|万|千)?[^\s\d()（）、,.:：→~～・/]{0,3})`;
// The same with its unit as short as it can be, before a verb: `900社に増加`, `900社までに増やす`.
const NUM_BEFORE_VERB = String.raw`${FIGURE}\s*((?:兆|億|百万|千万|万|千)?[^\s\d()（）、,.:：→~～・/]{0,3}?)`;
// A level reached by a number, said with a verb before the year in parentheses: `180社から900社に増加（令和7年度）`,
// `900社へ拡大（R7）`, `900社を目指す（令和7年度）`.
const REACH = String.raw`\s*(?:(?:まで)?(?:に|へ)|まで)(?:増加|増大|拡大|拡充|増や[すし]|伸ば[すし]|引き?上げ(?:る)?|向上|達成|到達)?(?:させる|する)?|\s*を(?:目指す|目標とする|達成(?:する)?)`;
// A total over several years written after the figure: `475億円/5年`, `475億円／5年間`; `120件/年` is a year's figure.
const PER_YEARS = String.raw`\s*\/\s*(?:[2-9]|1\d)年間?(?![度目])`;
const WITH_PAREN = new RegExp(`(?:${NUM_BEFORE_VERB}(?:${REACH})|${NUM})(?:(${PER_YEARS})|\\s*\\/\\s*年度?)?\\s*[(（]\\s*([^)）]{1,20})[)）]`, 'g');
const CUMULATIVE_PREFIX = new RegExp(`累計(?:目標)?(?:値)?(?:で|に)?\\s*[:：]?\\s*${NUM}`);
// A total over the plan's years said in words: `5年間で475億円`, `計画期間中に1,000人`.
const PERIOD_PREFIX = new RegExp(`(?:\\d年間|(?<![RH令和平成\\d])\\d{1,2}年(?=で)|[5五]か年|計画期間中?|期間中)(?:の累計|の合計|合計|累計)?(?:で|に)?\\s*[:：]?\\s*${NUM}`);
// The same said after the figure: `475億円/5年`.
const PERIOD_SUFFIX = new RegExp(`${NUM}${PER_YEARS}`);
// A year in a label: 令和7年度, R7, 2025年度.
const YEAR = String.raw`((?:令和|平成|(?<![A-Za-z])[RH])(?:元|\d{1,2})(?:年度?)?|(?:19|20)\d\d年度?)`;
// Words saying a year's number is where the count starts, not the goal: `基準 令和2年度 180社`, `現状：R2：180社`.
const NOT_AFTER_BASE = String.raw`(?<!(?:基準|現状|策定時|当初|実績)(?:値)?\s*[:：]?\s*)`;
// A level to reach by a year said in words: `令和7年度までに900社`, `R7年度末に900社`, `R7年度末 900社`, `R7：900社`,
// `令和7年度末時点で900社`, `令和7年度目標 900社`; after the word 目標, with a space alone between: `目標：令和7年度 900社`.
// The same with a space alone between (`R7年度 900社`), only as the label's last words: `令和3年度 180社から増やす`
// states where the count starts; nor after a word saying so (`基準 令和2年度 180社`).
const YEAR_SPACED = new RegExp(`${NOT_AFTER_BASE}((?:令和|平成|(?<![A-Za-z])[RH])(?:元|\\d{1,2})年度?|(?:19|20)\\d\\d年度)\\s+${NUM}\\s*$`);
const YEAR_PREFIX = new RegExp(
  `${NOT_AFTER_BASE}${YEAR}(?:(?:末|まで)*(?:に|で|の)?目標値?|末?(?:時点|現在)(?:で|に|(?=\\s*[:：]))|末(?:まで)?(?:に|で)?|まで(?:に|で)?|に|(?=\\s*[:：]))\\s*[:：]?\\s*${NUM}`,
);
// A level to reach by a year written in parentheses before the figure: `（令和5年度末）300社`, `(R7年度末時点) 900社`; not a
// level a count starts from (`（令和2年度）180社から`, `…→`), nor after a word saying so.
const YEAR_PAREN_FIRST = new RegExp(`${NOT_AFTER_BASE}[(（]\\s*${YEAR}(?:末|まで|時点|現在|目標)*\\s*[)）]\\s*[:：]?\\s*${NUM}`, 'g');
/** YEAR_PAREN_FIRST's last match whose figure is not where a count starts (`（令和2年度）180社から`, `…→`). */
function levelAfterParenYear(t: string): RegExpExecArray | null {
  let level: RegExpExecArray | null = null;
  YEAR_PAREN_FIRST.lastIndex = 0;
  for (let m = YEAR_PAREN_FIRST.exec(t); m; m = YEAR_PAREN_FIRST.exec(t)) {
    if (!/^[^\s\d]{0,3}?\s*(?:→|⇒|から)/.test(t.slice(m.index + m[0].length - m[3].length))) level = m;
  }
  return level;
}

// A level named a stock with no year (`立地企業数（ストック） 310社`, `310社（ストック）`): the plan's final level, its year
// not said.
const STOCK_NO_YEAR = new RegExp(`[(（]ストック[)）]\\s*[:：]?\\s*${NUM}|${NUM}\\s*[(（]ストック[)）]`);
// The year may stand in brackets after the word: `目標（令和7年度）：900社`, `目標値(R7) 900社`.
const GOAL_YEAR = new RegExp(`目標値?\\s*[:：]?\\s*(?:[(（]\\s*${YEAR}(?!\\d)(?:末|まで)*\\s*[)）]|${YEAR}(?!\\d)(?:末|まで)*)(?:に|で)?\\s*[:：]?\\s*${NUM}`);

/**
 * Reads the goal from a label; undefined when the label states none. `years`, the years of the table it heads: of the
 * goals a label states for two plans (`475億円（平成29～令和3年度累計）、第2期 500億円（令和4～8年度累計）`,
 * `900社（令和7年度）、1,200社（令和12年度）`), the last whose year, or whose whole period, the table shows; else the last.
 * A goal whose number cannot be read (`1,2345人（累計）`, `1.2.3億円（累計）`) is none; given `unread`, it is put there as a
 * cell of the label holding no number, for a warning.
 */
export function parseGoal(text: string, ref: CellRef, years?: readonly (number | null)[], unread?: ValueCell[]): PlanGoal | undefined {
  return readGoals(text, ref, years, unread).goal;
}

/**
 * The goal parseGoal reads, and the other plans' goals the label states: a total (`第1期 475億円（累計）` beside the second
 * plan's) or a level (`900社（令和3年度）` beside `1,200社（令和8年度）`).
 */
export function readGoals(text: string, ref: CellRef, years?: readonly (number | null)[], unread?: ValueCell[]): { goal?: PlanGoal; others: PlanGoal[] } {
  const t = toHalfWidth(text);
  const note = (figure: string, parsed: Parsed) => {
    if (parsed.kind === 'invalid' && unread && unread.length === 0) unread.push({ ref, parsed: { ...parsed, text: figure.trim() }, text, storage: 'text' });
  };
  let found: PlanGoal | undefined;
  // The goals of plans, a level a count starts from (`180社（令和2年度）→`) none.
  const plans: PlanGoal[] = [];
  // exec in a loop, not matchAll: matchAll copies the pattern on every call, three times the cost of the matching here.
  WITH_PAREN.lastIndex = 0;
  for (let m = WITH_PAREN.exec(t); m; m = WITH_PAREN.exec(t)) {
    // The number before a verb (groups 1, 2) or before the parentheses (3, 4).
    const inner = m[6];
    const value = parseNumberText(`${m[1] ?? m[3]}${m[2] ?? m[4]}`);
    // `(累計)`, `(5年間)`, `(計画期間)`, `/5年（…）`: a total over the plan's years; `(年間)` is a year's.
    const cumulative = m[5] !== undefined || /累計|合計|総計|期間計|か年計|年間計|^\d+年間$|^[5五]か年$|^計画期間中?$/.test(inner);
    // `(令和7年度末)`, `(R7まで)`, `(令和7年度達成)`, `(R7年度までに達成目標)`: the year the level is reached by; a level as
    // at a year's end (`(令和7年度末現在)`, `(令和7年度末残高)`, `(R7年度末時点の残高)`, `(R7・ストック)`) too.
    const fy = cumulative ? undefined : parseFiscalYear(inner.replace(/(?:末|まで|に|で|の|・|時点|現在|残高|ストック|目標|達成)+$/, ''));
    if (value.kind !== 'number') {
      if (cumulative || (fy && !fy.baseline)) note(m[0], value);
      continue;
    }
    const starting = /^\s*(?:→|⇒|から)/.test(t.slice(m.index + m[0].length));
    if (cumulative) {
      found = { value, cumulative: true, year: null, ref, text: m[0].trim() };
      if (!starting) plans.push(found);
      continue;
    }
    if (fy && !fy.baseline) {
      found = { value, cumulative: false, year: fy.year, ref, text: m[0].trim() };
      if (!starting) plans.push(found);
    }
  }
  if (found) {
    if (plans.length < 2) return { goal: found, others: [] };
    inferPeriods(plans);
    const goal = (years && goalOfYearsShown(plans, years)) || found;
    return { goal, others: plans.filter((g) => g !== goal) };
  }
  const prefix = CUMULATIVE_PREFIX.exec(t);
  if (prefix) {
    const value = parseNumberText(`${prefix[1]}${prefix[2]}`);
    if (value.kind === 'number') return { goal: { value, cumulative: true, year: null, ref, text: prefix[0].trim() }, others: [] };
    note(prefix[0], value);
  }
  const period = PERIOD_PREFIX.exec(t);
  if (period) {
    const value = parseNumberText(`${period[1]}${period[2]}`);
    if (value.kind === 'number') return { goal: { value, cumulative: true, year: null, ref, text: period[0].trim() }, others: [] };
    note(period[0], value);
  }
  const perYears = PERIOD_SUFFIX.exec(t);
  if (perYears) {
    const value = parseNumberText(`${perYears[1]}${perYears[2]}`);
    if (value.kind === 'number') return { goal: { value, cumulative: true, year: null, ref, text: perYears[0].trim() }, others: [] };
    note(perYears[0], value);
  }
  // GOAL_YEAR's year is in group 1 (in brackets) or 2, its figure in the two groups after; the others' in 1, 2 and 3.
  const goalYear = GOAL_YEAR.exec(t);
  const byYear = goalYear ? [goalYear[0], goalYear[1] ?? goalYear[2], goalYear[3], goalYear[4]] : YEAR_PREFIX.exec(t) ?? YEAR_SPACED.exec(t) ?? levelAfterParenYear(t);
  const fy = byYear ? parseFiscalYear(byYear[1]) : undefined;
  if (byYear && fy && !fy.baseline) {
    const value = parseNumberText(`${byYear[2]}${byYear[3]}`);
    if (value.kind === 'number') return { goal: { value, cumulative: false, year: fy.year, ref, text: byYear[0].trim() }, others: [] };
    note(byYear[0], value);
  }
  const stock = byYear ? null : STOCK_NO_YEAR.exec(t);
  if (stock) {
    const [figure, unit] = stock[1] !== undefined ? [stock[1], stock[2]] : [stock[3], stock[4]];
    const value = parseNumberText(`${figure}${unit}`);
    if (value.kind === 'number') return { goal: { value, cumulative: false, year: null, ref, text: stock[0].trim() }, others: [] };
    note(stock[0], value);
  }
  return { others: [] };
}

// A zone's plan runs five years (SPEC §1.1: `475億円 (累計)` is a 5-year total); zones are designated anew after it.
const PLAN_YEARS = 5;

/**
 * The years of a plan's total that names none, beside one that does: the five before it (`第1期 475億円（累計）、第2期
 * 500億円（令和4～8年度累計）`: 平成29～令和3年度) or after it.
 */
function inferPeriods(plans: PlanGoal[]): void {
  for (let k = 0; k < plans.length; k++) {
    const g = plans[k];
    if (!g.cumulative || planPeriod(g.text)) continue;
    const next = plans[k + 1]?.cumulative ? planPeriod(plans[k + 1].text) : undefined;
    const previous = plans[k - 1]?.cumulative ? planPeriod(plans[k - 1].text) : undefined;
    if (next?.to != null) g.period = { years: PLAN_YEARS, to: next.to - next.years };
    else if (previous?.to != null) g.period = { years: PLAN_YEARS, to: previous.to + PLAN_YEARS };
  }
}

/** The last of the goals whose year, or whose whole period (`平成29～令和3年度累計`), is among the years shown. */
function goalOfYearsShown(goals: PlanGoal[], years: readonly (number | null)[]): PlanGoal | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const y of years) {
    if (y === null) continue;
    first = Math.min(first, y);
    last = Math.max(last, y);
  }
  for (let k = goals.length - 1; k >= 0; k--) {
    const g = goals[k];
    const period = g.cumulative ? goalPlanPeriod(g) : undefined;
    const from = period?.to != null ? period.to - period.years + 1 : g.year;
    const to = period?.to != null ? period.to : g.year;
    if (from !== null && to !== null && from >= first && to <= last) return g;
  }
  return undefined;
}
