import { and, eq, inArray, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/schema';
import type { Executor } from '../platform/db-types';

export type RateRule = { name: string; limit: number; windowMs: number };
export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counters live in the database so every instance sees the same numbers. Each window is a
 * fixed bucket; the previous bucket is weighted by how much of it still overlaps a sliding
 * window, which smooths out the double burst that plain fixed windows allow at the boundary.
 */
function windowsOf(rule: RateRule, now: Date) {
  const current = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return { current: new Date(current), previous: new Date(current - rule.windowMs), current0: current };
}

function judge(rule: RateRule, now: Date, currentCount: number, previousCount: number): RateVerdict {
  const { current0 } = windowsOf(rule, now);
  const elapsed = (now.getTime() - current0) / rule.windowMs;
  const estimate = previousCount * (1 - elapsed) + currentCount;
  if (estimate < rule.limit) return { ok: true };
  // Wait until the previous bucket has faded enough, or at worst until this one is over.
  const retryMs = currentCount >= rule.limit ? current0 + rule.windowMs - now.getTime()
    : previousCount > 0 ? ((estimate - rule.limit + 1) / previousCount) * rule.windowMs : rule.windowMs;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
}

async function readCounts(db: Executor, key: string, rule: RateRule, now: Date) {
  const { current, previous } = windowsOf(rule, now);
  const rows = await db
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), inArray(rateLimits.windowStart, [current, previous])));
  const countAt = (d: Date) => rows.find((r) => r.windowStart.getTime() === d.getTime())?.count ?? 0;
  return { current: countAt(current), previous: countAt(previous) };
}

/** Would one more attempt be allowed? Does not count. */
export async function peekRate(db: Executor, rule: RateRule, subject: string, now: Date) {
  const key = `${rule.name}:${subject}`;
  const counts = await readCounts(db, key, rule, now);
  return judge(rule, now, counts.current, counts.previous);
}

/**
 * Counts one attempt and says whether it was within the limit. The increment is a single
 * upsert, so concurrent requests on any instance can never both slip under the limit.
 */
export async function hitRate(db: Executor, rule: RateRule, subject: string, now: Date): Promise<RateVerdict> {
  const key = `${rule.name}:${subject}`;
  const { current, previous } = windowsOf(rule, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: current, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const [prev] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, previous)));
  return judge(rule, now, row!.count - 1, prev?.count ?? 0);
}

/** Counts an attempt without judging it (a failure recorded after the fact). */
export async function countRate(db: Executor, rule: RateRule, subject: string, now: Date) {
  const { current } = windowsOf(rule, now);
  await db
    .insert(rateLimits)
    .values({ key: `${rule.name}:${subject}`, windowStart: current, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    });
}

export async function clearRate(db: Executor, rule: RateRule, subject: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, `${rule.name}:${subject}`));
}
