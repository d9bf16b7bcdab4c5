import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/engine/check.js';
import { planRecalculation } from '../../../src/engine/fix.js';
import { readXlsx } from '../../../src/io/xlsx/read.js';
import { settleFormulas } from '../../../src/io/xlsx/settle.js';
import { patchXlsx } from '../../../src/io/xlsx/write.js';
import { recalculateWithLibreOffice } from './libreoffice.js';
import { chartWorkbook } from './chart-workbook.js';

async function fixed(bytes: Uint8Array) {
  const workbook = await readXlsx(bytes);
  const plan = settleFormulas(workbook, planRecalculation(checkWorkbook(workbook).model));
  const patched = patchXlsx(bytes, plan.writes, plan);
  return { plan, bytes: patched.bytes, caches: patched.caches };
}

/** The values a chart part caches for its series' figures (`<c:val>`), by point. */
function cachedValues(bytes: Uint8Array): (number | null)[] {
  const parts = unzipSync(bytes);
  const name = Object.keys(parts).find((n) => /^xl\/charts\/chart\d*\.xml$/.test(n))!;
  const xml = strFromU8(parts[name]);
  const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(xml)![1];
  const count = Number(/<c:ptCount val="(\d+)"/.exec(val)![1]);
  const out: (number | null)[] = Array(count).fill(null);
  for (const m of val.matchAll(/<c:pt idx="(\d+)"[^>]*>\s*<c:v>([^<]*)<\/c:v>/g)) out[Number(m[1])] = Number(m[2]);
  return out;
}

describe('the copies of rewritten cells a package keeps outside its sheets', () => {
  it('a chart over a rewritten progress row caches the new figure, so that whatever shows the cache shows it (Excel before it reads the cells, previews, other readers)', async () => {
    const { plan, bytes, caches } = await fixed(chartWorkbook());
    expect(plan.writes.map((w) => [w.address, w.value])).toEqual([['D4', 1.2]]);
    expect(caches).toEqual({ charts: ['xl/charts/chart1.xml'], pivots: ['xl/pivotCache/pivotCacheDefinition1.xml'] });
    // Before, the chart still cached 1.0 (100 %) for R4.
    expect(cachedValues(bytes)).toEqual([1.1, 1.2, 0.9]);
    // The series' name and categories, over cells not written, are left as they were, byte for byte.
    const before = strFromU8(unzipSync(chartWorkbook())['xl/charts/chart1.xml']);
    const after = strFromU8(unzipSync(bytes)['xl/charts/chart1.xml']);
    expect(after).toBe(before.replace('<c:pt idx="1"><c:v>1</c:v></c:pt>', '<c:pt idx="1"><c:v>1.2</c:v></c:pt>'));
    // LibreOffice opens the patched chart and shows the new figure: its chart, saved again, caches 1.2. (LibreOffice reads a
    // chart's cells on opening, stale cache or not; Excel's first drawing, previews and other readers take the cache.)
    expect(cachedValues(recalculateWithLibreOffice(bytes))).toEqual([1.1, 1.2, 0.9]);
  });

  it('a point the chart cached none for (a blank progress filled) is added in its place among the others', async () => {
    const { plan, bytes } = await fixed(chartWorkbook([1.1, null, 0.9]));
    expect(plan.writes.map((w) => [w.address, w.value])).toEqual([['D4', 1.2]]);
    expect(cachedValues(bytes)).toEqual([1.1, 1.2, 0.9]);
    expect(strFromU8(unzipSync(bytes)['xl/charts/chart1.xml'])).toContain('<c:pt idx="0"><c:v>1.1</c:v></c:pt><c:pt idx="1"><c:v>1.2</c:v></c:pt><c:pt idx="2">');
  });

  it('a pivot cache whose source takes in a rewritten cell asks to be refreshed on opening; one over other cells is left as it is', async () => {
    const { bytes } = await fixed(chartWorkbook());
    expect(strFromU8(unzipSync(bytes)['xl/pivotCache/pivotCacheDefinition1.xml'])).toContain('<pivotCacheDefinition xmlns');
    expect(strFromU8(unzipSync(bytes)['xl/pivotCache/pivotCacheDefinition1.xml'])).toMatch(/<pivotCacheDefinition [^>]*refreshOnLoad="1"/);
    const parts = unzipSync(chartWorkbook());
    parts['xl/pivotCache/pivotCacheDefinition1.xml'] = strToU8(strFromU8(parts['xl/pivotCache/pivotCacheDefinition1.xml']).replace('ref="B1:E4"', 'ref="A1:C4"'));
    const other = await fixed(zipSync(parts));
    expect(strFromU8(unzipSync(other.bytes)['xl/pivotCache/pivotCacheDefinition1.xml'])).not.toContain('refreshOnLoad');
  });
});
