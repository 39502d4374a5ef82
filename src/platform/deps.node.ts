import type { Config } from '../config';
import type { Deps } from '../deps';
import { systemClock } from './clock';
import { openDatabase } from './db.node.ts';
import { createNodeHasher } from './hasher.node.ts';
import type { Logger } from './logger';
import { createDevMailer } from './mailer.dev';
import { createResendMailer } from './mailer.resend';

/** Builds Node's dependencies: the database from DATABASE_URL, Resend or the dev mailbox. */
export async function createNodeDeps(
  config: Config,
  log: Logger,
  notifyMail: () => void = () => {},
) {
  const handle = await openDatabase(config);
  const mailer = config.resendApiKey
    ? createResendMailer(config.resendApiKey, config.resendBaseUrl)
    : createDevMailer((line) => log.info({}, line));
  const deps: Deps = {
    db: handle.db,
    hasher: createNodeHasher(),
    mailer,
    clock: systemClock,
    config,
    log,
    notifyMail,
  };
  return { deps, handle };
}
