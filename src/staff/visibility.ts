import { and, eq, gte, sql, type SQL } from 'drizzle-orm';
import { bookings, staffAssignments, users, type Role } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import type { RequestMeta } from '../core/activity';

/** Who is acting in the console: the role decides whom they see. */
export type StaffActor = { staffId: string; role: Role; meta: RequestMeta };

/** How far back a lesson keeps a teacher working with a person. */
export const lessonMonths = 12;

/** The oldest lesson start that still counts: the same day `lessonMonths` months ago. */
export function lessonCutoff(now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - lessonMonths);
  return cutoff;
}

/**
 * THE rule of "only the staff who work with you": the people an actor may see, as a condition
 * on `users`. Admins see everyone (undefined: no condition). A teacher sees themselves, a
 * person an admin assigned to them, or one they have a lesson with that starts within the last
 * 12 months or later. Cancelled lessons count too: only someone who already sees the person can book one,
 * and the teacher must still see the cancellation to rebook.
 */
export function visibleTo(actor: Pick<StaffActor, 'staffId' | 'role'>, now: Date): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  return sql`(${users.id} = ${actor.staffId} or exists (select 1 from ${staffAssignments} where ${and(
    eq(staffAssignments.userId, users.id),
    eq(staffAssignments.staffId, actor.staffId),
  )}) or exists (select 1 from ${bookings} where ${and(
    eq(bookings.userId, users.id),
    eq(bookings.staffId, actor.staffId),
    gte(bookings.startsAt, lessonCutoff(now)),
  )}))`;
}

/**
 * Whether the actor may see this person. Every staff route asks this (or filters with
 * `visibleTo`) first; a person they may not see answers exactly as one that does not exist.
 */
export async function canSeePerson(
  db: Executor,
  actor: Pick<StaffActor, 'staffId' | 'role'>,
  personId: string,
  now: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, personId), visibleTo(actor, now)));
  return !!row;
}
