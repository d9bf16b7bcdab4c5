import { findingAt, type Finding } from '../findings.js';
import { yearOrder } from '../compute.js';
import { columnOfYear } from '../indicators.js';
import { targetParams, type Rule } from './types.js';

export const targetMissing: Rule = {
  id: 'target-missing',
  severity: 'warning',
  describe: { ja: '計画期間内の年度に目標値がない', en: 'A year inside the plan period has no target' },
  check({ targets }) {
    const findings: Finding[] = [];
    for (const { target: t } of targets.all) {
      // In the order of the years (a table may show them from the latest: `R3 | R2 | R1`).
      const order = yearOrder(t.columns);
      const present = order.map((i) => t.target[i].parsed.kind !== 'blank');
      const first = present.indexOf(true);
      if (first < 0) continue;
      let last = present.lastIndexOf(true);
      const goalCol = t.goal?.year ? order.indexOf(columnOfYear(t, t.goal.year)) : -1;
      if (goalCol > last) last = goalCol;
      for (let k = first; k <= last; k++) {
        const i = order[k];
        if (present[k]) continue;
        findings.push(findingAt('target-missing', 'warning', t.target[i].ref, { params: targetParams(t, t.columns[i]) }));
      }
    }
    return findings;
  },
};
