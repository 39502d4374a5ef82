import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { auditEvents, sessions } from '../../db/schema';
import type { Deps } from '../deps';
import type { Db, Executor } from '../platform/db-types';
import { recordEvent, type RequestMeta } from '../core/activity';
import { invalidateUserSessions } from '../sessions/invalidate';
import { suppressionReasonOf } from '../mail/suppressions';

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
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, now),
        gt(sessions.absoluteExpiresAt, now),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

/**
 * What the overview says about security: how many sessions are live and when the person
 * signed in before this time (the latest sign-in is usually the current one), in one query.
 */
export async function overviewSummary(db: Db, userId: string, now: Date) {
  let query = overviewQueries.get(db);
  if (!query) overviewQueries.set(db, (query = prepareOverview(db)));
  const [row] = await query.execute({ userId, at: now.toISOString() });
  // The moment comes as epoch milliseconds: one shape on PGlite and postgres.js alike.
  return {
    sessionCount: Number(row!.sessions),
    lastSignIn: row!.last === null ? null : new Date(Number(row!.last)),
    deletionCancelledBySignIn: !!row!.cancelled,
    // Why mail to the current address stopped (a bounce, a complaint), or null.
    mailSuppressed: row!.suppressed ?? null,
  };
}

// Prepared once per database: the overview is the page people land on.
const overviewQueries = new WeakMap<Db, ReturnType<typeof prepareOverview>>();
function prepareOverview(db: Db) {
  const at = sql`${sql.placeholder('at')}::timestamptz`;
  const userId = sql.placeholder('userId');
  return db
    .select({
      sessions: sql<number>`(select count(*)::int from ${sessions}
        where ${sessions.userId} = ${userId} and ${sessions.expiresAt} > ${at}
          and ${sessions.absoluteExpiresAt} > ${at})`,
      last: sql<
        number | string | null
      >`(select (extract(epoch from ${auditEvents.at}) * 1000)::float8 from ${auditEvents}
        where ${auditEvents.userId} = ${userId} and ${auditEvents.action} = 'sign-in'
        order by ${auditEvents.at} desc offset 1 limit 1)`,
      // The latest sign-in cancelled a deletion (both are recorded at the same instant).
      cancelled: sql<boolean>`exists (select 1 from ${auditEvents} c
        where c.user_id = ${userId} and c.action = 'deletion.cancelled'
          and c.details->>'by' = 'sign-in'
          and c.at = (select max(s.at) from ${auditEvents} s
            where s.user_id = ${userId} and s.action = 'sign-in'))`,
      suppressed: suppressionReasonOf(userId),
    })
    .from(sql`(select 1) as one`)
    .prepare('overview_summary');
}

/** Ends one of the person's sessions. Another person's id simply matches nothing (404). */
async function endOwnSession(db: Executor, userId: string, sessionId: string) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends one of the person's sessions and records it; false when the id is not one of theirs. */
export async function endSession(deps: Deps, userId: string, sessionId: string, meta: RequestMeta) {
  const ended = await endOwnSession(deps.db, userId, sessionId);
  if (ended)
    await recordEvent(deps.db, { userId, action: 'session.ended', at: deps.clock.now(), meta });
  return ended;
}

/** Ends every session of the person but the current one, and records how many ended. */
export async function endOtherSessions(
  deps: Deps,
  userId: string,
  currentSessionId: string,
  meta: RequestMeta,
) {
  const count = await invalidateUserSessions(deps.db, userId, currentSessionId);
  await recordEvent(deps.db, {
    userId,
    action: 'sessions.ended-others',
    at: deps.clock.now(),
    meta,
    details: { count },
  });
  return count;
}
