import postgres from 'postgres';
import { openPostgres } from '../../src/platform/db.postgres';
import { testDatabasePrefix, usePostgres, withDatabase } from './database';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * On PostgreSQL: migrate one template database for this run (test files copy it), after
 * dropping what runs that died left behind. Databases of runs still going are left alone.
 */
export async function setup() {
  if (!usePostgres()) return;
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
  if (!usePostgres()) return;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const mine = await admin<
    { datname: string }[]
  >`select datname from pg_database where datname like ${`${testDatabasePrefix}${process.pid}_%`}`;
  for (const { datname } of mine)
    await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
