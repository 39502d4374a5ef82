import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { emailOutbox, type MailAttachment } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import type { Deps } from '../deps';
import type { SendResult } from './message';

export type EnqueueInput = {
  userId?: string | null;
  toAddress: string;
  template: string;
  locale: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  containsSecret?: boolean;
};

/**
 * Queues a rendered message. Call it with the transaction that makes the change the mail
 * is about, so the mail exists if and only if the change committed.
 */
export async function enqueueMail(tx: Executor, input: EnqueueInput, now: Date) {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ ...input, nextAttemptAt: now, createdAt: now })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

export const outboxPolicy = {
  maxAttempts: 8,
  batchSize: 25,
  /** A claim older than this is taken to belong to a crashed sender and is taken over. */
  claimMs: 2 * 60_000,
  backoffMs: (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 6 * 3_600_000),
};

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED, so any number of senders (instances, timers,
 * the CLI) can run at once and never take the same row.
 */
export async function claimDueMail(db: Executor, now: Date, limit = outboxPolicy.batchSize) {
  const claimedUntil = new Date(now.getTime() + outboxPolicy.claimMs);
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)),
        and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.claimedUntil, now)),
      ),
    )
    // A password reset must not wait behind a 100,000-recipient announcement.
    .orderBy(emailOutbox.priority, emailOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ status: 'sending', claimedUntil, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

type Row = Awaited<ReturnType<typeof claimDueMail>>[number];

/** Sends everything due now; returns how many were sent, retried later, and given up. */
export async function dispatchMail(deps: Pick<Deps, 'db' | 'mailer' | 'clock' | 'config'>) {
  const totals = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const rows = await claimDueMail(deps.db, deps.clock.now());
    if (rows.length === 0) return totals;
    for (const row of rows) totals[await sendOne(deps, row)]++;
    if (rows.length < outboxPolicy.batchSize) return totals;
  }
}

async function sendOne(deps: Pick<Deps, 'db' | 'mailer' | 'clock' | 'config'>, row: Row) {
  const message = {
    from: deps.config.mailFrom,
    to: row.toAddress,
    subject: row.subject,
    html: row.html ?? '',
    text: row.text ?? '',
    headers: row.headers ?? undefined,
    attachments: row.attachments ?? undefined,
  };
  // A throwing mailer must not strand the rest of the batch as "sending" until the claim ends.
  const result: SendResult = await deps.mailer
    .send(message, row.id)
    .catch((err: unknown) => ({ ok: false, retryable: true, error: `thrown: ${String(err)}` }));
  const now = deps.clock.now();
  // A live link in a real mail must not sit readable in our database; the dev mailbox keeps it.
  // Headers too: a List-Unsubscribe header carries a live token.
  const scrub = row.containsSecret && deps.mailer.kind !== 'dev' ? { html: null, text: null, headers: null } : {};
  // The farewell to a deleted person is the last trace of their address: once it has gone
  // (or will never go), nothing of it stays, not even in the dev mailbox.
  const farewell =
    row.template === 'account-deleted'
      ? { toAddress: 'erased', html: null, text: null, headers: null, attachments: null }
      : {};
  if (result.ok) {
    await deps.db
      .update(emailOutbox)
      .set({
        status: 'sent',
        sentAt: now,
        providerId: result.providerId,
        claimedUntil: null,
        lastError: null,
        ...scrub,
        ...farewell,
      })
      .where(eq(emailOutbox.id, row.id));
    return 'sent' as const;
  }
  const giveUp = !result.retryable || row.attempts >= outboxPolicy.maxAttempts;
  await deps.db
    .update(emailOutbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      claimedUntil: null,
      lastError: result.error.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + outboxPolicy.backoffMs(row.attempts)),
      // Mail given up on never leaves, so its link has no reader left but the database.
      ...(giveUp ? { ...scrub, ...farewell } : {}),
    })
    .where(eq(emailOutbox.id, row.id));
  return giveUp ? ('failed' as const) : ('retried' as const);
}
