import { sql } from 'drizzle-orm';
import type { Claim, OutboxRow } from './outbox-claim';
import { outboxPolicy, type DispatchDeps, type Totals } from './outbox-policy';
import type { MailTemplateId } from '../../emails';

export type Failure = { ok: false; error: string; retryable: boolean };

export type Outcome = { row: OutboxRow } & ({ ok: true; providerId: string | null } | Failure);

/**
 * Writes what became of rows, single or a whole batch, in ONE statement: each row's status,
 * error and next attempt, and the rules of what must not stay in the database.
 */
export async function record(
  deps: DispatchDeps,
  outcomes: Outcome[],
  claim: Claim,
  totals: Totals,
) {
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
    const erase = final && o.row.template === ('account-deleted' satisfies MailTemplateId);
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
