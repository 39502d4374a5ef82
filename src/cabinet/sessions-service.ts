import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { auditEvents, sessions } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import { rowsOf } from '../platform/sql-rows';

/** The person's live sessions, newest activity first. */
export async function listSessions(db: Executor, userId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.absoluteExpiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

/**
 * What the overview says about security: how many sessions are live and when the person
 * signed in before this time (the latest sign-in is usually the current one), in one query.
 */
export async function overviewSummary(db: Executor, userId: string, now: Date) {
  const at = now.toISOString();
  const [row] = rowsOf<{ sessions: number; last: number | string | null }>(
    await db.execute(sql`select
      (select count(*)::int from ${sessions}
        where ${sessions.userId} = ${userId} and ${sessions.expiresAt} > ${at}::timestamptz
          and ${sessions.absoluteExpiresAt} > ${at}::timestamptz) as "sessions",
      (select (extract(epoch from ${auditEvents.at}) * 1000)::float8 from ${auditEvents}
        where ${auditEvents.userId} = ${userId} and ${auditEvents.action} = 'sign-in'
        order by ${auditEvents.at} desc offset 1 limit 1) as "last"`),
  );
  // Raw SQL skips Drizzle's date mapping, so the moment comes as epoch milliseconds.
  return { sessionCount: Number(row!.sessions), lastSignIn: row!.last === null ? null : new Date(Number(row!.last)) };
}

/** Ends one of the person's sessions. Another person's id simply matches nothing (404). */
export async function endOwnSession(db: Executor, userId: string, sessionId: string) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
