import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { bookings, mailingLists, payments, subscriptions, users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, recordListed, recordView } from '../core/activity';
import type { UserRow } from '../core/users';
import { listAssignedStaff } from './assignments';
import { canSeePerson, visibleTo, type StaffActor } from './visibility';

export const pageSize = 20;

export type PersonSummary = Pick<
  UserRow,
  | 'id'
  | 'email'
  | 'name'
  | 'role'
  | 'processingRestrictedAt'
  | 'deletionScheduledFor'
  | 'emailVerifiedAt'
>;

/** `%` and `_` typed by staff are letters to find, not wildcards. */
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Finds people by email or name, a page at a time, among those the actor may see (a teacher:
 * the people they work with). Seeing someone in a result list is seeing their data, so every
 * person listed gets an access event in their own activity.
 */
export async function searchPeople(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: StaffActor,
  input: { query: string; page: number },
) {
  const query = input.query.trim();
  const now = deps.clock.now();
  const match = query
    ? or(ilike(users.email, likePattern(query)), ilike(users.name, likePattern(query)))
    : undefined;
  const rows = await deps.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      processingRestrictedAt: users.processingRestrictedAt,
      deletionScheduledFor: users.deletionScheduledFor,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(and(match, visibleTo(act, now)))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.email), asc(users.id))
    .limit(pageSize + 1)
    .offset((input.page - 1) * pageSize);
  const people: PersonSummary[] = rows.slice(0, pageSize);
  await deps.db.transaction(async (tx) => {
    await recordListed(tx, {
      actorId: act.staffId,
      userIds: people.map((p) => p.id),
      at: now,
      meta: act.meta,
    });
    // The search itself, for the admins' trail; the query is left out because it may name someone.
    await recordEvent(tx, {
      userId: null,
      actorId: act.staffId,
      action: 'staff.searched',
      at: now,
      meta: act.meta,
      details: { page: input.page, results: people.length },
    });
  });
  return { people, page: input.page, hasMore: rows.length > pageSize };
}

export type PersonCard = NonNullable<Awaited<ReturnType<typeof openPersonCard>>>;

/**
 * Everything staff see about one person (profile, bookings, payments, subscriptions, the
 * staff assigned to them, and whether processing is restricted), logged as a view the person
 * sees in their activity: one entry per visit, with how many times it was opened (recordView).
 * Null for a person the actor may not see, as for one who does not exist.
 */
export async function openPersonCard(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: StaffActor,
  userId: string,
) {
  if (!(await canSeePerson(deps.db, act, userId, deps.clock.now()))) return null;
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const [bookingRows, paymentRows, subscriptionRows, assignedStaff] = await Promise.all([
    deps.db
      .select()
      .from(bookings)
      .where(eq(bookings.userId, userId))
      .orderBy(desc(bookings.startsAt)),
    deps.db
      .select()
      .from(payments)
      .where(eq(payments.userId, userId))
      .orderBy(desc(payments.paidAt), desc(payments.createdAt)),
    deps.db
      .select({
        list: subscriptions.listSlug,
        status: subscriptions.status,
        names: mailingLists.names,
      })
      .from(subscriptions)
      .innerJoin(mailingLists, eq(mailingLists.slug, subscriptions.listSlug))
      .where(eq(subscriptions.userId, userId))
      .orderBy(asc(mailingLists.sortOrder)),
    listAssignedStaff(deps.db, userId),
  ]);
  await recordView(deps.db, {
    userId,
    actorId: act.staffId,
    action: 'staff.viewed-profile',
    at: deps.clock.now(),
    meta: act.meta,
  });
  return {
    user,
    bookings: bookingRows,
    payments: paymentRows,
    subscriptions: subscriptionRows,
    assignedStaff,
  };
}
