import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/engine/check.js';
import type { Stage } from '../../src/engine/detect/index.js';
import { RULES } from '../../src/engine/rules/index.js';
import { fixture } from '../helpers.js';

describe('the stages of a check (what bench/phases.mts times)', () => {
  it('runs every stage through the given runner, once per sheet or per rule, with the same result', async () => {
    const wb = await fixture('keihin-2019-numeric.xlsx');
    const calls = new Map<string, number>();
    const counting: Stage = (name, run) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return run();
    };
    const staged = checkWorkbook(wb, { stage: counting });
    expect(staged).toEqual(checkWorkbook(wb));
    const sheets = wb.sheets.filter((s) => s.rows.length > 0).length;
    for (const name of ['scan', 'detect vertical', 'detect year groups', 'detect progress', 'detect matrices', 'detect summary', 'detect budget', 'detect overall']) expect(calls.get(name), name).toBe(sheets);
    expect(calls.get('index targets')).toBe(1);
    for (const rule of RULES) expect(calls.get(`rule ${rule.id}`), rule.id).toBe(1);
    expect(calls.size).toBe(9 + RULES.length);
  });
});
