import type { MiddlewareHandler } from 'hono';
import { isForeignGet } from './cross-site';
import type { AppEnv } from './env';
import { keepOutOfCaches } from './cache-control';
import { clearSessionCookie, readSessionToken } from './session-cookie';
import { validateSessionToken } from '../sessions/validate';
import { gatedPagePrefixes } from '../core/consents';

/**
 * Resolves the session (cookie or bearer) once per request; routes read `c.get('auth')`.
 * The answer to a signed-in request is then kept out of HTTP caches.
 */
export function sessionLoader(): MiddlewareHandler<AppEnv> {
  return async function loadSession(c, next) {
    const deps = c.get('deps');
    c.set('auth', null);
    c.set('authVia', null);
    const found = readSessionToken(c, deps.config);
    if (found && found.token.length <= 100) {
      const path = c.req.path;
      // Gated pages get the policy gate's answer from the same lookup (one round trip fewer).
      const forPage = gatedPagePrefixes.some((p) => path === p || path.startsWith(`${p}/`));
      // Another site's GET must not change anything, not even slide the session's expiry.
      const auth = await validateSessionToken(deps, found.token, {
        forPage,
        readOnly: isForeignGet(c),
      });
      if (auth) {
        c.set('auth', auth);
        c.set('authVia', found.via);
      } else if (found.via === 'cookie') {
        clearSessionCookie(c, deps.config);
      }
    }
    await next();
    keepOutOfCaches(c);
  };
}
