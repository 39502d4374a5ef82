import {
  decodeBase64urlIgnorePadding,
  encodeBase64urlNoPadding,
  encodeHexLowerCase,
} from '@oslojs/encoding';

/**
 * Secrets at rest (docs/decisions/012-totp-secrets-at-rest.md): AES-256-GCM under a key
 * derived with HKDF-SHA-256 from a configured secret, through WebCrypto, so Node and Workers
 * run the same code. Every value is stored with the id of the key that sealed it, and is bound
 * to a context (the owner's id) as additional data: moved to another row, it does not open.
 *
 * Several keys may be known (the current one seals; previous ones only open), which is what
 * makes rotation possible: re-seal every value under the current key, then drop the old one.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** Fixed, public: HKDF's salt only separates this use of the secret from any other. */
const salt = encoder.encode('accounts-cabinet/secrets-at-rest');
const version = 'v1';
const ivBytes = 12;

export type Sealed = { ciphertext: string; keyId: string };

export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
  constructor(
    readonly reason: 'no-key' | 'unknown-key' | 'undecryptable' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

export type SecretBox = {
  /** The id of the key that seals; null when no key is configured (sealing then throws). */
  readonly currentKeyId: string | null;
  /** Every key id this box can open. */
  readonly keyIds: readonly string[];
  seal(plaintext: string, context: string): Promise<Sealed>;
  /** Throws SecretBoxError (never with the value in it) when the value does not open. */
  open(sealed: Sealed, context: string): Promise<string>;
};

type Derived = { id: string; key: CryptoKey };
const derived = new Map<string, Promise<Derived>>();

/** The key id is public (it is stored beside each value): 64 bits of HKDF output, not the key. */
function derive(secret: string, purpose: string): Promise<Derived> {
  const cacheKey = `${purpose}\u0000${secret}`;
  let entry = derived.get(cacheKey);
  if (!entry) {
    entry = (async () => {
      const ikm = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
        'deriveKey',
        'deriveBits',
      ]);
      const idBits = await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('key id') },
        ikm,
        64,
      );
      const key = await crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode(`${purpose} aes-256-gcm`) },
        ikm,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      );
      return { id: encodeHexLowerCase(new Uint8Array(idBits)), key };
    })();
    entry.catch(() => derived.delete(cacheKey));
    derived.set(cacheKey, entry);
  }
  return entry;
}

const additionalData = (purpose: string, context: string) =>
  encoder.encode(`${version}\u0000${purpose}\u0000${context}`);

/** The IV and ciphertext of `v1.<iv>.<ct>`; anything else is 'malformed'. */
function parseSealed(ciphertext: string) {
  const malformed = () => new SecretBoxError('malformed', 'not a sealed value of a known format');
  const parts = ciphertext.split('.');
  if (parts.length !== 3 || parts[0] !== version) throw malformed();
  let iv: Uint8Array;
  let ct: Uint8Array;
  try {
    iv = decodeBase64urlIgnorePadding(parts[1]!);
    ct = decodeBase64urlIgnorePadding(parts[2]!);
  } catch {
    throw malformed();
  }
  if (iv.length !== ivBytes) throw malformed();
  return { iv, ct };
}

/**
 * A box for one purpose (its own derived key, and part of the additional data, so a value
 * sealed for one purpose never opens as another). `current` undefined: opens with the
 * previous keys only, seals nothing.
 */
export async function openSecretBox(
  purpose: string,
  keys: { current?: string; previous?: readonly string[] },
): Promise<SecretBox> {
  const current = keys.current ? await derive(keys.current, purpose) : null;
  const all = new Map<string, Derived>();
  if (current) all.set(current.id, current);
  for (const secret of keys.previous ?? []) {
    const d = await derive(secret, purpose);
    if (!all.has(d.id)) all.set(d.id, d);
  }
  return {
    currentKeyId: current?.id ?? null,
    keyIds: [...all.keys()],
    async seal(plaintext, context) {
      if (!current) throw new SecretBoxError('no-key', 'no current key is configured');
      const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
      const ct = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData(purpose, context) },
        current.key,
        encoder.encode(plaintext),
      );
      return {
        ciphertext: `${version}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(new Uint8Array(ct))}`,
        keyId: current.id,
      };
    },
    async open(sealed, context) {
      const entry = all.get(sealed.keyId);
      if (!entry)
        throw new SecretBoxError('unknown-key', `no configured key has the id ${sealed.keyId}`);
      const { iv, ct } = parseSealed(sealed.ciphertext);
      try {
        const plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: iv as Uint8Array<ArrayBuffer>,
            additionalData: additionalData(purpose, context),
          },
          entry.key,
          ct as Uint8Array<ArrayBuffer>,
        );
        return decoder.decode(plain);
      } catch {
        throw new SecretBoxError(
          'undecryptable',
          `the value does not open with key ${sealed.keyId} for this owner (altered, or moved from another row)`,
        );
      }
    },
  };
}

/** A new random key for secrets at rest, as SECRETS_KEY accepts it (256 bits, base64url). */
export const generateSecretsKey = () =>
  encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
