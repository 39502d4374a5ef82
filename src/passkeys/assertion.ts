import { and, eq, isNotNull, sql } from 'drizzle-orm';
import {
  verifyAuthenticationResponse,
  type VerifiedAuthenticationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { passkeys, totpCredentials } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { deletionIsDue, findUserById, type UserRow } from '../core/users';
import type { Executor } from '../platform/db-types';
import {
  authDataOfAssertion,
  checkOrigin,
  isCounterRegression,
  readAuthenticatorData,
  readClientData,
} from './ceremony-checks';
import { consumeChallenge, type ChallengeMatch } from './challenges';
import { findPasskeyByCredentialId, userHandleOf, type PasskeyRow } from './credentials';
import type { PasskeyFailure } from './failures';
import { relyingParty, type RelyingParty } from './relying-party';
import type { AuthenticationResponse } from './schemas';

type Verified = { ok: true; user: UserRow; passkey: PasskeyRow };
export type Refused = { ok: false; reason: PasskeyFailure; origin?: string };
type AuthenticationInfo = VerifiedAuthenticationResponse['authenticationInfo'];

async function hasTwoFactor(db: Executor, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.enabledAt)));
  return !!row;
}

/**
 * Everything checked before the credential is looked up: the challenge (used up first, so a
 * replay fails even if the rest would pass), the origin and the RP ID.
 */
async function checkCeremony(
  deps: Deps,
  rp: RelyingParty,
  response: AuthenticationResponse,
  challenge: (clientChallenge: string) => ChallengeMatch | null,
  now: Date,
): Promise<{ ok: true; challenge: string; counter: number } | Refused> {
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
  return { ok: true, challenge: used.row.challenge, counter: facts.facts.counter };
}

/** The passkey the assertion names, if it exists and belongs to whom it must. */
async function assertedPasskey(
  db: Executor,
  response: AuthenticationResponse,
  expectUserId: string | null,
) {
  const passkey = await findPasskeyByCredentialId(db, response.id);
  if (!passkey || (expectUserId && passkey.userId !== expectUserId)) return null;
  // A discoverable credential names its user; it must be the passkey's owner.
  const handle = response.response.userHandle;
  if (handle && handle !== isoBase64URL.fromBuffer(userHandleOf(passkey.userId))) return null;
  return passkey;
}

/** The signature check; null when it does not verify (or the answer cannot be read at all). */
async function checkSignature(
  rp: RelyingParty,
  response: AuthenticationResponse,
  expectedChallenge: string,
  passkey: PasskeyRow,
): Promise<AuthenticationInfo | null> {
  try {
    const verified = await verifyAuthenticationResponse({
      response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
      expectedChallenge,
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
    return verified.verified ? verified.authenticationInfo : null;
  } catch {
    return null;
  }
}

/**
 * Moves the counter forward in a conditional UPDATE, so two assertions racing with the same
 * counter cannot both win; null for the loser.
 */
async function moveCounter(db: Executor, passkey: PasskeyRow, info: AuthenticationInfo, now: Date) {
  const newCounter = info.newCounter;
  const [moved] = await db
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: now, backedUp: info.credentialBackedUp })
    .where(
      and(
        eq(passkeys.id, passkey.id),
        sql`(${passkeys.counter} < ${newCounter} or (${passkeys.counter} = 0 and ${newCounter} = 0))`,
      ),
    )
    .returning();
  return moved ?? null;
}

/**
 * Checks one assertion: the challenge, origin, RP ID, the credential and its owner, the
 * signature counter, and the signature; then moves the counter forward.
 */
export async function verifyAssertion(
  deps: Deps,
  response: AuthenticationResponse,
  challenge: (clientChallenge: string) => ChallengeMatch | null,
  expectUserId: string | null,
  meta: RequestMeta,
): Promise<Verified | Refused> {
  const rp = relyingParty(deps.config);
  const now = deps.clock.now();
  const ceremony = await checkCeremony(deps, rp, response, challenge, now);
  if (!ceremony.ok) return ceremony;
  const passkey = await assertedPasskey(deps.db, response, expectUserId);
  if (!passkey) return { ok: false, reason: 'unknown-credential' };
  if (isCounterRegression(passkey.counter, ceremony.counter)) {
    await recordEvent(deps.db, {
      userId: passkey.userId,
      action: 'passkey.counter-regression',
      at: now,
      meta,
      details: { name: passkey.name },
    });
    return { ok: false, reason: 'counter-regression' };
  }
  const info = await checkSignature(rp, response, ceremony.challenge, passkey);
  if (!info) return { ok: false, reason: 'invalid-signature' };
  const user = await findUserById(deps.db, passkey.userId);
  if (!user || deletionIsDue(user, now)) return { ok: false, reason: 'unknown-credential' };
  // Password + code is two factors; so must a passkey be for an account that asked for two:
  // something held (the key) and something known or been (its PIN or biometrics).
  if (!info.userVerified && (await hasTwoFactor(deps.db, user.id)))
    return { ok: false, reason: 'user-not-verified' };
  const moved = await moveCounter(deps.db, passkey, info, now);
  if (!moved) return { ok: false, reason: 'counter-regression' };
  return { ok: true, user, passkey: moved };
}
