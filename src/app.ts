import { Hono, type MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requestId } from 'hono/request-id';
import type { Deps } from './deps';
import type { AppEnv } from './http/env';
import { accessLog } from './http/access-log';
import { readClientIp } from './http/client-ip';
import { recordedReadsFromOwnPages } from './http/cross-site';
import { errorHandlers } from './http/errors';
import { formPageFinder } from './http/form-result-paths';
import { renderErrorPage } from './views/error-page';
import { crossSitePage } from './views/cross-site-page';
import { localeResolver } from './http/locale';
import { originCheck } from './http/origin';
import { limitRequestBody } from './http/body-limit';
import { securityHeaders } from './http/security-headers';
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
import { deliveryPageRoutes, deliveryWebhookRoutes } from './delivery';

export { bodyLimitBytes } from './http/body-limit';

export type AppOptions = {
  /** Serves `public/` at /assets/* (Node: serveStatic; Workers: the assets binding serves it first). */
  assets?: MiddlewareHandler;
};

/** Builds the whole service from its dependencies; the same app runs on Node, Workers and in tests. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  if (options.assets) app.use('/assets/*', options.assets);
  useRequestPipeline(app, deps);
  mountRoutes(app, deps);
  const errors = errorHandlers({ renderErrorPage, formPageFor: formPageFinder(app.routes) });
  app.notFound(errors.notFound);
  app.onError(errors.onError);
  return app;
}

/** What runs before every route, in this order: each step may rely on the ones above it. */
function useRequestPipeline(app: Hono<AppEnv>, deps: Deps) {
  app.use(
    '*',
    createMiddleware<AppEnv>(async function provideDeps(c, next) {
      c.set('deps', deps);
      c.set('clientIp', readClientIp(c, deps.config.trustProxy));
      await next();
    }),
  );
  app.use('*', requestId({ limitLength: 64 }));
  // PERSISTENT_COOKIES=false: every cookie set on the way out ends with the browser session.
  app.use('*', accessLog());
  app.use('*', securityHeaders(deps.config));
  app.use(
    '*',
    originCheck({
      appOrigin: deps.config.appOrigin,
      cookieName: sessionCookieName(deps.config),
      tokenOnlyPaths: ['/unsubscribe', '/api/v1/unsubscribe'],
    }),
  );
  app.use('*', limitRequestBody());
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
}

/** Every feature's routes; the route map in docs/routes.md is generated from this app. */
function mountRoutes(app: Hono<AppEnv>, deps: Deps) {
  app.route('/', opsRoutes());
  app.route('/', deliveryWebhookRoutes());
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
  app.route('/', deliveryPageRoutes());
  app.route('/', bookingsPageRoutes());
  // Only the dev mailbox's own mail is shown: with a real mailer (staging too) nobody's mail is public.
  if (!deps.config.isProduction && deps.mailer.kind === 'dev') app.route('/dev', devRoutes());
}

export type App = ReturnType<typeof createApp>;
