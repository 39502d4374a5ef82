import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { openPglite } from '../../src/platform/db.pglite';
import { openPostgres } from '../../src/platform/db.postgres';
import type { DbHandle } from '../../src/platform/db-types';

export const testDatabasePrefix = 'accounts_t_';
/** One template per test run (named after the runner's pid), so parallel runs never collide. */
export const templateDatabase = () =>
  process.env.TEST_TEMPLATE_DB ?? `${testDatabasePrefix}${process.pid}_template`;

/** Which database the suite runs on: PostgreSQL when DATABASE_URL says so, PGlite otherwise. */
export const usePostgres = () => /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Where the global setup left a migrated PGlite's `dumpDataDir()` for this run, if it did. */
export const pgliteTemplateVariable = 'TEST_PGLITE_TEMPLATE';
let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A fresh, migrated database for one test app. On PostgreSQL it is a copy of the template
 * the global setup migrated (CREATE DATABASE … TEMPLATE is fast); on PGlite a new in-memory
 * one loaded from the global setup's dump of a migrated database (about half of what initdb
 * and the migrations take, for every test app of the run). `migrate()` still runs: with
 * nothing to apply it is one query, and it keeps a stale dump from going unnoticed.
 */
export async function openTestDatabase(): Promise<DbHandle & { url?: string }> {
  if (!usePostgres()) {
    const dump = process.env[pgliteTemplateVariable];
    pgliteTemplate ??= dump ? readFile(dump).then((bytes) => new Blob([bytes])) : undefined;
    const handle = await openPglite(undefined, { loadDataDir: await pgliteTemplate });
    await handle.migrate();
    return handle;
  }
  const base = process.env.DATABASE_URL!;
  const name = `${templateDatabase().replace(/_template$/, '')}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(base, name);
  const handle = openPostgres(url, { max: 5 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const dropper = postgres(base, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await dropper.end();
    },
  };
}

export { withDatabase };
