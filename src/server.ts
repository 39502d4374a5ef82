import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app';
import { ConfigError, parseConfig } from './config';
import { startJobTimer } from './jobs/timer';
import { createNodeDeps } from './platform/deps.node.ts';
import { createJsonLogger } from './platform/logger';

/** Node entry: configuration, database and migrations, static files, jobs, graceful shutdown. */
async function main() {
  const log = createJsonLogger();
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let kick = () => {};
  const { deps, handle } = await createNodeDeps(config, log, () => kick());
  await handle.migrate();
  const timer = startJobTimer(() => deps);
  kick = timer.kick;

  const root = new Hono();
  // Resolved from this file, not the working directory, so any cwd serves the same files.
  const publicDir = fileURLToPath(new URL('../public', import.meta.url));
  root.use(
    '/assets/*',
    serveStatic({ root: publicDir, rewriteRequestPath: (p) => p.replace(/^\/assets/, '') }),
  );
  root.route('/', createApp(deps));

  const server = serve({ fetch: root.fetch, port: config.port }, (info) => {
    log.info(
      {
        port: info.port,
        database: handle.kind + (config.databaseUrl ? '' : ` (${config.dataDir})`),
        mail: deps.mailer.kind,
      },
      `listening on ${config.appUrl}`,
    );
  });

  // A taken port is an operator's mistake: one line, not an unhandled 'error' event's stack.
  server.on('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`Failed to start: PORT ${config.port}: ${err.code ?? err.message}\n`);
    process.exit(1);
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
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

main().catch((err) => {
  process.stderr.write(`Failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
