import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { safeNextPath } from '../http/safe-next';
import { setSessionCookie } from '../http/session-cookie';
import { translator } from '../i18n';
import { recordEvent } from '../core/activity';
import { findUserById } from '../core/users';
import { elevateSession } from '../sessions/privilege';
import { checkCurrentPassword } from '../auth';
import { listPasskeys } from '../passkeys';
import { reauthPage } from './views/reauth-page';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Which ways of re-authenticating to offer. */
async function proofsOf(c: Context<AppEnv>, userId: string) {
  const db = c.get('deps').db;
  const [user, keys] = await Promise.all([findUserById(db, userId), listPasskeys(db, userId)]);
  return { hasPassword: !!user?.passwordHash, hasPasskeys: keys.length > 0 };
}
/** The re-authentication page: a password form, and a passkey button where the person has one. */
export function reauthPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/reauth', async (c) => {
    const auth = requireAuth(c);
    return reauthPage(c, {
      next: safeNextPath(c.req.query('next')),
      ...(await proofsOf(c, auth.user.id)),
    });
  });
  app.post('/reauth', async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const t = translator(c.get('locale'));
    const next = safeNextPath(c.req.query('next'));
    const meta = requestMeta(c);
    const checked = await checkCurrentPassword(
      deps,
      auth.user.id,
      (await readForm(c)).password ?? '',
      meta,
    );
    if (!checked.ok) {
      const proofs = await proofsOf(c, auth.user.id);
      if (checked.reason === 'rate-limited')
        return reauthPage(c, {
          next,
          ...proofs,
          error: t('error.rateLimited', { minutes: minutes(checked.retryAfterSeconds) }),
          status: 429,
        });
      return reauthPage(c, { next, ...proofs, error: t('reauth.wrong'), status: 401 });
    }
    const rotated = await elevateSession(deps, auth.session, c.get('authVia') === 'cookie', meta);
    if (rotated)
      setSessionCookie(
        c,
        deps.config,
        rotated.token,
        auth.session.isPersistent ? rotated.session.absoluteExpiresAt : null,
        deps.clock.now(),
      );
    await recordEvent(deps.db, {
      userId: auth.user.id,
      action: 'reauth',
      at: deps.clock.now(),
      meta,
      details: { method: 'password' },
    });
    return c.redirect(next, 303);
  });
  return app;
}
