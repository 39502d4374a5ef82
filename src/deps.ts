import type { Config } from './config';
import type { Mailer } from './mail/message';
import type { Clock } from './platform/clock';
import type { Db } from './platform/db-types';
import type { PasswordHasher } from './platform/hasher';
import type { Logger } from './platform/logger';

/** Everything that differs between Node, Workers and tests, passed in rather than imported. */
export type Deps = {
  db: Db;
  hasher: PasswordHasher;
  mailer: Mailer;
  clock: Clock;
  config: Config;
  log: Logger;
  /** Asks the mail sender to run soon (Node: a debounced kick; elsewhere a no-op). */
  notifyMail: () => void;
};
