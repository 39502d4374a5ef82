import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import * as schema from '../../db/schema';
import { migrationsFolder } from '../../db/migrations-folder';
import type { Db, DbHandle } from './db-types';

export type PostgresOptions = { max?: number };

/** PostgreSQL through postgres.js. Notices are silenced: migrations print "already exists" ones. */
export function openPostgres(url: string, options: PostgresOptions = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: () => migrate(db as never, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}
