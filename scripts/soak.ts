/**
 * Soak run: steady mixed traffic against the real server for a while, then a report of errors,
 * latency percentiles and the server's memory. Not part of `npm test`.
 *
 *   npm run soak -- --seconds 60                       starts its own server (PGlite in a temporary
 *                                                      DATA_DIR, or a fresh database on the
 *                                                      PostgreSQL in DATABASE_URL) with a fake Resend
 *   npm run soak -- --url http://host:3000 --pid 1234  drives a running server (mail read from its
 *                                                      /dev/mailbox; --pid to watch its memory;
 *                                                      --admin-email/--admin-password for staff bookings)
 *
 * Options: --seconds N (60), --rate R requests a second (8), --max-growth MiB a minute (2):
 * the limit on the growth over the second half of the run of the server's heap after a full
 * GC (own server: it is started with --expose-gc and reports on SIGUSR2), or of the rolling
 * minimum of its RSS (a server given by --pid); --json FILE (the report, machine-readable).
 * Exits 1 when any request failed unexpectedly or memory kept growing; 2 on bad usage.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { startFakeResend, type FakeResend } from '../test/helpers/fake-resend';

const root = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '8' },
    url: { type: 'string' },
    pid: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-password': { type: 'string' },
    'max-growth': { type: 'string', default: '2' },
    json: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (args.help) {
  process.stdout.write(
    readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('*/')[0]!
      .replace(/^\/\*\*?|^ \* ?/gm, '') + '\n',
  );
  process.exit(0);
}
const seconds = Number(args.seconds);
const rate = Number(args.rate);
const maxGrowthMbPerMin = Number(args['max-growth']);
if (!(seconds > 0) || !(rate > 0) || !(maxGrowthMbPerMin > 0)) {
  process.stderr.write('--seconds, --rate and --max-growth must be positive numbers\n');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The server: our own, or the one at --url
// ---------------------------------------------------------------------------------------------

type Target = {
  url: string;
  pid: number | null;
  admin: { email: string; password: string } | null;
  /** The newest `?token=` emailed to `address` for `path`, or null. */
  mailedToken(address: string, path: string): Promise<string | null>;
  /** Our own server only: asks it to collect garbage and report its heap (bytes), or null. */
  heapAfterGc?(): Promise<number | null>;
  stop(): Promise<void>;
};

async function freePort() {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

function run(args: string[], env: Record<string, string>, stdin?: string) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.stdin.end(stdin ?? '');
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function ownServer(): Promise<Target> {
  const fake: FakeResend = await startFakeResend();
  const dataDir = await mkdtemp(join(tmpdir(), 'accounts-soak-'));
  const base = process.env.DATABASE_URL;
  let dbEnv: Record<string, string> = { DATA_DIR: dataDir };
  let dropDb = async () => {};
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    // A database of its own on that server, dropped afterwards.
    const name = `accounts_soak_${process.pid}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    dbEnv = { DATABASE_URL: u.toString() };
    dropDb = async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await a.end();
    };
  }
  const port = await freePort();
  const env: Record<string, string> = {
    ...dbEnv,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    TRUST_PROXY: '1',
    MAIL_POLL_SECONDS: '1',
    NODE_ENV: '',
  };
  const admin = { email: 'soak.admin@example.com', password: 'soak admin long passphrase 1' };
  // Before the server starts: an embedded database has one owner at a time.
  const made = await run(
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
  // A few lines loaded before the server: on SIGUSR2 it collects garbage and prints its heap,
  // so growth is judged on what survives a full GC, not on the GC's sawtooth.
  const probe = `process.on('SIGUSR2', () => { globalThis.gc(); process.stderr.write('soak-heap ' + process.memoryUsage().heapUsed + '\\n'); });`;
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
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-8000));
  let heapWaiter: ((bytes: number) => void) | null = null;
  let partial = '';
  child.stdout!.on('data', keep);
  child.stderr!.on('data', (d: Buffer) => {
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const m = /^soak-heap (\d+)$/.exec(line);
      if (m) heapWaiter?.(Number(m[1]));
      else keep(Buffer.from(line + '\n'));
    }
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const url = `http://localhost:${port}`;
  const began = Date.now();
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() - began > 90_000)
      throw new Error(`server did not start:\n${tail}`);
    await sleep(200);
  }
  console.log(
    `soak: own server on ${url} (${dbEnv.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}), ready in ${Date.now() - began} ms`,
  );
  return {
    url,
    pid: child.pid!,
    admin,
    async mailedToken(address, path) {
      return fake.lastLink(address, path)?.token ?? null;
    },
    heapAfterGc() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000);
        heapWaiter = (bytes) => {
          clearTimeout(timer);
          heapWaiter = null;
          resolve(bytes);
        };
        child.kill('SIGUSR2');
      });
    },
    async stop() {
      child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(20_000).then(() => 'timeout' as const)]);
      if (code !== 0) {
        child.kill('SIGKILL');
        console.log(`soak: server stop: ${code}\n${tail.slice(-2000)}`);
      }
      await fake.close();
      await dropDb();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function externalServer(url: string): Target {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return {
    url: url.replace(/\/$/, ''),
    pid: args.pid ? Number(args.pid) : null,
    admin:
      args['admin-email'] && args['admin-password']
        ? { email: args['admin-email'], password: args['admin-password'] }
        : null,
    // The dev mailbox (a server without RESEND_API_KEY): the newest mail to the address.
    async mailedToken(address, path) {
      const list = await fetch(`${url}/dev/mailbox`).then(
        (r) => (r.ok ? r.text() : ''),
        () => '',
      );
      const row = list.split('<tr').find((r) => r.includes(address));
      const id = row && /\/dev\/mailbox\/([0-9a-f-]{36})/.exec(row)?.[1];
      if (!id) return null;
      const mail = await fetch(`${url}/dev/mailbox/${id}`).then(
        (r) => r.text(),
        () => '',
      );
      return new RegExp(`${escape(path)}\\?token=([a-z2-7]+)`).exec(mail)?.[1] ?? null;
    },
    async stop() {},
  };
}

// ---------------------------------------------------------------------------------------------
// Traffic
// ---------------------------------------------------------------------------------------------

type Sample = { op: string; ms: number; ok: boolean; status: number; note?: string };
const samples: Sample[] = [];
const failures: string[] = [];

async function call(
  target: Target,
  op: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; cookie?: string; ip?: string; expect: number[] },
) {
  const started = performance.now();
  let status = 0;
  let text = '';
  try {
    const res = await fetch(target.url + path, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { origin: new URL(target.url).origin } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.cookie ? { cookie: `session=${options.cookie}` } : {}),
        ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    status = res.status;
    text = Buffer.from(await res.arrayBuffer()).toString('utf8', 0, 2000);
  } catch (err) {
    text = String((err as Error).cause ?? err);
  }
  const ms = performance.now() - started;
  const ok = options.expect.includes(status);
  samples.push({ op, ms, ok, status });
  if (!ok)
    failures.push(
      `${op}: ${method} ${path.replace(/token=[^&]+/, 'token=…')} → ${status} ${text.slice(0, 200)}`,
    );
  let json: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any -- response shapes vary
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status, ok, json };
}

type Person = {
  email: string;
  password: string;
  ip: string;
  id?: string;
  token?: string;
  signedInAt?: number;
  verified: boolean;
  subscribed: boolean;
  listDone?: boolean;
  busy?: boolean;
};

async function soak(target: Target) {
  const password = 'soak test long passphrase 42';
  const people: Person[] = [];
  let seq = 0;
  let adminToken: string | null = null;
  if (target.admin) {
    const res = await call(target, 'admin sign-in', 'POST', '/api/v1/auth/login', {
      body: { ...target.admin, tokenInBody: true },
      ip: '10.200.0.1',
      expect: [200],
    });
    adminToken = res.json?.token ?? null;
  }
  const ready = () => people.filter((p) => p.verified);
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
  const signedIn = () => ready().filter((p) => p.token);
  /**
   * One operation at a time on a person whose state it moves on (a mailed token is single-use,
   * a subscription goes join, confirm, leave): two of them picking the same person while the
   * server is slow would otherwise spend one token twice, and count the app's right answer
   * (400 "already used") as unexpected.
   */
  const exclusive = async (candidates: Person[], work: (p: Person) => Promise<void>) => {
    const p = pick(candidates.filter((x) => !x.busy));
    if (!p) return;
    p.busy = true;
    try {
      await work(p);
    } finally {
      p.busy = false;
    }
  };

  const ops: [number, string, () => Promise<unknown>][] = [
    [
      2,
      'register',
      async () => {
        seq++;
        const p: Person = {
          email: `soak.${process.pid}.${seq}@example.com`,
          password,
          ip: `10.${100 + (seq % 100)}.${Math.floor(seq / 250) % 250}.${(seq % 250) + 1}`,
          verified: false,
          subscribed: false,
        };
        const res = await call(target, 'register', 'POST', '/api/v1/auth/register', {
          body: {
            email: p.email,
            password,
            name: `Soak Person ${seq}`,
            acceptPrivacyPolicy: true,
            confirmAge: true,
          },
          ip: p.ip,
          expect: [202],
        });
        if (res.ok) people.push(p);
      },
    ],
    [
      2,
      'verify',
      () =>
        exclusive(
          people.filter((x) => !x.verified),
          async (p) => {
            const token = await target.mailedToken(p.email, '/verify-email');
            if (!token) return; // not mailed yet: next time
            const res = await call(target, 'verify', 'POST', '/api/v1/auth/verify-email', {
              body: { token, password: p.password },
              ip: p.ip,
              expect: [200],
            });
            if (res.ok) p.verified = true;
          },
        ),
    ],
    [
      2,
      'sign-in',
      async () => {
        const p = pick(ready());
        if (!p) return;
        const res = await call(target, 'sign-in', 'POST', '/api/v1/auth/login', {
          body: { email: p.email, password, tokenInBody: true },
          ip: p.ip,
          expect: [200],
        });
        if (res.ok)
          Object.assign(p, { token: res.json.token, id: res.json.user.id, signedInAt: Date.now() });
      },
    ],
    [
      1,
      'wrong password',
      async () => {
        const p = pick(ready());
        if (p)
          await call(target, 'wrong password', 'POST', '/api/v1/auth/login', {
            body: { email: p.email, password: 'not the password at all' },
            ip: p.ip,
            expect: [401],
          });
      },
    ],
    [
      6,
      'read cabinet',
      async () => {
        const p = pick(signedIn());
        if (!p) return;
        const path = pick([
          '/api/v1/me',
          '/api/v1/me/sessions',
          '/api/v1/me/activity',
          '/api/v1/me/subscriptions',
          '/api/v1/me/bookings',
          '/api/v1/me/consents',
        ])!;
        await call(target, 'read cabinet', 'GET', path, {
          token: p.token,
          ip: p.ip,
          expect: [200],
        });
      },
    ],
    [
      3,
      'cabinet page',
      async () => {
        const p = pick(signedIn());
        if (!p) return;
        const path = pick([
          '/account',
          '/account/profile',
          '/account/security',
          '/account/privacy',
          '/account/subscriptions',
          '/account/bookings',
        ])!;
        await call(target, 'cabinet page', 'GET', path, {
          cookie: p.token,
          ip: p.ip,
          expect: [200],
        });
      },
    ],
    [
      1,
      'export',
      async () => {
        const p = pick(signedIn());
        if (!p) return;
        // Privileged for REAUTH_MINUTES after signing in; prove the password again when older.
        if (Date.now() - (p.signedInAt ?? 0) > 9 * 60_000) {
          await call(target, 'reauth', 'POST', '/api/v1/auth/reauth', {
            body: { password },
            token: p.token,
            ip: p.ip,
            expect: [204],
          });
          p.signedInAt = Date.now();
        }
        await call(
          target,
          'export',
          'GET',
          pick(['/api/v1/me/export', '/api/v1/me/export?format=json'])!,
          { token: p.token, ip: p.ip, expect: [200] },
        );
      },
    ],
    [
      1,
      'profile edit',
      async () => {
        const p = pick(signedIn());
        if (p)
          await call(target, 'profile edit', 'PATCH', '/api/v1/me', {
            body: { goals: `Goal ${Date.now()}`, phone: '+380 44 123 4567' },
            token: p.token,
            ip: p.ip,
            expect: [200],
          });
      },
    ],
    [
      2,
      'subscribe',
      // Once each: join (double opt-in), confirm, leave. Toggling more often is rate-limited
      // (confirmation mails per person), as it should be.
      () =>
        exclusive(
          signedIn().filter((x) => !x.listDone),
          async (p) => {
            if (!p.subscribed) {
              const res = await call(target, 'subscribe', 'PUT', '/api/v1/me/subscriptions/news', {
                body: { subscribed: true },
                token: p.token,
                ip: p.ip,
                expect: [200],
              });
              if (res.ok) p.subscribed = true;
              return;
            }
            const token = await target.mailedToken(p.email, '/subscriptions/confirm');
            if (token)
              await call(target, 'confirm subscription', 'POST', '/api/v1/subscriptions/confirm', {
                body: { token },
                ip: p.ip,
                expect: [200, 400],
              });
            await call(target, 'unsubscribe', 'PUT', '/api/v1/me/subscriptions/news', {
              body: { subscribed: false },
              token: p.token,
              ip: p.ip,
              expect: [200],
            });
            p.listDone = true;
          },
        ),
    ],
    [
      adminToken ? 2 : 0,
      'staff booking',
      async () => {
        const p = pick(signedIn().filter((x) => x.id));
        if (!p || !adminToken) return;
        const day = 86_400_000;
        const start = new Date(Date.now() + (1 + Math.floor(Math.random() * 30)) * day);
        start.setUTCMinutes(0, 0, 0);
        const local = (d: Date) => d.toISOString().slice(0, 16);
        const res = await call(target, 'staff booking', 'POST', '/api/v1/staff/bookings', {
          body: {
            userId: p.id,
            title: 'Soak lesson',
            startsAt: local(start),
            endsAt: local(new Date(start.getTime() + 3_600_000)),
            timeZone: 'Europe/Kyiv',
            location: 'Room 1',
          },
          token: adminToken,
          ip: '10.200.0.1',
          expect: [201],
        });
        if (res.ok && Math.random() < 0.3) {
          await call(
            target,
            'staff booking',
            'POST',
            `/api/v1/staff/bookings/${res.json.id}/cancel`,
            { token: adminToken, ip: '10.200.0.1', expect: [200] },
          );
        }
        await call(
          target,
          'staff search',
          'GET',
          `/api/v1/staff/users?query=${encodeURIComponent('Soak Person')}`,
          { token: adminToken, ip: '10.200.0.1', expect: [200] },
        );
      },
    ],
  ];
  const totalWeight = ops.reduce((s, [w]) => s + w, 0);
  const choose = () => {
    let r = Math.random() * totalWeight;
    for (const op of ops) if ((r -= op[0]) < 0) return op;
    return ops[0]!;
  };

  // Open loop: one operation every 1/rate seconds, whatever the server's speed (bounded).
  const rss: { t: number; kib: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    if (!target.pid) return;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${target.pid}/status`, 'utf8'));
      if (m) rss.push({ t: (Date.now() - started) / 1000, kib: Number(m[1]) });
    } catch {
      /* gone */
    }
  }, 1000);
  const heap: { t: number; kib: number }[] = [];
  let heapBusy = false;
  const heapSampler = setInterval(() => {
    if (!target.heapAfterGc || heapBusy) return;
    heapBusy = true;
    void target
      .heapAfterGc()
      .then(
        (bytes) =>
          bytes !== null && heap.push({ t: (Date.now() - started) / 1000, kib: bytes / 1024 }),
      )
      .finally(() => (heapBusy = false));
  }, 5000);
  const inFlight = new Set<Promise<unknown>>();
  let skipped = 0;
  let launched = 0;
  const end = started + seconds * 1000;
  // The first few seconds only register and verify, so the rest has people to work with.
  while (Date.now() < end) {
    const due = started + (launched * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    launched++;
    if (inFlight.size >= 64) {
      skipped++;
      continue;
    }
    const op =
      ready().length < 3 ? ops[people.filter((p) => !p.verified).length > 3 ? 1 : 0]! : choose();
    const p = op[2]().catch((err: Error) => failures.push(`${op[1]}: threw ${err.message}`));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  clearInterval(heapSampler);
  return {
    rss,
    heap,
    skipped,
    launched,
    people: people.length,
    verified: ready().length,
    elapsed: (Date.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const pct = (xs: number[], p: number) => {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** Least-squares slope of RSS over time, in MiB per minute. */
function slopeMbPerMin(points: { t: number; kib: number }[]) {
  if (points.length < 5) return 0;
  const n = points.length;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mk = points.reduce((s, p) => s + p.kib, 0) / n;
  const cov = points.reduce((s, p) => s + (p.t - mt) * (p.kib - mk), 0);
  const varT = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return ((cov / varT) * 60) / 1024;
}

async function main() {
  const target = args.url ? externalServer(args.url) : await ownServer();
  let exitCode = 0;
  try {
    const result = await soak(target);
    const byOp = new Map<string, Sample[]>();
    for (const s of samples) byOp.set(s.op, [...(byOp.get(s.op) ?? []), s]);
    const lines = [...byOp].map(([op, xs]) => {
      const ms = xs.map((x) => x.ms);
      return `  ${op.padEnd(22)} ${String(xs.length).padStart(6)} ${String(xs.filter((x) => !x.ok).length).padStart(6)}  p50 ${pct(ms, 50).toFixed(0).padStart(5)}  p90 ${pct(ms, 90).toFixed(0).padStart(5)}  p99 ${pct(ms, 99).toFixed(0).padStart(5)}  max ${Math.max(
        ...ms,
      )
        .toFixed(0)
        .padStart(5)} ms`;
    });
    const all = samples.map((s) => s.ms);
    // Growth is judged on memory that survives garbage collection: the heap after a forced full
    // GC (own server), or else the lowest RSS in each 10-second window (the troughs after GC).
    const half = (xs: { t: number; kib: number }[]) => xs.filter((p) => p.t >= result.elapsed / 2);
    const windows = new Map<number, { t: number; kib: number }>();
    for (const p of result.rss) {
      const w = Math.floor(p.t / 10);
      if (!windows.has(w) || p.kib < windows.get(w)!.kib) windows.set(w, p);
    }
    const troughs = [...windows.values()];
    const judged =
      result.heap.length >= 4
        ? { what: 'heap after GC', points: result.heap }
        : { what: 'RSS troughs', points: troughs };
    const slope = slopeMbPerMin(half(judged.points));
    const first = result.rss[0]?.kib ?? 0;
    const last = result.rss.at(-1)?.kib ?? 0;
    const peak = Math.max(0, ...result.rss.map((p) => p.kib));
    const report = {
      seconds: Math.round(result.elapsed),
      requests: samples.length,
      perSecond: Number((samples.length / result.elapsed).toFixed(1)),
      unexpected: failures.length,
      skippedForBackpressure: result.skipped,
      people: { registered: result.people, verified: result.verified },
      latencyMs: {
        p50: Math.round(pct(all, 50)),
        p90: Math.round(pct(all, 90)),
        p95: Math.round(pct(all, 95)),
        p99: Math.round(pct(all, 99)),
        max: Math.round(Math.max(0, ...all)),
      },
      rssMiB: target.pid
        ? {
            start: +(first / 1024).toFixed(1),
            end: +(last / 1024).toFixed(1),
            peak: +(peak / 1024).toFixed(1),
          }
        : null,
      heapAfterGcMiB: result.heap.length
        ? {
            start: +(result.heap[0]!.kib / 1024).toFixed(1),
            end: +(result.heap.at(-1)!.kib / 1024).toFixed(1),
          }
        : null,
      growth: target.pid
        ? {
            judgedOn: judged.what,
            secondHalfMiBPerMin: +slope.toFixed(2),
            limit: maxGrowthMbPerMin,
          }
        : null,
    };
    console.log(
      `\nsoak: ${report.requests} requests in ${report.seconds} s (${report.perSecond}/s), ${report.unexpected} unexpected, ${result.people} people (${result.verified} verified)`,
    );
    console.log(`  ${'operation'.padEnd(22)} ${'count'.padStart(6)} ${'failed'.padStart(6)}`);
    for (const l of lines) console.log(l);
    console.log(
      `  all: p50 ${report.latencyMs.p50} ms, p90 ${report.latencyMs.p90} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`,
    );
    if (report.rssMiB && report.growth) {
      console.log(
        `  server RSS: ${report.rssMiB.start} → ${report.rssMiB.end} MiB (peak ${report.rssMiB.peak})`,
      );
      if (report.heapAfterGcMiB)
        console.log(
          `  server heap after GC: ${report.heapAfterGcMiB.start} → ${report.heapAfterGcMiB.end} MiB`,
        );
      console.log(
        `  growth over the second half (${report.growth.judgedOn}): ${report.growth.secondHalfMiBPerMin} MiB/min (limit ${maxGrowthMbPerMin})`,
      );
    } else {
      console.log('  server RSS: not sampled (pass --pid of the server process)');
    }
    if (result.skipped)
      console.log(
        `  ${result.skipped} operations skipped: 64 requests already in flight (the server is not keeping up)`,
      );
    for (const f of failures.slice(0, 20)) console.log(`  UNEXPECTED ${f}`);
    if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
    if (failures.length) exitCode = 1;
    if (report.growth && slope > maxGrowthMbPerMin) {
      console.log(
        `  FAIL: memory kept growing (${judged.what}: ${slope.toFixed(2)} MiB/min over the second half)`,
      );
      exitCode = 1;
    }
    if (!samples.some((s) => s.op === 'export' && s.ok))
      console.log('  note: no export ran (too short a run?)');
    if (args.json)
      await writeFile(
        args.json,
        JSON.stringify(
          {
            ...report,
            failures: failures.slice(0, 100),
            rssSeries: result.rss.map((p) => [Math.round(p.t), Math.round(p.kib / 1024)]),
            heapSeries: result.heap.map((p) => [Math.round(p.t), +(p.kib / 1024).toFixed(2)]),
          },
          null,
          2,
        ),
      );
  } finally {
    await target.stop();
  }
  console.log(exitCode === 0 ? 'soak: PASS' : 'soak: FAIL');
  process.exit(exitCode);
}

main().catch((err) => {
  process.stderr.write(`soak: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
