/**
 * Vitest global setup for the browser tests: builds dist/ once before any test file starts, so
 * that the build does not run inside a test hook. (Each browser test file also checks, under a
 * lock, that dist/ is up to date, so the tests work without this setup too.)
 * Wire it in vitest.config.ts: `globalSetup: ['tests/browser/global-setup.ts']`.
 */
import { ensureDist } from './harness.js';

export default async function setup(): Promise<void> {
  await ensureDist();
}
