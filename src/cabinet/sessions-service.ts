import { and, desc, eq, gt } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { Executor } from '../platform/db-types';

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

/** Ends one of the person's sessions. Another person's id simply matches nothing (404). */
export async function endOwnSession(db: Executor, userId: string, sessionId: string) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
