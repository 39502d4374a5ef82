import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db-types';
import { rowsOf } from '../platform/sql-rows';

/**
 * Who may get a list mail, over `subscriptions s join users u`: a confirmed subscription
 * (pending is not consent yet), a verified address, processing not restricted (the person
 * asked us to stop using their data while a dispute runs) and no deletion scheduled.
 * One fragment, so the preview's count and the queuing can never disagree.
 */
export function eligibleSubscriber(list: string): SQL {
  return sql`s.list_slug = ${list}
    and s.status = 'subscribed'
    and u.email_verified_at is not null
    and u.processing_restricted_at is null
    and u.deletion_scheduled_for is null`;
}

/** How many people a mail to `list` would reach now. */
export async function countRecipients(db: Executor, list: string): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from subscriptions s join users u on u.id = s.user_id
    where ${eligibleSubscriber(list)}`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
