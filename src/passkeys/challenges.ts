import { and, eq, gt, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { webauthnChallenges } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { challengeTtlMs } from './relying-party';

export type ChallengeRow = typeof webauthnChallenges.$inferSelect;
export type ChallengeFailure = 'challenge-unknown' | 'challenge-expired' | 'challenge-used';
type Purpose = ChallengeRow['purpose'];

const sweepAfterMs = 3_600_000;

/**
 * Stores a challenge handed to a browser. It lives in the database, not in process memory,
 * so any instance can finish a ceremony another one started. Rows expired for an hour are
 * swept a few at a time here, so the table stays small even without a job (within the hour
 * a late answer is still told "expired" rather than "unknown").
 */
export async function storeChallenge(
  db: Executor,
  input: {
    challenge: string;
    purpose: Purpose;
    userId?: string | null;
    sessionId?: string | null;
    now: Date;
  },
) {
  const stale = db
    .select({ id: webauthnChallenges.id })
    .from(webauthnChallenges)
    .where(lt(webauthnChallenges.expiresAt, new Date(input.now.getTime() - sweepAfterMs)))
    .limit(100);
  await db.delete(webauthnChallenges).where(inArray(webauthnChallenges.id, stale));
  const [row] = await db
    .insert(webauthnChallenges)
    .values({
      challenge: input.challenge,
      purpose: input.purpose,
      userId: input.userId ?? null,
      sessionId: input.sessionId ?? null,
      expiresAt: new Date(input.now.getTime() + challengeTtlMs),
      createdAt: input.now,
    })
    .returning({ id: webauthnChallenges.id });
  return row!.id;
}

/** Which challenge: by the row id (the sign-in cookie) or by its value, bound to a session. */
export type ChallengeMatch =
  | { purpose: Purpose; id: string }
  | { purpose: Purpose; challenge: string; sessionId: string; userId: string };

/**
 * Uses a challenge up in one statement (`UPDATE … WHERE used_at IS NULL AND expires_at > now
 * RETURNING`), so a replayed response, or two racing ones, can never both pass. A failure
 * says why, so the person is told to start again rather than that their passkey is wrong.
 */
export async function consumeChallenge(
  db: Executor,
  match: ChallengeMatch,
  now: Date,
): Promise<{ ok: true; row: ChallengeRow } | { ok: false; reason: ChallengeFailure }> {
  const conditions: SQL[] = [eq(webauthnChallenges.purpose, match.purpose)];
  if ('id' in match) {
    // Not a UUID: nothing to look up (and PostgreSQL would reject the cast).
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(match.id)) {
      return { ok: false, reason: 'challenge-unknown' };
    }
    conditions.push(eq(webauthnChallenges.id, match.id), isNull(webauthnChallenges.sessionId));
  } else {
    conditions.push(
      eq(webauthnChallenges.challenge, match.challenge),
      eq(webauthnChallenges.sessionId, match.sessionId),
      eq(webauthnChallenges.userId, match.userId),
    );
  }
  const [row] = await db
    .update(webauthnChallenges)
    .set({ usedAt: now })
    .where(
      and(...conditions, isNull(webauthnChallenges.usedAt), gt(webauthnChallenges.expiresAt, now)),
    )
    .returning();
  if (row) return { ok: true, row };
  const [existing] = await db
    .select({ usedAt: webauthnChallenges.usedAt })
    .from(webauthnChallenges)
    .where(and(...conditions));
  if (!existing) return { ok: false, reason: 'challenge-unknown' };
  return { ok: false, reason: existing.usedAt ? 'challenge-used' : 'challenge-expired' };
}
