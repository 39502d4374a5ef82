import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/platform/sql-rows';
import { startServer } from './proc';

export const email = 'bench@example.com';
export const password = 'bench horse battery staple 42';
const tsx = ['--import', 'tsx'];

/** What `npm start` and `npm run cli` run: the build in dist/node, made first when stale (prestart). */
export function buildOurs() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: 'inherit',
  });
}
export const builtServer = 'dist/node/server.js';
export const builtCli = 'dist/node/cli.js';

/**
 * Our service on PostgreSQL. Every bench sign-in is for one account from one address; lift
 * the limits that protect real ones.
 */
export const ourEnv = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  NODE_ENV: '',
  APP_URL: '',
  RATE_LOGIN_FAILURES_PER_IP: '100000',
  RATE_LOGIN_FAILURES_PER_ACCOUNT: '10000',
});

/** Our server as `npm start` runs it (call buildOurs() first). */
export const startOurs = (env: Record<string, string>) =>
  startServer([builtServer], env, '/readyz');

/** Our server from the sources under tsx, as `npm start` ran it before the build (and `npm run dev` does). */
export const startOursTsx = (env: Record<string, string>) =>
  startServer([...tsx, 'src/server.ts'], env, '/readyz');

/** `npm start` itself: npm, the prestart staleness check, then the built server. */
export const startOursNpm = (npmCli: string, env: Record<string, string>) =>
  startServer([npmCli, 'start'], env, '/readyz', 60_000, true);

export const startFloor = (databaseUrl: string, userId: string) =>
  startServer(
    [...tsx, 'bench/servers/floor.ts'],
    { DATABASE_URL: databaseUrl, BENCH_USER_ID: userId },
    '/ready',
  );

export const startBetterAuth = (databaseUrl: string) =>
  startServer(
    [...tsx, 'bench/servers/better-auth.ts'],
    { DATABASE_URL: databaseUrl, BETTER_AUTH_TELEMETRY: '0' },
    '/ready',
  );

/** The bench account, created with the CLI's code path; returns its id. */
export async function seedOurs(databaseUrl: string) {
  const { createAdmin } = await import('../../src/admin/create-admin');
  const { openPostgres } = await import('../../src/platform/db.postgres');
  const { createNodeHasher } = await import('../../src/platform/hasher.node.ts');
  const { parseConfig } = await import('../../src/config');
  const handle = openPostgres(databaseUrl, { max: 1 });
  try {
    const seedDeps = {
      db: handle.db,
      hasher: createNodeHasher(),
      clock: { now: () => new Date() },
      config: parseConfig({}),
    } as never;
    await createAdmin(seedDeps, { email, password, name: 'Bench' });
    const rows = rowsOf<{ id: string }>(
      await handle.db.execute(sql`select id from users where email = ${email}`),
    );
    return rows[0]!.id;
  } finally {
    await handle.close();
  }
}

/** Signs the bench account in to our service; returns the session token. */
export async function signInOurs(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, tokenInBody: true }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Signs the bench account up and in on Better Auth (then stops it); returns its cookie header. */
export async function betterAuthCookie(databaseUrl: string) {
  const ba = await startBetterAuth(databaseUrl);
  try {
    const headers = { 'content-type': 'application/json', origin: ba.url };
    await fetch(`${ba.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, password, name: 'Bench' }),
    });
    const signIn = await fetch(`${ba.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, password }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    if (!signIn.ok || !cookie) throw new Error(`Better Auth sign-in failed: ${signIn.status}`);
    return cookie;
  } finally {
    await ba.stop();
  }
}
