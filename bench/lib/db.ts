import postgres from 'postgres';
import { openPostgres } from '../../src/platform/db.postgres';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database for one bench run, dropped afterwards. */
export async function createBenchDatabase(baseUrl: string, name: string, migrate: boolean) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(baseUrl, name);
  if (migrate) {
    const handle = openPostgres(url, { max: 1 });
    await handle.migrate();
    await handle.close();
  }
  return {
    url,
    drop: async () => {
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}
export type BenchDatabase = Awaited<ReturnType<typeof createBenchDatabase>>;
