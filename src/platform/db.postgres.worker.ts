import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../../db/schema';
import type { Db } from './db-types';

/**
 * PostgreSQL on Workers: postgres.js (its `workerd` build, which opens TCP through
 * `cloudflare:sockets`), one client per request or cron run, as Cloudflare's Hyperdrive docs
 * recommend: Hyperdrive keeps the real pool, and a socket cannot outlive the request that
 * opened it. No migrator here: migrations are a deploy step (`npm run db:migrate`), and the
 * migrator reads files from disk, which Workers do not have.
 */
export function openWorkerPostgres(url: string) {
  const client = postgres(url, {
    // Workers allow six simultaneous outgoing connections per request; connections open
    // lazily, so most requests use one. More than one is needed only while a transaction
    // holds a connection and something else queries beside it.
    max: 5,
    // One round trip fewer per connection; the schema has no array columns (a test checks).
    fetch_types: false,
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 0,
  });
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    /** Waits for running queries (up to 5 s), then closes the sockets. */
    close: () => client.end({ timeout: 5 }),
  };
}
