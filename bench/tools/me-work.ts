/**
 * `tsx bench/tools/me-work.ts [path]` (PROFILE=1 also writes /tmp/me.cpuprofile): what one
 * authenticated GET (default /api/v1/me; `/account` for the page) costs this process, with
 * no sockets but the database's: the app runs in process on a fresh PostgreSQL database and
 * 50 concurrent callers make 5,000 requests, three times. Runs the sources (tsx), so a
 * profile's frames name our files and the libraries' own.
 */
import { Writable } from 'node:stream';
import { createBenchDatabase } from '../lib/db';
import { email, ourEnv, password, seedOurs } from '../lib/servers';
import { parseConfig } from '../../src/config';
import { createApp } from '../../src/app';
import { createNodeDeps } from '../../src/deps.node.ts';
import { createNodeLogger } from '../../src/platform/logger.node.ts';

const path = process.argv[2] ?? '/api/v1/me';
const db = await createBenchDatabase(process.env.DATABASE_URL!, `bench_mw_${process.pid}`, true);
try {
  await seedOurs(db.url);
  const config = parseConfig(ourEnv(db.url));
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const log = await createNodeLogger({ destination: sink, format: 'json' });
  const { deps, handle } = await createNodeDeps(config, log, () => {}, { metrics: false });
  const app = createApp(deps);
  const signIn = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, tokenInBody: true }),
  });
  const cookie = `session=${((await signIn.json()) as { token: string }).token}`;
  const many = async (count: number) => {
    let left = count;
    const caller = async () => {
      while (left-- > 0) {
        const res = await app.fetch(
          new Request(`http://localhost${path}`, { headers: { cookie } }),
        );
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 50 }, caller));
  };
  await many(2000);
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    await many(5000);
    const c = process.cpuUsage(c0);
    console.log(`${path}: ${((c.user + c.system) / 5000).toFixed(1)} µs CPU per request`);
  }
  if (process.env.PROFILE) {
    const { Session } = await import('node:inspector/promises');
    const s = new Session();
    s.connect();
    await s.post('Profiler.enable');
    await s.post('Profiler.start');
    await many(10000);
    const { profile } = await s.post('Profiler.stop');
    (await import('node:fs')).writeFileSync('/tmp/me.cpuprofile', JSON.stringify(profile));
  }
  await handle.close();
} finally {
  await db.drop();
}
