import { and, eq, gt, sql } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import type { UserRow } from '../core/users';
import { formatDateTime } from '../i18n/format';
import { personTimeZone } from '../i18n/time-zone';
import { mailLocale, queueMail } from '../mail/queue';
import { rowsOf } from '../platform/sql-rows';
import { describeDevice } from '../views/device-label';
import { notMeLink } from './not-me';

/**
 * What every successful sign-in does, whatever the credential: note activity, cancel a
 * pending deletion (signing in is the way back), and warn about a device not seen before.
 * Returns whether mail was queued: most sign-ins queue none, and waking the outbox for
 * nothing costs every one of them a query.
 */
export async function completeSignIn(
  deps: Deps,
  tx: Tx,
  user: UserRow,
  meta: RequestMeta,
  method:
    'password' | 'password+totp' | 'password+recovery-code' | 'passkey' | 'reset' | 'verify-email',
): Promise<{ mailQueued: boolean }> {
  const now = deps.clock.now();
  const history = await signInHistory(tx, user.id, meta.userAgent);
  await tx
    .update(users)
    .set({ lastActiveAt: now, inactivityWarnedAt: null })
    .where(eq(users.id, user.id));
  let mailQueued = false;
  // Signing in within the grace period cancels a deletion; after it, never (the callers refuse
  // such an account; the condition here also holds against a race with the date).
  if (user.deletionScheduledFor) {
    const cancelled = await tx
      .update(users)
      .set({ deletionScheduledFor: null })
      .where(and(eq(users.id, user.id), gt(users.deletionScheduledFor, now)))
      .returning({ id: users.id });
    if (cancelled.length) {
      await tellDeletionCancelled(deps, tx, user, meta, now);
      mailQueued = true;
    }
  }
  await recordEvent(tx, { userId: user.id, action: 'sign-in', at: now, meta, details: { method } });
  if (history.seen && !history.sameDevice) {
    const locale = mailLocale(deps, user.locale);
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale,
      template: 'new-sign-in',
      data: {
        name: user.name,
        when: formatDateTime(now, locale, personTimeZone(user)),
        ip: meta.ip ?? '?',
        device: describeDevice(meta.userAgent),
        notMeUrl: await notMeLink(deps, tx, user.id, now),
      },
    });
    mailQueued = true;
  }
  return { mailQueued };
}

type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

/** Whether the person signed in before, and from this device (its User-Agent). */
async function signInHistory(tx: Tx, userId: string, userAgent: string | null) {
  // EXISTS, not count(*): a person with years of sign-ins should not make each one slower.
  const sameAgent =
    userAgent === null
      ? sql`${auditEvents.userAgent} is null`
      : sql`${auditEvents.userAgent} = ${userAgent}`;
  const signIns = sql`${auditEvents.userId} = ${userId} and ${auditEvents.action} = 'sign-in'`;
  const [history] = rowsOf<{ seen: boolean; sameDevice: boolean }>(
    await tx.execute(sql`select
      exists (select 1 from ${auditEvents} where ${signIns}) as "seen",
      -- A client that sends no User-Agent is the same "device" each time, not a new one.
      exists (select 1 from ${auditEvents} where ${signIns} and ${sameAgent}) as "sameDevice"`),
  );
  return history!;
}

/** The deletion this sign-in cancelled: recorded, and told by mail with a way to ask again. */
async function tellDeletionCancelled(
  deps: Deps,
  tx: Tx,
  user: UserRow,
  meta: RequestMeta,
  now: Date,
) {
  await recordEvent(tx, {
    userId: user.id,
    action: 'deletion.cancelled',
    at: now,
    meta,
    details: { by: 'sign-in' },
  });
  const locale = mailLocale(deps, user.locale);
  await queueMail(deps, tx, {
    to: user.email,
    userId: user.id,
    locale,
    template: 'deletion-cancelled',
    data: {
      name: user.name,
      when: formatDateTime(now, locale, personTimeZone(user)),
      notMeUrl: await notMeLink(deps, tx, user.id, now),
    },
  });
}
