import { and, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { tokens, type TokenPurpose } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { hashSecret } from '../platform/secret-tokens';

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
  input: {
    purpose: TokenPurpose;
    userId: string;
    now: Date;
    payload?: Record<string, unknown>;
    ttlMs?: number;
  },
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
  if (!isTokenShaped(token)) return { ok: false, reason: 'invalid' };
  const [row] = await db
    .update(tokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(tokens.hash, hashSecret(token)),
        eq(tokens.purpose, purpose),
        isNull(tokens.usedAt),
        gt(tokens.expiresAt, now),
      ),
    )
    .returning();
  return row ? { ok: true, row } : inspectEmailToken(db, purpose, token, now);
}

/** Reads a token without using it, saying why it cannot be used when it cannot. */
export async function inspectEmailToken(
  db: Executor,
  purpose: TokenPurpose,
  token: string,
  now: Date,
): Promise<{ ok: true; row: ConsumedToken } | { ok: false; reason: TokenFailure }> {
  if (!isTokenShaped(token)) return { ok: false, reason: 'invalid' };
  const [row] = await db
    .select()
    .from(tokens)
    .where(and(eq(tokens.hash, hashSecret(token)), eq(tokens.purpose, purpose)));
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, row };
}

const isTokenShaped = (token: string) => /^[a-z2-7]{20,64}$/.test(token);

/** A usable token's row, or null (the GET page of an emailed link shows, only POST acts). */
export async function peekEmailToken(
  db: Executor,
  purpose: TokenPurpose,
  token: string,
  now: Date,
) {
  const found = await inspectEmailToken(db, purpose, token, now);
  return found.ok ? found.row : null;
}

/** Voids a user's unused tokens of some purposes, e.g. older reset links after a new one. */
export async function revokeEmailTokens(
  db: Executor,
  userId: string,
  purpose: TokenPurpose | readonly TokenPurpose[],
  now: Date,
) {
  const purposes = typeof purpose === 'string' ? [purpose] : [...purpose];
  await db
    .update(tokens)
    .set({ usedAt: now })
    .where(
      and(eq(tokens.userId, userId), inArray(tokens.purpose, purposes), isNull(tokens.usedAt)),
    );
}

/**
 * Links that lead into the account or move it: a way in for whoever holds one. Every recovery
 * (reset, change, email change, "This wasn't me") voids them all, so a link an intruder asked
 * for, or one sent to an address that is no longer the account's, cannot undo the recovery.
 */
export const accessLinkPurposes = [
  'verify-email',
  'reset-password',
  'change-email',
  'two-factor-login',
] as const satisfies readonly TokenPurpose[];

/**
 * Voids every outstanding link of a user but the "This wasn't me" ones: those reach only the
 * owner's mailbox and can only take access away, and an older one may undo more than a newer
 * one, so the owner keeps them all.
 */
export async function revokeAllLinksButNotMe(db: Executor, userId: string, now: Date) {
  await db
    .update(tokens)
    .set({ usedAt: now })
    .where(and(eq(tokens.userId, userId), ne(tokens.purpose, 'not-me'), isNull(tokens.usedAt)));
}
