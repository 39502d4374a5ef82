import { and, eq, isNotNull, sql } from 'drizzle-orm';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { passkeys, totpCredentials } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { completeSignIn } from '../auth';
import { authRules, rateSubject } from '../auth';
import { findUserById, type UserRow } from '../core/users';
import { hitRate, releaseRate, takeRate } from '../http/rate-limit';
import { createSession } from '../sessions/create';
import type { Executor } from '../platform/db-types';
import {
  authDataOfAssertion,
  checkOrigin,
  isCounterRegression,
  readAuthenticatorData,
  readClientData,
} from './ceremony-checks';
import { consumeChallenge, storeChallenge, type ChallengeMatch } from './challenges';
import {
  findPasskeyByCredentialId,
  listPasskeys,
  userHandleOf,
  type PasskeyRow,
} from './credentials';
import type { PasskeyFailure } from './failures';
import { challengeTtlMs, relyingParty } from './relying-party';
import type { AuthenticationResponse } from './schemas';

/** Unauthenticated option requests make rows; generous per address (a NAT'd school), but bounded. */
const optionsPerIp = { name: 'passkey-options-ip', limit: 1000, windowMs: 3_600_000 };

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
      rateSubject((input as { ip: string | null }).ip ?? 'unknown'),
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

type Verified = { ok: true; user: UserRow; passkey: PasskeyRow };
type Refused = { ok: false; reason: PasskeyFailure; origin?: string };

async function hasTwoFactor(db: Executor, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)));
  return !!row;
}

/**
 * Checks one assertion: the challenge (used up first, so a replay fails even if the rest
 * would pass), origin, RP ID, the credential and its owner, the signature counter, and the
 * signature. The counter is then moved forward in a conditional UPDATE, so two assertions
 * racing with the same counter cannot both win.
 */
async function verifyAssertion(
  deps: Deps,
  response: AuthenticationResponse,
  challenge: (clientChallenge: string) => ChallengeMatch | null,
  expectUserId: string | null,
  meta: RequestMeta,
): Promise<Verified | Refused> {
  const rp = relyingParty(deps.config);
  const now = deps.clock.now();
  const clientData = readClientData(response.response.clientDataJSON);
  if (!clientData) return { ok: false, reason: 'malformed' };
  const match = challenge(clientData.challenge);
  if (!match) return { ok: false, reason: 'challenge-missing' };
  const used = await consumeChallenge(deps.db, match, now);
  if (!used.ok) return { ok: false, reason: used.reason };
  if (used.row.challenge !== clientData.challenge)
    return { ok: false, reason: 'challenge-unknown' };
  const originProblem = checkOrigin(rp, clientData, 'webauthn.get');
  if (originProblem) return { ok: false, reason: originProblem, origin: clientData.origin };
  const authData = authDataOfAssertion(response.response.authenticatorData);
  if (!authData) return { ok: false, reason: 'malformed' };
  const facts = readAuthenticatorData(rp, authData);
  if (!facts.ok) return { ok: false, reason: facts.reason };

  const passkey = await findPasskeyByCredentialId(deps.db, response.id);
  if (!passkey || (expectUserId && passkey.userId !== expectUserId))
    return { ok: false, reason: 'unknown-credential' };
  // A discoverable credential names its user; it must be the passkey's owner.
  const handle = response.response.userHandle;
  if (handle && handle !== isoBase64URL.fromBuffer(userHandleOf(passkey.userId)))
    return { ok: false, reason: 'unknown-credential' };

  if (isCounterRegression(passkey.counter, facts.facts.counter)) {
    await recordEvent(deps.db, {
      userId: passkey.userId,
      action: 'passkey.counter-regression',
      at: now,
      meta,
      details: { name: passkey.name },
    });
    return { ok: false, reason: 'counter-regression' };
  }
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
      expectedChallenge: used.row.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: passkey.transports ?? undefined,
      },
      requireUserVerification: false,
    });
  } catch {
    return { ok: false, reason: 'invalid-signature' };
  }
  if (!verified.verified) return { ok: false, reason: 'invalid-signature' };
  const user = await findUserById(deps.db, passkey.userId);
  if (!user) return { ok: false, reason: 'unknown-credential' };
  // Password + code is two factors; so must a passkey be for an account that asked for two:
  // something held (the key) and something known or been (its PIN or biometrics).
  if (!verified.authenticationInfo.userVerified && (await hasTwoFactor(deps.db, user.id)))
    return { ok: false, reason: 'user-not-verified' };

  const newCounter = verified.authenticationInfo.newCounter;
  const [moved] = await deps.db
    .update(passkeys)
    .set({
      counter: newCounter,
      lastUsedAt: now,
      backedUp: verified.authenticationInfo.credentialBackedUp,
    })
    .where(
      and(
        eq(passkeys.id, passkey.id),
        sql`(${passkeys.counter} < ${newCounter} or (${passkeys.counter} = 0 and ${newCounter} = 0))`,
      ),
    )
    .returning();
  if (!moved) return { ok: false, reason: 'counter-regression' };
  return { ok: true, user, passkey: moved };
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
  const ipKey = rateSubject(meta.ip ?? 'unknown');
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
    await completeSignIn(deps, tx, checked.user, meta, 'passkey');
    return createSession(deps, tx, {
      userId: checked.user.id,
      remember: input.remember,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
  });
  await releaseRate(deps.db, rules.loginFailuresPerIp, ipKey, now);
  deps.notifyMail();
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
