import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyLabel, mayMatter } from '../../src/engine/detect/scan.js';
import { compact } from '../../src/engine/text.js';
import { fixture, FIXTURES } from '../helpers.js';

/** What readTextFacts reads from a compact text besides its year: a label, or one of the words it looks for. */
function matters(text: string): boolean {
  const c = compact(text);
  return classifyLabel(c) !== undefined || /数値目標|評価指標|当該年度|進捗|評価/.test(c);
}

const LABELS = ['目標値', '当該年度の目標値', '各年度の目標値(億円)', '実績値', '進捗度', '進捗率(%)', '寄与度(※):33%', '累計', '5年間累計', '合計', '総合評価', 'Ⅲ', 'III 取組', 'Ⅰ', 'I', '総事業費(a+b)', '国予算(a)', '自治体予算(b)', '民間(c)', '(ｂ)', '財政支援要望', '件数', '新規契約件数', '年度', '評価対象年度', '数値目標(1)-①', '評価指標(2)', '【当該年度目標値 87 億円】', '[進捗度 98%]', '令和5年度評価', '達成率', '達成度(%)', '【目標値】', '［実績値］', '〔進捗度〕', '目標値：', '実績値:', '5年間の累計', '計画期間累計', '目標値※', '実績値※1', '進捗度【B/A】', '①目標値', '(2)実績値', '3.進捗度', '１．目標値', '（２）実績値', '進捗度B/A×100', '単年度進捗度', '累計進捗度', '数値目標(1)-① 目標値', '寄与率(※):33%', 'ウエイト', 'ウェイト(%)', '重み：50%', '③寄与率'];

/** A label as people type it: spaced out, in full width, behind an ideographic space or a zero-width space. */
function variants(label: string): string[] {
  const fullWidth = [...label].map((ch) => (ch >= '!' && ch <= '~' ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch)).join('');
  return [label, [...label].join(' '), [...label].join('\u3000'), `\u3000${label}`, `\u200b${label}`, fullWidth, ` ${fullWidth} `];
}

describe('labels as people write them', () => {
  it.each([
    ['達成率', 'progress'],
    ['達成度(%)', 'progress'],
    // A word that starts with 目標 is a target label only when it is one: 目標達成率 states progress.
    ['目標達成率', 'progress'],
    ['対目標比(%)', 'progress'],
    ['【目標値】', 'target'],
    ['［実績値］', 'actual'],
    ['〔進捗度〕', 'progress'],
    ['目標値：', 'target'],
    ['実績値:', 'actual'],
    ['寄与度(※):', 'weight'],
    ['5年間の累計', 'cumulative'],
    ['計画期間累計', 'cumulative'],
    ['期間合計(千円)', 'cumulative'],
    // 進捗状況 and 達成状況 head a row of percentages only when they say so; alone they may hold words (順調).
    ['進捗状況(%)', 'progress'],
    ['達成状況（％）', 'progress'],
    // A note mark after a label (※, ※1, *, (注)), and what it says in brackets of another shape (`【A】`).
    ['目標値※', 'target'],
    ['実績値※1', 'actual'],
    ['進捗度(%)※', 'progress'],
    ['進捗度※２', 'progress'],
    ['実績値*', 'actual'],
    ['実績値（注）', 'actual'],
    ['目標値【A】', 'target'],
    ['進捗度【B/A】', 'progress'],
    ['進捗度［B÷A］', 'progress'],
    // Rows numbered in front, as forms number the figures their formulas name.
    ['①目標値', 'target'],
    ['②実績値', 'actual'],
    ['③進捗度（②/①）', 'progress'],
    ['(1)目標値', 'target'],
    ['（２）実績値', 'actual'],
    ['1.目標値', 'target'],
    ['２．実績値', 'actual'],
    ['3)進捗度(%)', 'progress'],
    ['④寄与度(※):50%', 'weight'],
    // How the progress is worked out, written after its label without brackets; the letters the formula names.
    ['進捗度 B/A×100', 'progress'],
    ['進捗度(%) ③=②/①', 'progress'],
    ['達成率 B÷A', 'progress'],
    ['目標値 A', 'target'],
    ['実績値 B', 'actual'],
    // Each year's progress or that of the running totals, named so.
    ['単年度進捗度', 'progress'],
    ['各年度の進捗度', 'progress'],
    ['累計進捗度', 'progress'],
    // A target's id before its figure, as a header flattened from two rows reads.
    ['数値目標(1)-① 目標値', 'target'],
    ['数値目標（１）－①：実績値', 'actual'],
    ['数値目標(1) 進捗度(%)', 'progress'],
    ['数値目標(1) 寄与度', 'weight'],
    // The weight's other names; 寄与率 is a weight, 達成率 a progress.
    ['寄与率', 'weight'],
    ['寄与率(※):33%', 'weight'],
    ['ウエイト', 'weight'],
    ['ウェイト（％）', 'weight'],
    ['ウエイト：50%', 'weight'],
    ['重み', 'weight'],
    ['重み(%)', 'weight'],
    ['③寄与率', 'weight'],
    ['数値目標(1) ウエイト', 'weight'],
    // Budget rows numbered in front stay budget labels (a figure with a note naming who paid is none: below).
    ['1.国予算(a)', 'budget-part'],
    ['2 民間(c)', 'budget-part'],
  ])('%s is a %s label', (text, kind) => {
    expect(classifyLabel(compact(text))).toBe(kind);
  });

  it.each(['【目標値', '目標値】', '【目標値］', '【】', '：', '目標達成', '達成', '目標比較', '進捗状況', '達成状況', '※', '※1', '目標値の考え方※', '①', '(1)', '1.', '①目標値の考え方', '123.目標値', '進捗度B', '目標値AB', 'A目標値', '数値目標(1)-① 投資額', '数値目標(1) 475億円（累計）', '数値目標(1)目標値100社', '評価指標(1) 進捗度', '寄与', '寄与する事業', '重要度', '体重', 'ウエイトレス', 'ウエ', '120億円（うち民間100億円）', '119億円（民間投資を含む）', '約120億円(民間分)', '△5億円（自己資金）', '300,000千円（うち国費150,000千円）'])('%s is no label', (text) => {
    expect(classifyLabel(compact(text))).toBeUndefined();
  });
});

describe('the scan skips texts that cannot be labels (mayMatter)', () => {
  it('keeps every label and word in every way people type them', () => {
    for (const label of LABELS) for (const v of variants(label)) if (matters(v)) expect(mayMatter(v), v).toBe(true);
  });

  it('skips a text only when its compact form is no label and holds no word the detectors look for (every text of the fixtures)', async () => {
    const texts = new Set<string>();
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) {
      const wb = await fixture(name);
      for (const s of wb.sheets) for (const row of s.rows) for (const cell of row ?? []) if (typeof cell?.value === 'string') texts.add(cell.value);
    }
    let skipped = 0;
    for (const t of texts) {
      if (mayMatter(t)) continue;
      skipped++;
      expect(matters(t), t).toBe(false);
    }
    // Most texts of a workbook are values and prose: the test would prove nothing if none were skipped.
    expect(skipped).toBeGreaterThan(texts.size / 4);
  });

  it('skips values and names', () => {
    for (const t of ['1,234億円', '104%', '１２件', '特区関連事業の就業者の増加', '', '   ']) expect(mayMatter(t), t).toBe(false);
  });
});
