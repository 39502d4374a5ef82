import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { safeNextPath } from '../http/safe-next';
import { translator } from '../i18n';
import { reauthPage } from './views/reauth-page';
import { keepRenewedSession } from './renewed-cookie';
import { reauthProofs, reauthWithPassword } from './service';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The re-authentication page: a password form, and a passkey button where the person has one. */
export function reauthPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/reauth', async (c) => {
    const auth = requireAuth(c);
    return reauthPage(c, {
      next: safeNextPath(c.req.query('next')),
      ...(await reauthProofs(c.get('deps').db, auth.user.id)),
    });
  });
  app.post('/reauth', async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const t = translator(c.get('locale'));
    const next = safeNextPath(c.req.query('next'));
    const password = (await readForm(c)).password ?? '';
    const rotate = c.get('authVia') === 'cookie';
    const result = await reauthWithPassword(deps, auth, password, rotate, requestMeta(c));
    if (!result.ok) {
      const proofs = await reauthProofs(deps.db, auth.user.id);
      if (result.reason === 'rate-limited')
        return reauthPage(c, {
          next,
          ...proofs,
          error: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }),
          status: 429,
        });
      return reauthPage(c, { next, ...proofs, error: t('reauth.wrong'), status: 401 });
    }
    keepRenewedSession(c, result.renewed);
    return c.redirect(next, 303);
  });
  return app;
}
