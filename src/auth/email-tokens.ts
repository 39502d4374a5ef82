import { and, eq, gt, isNull } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { tokens, type TokenPurpose } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { hashSecret } from '../sessions/token';

export const tokenTtlMs: Record<TokenPurpose, number> = {
  'verify-email': 24 * 3_600_000,
  'reset-password': 3_600_000,
  'change-email': 24 * 3_600_000,
  'not-me': 7 * 24 * 3_600_000,
  'cancel-deletion': 60 * 24 * 3_600_000,
  'two-factor-login': 5 * 60_000,
  'confirm-subscription': 7 * 24 * 3_600_000,
};

/**
 * Issues a single-use emailed token: 160 random bits; only its SHA-256 is kept, so a copy of
 * the database cannot be turned into working links. Looking the row up by that hash needs no
 * secret comparison of its own.
 */
export async function issueEmailToken(
  db: Executor,
  input: { purpose: TokenPurpose; userId: string; now: Date; payload?: Record<string, unknown>; ttlMs?: number },
) {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  await db.insert(tokens).values({
    purpose: input.purpose,
    hash: hashSecret(token),
    userId: input.userId,
    payload: input.payload ?? null,
    expiresAt: new Date(input.now.getTime() + (input.ttlMs ?? tokenTtlMs[input.purpose])),
    createdAt: input.now,
  });
  return token;
}

export type ConsumedToken = typeof tokens.$inferSelect;
export type TokenFailure = 'invalid' | 'expired' | 'used';

/** Marks the token used in one statement, so two clicks of the same link cannot both act. */
export async function consumeEmailToken(
  db: Executor,
  purpose: TokenPurpose,
  token: string,
  now: Date,
): Promise<{ ok: true; row: ConsumedToken } | { ok: false; reason: TokenFailure }> {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return { ok: false, reason: 'invalid' };
  const hash = hashSecret(token);
  const [row] = await db
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.hash, hash), eq(tokens.purpose, purpose), isNull(tokens.usedAt), gt(tokens.expiresAt, now)))
    .returning();
  if (row) return { ok: true, row };
  const [existing] = await db
    .select({ usedAt: tokens.usedAt, expiresAt: tokens.expiresAt })
    .from(tokens)
    .where(and(eq(tokens.hash, hash), eq(tokens.purpose, purpose)));
  if (!existing) return { ok: false, reason: 'invalid' };
  return { ok: false, reason: existing.usedAt ? 'used' : 'expired' };
}

/** Reads a token without using it (the GET page of an emailed link shows, only POST acts). */
export async function peekEmailToken(db: Executor, purpose: TokenPurpose, token: string, now: Date) {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(tokens)
    .where(and(eq(tokens.hash, hashSecret(token)), eq(tokens.purpose, purpose), isNull(tokens.usedAt), gt(tokens.expiresAt, now)));
  return row ?? null;
}

/** Voids a user's unused tokens of one purpose, e.g. older reset links after a new one. */
export async function revokeEmailTokens(db: Executor, userId: string, purpose: TokenPurpose, now: Date) {
  await db
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.userId, userId), eq(tokens.purpose, purpose), isNull(tokens.usedAt)));
}
