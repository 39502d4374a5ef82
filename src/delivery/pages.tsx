import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { requestMeta } from '../http/request-meta';
import { requireAuth, requireRole } from '../http/require';
import { listSuppressed, reconfirmAddress } from './suppressed-people';
import { suppressedPage } from './views/suppressed-page';

/** Staff: who optional mail no longer goes to. The person: "my address works again". */
export function deliveryPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/staff/suppressions', async (c) => {
    const auth = requireRole(c, ['staff', 'admin']);
    const asked = Number(c.req.query('page') ?? '1');
    const page = Number.isSafeInteger(asked) && asked >= 1 && asked <= 10_000 ? asked : 1;
    const list = await listSuppressed(
      c.get('deps'),
      { staffId: auth.user.id, meta: requestMeta(c) },
      page,
    );
    return suppressedPage(c, list);
  });

  app.post('/account/mail-address/reconfirm', async (c) => {
    const auth = requireAuth(c);
    const cleared = await reconfirmAddress(c.get('deps'), auth.user.id, requestMeta(c));
    return c.redirect(cleared ? '/account?notice=mail-reconfirmed' : '/account', 303);
  });

  return app;
}
