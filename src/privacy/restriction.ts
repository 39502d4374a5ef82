import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { cancelQueuedAnnouncements } from '../subscriptions';

/**
 * Restricts processing while the person disputes their data (GDPR art. 18): optional mail
 * stops and staff see a banner, both read from `processing_restricted_at`. Setting it again
 * updates the reason and keeps the original time.
 */
export async function restrictProcessing(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  reason: string,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ at: users.processingRestrictedAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    await tx
      .update(users)
      .set({
        processingRestrictedAt: user?.at ?? now,
        processingRestrictionReason: reason,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
    // The reason is the person's own words about their data; the log records that, not what.
    // Restriction means no optional mail from now on, including announcements already queued.
    await cancelQueuedAnnouncements(tx, userId);
    await recordEvent(tx, {
      userId,
      action: 'processing.restricted',
      at: now,
      meta,
      details: { updated: !!user?.at },
    });
  });
}

/** Lifts the restriction; returns false when there was none. */
export async function liftRestriction(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ at: users.processingRestrictedAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!user?.at) return false;
    await tx
      .update(users)
      .set({ processingRestrictedAt: null, processingRestrictionReason: null, updatedAt: now })
      .where(eq(users.id, userId));
    await recordEvent(tx, { userId, action: 'processing.unrestricted', at: now, meta });
    return true;
  });
}
