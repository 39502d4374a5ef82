import { and, desc, eq, lt } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import type { Executor } from '../platform/db-types';

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** Records a security or access event about `userId`; `actorId` is set when staff acted. */
export async function recordEvent(
  db: Executor,
  event: {
    userId: string | null;
    action: string;
    at: Date;
    meta?: RequestMeta;
    actorId?: string | null;
    details?: Record<string, unknown>;
  },
) {
  await db.insert(auditEvents).values({
    userId: event.userId,
    actorId: event.actorId ?? null,
    action: event.action,
    at: event.at,
    ip: event.meta?.ip ?? null,
    userAgent: event.meta?.userAgent?.slice(0, 400) ?? null,
    details: event.details ?? null,
  });
}

/** The person's own events, newest first, in pages of `limit` before a cursor time. */
export async function listActivity(db: Executor, userId: string, options: { limit: number; before?: Date }) {
  return db
    .select()
    .from(auditEvents)
    .where(options.before ? and(eq(auditEvents.userId, userId), lt(auditEvents.at, options.before)) : eq(auditEvents.userId, userId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(options.limit);
}
