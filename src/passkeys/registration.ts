import { personTimeZone } from '../i18n/time-zone';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type VerifiedRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { passkeys } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { describeDevice } from '../views/device-label';
import { notMeLink } from '../auth';
import type { UserRow } from '../core/users';
import { formatDateTime } from '../i18n/format';
import { mailContext, queueMail } from '../mail/queue';
import {
  authDataOfAttestation,
  checkOrigin,
  readAuthenticatorData,
  readClientData,
} from './ceremony-checks';
import { consumeChallenge, storeChallenge } from './challenges';
import { listPasskeys, userHandleOf, type PasskeyRow } from './credentials';
import type { PasskeyFailure } from './failures';
import { challengeTtlMs, relyingParty } from './relying-party';
import type { RegistrationResponse } from './schemas';

type Signer = { user: Pick<UserRow, 'id' | 'email' | 'name'>; sessionId: string };

/**
 * Options for `navigator.credentials.create()`. The person's passkeys are excluded, so an
 * authenticator that already holds one says so instead of making a duplicate; the challenge
 * is bound to this session.
 */
export async function startPasskeyRegistration(deps: Deps, s: Signer) {
  const rp = relyingParty(deps.config);
  const existing = await listPasskeys(deps.db, s.user.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: s.user.email,
    userDisplayName: s.user.name,
    userID: userHandleOf(s.user.id),
    timeout: challengeTtlMs,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.credentialId,
      transports: p.transports ?? undefined,
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await storeChallenge(deps.db, {
    challenge: options.challenge,
    purpose: 'registration',
    userId: s.user.id,
    sessionId: s.sessionId,
    now: deps.clock.now(),
  });
  return options;
}

export type RegistrationResult =
  { ok: true; passkey: PasskeyRow } | { ok: false; reason: PasskeyFailure; origin?: string };

type RegistrationInfo = VerifiedRegistrationResponse['registrationInfo'] & {};
type NewPasskey = { response: RegistrationResponse; name: string; info: RegistrationInfo };

/**
 * Checks a new credential against the open registration challenge of this session (used up
 * first, so a replay fails), the origin, the RP ID and the attestation's signature.
 */
async function checkAttestation(
  deps: Deps,
  s: Signer,
  response: RegistrationResponse,
  now: Date,
): Promise<
  { ok: true; info: RegistrationInfo } | { ok: false; reason: PasskeyFailure; origin?: string }
> {
  const rp = relyingParty(deps.config);
  const clientData = readClientData(response.response.clientDataJSON);
  if (!clientData) return { ok: false, reason: 'malformed' };
  const used = await consumeChallenge(
    deps.db,
    {
      purpose: 'registration',
      challenge: clientData.challenge,
      sessionId: s.sessionId,
      userId: s.user.id,
    },
    now,
  );
  if (!used.ok) return { ok: false, reason: used.reason };
  const originProblem = checkOrigin(rp, clientData, 'webauthn.create');
  if (originProblem) return { ok: false, reason: originProblem, origin: clientData.origin };
  const authData = authDataOfAttestation(response.response.attestationObject);
  if (!authData) return { ok: false, reason: 'malformed' };
  const facts = readAuthenticatorData(rp, authData);
  if (!facts.ok) return { ok: false, reason: facts.reason };

  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
      expectedChallenge: used.row.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // The session already proved a credential within REAUTH_MINUTES; a security key without
      // a PIN is still a fine second key.
      requireUserVerification: false,
    });
  } catch {
    return { ok: false, reason: 'invalid-signature' };
  }
  if (!verified.verified) return { ok: false, reason: 'invalid-signature' };
  return { ok: true, info: verified.registrationInfo };
}

/**
 * Stores the passkey, records it and mails the owner, in one transaction; null when the
 * credential is already registered (to anyone).
 */
async function savePasskey(
  deps: Deps,
  user: UserRow,
  key: NewPasskey,
  meta: RequestMeta,
  now: Date,
) {
  const { info, name } = key;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({
        userId: user.id,
        credentialId: info.credential.id,
        publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
        counter: info.credential.counter,
        transports: info.credential.transports ?? key.response.response.transports ?? null,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name,
        createdAt: now,
      })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning();
    if (!row) return null;
    await recordEvent(tx, {
      userId: user.id,
      action: 'passkey.added',
      at: now,
      meta,
      details: { name },
    });
    const ctx = mailContext(deps, user.locale);
    await queueMail(deps, tx, {
      to: user.email,
      userId: user.id,
      locale: user.locale,
      template: 'passkey-added',
      data: {
        kind: 'added',
        name: user.name,
        passkey: name,
        when: formatDateTime(now, ctx.locale, personTimeZone(user)),
        // "Not me" on this notice also removes this passkey: otherwise whoever added it keeps a way in.
        notMeUrl: await notMeLink(deps, tx, user.id, now),
      },
    });
    return row;
  });
}

/** Verifies a new credential against the open challenge of this session and stores it. */
export async function finishPasskeyRegistration(
  deps: Deps,
  s: Signer & { user: UserRow },
  input: { response: RegistrationResponse; name?: string },
  meta: RequestMeta,
): Promise<RegistrationResult> {
  const now = deps.clock.now();
  const checked = await checkAttestation(deps, s, input.response, now);
  if (!checked.ok) return checked;
  const name = input.name?.trim() || describeDevice(meta.userAgent).slice(0, 100) || 'Passkey';
  const saved = await savePasskey(
    deps,
    s.user,
    { response: input.response, name, info: checked.info },
    meta,
    now,
  );
  if (!saved) return { ok: false, reason: 'already-registered' };
  deps.notifyMail();
  return { ok: true, passkey: saved };
}
