import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { safeNextPath } from '../../http/safe-next';
import { acceptPolicy, needsPolicyAcceptance } from '../../core/consents';
import { policyAcceptPage } from '../views/policy-accept-page';

/** /account/policy: where the policy gate sends people, and back to where they were going. */
export function policyAcceptPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/account/policy', async (c) => {
    const auth = requireAuth(c);
    const { db, clock } = c.get('deps');
    const next = safeNextPath(c.req.query('next'));
    const pending = await needsPolicyAcceptance(db, auth.user.id, clock.now());
    if (!pending) return c.redirect(next, 303);
    return policyAcceptPage(c, {
      version: pending.version,
      summary: pending.summary,
      effectiveAt: pending.effectiveAt,
      next,
    });
  });
  app.post('/account/policy', async (c) => {
    const auth = requireAuth(c);
    const version = ((await readForm(c)).version ?? '').slice(0, 20);
    await acceptPolicy(
      c.get('deps'),
      { userId: auth.user.id, version, method: 'cabinet' },
      requestMeta(c),
    );
    // If the version changed meanwhile, the gate simply asks again.
    return c.redirect(safeNextPath(c.req.query('next')), 303);
  });
  return app;
}
