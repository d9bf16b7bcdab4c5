/** A 別紙1-style progress sheet from plain arrays, for rule tests. */
import { sheet, type Spec } from '../../helpers.js';

export interface BlockSpec {
  label: string;
  weight?: string;
  target: Spec[];
  actual: Spec[];
  progress?: Spec[];
}

export function progressSheet(name: string, years: string[], blocks: BlockSpec[], extra: Spec[][] = []) {
  const rows: Spec[][] = [[null, null, ...years]];
  for (const b of blocks) {
    rows.push([b.label, '目標値', ...b.target]);
    rows.push([null, '実績値', ...b.actual]);
    rows.push([b.weight ?? '寄与度(※):', '進捗度(%)', ...(b.progress ?? [])]);
  }
  return sheet(name, [...rows.map((r) => [null, ...r]), [], ...extra]);
}

export const R = ['R1', 'R2', 'R3', 'R4', 'R5'];
