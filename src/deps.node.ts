import type { Config } from './config';
import type { Deps } from './deps';
import { fileErasureLedger } from './ops/erasure-ledger';
import { systemClock } from './platform/clock';
import type { DbHandle } from './platform/db-types';
import { openDatabase } from './platform/db.node.ts';
import { createNodeHasher } from './platform/hasher.node.ts';
import type { Logger } from './platform/logger';
import { createDevMailer } from './platform/mailer.dev';
import { resolveSecretsKey } from './platform/secrets-key.node.ts';

/**
 * Builds Node's dependencies: the database from DATABASE_URL, Resend or the dev mailbox, the
 * erasure ledger file, and (with METRICS_TOKEN, unless `metrics: false`) prom-client metrics.
 * `deps.config` carries the key for secrets at rest: SECRETS_KEY, or the one kept in DATA_DIR.
 * `options.handle`: a database the caller already opened (the server opens it while its
 * modules load); otherwise it is opened here.
 */
export async function createNodeDeps(
  config: Config,
  log: Logger,
  notifyMail: () => void = () => {},
  options: { metrics?: boolean; handle?: DbHandle } = {},
) {
  const handle = options.handle ?? (await openDatabase(config, { log }));
  // After the database: a new PGlite directory is made first, the key file then goes into it.
  const secrets = await resolveSecretsKey(config).catch(async (err: unknown) => {
    await handle.close();
    throw err;
  });
  for (const warning of secrets.warnings) log.warn({}, warning);
  // The Resend SDK is loaded only when mail goes through it.
  const mailer = config.resendApiKey
    ? (await import('./platform/mailer.resend')).createResendMailer(
        config.resendApiKey,
        config.resendBaseUrl,
      )
    : createDevMailer((line) => log.info({}, line));
  const metrics =
    config.metricsToken && options.metrics !== false
      ? await (
          await import('./ops/metrics.node.ts')
        ).loadNodeMetrics({ database: { kind: handle.kind, db: handle.db } })
      : undefined;
  const deps: Deps = {
    db: handle.db,
    hasher: createNodeHasher(),
    mailer,
    clock: systemClock,
    config: secrets.config,
    log,
    notifyMail,
    metrics,
    erasureLedger: fileErasureLedger(config.erasureLedger),
  };
  return { deps, handle, secretsKeySource: secrets.source };
}
