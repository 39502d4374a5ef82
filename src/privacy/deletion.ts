import { personTimeZone } from '../i18n/time-zone';
import { and, eq, gt, lte } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { formatDate } from '../i18n/format';
import { localeOr } from '../i18n';
import { recordEvent, type RequestMeta } from '../core/activity';
import { emailedLink } from '../mail/emailed-link';
import { queueMail } from '../mail/queue';
import {
  consumeEmailToken,
  revokeEmailTokens,
  tokenTtlMs,
  type TokenFailure,
} from '../core/email-tokens';
import { invalidateUserSessions } from '../sessions/invalidate';
import { cancelQueuedAnnouncements } from '../subscriptions';
import { purgeAccount } from './purge';

const day = 86_400_000;

export type DeletionReason = 'self-service' | 'inactivity';

/** When a deletion asked for now takes place: DELETION_GRACE_DAYS later (0: at once). */
export const deletionDate = (deps: Pick<Deps, 'clock' | 'config'>) =>
  new Date(deps.clock.now().getTime() + deps.config.deletionGraceDays * day);

/**
 * Schedules the account for deletion inside `tx`: sets the date, ends every session, and
 * mails a notice with a single-use cancel link that outlives the grace period.
 */
export async function scheduleDeletionIn(
  deps: Pick<Deps, 'clock' | 'config'>,
  tx: Executor,
  user: { id: string; email: string; name: string; locale: string; timeZone?: string | null },
  reason: DeletionReason,
  meta?: RequestMeta,
) {
  const now = deps.clock.now();
  const at = deletionDate(deps);
  await tx
    .update(users)
    .set({ deletionScheduledFor: at, updatedAt: now })
    .where(eq(users.id, user.id));
  const sessionsEnded = await invalidateUserSessions(tx, user.id);
  await cancelQueuedAnnouncements(tx, user.id);
  await revokeEmailTokens(tx, user.id, 'cancel-deletion', now);
  const locale = localeOr(user.locale);
  await queueMail(deps, tx, {
    to: user.email,
    userId: user.id,
    locale,
    template: 'deletion-scheduled',
    data: {
      name: user.name,
      date: formatDate(at, locale, personTimeZone(user)),
      cancelUrl: await emailedLink(deps, tx, {
        purpose: 'cancel-deletion',
        userId: user.id,
        now,
        ttlMs: Math.max(tokenTtlMs['cancel-deletion'], at.getTime() - now.getTime() + day),
        path: '/account/deletion/cancel',
      }),
      reason,
    },
  });
  await recordEvent(tx, {
    userId: user.id,
    action: 'deletion.scheduled',
    at: now,
    meta,
    details: { by: reason, scheduledFor: at.toISOString(), sessionsEnded },
  });
  return at;
}

/**
 * "Delete my account": schedules the deletion; the caller clears the cookie. With no grace
 * period (DELETION_GRACE_DAYS=0) the account is erased in this request, through the one purge:
 * there is nothing to cancel, so no notice with a cancel link goes out, only the farewell.
 */
export async function requestDeletion(deps: Deps, userId: string, meta: RequestMeta) {
  if (deps.config.deletionGraceDays === 0) {
    const now = deps.clock.now();
    const erased = await purgeAccount(deps, userId, 'scheduled', undefined);
    return erased ? now : null;
  }
  const at = await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        timeZone: users.timeZone,
      })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!user) return null;
    return scheduleDeletionIn(deps, tx, user, 'self-service', meta);
  });
  deps.notifyMail();
  return at;
}

/**
 * Cancels a pending deletion. Returns whether one was cancelled; a deletion whose date has
 * passed is final (the purge may simply not have run yet) and is never cancelled.
 */
export async function cancelDeletion(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  meta: RequestMeta,
  by: 'cabinet' | 'link',
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({
        deletionScheduledFor: null,
        inactivityWarnedAt: null,
        lastActiveAt: now,
        updatedAt: now,
      })
      .where(and(eq(users.id, userId), gt(users.deletionScheduledFor, now)))
      .returning({ id: users.id });
    if (rows.length === 0) return false;
    await revokeEmailTokens(tx, userId, 'cancel-deletion', now);
    await recordEvent(tx, { userId, action: 'deletion.cancelled', at: now, meta, details: { by } });
    return true;
  });
}

/** The emailed "Keep my account" link (POST only: opening the link changes nothing). */
export async function cancelDeletionByToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; reason: TokenFailure }> {
  const now = deps.clock.now();
  const used = await consumeEmailToken(deps.db, 'cancel-deletion', token, now);
  if (!used.ok) return used;
  if (await cancelDeletion(deps, used.row.userId, meta, 'link')) return { ok: true };
  // Too late: the grace period is over, so the link has expired with it.
  const [due] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, used.row.userId), lte(users.deletionScheduledFor, now)));
  return due ? { ok: false, reason: 'expired' } : { ok: true };
}
