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
  /**
   * Steps of the request pipeline left out. Only the bench uses it, to measure what each step
   * costs a request (bench/scenarios/pipeline.ts); the service always runs them all.
   */
  omitSteps?: readonly PipelineStep[];
};

/** Builds the whole service from its dependencies; the same app runs on Node, Workers and in tests. */
export function createApp(deps: Deps, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  if (options.assets) app.use('/assets/*', options.assets);
  for (const [name, step] of requestPipeline(deps))
    if (!options.omitSteps?.includes(name)) app.use('*', step);
  mountRoutes(app, deps);
  const errors = errorHandlers({ renderErrorPage, formPageFor: formPageFinder(app.routes) });
  app.notFound(errors.notFound);
  app.onError(errors.onError);
  return app;
}

export const pipelineSteps = [
  'deps',
  'request-id',
  'access-log',
  'security-headers',
  'origin-check',
  'body-limit',
  'session',
  'locale',
  'recorded-reads',
  'policy-gate',
] as const;
export type PipelineStep = (typeof pipelineSteps)[number];

/** What runs before every route, in this order: each step may rely on the ones above it. */
function requestPipeline(deps: Deps): [PipelineStep, MiddlewareHandler<AppEnv>][] {
  return [
    [
      'deps',
      createMiddleware<AppEnv>(async function provideDeps(c, next) {
        c.set('deps', deps);
        c.set('clientIp', readClientIp(c, deps.config.trustProxy));
        await next();
      }),
    ],
    ['request-id', requestId({ limitLength: 64 })],
    ['access-log', accessLog()],
    ['security-headers', securityHeaders(deps.config)],
    [
      'origin-check',
      originCheck({
        appOrigin: deps.config.appOrigin,
        cookieName: sessionCookieName(deps.config),
        tokenOnlyPaths: ['/unsubscribe', '/api/v1/unsubscribe'],
      }),
    ],
    ['body-limit', limitRequestBody()],
    ['session', sessionLoader()],
    ['locale', localeResolver()],
    [
      'recorded-reads',
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
    ],
    ['policy-gate', policyGate()],
  ];
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
