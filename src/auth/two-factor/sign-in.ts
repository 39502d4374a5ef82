import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { totpCredentials } from '../../../db/schema';
import type { Deps } from '../../deps';
import { recordEvent, type RequestMeta } from '../../core/activity';
import { clearRate, releaseRate, takeRate } from '../../http/rate-limit';
import type { Executor } from '../../platform/db-types';
import { createSession } from '../../sessions/create';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from '../../core/email-tokens';
import { completeSignIn } from '../complete-sign-in';
import { authRules, rateSubject } from '../rules';
import { findUserById, type UserRow } from '../../core/users';
import { openTotpSecret } from './at-rest';
import { queueTwoFactorNotice } from './manage';
import { countUnusedRecoveryCodes, useRecoveryCode } from './recovery-codes';
import { isTotpCodeShaped, matchTotpStep } from './totp';

/**
 * The half-signed-in state after a right password when two-step sign-in is on: a single-use
 * 'two-factor-login' token (5 minutes), not a session, so nothing but the code step accepts it.
 */
export function startTwoFactorSignIn(tx: Executor, userId: string, remember: boolean, now: Date) {
  return issueEmailToken(tx, { purpose: 'two-factor-login', userId, now, payload: { remember } });
}

/** The person a pending two-step sign-in belongs to, if the token is still good. */
export async function pendingTwoFactorUser(deps: Deps, token: string) {
  const row = await peekEmailToken(deps.db, 'two-factor-login', token, deps.clock.now());
  return row ? findUserById(deps.db, row.userId) : null;
}

export type TwoFactorSignInResult =
  | {
      ok: true;
      user: UserRow;
      token: string;
      expiresAt: Date;
      persistent: boolean;
      method: 'totp' | 'recovery-code';
    }
  | { ok: false; reason: 'expired' | 'invalid-code' | 'code-used' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/**
 * Accepts the code of a pending sign-in: an authenticator code whose step is later than the
 * last one used (moved forward in one conditional UPDATE, so a code works once even when two
 * requests race), or an unused recovery code. The pending token survives a wrong code, so a
 * typo does not send the person back to the password; wrong codes count per account.
 */
export async function completeTwoFactorSignIn(
  deps: Deps,
  pendingToken: string,
  rawCode: string,
  meta: RequestMeta,
): Promise<TwoFactorSignInResult> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const pending = await peekEmailToken(deps.db, 'two-factor-login', pendingToken, now);
  if (!pending) return { ok: false, reason: 'expired' };
  const user = await findUserById(deps.db, pending.userId);
  if (!user) return { ok: false, reason: 'expired' };
  const [totp] = await deps.db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, user.id), isNotNull(totpCredentials.enabledAt)));
  if (!totp) return { ok: false, reason: 'expired' };
  const code = rawCode.trim();
  const appCode = code.replace(/\s/g, '');
  // Opened before any attempt is counted: a key fault is the server's (503), not a wrong code.
  const opened = isTotpCodeShaped(appCode) ? await openTotpSecret(deps, totp) : null;

  const accountKey = rateSubject(user.id);
  const ipKey = rateSubject(meta.ip ?? 'unknown');
  const byAccount = await takeRate(deps.db, rules.twoFactorFailuresPerAccount, accountKey, now);
  if (!byAccount.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: byAccount.retryAfterSeconds };
  const byIp = await takeRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  if (!byIp.ok) {
    await releaseRate(deps.db, rules.twoFactorFailuresPerAccount, accountKey, now);
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: byIp.retryAfterSeconds };
  }

  let method: 'totp' | 'recovery-code';
  if (opened) {
    method = 'totp';
    const match = matchTotpStep(opened.secret, appCode, now, totp.lastUsedStep);
    const moved = match.ok
      ? await deps.db
          .update(totpCredentials)
          // A row in clear or under an older key is re-sealed under the current one as it is used.
          .set({ lastUsedStep: match.step, ...opened.reseal })
          .where(
            and(
              eq(totpCredentials.userId, user.id),
              or(
                isNull(totpCredentials.lastUsedStep),
                sql`${totpCredentials.lastUsedStep} < ${match.step}`,
              ),
            ),
          )
          .returning({ userId: totpCredentials.userId })
      : [];
    if (!moved.length) {
      await recordEvent(deps.db, { userId: user.id, action: 'two-factor.failed', at: now, meta });
      return {
        ok: false,
        reason: !match.ok && match.reason === 'invalid' ? 'invalid-code' : 'code-used',
      };
    }
  } else {
    method = 'recovery-code';
    if (!(await useRecoveryCode(deps.db, user.id, code, now))) {
      await recordEvent(deps.db, { userId: user.id, action: 'two-factor.failed', at: now, meta });
      return { ok: false, reason: 'invalid-code' };
    }
  }

  const remember = pending.payload?.remember === true;
  const created = await deps.db.transaction(async (tx) => {
    // Used up with the session in one transaction: two right codes racing make one session.
    const used = await consumeEmailToken(tx, 'two-factor-login', pendingToken, now);
    if (!used.ok) return null;
    await completeSignIn(
      deps,
      tx,
      user,
      meta,
      method === 'totp' ? 'password+totp' : 'password+recovery-code',
    );
    if (method === 'recovery-code') {
      const left = await countUnusedRecoveryCodes(tx, user.id);
      await recordEvent(tx, {
        userId: user.id,
        action: 'two-factor.recovery-code-used',
        at: now,
        meta,
        details: { left },
      });
      await queueTwoFactorNotice(deps, tx, user, now, { kind: 'recovery-code-used', left });
    }
    return createSession(deps, tx, {
      userId: user.id,
      remember,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  });
  if (!created) return { ok: false, reason: 'expired' };
  await releaseRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  await clearRate(deps.db, rules.twoFactorFailuresPerAccount, accountKey);
  await clearRate(deps.db, rules.loginFailuresPerAccount, rateSubject(user.email.toLowerCase()));
  deps.notifyMail();
  return {
    ok: true,
    user,
    token: created.token,
    expiresAt: created.session.absoluteExpiresAt,
    persistent: remember,
    method,
  };
}
