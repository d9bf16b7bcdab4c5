import { describe, expect, it } from 'vitest';
import { shownText } from '../../src/taskpane/cell-text.js';

describe('a recalculated value as its cell shows it', () => {
  it('shows a ratio in a percent cell as its percent, with the format’s decimals', () => {
    expect(shownText(1.74, '0%')).toBe('174%');
    expect(shownText(1.1, '0%')).toBe('110%');
    expect(shownText(1.035, '0.0%')).toBe('103.5%');
    expect(shownText(0.846, '0.0%')).toBe('84.6%');
  });

  it('shows other numbers and texts as they are, with a format’s unit and decimals', () => {
    expect(shownText(138, undefined)).toBe('138');
    expect(shownText(1.1 * 3, undefined)).toBe('3.3');
    expect(shownText(138, '0"%"')).toBe('138%');
    expect(shownText(104.5, '0.0')).toBe('104.5');
    expect(shownText('138%', '@')).toBe('138%');
    expect(shownText(null, '0%')).toBe('');
  });

  it('shows a format’s words before the digits before them (`"約"#,##0"件"` holding 1300 shows 約1300件, not 1300約件)', () => {
    expect(shownText(1300, '"約"0"件"')).toBe('約1300件');
    expect(shownText(1234, '"延べ"0"人"')).toBe('延べ1234人');
    expect(shownText(5, '"計"0"円"')).toBe('計5円');
  });
});
