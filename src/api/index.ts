import type { AppEnv } from '../http/env';
import { createApiRouter } from '../http/validation';
import { problem } from '../http/problem';
import { authApi } from '../auth';
import { meApi } from '../cabinet';
import { privacyApi } from '../privacy';
import { passkeysApi } from '../passkeys';
import { reauthApi } from '../reauth';
import { subscriptionsApi } from '../subscriptions';
import { staffApi } from '../staff';
import { bookingsApi } from '../bookings';
import { apiDocsPage } from './docs-page';
import type { Hono } from 'hono';

/** Every JSON route under /api/v1; the zod schemas that validate them also build openapi.json. */
export function apiV1() {
  const api = createApiRouter();
  api.route('/', authApi());
  api.route('/', meApi());
  api.route('/', privacyApi());
  api.route('/', passkeysApi());
  api.route('/', reauthApi());
  api.route('/', subscriptionsApi());
  api.route('/', bookingsApi());
  api.route('/', staffApi());
  api.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Accounts and personal cabinet API',
      version: '1',
      description:
        'Errors are application/problem+json (RFC 9457). Sessions: cookie or `Authorization: Bearer`.',
    },
    servers: [{ url: `${c.get('deps').config.appUrl}/api/v1` }],
  }));
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
  });
  api.notFound((c) =>
    problem(c, {
      status: 404,
      type: 'not-found',
      title: 'Not found',
      detail: `No route for ${c.req.method} ${c.req.path}`,
    }),
  );
  return api;
}

export const openApiInfo = {
  openapi: '3.1.0',
  info: { title: 'Accounts and personal cabinet API', version: '1' },
};

/** The human-readable reference lives outside /api/v1 but reads the same document. */
export function mountApiDocs(app: Hono<AppEnv>, api: ReturnType<typeof apiV1>) {
  app.get(
    '/api/docs',
    apiDocsPage(() => api.getOpenAPI31Document(openApiInfo)),
  );
}
