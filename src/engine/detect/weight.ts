import { dec } from '../decimal.js';
import { parseNumberText, type NumberValue } from '../numbers.js';
import { compact } from '../text.js';
import type { ValueCell, Weight } from '../model.js';

/**
 * The words a weight is labelled with: 寄与度, and its synonyms 寄与率, ウエイト (ウェイト; not the start of a longer word
 * such as ウエイトレス) and 重み. 寄与率 is a target's share of its indicator, never a progress (達成率 and 進捗率 are those).
 */
export const WEIGHT_WORD = String.raw`(?:寄与度|寄与率|ウ[エェ]イト(?![ァ-ヺー])|重み)`;
const WEIGHT_LABEL = new RegExp(WEIGHT_WORD);
const WEIGHT_LABEL_FIRST = new RegExp(`^${WEIGHT_WORD}`);
/** A weight times a progress (`寄与度×進捗度`, `寄与度を乗じた進捗度`): a target's part of its indicator's progress, no weight. */
const WEIGHTED_PROGRESS = new RegExp(`^${WEIGHT_WORD}.*(進捗|進ちょく|達成)(度|率)`);

/** Where a text names a weight (`寄与度`, `寄与率`, `ウエイト`, `重み`); -1 when it does not. */
export function weightLabelAt(text: string): number {
  return text.search(WEIGHT_LABEL);
}

/** Whether a compact label names a weight times a progress (`寄与度×進捗度`, `寄与度を乗じた進捗度`). */
export function namesWeightedProgress(c: string): boolean {
  return WEIGHTED_PROGRESS.test(c);
}

/**
 * Whether a compact label starts with a weight's label word: `寄与度(※):33%`, `ウエイト：50%`; not a weight times a
 * progress (`寄与度×進捗度`), which states no weight.
 */
export function startsWithWeightLabel(c: string): boolean {
  return WEIGHT_LABEL_FIRST.test(c) && !WEIGHTED_PROGRESS.test(c);
}

/**
 * Weights stated year by year (a 寄与度 row or column, null where a year states none): the latest year's, and each
 * year's when they change from one year to the next (a revised plan); null when no year states one.
 */
export function yearlyWeights(stated: (Weight | null)[]): { weight: Weight; yearWeights?: (Weight | null)[] } | null {
  const latest = stated.reduce<Weight | null>((last, w) => w ?? last, null);
  if (!latest?.value) return latest && { weight: latest };
  const changing = stated.some((w) => w?.value && !w.value.value.eq(latest.value!.value));
  return changing ? { weight: latest, yearWeights: stated } : { weight: latest };
}

// A share in kanji numerals (`三分の一`, `十分の三`): one numeral on each side, one to ten.
const KANJI_DIGITS = '一二三四五六七八九十';
const KANJI_FRACTION = /^[一二三四五六七八九十]分の[一二三四五六七八九十]$/;

/**
 * A weight written as a fraction (`1/3`, `3分の1`, `三分の一`, in compact half-width text): its share in percent, 100 × a ÷ b, as
 * exact as the arithmetic.
 */
export function fractionWeight(rest: string): NumberValue | undefined {
  const slash = /^(\d{1,3})\/(\d{1,3})$/.exec(rest);
  const words = slash ? undefined : /^(\d{1,3})分の(\d{1,3})$/.exec(KANJI_FRACTION.test(rest) ? rest.replace(/[一二三四五六七八九十]/g, (k) => String(KANJI_DIGITS.indexOf(k) + 1)) : rest);
  const [a, b] = slash ? [slash[1], slash[2]] : words ? [words[2], words[1]] : [];
  if (a === undefined || b === undefined || Number(b) === 0 || Number(a) > Number(b)) return undefined;
  const value = dec(100).times(a).div(b);
  // Known to far below any rounding: 1/3 + 1/3 + 1/3 is 100.
  return { kind: 'number', value, lo: value, hi: value, unit: '%', scale: dec(1), scaleLabel: '', decimals: 12, exact: false, numeric: false, percent: true };
}

/** A ratio (0.33) as a percent (33), shown to two decimals fewer. */
function ratioAsPercent(p: NumberValue): NumberValue {
  return { ...p, value: p.value.times(100), lo: p.lo.times(100), hi: p.hi.times(100), decimals: Math.max(0, p.decimals - 2) };
}

/**
 * The weight in a `寄与度` label: `寄与度(※):33%` → 33, `寄与度(※):33(%)` → 33, `寄与度50%）` (the end of
 * `…（寄与度50%）`) → 50; null for `寄与度(※):-(%)` (none given); undefined when the label carries nothing after it.
 */
export function parseWeightText(text: string): NumberValue | null | undefined {
  // Labels repeat (`寄与度(※):33%` in every block): each is read once, up to a bound on the memory kept.
  let weight = weightTexts.get(text);
  if (weight === undefined && !weightTexts.has(text)) {
    weight = readWeightText(text);
    if (weightTexts.size >= 10_000) weightTexts.clear();
    weightTexts.set(text, weight);
  }
  return weight;
}

const weightTexts = new Map<string, NumberValue | null | undefined>();

/** Forgets the labels read so far (see forgetParsed). */
export function forgetWeights(): void {
  weightTexts.clear();
}

function readWeightText(text: string): NumberValue | null | undefined {
  const c = compact(text);
  const rest = c.replace(WEIGHT_LABEL_FIRST, '').replace(/^[(（][※*]?[)）]/, '').replace(/^[:：]/, '');
  if (!rest) return undefined;
  const fraction = fractionWeight(rest);
  if (fraction) return fraction;
  // Inside a longer text the weight is the number right after the label: `…（寄与度50%）`, `寄与度33%、…`.
  const lead = /^[△▲-]?\d+(?:\.\d+)?(?:\(%\)|%|割(?:\d分)?)?|^[一二三四五六七八九十]割(?:[一二三四五六七八九]分)?/.exec(rest)?.[0];
  const full = parseNumberText(rest);
  const parsed = full.kind === 'invalid' && lead ? parseNumberText(lead) : full;
  if (parsed.kind === 'blank') return null;
  if (parsed.kind !== 'number') return undefined;
  if (!parsed.percent && parsed.value.lte(1) && parsed.decimals > 0) return { ...ratioAsPercent(parsed), percent: true };
  return parsed;
}

/** The weight a longer text states after its `寄与度` (or 寄与率 …): `数値目標(1)-① 投資額（寄与度33%）` → 33 (as parseWeightText reads it). */
export function weightInText(text: string): NumberValue | null | undefined {
  const at = weightLabelAt(text);
  return at < 0 ? undefined : parseWeightText(text.slice(at));
}

/** A weight in percent: `33%`, 33, or 0.33 in a General cell. */
export function weightPercent(p: NumberValue): NumberValue {
  return p.percent || p.value.gt(1) ? p : ratioAsPercent(p);
}

/** The weight a cell of a 寄与度 column or row states, in percent (a share too: `1/3`); null when it states none. */
export function weightInCell(c: ValueCell): Weight | null {
  const value = c.parsed.kind === 'number' ? weightPercent(c.parsed) : fractionWeight(compact(c.text));
  return value ? { value, ref: c.ref, text: c.text } : null;
}

/**
 * A target's weight as its indicator's title lists them (`寄与度：(1)-①60%、(1)-②40%`, `寄与度 ①50％ ②30％ ③20％`, in
 * compact half-width text): its sub-number, circled or katakana, and the indicator's number where written before it.
 */
const LISTED_WEIGHT = /(?:\(?(\d+)\)?[-－−‐‑–—―ーｰ─━])?([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|[アイウエオカキクケコ](?![ァ-ヺー]))[:：=]?(\d{1,3}(?:\.\d+)?)%/g;

/**
 * The weights a title lists per target after its `寄与度` (`評価指標(1) 産業集積（寄与度：(1)-①60%、(1)-②40%）`,
 * `評価指標１：…［寄与度 ①50％ ②30％ ③20％］`): each target's sub-number (`①`), the indicator's number when the
 * list writes it (`1`), and the weight in percent; none when the text lists no weight by target.
 */
export function weightsListedInText(text: string): { indicator?: string; sub: string; value: NumberValue }[] {
  const at = weightLabelAt(text);
  if (at < 0) return [];
  const rest = compact(text.slice(at)).replace(WEIGHT_LABEL_FIRST, '');
  const listed: { indicator?: string; sub: string; value: NumberValue }[] = [];
  for (const m of rest.matchAll(LISTED_WEIGHT)) {
    const value = parseNumberText(`${m[3]}%`);
    if (value.kind !== 'number') continue;
    listed.push({ ...(m[1] !== undefined && { indicator: String(Number(m[1])) }), sub: m[2], value });
  }
  return listed;
}
