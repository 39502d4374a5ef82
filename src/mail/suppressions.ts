import { sql, type SQLWrapper } from 'drizzle-orm';
import { mailSuppressions, users, type SuppressionReason } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { rowsOf } from '../platform/sql-rows';
import type { OutboxRow } from './outbox-claim';

/**
 * A suppressed copy is never sent: a live link in it (an unsubscribe token, in the body and
 * the List-Unsubscribe header) has no reader but the database, so it goes.
 */
const dropSecrets = sql.raw(`
  html = case when contains_secret then null else html end,
  "text" = case when contains_secret then null else "text" end,
  headers = case when contains_secret then null else headers end`);

/**
 * Takes the optional (bulk) rows of a claim whose address is on the suppression list out of
 * it and marks them `suppressed`, in one statement; returns the rows left to send. Checked at
 * send time rather than only at queue time, so a bounce that arrives while a 10,000-recipient
 * announcement is going out stops the copies still waiting. Service mail (priority 0) is never
 * held back: a person must still hear about their account.
 */
export async function holdBackSuppressed(db: Executor, rows: OutboxRow[]): Promise<OutboxRow[]> {
  const bulk = rows.filter((r) => r.priority > 0);
  if (bulk.length === 0) return rows;
  const held = await db.execute(sql`
    update email_outbox as o set status = 'suppressed', claimed_until = null, ${dropSecrets}
    from mail_suppressions s
    where o.id in (${sql.join(
      bulk.map((r) => sql`${r.id}::uuid`),
      sql`, `,
    )}) and o.status = 'sending' and s.address = lower(o.to_address)
    returning o.id`);
  const ids = new Set(rowsOf<{ id: string }>(held).map((r) => r.id));
  return ids.size ? rows.filter((r) => !ids.has(r.id)) : rows;
}

/**
 * Marks optional mail still waiting for `address` as suppressed, in the caller's transaction:
 * the announcement's counts show it at once, not only when the sender reaches it.
 */
async function suppressWaiting(tx: Executor, address: string) {
  await tx.execute(sql`
    update email_outbox set status = 'suppressed', ${dropSecrets}
    where status = 'pending' and priority > 0 and lower(to_address) = ${address.toLowerCase()}`);
}

/** Puts an address on the suppression list (kept as it was, first reason wins). */
export async function suppressAddress(
  tx: Executor,
  s: {
    address: string;
    userId: string | null;
    reason: SuppressionReason;
    eventId: string;
    at: Date;
  },
) {
  await tx
    .insert(mailSuppressions)
    .values({
      address: s.address.toLowerCase(),
      userId: s.userId,
      reason: s.reason,
      eventId: s.eventId,
      createdAt: s.at,
    })
    .onConflictDoNothing();
  await suppressWaiting(tx, s.address);
}

/**
 * Takes the person's addresses off the list: they changed it, or confirmed that it works.
 * Returns how many entries went.
 */
export async function clearSuppressions(db: Executor, userId: string) {
  const gone = await db
    .delete(mailSuppressions)
    .where(
      sql`(${mailSuppressions.userId} = ${userId} or ${mailSuppressions.address} = (select lower(email) from users where id = ${userId}))`,
    )
    .returning({ id: mailSuppressions.id });
  return gone.length;
}

/**
 * Why mail to the person's current address is held back (a bounce, a complaint), or null: a
 * subquery for the caller's own statement (the cabinet's overview asks it with its counts).
 */
export function suppressionReasonOf(userId: SQLWrapper) {
  return sql<SuppressionReason | null>`(select m.reason from ${mailSuppressions} m
    join ${users} u on m.address = lower(u.email) where u.id = ${userId})`;
}
