import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '../../db/schema';
import { migrationsFolder } from '../../db/migrations-folder';
import type { Db, DbHandle } from './db-types';

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory; `loadDataDir`
 * starts it from a `dumpDataDir()` tarball instead of running initdb (the tests' databases).
 */
export async function openPglite(
  dataDir?: string,
  options: { loadDataDir?: Blob } = {},
): Promise<DbHandle> {
  const client = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migrate(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}
