import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { App } from './app';
import { ConfigError, parseConfig, type Config } from './config';
import type { Deps } from './deps';
import type { DbHandle } from './platform/db-types';
import { openDatabase } from './platform/db.node.ts';
import { chooseLogFormat, createNodeLogger } from './platform/logger.node.ts';

type Log = Awaited<ReturnType<typeof createNodeLogger>>;
type Service = Awaited<ReturnType<typeof loadService>>;
type NodeDeps = Awaited<ReturnType<Service['createNodeDeps']>>;

/**
 * Everything but configuration, logger and database driver, imported while the database
 * opens: most of a start is these modules and PGlite, and PGlite's WebAssembly compiles and a
 * new directory's files copy on other threads meanwhile (docs/decisions/015-cold-start.md).
 */
async function loadService() {
  const [app, auth, timer, ledger, deps, http, statics] = await Promise.all([
    import('./app'),
    import('./auth'),
    import('./jobs/timer'),
    import('./ops/erasure-ledger'),
    import('./deps.node.ts'),
    import('./platform/http-server.node.ts'),
    import('@hono/node-server/serve-static'),
  ]);
  return {
    createApp: app.createApp,
    sealLegacyTotpSecrets: auth.sealLegacyTotpSecrets,
    startJobTimer: timer.startJobTimer,
    ledgerPlacementWarnings: ledger.ledgerPlacementWarnings,
    replayErasures: ledger.replayErasures,
    createNodeDeps: deps.createNodeDeps,
    serveNode: http.serveNode,
    serveStatic: statics.serveStatic,
  };
}

function configOrExit() {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** The database, opened and migrated. */
async function openAndMigrate(config: Config, log: Log): Promise<DbHandle> {
  const handle = await openDatabase(config, { log });
  await handle.migrate();
  return handle;
}

/** What must be true of the migrated database before the first request: sealed, erased. */
async function prepareDatabase(s: Service, { deps }: NodeDeps, config: Config, log: Log) {
  // Authenticator secrets from before migration 0006 are in clear: sealed now, before traffic.
  const sealed = await s.sealLegacyTotpSecrets(deps);
  if (sealed > 0)
    log.info({ sealed }, 'sealed authenticator secrets stored in clear by an older version');
  // People deleted after the backup this database came from go again, before any traffic.
  for (const warning of s.ledgerPlacementWarnings(config)) log.warn({}, warning);
  const replay = await s.replayErasures(deps, config.erasureLedger).catch((err: Error) => {
    throw new Error(`erasure ledger ${config.erasureLedger}: ${err.message}`);
  });
  if (replay.erased > 0)
    log.warn(
      { erased: replay.erased, entries: replay.entries },
      'erasure ledger: deleted again people a restore had brought back',
    );
  if (replay.tornTail)
    log.warn(
      {},
      'erasure ledger: the last line is incomplete (a crash while appending) and was skipped',
    );
}

function rootApp(s: Service, deps: Deps) {
  // Resolved from this file, not the working directory, so any cwd serves the same files (the
  // build keeps this the URL of src/server.ts: scripts/build.mjs).
  const publicDir = fileURLToPath(new URL('../public', import.meta.url));
  // Passed into the app (not mounted beside it), so a missing file gets the app's styled 404.
  return s.createApp(deps, {
    assets: s.serveStatic({
      root: publicDir,
      rewriteRequestPath: (p) => p.replace(/^\/assets/, ''),
    }),
  });
}

function listen(
  s: Service,
  root: App,
  { deps, handle, secretsKeySource }: NodeDeps,
  config: Config,
  log: Log,
) {
  const server = s.serveNode({ fetch: root.fetch, port: config.port }, (info) => {
    log.info(
      {
        port: info.port,
        database: handle.kind + (config.databaseUrl ? '' : ` (${config.dataDir})`),
        mail: deps.mailer.kind,
        metrics: deps.metrics ? '/metrics' : 'off',
        atRestKey: secretsKeySource,
      },
      `listening on ${config.appUrl}`,
    );
  });
  // A taken port is an operator's mistake: one line, not an unhandled 'error' event's stack.
  server.on('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`Failed to start: PORT ${config.port}: ${err.code ?? err.message}\n`);
    process.exit(1);
  });
  return server;
}

function onSignalsShutDown(
  server: Server,
  timer: ReturnType<Service['startJobTimer']>,
  handle: NodeDeps['handle'],
  log: Log,
) {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Bounded even with the mail provider hanging (about three stop graces of 3 s): the mail
    // in flight is finished or cut, and claimed rows not yet sent go back to 'pending'
    // instead of waiting out their claim as 'sending'.
    await timer.stop();
    await handle.close();
    log.info({}, 'stopped');
    process.exit(0);
  };
  const stop = (signal: string) =>
    shutdown(signal).catch((err) => {
      process.stderr.write(`Shutdown failed: ${(err as Error).message}\n`);
      process.exit(1);
    });
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/**
 * Node entry: configuration, logger, database and migrations (while the rest loads), the
 * erasure ledger replayed, static files, jobs, graceful shutdown.
 */
async function main() {
  const config = configOrExit();
  const log = await createNodeLogger({ level: config.logLevel, format: chooseLogFormat(config) });
  const [handle, s] = await Promise.all([openAndMigrate(config, log), loadService()]);
  // The timer needs deps and deps need its kick: the kick is bound once both exist.
  let kick = () => {};
  const nodeDeps = await s.createNodeDeps(config, log, () => kick(), { handle });
  await prepareDatabase(s, nodeDeps, config, log);
  const timer = s.startJobTimer(() => nodeDeps.deps);
  kick = () => timer.kick();
  const server = listen(s, rootApp(s, nodeDeps.deps), nodeDeps, config, log);
  onSignalsShutDown(server, timer, nodeDeps.handle, log);
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
