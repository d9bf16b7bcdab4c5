/** The plan goal written in a 数値目標 label: `475億円 (累計)`, `180 社（令和3年度）→900 社（令和7年度）`. */
import { parseNumberText } from '../numbers.js';
import { toHalfWidth } from '../text.js';
import { parseFiscalYear } from '../years.js';
import type { CellRef, PlanGoal } from '../model.js';

const NUM = String.raw`([△▲-]?\d+(?:\.\d+)?)\s*((?:兆|億|百万|千万|万|千)?[^\s\d()（）、,.:：→~～・]{0,3})`;
const WITH_PAREN = new RegExp(`${NUM}\\s*[(（]\\s*([^)）]{1,20})[)）]`, 'g');
const CUMULATIVE_PREFIX = new RegExp(`累計(?:目標)?(?:値)?(?:で|に)?\\s*[:：]?\\s*${NUM}`);
// A total over the plan's years said in words: `5年間で475億円`, `計画期間中に1,000人`.
const PERIOD_PREFIX = new RegExp(`(?:\\d年間|[5五]か年|計画期間中?|期間中)(?:の累計|の合計|合計|累計)?(?:で|に)?\\s*[:：]?\\s*${NUM}`);
// A level to reach by a year said in words: `令和7年度までに900社`, `R7年度末に900社`, `R7年度末 900社`, `R7：900社`.
// The same with a space alone between (`R7年度 900社`), only as the label's last words: `令和3年度 180社から増やす`
// states where the count starts; nor after a word saying so (`基準 令和2年度 180社`).
const YEAR_SPACED = new RegExp(`(?<!(?:基準|現状|策定時|当初|実績)(?:値)?\\s*[:：]?\\s*)((?:令和|平成|(?<![A-Za-z])[RH])(?:元|\\d{1,2})年度?|(?:19|20)\\d\\d年度)\\s+${NUM}\\s*$`);
const YEAR_PREFIX = new RegExp(`((?:令和|平成|(?<![A-Za-z])[RH])(?:元|\\d{1,2})(?:年度?)?|(?:19|20)\\d\\d年度?)(?:末(?:まで)?(?:に|で)?|まで(?:に|で)?|に|(?=\\s*[:：]))\\s*[:：]?\\s*${NUM}`);

/** Reads the goal from a label; undefined when the label states none. */
export function parseGoal(text: string, ref: CellRef): PlanGoal | undefined {
  const t = toHalfWidth(text).replace(/(?<=\d),(?=\d{3})/g, '');
  let found: PlanGoal | undefined;
  for (const m of t.matchAll(WITH_PAREN)) {
    const [, digits, unit, inner] = m;
    const value = parseNumberText(`${digits}${unit}`);
    if (value.kind !== 'number') continue;
    // `(累計)`, `(5年間)`, `(計画期間)`: a total over the plan's years; `(年間)` is a year's.
    if (/累計|合計|総計|期間計|か年計|年間計|^\d+年間$|^[5五]か年$|^計画期間中?$/.test(inner)) {
      found = { value, cumulative: true, year: null, ref, text: m[0].trim() };
      continue;
    }
    const fy = parseFiscalYear(inner.replace(/(末|まで|時点|目標)$/, ''));
    if (fy) found = { value, cumulative: false, year: fy.year, ref, text: m[0].trim() };
  }
  if (found) return found;
  const prefix = CUMULATIVE_PREFIX.exec(t);
  if (prefix) {
    const value = parseNumberText(`${prefix[1]}${prefix[2]}`);
    if (value.kind === 'number') return { value, cumulative: true, year: null, ref, text: prefix[0].trim() };
  }
  const period = PERIOD_PREFIX.exec(t);
  if (period) {
    const value = parseNumberText(`${period[1]}${period[2]}`);
    if (value.kind === 'number') return { value, cumulative: true, year: null, ref, text: period[0].trim() };
  }
  const byYear = YEAR_PREFIX.exec(t) ?? YEAR_SPACED.exec(t);
  const fy = byYear ? parseFiscalYear(byYear[1]) : undefined;
  if (byYear && fy) {
    const value = parseNumberText(`${byYear[2]}${byYear[3]}`);
    if (value.kind === 'number') return { value, cumulative: false, year: fy.year, ref, text: byYear[0].trim() };
  }
  return undefined;
}
