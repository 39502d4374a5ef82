import type { Config } from './config';
import type { Mailer } from './platform/mailer';
import type { Clock } from './platform/clock';
import type { Db } from './platform/db-types';
import type { PasswordHasher } from './platform/hasher';
import type { Logger } from './platform/logger';
import type { Metrics } from './platform/metrics';

/** Where completed deletions are recorded outside the database (src/ops/erasure-ledger.ts). */
export type ErasureLedger = {
  /** Appends `{userId, at}` and fsyncs; call it after the purge's transaction committed. */
  append(userId: string, at: Date): Promise<void>;
};

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
  /** Prometheus metrics (Node with METRICS_TOKEN); absent elsewhere, and /metrics is 404. */
  metrics?: Metrics;
  /** The erasure ledger (Node); absent on Workers and in tests that do not need it. */
  erasureLedger?: ErasureLedger;
};
