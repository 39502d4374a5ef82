import { and, eq, inArray, sql } from 'drizzle-orm';
import { rateLimits } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { rowsOf } from '../platform/sql-rows';

export type RateRule = { name: string; limit: number; windowMs: number };
export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counters live in the database so every instance sees the same numbers. Each window is a
 * fixed bucket; the previous bucket is weighted by how much of it still overlaps a sliding
 * window, which smooths out the double burst that plain fixed windows allow at the boundary.
 */
/** A counter's row key: the rule's name and whose attempts it counts. */
export const rateKey = (rule: RateRule, subject: string) => `${rule.name}:${subject}`;

export function windowsOf(rule: RateRule, now: Date) {
  const current = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return {
    current: new Date(current),
    previous: new Date(current - rule.windowMs),
    current0: current,
  };
}

/**
 * How far into the current bucket `now` is (0..1), and the sliding window's count: the current
 * bucket plus the part of the previous one the window still overlaps.
 */
function slidingEstimate(rule: RateRule, now: Date, currentCount: number, previousCount: number) {
  const { current0 } = windowsOf(rule, now);
  const elapsed = (now.getTime() - current0) / rule.windowMs;
  return { elapsed, estimate: previousCount * (1 - elapsed) + currentCount };
}

/**
 * `currentCount` is what the current bucket held before this attempt; `stored` is what it
 * holds now (one more when the attempt was counted even though refused).
 */
function judge(
  rule: RateRule,
  now: Date,
  currentCount: number,
  previousCount: number,
  stored = currentCount,
): RateVerdict {
  const { elapsed, estimate } = slidingEstimate(rule, now, currentCount, previousCount);
  if (estimate < rule.limit) return { ok: true };
  // The earliest moment the next attempt would pass, if nothing more is counted: while this
  // bucket is under the limit, once the previous one has faded enough; otherwise after the
  // boundary, once this bucket (then the previous one) has faded below the limit in turn.
  const retryMs =
    stored < rule.limit && previousCount > 0
      ? (1 - (rule.limit - stored) / previousCount - elapsed) * rule.windowMs
      : (1 - elapsed) * rule.windowMs + Math.max(0, 1 - rule.limit / stored) * rule.windowMs;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((retryMs + 1) / 1000)) };
}

/**
 * What the RateLimit header reports for a counter: how many more attempts would pass now,
 * and in how many seconds that changes (the retry delay when none would, else the end of
 * the current bucket, when the counts move on).
 */
export function peekVerdict(
  rule: RateRule,
  now: Date,
  currentCount: number,
  previousCount: number,
) {
  const { current0 } = windowsOf(rule, now);
  const { estimate } = slidingEstimate(rule, now, currentCount, previousCount);
  const remaining = Math.max(0, Math.ceil(rule.limit - estimate));
  const verdict = judge(rule, now, currentCount, previousCount);
  const resetSeconds = verdict.ok
    ? Math.max(1, Math.ceil((current0 + rule.windowMs - now.getTime()) / 1000))
    : verdict.retryAfterSeconds;
  return { remaining: verdict.ok ? remaining : 0, resetSeconds };
}

async function readCounts(db: Executor, key: string, rule: RateRule, now: Date) {
  const { current, previous } = windowsOf(rule, now);
  const rows = await db
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), inArray(rateLimits.windowStart, [current, previous])));
  const countAt = (d: Date) =>
    rows.find((r) => r.windowStart.getTime() === d.getTime())?.count ?? 0;
  return { current: countAt(current), previous: countAt(previous) };
}

/** Would one more attempt be allowed? Does not count. */
export async function peekRate(db: Executor, rule: RateRule, subject: string, now: Date) {
  const key = rateKey(rule, subject);
  const counts = await readCounts(db, key, rule, now);
  return judge(rule, now, counts.current, counts.previous);
}

/**
 * Counts one attempt and says whether it was within the limit. The increment is a single
 * upsert, so concurrent requests on any instance can never both slip under the limit.
 */
export async function hitRate(
  db: Executor,
  rule: RateRule,
  subject: string,
  now: Date,
): Promise<RateVerdict> {
  const key = rateKey(rule, subject);
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
  return judge(rule, now, row!.count - 1, prev?.count ?? 0, row!.count);
}

/**
 * Takes one slot if another attempt is allowed, and counts nothing if not. The check and the
 * increment are one conditional upsert, so concurrent requests on any instance can never take
 * more slots than the limit (a peek followed by a later count lets a burst of parallel
 * guesses all pass the peek). Give the slot back with `releaseRate` if the attempt succeeds.
 */
export async function takeRate(
  db: Executor,
  rule: RateRule,
  subject: string,
  now: Date,
): Promise<RateVerdict> {
  const key = rateKey(rule, subject);
  const { current, previous, current0 } = windowsOf(rule, now);
  // How much of the previous bucket still counts; an integer count c satisfies
  // c + carried < limit exactly when c < ceil(limit - carried).
  const stillCounts = 1 - (now.getTime() - current0) / rule.windowMs;
  // One statement (it runs on every sign-in): read the previous bucket, take a slot in the
  // current one only while there is room, and report the counts the verdict needs.
  const result = await db.execute(sql`
    with prev as (
      select coalesce(
        (select count from rate_limits where key = ${key} and window_start = ${previous.toISOString()}::timestamptz),
        0) as c
    ), room as (
      select ceil(${rule.limit}::float8 - c * ${stillCounts}::float8) as n from prev
    ), taken as (
      insert into rate_limits (key, window_start, count)
      select ${key}, ${current.toISOString()}::timestamptz, 1 from room where n > 0
      on conflict (key, window_start) do update set count = rate_limits.count + 1
        where rate_limits.count < (select n from room)
      returning count
    )
    select (select count from taken) as taken,
      (select c from prev) as previous,
      coalesce(
        (select count from rate_limits where key = ${key} and window_start = ${current.toISOString()}::timestamptz),
        0) as current`);
  const [row] = rowsOf<{ taken: number | null; previous: number; current: number }>(result);
  if (row!.taken !== null) return { ok: true };
  const verdict = judge(rule, now, Number(row!.current), Number(row!.previous));
  return verdict.ok ? { ok: false, retryAfterSeconds: 1 } : verdict;
}

/** Gives back a slot taken with `takeRate` at `takenAt` (the attempt was not a failure). */
export async function releaseRate(db: Executor, rule: RateRule, subject: string, takenAt: Date) {
  const { current } = windowsOf(rule, takenAt);
  await db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(
      and(
        eq(rateLimits.key, rateKey(rule, subject)),
        eq(rateLimits.windowStart, current),
        sql`${rateLimits.count} > 0`,
      ),
    );
}

/**
 * After a success: gives back one slot taken with `takeRate` and forgets another key's
 * failures, in one statement.
 */
export async function releaseAndClearRates(
  db: Executor,
  release: { rule: RateRule; subject: string; takenAt: Date },
  clear: { rule: RateRule; subject: string },
) {
  const { current } = windowsOf(release.rule, release.takenAt);
  await db.execute(sql`
    with released as (
      update rate_limits set count = count - 1
      where key = ${rateKey(release.rule, release.subject)}
        and window_start = ${current.toISOString()}::timestamptz and count > 0
    )
    delete from rate_limits where key = ${rateKey(clear.rule, clear.subject)}`);
}

export async function clearRate(db: Executor, rule: RateRule, subject: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, rateKey(rule, subject)));
}
