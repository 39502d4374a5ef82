import { eq } from 'drizzle-orm';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { appSecrets } from '../../db/schema';
import type { Executor } from '../platform/db-types';

export const unsubscribeKeyName = 'unsubscribe-signing-key';

/**
 * The HMAC key that signs unsubscribe links: 256 random bits made on first use and kept in
 * the database (base64url), so the zero-setup default needs no configuration and every
 * instance signs alike. Two instances racing on first use both insert with ON CONFLICT DO
 * NOTHING and then read back the one row that won, so they never end up with different keys.
 */
export async function ensureUnsubscribeKey(db: Executor): Promise<string> {
  const existing = await readSecret(db);
  if (existing) return existing;
  const fresh = new Uint8Array(32);
  crypto.getRandomValues(fresh);
  await db
    .insert(appSecrets)
    .values({ name: unsubscribeKeyName, value: encodeBase64urlNoPadding(fresh) })
    .onConflictDoNothing();
  const stored = await readSecret(db);
  if (!stored) throw new Error('the unsubscribe signing key could not be stored');
  return stored;
}

/** The key as a Web Crypto HMAC-SHA256 key (Node, Workers and browsers alike). */
export async function loadUnsubscribeKey(db: Executor): Promise<CryptoKey> {
  const raw = new Uint8Array(decodeBase64urlIgnorePadding(await ensureUnsubscribeKey(db)));
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function readSecret(db: Executor) {
  const [row] = await db
    .select({ value: appSecrets.value })
    .from(appSecrets)
    .where(eq(appSecrets.name, unsubscribeKeyName));
  return row?.value ?? null;
}
