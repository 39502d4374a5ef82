import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { problem } from './problem';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence: an unsafe request from a browser must come from our own origin. Browsers
 * always send Origin on cross-site POSTs, so a foreign Origin is refused outright; a missing
 * Origin is refused only when a session cookie would be used (curl and mail providers'
 * one-click unsubscribe send neither). Bearer-token clients are not exposed to CSRF.
 */
export function originCheck(options: {
  appOrigin: string;
  cookieName: string;
  /** Routes that act on a token in the URL and never read the session: nothing to forge. */
  tokenOnlyPaths?: readonly string[];
}): MiddlewareHandler<AppEnv> {
  const tokenOnly = new Set(options.tokenOnlyPaths ?? []);
  return async function originCheckMiddleware(c, next) {
    if (!unsafeMethods.has(c.req.method)) return next();
    // Webmail clients send RFC 8058 one-click unsubscribes from their own origin.
    if (tokenOnly.has(c.req.path)) return next();
    if (c.req.header('authorization')?.startsWith('Bearer ')) return next();
    const origin = c.req.header('origin');
    const hasCookie = (c.req.header('cookie') ?? '').includes(`${options.cookieName}=`);
    if (origin === options.appOrigin) return next();
    if (origin === undefined && !hasCookie) return next();
    const detail = origin
      ? `Requests from ${origin} are not accepted`
      : 'The Origin header is missing';
    if (c.req.path.startsWith('/api/')) {
      return problem(c, {
        status: 403,
        type: 'bad-origin',
        title: 'Cross-site request refused',
        detail,
      });
    }
    return c.text(`Cross-site request refused. ${detail}.`, 403);
  };
}
