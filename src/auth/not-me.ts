import { and, eq, gte, or } from 'drizzle-orm';
import { passkeys, recoveryCodes, totpCredentials, users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { emailedLink } from '../mail/emailed-link';
import { queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import { invalidateUserSessions } from '../sessions/invalidate';
import { consumeEmailToken, revokeAllLinksButNotMe, type TokenFailure } from '../core/email-tokens';
import { findUserByEmail, findUserById } from '../core/users';

/**
 * What a "This wasn't me" link carries besides the time of the event it reports: for an email
 * change, the old address to bring back. (Links mailed before decision 013 may also name a
 * passkey or the app; everything added since the event goes now, so those names are unread.)
 */
export type NotMeUndo = { restoreEmail?: string };

/** Issues the "This wasn't me" link carried by every security notice. */
export async function notMeLink(
  deps: Pick<Deps, 'config'>,
  tx: Executor,
  userId: string,
  now: Date,
  payload?: NotMeUndo,
) {
  return await emailedLink(deps, tx, { purpose: 'not-me', userId, now, payload, path: '/not-me' });
}

/**
 * The owner says a notice was not them. Whoever it was may have added their own ways in since
 * that moment, so: every passkey, authenticator app and recovery-code set created at or after
 * the reported event goes; every session ends; every emailed link dies (a reset or email
 * change they asked for, a pending two-step sign-in); the password is unusable and no passkey
 * signs in until the owner sets a new password from the reset link mailed now.
 * Factors older than the event stay: the owner's own, or else reported by an earlier notice
 * that carries its own link (decision 013).
 * When the notice was about an email change, the old address comes back first: otherwise
 * the reset link would go to the new address, the one whoever took the account controls.
 */
export async function reportNotMe(
  deps: Deps,
  token: string,
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; reason: TokenFailure }> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, 'not-me', token, now);
    if (!used.ok) return used;
    const before = await findUserById(tx, used.row.userId);
    if (!before) return { ok: false as const, reason: 'invalid' as const };
    const restore = used.row.payload?.restoreEmail;
    const restoreEmail = typeof restore === 'string' ? restore : null;
    let emailRestored = false;
    if (restoreEmail && restoreEmail.toLowerCase() !== before.email.toLowerCase()) {
      // Only if nobody has registered the old address since. The token was mailed there, so
      // using it proves the mailbox again.
      if (!(await findUserByEmail(tx, restoreEmail))) {
        await tx
          .update(users)
          .set({ email: restoreEmail, emailVerifiedAt: now })
          .where(eq(users.id, before.id));
        emailRestored = true;
      }
    }
    // The link was issued in the transaction of the event it reports.
    const undone = await removeFactorsAddedSince(tx, before.id, used.row.createdAt);
    const [user] = await tx
      .update(users)
      .set({ passwordResetRequiredAt: now, updatedAt: now })
      .where(eq(users.id, before.id))
      .returning();
    if (!user) return { ok: false as const, reason: 'invalid' as const };
    const ended = await invalidateUserSessions(tx, user.id);
    await revokeAllLinksButNotMe(tx, user.id, now);
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'not-me-done',
      data: {
        name: user.name,
        resetUrl: await emailedLink(deps, tx, {
          purpose: 'reset-password',
          userId: user.id,
          now,
          path: '/reset-password',
        }),
      },
    });
    await recordEvent(tx, {
      userId: user.id,
      action: 'account.secured-not-me',
      at: now,
      meta,
      details: { sessionsEnded: ended, emailRestored, ...undone },
    });
    return { ok: true as const };
  });
  deps.notifyMail();
  return result;
}

/** Removes the passkeys, authenticator app and recovery codes added at or after `since`. */
async function removeFactorsAddedSince(tx: Executor, userId: string, since: Date) {
  const removedPasskeys = await tx
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), gte(passkeys.createdAt, since)))
    .returning({ id: passkeys.id });
  // An app set up earlier but switched on after the event counts as added after it.
  const removedApp = await tx
    .delete(totpCredentials)
    .where(
      and(
        eq(totpCredentials.userId, userId),
        or(gte(totpCredentials.createdAt, since), gte(totpCredentials.enabledAt, since)),
      ),
    )
    .returning({ userId: totpCredentials.userId });
  // Codes belong to the app: with it gone they are gone too, whenever they were made.
  const removedCodes = await tx
    .delete(recoveryCodes)
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        removedApp.length ? undefined : gte(recoveryCodes.createdAt, since),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return {
    passkeysRemoved: removedPasskeys.length,
    twoFactorDisabled: removedApp.length > 0,
    recoveryCodesRemoved: removedCodes.length,
  };
}
