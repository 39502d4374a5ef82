import postgres, { type Sql } from 'postgres';
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
  const db = drizzle({
    client: preparingEveryQuery(client),
    schema,
    casing: 'snake_case',
  }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: () => migrate(db as never, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Drizzle hands postgres.js every query it was not told to `.prepare()` with
 * `prepare: false`, so PostgreSQL parses and plans it anew each time: a sign-in's dozen
 * statements cost two to three times what they need. postgres.js caches named statements per
 * connection by their text; ours are a bounded set of shapes and connections are recycled
 * (postgres.js' max_lifetime), so every query with parameters is prepared. Transactions and
 * savepoints hand out their own client, which gets the same treatment.
 */
export function preparingEveryQuery<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe')
        return (query: string, args?: unknown[], options?: object) =>
          target.unsafe(query, args as never, { ...options, prepare: true });
      if (prop === 'begin' || prop === 'savepoint')
        return (...args: unknown[]) => {
          const fn = args.pop() as (sql: Sql) => unknown;
          return (Reflect.get(target, prop) as (...a: unknown[]) => unknown)(
            ...args,
            (inner: Sql) => fn(preparingEveryQuery(inner)),
          );
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}
