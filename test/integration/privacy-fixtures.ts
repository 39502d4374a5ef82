import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { createAdmin } from '../../src/admin/create-admin';
import type { AppEnv } from '../../src/http/env';
import { localeResolver } from '../../src/http/locale';
import { sessionLoader } from '../../src/http/session-loader';
import { policyGate } from '../../src/privacy/policy-gate';
import type { Executor } from '../../src/platform/db-types';
import { createClient, type Client } from '../helpers/client';
import { newPerson, registerAndVerify, signIn, strongPassword, type Person } from '../helpers/accounts';
import type { TestApp } from '../helpers/test-app';

let ipSeq = 0;
/** A client with its own address, so per-address limits never add up across tests. */
export const clientFor = (t: Pick<TestApp, 'app'>) => createClient(t, { ip: `198.51.100.${(++ipSeq % 250) + 1}` });

/** Registers, confirms and signs in a new person (a fresh sign-in is privileged). */
export async function signedInPerson(t: TestApp, label = 'priv', overrides: Partial<Person> = {}) {
  const person = newPerson(label, overrides);
  const client = clientFor(t);
  const userId = await registerAndVerify(t, client, person);
  await signIn(client, person);
  return { person, client, userId };
}

/** An admin account made the way a real installation makes its first one, signed in. */
export async function signedInAdmin(t: TestApp): Promise<{ client: Client; email: string }> {
  const email = `admin.${Math.random().toString(36).slice(2, 8)}@example.com`;
  const made = await createAdmin(t.deps, { email, password: strongPassword, name: 'Admin Person' });
  if (!made.ok) throw new Error(made.message);
  const client = clientFor(t);
  await signIn(client, { email, password: strongPassword });
  return { client, email };
}

/**
 * The app with the policy gate in front, as src/app.ts will mount it (after the session
 * loader). Until it is mounted there, this wrapper loads the session itself.
 */
export function gatedApp(t: TestApp) {
  const outer = new Hono<AppEnv>();
  outer.use('*', async function provideDeps(c, next) {
    c.set('deps', t.deps);
    c.set('clientIp', null);
    await next();
  });
  outer.use('*', sessionLoader());
  outer.use('*', localeResolver());
  outer.use('*', policyGate());
  outer.all('*', (c) => t.app.fetch(c.req.raw));
  return { app: outer as unknown as TestApp['app'] };
}

/** Rows of a raw query on either driver (PGlite answers `{ rows }`, postgres.js an array). */
export async function rawRows<T = Record<string, unknown>>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Every row of every table in the public schema, as JSON text, table by table. */
export async function dumpDatabase(db: Executor): Promise<{ table: string; row: string }[]> {
  const tables = await rawRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: { table: string; row: string }[] = [];
  for (const { table_name } of tables) {
    const rows = await rawRows<{ j: string }>(db, sql.raw(`select row_to_json(t)::text as j from "${table_name}" t`));
    for (const r of rows) out.push({ table: table_name, row: r.j });
  }
  return out;
}

/** Which dumped rows mention any of the strings (case-insensitive). */
export function rowsMentioning(dump: { table: string; row: string }[], needles: string[]) {
  const lower = needles.filter(Boolean).map((n) => n.toLowerCase());
  return dump.filter((d) => lower.some((n) => d.row.toLowerCase().includes(n)));
}
