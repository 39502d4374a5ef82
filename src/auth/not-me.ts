import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { actionLink, mailContext, queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../cabinet/activity';
import { invalidateUserSessions } from '../sessions/invalidate';
import { notMeDoneMail } from '../../emails/security-notices';
import { consumeEmailToken, issueEmailToken, type TokenFailure } from './email-tokens';

/** Issues the "This wasn't me" link carried by every security notice. */
export async function notMeLink(deps: Pick<Deps, 'config'>, tx: Executor, userId: string, now: Date) {
  const token = await issueEmailToken(tx, { purpose: 'not-me', userId, now });
  return actionLink(deps, '/not-me', token);
}

/**
 * The owner says a notice was not them: end every session, make the password unusable until
 * a reset, and mail a reset link. Passkeys stay (they cannot be phished or guessed).
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
    const [user] = await tx
      .update(users)
      .set({ passwordResetRequiredAt: now, updatedAt: now })
      .where(eq(users.id, used.row.userId))
      .returning();
    if (!user) return { ok: false as const, reason: 'invalid' as const };
    const ended = await invalidateUserSessions(tx, user.id);
    const resetToken = await issueEmailToken(tx, { purpose: 'reset-password', userId: user.id, now });
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'not-me-done',
      containsSecret: true,
      mail: notMeDoneMail(mailContext(deps, user.locale), { name: user.name, resetUrl: actionLink(deps, '/reset-password', resetToken) }),
    });
    await recordEvent(tx, { userId: user.id, action: 'account.secured-not-me', at: now, meta, details: { sessionsEnded: ended } });
    return { ok: true as const };
  });
  deps.notifyMail();
  return result;
}
