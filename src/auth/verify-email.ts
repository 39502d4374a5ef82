import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { hitRate } from '../http/rate-limit';
import { actionLink, mailContext, queueMail } from '../mail/queue';
import { recordEvent, type RequestMeta } from '../cabinet/activity';
import { verifyEmailMail } from '../../emails/verify-email';
import { consumeEmailToken, issueEmailToken, revokeEmailTokens, type TokenFailure } from './email-tokens';
import { authRules, rateSubject } from './rules';
import { findUserByEmail } from './users';

export async function verifyEmail(
  deps: Deps,
  token: string,
  meta: RequestMeta,
): Promise<{ ok: true; userId: string } | { ok: false; reason: TokenFailure }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, 'verify-email', token, now);
    if (!used.ok) return used;
    const userId = used.row.userId;
    // The link proves the address it was sent to; if the email changed since, it proves nothing.
    const [updated] = await tx
      .update(users)
      .set({ emailVerifiedAt: now, updatedAt: now })
      .where(and(eq(users.id, userId), eq(users.email, String(used.row.payload?.email ?? '')), isNull(users.emailVerifiedAt)))
      .returning({ id: users.id });
    if (updated) await recordEvent(tx, { userId, action: 'email.verified', at: now, meta });
    return { ok: true as const, userId };
  });
}

/** Sends a fresh verification link. Always "accepted": the answer reveals nothing. */
export async function resendVerification(
  deps: Deps,
  email: string,
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const byIp = await hitRate(deps.db, rules.emailsPerIp, rateSubject(meta.ip ?? 'unknown'), now);
  if (!byIp.ok) return { ok: false, retryAfterSeconds: byIp.retryAfterSeconds };
  const byAccount = await hitRate(deps.db, rules.emailsPerAccount, rateSubject(email.toLowerCase()), now);
  if (!byAccount.ok) return { ok: false, retryAfterSeconds: byAccount.retryAfterSeconds };
  await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.emailVerifiedAt) return;
    await revokeEmailTokens(tx, user.id, 'verify-email', now);
    const token = await issueEmailToken(tx, { purpose: 'verify-email', userId: user.id, now, payload: { email: user.email } });
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'verify-email',
      containsSecret: true,
      mail: verifyEmailMail(mailContext(deps, user.locale), { name: user.name, url: actionLink(deps, '/verify-email', token) }),
    });
  });
  deps.notifyMail();
  return { ok: true };
}
