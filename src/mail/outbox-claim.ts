import { and, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { outboxPolicy, type DispatchDeps } from './outbox-policy';

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED, so any number of senders (instances, timers,
 * the CLI) can run at once and never take the same row. `priority` limits the claim to
 * transactional (0) or bulk (> 0) rows; without it both come, transactional first.
 */
export async function claimDueMail(
  db: Executor,
  now: Date,
  limit = outboxPolicy.batchSize,
  priority?: 'transactional' | 'bulk',
) {
  const claimedUntil = new Date(now.getTime() + outboxPolicy.claimMs);
  const ofPriority =
    priority === 'transactional'
      ? eq(emailOutbox.priority, 0)
      : priority === 'bulk'
        ? gt(emailOutbox.priority, 0)
        : undefined;
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        or(
          and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)),
          and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.claimedUntil, now)),
        ),
        ofPriority,
      ),
    )
    // A password reset must not wait behind a 100,000-recipient announcement. The id last
    // makes the order total, so a crashed sender's batch is claimed again as the same set
    // (and so under the same batch idempotency key), unless other rows came before it.
    .orderBy(emailOutbox.priority, emailOutbox.nextAttemptAt, emailOutbox.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ status: 'sending', claimedUntil, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

export type OutboxRow = Awaited<ReturnType<typeof claimDueMail>>[number];

/** The rows of one claim: those still without a result, and those handed to the mailer. */
export type Claim = { until: Date; left: Map<string, OutboxRow>; tried: Set<string> };

export function claimOf(rows: OutboxRow[]): Claim {
  return {
    until: rows[0]!.claimedUntil!,
    left: new Map(rows.map((r) => [r.id, r])),
    tried: new Set(),
  };
}

/**
 * Renews the claim once half of it is spent (a slow provider, a batch fallen back to single
 * sends), so no other sender takes over rows this one is still working through. Rows whose
 * claim was taken over all the same belong to that sender now and are dropped from this one.
 */
export async function keepClaim(deps: DispatchDeps, claim: Claim) {
  const now = deps.clock.now().getTime();
  if (claim.until.getTime() - now > outboxPolicy.claimMs / 2 || claim.left.size === 0) return;
  const until = new Date(now + outboxPolicy.claimMs);
  const kept = await deps.db
    .update(emailOutbox)
    .set({ claimedUntil: until })
    .where(ours(claim))
    .returning({ id: emailOutbox.id });
  const still = new Set(kept.map((r) => r.id));
  for (const id of claim.left.keys()) if (!still.has(id)) claim.left.delete(id);
  claim.until = until;
}

/** The rows of this claim still unsent, as long as no other sender took them over. */
function ours(claim: Claim) {
  return and(
    inArray(emailOutbox.id, [...claim.left.keys()]),
    eq(emailOutbox.status, 'sending'),
    eq(emailOutbox.claimedUntil, claim.until),
  );
}

/**
 * A stopping pass gives back the rows it has not finished: 'pending', due at once, and the
 * attempt its claim counted taken back from rows never handed to the mailer.
 */
export async function giveBack(deps: DispatchDeps, claim: Claim) {
  if (claim.left.size === 0) return;
  const untried = [...claim.left.keys()].filter((id) => !claim.tried.has(id));
  await deps.db
    .update(emailOutbox)
    .set({
      status: 'pending',
      claimedUntil: null,
      attempts: sql`${emailOutbox.attempts} - (case when ${inArray(emailOutbox.id, untried)} then 1 else 0 end)`,
    })
    .where(ours(claim));
  claim.left.clear();
}
