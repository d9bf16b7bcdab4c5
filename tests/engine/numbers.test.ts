import { describe, expect, it } from 'vitest';
import { inUnitOf, parseCell, parseNumberText, formatInfo, unitGroup, type NumberValue } from '../../src/engine/numbers.js';

function num(text: string): NumberValue {
  const p = parseNumberText(text);
  if (p.kind !== 'number') throw new Error(`${text} → ${p.kind}`);
  return p;
}

describe('parseNumberText: the number forms of SPEC §2', () => {
  it.each([
    ['119億円', '11900000000', '億', '円'],
    ['24.5万人', '245000', '万', '人'],
    ['177,000 (千円)', '177000000', '千', '円'],
    ['46,298人', '46298', '', '人'],
    ['１０４％', '104', '', '%'],
    ['104%', '104', '', '%'],
    ['△5', '-5', '', null],
    ['▲1,200千円', '-1200000', '千', '円'],
    ['1，100人', '1100', '', '人'],
    ['3.5百万円', '3500000', '百万', '円'],
    ['4.75百億円', '47500000000', '百億', '円'],
    ['1.2十億円', '1200000000', '十億', '円'],
    ['2兆円', '2000000000000', '兆', '円'],
    ['8者', '8', '', '者'],
    ['900社', '900', '', '社'],
    ['6件', '6', '', '件'],
    ['12名', '12', '', '名'],
    ['50円', '50', '', '円'],
    ['87 億円', '8700000000', '億', '円'],
    ['33(%)', '33', '', '%'],
    ['104パーセント', '104', '', '%'],
  ])('%s → %s', (text, value, scale, unit) => {
    const n = num(text);
    expect(n.value.toFixed()).toBe(value);
    expect(n.scaleLabel).toBe(scale);
    expect(n.unit).toBe(unit);
  });

  it.each(['', '-', '－', '—', '―', '‐', '該当なし', '/', '- (千円)', '－(千円)'])('%j is a blank, not zero', (text) => {
    expect(parseNumberText(text).kind).toBe('blank');
  });

  it('keeps the displayed precision: 119億円 is 118.5–119.5 億円', () => {
    const n = num('119億円');
    expect(n.lo.toFixed()).toBe('11850000000');
    expect(n.hi.toFixed()).toBe('11950000000');
    expect(n.exact).toBe(false);
  });

  it('24.5万人 is 244,500–245,500 人', () => {
    const n = num('24.5万人');
    expect([n.lo.toFixed(), n.hi.toFixed()]).toEqual(['244500', '245500']);
  });

  it('a plain integer count is exact', () => {
    for (const t of ['46,298人', '8者', '900社', '6件', '12名', '194']) {
      const n = num(t);
      expect(n.exact, t).toBe(true);
      expect(n.lo.eq(n.hi)).toBe(true);
    }
  });

  it('an approximate figure (約1,300人, 50件程度, 前後) is known to its last digit other than a zero: 約1,300人 is 1,250–1,350 人', () => {
    for (const [t, lo, hi] of [
      ['約1,300人', '1250', '1350'],
      ['約1,234人', '1233.5', '1234.5'],
      ['50件程度', '45', '55'],
      ['約120億円', '11500000000', '12500000000'],
      ['約1.5万人', '14500', '15500'],
      ['200人前後', '150', '250'],
    ]) {
      const n = num(t);
      expect([n.lo.toFixed(), n.hi.toFixed(), n.exact], t).toEqual([lo, hi, false]);
    }
  });

  it('a length of time is an amount in its unit; a date or a time of day is not', () => {
    for (const [t, value, unit] of [['30分', '30', '分'], ['2.5時間', '2.5', '時間'], ['14日間', '14', '日間'], ['6か月間', '6', 'か月間'], ['3年間', '3', '年間']]) {
      expect([num(t).value.toFixed(), num(t).unit], t).toEqual([value, unit]);
    }
    for (const t of ['12時', '3年', '12月', '4月1日', '10分の1']) expect(parseNumberText(t).kind, t).toBe('invalid');
  });

  it('±0 is zero (as a change is written where there is none); ± before any other number is no number', () => {
    for (const t of ['±0', '±０', '±0件', '±0円']) expect([num(t).value.toFixed(), num(t).exact], t).toEqual(['0', true]);
    for (const t of ['±5', '±1,200千円', '±0.5']) expect(parseNumberText(t).kind, t).toBe('invalid');
  });

  it('a place counted as か所, 箇所, ヶ所, カ所, ケ所 or ヵ所 is one unit however it is spelled, as a month is (ヵ月 too)', () => {
    for (const u of ['箇所', 'ヶ所', 'カ所', 'ケ所', 'ヵ所']) expect(unitGroup(u), u).toBe(unitGroup('か所'));
    expect(unitGroup('か所')).not.toBe(unitGroup('件'));
    expect(unitGroup('ヵ月')).toBe(unitGroup('か月'));
  });

  it('a count of days or months without 間 is a length of time too (`30日`, `6か月`), and its forms with and without 間 compare', () => {
    for (const [t, value, unit] of [['30日', '30', '日'], ['１０日', '10', '日'], ['6か月', '6', 'か月'], ['3ヶ月', '3', 'ヶ月'], ['2カ月', '2', 'カ月']]) {
      expect([num(t).value.toFixed(), num(t).unit], t).toEqual([value, unit]);
    }
    expect(unitGroup('日')).toBe(unitGroup('日間'));
    expect(unitGroup('か月')).toBe(unitGroup('ヶ月間'));
    expect(unitGroup('日')).not.toBe(unitGroup('か月'));
  });

  it('a minus typed as a hyphen or a dash (‐5億円, –6%, as text pasted from a document holds it) is a minus sign', () => {
    for (const t of ['‐5億円', '‑5億円', '‒5億円', '–5億円']) expect(num(t).value.toFixed(), t).toBe('-500000000');
    expect(num('–6%').value.toFixed()).toBe('-6');
  });

  it('a figure with the one it replaced in parentheses (`100億円（当初87億円）`, `(変更前87億円)`, `（修正前：110億円）`) is the revised figure', () => {
    for (const [t, v] of [['100億円（当初87億円）', '10000000000'], ['100（当初目標87）', '100'], ['100億円(変更前87億円)', '10000000000'], ['120億円（修正前：110億円）', '12000000000']]) expect(num(t).value.toFixed(), t).toBe(v);
  });

  it('a comma is a thousands separator only before exactly three digits: `1,2345人` is no number, not 12,345 人', () => {
    // A misplaced separator leaves it unknown which number was meant (12,345 or 1,234 and a stray 5): a warning, never a guess.
    for (const t of ['1,2345人', '12,3456億円', '1,234,5678', '１，２３４５']) expect(parseNumberText(t).kind, t).toBe('invalid');
    // Nor after a point or after four digits: `1.2,345` is no 1.2345, `1234,567` no 1,234,567.
    for (const t of ['1.2,345人', '0.5,000', '1234,567', '12345,678円']) expect(parseNumberText(t).kind, t).toBe('invalid');
    for (const [t, v] of [['1,234,567', '1234567'], ['１，２３４，５６７円', '1234567'], ['1,234.5', '1234.5'], ['12,345人', '12345'], ['1,234,567.25', '1234567.25'], ['△1,234千円', '-1234000']]) expect(num(t).value.toFixed(), t).toBe(v);
  });

  it('digits apart on two lines or after a space are no one number: `120\\n130` is not 120,130, `3 5件` not 35 件', () => {
    // Two figures in one cell (a figure over the one it replaced, a target over an actual), or a stray space: a warning, never a guess.
    for (const t of ['120\n130', '3 5件', '1 2345人', '１０４　１０５', '1 200件', '1.0 4', '12 0%', '104\n105%', '1, 200件', '約 120 130件', '△ 1 200']) expect(parseNumberText(t).kind, JSON.stringify(t)).toBe('invalid');
    // Spaces elsewhere are nothing: around the unit, after a sign or 約, before a note on the next line.
    for (const [t, v] of [['120 件', '120'], ['120 億円', '12000000000'], ['約 120件', '120'], ['△ 5', '-5'], ['120\n(見込)', '120'], ['104 %', '104'], ['120件 (2024. 3. 31現在)', '120'], ['1億 2,000万円', '120000000']] as const) expect(num(t).value.toFixed(), t).toBe(v);
  });

  it('a figure with words after its unit saying it is not yet known (`120億円集計中`, `35件調査中`, `35件未確定`) is no figure, as `120億円(集計中)` is none, never one in the unit 円集計中', () => {
    for (const t of ['120億円集計中', '120億円 集計中', '35件調査中', '35件精査中', '35件未確定', '35件未集計', '120億円(集計中)']) expect(parseNumberText(t).kind, t).toBe('invalid');
    // What kind of figure it is (速報, 見込, 確定, 予定) is a note: the figure is read.
    for (const t of ['35件(速報)', '35件速報値', '35件見込み', '35件確定', '120億円予定']) expect((parseNumberText(t) as NumberValue).unit, t).toMatch(/^[件円]$/);
  });

  it('text that is not a number is invalid, not zero', () => {
    for (const t of ['未集計', '集計中', '約束', '12月末', '1-2件', '1万2億円', '1億5兆円', '1千2万円', '1億2億円', '※1']) expect(parseNumberText(t).kind, t).toBe('invalid');
  });

  it.each([
    ['120億円(見込)', '12000000000', '円'],
    ['120億円（見込み）', '12000000000', '円'],
    ['120 (速報値)', '120', null],
    ['46,298人(R5.3末時点)', '46298', '人'],
    ['5件（累計）', '5', '件'],
    ['35件累計', '35', '件'],
    ['1,500億円累計', '150000000000', '円'],
    ['119億円※', '11900000000', '円'],
    ['842人※2', '842', '人'],
    ['177,000 (千円)(見込)', '177000000', '円'],
    ['900社以上', '900', '社'],
    ['120億円超', '12000000000', '円'],
    ['50件程度', '50', '件'],
    ['1,200人（延べ）', '1200', '人'],
    ['延べ1,200人', '1200', '人'],
    ['年間120件', '120', '件'],
    ['年間 1,200人', '1200', '人'],
    ['120件/年', '120', '件'],
    ['1,200人／年度', '1200', '人'],
    ['120億円（実績見込）', '12000000000', '円'],
    ['30件（単年度）', '30', '件'],
    ['119*', '119', null],
    ['119億円＊', '11900000000', '円'],
    ['119 注1', '119', null],
    ['119(注)', '119', null],
    ['119人(※)', '119', '人'],
    ['12,000人(概数)', '12000', '人'],
    ['12,000人（R6.3末）', '12000', '人'],
    ['120社(2024.3)', '120', '社'],
    ['120社(令和6年3月末)', '120', '社'],
    // Whether the target was reached, noted after a progress.
    ['104%(達成)', '104', '%'],
    ['68％（未達成）', '68', '%'],
    ['68%（未達）', '68', '%'],
  ])('a note after the number is not part of it: %s', (text, value, unit) => {
    const n = num(text);
    expect([n.value.toFixed(), n.unit]).toEqual([value, unit]);
  });

  it.each([
    ['707社 ※速報値', '707', '社'],
    ['707社※速報値', '707', '社'],
    ['707社※1', '707', '社'],
    ['120億円 ※R5.3末時点', '12000000000', '円'],
    ['120億円※うち国費50億円', '12000000000', '円'],
    ['707社速報値', '707', '社'],
    ['120億円見込', '12000000000', '円'],
    ['120億円 実績見込み', '12000000000', '円'],
    ['1,200人 暫定値', '1200', '人'],
    ['136人(増)', '136', '人'],
    ['136人（増加）', '136', '人'],
    ['136人増', '136', '人'],
    ['１３６人増', '136', '人'],
    ['90% ※速報値', '90', '%'],
    ['104%(暫定値)', '104', '%'],
    // What the figure holds, in parentheses: the part of it someone paid (`うち`, `内訳`), what it includes or leaves out.
    ['120億円（うち民間100億円）', '12000000000', '円'],
    ['120億円(うち国費50億円、県費20億円)', '12000000000', '円'],
    ['300,000千円（内訳：国150,000千円）', '300000000', '円'],
    ['119億円（民間投資を含む）', '11900000000', '円'],
    ['46,298人（海外からの受入れ含む）', '46298', '人'],
    ['120億円（用地費を除く）', '12000000000', '円'],
    // The year or the part of it a figure is of, what it counts, which budget figure it is, with or without tax.
    ['120億円(R1速報値)', '12000000000', '円'],
    ['120億円(令和元年度末)', '12000000000', '円'],
    ['120億円（R2年度末）', '12000000000', '円'],
    ['120億円（４－１２月）', '12000000000', '円'],
    ['120億円（上半期）', '12000000000', '円'],
    ['120億円（見込み額）', '12000000000', '円'],
    ['120億円（決算見込）', '12000000000', '円'],
    ['120億円（当初予算）', '12000000000', '円'],
    ['120億円（税込）', '12000000000', '円'],
    ['46,298人（延べ人数）', '46298', '人'],
    ['46,298人（実人数）', '46298', '人'],
    ['5件（新規）', '5', '件'],
    ['30件（累計値）', '30', '件'],
    ['120億円（単年度分）', '12000000000', '円'],
    // The year as the calendar writes it, months named on both sides of a range, a running total of the year.
    ['120件（2023年度）', '120', '件'],
    ['120件(2023年度末)', '120', '件'],
    ['120件（2023年度速報値）', '120', '件'],
    ['120件（4月～3月）', '120', '件'],
    ['120件（年度累計）', '120', '件'],
    // The day a figure was taken, a slash between its parts, the kind of figure after it, the fiscal year in English.
    ['900社（2023年3月31日）', '900', '社'],
    ['900社（R5.3.31）', '900', '社'],
    ['900社(2023/3/31)', '900', '社'],
    ['900社（R6.3月末見込）', '900', '社'],
    ['900社（FY2023）', '900', '社'],
    // What the figure adds up and on what basis, and the other spellings of its kind.
    ['120億円（累計額）', '12000000000', '円'],
    ['120億円（年度計）', '12000000000', '円'],
    ['120億円（事業費ベース）', '12000000000', '円'],
    ['120億円（確報値）', '12000000000', '円'],
    ['46,298人（のべ）', '46298', '人'],
    ['46,298人（のべ人数）', '46298', '人'],
  ])('a note officials write after a figure, after a space or without parentheses, is no part of it: %s', (text, value, unit) => {
    const n = num(text);
    expect([n.value.toFixed(), n.unit]).toEqual([value, unit]);
  });

  it('a note never changes the number read: its digits are not the figure, nor a unit going on after a note mark', () => {
    // `(前年比+10%)` is a note, but not one that can be told from a second figure: the cell is not read.
    for (const t of ['120社(前年比+10%)', '120※億円', '120※1億円', '※1 707社', '5人(減)']) expect(parseNumberText(t).kind, t).toBe('invalid');
    // A decrease is no increase: `5人減` keeps its own unit and is never 5人.
    expect(num('5人減').unit).toBe('人減');
  });

  it('a number written with several scales, largest first, is their sum, shown to its last part’s digit', () => {
    const a = num('1億2,000万円');
    expect([a.value.toFixed(), a.lo.toFixed(), a.hi.toFixed(), a.unit]).toEqual(['120000000', '119995000', '120005000', '円']);
    const b = num('3万5千人');
    expect([b.value.toFixed(), b.lo.toFixed(), b.hi.toFixed()]).toEqual(['35000', '34500', '35500']);
    const c = num('1万2,345人');
    expect([c.value.toFixed(), c.exact]).toEqual(['12345', true]);
    expect(num('2兆3,456億円').value.toFixed()).toBe('2345600000000');
    // A 千万 or 百万 last part after 億: `1億2千万円` is 1.2 億円, shown to the 千万.
    const d = num('1億2千万円');
    expect([d.value.toFixed(), d.lo.toFixed(), d.hi.toFixed()]).toEqual(['120000000', '115000000', '125000000']);
    expect(num('1億5百万円').value.toFixed()).toBe('105000000');
  });

  it('a progress with words saying it passed its target or fell short, before it in parentheses or after it (`目標を上回った(138%)`, `68%（目標を下回った）`), is the figure and says so', () => {
    for (const [text, value, reached] of [
      ['目標を上回った(138%)', 138, true],
      ['目標を上回った（１３８％）', 138, true],
      ['目標を下回った(68%)', 68, false],
      ['目標達成(104%)', 104, true],
      ['目標未達成（68％）', 68, false],
      ['138%（目標を上回った）', 138, true],
      ['68%(目標を下回った)', 68, false],
      ['138％（目標値を上回る）', 138, true],
      ['目標を上回った 138%', 138, true],
    ] as const) {
      expect(num(text)).toMatchObject({ percent: true, reached });
      expect(num(text).value.toNumber()).toBe(value);
    }
    // Other words before a figure are still no number.
    expect(parseNumberText('前年を上回った(138%)').kind).toBe('invalid');
  });

  it('words saying by how much a progress passed its target or fell short (`目標を大きく上回った(231%)`, `98%（目標をやや下回った）`) are read as those words', () => {
    expect(num('目標を大きく上回った(231%)')).toMatchObject({ percent: true, reached: true });
    expect(num('目標を大幅に上回った（２３１％）').value.toNumber()).toBe(231);
    expect(num('98%（目標をやや下回った）')).toMatchObject({ percent: true, reached: false });
    expect(num('目標をわずかに下回った 98%').reached).toBe(false);
  });

  it('a figure after a mark or a word saying whether its target was reached, or a percentage in parentheses, is the figure', () => {
    for (const text of ['○104%', '◎104%', '〇104%', '◯ 104%', '達成 104%', '達成：104%', '(104%)', '（１０４％）', '104%○', '104% 達成']) expect(num(text)).toMatchObject({ percent: true, unit: '%' });
    expect(num('達成 104%').reached).toBe(true);
    expect(num('未達成 68%').reached).toBe(false);
    expect(num('104% 達成').reached).toBe(true);
    // In parentheses a bare number may be a minus, as accounts write one: no number. A mark alone is none.
    expect(parseNumberText('(104)').kind).toBe('invalid');
    expect(parseNumberText('○').kind).toBe('invalid');
  });

  it('a share in 割 is the percentage it means: `5割` is 50 %, `5割2分` 52 %, `五割` 50 %, never 5', () => {
    // Before, `5割` read as 5 (in a unit 割) and `5割2分`, `五割` as no number.
    const at = (text: string) => {
      const n = num(text);
      return [n.value.toFixed(), n.lo.toFixed(), n.hi.toFixed(), n.percent, n.unit, n.exact];
    };
    expect(at('5割')).toEqual(['50', '50', '50', true, '%', true]);
    expect(at('5割2分')).toEqual(['52', '52', '52', true, '%', true]);
    expect(at('五割')).toEqual(['50', '50', '50', true, '%', true]);
    expect(at('五割二分')).toEqual(['52', '52', '52', true, '%', true]);
    expect(at('十割')).toEqual(['100', '100', '100', true, '%', true]);
    expect(at('5割2分5厘')).toEqual(['52.5', '52.5', '52.5', true, '%', false]);
    // Approximate, it is known to its last part: 約5割 is 45–55 %, 5割2分程度 51.5–52.5 %.
    expect(at('約5割')).toEqual(['50', '45', '55', true, '%', false]);
    expect(at('5割2分程度')).toEqual(['52', '51.5', '52.5', true, '%', false]);
    expect(num('5割以上').bound).toBe('以上');
    expect(num('5割(達成)').reached).toBe(true);
    // Anything else with 割 in it is no number: a discount.
    expect(parseNumberText('3割引').kind).toBe('invalid');
  });
});

describe('parseCell: numeric cells and their number formats', () => {
  it.each(['G/標準"件"', 'General"件"', 'G/標準"件";[赤]-G/標準"件"'])('General with a unit, as Japanese and English Excel write it (%s), is no date', (numFmt) => {
    const p = parseCell({ value: 12.5, numFmt }) as NumberValue;
    expect([p.kind, p.value.toFixed(), p.unit, p.decimals]).toEqual(['number', '12.5', '件', 1]);
    expect((parseCell({ value: 12, numFmt }) as NumberValue).exact).toBe(true);
  });

  it.each(['[=0]"-";0"件"', '[=0]"－";#,##0"件"', '[<1]"-";0"件"'])('a format whose first condition hides a value (%s) is read by its section that shows digits', (numFmt) => {
    const p = parseCell({ value: 12, numFmt }) as NumberValue;
    expect([p.kind, p.value.toFixed(), p.unit]).toEqual(['number', '12', '件']);
  });

  it('a format of conditions shows each value by the section it meets, as Excel does: [<1]0.0%;0% shows 1.0065 as 101%, 0.5 as 50.0%', () => {
    const at = (value: number, numFmt: string) => {
      const p = parseCell({ value, numFmt }) as NumberValue;
      return [p.value.toFixed(), p.decimals, p.lo.toFixed(), p.hi.toFixed(), p.unit];
    };
    expect(at(1.0065, '[<1]0.0%;0%')).toEqual(['100.65', 0, '100.5', '101.5', '%']);
    expect(at(0.5, '[<1]0.0%;0%')).toEqual(['50', 1, '49.95', '50.05', '%']);
    expect(at(1234.5, '[>=1000]#,##0;0.0')).toEqual(['1234.5', 0, '1234.5', '1235.5', null]);
    expect(at(12.34, '[>=1000]#,##0;0.0')).toEqual(['12.34', 1, '12.25', '12.35', null]);
    // Met by none of its sections, or by one that shows no digits (a zero shown `-`): read as before.
    expect(at(0, '[=0]"-";0"件"')).toEqual(['0', 0, '0', '0', '件']);
  });

  it('a 0% cell holding 1.38 shows 138%', () => {
    const p = parseCell({ value: 1.38, numFmt: '0%' });
    expect(p.kind === 'number' && p.percent && p.value.toFixed()).toBe('138');
  });

  it('#,##0"億円" holding 119 is 119 億円 to the nearest 億', () => {
    const p = parseCell({ value: 119, numFmt: '#,##0"億円"' }) as NumberValue;
    expect(p.value.toFixed()).toBe('11900000000');
    expect(p.lo.toFixed()).toBe('11850000000');
    expect(p.unit).toBe('円');
  });

  it('a numeric cell with no decimals and no scale is exact', () => {
    const p = parseCell({ value: 194 }) as NumberValue;
    expect(p.exact).toBe(true);
  });

  it('0.0 shows one decimal: 24.53 is read within 24.45–24.55', () => {
    const p = parseCell({ value: 24.53, numFmt: '0.0' }) as NumberValue;
    expect(p.lo.toFixed()).toBe('24.45');
    expect(p.hi.toFixed()).toBe('24.55');
  });

  it('error values, formulas without results, dates and booleans are not numbers', () => {
    expect(parseCell({ value: null, error: '#DIV/0!' })).toMatchObject({ kind: 'invalid', reason: 'error' });
    expect(parseCell({ value: null, formula: 'A1/B1', noCachedResult: true })).toMatchObject({ kind: 'invalid', reason: 'no-cached-result' });
    expect(parseCell({ value: 45000, numFmt: 'yyyy/m/d' })).toMatchObject({ kind: 'invalid', reason: 'date' });
    expect(parseCell({ value: true })).toMatchObject({ kind: 'invalid', reason: 'boolean' });
    expect(parseCell(undefined).kind).toBe('blank');
  });

  it('reads number formats: percent, decimals, literal units, thousands scaling, dates', () => {
    expect(formatInfo('0.0%')).toMatchObject({ percent: true, decimals: 1 });
    expect(formatInfo('#,##0"千円";[Red]-#,##0"千円"')).toMatchObject({ unitText: '千円', decimals: 0 });
    expect(formatInfo('#,##0,')).toMatchObject({ thousandsScaling: 1 });
    // Held in 円, shown in 千円 or 百万円 by the trailing commas: the amount is what the cell holds.
    const yen = (v: number, fmt: string) => parseCell({ value: v, numFmt: fmt }) as NumberValue;
    expect([yen(1200000, '#,##0,"千円"')].map((p) => [p.value, p.lo, p.hi, p.unit, p.scaleLabel].map(String))).toEqual([['1200000', '1199500', '1200500', '円', '千']]);
    expect(String(yen(1500000000, '#,##0,,"百万円"').value)).toBe('1500000000');
    expect(String(yen(1200, '#,##0"千円"').value)).toBe('1200000');
    expect(String(yen(1234567, '#,##0,').value)).toBe('1234567');
    expect([yen(1234567, '#,##0,')].map((p) => [p.lo, p.hi, p.scale].map(String))).toEqual([['1234500', '1235500', '1000']]);
  });

  it('a format with words before the digits that typed there are no unit (`"約"0"件"`, `"延べ"#,##0"人"`) shows its unit after them; a scientific one (`0.0E+00`) no unit, known to its mantissa’s last digit', () => {
    const cell = (v: number, fmt: string) => parseCell({ value: v, numFmt: fmt }) as NumberValue;
    const read = (p: NumberValue) => [p.unit, p.scaleLabel, p.decimals, ...[p.lo, p.value, p.hi].map(String)];
    expect(read(cell(1300, '"約"0"件"'))).toEqual(['件', '', 0, '1300', '1300', '1300']);
    expect(read(cell(1234, '"延べ"#,##0"人"'))).toEqual(['人', '', 0, '1234', '1234', '1234']);
    expect(read(cell(5, '"約"0.0"億円"'))).toEqual(['円', '億', 1, '495000000', '500000000', '505000000']);
    // 12,345 shows 1.2E+04 (11,500–12,500), 1.23E+4, and 12.3E+3 in the engineering format; 99.6 shows 1.0E+02.
    expect(read(cell(12345, '0.0E+00'))).toEqual([null, '', 0, '11500', '12345', '12500']);
    expect(read(cell(12345, '0.00E+0'))).toEqual([null, '', 0, '12250', '12345', '12350']);
    expect(read(cell(12345, '##0.0E+0'))).toEqual([null, '', 0, '12250', '12345', '12350']);
    expect(read(cell(99.6, '0.0E+00'))).toEqual([null, '', 0, '95', '99.6', '105']);
    expect(read(cell(0.00123, '0.0E+00'))).toEqual([null, '', 4, '0.00115', '0.00123', '0.00125']);
    // Words that typed before a number are no number stay the unit as written.
    expect(cell(5, '"計"#,##0"円"').unit).toBe('計円');
  });

  it('bounds a numeric cell by what it shows, below and above its value, negative ones too', () => {
    const cell = (v: number, fmt: string) => parseCell({ value: v, numFmt: fmt }) as NumberValue;
    const bounds = (p: NumberValue) => [p.lo, p.value, p.hi].map(String);
    // -12.53 % shown as -12.5 %.
    expect(bounds(cell(-0.1253, '0.0%'))).toEqual(['-12.55', '-12.53', '-12.45']);
    // 119.4 shown as 119 億円: 118.5 to 119.5 億円.
    expect(bounds(cell(119.4, '#,##0"億円"'))).toEqual(['11850000000', '11940000000', '11950000000']);
    expect(bounds(cell(-3.75, '0.0'))).toEqual(['-3.85', '-3.75', '-3.75']);
    // A count shown whole is exact.
    expect(bounds(cell(42, '0"件"'))).toEqual(['42', '42', '42']);
    expect(formatInfo('[$-ja-JP]ggge"年"m"月"d"日"').isDate).toBe(true);
    expect(formatInfo('General').decimals).toBeNull();
  });
});

describe('inUnitOf: a bare number beside a number with a unit', () => {
  const n = (text: string) => parseNumberText(text) as NumberValue;
  const numeric = (v: number, fmt?: string) => parseCell({ value: v, numFmt: fmt }) as NumberValue;

  it('reads a bare count in a scaled unit as rounded to its last digit, as if the unit were written', () => {
    const v = inUnitOf(numeric(100), n('300億円'));
    expect([v.value, v.lo, v.hi].map(String)).toEqual(['10000000000', '9950000000', '10050000000']);
    expect(v).toMatchObject({ unit: '円', scaleLabel: '億', exact: false, numeric: true });
    expect(inUnitOf(n('24.5'), n('25万人'))).toMatchObject({ unit: '人', scaleLabel: '万', decimals: 1 });
    expect(String(inUnitOf(n('24.5'), n('25万人')).lo)).toBe('244500');
  });

  it('keeps a bare count exact in a unit without scale', () => {
    const v = inUnitOf(n('900'), n('900社'));
    expect(v).toMatchObject({ unit: '社', exact: true });
    expect([v.lo, v.hi].map(String)).toEqual(['900', '900']);
  });

  it('leaves numbers with a unit of their own, pairs of bare numbers and percentages as they are', () => {
    for (const [v, like] of [
      [n('100億円'), numeric(100)],
      [n('100人'), n('3億円')],
      [numeric(100), numeric(200)],
      [numeric(100), n('50%')],
      [n('50%'), n('3億円')],
      [numeric(100, '#,##0"億円"'), n('3万人')],
    ] as const) expect(inUnitOf(v, like)).toBe(v);
  });
});
