import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp, type App } from './app';
import { sealLegacyTotpSecrets } from './auth';
import { ConfigError, parseConfig, type Config } from './config';
import type { Deps } from './deps';
import { startJobTimer } from './jobs/timer';
import { ledgerPlacementWarnings, replayErasures } from './ops/erasure-ledger';
import { createNodeDeps } from './deps.node.ts';
import { serveNode } from './platform/http-server.node.ts';
import { chooseLogFormat, createNodeLogger } from './platform/logger.node.ts';

type Log = Awaited<ReturnType<typeof createNodeLogger>>;
type NodeDeps = Awaited<ReturnType<typeof createNodeDeps>>;

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

/** What must be true of the database before the first request: migrated, sealed, erased. */
async function prepareDatabase({ deps, handle }: NodeDeps, config: Config, log: Log) {
  await handle.migrate();
  // Authenticator secrets from before migration 0006 are in clear: sealed now, before traffic.
  const sealed = await sealLegacyTotpSecrets(deps);
  if (sealed > 0)
    log.info({ sealed }, 'sealed authenticator secrets stored in clear by an older version');
  // People deleted after the backup this database came from go again, before any traffic.
  for (const warning of ledgerPlacementWarnings(config)) log.warn({}, warning);
  const replay = await replayErasures(deps, config.erasureLedger).catch((err: Error) => {
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

function rootApp(deps: Deps) {
  // Resolved from this file, not the working directory, so any cwd serves the same files.
  const publicDir = fileURLToPath(new URL('../public', import.meta.url));
  // Passed into the app (not mounted beside it), so a missing file gets the app's styled 404.
  return createApp(deps, {
    assets: serveStatic({ root: publicDir, rewriteRequestPath: (p) => p.replace(/^\/assets/, '') }),
  });
}

function listen(root: App, { deps, handle, secretsKeySource }: NodeDeps, config: Config, log: Log) {
  const server = serveNode({ fetch: root.fetch, port: config.port }, (info) => {
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
  timer: ReturnType<typeof startJobTimer>,
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
 * Node entry: configuration, logger, database and migrations, the erasure ledger replayed,
 * static files, jobs, graceful shutdown.
 */
async function main() {
  const config = configOrExit();
  const log = await createNodeLogger({ level: config.logLevel, format: chooseLogFormat(config) });
  // The timer needs deps and deps need its kick: the kick is bound once both exist.
  let kick = () => {};
  const nodeDeps = await createNodeDeps(config, log, () => kick());
  await prepareDatabase(nodeDeps, config, log);
  const timer = startJobTimer(() => nodeDeps.deps);
  kick = () => timer.kick();
  const server = listen(rootApp(nodeDeps.deps), nodeDeps, config, log);
  onSignalsShutDown(server, timer, nodeDeps.handle, log);
}

main().catch((err) => {
  process.stderr.write(`Failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
