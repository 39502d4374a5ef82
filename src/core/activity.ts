import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import type { MessageKey } from '../i18n';

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Records a security or access event about `userId`; `actorId` is set when staff acted.
 *
 * When someone acts on another person's data (a staff member opens their card, books a lesson,
 * records a payment), the event is the person's, but the IP address and browser are the staff
 * member's: they are not stored on it (data minimisation; the person is shown that the school
 * acted, and in which role). Events of one's own (a staff member's sign-in, or an act about
 * nobody in particular, such as a search) keep them like any other.
 */
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
  const onSomeoneElse = !!event.actorId && !!event.userId && event.actorId !== event.userId;
  const meta = onSomeoneElse ? undefined : event.meta;
  await db.insert(auditEvents).values({
    userId: event.userId,
    actorId: event.actorId ?? null,
    action: event.action,
    at: event.at,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent?.slice(0, 400) ?? null,
    details: event.details ?? null,
  });
}

/**
 * One visit: views of a person by one staff member count as the same visit while each comes
 * within this many minutes of that staff member's previous view of that person.
 */
export const STAFF_VISIT_MINUTES = 30;

/**
 * A visit also ends this many hours after its first view, however the views keep coming: a
 * card reloaded all day is then a few entries, and the person still sees when in the day
 * they were looked at, not one entry spanning the whole of it.
 */
export const STAFF_VISIT_MAX_HOURS = 2;

/**
 * "A staff member opened your card", folded per visit at write time, so the activity list,
 * the API, the export and the admins' trail all read the same single entry: the visit's
 * latest view (while the visit is younger than STAFF_VISIT_MAX_HOURS) updates its count,
 * `lastAt` and `at` (the entry sorts by its latest view); otherwise a new entry starts with
 * `{ count: 1, firstAt, lastAt }`. A transaction-scoped
 * lock on the (staff member, person) pair makes two first views at once queue, so they
 * fold rather than both insert. Entries written before folding (no count) are left alone.
 */
export async function recordView(
  db: Executor,
  view: { userId: string; actorId: string; action: string; at: Date; meta?: RequestMeta },
) {
  const at = view.at.toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`${view.actorId}:${view.userId}`}, 0))`,
    );
    const latestOfVisit = tx
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.userId, view.userId),
          eq(auditEvents.actorId, view.actorId),
          eq(auditEvents.action, view.action),
          gte(auditEvents.at, new Date(view.at.getTime() - STAFF_VISIT_MINUTES * 60_000)),
          isNotNull(sql`${auditEvents.details}->>'count'`),
          sql`(${auditEvents.details}->>'firstAt')::timestamptz >= ${at}::timestamptz - make_interval(hours => ${STAFF_VISIT_MAX_HOURS})`,
        ),
      )
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(1);
    const folded = await tx
      .update(auditEvents)
      .set({
        at: sql`greatest(${auditEvents.at}, ${at}::timestamptz)`,
        details: sql`${auditEvents.details} || jsonb_build_object(
          'count', (${auditEvents.details}->>'count')::int + 1,
          'lastAt', case when ${at}::timestamptz > ${auditEvents.at} then ${at}
                    else ${auditEvents.details}->>'lastAt' end)`,
      })
      .where(eq(auditEvents.id, sql`(${latestOfVisit})`))
      .returning({ id: auditEvents.id });
    if (folded.length) return;
    await recordEvent(tx, { ...view, details: { count: 1, firstAt: at, lastAt: at } });
  });
}

/**
 * "A staff member saw you in a list": one event per person listed (search results, the
 * restriction queue), written in one statement. As in recordEvent, the staff member's IP
 * address and browser stay off everyone's event but their own.
 */
export async function recordListed(
  db: Executor,
  listing: { actorId: string; userIds: string[]; at: Date; meta?: RequestMeta },
) {
  if (!listing.userIds.length) return;
  await db.insert(auditEvents).values(
    listing.userIds.map((userId) => {
      const own = userId === listing.actorId;
      return {
        userId,
        actorId: listing.actorId,
        action: 'staff.listed-you',
        at: listing.at,
        ip: own ? (listing.meta?.ip ?? null) : null,
        userAgent: own ? (listing.meta?.userAgent?.slice(0, 400) ?? null) : null,
        details: null,
      };
    }),
  );
}

/** The roles whose acts a person sees as "by the school (role)". */
export type SchoolRole = 'staff' | 'admin';
const schoolRoles: readonly string[] = ['staff', 'admin'] satisfies SchoolRole[];

/**
 * The acting staff member's role, read alongside an event (null when their account is gone).
 * A subquery, not a join, so any reader of `audit_events` can add it to its selection.
 */
export const actorRoleSql = sql<
  string | null
>`(select a.role from users a where a.id = ${auditEvents.actorId})`;

/**
 * Events that used to carry a staff member's address on someone else's event, or still do:
 * the school acted (an actor who is not the person, or a staff/admin action whose actor's
 * account has gone since and was set to null by the purge).
 */
export const actedBySchoolSql = sql`(${auditEvents.userId} is not null and (
  (${auditEvents.actorId} is not null and ${auditEvents.actorId} <> ${auditEvents.userId})
  or ${auditEvents.action} like 'staff.%' or ${auditEvents.action} like 'admin.%'))`;

const emailPattern = /[^\s@"'<>]+@[^\s@"'<>]+\.[^\s@"'<>]+/g;

/**
 * Details of an event the school caused: the person sees that staff acted, not who. Any
 * address that is not the person's own is masked, as are keys naming the actor.
 */
export function redactForeign(
  details: Record<string, unknown> | null,
  person: { email: string },
): Record<string, unknown> | null {
  if (!details) return null;
  const own = person.email.toLowerCase();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string')
      return v.replace(emailPattern, (m) => (m.toLowerCase() === own ? m : '[someone else]'));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !/^(actor|staff)/i.test(k))
          .map(([k, x]) => [k, walk(x)]),
      );
    }
    return v;
  };
  return walk(details) as Record<string, unknown>;
}

type StoredEvent = {
  action: string;
  actorId: string | null;
  actorRole?: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
};

export type SeenBySubject<E extends StoredEvent> = Omit<E, 'actorId' | 'actorRole' | 'details'> & {
  details: Record<string, unknown> | null;
  /** The school acted (a staff member or an admin), not the person. */
  byStaff: boolean;
  /** In which role, when the staff member's account still exists. */
  byRole: SchoolRole | null;
};

/**
 * An event as the person it is about sees it, for every reader (the security page, the API,
 * the export): when the school acted, never the staff member's IP address, browser, id or
 * anything in the details that names them; instead whether the school acted and in which role.
 */
export function asSeenBySubject<E extends StoredEvent>(
  event: E,
  person: { id: string; email: string },
): SeenBySubject<E> {
  const { actorId, actorRole, details, ...rest } = event;
  const byStaff = (!!actorId && actorId !== person.id) || /^(staff|admin)\./.test(event.action);
  if (!byStaff)
    return {
      ...rest,
      details: (details as Record<string, unknown> | null) ?? null,
      byStaff,
      byRole: null,
    };
  return {
    ...rest,
    ip: null,
    userAgent: null,
    details: redactForeign((details as Record<string, unknown> | null) ?? null, person),
    byStaff,
    byRole: actorRole && schoolRoles.includes(actorRole) ? (actorRole as SchoolRole) : null,
  };
}

/** "by the school (staff)", in the reader's language; null for the person's own events. */
export function actedByLabel(
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
  event: { byStaff: boolean; byRole: SchoolRole | null },
) {
  if (!event.byStaff) return null;
  return event.byRole
    ? t('security.bySchool', { role: t(`security.role.${event.byRole}`) })
    : t('security.bySchool.noRole');
}

/**
 * The person's own events, newest first, in pages of `limit` before a cursor time, as they
 * may see them (`asSeenBySubject`).
 */
export async function listActivity(
  db: Executor,
  userId: string,
  options: { limit: number; before?: Date },
) {
  const [person] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      details: auditEvents.details,
      actorId: auditEvents.actorId,
      actorRole: actorRoleSql,
    })
    .from(auditEvents)
    .where(
      options.before
        ? and(eq(auditEvents.userId, userId), lt(auditEvents.at, options.before))
        : eq(auditEvents.userId, userId),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(options.limit);
  return rows.map((row) => asSeenBySubject(row, person ?? { id: userId, email: '' }));
}
export type ActivityRow = Awaited<ReturnType<typeof listActivity>>[number];
