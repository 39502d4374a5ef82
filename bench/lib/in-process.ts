import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Writable } from 'node:stream';
import { createBenchDatabase } from './db';
import { email, ourEnv, password, seedOurs } from './servers';
import { parseConfig } from '../../src/config';
import { createApp } from '../../src/app';
import { createNodeDeps } from '../../src/deps.node.ts';
import { createNodeLogger } from '../../src/platform/logger.node.ts';

/**
 * The service in this process (no sockets but the database's) on a fresh PostgreSQL database
 * of its own, with the bench account: for the tools that time or profile one kind of request.
 * The log goes to a sink of the same JSON lines the server writes. `close()` drops it all.
 */
export async function inProcessService(name: string) {
  const db = await createBenchDatabase(process.env.DATABASE_URL!, `${name}_${process.pid}`, true);
  try {
    const userId = await seedOurs(db.url);
    const config = parseConfig(ourEnv(db.url));
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const log = await createNodeLogger({ destination: sink, format: 'json' });
    const { deps, handle } = await createNodeDeps(config, log, () => {}, { metrics: false });
    return {
      deps,
      userId,
      createApp: () => createApp(deps),
      async close() {
        await handle.close();
        await db.drop();
      },
    };
  } catch (e) {
    await db.drop();
    throw e;
  }
}

/** Signs the bench account in through `app`; returns the cookie header value. */
export async function sessionCookie(app: ReturnType<typeof createApp>) {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, tokenInBody: true }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return `session=${((await res.json()) as { token: string }).token}`;
}

/** Runs `work` under the V8 profiler and writes the profile to `file` (open it in DevTools). */
export async function profileTo(file: string, work: () => Promise<void>) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  await work();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}
