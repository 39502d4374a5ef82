import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerDevCommand } from '../../scripts/worker-env.mjs';

/**
 * Runs the Workers build under `wrangler dev` (real workerd, local mode, offline) for black-box
 * tests, configured exactly as `npm run worker:dev` configures it from a Node-style environment.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

/** Why workerd cannot run on this machine, or null when it can. */
export function workerdUnavailable(): string | null {
  let binary: string;
  try {
    require.resolve('wrangler/bin/wrangler.js');
    binary = (require('workerd') as { default: string }).default;
  } catch (err) {
    return `wrangler/workerd is not installed (${(err as Error).message.split('\n')[0]})`;
  }
  const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (run.error) return `workerd cannot start: ${run.error.message}`;
  if (run.status !== 0)
    return `workerd cannot start: exit ${run.status}: ${(run.stderr || run.stdout).trim().slice(0, 300)}`;
  return null;
}

export async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Workerd = Awaited<ReturnType<typeof startWorkerd>>;

export type WorkerdOptions = {
  readyMs?: number;
  /**
   * A bundle made by `npm run worker:build` (its --outdir). wrangler dev then starts from that
   * artifact instead of src/: it only wraps it in its dev middleware (which serves /__scheduled;
   * `--no-bundle` would drop that, and /cdn-cgi/handler/scheduled answered "exception" here
   * with wrangler 4.80.0), and it never reloads the worker mid-test because a source file
   * was saved (it watches the bundle, which does not change).
   */
  bundleDir?: string;
};

/** `env`: the same names the Node server reads (PORT, APP_URL, DATABASE_URL, RESEND_*, knobs). */
export async function startWorkerd(env: Record<string, string>, options: WorkerdOptions = {}) {
  const state = await mkdtemp(join(tmpdir(), 'workerd-test-'));
  const port = Number(env.PORT ?? (await freePort()));
  // Only what the machine needs from the outer environment; the service's settings come from `env`.
  const outer = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) =>
        v !== undefined &&
        ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS'].includes(k),
    ),
  ) as Record<string, string>;
  const command = workerDevCommand(
    {
      ...outer,
      // wrangler keeps logs and its registry of running dev servers under HOME; keep ours apart.
      WRANGLER_LOG_PATH: join(state, 'logs'),
      WRANGLER_REGISTRY_PATH: join(state, 'registry'),
      ...env,
      PORT: String(port),
    },
    [
      '--ip',
      '127.0.0.1',
      '--persist-to',
      join(state, 'persist'),
      ...(options.bundleDir
        ? [join(options.bundleDir, 'worker.js'), '--config', join(root, 'wrangler.toml')]
        : []),
    ],
  );
  if (command.problem !== undefined) throw new Error(command.problem);
  const child: ChildProcess = spawn(
    process.execPath,
    [require.resolve('wrangler/bin/wrangler.js'), ...command.args],
    {
      cwd: root,
      env: command.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stop() ends workerd with it
    },
  );
  const out = { text: '' };
  child.stdout!.on('data', (d: Buffer) => (out.text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out.text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));

  const url = `http://127.0.0.1:${port}`;
  const began = Date.now();
  const readyMs = options.readyMs ?? 45_000;
  for (;;) {
    if (!running) throw new Error(`wrangler dev exited before it was ready:\n${out.text}`);
    const res = await fetch(`${url}/readyz`).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() - began > readyMs) {
      await stop();
      throw new Error(
        `wrangler dev not ready within ${readyMs} ms (last /readyz: ${res?.status ?? 'no answer'}):\n${out.text}`,
      );
    }
    await sleep(200);
  }
  const startedInMs = Date.now() - began;

  async function stop() {
    if (running && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(killer);
    }
    await rm(state, { recursive: true, force: true });
  }

  return {
    url,
    port,
    startedInMs,
    /** Everything wrangler and the worker printed so far (the worker's JSON logs included). */
    output: () => out.text,
    fetch: (path: string, init?: RequestInit) => fetch(url + path, init),
    /** Fires the Cron Trigger, as `--test-scheduled` allows; resolves when the handler finished. */
    async scheduled(cron = '* * * * *') {
      const res = await fetch(`${url}/__scheduled?cron=${encodeURIComponent(cron)}`);
      return { status: res.status, text: await res.text() };
    },
    stop,
  };
}
