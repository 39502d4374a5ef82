import { constantTimeEqual } from '@oslojs/crypto/subtle';
import {
  decodeBase64urlIgnorePadding,
  decodeHex,
  encodeBase64urlNoPadding,
  encodeHexLowerCase,
} from '@oslojs/encoding';
import { listSlugPattern } from './lists';

/**
 * Unsubscribe links carry `payload.mac`: the payload is the user id (16 bytes) and the list
 * slug, the mac an HMAC-SHA256 over them. Nothing is stored per link, so every mail of a
 * 100,000-recipient announcement gets its own link for one HMAC each, and a link keeps
 * working for as long as the mail sits in someone's inbox. Unguessable because the key is
 * 256 random bits; unforgeable for another person or list because both are under the mac.
 */
export type UnsubscribeClaim = { userId: string; list: string };

/** Domain separation: a mac made for another purpose with the same key can never pass here. */
export const unsubscribeTokenContext = 'unsubscribe:v1\n';
const context = new TextEncoder().encode(unsubscribeTokenContext);
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const tokenPattern = /^[A-Za-z0-9_-]{22,100}\.[A-Za-z0-9_-]{43}$/;
export const maxUnsubscribeTokenLength = 150;

function payloadOf(claim: UnsubscribeClaim): Uint8Array {
  const slug = new TextEncoder().encode(claim.list);
  const out = new Uint8Array(16 + slug.length);
  out.set(decodeHex(claim.userId.replace(/-/g, '')), 0);
  out.set(slug, 16);
  return out;
}

async function macOf(key: CryptoKey, payload: Uint8Array): Promise<Uint8Array> {
  const data = new Uint8Array(context.length + payload.length);
  data.set(context, 0);
  data.set(payload, context.length);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
}

/** The token for one person and one list; the same inputs always give the same token. */
export async function signUnsubscribeToken(
  key: CryptoKey,
  claim: UnsubscribeClaim,
): Promise<string> {
  if (!uuidPattern.test(claim.userId) || !listSlugPattern.test(claim.list))
    throw new Error('bad unsubscribe claim');
  const payload = payloadOf(claim);
  return `${encodeBase64urlNoPadding(payload)}.${encodeBase64urlNoPadding(await macOf(key, payload))}`;
}

/** The person and list a token names, or null for anything forged, altered or malformed. */
export async function verifyUnsubscribeToken(
  key: CryptoKey,
  token: string,
): Promise<UnsubscribeClaim | null> {
  if (token.length > maxUnsubscribeTokenLength || !tokenPattern.test(token)) return null;
  const [payloadPart, macPart] = token.split('.') as [string, string];
  const payload = decodeCanonical(payloadPart);
  const mac = decodeCanonical(macPart);
  if (!payload || !mac || payload.length < 17) return null;
  // Compared in constant time, so response timing tells a forger nothing about a guess.
  if (!constantTimeEqual(await macOf(key, payload), mac)) return null;
  const hex = encodeHexLowerCase(payload.subarray(0, 16));
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const list = new TextDecoder().decode(payload.subarray(16));
  return listSlugPattern.test(list) ? { userId, list } : null;
}

/**
 * Base64url with only one spelling per value: the spare low bits of the last character
 * could be changed without changing the bytes. Not every decoder refuses that, so the round
 * trip is checked here rather than trusted to the library.
 */
function decodeCanonical(part: string): Uint8Array | null {
  try {
    const bytes = decodeBase64urlIgnorePadding(part);
    return encodeBase64urlNoPadding(bytes) === part ? bytes : null;
  } catch {
    return null;
  }
}
