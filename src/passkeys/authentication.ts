import { generateAuthenticationOptions } from '@simplewebauthn/server';
import type { Deps } from '../deps';
import type { RequestMeta } from '../core/activity';
import { addressSubject, authRules, completeSignIn, rateSubject } from '../auth';
import type { UserRow } from '../core/users';
import { hitRate, releaseRate, takeRate } from '../http/rate-limit';
import { createSession } from '../sessions/create';
import { verifyAssertion, type Refused } from './assertion';
import { storeChallenge } from './challenges';
import { listPasskeys } from './credentials';
import { challengeTtlMs, relyingParty } from './relying-party';
import type { AuthenticationResponse } from './schemas';

/** Unauthenticated option requests make rows; generous per address (a NAT'd school), but bounded. */
export const optionsPerIp = { name: 'passkey-options-ip', limit: 1000, windowMs: 3_600_000 };

/**
 * Options for `navigator.credentials.get()`. For sign-in no credentials are listed: the
 * browser offers the discoverable ones it holds (also as autofill, conditional UI). For
 * re-authentication only the signed-in person's passkeys are allowed, and the challenge is
 * bound to their session instead of a cookie.
 */
export async function startPasskeyAuthentication(
  deps: Deps,
  input: { ip: string | null } | { user: { id: string }; sessionId: string },
): Promise<
  | {
      ok: true;
      options: Awaited<ReturnType<typeof generateAuthenticationOptions>>;
      challengeId: string;
    }
  | { ok: false; retryAfterSeconds: number }
> {
  const rp = relyingParty(deps.config);
  const now = deps.clock.now();
  const bound = 'user' in input ? input : null;
  if (!bound) {
    const verdict = await hitRate(
      deps.db,
      optionsPerIp,
      addressSubject((input as { ip: string | null }).ip),
      now,
    );
    if (!verdict.ok) return verdict;
  }
  const allow = bound ? await listPasskeys(deps.db, bound.user.id) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: challengeTtlMs,
    userVerification: 'preferred',
    ...(bound
      ? {
          allowCredentials: allow.map((p) => ({
            id: p.credentialId,
            transports: p.transports ?? undefined,
          })),
        }
      : {}),
  });
  const challengeId = await storeChallenge(deps.db, {
    challenge: options.challenge,
    purpose: 'authentication',
    userId: bound?.user.id ?? null,
    sessionId: bound?.sessionId ?? null,
    now,
  });
  return { ok: true, options, challengeId };
}

export type PasskeySignInResult =
  | { ok: true; user: UserRow; token: string; expiresAt: Date; persistent: boolean }
  | Refused
  | { ok: false; reason: 'reset-required' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/** Signs in with a passkey: the same session, events and notices as a password sign-in. */
export async function signInWithPasskey(
  deps: Deps,
  input: { response: AuthenticationResponse; challengeId: string | null; remember: boolean },
  meta: RequestMeta,
): Promise<PasskeySignInResult> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const ipKey = addressSubject(meta.ip);
  // A failed assertion counts as a failed sign-in from this address, like a wrong password.
  const byIp = await takeRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  if (!byIp.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: byIp.retryAfterSeconds };
  const checked = await verifyAssertion(
    deps,
    input.response,
    () => (input.challengeId ? { purpose: 'authentication', id: input.challengeId } : null),
    null,
    meta,
  );
  if (!checked.ok) return checked;
  // After "This wasn't me" nothing signs in until the owner has set a new password: the
  // passkey may be one whoever it was added before the reported event.
  if (checked.user.passwordResetRequiredAt) {
    await releaseRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
    return { ok: false, reason: 'reset-required' };
  }
  const created = await deps.db.transaction(async (tx) => {
    const { mailQueued } = await completeSignIn(deps, tx, checked.user, meta, 'passkey');
    const session = await createSession(deps, tx, {
      userId: checked.user.id,
      remember: input.remember,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { ...session, mailQueued };
  });
  await releaseRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  if (created.mailQueued) deps.notifyMail();
  return {
    ok: true,
    user: checked.user,
    token: created.token,
    expiresAt: created.session.absoluteExpiresAt,
    persistent: input.remember,
  };
}

/** Re-authentication with one of the signed-in person's own passkeys. */
export async function verifyPasskeyForSession(
  deps: Deps,
  input: { response: AuthenticationResponse; userId: string; sessionId: string },
  meta: RequestMeta,
): Promise<
  { ok: true } | Refused | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }
> {
  const rules = authRules(deps.config);
  const now = deps.clock.now();
  const key = rateSubject(input.userId);
  const verdict = await takeRate(deps.db, rules.reauthFailuresPerAccount, key, now);
  if (!verdict.ok)
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: verdict.retryAfterSeconds };
  const checked = await verifyAssertion(
    deps,
    input.response,
    (challenge) => ({
      purpose: 'authentication',
      challenge,
      sessionId: input.sessionId,
      userId: input.userId,
    }),
    input.userId,
    meta,
  );
  if (!checked.ok) return checked;
  await releaseRate(deps.db, rules.reauthFailuresPerAccount, key, now);
  return { ok: true };
}
