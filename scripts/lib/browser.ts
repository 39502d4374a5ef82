import { serveStatic } from '@hono/node-server/serve-static';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../../src/app';
import type { Deps } from '../../src/deps';
import { serveNode } from '../../src/platform/http-server.node.ts';
import { freePort } from './free-port';
import { createHarnessApp, openScratchDatabase } from './harness-app';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/**
 * The app `create` makes, on a real port with the static files, for a browser. The port is
 * chosen first so that APP_URL (passed to `create` in its environment) matches it.
 */
export async function serveApp<T extends { deps: Deps; close(): Promise<void> }>(
  create: (env: Record<string, string>) => Promise<T>,
  env: Record<string, string> = {},
) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const t = await create({ APP_URL: baseUrl, ...env });
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

/** The whole service on a new in-memory database and a real port, with the static files. */
export function startServedApp(env: Record<string, string> = {}) {
  return serveApp((e) => createHarnessApp(openScratchDatabase, { env: e }), env);
}
export type ServedApp = Awaited<ReturnType<typeof startServedApp>>;
