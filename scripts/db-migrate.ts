import { pathToFileURL } from 'node:url';
import { openPostgres } from '../src/platform/db.postgres';

/**
 * The deploy step `npm run db:migrate`: applies the committed drizzle-kit migrations (db/migrations)
 * to the PostgreSQL database in DATABASE_URL. The Workers build never migrates at request time,
 * so run this before `wrangler deploy` (and before the Node server, if you like: it migrates at
 * start anyway). Safe to repeat: applied migrations are recorded in drizzle.__drizzle_migrations.
 */
export async function migrateDatabase(url: string) {
  const handle = openPostgres(url, { max: 1 });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
}

/** The database's name and host, never its password. */
const describe = (url: string) => {
  const u = new URL(url);
  return `${u.pathname.slice(1) || '(default)'} on ${u.hostname}${u.port ? `:${u.port}` : ''}`;
};

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write(
      'DATABASE_URL: set it to the postgres://… database to migrate (the origin database, not the Hyperdrive address)\n',
    );
    process.exit(1);
  }
  const began = Date.now();
  await migrateDatabase(url);
  process.stdout.write(`migrations applied to ${describe(url)} in ${Date.now() - began} ms\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`Migration failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
