import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { setSessionCookie } from '../http/session-cookie';
import type { RenewedSession } from './service';

/** Sets the cookie of a session that re-authentication gave a new id; nothing otherwise. */
export function keepRenewedSession(c: Context<AppEnv>, renewed: RenewedSession) {
  if (!renewed) return;
  const deps = c.get('deps');
  setSessionCookie(c, deps.config, renewed.token, renewed.persistentUntil, deps.clock.now());
}
