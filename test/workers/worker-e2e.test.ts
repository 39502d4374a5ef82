import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { insertOutboxRow } from '../helpers/outbox';
import { openPostgres } from '../../src/platform/db.postgres';
import { templateDatabase, usePostgres, withDatabase } from '../helpers/database';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { freePort, startWorkerd, workerdUnavailable, type Workerd } from '../helpers/workerd';
import { checkWorkerBundle } from '../../scripts/worker-bundle-check.mjs';

/**
 * `npm run worker:build`, then that bundle end to end in real workerd (`wrangler dev --local`):
 * a fresh PostgreSQL database migrated by the deploy step
 * (`npm run db:migrate`), the HYPERDRIVE binding's local connection, the WebAssembly argon2id,
 * the resend SDK against the fake Resend API, static assets, and the Cron Trigger
 * (`/__scheduled`) sending queued mail.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const fallbackServer = 'postgres://postgres@127.0.0.1:5432/postgres';
const serverUrl = usePostgres() ? process.env.DATABASE_URL! : fallbackServer;

async function postgresUnavailable() {
  const probe = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return null;
  } catch (err) {
    return `no PostgreSQL at ${new URL(serverUrl).host} (${(err as Error).message})`;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

// In CI the suite runs with PostgreSQL, so a missing one there is a failure, not a skip.
const skipReason =
  workerdUnavailable() ?? (usePostgres() || process.env.CI ? null : await postgresUnavailable());
if (skipReason) console.warn(`[skip] Workers end-to-end test: ${skipReason}`);

function run(command: string, args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

// One build for both suites below: bundling is the slow part, and the machine has two cores.
const bundleDir = mkdtempSync(join(tmpdir(), 'worker-bundle-'));
let building: ReturnType<typeof run> | undefined;
const buildBundle = () =>
  (building ??= run(process.execPath, ['scripts/worker-build.mjs', '--outdir', bundleDir], {}));
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

describe('the Workers bundle (npm run worker:build)', () => {
  it('builds with wrangler deploy --dry-run and holds no Node-only module', async () => {
    const built = await buildBundle();
    expect(built.code, built.out).toBe(0);
    expect(built.out).toContain('no Node-only module inside');
    const files = readdirSync(bundleDir);
    expect(files).toContain('worker.js');
    expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(2); // argon2id, SIMD and not
    expect(checkWorkerBundle(bundleDir)).toEqual([]);
  }, 120_000);
});

describe.skipIf(!!skipReason)('the service on Cloudflare Workers (workerd)', () => {
  const began = Date.now();
  // Named like the run's other test databases, so one left by a run that died is cleared up.
  const dbName = `${templateDatabase().replace(/_template$/, '')}_worker_${Math.random().toString(36).slice(2, 8)}`;
  const dbUrl = withDatabase(serverUrl, dbName);
  let resend: FakeResend;
  let worker: Workerd;
  const person = {
    email: `worker.${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: 'correct horse battery staple 7',
    name: 'Workers Person',
  };
  let origin: string;
  let cookie = '';

  const post = (path: string, body: unknown) =>
    worker.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const get = (path: string) => worker.fetch(path, { headers: cookie ? { cookie } : {} });

  async function waitFor<T>(
    what: string,
    probe: () => T | undefined | null,
    ms = 10_000,
  ): Promise<T> {
    const start = Date.now();
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() - start > ms)
        throw new Error(`${what} within ${ms} ms\n${worker.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    const [built, migrated] = await Promise.all([
      buildBundle(),
      (async () => {
        const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`CREATE DATABASE "${dbName}"`);
        await admin.end();
        // The deploy step, as an operator runs it.
        return run('npm', ['run', '--silent', 'db:migrate'], { DATABASE_URL: dbUrl });
      })(),
    ]);
    expect(built.code, built.out).toBe(0);
    expect(migrated.code, migrated.out).toBe(0);

    resend = await startFakeResend();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    worker = await startWorkerd(
      {
        PORT: String(port),
        APP_URL: origin,
        DATABASE_URL: dbUrl,
        RESEND_API_KEY: resend.apiKey,
        RESEND_BASE_URL: resend.url,
        MAIL_FROM: 'Workers Test <no-reply@example.com>',
        SCHOOL_NAME: 'Workers School',
      },
      { bundleDir },
    );
    console.info(`[workers] wrangler dev ready in ${worker.startedInMs} ms`);
  }, 90_000);

  afterAll(async () => {
    if (process.env.WORKER_E2E_DUMP)
      (await import('node:fs')).writeFileSync(process.env.WORKER_E2E_DUMP, worker?.output() ?? '');
    await worker?.stop();
    await resend?.close();
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
    await admin.end();
    console.info(`[workers] end-to-end test took ${Date.now() - began} ms`);
  }, 30_000);

  it('serves public/ at /assets/* and reports ready on the migrated database', async () => {
    const css = await worker.fetch('/assets/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
    expect((await css.text()).length).toBeGreaterThan(100);
    expect((await worker.fetch('/app.css')).status).toBe(404); // only under /assets, as on Node
    expect((await worker.fetch('/readyz')).status).toBe(200);
    const home = await worker.fetch('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('registers, mails the link once (cron included), verifies, signs in, reads /me and exports', async () => {
    const registered = await post('/api/v1/auth/register', {
      ...person,
      acceptPrivacyPolicy: true,
      confirmAge: true,
    });
    expect(registered.status, await registered.clone().text()).toBe(202);
    expect(await registered.json()).toEqual({ status: 'verification_sent' });

    // The request queued its mail and the worker sends it right after the response (ctx.waitUntil).
    const link = await waitFor('the verification mail', () =>
      resend.lastLink(person.email, '/verify-email'),
    );
    expect(link.url.startsWith(`${origin}/verify-email?token=`)).toBe(true);
    // The cron finds nothing left to send: the mail must not go twice.
    expect(await worker.scheduled()).toEqual({ status: 200, text: 'Ran scheduled event' });
    const verification = resend
      .to(person.email)
      .filter((m) => m.text?.includes('/verify-email?token='));
    expect(verification).toHaveLength(1);
    expect(verification[0]!.from).toBe('Workers Test <no-reply@example.com>');

    const verified = await post('/api/v1/auth/verify-email', {
      token: link.token,
      password: person.password,
    });
    expect(verified.status, await verified.clone().text()).toBe(200);

    // The password was hashed by the WebAssembly argon2id inside workerd.
    const login = await post('/api/v1/auth/login', {
      email: person.email,
      password: person.password,
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('session='));
    expect(session).toMatch(/HttpOnly/i);
    cookie = session!.split(';')[0]!;
    const wrong = await post('/api/v1/auth/login', {
      email: person.email,
      password: 'not the password at all',
    });
    expect(wrong.status).toBe(401);

    const me = await get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email: person.email,
      name: person.name,
      emailVerified: true,
    });

    // The export streams from the database page by page after the handler returned.
    const exported = await get('/api/v1/me/export');
    expect(exported.status, await exported.clone().text()).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/application\/zip/);
    const files = unzipSync(new Uint8Array(await exported.arrayBuffer()));
    expect(Object.keys(files)).toContain('data.json');
    expect(Object.keys(files)).toContain('README.txt');
    expect(strFromU8(files['data.json']!)).toContain(person.email);
  });

  it('sends mail queued outside any request when the Cron Trigger fires, exactly once', async () => {
    const handle = openPostgres(dbUrl, { max: 1 });
    try {
      await insertOutboxRow(
        handle.db,
        {
          toAddress: 'cron@example.com',
          template: 'test',
          locale: 'en',
          subject: 'Queued for the cron',
          html: '<p>hi</p>',
          text: 'hi',
        },
        new Date(),
      );
    } finally {
      await handle.close();
    }
    expect(resend.to('cron@example.com')).toHaveLength(0);
    expect((await worker.scheduled()).status).toBe(200);
    expect(resend.to('cron@example.com').map((m) => m.subject)).toEqual(['Queued for the cron']);
    await worker.scheduled();
    expect(resend.to('cron@example.com')).toHaveLength(1);

    // Across the whole run: every delivery had its own idempotency key, none was replayed.
    const keys = resend.emails.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(resend.log.filter((r) => r.outcome !== 'delivered')).toEqual([]);
    // No request failed inside the worker. (A failing background job is logged as "job failed"
    // and shows in that job's own tests; it is printed here, not judged.)
    const errors = worker
      .output()
      .split('\n')
      .filter((l) => l.includes('"level":"error"'));
    const jobFailures = errors.filter((l) => l.includes('"msg":"job failed"'));
    if (jobFailures.length)
      console.warn(`[workers] background job failures:\n${jobFailures.join('\n').slice(0, 2000)}`);
    expect(errors.filter((l) => !jobFailures.includes(l))).toEqual([]);
  });
});
