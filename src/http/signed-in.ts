import type { Context } from 'hono';
import type { AppEnv } from './env';
import { setSessionCookie } from './session-cookie';
import { invalidateSession } from '../sessions/invalidate';

/**
 * After any successful sign-in (password, code, passkey; API or page): the browser's previous
 * cookie session ends, so one browser never holds two, and the new one is set. A bearer
 * caller's own session is another client's business and stays.
 */
export async function startCookieSession(
  c: Context<AppEnv>,
  signedIn: { token: string; persistent: boolean; expiresAt: Date },
) {
  const deps = c.get('deps');
  const old = c.get('auth');
  if (old && c.get('authVia') === 'cookie') await invalidateSession(deps.db, old.session.id);
  setSessionCookie(
    c,
    deps.config,
    signedIn.token,
    signedIn.persistent ? signedIn.expiresAt : null,
    deps.clock.now(),
  );
}
