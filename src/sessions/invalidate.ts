import { and, eq, ne } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { Executor } from '../platform/db-types';

export async function invalidateSession(db: Executor, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `exceptId`. Returns how many ended. */
export async function invalidateUserSessions(db: Executor, userId: string, exceptId?: string) {
  const rows = await db
    .delete(sessions)
    .where(
      exceptId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
