import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { totpCredentials } from '../../../db/schema';
import type { Deps } from '../../deps';
import { recordEvent, type RequestMeta } from '../../core/activity';
import { clearRate, releaseRate, takeRate } from '../../http/rate-limit';
import type { Executor } from '../../platform/db-types';
import { createSession } from '../../sessions/create';
import { consumeEmailToken, issueEmailToken, peekEmailToken } from '../../core/email-tokens';
import { completeSignIn } from '../complete-sign-in';
import { accountSubject, addressSubject, authRules, rateSubject } from '../rules';
import { deletionIsDue, findUserById, type UserRow } from '../../core/users';
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

type TotpRow = typeof totpCredentials.$inferSelect;
type Method = 'totp' | 'recovery-code';

/** The pending sign-in behind a token, with its person and their authenticator; or null. */
async function findPendingSignIn(deps: Deps, pendingToken: string, now: Date) {
  const pending = await peekEmailToken(deps.db, 'two-factor-login', pendingToken, now);
  if (!pending) return null;
  const user = await findUserById(deps.db, pending.userId);
  if (!user) return null;
  const [totp] = await deps.db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, user.id), isNotNull(totpCredentials.enabledAt)));
  return totp ? { pending, user, totp } : null;
}

/** Counts the attempt per account and per address; refused by the second, it gives the first back. */
async function takeAttempt(deps: Deps, accountKey: string, ipKey: string, now: Date) {
  const rules = authRules(deps.config);
  const byAccount = await takeRate(deps.db, rules.twoFactorFailuresPerAccount, accountKey, now);
  if (!byAccount.ok) return byAccount;
  const byIp = await takeRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  if (!byIp.ok) await releaseRate(deps.db, rules.twoFactorFailuresPerAccount, accountKey, now);
  return byIp;
}

/** Moves the last used step forward, in one conditional UPDATE: a code works once. */
async function useTotpCode(
  deps: Deps,
  totp: TotpRow,
  opened: NonNullable<Awaited<ReturnType<typeof openTotpSecret>>>,
  appCode: string,
  now: Date,
) {
  const match = matchTotpStep(opened.secret, appCode, now, totp.lastUsedStep);
  const moved = match.ok
    ? await deps.db
        .update(totpCredentials)
        // A row in clear or under an older key is re-sealed under the current one as it is used.
        .set({ lastUsedStep: match.step, ...opened.reseal })
        .where(
          and(
            eq(totpCredentials.userId, totp.userId),
            or(
              isNull(totpCredentials.lastUsedStep),
              sql`${totpCredentials.lastUsedStep} < ${match.step}`,
            ),
          ),
        )
        .returning({ userId: totpCredentials.userId })
    : [];
  if (moved.length) return null;
  return !match.ok && match.reason === 'invalid' ? 'invalid-code' : 'code-used';
}

/**
 * Uses the pending token up and opens the session in one transaction, so two right codes
 * racing make one session. Null when the token was used meanwhile.
 */
function openSession(
  deps: Deps,
  user: UserRow,
  pendingToken: string,
  sign: { method: Method; remember: boolean; now: Date },
  meta: RequestMeta,
) {
  const { method, remember, now } = sign;
  if (deletionIsDue(user, now)) return Promise.resolve(null);
  return deps.db.transaction(async (tx) => {
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
}

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
  const found = await findPendingSignIn(deps, pendingToken, now);
  if (!found) return { ok: false, reason: 'expired' };
  const { pending, user, totp } = found;
  const code = rawCode.trim();
  const appCode = code.replace(/\s/g, '');
  // Opened before any attempt is counted: a key fault is the server's (503), not a wrong code.
  const opened = isTotpCodeShaped(appCode) ? await openTotpSecret(deps, totp) : null;

  const accountKey = rateSubject(user.id);
  const ipKey = addressSubject(meta.ip);
  const attempt = await takeAttempt(deps, accountKey, ipKey, now);
  if (!attempt.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: attempt.retryAfterSeconds };

  const method: Method = opened ? 'totp' : 'recovery-code';
  let failure: 'invalid-code' | 'code-used' | null;
  if (opened) failure = await useTotpCode(deps, totp, opened, appCode, now);
  else failure = (await useRecoveryCode(deps.db, user.id, code, now)) ? null : 'invalid-code';
  if (failure) {
    await recordEvent(deps.db, { userId: user.id, action: 'two-factor.failed', at: now, meta });
    return { ok: false, reason: failure };
  }

  const remember = pending.payload?.remember === true;
  const created = await openSession(deps, user, pendingToken, { method, remember, now }, meta);
  if (!created) return { ok: false, reason: 'expired' };
  await releaseRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  await clearRate(deps.db, rules.twoFactorFailuresPerAccount, accountKey);
  await clearRate(deps.db, rules.loginFailuresPerAccount, accountSubject(user.email));
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
