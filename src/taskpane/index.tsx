/**
 * The pane's entry: find out where it runs (Excel or the standalone page), then render. Office's
 * own bootstrap (Office.onReady) lives in env.ts; components talk to the workbook only through
 * the WorkbookHost.
 */
import './csp.js';
import { FluentProvider } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { detectEnvironment } from './env.js';
import { STRINGS } from './i18n.js';
import { theme } from './theme.js';

declare global {
  interface Window {
    /** Read by guard.js: a pane that never sets it did not start. */
    hyokaStarted?: boolean;
  }
}

function showStartupError(root: HTMLElement, e: unknown): void {
  const detail = e instanceof Error ? e.message : String(e);
  root.textContent = '';
  for (const text of [STRINGS.ja.unexpected(detail), STRINGS.en.unexpected(detail)]) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = text;
    root.appendChild(p);
  }
}

async function main(): Promise<void> {
  // The bundle runs: guard.js need not step in (its old-webview message is for a pane that never starts).
  window.hyokaStarted = true;
  const element = document.getElementById('root');
  if (!element) throw new Error('the page has no #root element');
  try {
    const env = await detectEnvironment();
    document.documentElement.lang = env.lang;
    createRoot(element).render(
      <FluentProvider theme={theme}>
        <App env={env} />
      </FluentProvider>,
    );
  } catch (e) {
    showStartupError(element, e);
  }
}

void main();
