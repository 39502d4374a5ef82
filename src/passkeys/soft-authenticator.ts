import { sha256 } from '@oslojs/crypto/sha2';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software WebAuthn authenticator for tests: an ES256 key pair from WebCrypto, 'none'
 * attestation in CBOR, assertions signed over authenticatorData ‖ SHA-256(clientDataJSON),
 * as a real authenticator would. It lets tests drive the server's ceremonies without a
 * browser, and bend any part of the answer (origin, RP ID, counter) to test the refusals.
 */
export type SoftCredential = {
  id: Uint8Array;
  keyPair: CryptoKeyPair;
  rpId: string;
  userHandle: string | null;
  counter: number;
};

const flags = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, at: 0x40 };
const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(bytes as Uint8Array<ArrayBuffer>);
const utf8 = (s: string) => new TextEncoder().encode(s);

function concat(...parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const u32 = (n: number) =>
  new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

function authenticatorData(rpId: string, flagByte: number, counter: number, attested?: Uint8Array) {
  return concat(
    sha256(utf8(rpId)),
    new Uint8Array([flagByte]),
    u32(counter),
    attested ?? new Uint8Array(),
  );
}

/** COSE_Key of an EC2 P-256 public key (kty 2, alg -7, crv 1, x, y). */
async function coseKey(publicKey: CryptoKey) {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
  const map = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, raw.slice(1, 33)],
    [-3, raw.slice(33, 65)],
  ]);
  return isoCBOR.encode(map);
}

/** WebCrypto signs ECDSA as r‖s; WebAuthn wants ASN.1 DER. */
function derSignature(raw: Uint8Array) {
  const int = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    let v = bytes.slice(i);
    if (v[0]! & 0x80) v = concat(new Uint8Array([0]), v);
    return concat(new Uint8Array([0x02, v.length]), v);
  };
  const body = concat(int(raw.slice(0, 32)), int(raw.slice(32)));
  return concat(new Uint8Array([0x30, body.length]), body);
}

type CreationOptions = { challenge: string; rp: { id?: string }; user: { id: string } };
type RequestOptions = { challenge: string; rpId?: string };
type Overrides = { origin?: string; rpId?: string; type?: string; userVerified?: boolean };

export async function createSoftCredential(
  options: CreationOptions,
  origin: string,
  o: Overrides & { backedUp?: boolean } = {},
) {
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const id = crypto.getRandomValues(new Uint8Array(32));
  const rpId = o.rpId ?? options.rp.id!;
  const cose = await coseKey(keyPair.publicKey);
  const attested = concat(new Uint8Array(16), new Uint8Array([0, id.length]), id, cose);
  let flagByte = flags.up | flags.at | (o.userVerified === false ? 0 : flags.uv);
  if (o.backedUp) flagByte |= flags.be | flags.bs;
  const authData = authenticatorData(rpId, flagByte, 0, attested);
  const clientDataJSON = utf8(
    JSON.stringify({
      type: o.type ?? 'webauthn.create',
      challenge: options.challenge,
      origin: o.origin ?? origin,
      crossOrigin: false,
    }),
  );
  const attestationObject = isoCBOR.encode(
    new Map<string, unknown>([
      ['fmt', 'none'],
      ['attStmt', new Map()],
      ['authData', authData],
    ]) as never,
  );
  const credential: SoftCredential = {
    id,
    keyPair,
    rpId: options.rp.id!,
    userHandle: options.user.id,
    counter: 0,
  };
  const response = {
    id: b64(id),
    rawId: b64(id),
    type: 'public-key' as const,
    response: {
      clientDataJSON: b64(clientDataJSON),
      attestationObject: b64(attestationObject),
      transports: ['internal'],
    },
    clientExtensionResults: {},
    authenticatorAttachment: 'platform' as const,
  };
  return { credential, response };
}

/**
 * Signs an assertion. The counter goes up by one each time unless `counter` says otherwise
 * (a clone replays an old one).
 */
export async function softAssertion(
  cred: SoftCredential,
  options: RequestOptions,
  origin: string,
  o: Overrides & { counter?: number } = {},
) {
  cred.counter = o.counter ?? cred.counter + 1;
  const flagByte = flags.up | (o.userVerified === false ? 0 : flags.uv);
  const authData = authenticatorData(o.rpId ?? cred.rpId, flagByte, cred.counter);
  const clientDataJSON = utf8(
    JSON.stringify({
      type: o.type ?? 'webauthn.get',
      challenge: options.challenge,
      origin: o.origin ?? origin,
      crossOrigin: false,
    }),
  );
  const signed = concat(authData, sha256(clientDataJSON));
  const raw = new Uint8Array(
    await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, cred.keyPair.privateKey, signed),
  );
  return {
    id: b64(cred.id),
    rawId: b64(cred.id),
    type: 'public-key' as const,
    response: {
      clientDataJSON: b64(clientDataJSON),
      authenticatorData: b64(authData),
      signature: b64(derSignature(raw)),
      userHandle: cred.userHandle,
    },
    clientExtensionResults: {},
    authenticatorAttachment: 'platform' as const,
  };
}
