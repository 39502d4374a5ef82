import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { Deps } from './deps';
import type { AppEnv } from './http/env';
import { accessLog } from './http/access-log';
import { readClientIp } from './http/client-ip';
import { recordedReadsFromOwnPages } from './http/cross-site';
import { errorHandlers } from './http/errors';
import { renderErrorPage } from './views/error-page';
import { crossSitePage } from './views/cross-site-page';
import { localeResolver } from './http/locale';
import { originCheck } from './http/origin';
import { problem } from './http/problem';
import { sessionCookieName } from './http/session-cookie';
import { sessionLoader } from './http/session-loader';
import { apiV1, mountApiDocs } from './api';
import { opsRoutes } from './ops/routes';
import { devRoutes } from './dev/routes';
import { siteRoutes } from './site/pages';
import { authPageRoutes } from './auth';
import { PasskeyButton, passkeyPageRoutes } from './passkeys';
import { reauthPageRoutes } from './reauth';
import { cabinetPageRoutes, renderSecurity } from './cabinet';
import { policyGate, privacyPageRoutes } from './privacy';
import { subscriptionPageRoutes } from './subscriptions';
import { bookingsPageRoutes } from './bookings';
import { staffPageRoutes } from './staff';

export const bodyLimitBytes = 64 * 1024;

export type AppOptions = {
  /** Serves `public/` at /assets/* (Node: serveStatic; Workers: the assets binding serves it first). */
  assets?: MiddlewareHandler;
};

/** Builds the whole service from its dependencies; the same app runs on Node, Workers and in tests. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  if (options.assets) app.use('/assets/*', options.assets);

  app.use('*', async function provideDeps(c, next) {
    c.set('deps', deps);
    c.set('clientIp', readClientIp(c, deps.config.trustProxy));
    await next();
  });
  app.use('*', requestId({ limitLength: 64 }));
  app.use('*', accessLog());
  // Pages get a fresh script nonce each; JSON needs none, and a nonce costs a random draw.
  const pageHeaders = secureHeaders(securityHeaderOptions(deps, { pages: true }));
  const apiHeaders = secureHeaders(securityHeaderOptions(deps, { pages: false }));
  app.use('*', async function securityHeaders(c, next) {
    return (c.req.path.startsWith('/api/v1/') ? apiHeaders : pageHeaders)(c, next);
  });
  app.use(
    '*',
    originCheck({
      appOrigin: deps.config.appOrigin,
      cookieName: sessionCookieName(deps.config),
      tokenOnlyPaths: ['/unsubscribe', '/api/v1/unsubscribe'],
    }),
  );
  const limitBody = bodyLimit({
    maxSize: bodyLimitBytes,
    onError: (c) =>
      c.req.path.startsWith('/api/')
        ? problem(c, {
            status: 413,
            type: 'too-large',
            title: 'The request body is too large',
            detail: `At most ${bodyLimitBytes} bytes`,
          })
        : c.text('The request is too large.', 413),
  });
  // Reading `raw.body` makes @hono/node-server build a full Request; GET and HEAD carry no body.
  app.use('*', async function limitRequestBody(c, next) {
    return c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next);
  });
  app.use('*', sessionLoader());
  app.use('*', localeResolver());
  app.use(
    '*',
    recordedReadsFromOwnPages({
      paths: [
        '/staff',
        '/staff/*',
        '/api/v1/staff/*',
        '/api/v1/admin/*',
        '/api/v1/me/export',
        '/account/privacy/export',
      ],
      renderPage: crossSitePage,
    }),
  );
  app.use('*', policyGate());

  app.route('/', opsRoutes());
  const api = apiV1();
  app.route('/api/v1', api);
  mountApiDocs(app, api);
  app.route('/', siteRoutes());
  app.route('/', privacyPageRoutes());
  app.route(
    '/',
    authPageRoutes({
      otherSignInMethods: (c, next) =>
        PasskeyButton({ locale: c.get('locale'), mode: 'login', next }),
    }),
  );
  app.route('/', reauthPageRoutes());
  app.route('/', cabinetPageRoutes());
  app.route('/', passkeyPageRoutes({ renderSecurity }));
  app.route('/', subscriptionPageRoutes());
  app.route('/', staffPageRoutes());
  app.route('/', bookingsPageRoutes());
  // Only the dev mailbox's own mail is shown: with a real mailer (staging too) nobody's mail is public.
  if (!deps.config.isProduction && deps.mailer.kind === 'dev') app.route('/dev', devRoutes());

  const errors = errorHandlers({ renderErrorPage });
  app.notFound(errors.notFound);
  app.onError(errors.onError);
  return app;
}

export type App = ReturnType<typeof createApp>;

function securityHeaderOptions(
  deps: Deps,
  { pages }: { pages: boolean },
): Parameters<typeof secureHeaders>[0] {
  return {
    contentSecurityPolicy: pages
      ? {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", NONCE],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        }
      : // JSON is never a document: nothing may load or run if a browser is tricked into rendering it.
        {
          defaultSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'none'"],
        },
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: deps.config.isHttps ? 'max-age=31536000; includeSubDomains' : false,
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  };
}
