import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPath, launchBrowser, serveApp } from '../../scripts/lib/browser';
import { createTestApp } from './test-app';

// Launching and serving live with the screenshots script, which needs them too.
export { chromiumPath, launchBrowser };

/**
 * Browser tests need Debian's chromium. Locally without it they are skipped with a printed
 * reason; in CI (CI=true) a missing browser fails the run instead of passing silently.
 */
export function hasBrowser(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI)
    throw new Error(`Chromium not found at ${chromiumPath}; .ci/run must install it`);
  console.warn(`[e2e] skipped: no Chromium at ${chromiumPath} (apt-get install chromium)`);
  return false;
}

/** The whole service on a real port (APP_URL matches it), with the static files, for a browser. */
export function startServedApp(env: Record<string, string> = {}) {
  return serveApp((e) => createTestApp({ env: e }), env);
}

export type ServedApp = Awaited<ReturnType<typeof startServedApp>>;

/**
 * One served app and one browser for the enclosing describe: started in beforeAll, closed in
 * afterAll (browser first). The fields are set once beforeAll has run, so read them in hooks
 * and tests only. A file's own beforeAll registered after this runs after it, and its own
 * afterAll before the closing here.
 */
export function useServedAppAndBrowser(env: Record<string, string> = {}) {
  const e2e = {} as { app: ServedApp; browser: Browser };
  beforeAll(async () => {
    e2e.app = await startServedApp(env);
    e2e.browser = await launchBrowser();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.app?.close();
  });
  return e2e;
}
