import { readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../../src/platform/db.pglite';
import { openPostgres } from '../../src/platform/db.postgres';
import { pgliteTemplateVariable, testDatabasePrefix, usePostgres, withDatabase } from './database';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const dumpPrefix = 'accounts-test-pglite-';

/**
 * On PGlite: one migrated database, dumped to a file each test app's database loads, after
 * removing the dumps of runs that died before their teardown.
 */
async function dumpPgliteTemplate() {
  for (const name of await readdir(tmpdir())) {
    const pid = Number(name.slice(dumpPrefix.length).split('.')[0]);
    if (name.startsWith(dumpPrefix) && !isAlive(pid))
      await rm(join(tmpdir(), name), { force: true });
  }
  const handle = await openPglite();
  await handle.migrate();
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await handle.close();
  const file = join(tmpdir(), `${dumpPrefix}${process.pid}.tar`);
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
  process.env[pgliteTemplateVariable] = file;
}

/**
 * On PostgreSQL: migrate one template database for this run (test files copy it), after
 * dropping what runs that died left behind. Databases of runs still going are left alone.
 */
export async function setup() {
  if (!usePostgres()) return dumpPgliteTemplate();
  const base = process.env.DATABASE_URL!;
  const template = `${testDatabasePrefix}${process.pid}_template`;
  process.env.TEST_TEMPLATE_DB = template;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const old = await admin<
    { datname: string }[]
  >`select datname from pg_database where datname like ${testDatabasePrefix + '%'}`;
  for (const { datname } of old) {
    const pid = Number(datname.slice(testDatabasePrefix.length).split('_')[0]);
    if (!isAlive(pid) || pid === process.pid)
      await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.unsafe(`CREATE DATABASE "${template}"`);
  await admin.end();
  const handle = openPostgres(withDatabase(base, template), { max: 1 });
  await handle.migrate();
  await handle.close();
}

export async function teardown() {
  const dump = process.env[pgliteTemplateVariable];
  if (dump) await rm(dump, { force: true });
  if (!usePostgres()) return;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const mine = await admin<
    { datname: string }[]
  >`select datname from pg_database where datname like ${`${testDatabasePrefix}${process.pid}_%`}`;
  for (const { datname } of mine)
    await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
