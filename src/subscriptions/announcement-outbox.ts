import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db-types';
import type { MailTemplateId } from '../../emails';

export const announcementTemplate = 'announcement' satisfies MailTemplateId;

/**
 * The outbox id of one person's copy of one announcement, derived from the two ids. The
 * primary key then makes a second copy impossible (queuing again, a retried job, two
 * instances) without a column the outbox schema lacks, and because the dispatcher uses the
 * row id as Resend's idempotency key, the provider refuses a duplicate as well.
 */
export function announcementMailId(announcementId: string | SQL, userId: string | SQL): SQL {
  return sql`md5(${announcementId}::text || ':' || ${userId}::text)::uuid`;
}

/**
 * Drops list mail still waiting in the outbox for someone who just left the list (or, with
 * no list, every waiting list mail: for a restriction or a scheduled deletion), so a mail
 * queued a minute before the unsubscribe is not delivered a minute after it.
 */
export async function cancelQueuedAnnouncements(tx: Executor, userId: string, list?: string) {
  const ofList = list
    ? sql`and id in (select ${announcementMailId(sql`a.id`, sql`${userId}`)} from announcements a where a.list_slug = ${list})`
    : sql``;
  await tx.execute(sql`
    delete from email_outbox
    where user_id = ${userId} and template = ${announcementTemplate} and status = 'pending' ${ofList}`);
}
