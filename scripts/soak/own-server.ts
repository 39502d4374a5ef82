import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startFakeResend } from '../lib/fake-resend';
import { freePort } from '../lib/free-port';
import type { Target } from './target';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const admin = { email: 'soak.admin@example.com', password: 'soak admin long passphrase 1' };

/** A tsx child in the repository, its output collected; resolves when it exits. */
function runTsx(args: string[], env: Record<string, string>, stdin?: string) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(stdin ?? '');
    child.on('exit', (code) => resolve({ code, out }));
  });
}

type SoakDatabase = { env: Record<string, string>; kind: string; drop(): Promise<void> };

/** PGlite in `dataDir`, or, with a PostgreSQL DATABASE_URL, a database of its own there. */
async function soakDatabase(dataDir: string): Promise<SoakDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base || !/^postgres(ql)?:\/\//.test(base))
    return { env: { DATA_DIR: dataDir }, kind: 'PGlite', drop: () => Promise.resolve() };
  const name = `accounts_soak_${process.pid}`;
  const server = postgres(base, { max: 1, onnotice: () => {} });
  await server.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await server.unsafe(`CREATE DATABASE "${name}"`);
  await server.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString() },
    kind: 'PostgreSQL',
    async drop() {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await a.end();
    },
  };
}

// Loaded before the server: on SIGUSR2 it collects garbage and prints its heap, so growth is
// judged on what survives a full GC, not on the GC's sawtooth.
const probe = `process.on('SIGUSR2', () => { globalThis.gc(); process.stderr.write('soak-heap ' + process.memoryUsage().heapUsed + '\\n'); });`;

/** The server with the heap probe; its output kept (the last 8,000 characters) for errors. */
function spawnProbedServer(env: Record<string, string>) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      `data:text/javascript,${encodeURIComponent(probe)}`,
      '--import',
      'tsx',
      'src/server.ts',
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let tail = '';
  const keep = (s: string) => (tail = (tail + s).slice(-8000));
  let heapWaiter: ((bytes: number) => void) | null = null;
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => keep(d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const m = /^soak-heap (\d+)$/.exec(line);
      if (m) heapWaiter?.(Number(m[1]));
      else keep(line + '\n');
    }
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const heapAfterGc = () =>
    new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5000);
      heapWaiter = (bytes) => {
        clearTimeout(timer);
        heapWaiter = null;
        resolve(bytes);
      };
      child.kill('SIGUSR2');
    });
  return { child, exited, heapAfterGc, tail: () => tail };
}
type ProbedServer = ReturnType<typeof spawnProbedServer>;

/** Waits for /readyz; returns how long it took. */
async function waitReady(url: string, server: ProbedServer) {
  const began = Date.now();
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return Date.now() - began;
    if (server.child.exitCode !== null || Date.now() - began > 90_000)
      throw new Error(`server did not start:\n${server.tail()}`);
    await sleep(200);
  }
}

async function stopServer(server: ProbedServer) {
  server.child.kill('SIGTERM');
  const code = await Promise.race([server.exited, sleep(20_000).then(() => 'timeout' as const)]);
  if (code !== 0) {
    server.child.kill('SIGKILL');
    console.log(`soak: server stop: ${code}\n${server.tail().slice(-2000)}`);
  }
}

/** Starts the service on a fresh database with a fake Resend and an admin for staff bookings. */
export async function ownServer(): Promise<Target> {
  const fake = await startFakeResend();
  const dataDir = await mkdtemp(join(tmpdir(), 'accounts-soak-'));
  const db = await soakDatabase(dataDir);
  const port = await freePort();
  const env: Record<string, string> = {
    ...db.env,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    TRUST_PROXY: '1',
    MAIL_POLL_SECONDS: '1',
    NODE_ENV: '',
  };
  // Before the server starts: an embedded database has one owner at a time.
  const made = await runTsx(
    [
      'src/cli.ts',
      'create-admin',
      '--email',
      admin.email,
      '--password-stdin',
      '--name',
      'Soak Admin',
    ],
    env,
    admin.password + '\n',
  );
  if (made.code !== 0) throw new Error(`create-admin failed: ${made.out}`);
  const server = spawnProbedServer(env);
  const url = `http://localhost:${port}`;
  const readyMs = await waitReady(url, server);
  console.log(`soak: own server on ${url} (${db.kind}), ready in ${readyMs} ms`);
  return {
    url,
    pid: server.child.pid!,
    admin,
    mailedToken: (address, path) => Promise.resolve(fake.lastLink(address, path)?.token ?? null),
    heapAfterGc: server.heapAfterGc,
    async stop() {
      await stopServer(server);
      await fake.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
