import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import journal from '../../db/migrations/meta/_journal.json';
import type { AppEnv } from '../http/env';

const latestMigrationMillis = Math.max(...journal.entries.map((e) => e.when));

export function opsRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  /** Ready when the database answers and carries the newest migration this build knows. */
  app.get('/readyz', async (c) => {
    const { db } = c.get('deps');
    try {
      const rows = await db.execute<{ latest: string | null }>(
        sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`,
      );
      const list = Array.isArray(rows) ? rows : (rows as { rows: { latest: string | null }[] }).rows;
      const latest = Number(list[0]?.latest ?? 0);
      if (latest < latestMigrationMillis) return c.json({ status: 'migrations pending' }, 503);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
  return app;
}
