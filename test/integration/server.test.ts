import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openTestDatabase, usePostgres } from '../helpers/database';

/**
 * The real Node entry point as a child process, built as `npm start` runs it (scripts/build.mjs,
 * into a directory of this run's own): start-up, static files from the project's public/ (not
 * from the build's directory), the mail timer, graceful shutdown and data kept across a restart.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = join(root, 'dist', `test-server-${process.pid}`);
const children = new Set<ChildProcess>();

type Server = ReturnType<typeof start>;

function start(env: Record<string, string>) {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) =>
        v !== undefined &&
        !['DATABASE_URL', 'RESEND_API_KEY', 'APP_URL', 'NODE_ENV', 'PORT', 'DATA_DIR'].includes(k),
    ),
  ) as Record<string, string>;
  const child = spawn(process.execPath, [join(outdir, 'server.js')], {
    cwd: root,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  const url = `http://localhost:${env.PORT}`;
  return {
    child,
    out,
    exited,
    url,
    fetch: (path: string, init?: RequestInit) => fetch(url + path, init),
    /** Resolves with the milliseconds it took for stdout to match, or fails after `ms`. */
    async waitForOutput(pattern: string, ms: number) {
      const began = Date.now();
      while (!out.stdout.includes(pattern)) {
        if (Date.now() - began > ms)
          throw new Error(
            `no "${pattern}" on stdout within ${ms} ms:\n${out.stdout}\n${out.stderr}`,
          );
        await sleep(25);
      }
      return Date.now() - began;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return String(port);
}

async function waitReady(server: Server, ms: number) {
  const began = Date.now();
  for (;;) {
    const res = await server.fetch('/readyz').catch(() => null);
    if (res?.status === 200) return Date.now() - began;
    if (Date.now() - began > ms)
      throw new Error(`not ready within ${ms} ms:\n${server.out.stdout}\n${server.out.stderr}`);
    await sleep(50);
  }
}

let dataDir: string;
let port: string;
let db: Awaited<ReturnType<typeof openTestDatabase>> | null = null;
let env: Record<string, string>;
let server: Server;
const email = `server-${Date.now()}@example.com`;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', '--outdir', outdir], {
    cwd: root,
  });
  dataDir = await mkdtemp(join(tmpdir(), 'accounts-server-'));
  port = await freePort();
  // On PostgreSQL the server gets a database of its own; PGlite lives in the temporary DATA_DIR.
  if (usePostgres()) db = await openTestDatabase();
  env = { PORT: port, DATA_DIR: dataDir, ...(db?.url ? { DATABASE_URL: db.url } : {}) };
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all([...children].map((c) => new Promise((r) => c.once('exit', r))));
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(outdir, { recursive: true, force: true });
});

describe('node server', () => {
  it('becomes ready', async () => {
    server = start(env);
    const took = await waitReady(server, 45_000);
    console.info(`server ready after ${took} ms (${usePostgres() ? 'PostgreSQL' : 'PGlite'})`);
    expect((await server.fetch('/healthz')).status).toBe(200);
  }, 60_000);

  it('renders the start page in English and Ukrainian', async () => {
    const en = await (await server.fetch('/', { headers: { 'accept-language': 'en' } })).text();
    expect(en).toMatch(/<html lang="en"/);
    const uk = await (
      await server.fetch('/', { headers: { 'accept-language': 'uk-UA,uk;q=0.9' } })
    ).text();
    expect(uk).toMatch(/<html lang="uk"[\s\S]*Створити обліковий запис/);
  });

  it('serves static assets under /assets', async () => {
    const icon = await server.fetch('/assets/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toContain('<svg');
    if (existsSync(join(root, 'public/app.css'))) {
      const css = await server.fetch('/assets/app.css');
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    }
    expect((await server.fetch('/assets/no-such-file.css')).status).toBe(404);
  });

  it('answers an unknown path, or a method a path does not take, with the styled page in the visitor’s language', async () => {
    for (const [method, path] of [
      ['GET', '/no-such-page'],
      ['GET', '/assets/no-such-file.css'],
      ['DELETE', '/login'],
    ] as const) {
      const res = await server.fetch(path, { method, headers: { 'accept-language': 'uk' } });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toMatch(/<html lang="uk"/);
      expect(html).toContain('href="/"');
    }
  });

  it('sends the mail a registration queued within 5 seconds', async () => {
    const res = await server.fetch('/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({
        email,
        password: 'violet-kettle-harbour-93',
        name: 'Server Test',
        acceptPrivacyPolicy: true,
        confirmAge: true,
      }),
    });
    expect(res.status).toBe(202);
    const took = await server.waitForOutput(`[mail] to=${email}`, 5000);
    console.info(`mail printed ${took} ms after the registration answered`);
  });

  it('stops cleanly on SIGTERM and keeps its data across a restart', async () => {
    server.child.kill('SIGTERM');
    const exit = await Promise.race([server.exited, sleep(10_000).then(() => null)]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.out.stdout).toContain('"msg":"stopped"');
    expect(server.out.stderr).toBe('');

    server = start(env);
    const took = await waitReady(server, 45_000);
    console.info(`server ready again after ${took} ms`);
    const mailbox = await (await server.fetch('/dev/mailbox')).text();
    expect(mailbox).toContain(email);
    expect(mailbox).toMatch(/<td>sent<\/td>/);
  }, 90_000);

  it('refuses a port that is taken, in one line naming PORT', async () => {
    // Never the same DATA_DIR: two PGlite processes on one directory would corrupt it.
    const second = start({ PORT: port, DATABASE_URL: db?.url ?? 'memory://' });
    // Generous: on a loaded 2-core CI machine loading the server has taken 20 s (under tsx).
    const exit = await Promise.race([second.exited, sleep(50_000).then(() => null)]);
    expect(exit?.code).toBeGreaterThan(0);
    expect(second.out.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.out.stderr).toMatch(/PORT/);
    expect((await server.fetch('/healthz')).status).toBe(200);
  }, 60_000);

  it('refuses a bad config value, in one line naming it', async () => {
    const bad = start({ PORT: 'abc', DATABASE_URL: 'memory://' });
    const exit = await Promise.race([bad.exited, sleep(50_000).then(() => null)]);
    expect(exit?.code).toBeGreaterThan(0);
    const lines = bad.out.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\bPORT\b/);
  }, 60_000);
});
