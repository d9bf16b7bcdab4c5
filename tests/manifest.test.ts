/**
 * The add-in manifest, checked offline (Microsoft's validator needs the network): well-formed,
 * the elements Excel needs in the order the schema wants, every resource id defined, both
 * languages, and every icon and page it names present in the build.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, ROOT } from './browser/harness.js';
import { NS, all, child, manifestStructureTests, parseXml } from './manifest-checks.js';

const DEV_BASE = 'https://localhost:3000/';

const source = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(source);

function pngSize(path: string): { width: number; height: number; colours: number } {
  const b = readFileSync(path);
  expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  // Distinct bytes of the compressed data: a blank image compresses to a handful.
  const colours = new Set(b.subarray(33)).size;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colours };
}

describe('manifest.xml', () => {
  manifestStructureTests(() => manifest, DEV_BASE);

  describe('against the build', () => {
    let site = '';
    beforeAll(async () => {
      site = await builtSite();
    });
    afterAll(() => rmSync(site, { recursive: true, force: true }));

    it('names only https URLs under the dev base, and each exists in dist/', () => {
      const isNamespaceDeclaration = (key: string) => key === 'xmlns' || key.startsWith('{http://www.w3.org/2000/xmlns/}');
      const urls = all(manifest, () => true).flatMap((e) => [...e.attrs].filter(([k, v]) => !isNamespaceDeclaration(k) && /^https?:\/\//.test(v)).map(([, v]) => v));
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) {
        expect(url.startsWith(DEV_BASE), url).toBe(true);
        const path = new URL(url).pathname.slice(1);
        expect(existsSync(join(site, path)), `${path} in dist/`).toBe(true);
      }
    });

    it('is copied into dist/ with the same structure', () => {
      const built = parseXml(readFileSync(join(site, 'manifest.xml'), 'utf8'));
      expect(child(built, NS.app, 'Id').text).toBe(child(manifest, NS.app, 'Id').text);
    });

    it('points at real PNG icons of the sizes it declares', () => {
      const images = all(manifest, (e) => e.ns === NS.bt && e.name === 'Image' && e.attrs.has('DefaultValue'));
      const declared: [string, number][] = images.map((i) => [i.attrs.get('DefaultValue')!, Number(/(\d+)x\1/.exec(i.attrs.get('id')!)![1])]);
      declared.push([child(manifest, NS.app, 'IconUrl').attrs.get('DefaultValue')!, 32]);
      declared.push([child(manifest, NS.app, 'HighResolutionIconUrl').attrs.get('DefaultValue')!, 64]);
      for (const [url, size] of declared) {
        const png = pngSize(join(site, new URL(url).pathname.slice(1)));
        expect([png.width, png.height], url).toEqual([size, size]);
        expect(png.colours, `${url} is not blank`).toBeGreaterThan(20);
      }
    });
  });
});
