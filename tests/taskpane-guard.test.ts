import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

const source = readFileSync(join(import.meta.dirname, '..', 'src', 'taskpane', 'guard.js'), 'utf8');

describe('the old-webview guard script', () => {
  it('parses as ES5, so Internet Explorer 11 and the old Edge can run it', () => {
    expect(() => parse(source, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  });

  it('would not parse as ES5 if it used ES2015 syntax (the check can fail)', () => {
    expect(() => parse(`${source}\nconst x = () => 1;`, { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  });

  it('speaks Japanese and English', () => {
    expect(source).toContain('Hyoka を表示できません');
    expect(source).toContain('Hyoka cannot start here');
  });
});
