import { sha256 } from '@oslojs/crypto/sha2';
import {
  decodeAttestationObject,
  decodeClientDataJSON,
  isoBase64URL,
  parseAuthenticatorData,
} from '@simplewebauthn/server/helpers';
import type { RelyingParty } from './relying-party';

/** Why a ceremony's answer was refused before (or instead of) its signature being checked. */
export type CeremonyFailure = 'malformed' | 'origin-mismatch' | 'rp-id-mismatch';

export type ClientData = { type: string; challenge: string; origin: string };

/** Reads clientDataJSON; null when it is not the JSON object WebAuthn defines. */
export function readClientData(clientDataJSON: string): ClientData | null {
  try {
    const data = decodeClientDataJSON(clientDataJSON);
    if (
      typeof data?.type !== 'string' ||
      typeof data.challenge !== 'string' ||
      typeof data.origin !== 'string'
    )
      return null;
    return { type: data.type, challenge: data.challenge, origin: data.origin };
  } catch {
    return null;
  }
}

/**
 * The checks that name their own failure. `@simplewebauthn/server` makes them too, but only as
 * an exception message; doing them first lets a person (or an operator with a wrong APP_URL)
 * be told exactly which of origin or RP ID is off, and what was expected.
 */
export function checkOrigin(
  rp: RelyingParty,
  clientData: ClientData,
  type: 'webauthn.create' | 'webauthn.get',
): CeremonyFailure | null {
  if (clientData.type !== type) return 'malformed';
  return clientData.origin === rp.origin ? null : 'origin-mismatch';
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export type AuthenticatorFacts = { counter: number; userVerified: boolean; backedUp: boolean };

/** Parses authenticator data and checks that it was made for our RP ID (SHA-256 of it). */
export function readAuthenticatorData(
  rp: RelyingParty,
  authData: Uint8Array,
): { ok: true; facts: AuthenticatorFacts } | { ok: false; reason: CeremonyFailure } {
  let parsed;
  try {
    parsed = parseAuthenticatorData(authData as Uint8Array<ArrayBuffer>);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!sameBytes(parsed.rpIdHash, sha256(new TextEncoder().encode(rp.id))))
    return { ok: false, reason: 'rp-id-mismatch' };
  return {
    ok: true,
    facts: { counter: parsed.counter, userVerified: parsed.flags.uv, backedUp: parsed.flags.bs },
  };
}

/** The authenticator data inside a registration's attestation object. */
export function authDataOfAttestation(attestationObject: string): Uint8Array | null {
  try {
    const authData = decodeAttestationObject(isoBase64URL.toBuffer(attestationObject)).get(
      'authData',
    );
    return authData instanceof Uint8Array ? authData : null;
  } catch {
    return null;
  }
}

export function authDataOfAssertion(authenticatorData: string): Uint8Array | null {
  try {
    return isoBase64URL.toBuffer(authenticatorData);
  } catch {
    return null;
  }
}

/**
 * A signature counter that did not move forward means two authenticators hold the same key:
 * the credential was cloned. Counters of 0 on both sides mean "this authenticator keeps none"
 * (synced passkeys), which is not a regression.
 */
export const isCounterRegression = (stored: number, received: number) =>
  (stored > 0 || received > 0) && received <= stored;
