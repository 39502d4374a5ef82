import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from './env';

/**
 * One line per request. The route pattern is logged, never the raw URL: emailed links carry
 * tokens in their query strings. Headers (cookies, authorization) are never logged.
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const deps = c.get('deps');
    let route = '';
    try {
      route = routePath(c, -1);
    } catch {
      route = '?';
    }
    deps.log.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        route,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
