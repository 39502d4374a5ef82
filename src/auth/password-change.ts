import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { releaseRate, takeRate } from '../http/rate-limit';
import { queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../core/activity';
import { invalidateUserSessions } from '../sessions/invalidate';
import { accessLinkPurposes, revokeEmailTokens } from '../core/email-tokens';
import { notMeLink } from './not-me';
import { normalizePassword, type PasswordProblem } from '../core/password-policy';
import { judgeNewPassword } from './register';
import { authRules, rateSubject } from './rules';
import { findUserById } from '../core/users';
import { verifyPasswordFor } from './login';

export type ChangePasswordResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }
  | { ok: false; reason: 'weak-password'; problem: PasswordProblem };

/** Checks the current password with the same limits as sign-in; used by change and re-auth. */
export async function checkCurrentPassword(
  deps: Deps,
  userId: string,
  password: string,
  meta: RequestMeta,
) {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const key = rateSubject(userId);
  // A slot is taken before the check (atomically, so parallel guesses cannot all pass) and
  // given back when the password was right.
  const verdict = await takeRate(deps.db, rules.reauthFailuresPerAccount, key, now);
  if (!verdict.ok)
    return {
      ok: false as const,
      reason: 'rate-limited' as const,
      retryAfterSeconds: verdict.retryAfterSeconds,
    };
  const user = await findUserById(deps.db, userId);
  if (user && (await verifyPasswordFor(deps, user, password))) {
    await releaseRate(deps.db, rules.reauthFailuresPerAccount, key, now);
    return { ok: true as const, user };
  }
  await recordEvent(deps.db, { userId, action: 'password.check-failed', at: now, meta });
  return { ok: false as const, reason: 'wrong-password' as const };
}

/**
 * Changes the password; every other session of the person ends, this one stays, and every
 * link that leads in (a reset, a pending email change) dies with the old password.
 */
export async function changePassword(
  deps: Deps,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<ChangePasswordResult> {
  const checked = await checkCurrentPassword(deps, input.userId, input.currentPassword, meta);
  if (!checked.ok) return checked;
  const user = checked.user;
  const password = normalizePassword(input.newPassword);
  const problem = await judgeNewPassword(deps, password, user);
  if (problem) return { ok: false, reason: 'weak-password', problem };
  const passwordHash = await deps.hasher.hash(password);
  const now = deps.clock.now();
  const ended = await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    const count = await invalidateUserSessions(tx, user.id, input.sessionId);
    await revokeEmailTokens(tx, user.id, accessLinkPurposes, now);
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'password-changed',
      data: {
        name: user.name,
        how: 'changed',
        notMeUrl: await notMeLink(deps, tx, user.id, now),
      },
    });
    await recordEvent(tx, {
      userId: user.id,
      action: 'password.changed',
      at: now,
      meta,
      details: { sessionsEnded: count },
    });
    return count;
  });
  deps.notifyMail();
  return { ok: true, sessionsEnded: ended };
}
