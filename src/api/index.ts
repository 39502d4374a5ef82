import type { AppEnv } from '../http/env';
import { createApiRouter, problemSchema } from '../http/validation';
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
import { buildApiDocument } from './document';
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
  registerComponents(api);
  api.get('/openapi.json', (c) => c.json(buildApiDocument(api, c.get('deps').config)));
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

function registerComponents(api: ReturnType<typeof createApiRouter>) {
  api.openAPIRegistry.register('Problem', problemSchema);
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-session',
    description:
      'The session cookie a browser keeps after sign-in (`session` on plain-http localhost). Writes that use it must carry an `Origin` equal to APP_URL.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'The same session token as an opaque bearer token (not a JWT), for clients without cookies: sign in with `"tokenInBody": true` to receive it.',
  });
}

/** The human-readable reference lives outside /api/v1 but reads the same document. */
export function mountApiDocs(app: Hono<AppEnv>, api: ReturnType<typeof apiV1>) {
  app.get(
    '/api/docs',
    apiDocsPage((c) => buildApiDocument(api, c.get('deps').config)),
  );
}
