import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { passkeys, users } from '../../db/schema';
import type { Executor, Tx } from '../platform/db-types';

export type PasskeyRow = typeof passkeys.$inferSelect;

export const passkeyNameSchema = z.string().trim().min(1).max(100);

export const passkeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    deviceType: z.enum(['singleDevice', 'multiDevice']),
    backedUp: z.boolean(),
    transports: z.array(z.string()),
  })
  .openapi('Passkey');

/** A passkey as the owner sees it: never the public key or the credential id. */
export function toPasskeyJson(row: PasskeyRow): z.infer<typeof passkeySchema> {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    deviceType: row.deviceType,
    backedUp: row.backedUp,
    transports: row.transports ?? [],
  };
}

export async function listPasskeys(db: Executor, userId: string) {
  return db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

const isUuid = (v: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** One of the owner's passkeys; someone else's id finds nothing, exactly like a made-up one. */
export async function findOwnPasskey(
  db: Executor,
  userId: string,
  id: string,
): Promise<PasskeyRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)));
  return row ?? null;
}

export async function findPasskeyByCredentialId(
  db: Executor,
  credentialId: string,
): Promise<PasskeyRow | null> {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}

export async function renamePasskey(db: Executor, userId: string, id: string, name: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning();
  return row ?? null;
}

/**
 * Removes a passkey unless it is the last way in: an account without a password keeps at
 * least one passkey. The user's row is locked first, so two removals racing each other
 * (one per tab) cannot both see "one more left" and leave the account with nothing.
 */
export async function removePasskey(
  tx: Tx,
  userId: string,
  id: string,
): Promise<
  { ok: true; row: PasskeyRow } | { ok: false; reason: 'not-found' | 'last-sign-in-method' }
> {
  if (!isUuid(id)) return { ok: false, reason: 'not-found' };
  const [user] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  const row = await findOwnPasskey(tx, userId, id);
  if (!user || !row) return { ok: false, reason: 'not-found' };
  if (!user.passwordHash) {
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(passkeys)
      .where(and(eq(passkeys.userId, userId), ne(passkeys.id, id)));
    if ((others?.n ?? 0) === 0) return { ok: false, reason: 'last-sign-in-method' };
  }
  await tx.delete(passkeys).where(eq(passkeys.id, row.id));
  return { ok: true, row };
}

/** The user handle WebAuthn stores with a discoverable credential: the user id's 16 bytes. */
export function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  const hex = userId.replace(/-/g, '');
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
