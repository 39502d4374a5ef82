import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { appendErasure } from '../../src/ops/erasure-ledger';
import { openDatabase } from '../../src/platform/db.node.ts';
import { openTestDatabase, usePostgres } from '../helpers/database';

/**
 * The Node server as operators run it: pino JSON on stdout, /metrics behind METRICS_TOKEN with
 * prom-client's process metrics, and the erasure ledger replayed before the port opens.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const token = 'server-metrics-token-0123456789';
let dir: string;
let child: ChildProcess | null = null;
let pg: Awaited<ReturnType<typeof openTestDatabase>> | null = null;
let config: { databaseUrl: string | undefined; dataDir: string; erasureLedger: string };
let stdout = '';
let stderr = '';
let url = '';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accounts-metrics-server-'));
  if (usePostgres()) pg = await openTestDatabase();
  config = {
    databaseUrl: pg?.url,
    dataDir: join(dir, 'data'),
    erasureLedger: join(dir, 'erasure-ledger.jsonl'),
  };
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
  }
  await pg?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Node server in operation', () => {
  it('replays the erasure ledger before it serves: a restored person is deleted again', async () => {
    const handle = await openDatabase(config);
    await handle.migrate();
    const [row] = await handle.db
      .insert(users)
      .values({ email: `restored.${Date.now()}@example.com`, name: 'Restored Person' })
      .returning({ id: users.id });
    await handle.close();
    await appendErasure(config.erasureLedger, { userId: row!.id, at: new Date() });

    const port = await freePort();
    url = `http://localhost:${port}`;
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k, v]) =>
          v !== undefined &&
          ![
            'DATABASE_URL',
            'RESEND_API_KEY',
            'APP_URL',
            'NODE_ENV',
            'LOG_FORMAT',
            'LOG_LEVEL',
          ].includes(k),
      ),
    ) as Record<string, string>;
    Object.assign(env, {
      PORT: String(port),
      DATA_DIR: config.dataDir,
      ERASURE_LEDGER: config.erasureLedger,
      METRICS_TOKEN: token,
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
    });
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const began = Date.now();
    for (;;) {
      const res = await fetch(`${url}/readyz`).catch(() => null);
      if (res?.status === 200) break;
      if (Date.now() - began > 45_000 || child.exitCode !== null)
        throw new Error(`not ready:\n${stdout}\n${stderr}`);
      await sleep(50);
    }
    // Log lines are written asynchronously: give the start-up lines a moment to arrive.
    for (let i = 0; i < 40 && !stdout.includes('listening on'); i++) await sleep(50);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const replayed = lines.findIndex(
      (l) => l.msg === 'erasure ledger: deleted again people a restore had brought back',
    );
    const listening = lines.findIndex((l) => String(l.msg).startsWith('listening on'));
    expect(lines[replayed]).toMatchObject({ level: 'warn', erased: 1, entries: 1 });
    expect(replayed).toBeLessThan(listening);
    expect(lines[listening]).toMatchObject({ level: 'info', metrics: '/metrics', pid: child.pid });

    // PostgreSQL can be read while the server runs; PGlite's directory only after it stops (below).
    if (usePostgres()) {
      const check = await openDatabase(config);
      expect(await check.db.select().from(users).where(eq(users.id, row!.id))).toEqual([]);
      await check.close();
    }
  }, 60_000);

  it('serves Prometheus metrics (with process metrics) only to the bearer of METRICS_TOKEN', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    expect(
      (
        await fetch(`${url}/metrics`, {
          headers: { authorization: 'Bearer wrong-token-0123456789abc' },
        })
      ).status,
    ).toBe(404);
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/readyz",status="200"\} [1-9]/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/metrics",status="404"\} 2/);
    expect(text).toContain('db_up 1');
    expect(text).toContain('auth_sign_ins_total{method="password",outcome="locked"} 0');
  });

  it('logs one JSON line per request and stops cleanly', async () => {
    await fetch(`${url}/reset-password?token=abcdefghijklmnopqrstuvwxyz234567`);
    child!.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    expect(child!.exitCode).toBe(0);
    expect(stderr).toBe('');
    const requests = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(requests.at(-1)).toMatchObject({ method: 'GET', route: '/reset-password', status: 200 });
    expect(stdout).not.toContain('abcdefghijklmnopqrstuvwxyz234567');
    if (!usePostgres()) {
      const handle = await openDatabase(config);
      expect(await handle.db.select().from(users)).toEqual([]);
      await handle.close();
    }
  }, 30_000);
});
