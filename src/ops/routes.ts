import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import journal from '../../db/migrations/meta/_journal.json';
import type { AppEnv } from '../http/env';
import { rowsOf } from '../platform/sql-rows';

const latestMigrationMillis = Math.max(...journal.entries.map((e) => e.when));

/**
 * Compares the Authorization header with `Bearer <token>` in constant time: both sides are
 * hashed first, so neither the length nor a matching prefix shows in the response time.
 */
export function isMetricsAuthorized(header: string | undefined, token: string) {
  const digest = (s: string) => sha256(new TextEncoder().encode(s));
  return constantTimeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}

export function opsRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  /** Ready when the database answers and carries the newest migration this build knows. */
  app.get('/readyz', async (c) => {
    const { db } = c.get('deps');
    try {
      const list = rowsOf<{ latest: string | null }>(
        await db.execute(
          sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`,
        ),
      );
      const latest = Number(list[0]?.latest ?? 0);
      if (latest < latestMigrationMillis) return c.json({ status: 'migrations pending' }, 503);
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
  /**
   * Prometheus metrics: only with METRICS_TOKEN set (and a metrics implementation, which only
   * the Node server has) and the request carrying it; anything else is the ordinary 404.
   */
  app.get('/metrics', async (c) => {
    const deps = c.get('deps');
    const token = deps.config.metricsToken;
    if (!deps.metrics || !token || !isMetricsAuthorized(c.req.header('authorization'), token))
      return c.notFound();
    const body = await deps.metrics.render(deps);
    return c.body(body, 200, {
      'content-type': deps.metrics.contentType,
      'cache-control': 'no-store',
    });
  });
  return app;
}
