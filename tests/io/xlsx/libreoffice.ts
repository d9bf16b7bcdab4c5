/** Recalculates an .xlsx with LibreOffice headless, with a profile that never reuses cached results. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

export function recalculateWithLibreOffice(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-lo-'));
  const profile = join(dir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), XCU);
  const input = join(dir, 'in', 'book.xlsx');
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
  writeFileSync(input, bytes);
  try {
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), input], { stdio: 'pipe', timeout: 120_000 });
    return new Uint8Array(readFileSync(join(dir, 'out', basename(input))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
