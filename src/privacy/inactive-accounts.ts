import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { bookings, payments, users } from '../../db/schema';
import type { Deps } from '../deps';
import { formatDate } from '../i18n/format';
import { personTimeZone } from '../i18n/time-zone';
import { recordEvent } from '../core/activity';
import { mailLocale, queueMail } from '../mail/queue';
import { scheduleDeletionIn } from './deletion';

const day = 86_400_000;
type JobDeps = Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'notifyMail'>>;

/** How long before an unused account is deleted its owner is warned. */
export const inactivityWarningDays = 30;

/**
 * The last use of the service, which is what the privacy policy's "kept while you use the
 * service, then a year" counts from: a sign-in or visit, a change to the profile, a lesson
 * (its end, so a student staff book in who never signs in is still a student, and a lesson
 * still ahead keeps the account), a payment. An account never used counts from its creation.
 * (GREATEST skips NULLs.)
 */
const lastActivity = sql`greatest(
  coalesce(${users.lastActiveAt}, ${users.createdAt}),
  ${users.updatedAt},
  (select max(b.ends_at) from ${bookings} b where b.user_id = ${users.id} and b.status = 'confirmed'),
  (select max(p.paid_at) from ${payments} p where p.user_id = ${users.id}))`;
/** Confirmed accounts with no deletion pending: the only ones that can be retired. */
const candidates = and(isNotNull(users.emailVerifiedAt), isNull(users.deletionScheduledFor));
const recipient = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  timeZone: users.timeZone,
};

/**
 * INACTIVE_ACCOUNT_DAYS (default 365) after the last activity, an account is scheduled for
 * deletion like a self-service one (grace period, cancel link). 30 days before, its owner is
 * warned once; the deletion never comes sooner than 30 days after that warning, even when
 * the job did not run for a while. Any use of the service (see `lastActivity`) starts the
 * clock again, and a lesson still ahead stops it.
 */
export async function retireInactiveAccounts(deps: JobDeps) {
  const now = deps.clock.now();
  const warned = await warnInactiveAccounts(deps, now);
  const scheduled = await scheduleInactiveDeletions(deps, now);
  if (warned || scheduled) deps.notifyMail?.();
  return { warned, scheduled };
}

/** The warning, once per period of inactivity, with the earliest date the deletion may come. */
async function warnInactiveAccounts(deps: JobDeps, now: Date) {
  const inactiveDays = deps.config.inactiveAccountDays;
  const warnBefore = new Date(now.getTime() - (inactiveDays - inactivityWarningDays) * day);
  const toWarn = await deps.db
    .select({ ...recipient, last: sql<string>`${lastActivity}::text` })
    .from(users)
    .where(
      and(
        candidates,
        sql`${lastActivity} < ${warnBefore.toISOString()}::timestamptz`,
        // A warning from before the latest activity is stale: that period of inactivity ended.
        or(isNull(users.inactivityWarnedAt), sql`${users.inactivityWarnedAt} < ${lastActivity}`),
      ),
    );
  for (const user of toWarn) {
    const locale = mailLocale(deps, user.locale);
    const deletesAfter = new Date(
      Math.max(
        new Date(user.last).getTime() + inactiveDays * day,
        now.getTime() + inactivityWarningDays * day,
      ),
    );
    await deps.db.transaction(async (tx) => {
      await tx.update(users).set({ inactivityWarnedAt: now }).where(eq(users.id, user.id));
      await queueMail(deps, tx, {
        to: user.email,
        userId: user.id,
        locale,
        template: 'inactivity-warning',
        data: {
          name: user.name,
          date: formatDate(deletesAfter, locale, personTimeZone(user)),
        },
      });
      await recordEvent(tx, { userId: user.id, action: 'inactivity.warned', at: now });
    });
  }
  return toWarn.length;
}

/** Accounts warned long enough ago, and still unused since, are scheduled for deletion. */
async function scheduleInactiveDeletions(deps: JobDeps, now: Date) {
  const deleteBefore = new Date(now.getTime() - deps.config.inactiveAccountDays * day);
  const warnedLongEnoughAgo = new Date(now.getTime() - inactivityWarningDays * day);
  const toSchedule = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        candidates,
        sql`${lastActivity} < ${deleteBefore.toISOString()}::timestamptz`,
        isNotNull(users.inactivityWarnedAt),
        sql`${users.inactivityWarnedAt} >= ${lastActivity}`,
        lte(users.inactivityWarnedAt, warnedLongEnoughAgo),
      ),
    );
  let scheduled = 0;
  for (const { id } of toSchedule) {
    await deps.db.transaction(async (tx) => {
      const [user] = await tx
        .select(recipient)
        .from(users)
        .where(and(eq(users.id, id), isNull(users.deletionScheduledFor)))
        .for('update');
      if (!user) return;
      await scheduleDeletionIn(deps, tx, user, 'inactivity');
      scheduled++;
    });
  }
  return scheduled;
}
