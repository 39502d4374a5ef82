import { sql } from 'drizzle-orm';
import { createAdmin } from '../../src/admin/create-admin';
import type { Executor } from '../../src/platform/db-types';
import { createClient, type Client } from '../helpers/client';
import {
  signedInPerson as signedInWith,
  signIn,
  strongPassword,
  type Person,
} from '../helpers/accounts';
import { rowsOf } from '../../src/platform/sql-rows';
import type { TestApp } from '../helpers/test-app';

let ipSeq = 0;
/** A client with its own address, so per-address limits never add up across tests. */
export const clientFor = (t: Pick<TestApp, 'app'>) =>
  createClient(t, { ip: `198.51.100.${(++ipSeq % 250) + 1}` });

/** Registers, confirms and signs in a new person (a fresh sign-in is privileged). */
export async function signedInPerson(t: TestApp, label = 'priv', overrides: Partial<Person> = {}) {
  const client = clientFor(t);
  const { p, id } = await signedInWith(t, label, () => client, { person: overrides });
  return { person: p, client, userId: id };
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

/** Rows of a raw query on either driver (PGlite answers `{ rows }`, postgres.js an array). */
export async function rawRows<T = Record<string, unknown>>(
  db: Executor,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** Every row of every table in the public schema, as JSON text, table by table. */
export async function dumpDatabase(db: Executor): Promise<{ table: string; row: string }[]> {
  const tables = await rawRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: { table: string; row: string }[] = [];
  for (const { table_name } of tables) {
    const rows = await rawRows<{ j: string }>(
      db,
      sql.raw(`select row_to_json(t)::text as j from "${table_name}" t`),
    );
    for (const r of rows) out.push({ table: table_name, row: r.j });
  }
  return out;
}

/** Which dumped rows mention any of the strings (case-insensitive). */
export function rowsMentioning(dump: { table: string; row: string }[], needles: string[]) {
  const lower = needles.filter(Boolean).map((n) => n.toLowerCase());
  return dump.filter((d) => lower.some((n) => d.row.toLowerCase().includes(n)));
}
