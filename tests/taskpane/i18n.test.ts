import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/engine/index.js';
import { STRINGS, langFromTag } from '../../src/taskpane/i18n.js';

function leaves(v: unknown, path: string, out: [string, unknown][]): [string, unknown][] {
  if (typeof v === 'function') out.push([path, (v as (...a: unknown[]) => unknown)('7', '3')]);
  else if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, path ? `${path}.${k}` : k, out);
  else out.push([path, v]);
  return out;
}

describe('the pane’s words', () => {
  it('exist in Japanese and English for the same keys, none empty', () => {
    const ja = leaves(STRINGS.ja, '', []);
    const en = leaves(STRINGS.en, '', []);
    expect(en.map(([k]) => k)).toEqual(ja.map(([k]) => k));
    for (const [k, v] of [...ja, ...en]) expect(typeof v === 'string' && v.trim().length > 0, k).toBe(true);
  });

  it('are Japanese in Japanese and free of Japanese in English, but for the other language’s name and labels read from workbooks', () => {
    const kana = /[\u3040-\u30ff]/;
    const allowed = new Set(['switchLanguage', 'switchLanguageLabel', 'modeSource.cumulative-label']);
    for (const [k, v] of leaves(STRINGS.en, '', [])) if (!allowed.has(k)) expect(kana.test(String(v)), k).toBe(false);
    expect(kana.test(STRINGS.ja.check)).toBe(true);
  });

  it('name every rule in both languages, each name its own', () => {
    for (const lang of ['ja', 'en'] as const) {
      const names = RULES.map((r) => STRINGS[lang].ruleName[r.id]);
      expect(names.every((n) => typeof n === 'string' && n.trim() !== ''), lang).toBe(true);
      expect(new Set(names).size, lang).toBe(RULES.length);
    }
    expect(Object.keys(STRINGS.ja.ruleName).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('follows the display language: Japanese unless another language is named', () => {
    expect(langFromTag('ja-JP')).toBe('ja');
    expect(langFromTag('ja')).toBe('ja');
    expect(langFromTag('en-US')).toBe('en');
    expect(langFromTag('fr-FR')).toBe('en');
    expect(langFromTag('')).toBe('ja');
    expect(langFromTag(undefined)).toBe('ja');
  });
});
