import { sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { rowsOf } from '../platform/sql-rows';

/** Delivery events are kept this long one by one; after it only their counts stay. */
export const deliveryEventRetentionDays = 90;

/**
 * Folds delivery events older than 90 days into per-person counts and deletes them, in one
 * statement (so a crash cannot count an event twice or lose it). Events about nobody (mail
 * to an address without an account) simply go.
 */
export async function foldOldDeliveryEvents(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deliveryEventRetentionDays * 86_400_000);
  const result = await deps.db.execute(sql`
    with gone as (
      delete from delivery_events where received_at < ${cutoff.toISOString()}::timestamptz
      returning user_id, outcome
    ), counted as (
      insert into delivery_counts (user_id, outcome, count, updated_at)
      select user_id, outcome, count(*)::int, ${now.toISOString()}::timestamptz
      from gone where user_id is not null group by user_id, outcome
      on conflict (user_id, outcome)
      do update set count = delivery_counts.count + excluded.count, updated_at = excluded.updated_at
      returning 1
    )
    select (select count(*)::int from gone) as n, (select count(*)::int from counted) as c`);
  // A person who changed their address is no longer suppressed (the list is keyed on the
  // address); the entry for the address they left goes too, so it is not kept about them.
  const left = await deps.db.execute(sql`
    delete from mail_suppressions s using users u
    where s.user_id = u.id and lower(u.email) <> s.address
    returning s.id`);
  return {
    deliveryEvents: rowsOf<{ n: number }>(result)[0]?.n ?? 0,
    suppressionsLeft: rowsOf(left).length,
  };
}
