import { AsyncLocalStorage } from 'node:async_hooks';
import type { ExecutionContext } from 'hono';
import simdWasm from 'argon2id/dist/simd.wasm';
import noSimdWasm from 'argon2id/dist/no-simd.wasm';
import { createApp, type App } from './app';
import { ConfigError, parseConfig, type Config } from './config';
import type { Deps } from './deps';
import { runDueJobs } from './jobs/schedule';
import { dispatchMail } from './mail/outbox';
import { systemClock } from './platform/clock';
import { openWorkerPostgres } from './platform/db.postgres.worker';
import { createWasmHasher } from './platform/hasher.worker';
import { createJsonLogger } from './platform/logger';
import { createDevMailer } from './platform/mailer.dev';
import { createResendMailer } from './platform/mailer.resend';

/**
 * Workers entry: `fetch` serves the same app as the Node server, `scheduled` (Cron Triggers in
 * wrangler.toml) runs the same jobs. Static files come from the ASSETS binding at /assets/*.
 *
 * What lives where: the config, the app, the mailer and the wasm hasher are built once per
 * isolate (per `env` object); the database client is opened per request or cron run (a socket
 * cannot be shared between requests) and closed with `ctx.waitUntil` once the response body
 * has gone out, after sending any mail the request queued.
 * `deps.db` reads the current request's client from an AsyncLocalStorage, so the Hono app,
 * about 10 ms of CPU to build, is not rebuilt for every request.
 */

type Fetcher = { fetch(request: Request): Promise<Response> };
type ScheduledController = { cron: string; scheduledTime: number };

export type WorkerEnv = {
  /** Workers static assets: the files of public/. */
  ASSETS?: Fetcher;
  /** Hyperdrive in front of PostgreSQL (wrangler.toml); wins over a DATABASE_URL var. */
  HYPERDRIVE?: { connectionString: string };
  /** Everything else: the same variables as the Node server (src/config.ts). */
  [name: string]: unknown;
};

type RequestScope = {
  db: Deps['db'];
  close(): Promise<void>;
  /** Set by notifyMail: a request queued mail, send it after the response. */
  mailQueued: boolean;
};

type Runtime = { config: Config; deps: Deps; app: App };

const log = createJsonLogger((line) => console.log(line));
const hasher = createWasmHasher({ simd: simdWasm, noSimd: noSimdWasm });
const scopes = new AsyncLocalStorage<RequestScope>();
const runtimes = new WeakMap<object, Runtime | ConfigError>();

function currentScope() {
  const scope = scopes.getStore();
  if (!scope) throw new Error('deps.db used outside a request or cron run');
  return scope;
}

/** Workers vars (strings) plus the database URL, with Workers' own defaults. */
export function workerVars(env: WorkerEnv): Record<string, string | undefined> {
  const vars: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env))
    if (typeof value === 'string') vars[name] = value;
  if (env.HYPERDRIVE?.connectionString) vars.DATABASE_URL = env.HYPERDRIVE.connectionString;
  // Every request reaches a Worker through Cloudflare, which sets X-Forwarded-For (appending the
  // visitor's address) and CF-Connecting-IP; without this, per-address rate limits see no address.
  if (vars.TRUST_PROXY === undefined || vars.TRUST_PROXY === '') vars.TRUST_PROXY = '1';
  return vars;
}

function runtimeFor(env: WorkerEnv): Runtime {
  let runtime = runtimes.get(env);
  if (!runtime) {
    try {
      const config = parseConfig(workerVars(env));
      if (!config.databaseUrl?.startsWith('postgres')) {
        throw new ConfigError(
          'DATABASE_URL: Workers need PostgreSQL: a HYPERDRIVE binding or a postgres:// URL (embedded PGlite runs only on Node)',
        );
      }
      // No file system for a generated key: SECRETS_KEY comes from `wrangler secret put`.
      // Production with PostgreSQL (always, here) already refused to start without it.
      if (!config.secretsKey)
        log.warn(
          {},
          'SECRETS_KEY is not set: authenticator-app codes cannot be set up or checked (wrangler secret put SECRETS_KEY)',
        );
      const mailer = config.resendApiKey
        ? createResendMailer(config.resendApiKey, config.resendBaseUrl)
        : createDevMailer((line) => log.info({}, line));
      const deps: Deps = {
        get db() {
          return currentScope().db;
        },
        hasher,
        mailer,
        clock: systemClock,
        config,
        log,
        notifyMail: () => {
          currentScope().mailQueued = true;
        },
      };
      runtime = { config, deps, app: createApp(deps) };
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      runtime = err;
    }
    runtimes.set(env, runtime);
  }
  if (runtime instanceof ConfigError) throw runtime;
  return runtime;
}

function openScope(config: Config): RequestScope {
  const { db, close } = openWorkerPostgres(config.databaseUrl!);
  return { db, close, mailQueued: false };
}

/** After the response: send what the request queued (the cron would, within a minute), then close. */
async function finish(runtime: Runtime, scope: RequestScope) {
  try {
    if (scope.mailQueued) await dispatchMail(runtime.deps);
  } catch (err) {
    log.error({ err }, 'sending queued mail after the response failed; the cron retries');
  } finally {
    await scope
      .close()
      .catch((err: unknown) => log.warn({ err }, 'closing the database client failed'));
  }
}

function configProblem(err: ConfigError) {
  log.error({}, `Configuration error: ${err.message}`);
  return new Response(`Configuration error: ${err.message}\n`, {
    status: 503,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    // As on Node, public/ is served at /assets/*: the file public/app.css is /assets/app.css.
    if (url.pathname.startsWith('/assets/') && env.ASSETS) {
      url.pathname = url.pathname.slice('/assets'.length);
      return env.ASSETS.fetch(new Request(url, request));
    }
    let runtime: Runtime;
    try {
      runtime = runtimeFor(env);
    } catch (err) {
      if (err instanceof ConfigError) return configProblem(err);
      throw err;
    }
    const scope = openScope(runtime.config);
    return scopes.run(scope, async () => {
      let response: Response;
      try {
        response = await runtime.app.fetch(request, env, ctx);
      } catch (err) {
        ctx.waitUntil(finish(runtime, scope));
        throw err;
      }
      if (!response.body) {
        ctx.waitUntil(finish(runtime, scope));
        return response;
      }
      // A body may still read the database while it streams (the data export does, page by
      // page), so the client is closed only once the body has been sent (or the client left).
      const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
      ctx.waitUntil(
        response.body
          .pipeTo(writable)
          .catch(() => {})
          .then(() => finish(runtime, scope)),
      );
      return new Response(readable, response);
    });
  },

  async scheduled(
    controller: ScheduledController,
    env: WorkerEnv,
    _ctx: ExecutionContext,
  ): Promise<void> {
    const runtime = runtimeFor(env); // a configuration error fails the run, and shows in the cron log
    const scope = openScope(runtime.config);
    await scopes.run(scope, async () => {
      try {
        const results = await runDueJobs(runtime.deps);
        log.info({ cron: controller.cron, results }, 'scheduled jobs ran');
      } finally {
        await scope
          .close()
          .catch((err: unknown) => log.warn({ err }, 'closing the database client failed'));
      }
    });
  },
};
