/// <reference types="office-js" />
/**
 * Where the pane runs: inside Excel (office.js loaded and Office.onReady names Excel), or as the
 * standalone page (office.js missing because its script could not load, or a browser outside
 * Office). The only module of the pane that touches the Office global; the workbook itself is
 * reached through the WorkbookHost of src/io/office.
 */
import type { WorkbookHost } from '../io/host.js';
import { langFromTag, type Lang } from './i18n.js';

export type Environment =
  | { kind: 'office'; host: WorkbookHost; lang: Lang }
  | { kind: 'standalone'; lang: Lang }
  /** Opened by another Office application (the manifest names only Excel, but a link may be shared). */
  | { kind: 'other-office-host'; lang: Lang };

/** How long to wait for Office.onReady before treating the page as standalone. */
const OFFICE_READY_TIMEOUT_MS = 8000;

const LANG_KEY = 'hyoka.lang';

/** The language the user chose with the language button, when storage is available. */
export function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return v === 'ja' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage can be disabled (private windows, policies); the choice then lasts for the session.
  }
}

function officeReady(): Promise<{ host: Office.HostType | null } | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), OFFICE_READY_TIMEOUT_MS);
    Office.onReady()
      .then((info) => {
        clearTimeout(timer);
        resolve({ host: info.host ?? null });
      })
      .catch(() => {
        clearTimeout(timer);
        resolve(null);
      });
  });
}

export async function detectEnvironment(): Promise<Environment> {
  const browserLang = storedLang() ?? langFromTag(navigator.language);
  // office.js blocked or unreachable (closed network, a plain browser): standalone.
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'standalone', lang: browserLang };
  const info = await officeReady();
  if (!info || !info.host) return { kind: 'standalone', lang: browserLang };
  const lang = storedLang() ?? langFromTag(Office.context?.displayLanguage);
  if (info.host !== Office.HostType.Excel) return { kind: 'other-office-host', lang };
  const { createOfficeHost } = await import(/* webpackChunkName: "office-host" */ '../io/office/index.js');
  return { kind: 'office', host: await createOfficeHost(), lang };
}
