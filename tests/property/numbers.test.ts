/**
 * Property tests of SPEC §2: every Japanese number form the generator writes reads back as the
 * exact value it was written from, inside the interval its display allows; blanks read as blanks;
 * and no text or cell makes the parser throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../src/engine/decimal.js';
import type { Cell } from '../../src/engine/grid.js';
import { parseCell, parseNumberText } from '../../src/engine/numbers.js';

/** `0`–`9` and `.` in their full-width forms `０`–`９` and `．`. */
const fullWidth = (ch: string) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0);

const SCALES: Record<string, string> = { '': '1', 万: '1e4', 億: '1e8', 千: '1e3', 百万: '1e6', 兆: '1e12' };
const UNITS = ['', '円', '人', '件', '社', '者', '名', '%', '％'];

interface NumberForm {
  text: string;
  value: Decimal;
  decimals: number;
  scale: string;
  unit: string | null;
}

const numberForm: fc.Arbitrary<NumberForm> = fc
  .record({
    sign: fc.constantFrom('', '', '△', '▲', '-', '－'),
    integer: fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 10n ** 13n })),
    fraction: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 3 }),
    separator: fc.constantFrom(null, ',', '，'),
    widths: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    scale: fc.constantFrom(...Object.keys(SCALES)),
    unit: fc.constantFrom(...UNITS),
    inParentheses: fc.boolean(),
    parentheses: fc.constantFrom(['(', ')'], ['（', '）']),
    gap: fc.constantFrom('', '', ' ', '\u3000'),
  })
  .map((g): NumberForm => {
    const percent = g.unit === '%' || g.unit === '％';
    const scale = percent ? '' : g.scale;
    const unitText = `${scale}${g.unit}`;
    let digits = g.integer.toString();
    if (g.separator) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const shown = g.fraction ? `${digits}.${g.fraction}` : digits;
    // Each character independently full-width or not, as people mix them.
    const written = [...shown].map((ch, i) => (ch === ',' ? g.separator : g.widths[i] ? fullWidth(ch) : ch)).join('');
    const number = `${g.sign}${written}`;
    const paren = g.inParentheses && unitText !== '';
    const text = paren ? `${number}${g.gap}${g.parentheses[0]}${unitText}${g.parentheses[1]}` : `${number}${g.gap}${unitText}`;
    const magnitude = dec(g.fraction ? `${g.integer}.${g.fraction}` : g.integer.toString()).times(dec(SCALES[scale]));
    return {
      text,
      value: g.sign ? magnitude.negated() : magnitude,
      decimals: g.fraction.length,
      scale,
      unit: g.unit === '' ? null : g.unit.replace('％', '%'),
    };
  });

describe('parseNumberText on generated Japanese number forms', () => {
  it('reads back the exact value written, in the interval the display allows, with its unit and scale', () => {
    fc.assert(
      fc.property(numberForm, (form) => {
        const p = parseNumberText(form.text);
        expect(p.kind, form.text).toBe('number');
        if (p.kind !== 'number') return;
        expect(p.value.eq(form.value), `${form.text}: ${p.value} ≠ ${form.value}`).toBe(true);
        expect(p.lo.lte(form.value) && p.hi.gte(form.value), form.text).toBe(true);
        expect(p.unit, form.text).toBe(form.unit);
        expect(p.scaleLabel, form.text).toBe(form.scale);
        expect(p.decimals, form.text).toBe(form.decimals);
        expect(p.percent).toBe(form.unit === '%');
        // SPEC §2: a plain integer is exact; a scale or decimals widen it to half the last shown digit each way.
        const exact = form.decimals === 0 && form.scale === '';
        expect(p.exact, form.text).toBe(exact);
        const width = exact ? dec(0) : dec(SCALES[form.scale]).times(dec(10).pow(-form.decimals));
        expect(p.hi.minus(p.lo).eq(width), `${form.text}: width ${p.hi.minus(p.lo)} ≠ ${width}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads every blank form as a blank, never as zero, with or without a unit beside it', () => {
    const blank = fc.record({
      mark: fc.constantFrom('', '-', '－', '—', '―', '‐', '該当なし', '/'),
      before: fc.constantFrom('', ' ', '\u3000'),
      after: fc.constantFrom('', ' ', '\u3000'),
      unit: fc.constantFrom('', '(千円)', '（千円）', ' (人)', '(%)'),
    });
    fc.assert(
      fc.property(blank, ({ mark, before, after, unit }) => {
        const text = `${before}${mark}${after}${unit}`;
        expect(parseNumberText(text).kind, JSON.stringify(text)).toBe('blank');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text, and a number it finds lies inside its own interval', () => {
    const noisy = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'0123456789０１２３４５６７８９,，.．△▲-−+約()（）%％万億千百兆円人件社者名 年月日該当なし/'), maxLength: 24 }),
      numberForm.map((f) => f.text),
    );
    fc.assert(
      fc.property(noisy, (text) => {
        const p = parseNumberText(text);
        expect(['number', 'blank', 'invalid']).toContain(p.kind);
        if (p.kind === 'number') expect(p.lo.lte(p.value) && p.value.lte(p.hi), text).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

const FORMATS = ['', 'General', '0', '0.0', '0.00', '#,##0', '#,##0.0', '0%', '0.0%', '#,##0"億円"', '#,##0.0"万人"', '#,##0,"千円"', '0"件"', 'yyyy/m/d', '[$-ja-JP]ggge"年"m"月"d"日"', '@', '0.0_);[Red]\\(0.0\\)', '"△"#,##0;"▲"#,##0', '#,##0;[Red]-#,##0'];

describe('parseCell on any cell', () => {
  const cell: fc.Arbitrary<Cell> = fc.record(
    {
      value: fc.oneof(
        fc.double(),
        fc.integer(),
        fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 0.1 + 0.2, 2 ** 53 + 1, Number.NaN, Number.POSITIVE_INFINITY),
        fc.string({ maxLength: 20 }),
        fc.boolean(),
        fc.constant(null),
      ),
      numFmt: fc.oneof(fc.constantFrom(...FORMATS), fc.string({ unit: fc.constantFrom(...'0#?.,%"ymdhsE+-;[]$_*\\@ 円億万千件'), maxLength: 16 })),
      formula: fc.constantFrom('C3/C2*100', 'SUM(A1:A3)'),
      error: fc.constantFrom('#DIV/0!', '#N/A', '#VALUE!', '#REF!'),
      noCachedResult: fc.boolean(),
      isDate: fc.boolean(),
      text: fc.string({ maxLength: 12 }),
    },
    { requiredKeys: ['value'] },
  );

  it('never throws, and a number it reads lies inside its interval', () => {
    fc.assert(
      fc.property(cell, (c) => {
        const p = parseCell(c);
        expect(['number', 'blank', 'invalid']).toContain(p.kind);
        if (p.kind === 'number') {
          expect(p.value.isFinite()).toBe(true);
          expect(p.lo.lte(p.value) && p.value.lte(p.hi), JSON.stringify(c)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a plain numeric cell as its value to 15 significant digits (what Excel stores)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), fc.constantFrom(undefined, 'General'), (v, numFmt) => {
        const p = parseCell({ value: v, numFmt });
        expect(p.kind).toBe('number');
        if (p.kind === 'number') expect(p.value.eq(dec(v.toPrecision(15))), String(v)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
