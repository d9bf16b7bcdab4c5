/**
 * The add-in manifest, checked offline (Microsoft's validator needs the network): well-formed,
 * the elements Excel needs in the order the schema wants, every resource id defined, both
 * languages, and every icon and page it names present in the build.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite, ROOT } from './browser/harness.js';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const DEV_BASE = 'https://localhost:3000/';

interface El {
  ns: string;
  name: string;
  attrs: Map<string, string>;
  children: El[];
  text: string;
}

/** A namespace-aware element tree; throws on anything that is not well-formed XML. */
function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | null = null;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      const attr = a as { uri: string; local: string; value: string };
      attrs.set(attr.uri ? `{${attr.uri}}${attr.local}` : attr.local, attr.value);
    }
    const el: El = { ns: tag.uri ?? '', name: tag.local ?? tag.name, attrs, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}

function child(el: El, ns: string, name: string): El {
  const found = el.children.find((c) => c.ns === ns && c.name === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}

const xsiType = (e: El) => e.attrs.get(`{${NS.xsi}}type`);
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
  it('is a well-formed task-pane manifest for Excel workbooks', () => {
    expect(manifest.ns).toBe(NS.app);
    expect(manifest.name).toBe('OfficeApp');
    expect(xsiType(manifest)).toBe('TaskPaneApp');
    expect(child(manifest, NS.app, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, NS.app, 'Version').text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(child(manifest, NS.app, 'Hosts'), (e) => e.name === 'Host').map((h) => h.attrs.get('Name'))).toEqual(['Workbook']);
    expect(child(manifest, NS.app, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(child(child(manifest, NS.app, 'DefaultSettings'), NS.app, 'SourceLocation').attrs.get('DefaultValue')).toBe(`${DEV_BASE}taskpane.html`);
  });

  it('keeps the top-level elements in the order of the OfficeApp schema', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const names = manifest.children.map((c) => c.name);
    expect(names.every((n) => order.includes(n))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  it('asks only for ExcelApi 1.1', () => {
    const sets = all(child(manifest, NS.app, 'Requirements'), (e) => e.name === 'Set');
    expect(sets.map((s) => [s.attrs.get('Name'), s.attrs.get('MinVersion')])).toEqual([['ExcelApi', '1.1']]);
  });

  it('speaks Japanese by default and English as an override', () => {
    expect(child(manifest, NS.app, 'DefaultLocale').text.trim()).toBe('ja-JP');
    for (const name of ['DisplayName', 'Description']) {
      const el = child(manifest, NS.app, name);
      expect(el.attrs.get('DefaultValue')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      const en = el.children.find((c) => c.name === 'Override' && c.attrs.get('Locale') === 'en-US');
      expect(en?.attrs.get('Value')).toMatch(/^[\x20-\x7e]+$/);
    }
    const strings = all(manifest, (e) => e.ns === NS.bt && e.name === 'String');
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      expect(s.children.some((c) => c.name === 'Override' && c.attrs.get('Locale') === 'en-US'), s.attrs.get('id')).toBe(true);
    }
  });

  it('puts a button on the Home tab that shows the task pane', () => {
    const vo = child(manifest, NS.ov, 'VersionOverrides');
    expect(xsiType(vo)).toBe('VersionOverridesV1_0');
    const host = all(vo, (e) => e.name === 'Host' && xsiType(e) === 'Workbook');
    expect(host).toHaveLength(1);
    const desktop = child(host[0], NS.ov, 'DesktopFormFactor');
    expect(desktop.children.map((c) => c.name).filter((n) => n === 'FunctionFile')).toHaveLength(1);
    const tab = all(desktop, (e) => e.name === 'OfficeTab');
    expect(tab.map((t) => t.attrs.get('id'))).toEqual(['TabHome']);
    const buttons = all(tab[0], (e) => e.name === 'Control' && xsiType(e) === 'Button');
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0], NS.ov, 'Action');
    expect(xsiType(action)).toBe('ShowTaskpane');
    expect(child(action, NS.ov, 'SourceLocation').attrs.get('resid')).toBe('Taskpane.Url');
    const icons = all(buttons[0], (e) => e.ns === NS.bt && e.name === 'Image').map((i) => i.attrs.get('size'));
    expect(icons).toEqual(['16', '32', '80']);
  });

  it('defines every resource id it uses, once, within Office’s length limits', () => {
    const resources = child(child(manifest, NS.ov, 'VersionOverrides'), NS.ov, 'Resources');
    const defined = all(resources, (e) => e.ns === NS.bt && e.attrs.has('id') && e.attrs.has('DefaultValue'));
    const ids = defined.map((d) => d.attrs.get('id'));
    expect(new Set(ids).size).toBe(ids.length);
    const used = all(manifest, (e) => e.attrs.has('resid')).map((e) => e.attrs.get('resid'));
    for (const id of used) expect(ids, `resid ${id}`).toContain(id);
    for (const group of ['ShortStrings', 'LongStrings'] as const) {
      const limit = group === 'ShortStrings' ? 125 : 250;
      for (const s of all(child(resources, NS.bt, group), (e) => e.name === 'String' || e.name === 'Override')) {
        expect((s.attrs.get('DefaultValue') ?? s.attrs.get('Value') ?? '').length).toBeLessThanOrEqual(limit);
      }
    }
  });

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
