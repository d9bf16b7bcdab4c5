import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';
import { book, findingsOf, keys, sheet, type Spec } from '../../helpers.js';
import { applyWrites } from '../../property/grids.js';
import { formatFinding } from '../../../src/engine/messages/index.js';
import { progressSheet, R } from './blocks.js';

const keihin1 = {
  label: '数値目標(1)-① 特区関連事業による投資額 475億円 (累計)',
  weight: '寄与度(※):33%',
  target: ['115億円', '81億円', '87億円', '93億円', '99億円'],
  actual: ['119億円', '141億円', '120億円', '', ''],
  progress: ['104%', '174%', '138%', '', ''],
};

describe('progress-mismatch', () => {
  it('no error for 119/115 = 103.48 stated as 104 %: 億円 amounts are rounded, so 104 is reachable', () => {
    const f = findingsOf(book(progressSheet('S', ['平成29年度', '平成30年度', '令和元年度', '令和2年度', '令和3年度'], [keihin1])));
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('a progress stated as a bound (`100%以上`, `100%超`, `100%未満`) holds when the progress reaches it, and is an error where it does not (the bound is looked at where the number alone disagrees)', () => {
    const at = (progress: string[]) =>
      findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人', '200人'], actual: ['210人', '200人', '190人'], progress }]))).map((f) => [f.rule, f.cell, f.expected, f.stated]);
    // Before, each 100%以上 was an error: 105 and 100 stated as 100.
    expect(at(['100%以上', '100%以上', '95%'])).toEqual([]);
    expect(at(['100%超', '100%', '95%'])).toEqual([]);
    expect(at(['105%', '100%', '100%以上'])).toEqual([['progress-mismatch', 'F4', 95, 100]]);
    expect(at(['100%未満', '100%', '100%未満'])).toEqual([['progress-mismatch', 'D4', 105, 100]]);
    // The recalculation writes the exact progress, without the bound.
    const { model } = checkWorkbook(book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人', '200人'], actual: ['210人', '200人', '190人'], progress: ['100%以上', '100%', '100%以上'] }])));
    expect(planRecalculation(model).writes.map((w) => [w.address, w.value])).toEqual([['F4', '95%']]);
  });

  it('a strict bound (`100%超`, `100%未満`) the progress cannot meet is an error though its number agrees: 199 ÷ 200 = 99.5 % is no 100%超, 200 ÷ 200 no 100%超 or 100%未満', () => {
    const at = (actual: string[], progress: string[], target = '200人') =>
      findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: actual.map(() => target), actual, progress }]))).map((f) => [f.rule, f.cell, f.expected, f.stated, formatFinding(f)]);
    // Before, each was accepted: 100 is what 99.5 % and 100 % round to, and the word was not looked at.
    expect(at(['199人', '200人', '200人'], ['100%超', '100%超', '100%未満'])).toEqual([
      ['progress-mismatch', 'D4', 100, 100, '数値目標(1) 令和元年度の進捗度 100%超 は、実績値 ÷ 目標値 × 100 から得られる 100% と数値は同じですが、「超」の記載と合いません。 (199 ÷ 200 × 100 = 99.5 → 100)'],
      ['progress-mismatch', 'E4', 100, 100, '数値目標(1) 令和2年度の進捗度 100%超 は、実績値 ÷ 目標値 × 100 から得られる 100% と数値は同じですが、「超」の記載と合いません。 (200 ÷ 200 × 100 = 100 → 100)'],
      ['progress-mismatch', 'F4', 100, 100, '数値目標(1) 令和3年度の進捗度 100%未満 は、実績値 ÷ 目標値 × 100 から得られる 100% と数値は同じですが、「未満」の記載と合いません。 (200 ÷ 200 × 100 = 100 → 100)'],
    ]);
    // Where the progress may meet the word, it holds: 201 ÷ 200 is over 100 %, 199 ÷ 200 under it, and 200億円 ÷ 200億円
    // (each rounded to a whole 億円) either.
    expect(at(['201人', '199人', '200人'], ['100%超', '100%未満', '100%以上'])).toEqual([]);
    expect(at(['200億円', '200億円'], ['100%超', '100%未満'], '200億円')).toEqual([]);
    // The recalculation writes the progress, without the word.
    const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人'], actual: ['199人', '200人'], progress: ['100%超', '100%未満'] }]));
    const writes = planRecalculation(checkWorkbook(s).model).writes;
    expect(writes.map((w) => [w.address, w.value])).toEqual([
      ['D4', '100%'],
      ['E4', '100%'],
    ]);
    expect(findingsOf(applyWrites(s, writes))).toEqual([]);
  });

  it('a progress stated in 割 (`5割`, `5割2分`, `五割`) is that percentage: 50 %, 52 %, 50 %, never 5 or no number', () => {
    const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人', '200人'], actual: ['100人', '104人', '110人'], progress: ['5割', '5割2分', '五割'] }]));
    const { model, findings } = checkWorkbook(s);
    // Before: D4 an error stating 5 %, E4 and F4 unreadable. Now 110 ÷ 200 = 55 % is no 五割, the others agree.
    expect(findings.map((f) => [f.rule, f.cell, f.expected, f.stated])).toEqual([['progress-mismatch', 'F4', 55, 50]]);
    // The recalculation writes the percentage, as the cell reads.
    expect(planRecalculation(model).writes.map((w) => [w.address, w.value])).toEqual([['F4', '55%']]);
  });

  it('a progress with a mark or word around its figure (`○104%`, `◎104%`, `達成 104%`, `(104%)`, `104% 達成`) is read, and rewritten with them kept', () => {
    const at = (actual: string, progress: string[]) => {
      const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: progress.map(() => '200人'), actual: progress.map(() => actual), progress }]));
      const { model, findings } = checkWorkbook(s);
      return [findings.map((f) => [f.rule, f.cell, f.expected, f.stated]), planRecalculation(model).writes.map((w) => w.value)];
    };
    // Before, each was an unparseable-number warning, its progress unchecked.
    expect(at('208人', ['○104%', '◎104%', '達成 104%', '(104%)', '104% 達成'])).toEqual([[], []]);
    const wrong = ['○104%', '◎104%', '達成 104%', '（１０４％）', '104% 達成'];
    expect(at('124人', wrong)).toEqual([
      wrong.map((_, i) => ['progress-mismatch', `${'DEFGH'[i]}4`, 62, 104]),
      // A mark is kept as it is where the workbook shows no mark for a target not reached (and said in the summary of
      // changes); a word saying the target was reached says so of the progress written.
      ['○62%', '◎62%', '未達成 62%', '（６２％）', '62% 未達成'],
    ]);
    const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人'], actual: ['124人', '124人'], progress: ['○104%', '達成 104%'] }]));
    expect(planRecalculation(checkWorkbook(s).model).marksKept).toEqual(['S!D4']);
    // A word saying so where it is not: 208 ÷ 200 = 104 % was reached.
    expect(at('208人', ['未達成 104%'])[0]).toEqual([['progress-mismatch', 'D4', 104, 104]]);
  });

  it('a mark saying the target was reached (`○104%`) is rewritten as the workbook marks one not reached (`×62%`, `62%△`), and back', () => {
    const fix = (progress: string[], actual: string[]) => {
      const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: progress.map(() => '200人'), actual, progress }]));
      const plan = planRecalculation(checkWorkbook(s).model);
      return { writes: plan.writes.map((w) => [w.address, w.value]), marksKept: plan.marksKept, after: findingsOf(applyWrites(s, plan.writes)).map((f) => f.rule) };
    };
    // Before, `×62%` and `62%△` were unreadable (unparseable-number) and the rewritten ○ stayed: ○62%.
    expect(fix(['○104%', '×62%', '○104%'], ['208人', '124人', '124人'])).toEqual({ writes: [['F4', '×62%']], marksKept: [], after: [] });
    expect(fix(['104%○', '62%△', '104%○'], ['208人', '124人', '124人'])).toEqual({ writes: [['F4', '62%△']], marksKept: [], after: [] });
    expect(fix(['○104%', '× 62%', '× 62%'], ['208人', '124人', '208人'])).toEqual({ writes: [['F4', '○ 104%']], marksKept: [], after: [] });
    // Two marks for a target not reached (`90%△`, `40%×`: before the figure △ is a minus sign): the one whose figures take the progress in, or the nearer end.
    const banded = ['104%○', '90%△', '40%×', '104%○', '104%○'];
    expect(fix(banded, ['208人', '180人', '80人', '184人', '60人'])).toEqual({ writes: [['G4', '92%△'], ['H4', '30%×']], marksKept: [], after: [] });
    // Between the two bands: no mark fits, the cell's own is kept and said.
    expect(fix(['104%○', '90%△', '40%×', '104%○'], ['208人', '180人', '80人', '140人'])).toEqual({ writes: [['G4', '70%○']], marksKept: ['S!G4'], after: [] });
    // A table writing ○ under 100 % too (`○95%`) draws its line elsewhere: ○ is kept with 96 % and said, never made ×.
    expect(fix(['○104%', '○95%', '×62%', '○104%'], ['208人', '190人', '124人', '192人'])).toEqual({ writes: [['G4', '○96%']], marksKept: ['S!G4'], after: [] });
    // A bullet says nothing of the target: kept, not said.
    expect(fix(['●104%', '×62%', '●104%'], ['208人', '124人', '124人'])).toEqual({ writes: [['F4', '●62%']], marksKept: [], after: [] });
  });

  it('an exact count stated off by one is an error: 136/200 = 68 stated as 69', () => {
    const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人'], actual: ['136人'], progress: ['69%'] }])));
    expect(keys(f)).toEqual(['progress-mismatch@S!D4']);
    expect(f[0]).toMatchObject({ expected: 68, stated: 69, severity: 'error', calc: '136 ÷ 200 × 100 = 68 → 68' });
  });

  it('rounds half up: 37/60 = 61.67 → 62 and 20/45 = 44.4 → 44 are accepted, 61 is not', () => {
    const ok = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(2)', target: [60, 45], actual: [37, 20], progress: [62, 44] }])));
    expect(ok).toEqual([]);
    const bad = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(2)', target: [60], actual: [37], progress: [61] }])));
    expect(keys(bad)).toEqual(['progress-mismatch@S!D4']);
  });

  it('a whole percent shown with zero decimals (62.0 %) states the rounded whole percent SPEC §3 asks for', () => {
    // 37/60 = 61.67: 62.0 % is its whole percent; 61.7 % its first decimal; 61.0 % and 61.5 % are neither.
    const ok = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(2)', target: [60, 60, 60], actual: [37, 37, 37], progress: [{ v: 0.62, fmt: '0.0%' }, '62.0%', '61.7%'] }])));
    expect(ok).toEqual([]);
    const bad = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(2)', target: [60, 60], actual: [37, 37], progress: [{ v: 0.61, fmt: '0.0%' }, '61.5%'] }])));
    expect(bad.map((f) => [f.rule, f.cell, f.expected, f.stated])).toEqual([
      ['progress-mismatch', 'D4', 62, 61],
      ['progress-mismatch', 'E4', 61.7, 61.5],
    ]);
  });

  it('reads 0% cells holding ratios: 1.38 is 138 %', () => {
    const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)', target: [87], actual: [120], progress: [{ v: 1.38, fmt: '0%' }, null] }])));
    expect(f).toEqual([]);
    const g = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)', target: [87], actual: [120], progress: [{ v: 1.28, fmt: '0%' }] }])));
    expect(g[0]).toMatchObject({ rule: 'progress-mismatch', expected: 138, stated: 128 });
  });
});

describe('a percent sign written in the format (`0"%"`)', () => {
  it('a cell formatted `0"%"` shows its number with a percent sign: 104 is 104 %, and 1.04 (shown `1%`) is 1 %, no ratio', () => {
    const row = (progress: Spec[]) => findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人', '200人'], actual: ['208人', '208人', '208人'], progress }])));
    expect(row([{ v: 104, fmt: '0"%"' }, { v: 104, fmt: '0"％"' }, { v: 104.0, fmt: '0.0"%"' }])).toEqual([]);
    // Before, 1.04 shown as `1%` (or `1.04%`) was taken for the ratio 1.04 and accepted.
    expect(row([{ v: 1.04, fmt: '0"%"' }, { v: 1.04, fmt: '0.00"%"' }, { v: 1.04, fmt: 'G/標準"%"' }]).map((f) => [f.rule, f.cell, f.expected, f.stated])).toEqual([
      ['progress-mismatch', 'D4', 104, 1],
      ['progress-mismatch', 'E4', 104, 1.04],
      ['progress-mismatch', 'F4', 104, 1.04],
    ]);
    // The recalculation writes the percent the format shows (104 shows `104%`), not a ratio that would show `1%`.
    const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人'], actual: ['208人', '208人'], progress: [{ v: 1.5, fmt: '0"%"' }, { v: 150, fmt: '0"%"' }] }]));
    const writes = planRecalculation(checkWorkbook(s).model).writes;
    expect(writes.map((w) => [w.address, w.value])).toEqual([
      ['D4', 104],
      ['E4', 104],
    ]);
    expect(findingsOf(applyWrites(s, writes))).toEqual([]);
  });
});

describe('a unit with a note or a bound written in the format (`0"%（達成）"`, `0"件（見込）"`, `0"件/年"`)', () => {
  it('is read as the same words typed after a number are: `0"%（達成）"` shows a percentage, `0"件（見込）"` counts 件', () => {
    const row = (progress: Spec[]) => findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人'], actual: ['208人', '208人'], progress }])));
    expect(row([{ v: 104, fmt: '0"%（達成）"' }, { v: 104, fmt: '0"％(見込)"' }])).toEqual([]);
    // Before, 1.04 shown as `1%（達成）` was taken for the ratio 1.04 and accepted.
    expect(row([{ v: 1.04, fmt: '0"%（達成）"' }, { v: 104, fmt: '0"%（達成）"' }]).map((f) => [f.rule, f.cell, f.expected, f.stated])).toEqual([['progress-mismatch', 'D4', 104, 1]]);
    // The recalculation writes the percent the format shows: 104, shown `104%（達成）`.
    const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人'], actual: ['208人'], progress: [{ v: 1.5, fmt: '0"%（達成）"' }] }]));
    expect(planRecalculation(checkWorkbook(s).model).writes.map((w) => [w.address, w.value])).toEqual([['D4', 104]]);
    // Before, each row mixed 件 with `件（見込）` or `件/年`: a unit-mismatch warning, and the progress unchecked.
    for (const fmt of ['0"件（見込）"', '0"件/年"', '#,##0"件(速報値)"']) {
      const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1) 件数', target: ['100件', '100件'], actual: [{ v: 120, fmt }, { v: 120, fmt }], progress: ['120%', '150%'] }])));
      expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated]), fmt).toEqual([['progress-mismatch', 'E4', 120, 150]]);
    }
  });
});

describe('a progress stated as a multiple (`1.04倍`)', () => {
  it('1.04倍 is 104 %, in text or in a `0.00"倍"` cell; a wrong one is rewritten as a multiple', () => {
    const row = (progress: Spec[]) => findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人', '200人', '200人'], actual: ['208人', '208人', '208人', '207人'], progress }])));
    // Before, each was read as 1.04 % (a false progress-mismatch: expected 104, stated 1.04).
    expect(row(['1.04倍', '１．０４倍', { v: 1.04, fmt: '0.00"倍"' }, '1.035倍'])).toEqual([]);
    expect(row(['1.50倍', '1.0倍', { v: 1.5, fmt: '0.00"倍"' }, '1.03倍']).map((f) => [f.rule, f.cell, f.expected, f.stated])).toEqual([
      ['progress-mismatch', 'D4', 104, 150],
      ['progress-mismatch', 'E4', 104, 100],
      ['progress-mismatch', 'F4', 104, 150],
      ['progress-mismatch', 'G4', 104, 103],
    ]);
    const s = book(progressSheet('S', R, [{ label: '数値目標(1) 就業者数', target: ['200人', '200人', '200人'], actual: ['208人', '208人', '300人'], progress: ['1.50倍', { v: 1.5, fmt: '0.00"倍"' }, null] }]));
    const writes = planRecalculation(checkWorkbook(s).model).writes;
    expect(writes.map((w) => [w.address, w.value])).toEqual([
      ['D4', '1.04倍'],
      ['E4', 1.04],
      ['F4', '1.50倍'],
    ]);
    expect(findingsOf(applyWrites(s, writes))).toEqual([]);
  });

  it('a summary line stating its progress as a multiple (`進捗度 1.04倍`) restates 104 %, and is rewritten as a multiple', () => {
    const line = (progress: string) =>
      book(
        progressSheet('別紙1', ['平成29年度'], [{ label: '数値目標(1)-① 投資額', target: ['115億円'], actual: ['119億円'], progress: ['104%'] }]),
        sheet('本文', [[null, `数値目標（1）-①：投資額【当該年度目標値 115 億円、当該年度実績値 119 億円、進捗度 ${progress}】`]]),
      );
    // Before, 1.04倍 was 1.04 % (a false summary-mismatch: expected 103.48, stated 1.04).
    expect(findingsOf(line('1.04倍'))).toEqual([]);
    const wrong = line('1.50倍');
    expect(findingsOf(wrong).map((f) => [f.rule, f.sheet, f.cell, f.expected, f.stated])).toEqual([['summary-mismatch', '本文', 'B1', 103, 150]]);
    const writes = planRecalculation(checkWorkbook(wrong).model).writes;
    expect(writes.map((w) => [w.address, w.value])).toEqual([['B1', '数値目標（1）-①：投資額【当該年度目標値 115 億円、当該年度実績値 119 億円、進捗度 1.03倍】']]);
    expect(findingsOf(applyWrites(wrong, writes))).toEqual([]);
  });
});

describe('a low progress in a row of ratios', () => {
  it('0.15 where 12 ÷ 81 gives 14.8 % is a ratio (15 %), as 1.03 and 1.38 beside it are; 1 where 1 ÷ 100 gives 1 % is 1 %', () => {
    const row = (progress: Spec[], actual = [119, 12, 120]) => findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)', target: [115, 81, 87], actual, progress }])));
    expect(row([1.03, 0.15, 1.38])).toEqual([]);
    expect(row(['1.03', '0.15', '1.38'])).toEqual([]);
    expect(row([{ v: 0.01, fmt: '0.00' }, 0.02, 0.01], [1, 2, 1].map((a, i) => a * [115, 81, 87][i] / 100))).toEqual([]);
    expect(row([103, 15, 138])).toEqual([]);
    expect(row([1, 1, 1], [1.15, 0.81, 0.87])).toEqual([]);
    // A wrong one is still wrong, and is rewritten as a ratio.
    const f = row([1.03, 0.14, 1.38]);
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['progress-mismatch', 'E4', 15, 14]]);
    const s = book(progressSheet('S', R, [{ label: '数値目標(1)', target: [115, 81, 87], actual: [119, 12, 120], progress: [1.03, 0.14, 1.38] }]));
    expect(planRecalculation(checkWorkbook(s).model).writes.map((w) => [w.address, w.value])).toEqual([['E4', 0.15]]);
  });

  it('a blank or a wrong low progress beside 1.03 and 1.38 is written as a ratio, as the row writes them (0.14 for 12 ÷ 87)', () => {
    for (const [progress, written] of [
      [[1.03, 1.38, null], 0.14],
      [[1.03, 1.38, 0.13], 0.14],
      [['1.03', '1.38', '-'], '0.14'],
    ] as [Spec[], number | string][]) {
      const s = book(progressSheet('S', R, [{ label: '数値目標(1)', target: [115, 81, 87], actual: [119, 112, 12], progress }]));
      const writes = planRecalculation(checkWorkbook(s).model).writes;
      expect(writes.map((w) => [w.address, w.value])).toEqual([['F4', written]]);
    }
  });

  it('under 1 % the two readings come too close to tell: 5 ÷ 991 (0.5 %) is written in percent, and a second fix writes nothing', () => {
    const s = book(progressSheet('S', R, [{ label: '数値目標(1)', target: ['115億円', '81億円', '991億円'], actual: ['119億円', '112億円', '5億円'], progress: [1.03, 1.38, null] }]));
    const writes = planRecalculation(checkWorkbook(s).model).writes;
    expect(writes.map((w) => [w.address, w.value])).toEqual([['F4', 1]]);
    expect(planRecalculation(checkWorkbook(applyWrites(s, writes)).model).writes).toEqual([]);
  });
});

describe('progress-missing and progress-orphan', () => {
  it('target and actual without progress → missing, with the computed value', () => {
    const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)', target: [180, 360], actual: [194, 461], progress: [108, ''] }])));
    expect(keys(f)).toEqual(['progress-missing@S!E4']);
    expect(f[0].expected).toBe(128);
  });

  it('a block with no progress row where the table’s other blocks have one → missing once, for its latest year, at its actual (before, none); a table with no progress row at all is none', () => {
    const years = ['当初(令和3年度)', '令和4年度', '令和5年度', '令和6年度', '令和7年度'];
    const rows: Spec[][] = [
      [null, null, ...years],
      ['数値目標(1) 連携企業数 180 社（令和3年度）→900 社（令和7年度）', '目標値', 180, 360, 540, 720, 900],
      [null, '実績値', 194, 461, 580, 707, null],
      ['数値目標(2) 事業・産業創出 15 件（令和3年度）→75 件（令和7年度）', '目標値', 15, 30, 45, 60, 75],
      [null, '実績値', 11, 15, 20, 37, null],
      [null, '進捗度', 73, 50, 44, 62, null],
    ];
    const f = findingsOf(book(sheet('S', rows)));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.expected, x.stated, x.calc])).toEqual([['progress-missing', 'warning', 'F3', 98, null, '707 ÷ 720 × 100 = 98.19 → 98']]);
    expect([formatFinding(f[0], 'ja'), formatFinding(f[0], 'en')]).toEqual([
      '数値目標(1)には進捗度の行がありません(同じ表の他の数値目標にはあります)。令和6年度は目標値と実績値があり、計算値は 98% です。 (707 ÷ 720 × 100 = 98.19 → 98)',
      'Target (1) has no progress row, though the other targets of its table have one; FY2024: target and actual are present, computed 98%. (707 ÷ 720 × 100 = 98.19 → 98)',
    ]);
    expect(findingsOf(book(sheet('S', rows.slice(0, 5))))).toEqual([]);
  });

  it('progress stated where the actual is blank → orphan', () => {
    const f = findingsOf(book(progressSheet('S', R, [{ label: '数値目標(1)', target: [180, 360], actual: [194, ''], progress: [108, 100] }])));
    expect(keys(f)).toEqual(['progress-orphan@S!E4']);
  });

  it('a progress formula filled ahead into the years to come shows 0 over their blank actuals: nothing stated, no orphan', () => {
    const years = ['令和4年度', '令和5年度', '令和6年度', '令和7年度'];
    const f = (formula: string, shown: number, fmt?: string) =>
      findingsOf(
        book(
          progressSheet('S', years, [
            { label: '数値目標(1)', target: [180, 360, 540, 720], actual: [194, 461, '', ''], progress: [108, 128, { v: shown, f: formula, fmt }, { v: shown, f: formula.replace(/F/g, 'G'), fmt }] },
          ]),
        ),
      );
    expect(f('IFERROR(ROUND(F3/F2*100,0),"")', 0)).toEqual([]);
    expect(f('F3/F2', 0, '0%')).toEqual([]);
    // A formula showing a figure of its own over a blank actual still states it.
    expect(keys(f('ROUND(E3/F2*100,0)', 85))).toEqual(['progress-orphan@S!F4', 'progress-orphan@S!G4']);
    // A 0 typed over a blank actual is stated.
    const typed = findingsOf(book(progressSheet('S', years, [{ label: '数値目標(1)', target: [180, 360, 540, 720], actual: [194, 461, '', ''], progress: [108, 128, 0, ''] }])));
    expect(keys(typed)).toEqual(['progress-orphan@S!F4']);
  });
});

describe('zero-target', () => {
  it('the IPO target of 000_… is 0 until the last year and stated as 100 once achieved: information, not an error', () => {
    const f = findingsOf(
      book(progressSheet('S', ['当初(令和3年度)', '令和4年度', '令和5年度', '令和6年度', '令和7年度'], [{ label: '数値目標(3) 1 件（令和7年度）', weight: '寄与度(※):-(%)', target: [0, 0, 0, 0, 1], actual: [0, 1, 1, 1, ''], progress: ['', 100, 100, 100, ''] }])),
    );
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.stated])).toEqual([
      ['zero-target', 'info', 'D4', null],
      ['zero-target', 'info', 'E4', 100],
      ['zero-target', 'info', 'F4', 100],
      ['zero-target', 'info', 'G4', 100],
    ]);
  });

  it('in a table of progress written as ratios (1.08 for 108 %), the IPO row’s 1 over a target of 0 states 100 %, as the info says and the indicator’s progress reads it', () => {
    const rows: Spec[][] = [
      [null, null, null, '令和4年度', '令和5年度', '令和6年度'],
      ['評価指標(1) 連携企業数', '数値目標(1) 連携企業数', '目標値', 360, 540, 720],
      [null, null, '実績値', 461, 580, 707],
      [null, '寄与度(※):-(%)', '進捗度', 1.28, 1.07, 0.98],
      ['評価指標(3) 株式公開（IPO）件数', '数値目標(3) IPO件数', '目標値', 0, 0, 0],
      [null, null, '実績値', 1, 1, 1],
      [null, '寄与度(※):-(%)', '進捗度', 1, 1, 1],
      ['評価指標(3)の進捗度', null, null, '100%', '100%', '100%'],
    ];
    const f = findingsOf(book(sheet('S', rows)));
    // Before: 「(記載は 1%)」, and the indicator's 100 % an error against a mean of 1 %.
    expect(f.map((x) => [x.rule, x.cell, x.stated])).toEqual([
      ['zero-target', 'D7', 100],
      ['zero-target', 'E7', 100],
      ['zero-target', 'F7', 100],
    ]);
    expect(formatFinding(f[0], 'ja')).toBe('数値目標(3) 令和4年度は目標値が 0 のため、進捗度を計算しません(記載は 100%)。');
    // A row of percentages (進捗度(%) 128, 107, 98) keeps its 1 as 1 %.
    const percent = rows.map((r, k) => (k === 3 ? [null, '寄与度(※):-(%)', '進捗度(%)', 128, 107, 98] : k === 6 ? [null, '寄与度(※):-(%)', '進捗度(%)', 1, 1, 1] : k === 7 ? [...r.slice(0, 3), '1%', '1%', '1%'] : r));
    expect(findingsOf(book(sheet('S', percent))).map((x) => [x.rule, x.cell, x.stated])).toEqual([
      ['zero-target', 'D7', 1],
      ['zero-target', 'E7', 1],
      ['zero-target', 'F7', 1],
    ]);
  });
});
