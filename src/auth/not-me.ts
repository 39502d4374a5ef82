import { and, eq } from 'drizzle-orm';
import { passkeys, recoveryCodes, totpCredentials, users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { actionLink, mailContext, queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../cabinet/activity';
import { invalidateUserSessions } from '../sessions/invalidate';
import { notMeDoneMail } from '../../emails/security-notices';
import {
  consumeEmailToken,
  issueEmailToken,
  revokeEmailTokens,
  type TokenFailure,
} from './email-tokens';
import { findUserByEmail, findUserById } from './users';

/**
 * What a "This wasn't me" link undoes besides ending sessions: an email change (the old
 * address comes back), a passkey or an authenticator app someone else added (else they would
 * keep a way in, or lock the owner out behind a code only they have).
 */
export type NotMeUndo = { restoreEmail?: string; removePasskeyId?: string; disableTwoFactor?: boolean };

/** Issues the "This wasn't me" link carried by every security notice. */
export async function notMeLink(
  deps: Pick<Deps, 'config'>,
  tx: Executor,
  userId: string,
  now: Date,
  payload?: NotMeUndo,
) {
  const token = await issueEmailToken(tx, { purpose: 'not-me', userId, now, payload });
  return actionLink(deps, '/not-me', token);
}

/**
 * The owner says a notice was not them: end every session, make the password unusable until
 * a reset, and mail a reset link. Passkeys stay (they cannot be phished or guessed), except one
 * that the notice was about.
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
    const undone = await undoAddedCredentials(tx, before.id, used.row.payload);
    const [user] = await tx
      .update(users)
      .set({ passwordResetRequiredAt: now, updatedAt: now })
      .where(eq(users.id, before.id))
      .returning();
    if (!user) return { ok: false as const, reason: 'invalid' as const };
    const ended = await invalidateUserSessions(tx, user.id);
    // Links already out (a reset requested to a hijacker's address, a pending email change)
    // must not undo this.
    await revokeEmailTokens(tx, user.id, 'reset-password', now);
    await revokeEmailTokens(tx, user.id, 'change-email', now);
    const resetToken = await issueEmailToken(tx, { purpose: 'reset-password', userId: user.id, now });
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'not-me-done',
      containsSecret: true,
      mail: notMeDoneMail(mailContext(deps, user.locale), { name: user.name, resetUrl: actionLink(deps, '/reset-password', resetToken) }),
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

async function undoAddedCredentials(tx: Executor, userId: string, payload: Record<string, unknown> | null) {
  const out: { passkeyRemoved?: boolean; twoFactorDisabled?: boolean } = {};
  const passkeyId = payload?.removePasskeyId;
  if (typeof passkeyId === 'string' && /^[0-9a-f-]{36}$/i.test(passkeyId)) {
    const removed = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)))
      .returning({ id: passkeys.id });
    out.passkeyRemoved = removed.length > 0;
  }
  if (payload?.disableTwoFactor === true) {
    const removed = await tx.delete(totpCredentials).where(eq(totpCredentials.userId, userId)).returning({ userId: totpCredentials.userId });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    out.twoFactorDisabled = removed.length > 0;
  }
  return out;
}
