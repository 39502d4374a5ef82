import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { requireAuth } from '../../http/require';
import { overviewSummary } from '../sessions-service';
import { overviewPage } from '../views/overview-page';

/** GET /account: the page people land on. */
export function overviewPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/account', async (c) => {
    const auth = requireAuth(c);
    const { db, clock } = c.get('deps');
    // The session lookup already read the person; what it does not know comes in one query.
    const summary = await overviewSummary(db, auth.user.id, clock.now());
    return overviewPage(c, {
      user: auth.user,
      ...summary,
      timeZoneSet: c.req.query('notice') === 'time-zone-set' && !!auth.user.timeZone,
    });
  });
  return app;
}
