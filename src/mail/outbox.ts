import { and, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { emailOutbox, type MailAttachment } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import type { Deps } from '../deps';
import { maxBatchSize, type OutgoingMail } from '../platform/mailer';

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
  /** 0 (the default): transactional; 1: bulk (announcements), sent in batches. */
  priority?: number;
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

type Row = Awaited<ReturnType<typeof claimDueMail>>[number];
type DispatchDeps = Pick<Deps, 'db' | 'mailer' | 'clock' | 'config'>;
type Totals = { sent: number; retried: number; failed: number };

export type DispatchOptions = {
  /**
   * Asks the pass to stop (shutdown): it claims nothing more, lets the provider calls in
   * flight finish for up to `graceMs` (then cuts them: a retryable failure, retried under the
   * same key), and gives the rest of its claim back as 'pending'.
   */
  signal?: AbortSignal;
  graceMs?: number;
};

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

type Stop = ReturnType<typeof stopControl>;

/** `requested()` once the caller asked to stop; `cut` fires `graceMs` later, for calls in flight. */
function stopControl({ signal, graceMs = outboxPolicy.stopGraceMs }: DispatchOptions) {
  const cut = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onStop = () => {
    timer = setTimeout(() => cut.abort(new Error('the sender stopped')), graceMs);
  };
  if (signal?.aborted) onStop();
  else signal?.addEventListener('abort', onStop, { once: true });
  return {
    requested: () => signal?.aborted ?? false,
    cut: signal ? cut.signal : undefined,
    dispose() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onStop);
    },
  };
}

/** The rows of one claim: those still without a result, and those handed to the mailer. */
type Claim = { until: Date; left: Map<string, Row>; tried: Set<string> };

async function sendClaimed(deps: DispatchDeps, rows: Row[], totals: Totals, stop: Stop) {
  if (rows.length === 0) return;
  const claim: Claim = {
    until: rows[0]!.claimedUntil!,
    left: new Map(rows.map((r) => [r.id, r])),
    tried: new Set(),
  };
  const batchable = deps.mailer.sendBatch
    ? rows.filter((r) => r.priority > 0 && !r.attachments?.length)
    : [];
  const alone = rows.filter((r) => !batchable.includes(r));
  const units: Row[][] = [...alone.map((r) => [r])];
  for (let i = 0; i < batchable.length; i += maxBatchSize) {
    units.push(batchable.slice(i, i + maxBatchSize));
  }
  for (const unit of units) {
    if (stop.requested()) break;
    await keepClaim(deps, claim);
    const mine = unit.filter((r) => claim.left.has(r.id));
    if (mine.length > 1) await sendBatch(deps, mine, claim, totals, stop);
    else if (mine.length === 1) await sendOne(deps, mine[0]!, claim, totals, stop);
  }
  // Only a stop leaves rows without a result: they go back for the next sender.
  await giveBack(deps, claim);
}

function messageOf(deps: DispatchDeps, row: Row): OutgoingMail {
  return {
    from: deps.config.mailFrom,
    to: row.toAddress,
    subject: row.subject,
    html: row.html ?? '',
    text: row.text ?? '',
    headers: row.headers ?? undefined,
    attachments: row.attachments ?? undefined,
  };
}

async function sendOne(deps: DispatchDeps, row: Row, claim: Claim, totals: Totals, stop: Stop) {
  claim.tried.add(row.id);
  const result = await callMailer(
    () => deps.mailer.send(messageOf(deps, row), row.id, { signal: stop.cut }),
    stop.cut,
  );
  await record(
    deps,
    [result.ok ? { row, ok: true, providerId: result.providerId } : { row, ...result }],
    claim,
    totals,
  );
}

/**
 * One provider call for up to 100 bulk rows, under a key derived from the sorted row ids.
 * Accepted: every row is sent. A retryable failure (5xx, 429, timeout, lost answer): every
 * row is retried with the usual backoff, and the retry, carrying the same rows, carries the
 * same key, so a batch the provider did take is not delivered twice.
 * Known limit: after a crash (or a stop that cut the call) the rows are claimed again in
 * claim order, normally as the same set; if other rows come between (a retry whose backoff
 * ended, another sender taking part of the set), the new set has a new key, and a message
 * the provider had already taken from the lost call is delivered a second time. Single sends
 * do not have this limit: their key is the row id.
 * Rejected (4xx: strict validation refuses the whole batch for one bad message): the rows go
 * one by one, so one bad address does not hold back the other 99.
 */
async function sendBatch(
  deps: DispatchDeps,
  rows: Row[],
  claim: Claim,
  totals: Totals,
  stop: Stop,
) {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const key = await batchKey(sorted);
  for (const row of sorted) claim.tried.add(row.id);
  const messages = sorted.map((row) => messageOf(deps, row));
  const result = await callMailer(
    () => deps.mailer.sendBatch!(messages, key, { signal: stop.cut }),
    stop.cut,
  );
  if (result.ok) {
    const sent = sorted.map((row, i) => ({
      row,
      ok: true as const,
      providerId: result.providerIds[i] ?? null,
    }));
    await record(deps, sent, claim, totals);
  } else if (result.retryable) {
    await record(
      deps,
      sorted.map((row) => ({ row, ...result })),
      claim,
      totals,
    );
  } else {
    for (const row of sorted) {
      if (stop.requested()) return;
      await keepClaim(deps, claim);
      if (claim.left.has(row.id)) await sendOne(deps, row, claim, totals, stop);
    }
  }
}

/** Resend remembers a key for 24 hours and takes at most 256 characters: this is 70. */
async function batchKey(sortedRows: Row[]) {
  const ids = new TextEncoder().encode(sortedRows.map((r) => r.id).join(','));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ids));
  return `batch-${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

type Failure = { ok: false; error: string; retryable: boolean };

/**
 * The mailer's answer, or a retryable failure when it throws or when `cut` fires first
 * (the mailer is given the signal too; the race bounds one that ignores it).
 */
async function callMailer<T extends { ok: boolean }>(
  call: () => Promise<T>,
  cut?: AbortSignal,
): Promise<T | Failure> {
  const failed = (error: string): Failure => ({ ok: false, retryable: true, error });
  // A throwing mailer must not strand the rest of the claim as "sending" until it expires.
  const sending = Promise.resolve()
    .then(call)
    .catch((err: unknown) => failed(`thrown: ${String(err)}`));
  if (!cut) return sending;
  let onCut = () => {};
  const cutOff = new Promise<Failure>((resolve) => {
    onCut = () => resolve(failed('aborted: the sender stopped'));
    if (cut.aborted) onCut();
    else cut.addEventListener('abort', onCut, { once: true });
  });
  try {
    return await Promise.race([sending, cutOff]);
  } finally {
    cut.removeEventListener('abort', onCut);
  }
}

type Outcome = { row: Row } & ({ ok: true; providerId: string | null } | Failure);

/**
 * Writes what became of rows, single or a whole batch, in ONE statement: each row's status,
 * error and next attempt, and the rules of what must not stay in the database.
 */
async function record(deps: DispatchDeps, outcomes: Outcome[], claim: Claim, totals: Totals) {
  const now = deps.clock.now();
  const values = outcomes.map((o) => {
    const giveUp = !o.ok && (!o.retryable || o.row.attempts >= outboxPolicy.maxAttempts);
    const status = o.ok ? 'sent' : giveUp ? 'failed' : 'pending';
    totals[o.ok ? 'sent' : giveUp ? 'failed' : 'retried']++;
    claim.left.delete(o.row.id);
    // Mail that has gone, or never will: its link has no reader left but the database.
    const final = status !== 'pending';
    // A live link in a real mail must not sit readable in our database; the dev mailbox keeps
    // it. Headers too: a List-Unsubscribe header carries a live token.
    const scrub = final && o.row.containsSecret && deps.mailer.kind !== 'dev';
    // The farewell to a deleted person is the last trace of their address: once it has gone
    // (or will never go), nothing of it stays, not even in the dev mailbox.
    const erase = final && o.row.template === 'account-deleted';
    const nextAttemptAt = o.ok
      ? null
      : new Date(now.getTime() + outboxPolicy.backoffMs(o.row.attempts)).toISOString();
    return sql`(${o.row.id}::uuid, ${status}::text, ${o.ok ? o.providerId : null}::text,
      ${nextAttemptAt}::timestamptz, ${o.ok ? null : o.error.slice(0, 500)}::text, ${scrub}::boolean, ${erase}::boolean)`;
  });
  await deps.db.execute(sql`
    update email_outbox as o set
      status = v.status,
      claimed_until = null,
      sent_at = case when v.status = 'sent' then ${now.toISOString()}::timestamptz else o.sent_at end,
      provider_id = case when v.status = 'sent' then v.provider_id else o.provider_id end,
      last_error = v.last_error,
      next_attempt_at = coalesce(v.next_attempt_at, o.next_attempt_at),
      html = case when v.scrub or v.erase then null else o.html end,
      "text" = case when v.scrub or v.erase then null else o."text" end,
      headers = case when v.scrub or v.erase then null else o.headers end,
      attachments = case when v.erase then null else o.attachments end,
      to_address = case when v.erase then 'erased' else o.to_address end
    from (values ${sql.join(values, sql`, `)}) as v(id, status, provider_id, next_attempt_at, last_error, scrub, erase)
    where o.id = v.id`);
}

/**
 * Renews the claim once half of it is spent (a slow provider, a batch fallen back to single
 * sends), so no other sender takes over rows this one is still working through. Rows whose
 * claim was taken over all the same belong to that sender now and are dropped from this one.
 */
async function keepClaim(deps: DispatchDeps, claim: Claim) {
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
async function giveBack(deps: DispatchDeps, claim: Claim) {
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
