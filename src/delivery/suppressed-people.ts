import { desc, eq, sql } from 'drizzle-orm';
import { mailSuppressions, users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, recordListed, type RequestMeta } from '../core/activity';
import { clearSuppressions } from '../mail/suppressions';

const suppressedPageSize = 100;

/**
 * The addresses optional mail no longer goes to, newest first, with the person (when the
 * address is still theirs) and why. Seeing someone listed is seeing their data: each person
 * listed gets an access event in their own activity, as a search does.
 */
export async function listSuppressed(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: { staffId: string; meta: RequestMeta },
  page: number,
) {
  const rows = await deps.db
    .select({
      address: mailSuppressions.address,
      reason: mailSuppressions.reason,
      since: mailSuppressions.createdAt,
      userId: users.id,
      name: users.name,
    })
    .from(mailSuppressions)
    .leftJoin(users, eq(sql`lower(${users.email})`, mailSuppressions.address))
    .orderBy(desc(mailSuppressions.createdAt), desc(mailSuppressions.id))
    .limit(suppressedPageSize + 1)
    .offset((page - 1) * suppressedPageSize);
  const shown = rows.slice(0, suppressedPageSize);
  const now = deps.clock.now();
  await recordListed(deps.db, {
    actorId: act.staffId,
    userIds: shown.flatMap((r) => (r.userId ? [r.userId] : [])),
    at: now,
    meta: act.meta,
  });
  return { rows: shown, page, hasMore: rows.length > suppressedPageSize };
}

/**
 * The person says their address works again (they fixed the full mailbox, or the complaint
 * was a slip): it comes off the list, and their activity says so.
 */
export async function reconfirmAddress(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    const cleared = await clearSuppressions(tx, userId);
    if (cleared) {
      await recordEvent(tx, {
        userId,
        action: 'mail.address-reconfirmed',
        at: deps.clock.now(),
        meta,
      });
    }
    return cleared > 0;
  });
}
