import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/engine/messages/index.js';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';
import { book, findingsOf, keys, sheet } from '../../helpers.js';
import { applyWrites } from '../../property/grids.js';

describe('sum-mismatch and cumulative-column-short (budget tables)', () => {
  const header = ['事業名', '関連する数値目標', '年度', 'H29', 'H30', 'R1', 'R2', 'R3', '累計'];
  const project = (total: string) => [
    ['革新的計測・評価技術開発', '数値目標(3)', '財政支援要望', '177,000 (千円)', '43,728 (千円)', '- (千円)', '- (千円)', '- (千円)', '839,086 (千円)'],
    [null, null, '国予算(a) (実績)', '177,000 (千円)', '43,728 (千円)', '- (千円)', '- (千円)', '- (千円)', '710,086 (千円)'],
    [null, null, '自治体予算(b) (実績)', '476,000 (千円)', '89,816 (千円)', '- (千円)', '- (千円)', '- (千円)', '1,844,786 (千円)'],
    [null, null, '総事業費(a+b)', '653,000 (千円)', '133,544 (千円)', '- (千円)', '- (千円)', '- (千円)', total],
  ];

  it('finds the real error of 002_…: 累計 19,664,872 千円 ≠ 710,086 + 1,844,786', () => {
    const f = findingsOf(book(sheet('S', [['財政支援措置の状況'], header, ...project('19,664,872 (千円)')], ['A3:A6', 'B3:B6'])));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['sum-mismatch', 'I6', 2554872, 19664872]]);
    expect(f[0].calc).toBe('710,086 + 1,844,786 = 2,554,872');
    // English quotes the row's label as the workbook writes it and says 累計 in English.
    expect(formatFinding(f[0], 'en')).toBe('"革新的計測・評価技術開発", "総事業費(a+b)" (cumulative): 19,664,872 千円 differs from the sum of its parts, 2,554,872 千円. (710,086 + 1,844,786 = 2,554,872)');
  });

  it('a blank part is written `-` in the calculation, as tables write it, never 0 (SPEC §2: a blank is not zero)', () => {
    const rows = project('2,554,872 (千円)').map((r) => r.map((v) => (v === '653,000 (千円)' ? '200,000 (千円)' : v)));
    rows[2] = rows[2].map((v) => (v === '476,000 (千円)' ? '- (千円)' : v));
    const f = findingsOf(book(sheet('S', [header, ...rows]))).filter((x) => x.rule === 'sum-mismatch');
    expect(f.map((x) => [x.cell, x.expected, x.stated, x.calc])).toEqual([['D5', 177000, 200000, '177,000 + - = 177,000']]);
  });

  it('a correct total is clean; a 累計 larger than the years shown is fine (earlier years)', () => {
    expect(findingsOf(book(sheet('S', [header, ...project('2,554,872 (千円)')])))).toEqual([]);
  });

  it('a part that cannot be read (`調整中`, `(43,728)`) leaves its column unchecked: it is reported as unreadable, not added as 0', () => {
    for (const unreadable of ['調整中', '(43,728)']) {
      const rows = project('2,554,872 (千円)');
      rows[1] = rows[1].map((v) => (v === '43,728 (千円)' ? unreadable : v));
      const f = findingsOf(book(sheet('S', [header, ...rows])));
      expect(f.map((x) => [x.rule, x.cell])).toEqual([['unparseable-number', 'E3']]);
    }
  });

  it('a 累計 smaller than the years shown says it in the unit the row shows (千円)', () => {
    const f = findingsOf(book(sheet('S', [header, ...project('2,554,872 (千円)').map((r) => r.map((v) => (v === '710,086 (千円)' ? '210,000 (千円)' : v)))])));
    expect(f.map((x) => [x.rule, formatFinding(x, 'ja'), formatFinding(x, 'en')])[0]).toEqual([
      'cumulative-column-short',
      '「革新的計測・評価技術開発」の国予算(a) (実績)の累計 210,000千円 が、表示されている年度の合計 220,728千円 より小さくなっています。 (177,000 + 43,728 = 220,728 > 210,000)',
      '"革新的計測・評価技術開発", "国予算(a) (実績)": the cumulative 210,000 千円 is smaller than the sum of the years shown, 220,728 千円. (177,000 + 43,728 = 220,728 > 210,000)',
    ]);
  });

  it('a 累計 smaller than the years shown is a warning', () => {
    const f = findingsOf(book(sheet('S', [['事業名', '年度', 'R1', 'R2', '累計'], ['事業', '件数', 1, 2, 2]])));
    expect(keys(f)).toEqual(['cumulative-column-short@S!E2']);
  });

  it('a 累計 column per plan period (`H29 … R3 | 累計 | R4 R5 | 累計`) adds up its own period’s years, and the second is checked as the first', () => {
    const periods = (a: number[], total: number[]) =>
      findingsOf(
        book(
          sheet('S', [
            ['事業名', '年度', 'H29', 'H30', 'R1', 'R2', 'R3', '累計', 'R4', 'R5', '累計'],
            ['事業A', '国予算(a)', 100, 100, 100, 100, 100, a[0], 50, 50, a[1]],
            [null, '自治体予算(b)', 10, 10, 10, 10, 10, 50, 5, 5, 10],
            [null, '総事業費(a+b)', 110, 110, 110, 110, 110, total[0], 55, 55, total[1]],
          ]),
        ),
      ).map((x) => [x.rule, x.cell, x.expected, x.stated]);
    // Before, only the first 累計 column was read, against all seven years: 500 < 600, 50 < 60, 550 < 660.
    expect(periods([500, 100], [550, 110])).toEqual([]);
    expect(periods([400, 100], [550, 110])).toEqual([
      ['cumulative-column-short', 'H2', 500, 400],
      ['sum-mismatch', 'H4', 450, 550],
    ]);
    // The second period's column, unread before.
    expect(periods([500, 90], [550, 120])).toEqual([
      ['cumulative-column-short', 'K2', 100, 90],
      ['sum-mismatch', 'K4', 100, 120],
    ]);
  });
});

describe('budget tables on their side spanning two plans', () => {
  it('a 累計 row per plan period: the years go on past the first, each 累計 row adds up its period’s', () => {
    const f = findingsOf(
      book(
        sheet('S', [
          ['財政支援措置の状況'],
          ['年度', '国予算(a)', '自治体予算(b)', '総事業費(a+b)'],
          ['H29', 100, 10, 110],
          ['H30', 100, 10, 110],
          ['R1', 100, 10, 110],
          ['R2', 100, 10, 110],
          ['R3', 100, 10, 110],
          ['累計', 500, 50, 550],
          ['R4', 50, 5, 55],
          ['R5', 50, 5, 55],
          ['累計', 90, 10, 110],
        ]),
      ),
    );
    // Before, the table ended at the first 累計 row: the second period's were never read.
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([
      ['cumulative-column-short', 'B11', 100, 90],
      ['sum-mismatch', 'D11', 100, 110],
    ]);
  });
});

describe('overall-score-mismatch (003_…)', () => {
  const rows = [
    ['アジアヘッドクォーター特区', 4.8, 5, 4, 5],
    ['京浜臨海部ライフイノベーション国際戦略総合特区', 4.5, 4.8, 3.7, 4.7],
    ['関西イノベーション国際戦略総合特区', 4.3, 4.8, 4.2, 4],
    ['グリーンアジア国際戦略総合特区', 4.2, 4, 4.3, 4.2],
    ['アジアNo.1航空宇宙産業クラスター形成特区', 4, 4, 3.8, 4],
    ['つくば国際戦略総合特区', 3.9, 4, 3.6, 4],
  ];

  it('the six published scores are all consistent (Roman numerals)', () => {
    expect(findingsOf(book(sheet('S', [['特区名', '総合評価', 'Ⅰ', 'Ⅱ', 'Ⅲ'], ...rows])))).toEqual([]);
  });

  it('ASCII headers, another column order; 4.0 stated as 4.1 is an error', () => {
    const moved = rows.map(([n, t, a, b, c]) => [n, a, b, c, n === 'アジアNo.1航空宇宙産業クラスター形成特区' ? 4.1 : t]);
    const f = findingsOf(book(sheet('S', [[], ['特区名', 'I', 'II', 'III', '総合評価'], ...moved])));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['overall-score-mismatch', 'E7', 4, 4.1]]);
  });

  it('cells formatted `0.00` (4.50, 4.00) state one decimal; a second decimal stated is compared at two', () => {
    const cell = (v: number) => ({ v, fmt: '0.00' });
    const twoPlaces = rows.map(([n, t, a, b, c]) => [n, cell(a as number), cell(b as number), cell(c as number), cell(t as number)]);
    expect(findingsOf(book(sheet('S', [['特区名', 'Ⅰ', 'Ⅱ', 'Ⅲ', '総合評価'], ...twoPlaces])))).toEqual([]);
    // (4.8 + 3.7 + 2×4.7) ÷ 4 = 4.475: 4.48 at two decimals, 4.47 at none.
    const stated = (v: number) => [['特区名', 'Ⅰ', 'Ⅱ', 'Ⅲ', '総合評価'], ['京浜', cell(4.8), cell(3.7), cell(4.7), cell(v)]];
    expect(findingsOf(book(sheet('S', stated(4.48))))).toEqual([]);
    expect(findingsOf(book(sheet('S', stated(4.47)))).map((x) => [x.cell, x.expected, x.stated])).toEqual([['E2', 4.48, 4.47]]);
  });

  it('a stated 総合評価 beside a blank Ⅰ, Ⅱ or Ⅲ is a warning naming the blank part (before, it went unchecked without a word)', () => {
    const blanked = rows.map((r): (string | number | null)[] => [...r]);
    blanked[1][3] = null; // 京浜's Ⅱ
    blanked[4][2] = '-'; // アジアNo.1's Ⅰ
    blanked[4][4] = null; // and its Ⅲ
    const f = findingsOf(book(sheet('S', [['特区名', '総合評価', 'Ⅰ', 'Ⅱ', 'Ⅲ'], ...blanked])));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.expected, x.stated, formatFinding(x, 'ja'), formatFinding(x, 'en')])).toEqual([
      [
        'overall-score-orphan',
        'warning',
        'B3',
        null,
        4.5,
        '「京浜臨海部ライフイノベーション国際戦略総合特区」の総合評価 4.5 が記載されていますが、Ⅱ が空欄のため (Ⅰ + Ⅱ + 2×Ⅲ) ÷ 4 で確かめられません。',
        '"京浜臨海部ライフイノベーション国際戦略総合特区": overall score 4.5 is stated but Ⅱ is blank, so it cannot be checked against (Ⅰ + Ⅱ + 2·Ⅲ) ÷ 4.',
      ],
      [
        'overall-score-orphan',
        'warning',
        'B6',
        null,
        4,
        '「アジアNo.1航空宇宙産業クラスター形成特区」の総合評価 4 が記載されていますが、Ⅰ・Ⅲ が空欄のため (Ⅰ + Ⅱ + 2×Ⅲ) ÷ 4 で確かめられません。',
        '"アジアNo.1航空宇宙産業クラスター形成特区": overall score 4 is stated but Ⅰ and Ⅲ are blank, so it cannot be checked against (Ⅰ + Ⅱ + 2·Ⅲ) ÷ 4.',
      ],
    ]);
  });

  it('a blank 総合評価 beside Ⅰ, Ⅱ and Ⅲ is a warning with the score worked out (before, it went unreported); a zone not scored at all is none', () => {
    const blanked = rows.map((r): (string | number | null)[] => [...r]);
    blanked[1][1] = null; // 京浜's 総合評価
    blanked[5][1] = '-'; // つくば's
    const notScored = ['沖縄国際物流拠点特区', null, null, null, null];
    const f = findingsOf(book(sheet('S', [['特区名', '総合評価', 'Ⅰ', 'Ⅱ', 'Ⅲ'], ...blanked, notScored])));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.expected, x.stated, x.calc])).toEqual([
      ['overall-score-missing', 'warning', 'B3', 4.5, null, '(4.8 + 3.7 + 2 × 4.7) ÷ 4 = 4.475 → 4.5'],
      ['overall-score-missing', 'warning', 'B7', 3.9, null, '(4 + 3.6 + 2 × 4) ÷ 4 = 3.9 → 3.9'],
    ]);
    expect([formatFinding(f[0], 'ja'), formatFinding(f[0], 'en')]).toEqual([
      '「京浜臨海部ライフイノベーション国際戦略総合特区」は Ⅰ・Ⅱ・Ⅲ が記載されているのに総合評価が空欄です。計算値は 4.5 です。 ((4.8 + 3.7 + 2 × 4.7) ÷ 4 = 4.475 → 4.5)',
      '"京浜臨海部ライフイノベーション国際戦略総合特区": Ⅰ, Ⅱ and Ⅲ are stated but the overall score is blank; computed 4.5. ((4.8 + 3.7 + 2 × 4.7) ÷ 4 = 4.475 → 4.5)',
    ]);
  });

  it('a blank 総合評価 down a column is reported too: one zone’s card, zones side by side, 総合評価 on top (before, the card was not read, the zone dropped, and on top the next zone’s 4.5 was read against the first zone’s Ⅰ Ⅱ Ⅲ: a false overall-score-mismatch)', () => {
    const card = [['項目', null, 'スコア'], ['Ⅰ', '目標に向けた取組の進捗', 4.8], ['Ⅱ', '支援措置の活用と地域独自の取組の状況', 3.7], ['Ⅲ', '取組全体にわたる事業の進捗と政策課題の解決', 4.7], ['総合評価', null, null]];
    const side = [['評価項目', 'アジアヘッドクォーター特区', '京浜臨海部'], ['Ⅰ', 5, 4.8], ['Ⅱ', 4, 3.7], ['Ⅲ', 5, 4.7], ['総合評価', 4.8, null]];
    const onTop = [['評価項目', 'アジアヘッドクォーター特区', '京浜臨海部'], ['総合評価', '－', 4.5], ['Ⅰ', 5, 4.8], ['Ⅱ', 4, 3.7], ['Ⅲ', 5, 4.7]];
    const f = findingsOf(book(sheet('京浜', card), sheet('横並び', side), sheet('上に総合', onTop)));
    expect(f.map((x) => [x.rule, x.sheet, x.cell, x.params.name, x.expected])).toEqual([
      ['overall-score-missing', '京浜', 'C5', '京浜', 4.5],
      ['overall-score-missing', '横並び', 'C5', '京浜臨海部', 4.5],
      ['overall-score-missing', '上に総合', 'B2', 'アジアヘッドクォーター特区', 4.8],
    ]);
    // A heading 総合評価 over a card is none left blank, and a column of the parts' weights (1 | 1 | 2) no zone.
    const headed = [['総合評価'], ['Ⅰ', null, 4.8], ['Ⅱ', null, 3.7], ['Ⅲ', null, 4.7], ['総合評価', null, 4.5]];
    const weighted = [['評価項目', '比重', '京浜臨海部'], ['Ⅰ', 1, 4.8], ['Ⅱ', 1, 3.7], ['Ⅲ', 2, 4.7], ['総合評価', null, 4.5]];
    expect(findingsOf(book(sheet('見出し', headed), sheet('比重', weighted)))).toEqual([]);
  });

  it('a blank part in a table down a column is read and reported too: one zone’s card, and zones side by side (before, the card was not read and the zone dropped)', () => {
    const card = [['項目', null, 'スコア'], ['Ⅰ', '目標に向けた取組の進捗', 4.8], ['Ⅱ', '支援措置の活用と地域独自の取組の状況', null], ['Ⅲ', '取組全体にわたる事業の進捗と政策課題の解決', 4.7], ['総合評価', null, 4.5]];
    expect(findingsOf(book(sheet('京浜', card))).map((x) => [x.rule, x.cell, x.params.name, x.params.blank])).toEqual([['overall-score-orphan', 'C5', '京浜', 'Ⅱ']]);
    const zones = [['評価項目', 'アジアヘッドクォーター特区', '京浜臨海部'], ['Ⅰ', 5, 4.8], ['Ⅱ', 4, null], ['Ⅲ', 5, 4.7], ['総合評価', 4.8, 4.5]];
    const { model, findings } = checkWorkbook(book(sheet('S', zones)));
    expect(model.tables.flatMap((t) => (t.kind === 'overall-score' ? t.rows.map((r) => r.name) : []))).toEqual(['アジアヘッドクォーター特区', '京浜臨海部']);
    expect(findings.map((x) => [x.rule, x.cell, x.params.blank])).toEqual([['overall-score-orphan', 'C5', 'Ⅱ']]);
  });
});

describe('summary-mismatch', () => {
  const years = ['平成29年度', '平成30年度', '令和元年度'];
  const table = [
    [null, null, null, ...years],
    [null, '数値目標(3) 国際共同治験件数', '目標値', '48件', '53件', '58件'],
    [null, null, '実績値', '105件', '56件', '100件'],
    [null, '寄与度(※):', '進捗度(%)', '219%', '106%', '172%'],
  ];

  it('summary lines that agree with the table are clean', () => {
    const text = sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], ['【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 172%】']]);
    expect(findingsOf(book(sheet('T', table), text))).toEqual([]);
  });

  it('a summary actual of 110 件 where the table says 100 is an error at the summary cell', () => {
    const text = sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], ['【当該年度目標値 58 件、当該年度実績値 110 件、進捗度 172%】']]);
    const f = findingsOf(book(sheet('T', table), text));
    expect(f.map((x) => [x.rule, x.sheet, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', '本文', 'A3', 100, 110]]);
  });

  it('a summary figure written wrong (`1.0,0 件`, `58.0.1 件`, `1.72,0%`) is a warning at the line, never its head read (1.0 件, 58.0 件, 1.72 %)', () => {
    const line = (target: string, actual: string, progress: string) =>
      sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], [`【当該年度目標値 ${target}、当該年度実績値 ${actual}、進捗度 ${progress}】`]]);
    for (const figures of [['58 件', '1.0,0 件', '172%'], ['58.0.1 件', '100 件', '172%'], ['58 件', '100 件', '1.72,0%']] as [string, string, string][]) {
      expect(findingsOf(book(sheet('T', table), line(...figures))).map((x) => [x.rule, x.cell]), figures.join()).toEqual([['unparseable-number', 'A3']]);
    }
  });

  it('a summary figure written with 約 or 延べ is read: 約100 件 agrees with 100, 約110 件 (105–115) and 延べ110件 do not', () => {
    const line = (actual: string) => sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], [`【当該年度目標値 58 件、当該年度実績値 ${actual}、進捗度 172%】`]]);
    expect(findingsOf(book(sheet('T', table), line('約100 件')))).toEqual([]);
    expect(findingsOf(book(sheet('T', table), line('約110 件'))).map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', 'A3', 100, 110]]);
    expect(findingsOf(book(sheet('T', table), line('延べ110件'))).map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', 'A3', 100, 110]]);
    // Lines without brackets, their first figure written so.
    for (const text of ['当該年度目標値 約58 件、当該年度実績値 約110 件、進捗度 172%', '目標値：約58件　実績値：約110件　進捗度：172%']) {
      const plain = sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], [text]]);
      expect(findingsOf(book(sheet('T', table), plain)).map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', 'A3', 100, 110]]);
    }
  });

  it('a summary progress written `172パーセント` is 172 %, and is rewritten so (before, `150パーセント` became `172%ト`)', () => {
    const line = (progress: string) => sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], [`【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 ${progress}】`]]);
    expect(findingsOf(book(sheet('T', table), line('172パーセント')))).toEqual([]);
    const wrong = book(sheet('T', table), line('150パーセント'));
    expect(findingsOf(wrong).map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', 'A3', 172, 150]]);
    const writes = planRecalculation(checkWorkbook(wrong).model).writes;
    expect(writes.map((w) => [w.address, w.value])).toEqual([['A3', '【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 172パーセント】']]);
    expect(findingsOf(applyWrites(wrong, writes))).toEqual([]);
  });

  it('a summary progress stated as a bound (`100%以上`) holds where the progress reaches it, as in the table', () => {
    const line = (progress: string) => sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], [`【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 ${progress}】`]]);
    // Before, 100%以上 was an error: expected 172, stated 100.
    expect(findingsOf(book(sheet('T', table), line('100%以上')))).toEqual([]);
    expect(findingsOf(book(sheet('T', table), line('150%超')))).toEqual([]);
    expect(findingsOf(book(sheet('T', table), line('200%以上'))).map((x) => [x.rule, x.cell, x.expected, x.stated, formatFinding(x)])).toEqual([
      ['summary-mismatch', 'A3', 172, 200, expect.stringContaining('200%以上')],
    ]);
    expect(findingsOf(book(sheet('T', table), line('100%未満'))).map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', 'A3', 172, 100]]);
  });

  it('a summary progress with a strict bound the progress does not meet (`100%超` for 199 ÷ 200 = 99.5 %) is an error though its number agrees, as in the table', () => {
    const counts = [
      [null, null, null, '令和元年度'],
      [null, '数値目標(2) 就業者数', '目標値', '200人'],
      [null, null, '実績値', '199人'],
      [null, '寄与度(※):', '進捗度(%)', '100%'],
    ];
    const line = (progress: string) => sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（2）：就業者数'], [`【当該年度目標値 200 人、当該年度実績値 199 人、進捗度 ${progress}】`]]);
    // Before, accepted: 100 is what the table states and what 99.5 % rounds to.
    expect(findingsOf(book(sheet('T', counts), line('100%超'))).map((x) => [x.rule, x.cell, x.expected, x.stated, formatFinding(x)])).toEqual([
      ['summary-mismatch', 'A3', 100, 100, expect.stringContaining('進捗度 100%超 は')],
    ]);
    expect(findingsOf(book(sheet('T', counts), line('100%未満')))).toEqual([]);
    expect(findingsOf(book(sheet('T', counts), line('100%')))).toEqual([]);
  });

  it('a summary line’s progress in 割 is taken whole (`進捗度 5割5分`, `五割五分`): 55 %, never 5割 alone', () => {
    const blocks = sheet('T', [
      [null, null, null, '平成29年度', '平成30年度', '令和元年度'],
      [null, '数値目標(1)-① 件数', '目標値', '200件', '200件', '200件'],
      [null, null, '実績値', '100件', '104件', '110件'],
      [null, '寄与度(※):100%', '進捗度(%)', '50%', '52%', '55%'],
    ]);
    const at = (progress: string) => {
      const { model, findings } = checkWorkbook(book(blocks, sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（1）－①：件数'], [`【当該年度目標値 200 件、当該年度実績値 110 件、進捗度 ${progress}】`]])));
      return [findings.map((f) => [f.rule, f.cell, f.expected, f.stated]), planRecalculation(model).writes.map((w) => w.value)];
    };
    // Before, `5割5分` was read as 5割 (an error stating 50 %, rewritten `55%5分`) and `五割五分` was no figure, unseen.
    expect(at('5割5分')).toEqual([[], []]);
    expect(at('五割五分')).toEqual([[], []]);
    expect(at('四割')).toEqual([[['summary-mismatch', 'A3', 55, 40]], ['【当該年度目標値 200 件、当該年度実績値 110 件、進捗度 55%】']]);
  });

  it('a summary figure behind a mark (`進捗度 ○150%`) is read, as in a table cell: the planted 150 is a mismatch, not passed over', () => {
    const line = (progress: string) => sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], [`【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 ${progress}】`]]);
    // Before its first fix, the line stated no progress: the planted 150 went unseen, with no word of it; then it was
    // an unparseable-number warning. A mark before a figure is now read past, in a line as in a cell.
    for (const mark of ['○150%', '◎ 150%']) {
      const { model, findings } = checkWorkbook(book(sheet('T', table), line(mark)));
      expect(findings.map((x) => [x.rule, x.sheet, x.cell, x.expected, x.stated]), mark).toEqual([['summary-mismatch', '本文', 'A3', 172, 150]]);
      expect(planRecalculation(model).writes.map((w) => w.value)).toEqual([`【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 ${mark.replace('150', '172')}】`]);
    }
    // A mark saying the target was not reached (`×50%`, `50%×`), with no mark for one reached in the workbook: kept with the
    // figure written and named in the summary of changes. Before, the × of `×50%` was left outside the figure, unsaid.
    for (const mark of ['×50%', '50%×']) {
      const { model, findings } = checkWorkbook(book(sheet('T', table), line(mark)));
      expect(findings.map((x) => [x.rule, x.cell, x.expected, x.stated]), mark).toEqual([['summary-mismatch', 'A3', 172, 50]]);
      const plan = planRecalculation(model);
      expect([plan.writes.map((w) => w.value), plan.marksKept], mark).toEqual([[`【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 ${mark.replace('50', '172')}】`], ['本文!A3']]);
    }
  });

  it('a summary progress whose note says the opposite of what it is (`172%（未達成）`) is an error though its number agrees, as in the table', () => {
    const line = (progress: string) => sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（3）：国際共同治験件数'], [`【当該年度目標値 58 件、当該年度実績値 100 件、進捗度 ${progress}】`]]);
    expect(findingsOf(book(sheet('T', table), line('172%（達成）')))).toEqual([]);
    expect(findingsOf(book(sheet('T', table), line('172%（未達成）'))).map((x) => [x.rule, x.cell, x.expected, x.stated, formatFinding(x)])).toEqual([
      ['summary-mismatch', 'A3', 172, 172, expect.stringContaining('進捗度 172%(未達成) は')],
    ]);
  });

  it('a restatement off by one in its last shown digit is an error: 120億円 and 121億円 never show one amount, though 120.5 bounds both', () => {
    const amounts = [
      [null, null, null, '令和元年度'],
      [null, '数値目標(1)-① 投資額', '目標値', '87億円'],
      [null, null, '実績値', '120億円'],
      [null, '寄与度(※):33%', '進捗度(%)', '138%'],
    ];
    const line = (target: string, actual: string, weight: string) =>
      sheet('本文', [['評価対象年度：令和元年度'], ['数値目標（1）－①：投資額'], [`【当該年度目標値 ${target}、当該年度実績値 ${actual}、進捗度 138%、寄与度 ${weight}】`]]);
    expect(findingsOf(book(sheet('T', amounts), line('87億円', '120億円', '33%')))).toEqual([]);
    // Shown at a finer precision, an amount the table's rounding covers agrees: 120.5 億円 shows as 121 … and 120.4 as 120.
    expect(findingsOf(book(sheet('T', amounts), line('87.4億円', '120.4億円', '33%')))).toEqual([]);
    const f = findingsOf(book(sheet('T', amounts), line('88億円', '121億円', '34%')));
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([
      ['summary-mismatch', 'A3', 87, 88],
      ['summary-mismatch', 'A3', 120, 121],
      ['summary-mismatch', 'A3', 33, 34],
    ]);
  });

  it('a sheet of summary tables, one per year, each titled by its year (`【平成29年度】`), compares each with its own year', () => {
    const perYear = (title: (year: string) => string, actualH30: number) =>
      sheet(
        '本文',
        years.flatMap((year, i) => [
          [title(year)],
          ['数値目標', '目標値', '実績値', '進捗度'],
          ['数値目標(3)', [48, 53, 58][i], i === 1 ? actualH30 : [105, 56, 100][i], ['219%', '106%', '172%'][i]],
          [],
        ]),
      );
    for (const title of [(y: string) => `【${y}】`, (y: string) => y, (y: string) => `${y}の実績`]) {
      // Before, each table was compared with the latest year, 令和元年度: six errors on right figures.
      expect(findingsOf(book(sheet('T', table), perYear(title, 56))), title('')).toEqual([]);
      expect(findingsOf(book(sheet('T', table), perYear(title, 66))).map((x) => [x.rule, x.cell, x.expected, x.stated]), title('')).toEqual([['summary-mismatch', 'C7', 56, 66]]);
    }
    // A title naming a period names no one year of its own.
    const period = sheet('本文', [['数値目標の状況（平成29年度～令和3年度）'], ['数値目標', '目標値', '実績値', '進捗度'], ['数値目標(3)', 58, 100, '172%']]);
    expect(findingsOf(book(sheet('T', table), period))).toEqual([]);
  });

  it('summary tables side by side, one per year, each with its ids’ column under its year’s title, compare each with its own year', () => {
    const targets = [
      { id: '数値目標(3)', target: [48, 53], actual: [105, 56], progress: ['219%', '106%'] },
      { id: '数値目標(4)', target: [1, 1], actual: [4, 2], progress: ['400%', '200%'] },
    ];
    const two = [...table.slice(0, 4), [null, '数値目標(4) 新規開発件数', '目標値', '1件', '1件', '1件'], [null, null, '実績値', '4件', '2件', '1件'], [null, null, '進捗度(%)', '400%', '200%', '100%']];
    // The H30 table lists the targets the other way round.
    const beside = (actualH30: number) =>
      sheet('本文', [
        ['【平成29年度】', null, null, null, null, '【平成30年度】'],
        ['数値目標', '目標値', '実績値', '進捗度', null, '数値目標', '目標値', '実績値', '進捗度'],
        ...[0, 1].map((k) => {
          const [a, b] = [targets[k], targets[1 - k]];
          return [a.id, a.target[0], a.actual[0], a.progress[0], null, b.id, b.target[1], k === 0 ? 2 : actualH30, b.progress[1]];
        }),
      ]);
    // Before, the H30 table was not read and the H29 one was compared with the latest year, 令和元年度: six errors.
    expect(findingsOf(book(sheet('T', two), beside(56)))).toEqual([]);
    expect(findingsOf(book(sheet('T', two), beside(66))).map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['summary-mismatch', 'H4', 56, 66]]);
  });

  it('a summary table whose target names its goal with a scale (`投資額 475億円 (累計)`) reads its plain numbers in that unit', () => {
    const summary = (progress: string) =>
      sheet('本文', [['評価対象年度：平成29年度'], ['数値目標', '当該年度目標値', '当該年度実績値', '進捗度'], ['数値目標(1)-① 特区関連事業による投資額 475億円 (累計)', 115, 119, progress]]);
    // 002_…: 119 ÷ 115 = 103.48 %, and 104 % is reachable at whole 億円 (119.5 ÷ 114.5), as the progress table reads it.
    // Before, the plain 115 and 119 were exact counts and 104 % an error.
    expect(findingsOf(book(summary('104%')))).toEqual([]);
    expect(findingsOf(book(summary('105%'))).map((x) => [x.rule, x.cell, x.expected, x.stated])).toEqual([['progress-mismatch', 'D3', 103, 105]]);
  });
});

describe('unparseable-number and unit-mismatch', () => {
  const head = [null, null, null, 'R1', 'R2', 'R3'];
  it('stray text where a number belongs is a warning at its cell, never a crash', () => {
    const f = findingsOf(book(sheet('S', [head, [null, '数値目標(1)', '目標値', 10, 10, 10], [null, null, '実績値', '集計中', { v: 12 }, null], [null, null, '進捗度', null, 120, null]])));
    expect(keys(f)).toEqual(['unparseable-number@S!D3']);
  });

  it('a formula whose result was never saved: the message says to save the workbook again from Excel, in both languages', () => {
    const s = sheet('S', [head, [null, '数値目標(1)', '目標値', 10, 10, 10], [null, null, '実績値', 12, 12, 12], [null, null, '進捗度', null, 120, 120]]);
    s.rows[3][3] = { value: null, formula: 'D3/D2*100', noCachedResult: true };
    const f = findingsOf(book(s));
    expect(keys(f)).toEqual(['unparseable-number@S!D4']);
    expect(formatFinding(f[0], 'ja')).toContain('Excel で開いて保存し直す');
    expect(formatFinding(f[0], 'en')).toContain('Open the workbook in Excel and save it again');
    const stray = findingsOf(book(sheet('S', [head, [null, '数値目標(1)', '目標値', 10], [null, null, '実績値', '集計中']])));
    expect([formatFinding(stray[0], 'ja'), formatFinding(stray[0], 'en')]).toEqual([expect.stringContaining('数値か空欄(-)にしてください'), expect.stringContaining('Enter a number or a blank')]);
  });

  it('a progress formula showing #DIV/0! over a target of 0 (zero-target notes it) or over none yet (filled ahead) states nothing; over a target, or typed, it is a warning', () => {
    const s = sheet('S', [head, [null, '数値目標(1)', '目標値', 0, 10, null], [null, null, '実績値', 5, 12, null], [null, null, '進捗度']]);
    for (const col of [3, 4, 5]) s.rows[3][col] = { value: null, error: '#DIV/0!', formula: `${'DEF'[col - 3]}3/${'DEF'[col - 3]}2*100` };
    expect(keys(findingsOf(book(s)))).toEqual(['zero-target@S!D4', 'unparseable-number@S!E4']);
    s.rows[3][5] = { value: null, error: '#DIV/0!' };
    expect(keys(findingsOf(book(s)))).toEqual(['zero-target@S!D4', 'unparseable-number@S!E4', 'unparseable-number@S!F4']);
  });

  it('人 and 件 in one row is a warning and no progress is computed across them', () => {
    const f = findingsOf(book(sheet('S', [head, [null, '数値目標(1)', '目標値', '200人', '300人'], [null, null, '実績値', '210人', '12件'], [null, null, '進捗度', '105%', '4%']])));
    expect(keys(f)).toEqual(['unit-mismatch@S!E3']);
  });

  it('億円 and 万円 in one row are converted, not a mismatch', () => {
    const f = findingsOf(book(sheet('S', [head, [null, '数値目標(1)', '目標値', '1億円'], [null, null, '実績値', '12,000万円'], [null, null, '進捗度', '120%']])));
    expect(f).toEqual([]);
  });
});
