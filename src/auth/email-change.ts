import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { hitRate } from '../http/rate-limit';
import { emailedLink } from '../mail/emailed-link';
import { queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import {
  accessLinkPurposes,
  consumeEmailToken,
  revokeEmailTokens,
  type TokenFailure,
} from '../core/email-tokens';
import { notMeLink } from './not-me';
import { invalidateUserSessions } from '../sessions/invalidate';
import { authRules, hitRecipientLimit, rateSubject } from './rules';
import { findUserByEmail, findUserById } from '../core/users';
import { isUniqueViolation } from '../platform/db-errors';

/**
 * Starts an email change: a link goes to the new address. If that address already has an
 * account, it gets a note instead, and the requester sees the same answer (no enumeration).
 */
export async function requestEmailChange(
  deps: Deps,
  input: { userId: string; newEmail: string },
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const now = deps.clock.now();
  const limited = await hitRate(
    deps.db,
    authRules(deps.config).emailsPerAccount,
    rateSubject(input.userId),
    now,
  );
  if (!limited.ok) return { ok: false, retryAfterSeconds: limited.retryAfterSeconds };
  const byRecipient = await hitRecipientLimit(deps, input.newEmail, now);
  if (!byRecipient.ok) return { ok: false, retryAfterSeconds: byRecipient.retryAfterSeconds };
  await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) return;
    const taken = await findUserByEmail(tx, input.newEmail);
    if (taken) {
      if (taken.id === user.id) return;
      await queueMail(deps, tx, {
        to: input.newEmail,
        userId: null,
        locale: user.locale,
        template: 'email-change-taken',
      });
      return;
    }
    await revokeEmailTokens(tx, user.id, 'change-email', now);
    await queueMail(deps, tx, {
      to: input.newEmail,
      userId: user.id,
      locale: user.locale,
      template: 'email-change-confirm',
      data: {
        name: user.name,
        url: await emailedLink(deps, tx, {
          purpose: 'change-email',
          userId: user.id,
          now,
          payload: { newEmail: input.newEmail },
          path: '/account/email/confirm',
        }),
      },
    });
    await recordEvent(tx, { userId: user.id, action: 'email.change-requested', at: now, meta });
  });
  deps.notifyMail();
  return { ok: true };
}

/**
 * Moves the account to the confirmed address. Like any recovery event, it ends the other
 * sessions and voids the links sent to the old address (a reset link there would otherwise
 * still lead in); the old address is told, with a "This wasn't me" that undoes the move for
 * the link's 7 days. `current` is the confirming browser's own session, which stays.
 */
export async function confirmEmailChange(
  deps: Deps,
  token: string,
  meta: RequestMeta,
  current?: { userId: string; sessionId: string },
): Promise<{ ok: true; email: string } | { ok: false; reason: TokenFailure | 'taken' }> {
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction(async (tx) => {
      const used = await consumeEmailToken(tx, 'change-email', token, now);
      if (!used.ok) return used;
      const stored = used.row.payload?.newEmail;
      const newEmail = typeof stored === 'string' ? stored : '';
      const before = await findUserById(tx, used.row.userId);
      if (!before || !newEmail) return { ok: false as const, reason: 'invalid' as const };
      await tx
        .update(users)
        .set({ email: newEmail, emailVerifiedAt: now, updatedAt: now })
        .where(eq(users.id, before.id));
      const sessionsEnded = await invalidateUserSessions(
        tx,
        before.id,
        current?.userId === before.id ? current.sessionId : undefined,
      );
      await revokeEmailTokens(tx, before.id, accessLinkPurposes, now);
      await queueMail(deps, tx, {
        to: before.email,
        userId: before.id,
        locale: before.locale,
        template: 'email-changed',
        data: {
          name: before.name,
          newEmail,
          // "Not me" from this mail puts the old address back (see reportNotMe).
          notMeUrl: await notMeLink(deps, tx, before.id, now, { restoreEmail: before.email }),
        },
      });
      await recordEvent(tx, {
        userId: before.id,
        action: 'email.changed',
        at: now,
        meta,
        details: { sessionsEnded },
      });
      return { ok: true as const, email: newEmail };
    });
    deps.notifyMail();
    return result;
  } catch (err) {
    // Someone registered the address between the request and the confirmation.
    if (isUniqueViolation(err)) return { ok: false, reason: 'taken' };
    throw err;
  }
}
