import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from './env';

/**
 * One line per request, and the request metrics. The route pattern is logged
 * (`/api/v1/me/sessions/:id`), never the raw URL: emailed links carry tokens in their query
 * strings. Headers (cookies, authorization), bodies and client addresses are never logged.
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    await next();
    const deps = c.get('deps');
    const durationMs = performance.now() - started;
    let route: string;
    try {
      route = routePath(c, -1);
    } catch {
      route = '?';
    }
    const { method } = c.req;
    const status = c.res.status;
    deps.metrics?.observeRequest({ method, route, status, seconds: durationMs / 1000 });
    deps.log.info(
      {
        requestId: c.get('requestId'),
        method,
        route,
        status,
        durationMs: Math.round(durationMs * 10) / 10,
      },
      'request',
    );
  };
}
