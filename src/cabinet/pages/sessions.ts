import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { endOtherSessions, endSession, listSessions } from '../sessions-service';
import { endOthersConfirmPage } from '../views/sessions-section';

/** The sessions card's forms: end one device, or (after a confirmation page) all the others. */
export function sessionsPageRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/account/security/sessions/:id/end', async (c) => {
    const auth = requireAuth(c);
    const id = c.req.param('id').slice(0, 64);
    const ended = await endSession(c.get('deps'), auth.user.id, id, requestMeta(c));
    return c.redirect(
      ended ? '/account/security?notice=session-ended#sessions' : '/account/security#sessions',
      303,
    );
  });

  app.get('/account/security/sessions/end-others', async (c) => {
    const auth = requireAuth(c);
    const { db, clock } = c.get('deps');
    const sessions = await listSessions(db, auth.user.id, clock.now());
    return endOthersConfirmPage(c, sessions.filter((s) => s.id !== auth.session.id).length);
  });

  app.post('/account/security/sessions/end-others', async (c) => {
    const auth = requireAuth(c);
    await endOtherSessions(c.get('deps'), auth.user.id, auth.session.id, requestMeta(c));
    return c.redirect('/account/security?notice=others-ended#sessions', 303);
  });

  return app;
}
