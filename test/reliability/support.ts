import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  createServer as createNetServer,
  connect,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

/**
 * What the reliability tests share: the real Node entry point as a child process (no shared
 * memory with the test), a throwaway PostgreSQL cluster of their own to stop and start, and
 * a gateway in front of the fake Resend API that can refuse, fail or hang for a while.
 */
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** Waits until `check` returns a truthy value, polling every `everyMs`; fails after `ms`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  ms: number,
  everyMs = 50,
): Promise<NonNullable<T>> {
  const began = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - began > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

const children = new Set<ChildProcess>();
/** Kills every server process a test file started and did not stop (afterAll). */
export async function killAllServers() {
  const all = [...children];
  for (const child of all) child.kill('SIGKILL');
  await Promise.all(
    all
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map((c) => new Promise((r) => c.once('exit', r))),
  );
}

const ownedEnv = [
  'DATABASE_URL',
  'RESEND_API_KEY',
  'RESEND_BASE_URL',
  'APP_URL',
  'NODE_ENV',
  'PORT',
  'DATA_DIR',
  'TRUST_PROXY',
];

/** The environment of the test runner without the variables the server reads for itself. */
export function baseEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) =>
        v !== undefined &&
        !ownedEnv.includes(k) &&
        !k.startsWith('RATE_') &&
        !k.startsWith('VITEST') &&
        k !== 'TEST_TEMPLATE_DB',
    ),
  ) as Record<string, string>;
}

export type ServerProcess = Awaited<ReturnType<typeof startServer>>;

/**
 * `node --import tsx src/server.ts` with `env` (PORT is chosen when missing). Resolves once
 * /readyz answers 200; the process's stdout/stderr are kept for failure messages.
 */
export async function startServer(env: Record<string, string>, options: { readyMs?: number } = {}) {
  const port = env.PORT ?? String(await freePort());
  const url = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    [
      ...(process.env.SERVER_PRELOAD ? ['--import', process.env.SERVER_PRELOAD] : []),
      '--import',
      'tsx',
      'src/server.ts',
    ],
    {
      cwd: root,
      env: { ...baseEnv(), APP_URL: url, ...env, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  let alive = true;
  void exited.then(() => (alive = false));
  const server = {
    child,
    pid: child.pid!,
    port,
    url,
    out,
    exited,
    get alive() {
      return alive;
    },
    fetch: (path: string, init?: RequestInit) => fetch(url + path, init),
    /** Output so far, for assertion messages. */
    output: () => `--- stdout\n${out.stdout.slice(-4000)}\n--- stderr\n${out.stderr.slice(-4000)}`,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (alive) child.kill(signal);
      return exited;
    },
  };
  const began = Date.now();
  const readyMs = options.readyMs ?? 60_000;
  for (;;) {
    if (!alive) throw new Error(`server exited before it was ready\n${server.output()}`);
    const res = await server.fetch('/readyz').catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() - began > readyMs) {
      await server.kill();
      throw new Error(`server not ready within ${readyMs} ms\n${server.output()}`);
    }
    await sleep(100);
  }
  return { ...server, startedInMs: Date.now() - began };
}

/** Runs `npm run cli -- …` (as `node --import tsx src/cli.ts …`, without npm's start-up). */
export function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: root,
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Resident set size of a process in KiB, from /proc (Linux). */
export function rssKiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** JSON over real HTTP with our Origin, as a browser on APP_URL would send it. */
export async function api(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const started = performance.now();
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { origin: server.url } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke into any shape
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: json,
    ms: performance.now() - started,
  };
}

// ---------------------------------------------------------------------------------------------
// A PostgreSQL cluster of the test's own (never the shared server: that one is not ours to stop)
// ---------------------------------------------------------------------------------------------

const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why an own cluster cannot be made here, or null when it can. */
export function ownPostgresUnavailable(): string | null {
  if (!existsSync(join(pgBin, 'initdb')) || !existsSync(join(pgBin, 'pg_ctl')))
    return `no initdb/pg_ctl in ${pgBin} (apt-get install postgresql-15, or set PG_BIN)`;
  if (process.getuid?.() !== 0) {
    const who = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
    if (who !== 'postgres')
      return 'initdb must run as the postgres OS user: run the tests as root or as postgres';
  }
  if (!existsSync('/usr/bin/su') && !existsSync('/bin/su'))
    return 'no su to run initdb as postgres';
  return null;
}

function asPostgres(command: string) {
  const run =
    process.getuid?.() === 0
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], {
          encoding: 'utf8',
          timeout: 60_000,
        })
      : spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0)
    throw new Error(`${command}\nexit ${run.status}: ${run.stderr || run.stdout}`);
  return run.stdout;
}

export type OwnPostgres = Awaited<ReturnType<typeof startOwnPostgres>>;

/** initdb + pg_ctl start on a free port in a temporary directory; `destroy()` removes it all. */
export async function startOwnPostgres() {
  const dir = await mkdtemp(join(tmpdir(), 'accounts-own-pg-'));
  chownSync(
    dir,
    Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim() || 0),
    Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim() || 0),
  );
  const port = await freePort();
  const data = join(dir, 'data');
  asPostgres(`${pgBin}/initdb -D ${data} -A trust -U postgres -E UTF8 --no-sync >/dev/null`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60`;
  const start = () =>
    asPostgres(
      `${pgBin}/pg_ctl -D ${data} -o '${options}' -l ${dir}/log -w -t 30 start >/dev/null`,
    );
  /** `-m fast`: every connection is told to go (57P01), as in a restart by an operator. */
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    asPostgres(`${pgBin}/pg_ctl -D ${data} -m ${mode} -w -t 30 stop >/dev/null`);
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe('CREATE DATABASE accounts');
  await admin.end();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/accounts`,
    port,
    stop(mode?: 'fast' | 'immediate') {
      stop(mode);
      running = false;
    },
    start() {
      start();
      running = true;
    },
    async destroy() {
      if (running) {
        try {
          stop('immediate');
        } catch {
          /* already stopped */
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A gateway in front of the fake Resend API: up, refusing connections, answering 500, hanging
// ---------------------------------------------------------------------------------------------

export type GatewayMode = 'up' | 'refuse' | 'error500' | 'hang';

/**
 * A TCP proxy on a fixed port: `refuse` closes the listening socket (ECONNREFUSED), `error500`
 * answers every request with a Resend-style 500, `hang` accepts and never answers, `up` pipes
 * to the fake. The mode holds until changed, so an outage lasts "for a while".
 */
export async function startGateway(targetUrl: string) {
  const target = new URL(targetUrl);
  const port = await freePort();
  let mode: GatewayMode = 'up';
  let server: NetServer | null = null;
  const sockets = new Set<Socket>();
  const counts: Record<GatewayMode, number> = { up: 0, refuse: 0, error500: 0, hang: 0 };
  /** Requests (`POST /emails`) piped through while up, counted from the bytes passed on. */
  let requests = 0;

  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const current = mode;
    counts[current]++;
    if (current === 'hang') return; // read nothing, answer nothing
    if (current === 'error500') {
      socket.once('data', () => {
        const body = JSON.stringify({
          name: 'internal_server_error',
          message: 'gateway outage',
          statusCode: 500,
        });
        socket.end(
          `HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        );
      });
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      requests += chunk.toString('latin1').split('POST /emails').length - 1;
    });
    socket.pipe(upstream).pipe(socket);
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createNetServer(onConnection);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const unlisten = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = null;
      s.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  await listen();

  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    get requests() {
      return requests;
    },
    get mode() {
      return mode;
    },
    async setMode(next: GatewayMode) {
      if (next === mode) return;
      // Connections of the old mode (a hang, a keep-alive to the fake) end with it.
      for (const socket of sockets) socket.destroy();
      if (next === 'refuse') await unlisten();
      else if (!server) await listen();
      mode = next;
    },
    close: unlisten,
  };
}
