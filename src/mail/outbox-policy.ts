import type { Deps } from '../deps';
import { maxBatchSize } from '../platform/mailer';

export const outboxPolicy = {
  maxAttempts: 8,
  /** Rows claimed at a time for sending one by one. */
  batchSize: 25,
  /** Bulk rows claimed at a time when the mailer sends batches: one provider call's worth. */
  bulkClaimSize: maxBatchSize,
  /** A claim older than this is taken to belong to a crashed sender and is taken over. */
  claimMs: 2 * 60_000,
  backoffMs: (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 6 * 3_600_000),
  /**
   * How long a stopping dispatcher waits for the provider calls in flight before cutting
   * them. A Resend call takes well under a second; three graces fit in the server's 15 s.
   */
  stopGraceMs: 3_000,
};

export type DispatchDeps = Pick<Deps, 'db' | 'mailer' | 'clock' | 'config'>;
export type Totals = { sent: number; retried: number; failed: number };
