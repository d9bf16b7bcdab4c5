/**
 * Offline checks of an add-in manifest (Microsoft's validator needs the network): well-formed,
 * the elements Excel needs in the order the schema wants, every resource id defined once within
 * Office's limits, both languages. Used on the source manifest and on hosted builds.
 */
import { SaxesParser } from 'saxes';
import { expect, it } from 'vitest';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

export interface El {
  ns: string;
  name: string;
  attrs: Map<string, string>;
  children: El[];
  text: string;
}

/** A namespace-aware element tree; throws on anything that is not well-formed XML. */
export function parseXml(xml: string): El {
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

export function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}

export function child(el: El, ns: string, name: string): El {
  const found = el.children.find((c) => c.ns === ns && c.name === name);
  if (!found) throw new Error(`<${el.name}> has no <${name}>`);
  return found;
}

export const xsiType = (e: El) => e.attrs.get(`{${NS.xsi}}type`);

/** The structural checks, as tests, of the manifest `load()` gives, whose pages live under `base`. */
export function manifestStructureTests(load: () => El, base: string): void {
  it('is a well-formed task-pane manifest for Excel workbooks', () => {
    expect(load().ns).toBe(NS.app);
    expect(load().name).toBe('OfficeApp');
    expect(xsiType(load())).toBe('TaskPaneApp');
    expect(child(load(), NS.app, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(load(), NS.app, 'Version').text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(child(load(), NS.app, 'Hosts'), (e) => e.name === 'Host').map((h) => h.attrs.get('Name'))).toEqual(['Workbook']);
    expect(child(load(), NS.app, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(child(child(load(), NS.app, 'DefaultSettings'), NS.app, 'SourceLocation').attrs.get('DefaultValue')).toBe(`${base}taskpane.html`);
  });

  it('keeps the top-level elements in the order of the OfficeApp schema', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const names = load().children.map((c) => c.name);
    expect(names.every((n) => order.includes(n))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  it('asks only for ExcelApi 1.1', () => {
    const sets = all(child(load(), NS.app, 'Requirements'), (e) => e.name === 'Set');
    expect(sets.map((s) => [s.attrs.get('Name'), s.attrs.get('MinVersion')])).toEqual([['ExcelApi', '1.1']]);
  });

  it('speaks Japanese by default and English as an override', () => {
    expect(child(load(), NS.app, 'DefaultLocale').text.trim()).toBe('ja-JP');
    for (const name of ['DisplayName', 'Description']) {
      const el = child(load(), NS.app, name);
      expect(el.attrs.get('DefaultValue')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      const en = el.children.find((c) => c.name === 'Override' && c.attrs.get('Locale') === 'en-US');
      expect(en?.attrs.get('Value')).toMatch(/^[\x20-\x7e]+$/);
    }
    const strings = all(load(), (e) => e.ns === NS.bt && e.name === 'String');
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      expect(s.children.some((c) => c.name === 'Override' && c.attrs.get('Locale') === 'en-US'), s.attrs.get('id')).toBe(true);
    }
  });

  it('puts a button on the Home tab that shows the task pane', () => {
    const vo = child(load(), NS.ov, 'VersionOverrides');
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
    const resources = child(child(load(), NS.ov, 'VersionOverrides'), NS.ov, 'Resources');
    const defined = all(resources, (e) => e.ns === NS.bt && e.attrs.has('id') && e.attrs.has('DefaultValue'));
    const ids = defined.map((d) => d.attrs.get('id'));
    expect(new Set(ids).size).toBe(ids.length);
    const used = all(load(), (e) => e.attrs.has('resid')).map((e) => e.attrs.get('resid'));
    for (const id of used) expect(ids, `resid ${id}`).toContain(id);
    for (const group of ['ShortStrings', 'LongStrings'] as const) {
      const limit = group === 'ShortStrings' ? 125 : 250;
      for (const s of all(child(resources, NS.bt, group), (e) => e.name === 'String' || e.name === 'Override')) {
        expect((s.attrs.get('DefaultValue') ?? s.attrs.get('Value') ?? '').length).toBeLessThanOrEqual(limit);
      }
    }
  });
}
