import { claimDueMail } from './outbox-claim';
import { outboxPolicy, type DispatchDeps, type Totals } from './outbox-policy';
import { sendClaimed, stopControl, type DispatchOptions } from './outbox-send';

export { claimDueMail } from './outbox-claim';
export { outboxPolicy } from './outbox-policy';
export type { DispatchOptions } from './outbox-send';

/**
 * Sends everything due now; returns how many were sent, retried later, and given up.
 *
 * Transactional rows (priority 0) go one by one, 25 claimed at a time and always before bulk
 * rows. Bulk rows (announcements) without attachments go up to 100 per call when the mailer
 * has `sendBatch`; rows with attachments, and every row with a mailer that cannot batch, go
 * one by one as well.
 */
export async function dispatchMail(deps: DispatchDeps, options: DispatchOptions = {}) {
  const totals: Totals = { sent: 0, retried: 0, failed: 0 };
  const stop = stopControl(options);
  try {
    const bulkLimit = deps.mailer.sendBatch ? outboxPolicy.bulkClaimSize : outboxPolicy.batchSize;
    for (;;) {
      if (stop.requested()) return totals;
      const urgent = await claimDueMail(
        deps.db,
        deps.clock.now(),
        outboxPolicy.batchSize,
        'transactional',
      );
      await sendClaimed(deps, urgent, totals, stop);
      // More may be due: take the next transactional rows before any bulk.
      if (urgent.length === outboxPolicy.batchSize) continue;
      if (stop.requested()) return totals;
      const bulk = await claimDueMail(deps.db, deps.clock.now(), bulkLimit, 'bulk');
      await sendClaimed(deps, bulk, totals, stop);
      if (bulk.length < bulkLimit) return totals;
    }
  } finally {
    stop.dispose();
  }
}
