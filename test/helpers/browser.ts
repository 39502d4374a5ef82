import { existsSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { serveStatic } from '@hono/node-server/serve-static';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app';
import { serveNode } from '../../src/platform/http-server.node.ts';
import { createTestApp } from './test-app';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Flags this sandbox needs: no network beyond loopback, running as root.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** The whole service on a real port (APP_URL matches it), with the static files, for a browser. */
export async function startServedApp(env: Record<string, string> = {}) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const t = await createTestApp({ env: { APP_URL: baseUrl, ...env } });
  const app = createApp(t.deps, {
    assets: serveStatic({
      root: './public',
      rewriteRequestPath: (p) => p.replace(/^\/assets/, ''),
    }),
  });
  const server = serveNode({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  return {
    ...t,
    baseUrl,
    async close() {
      await new Promise((r) => server.close(r));
      await t.close();
    },
  };
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
