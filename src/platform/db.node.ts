import { mkdirSync } from 'node:fs';
import type { Config } from '../config';
import type { DbHandle } from './db-types';
import { openPglite } from './db.pglite';
import { openPostgres } from './db.postgres';

/** Chooses the database from `DATABASE_URL`: unset → PGlite in DATA_DIR, memory:// → in memory. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<DbHandle> {
  const url = config.databaseUrl;
  if (url === 'memory://') return openPglite();
  if (url) return openPostgres(url);
  mkdirSync(config.dataDir, { recursive: true });
  return openPglite(config.dataDir);
}
