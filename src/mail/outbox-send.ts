import { maxBatchSize, type OutgoingMail } from '../platform/mailer';
import { claimOf, giveBack, keepClaim, type Claim, type OutboxRow as Row } from './outbox-claim';
import { outboxPolicy, type DispatchDeps, type Totals } from './outbox-policy';
import { record, type Failure } from './outbox-record';
import { holdBackSuppressed } from './suppressions';

export type DispatchOptions = {
  /**
   * Asks the pass to stop (shutdown): it claims nothing more, lets the provider calls in
   * flight finish for up to `graceMs` (then cuts them: a retryable failure, retried under the
   * same key), and gives the rest of its claim back as 'pending'.
   */
  signal?: AbortSignal;
  graceMs?: number;
};

export type Stop = ReturnType<typeof stopControl>;

/** `requested()` once the caller asked to stop; `cut` fires `graceMs` later, for calls in flight. */
export function stopControl({ signal, graceMs = outboxPolicy.stopGraceMs }: DispatchOptions) {
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

export async function sendClaimed(deps: DispatchDeps, claimed: Row[], totals: Totals, stop: Stop) {
  if (claimed.length === 0) return;
  const rows = await holdBackSuppressed(deps.db, claimed);
  if (rows.length === 0) return;
  const claim = claimOf(rows);
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
