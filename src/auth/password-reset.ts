import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { hitRate } from '../http/rate-limit';
import { emailedLink } from '../mail/emailed-link';
import { queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import { invalidateUserSessions } from '../sessions/invalidate';
import {
  accessLinkPurposes,
  consumeEmailToken,
  peekEmailToken,
  revokeEmailTokens,
  type TokenFailure,
} from '../core/email-tokens';
import { notMeLink } from './not-me';
import { normalizePassword, type PasswordProblem } from '../core/password-policy';
import { judgeNewPassword } from './register';
import { addressSubject, authRules, hitRecipientLimit } from './rules';
import { findUserByEmail, findUserById } from '../core/users';

/** Always "accepted"; a link goes out only when the address has an account. */
export async function requestPasswordReset(
  deps: Deps,
  email: string,
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const byIp = await hitRate(deps.db, rules.emailsPerIp, addressSubject(meta.ip), now);
  if (!byIp.ok) return { ok: false, retryAfterSeconds: byIp.retryAfterSeconds };
  const byRecipient = await hitRecipientLimit(deps, email, now);
  if (!byRecipient.ok) return { ok: false, retryAfterSeconds: byRecipient.retryAfterSeconds };
  await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) return;
    // Only the newest link works; older ones in the inbox are void.
    await revokeEmailTokens(tx, user.id, 'reset-password', now);
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'reset-password',
      data: {
        name: user.name,
        url: await emailedLink(deps, tx, {
          purpose: 'reset-password',
          userId: user.id,
          now,
          path: '/reset-password',
        }),
      },
    });
    await recordEvent(tx, { userId: user.id, action: 'password.reset-requested', at: now, meta });
  });
  deps.notifyMail();
  return { ok: true };
}

export async function isResetTokenUsable(deps: Deps, token: string) {
  return !!(await peekEmailToken(deps.db, 'reset-password', token, deps.clock.now()));
}

export type ResetResult =
  | { ok: true; userId: string; email: string }
  | { ok: false; reason: TokenFailure }
  | { ok: false; reason: 'weak-password'; problem: PasswordProblem };

/**
 * Sets a new password from an emailed link. The password is judged before the token is
 * spent, so a rejected password does not burn the link. Every session and every other link
 * that leads in ends; passkeys and the authenticator app stay, since the mailbox alone must
 * not be enough to strip a second factor (decision 013).
 */
export async function resetPassword(
  deps: Deps,
  input: { token: string; password: string },
  meta: RequestMeta,
): Promise<ResetResult> {
  const now = deps.clock.now();
  const peeked = await peekEmailToken(deps.db, 'reset-password', input.token, now);
  const owner = peeked ? await findUserById(deps.db, peeked.userId) : null;
  const password = normalizePassword(input.password);
  if (owner) {
    const problem = await judgeNewPassword(deps, password, owner);
    if (problem) return { ok: false, reason: 'weak-password', problem };
  }
  const passwordHash = await deps.hasher.hash(password);
  const result = await deps.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, 'reset-password', input.token, now);
    if (!used.ok) return used;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordResetRequiredAt: null, updatedAt: now })
      .where(eq(users.id, used.row.userId))
      .returning();
    if (!user) return { ok: false as const, reason: 'invalid' as const };
    // The link proved the mailbox, which is what verification proves too.
    if (!user.emailVerifiedAt)
      await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, user.id));
    const ended = await invalidateUserSessions(tx, user.id);
    // Any other reset link, a pending email change or two-step sign-in could undo this reset.
    await revokeEmailTokens(tx, user.id, accessLinkPurposes, now);
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'password-changed',
      data: {
        name: user.name,
        how: 'reset',
        notMeUrl: await notMeLink(deps, tx, user.id, now),
      },
    });
    await recordEvent(tx, {
      userId: user.id,
      action: 'password.reset',
      at: now,
      meta,
      details: { sessionsEnded: ended },
    });
    return { ok: true as const, userId: user.id, email: user.email };
  });
  deps.notifyMail();
  return result;
}
