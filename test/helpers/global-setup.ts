import postgres from 'postgres';
import { openPostgres } from '../../src/platform/db.postgres';
import { templateDatabase, testDatabasePrefix, usePostgres, withDatabase } from './database';

/** On PostgreSQL: drop leftovers of earlier runs and migrate a template database once. */
export async function setup() {
  if (!usePostgres()) return;
  const base = process.env.DATABASE_URL!;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const old = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${testDatabasePrefix + '%'} or datname = ${templateDatabase}`;
  for (const { datname } of old) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${templateDatabase}"`);
  await admin.end();
  const handle = openPostgres(withDatabase(base, templateDatabase), { max: 1 });
  await handle.migrate();
  await handle.close();
}

export async function teardown() {
  if (!usePostgres()) return;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const old = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${testDatabasePrefix + '%'} or datname = ${templateDatabase}`;
  for (const { datname } of old) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
