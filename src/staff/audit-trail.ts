import { desc, eq, isNotNull, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditEvents, users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';

export const auditPageSize = 50;

/**
 * Every action code that can reach the trail (an event with an actor, or a staff/admin act):
 * each has a sentence in staff wording, `audit.<action>` and `audit.<action>.you`, in every
 * catalogue. A code missing here is still shown, in general words, never as the code.
 */
export const auditTrailActions = [
  'staff.viewed-profile',
  'staff.listed-you',
  'staff.searched',
  'staff.booking-created',
  'staff.booking-updated',
  'staff.booking-cancelled',
  'staff.payment-recorded',
  'admin.role-changed',
  'admin.assigned-staff',
  'admin.unassigned-staff',
  'admin.viewed-audit',
  'admin.viewed-restrictions',
  'admin.restriction-upheld',
  'admin.restriction-lifted',
] as const;
export type AuditTrailAction = (typeof auditTrailActions)[number];

export const isAuditTrailAction = (action: string): action is AuditTrailAction =>
  (auditTrailActions as readonly string[]).includes(action);

const actor = alias(users, 'actor');
const subject = alias(users, 'subject');
/** The staff member an assignment event is about (`details.staffId`). */
const assignee = alias(users, 'assignee');

/**
 * Everything staff and admins did or looked at, newest first: every event with an actor.
 * Reading the trail is itself logged, so the admins' own oversight is on the record too.
 */
export async function listAuditTrail(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: { adminId: string; meta: RequestMeta },
  page: number,
) {
  const rows = await deps.db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      ip: auditEvents.ip,
      details: auditEvents.details,
      actorId: auditEvents.actorId,
      actorEmail: actor.email,
      actorName: actor.name,
      userId: auditEvents.userId,
      userEmail: subject.email,
      userName: subject.name,
      assigneeName: assignee.name,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(subject, eq(subject.id, auditEvents.userId))
    .leftJoin(assignee, sql`${assignee.id}::text = ${auditEvents.details}->>'staffId'`)
    .where(
      // An event keeps its action when its staff member's account is gone (actor set null).
      or(
        isNotNull(auditEvents.actorId),
        like(auditEvents.action, 'staff.%'),
        like(auditEvents.action, 'admin.%'),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(auditPageSize + 1)
    .offset((page - 1) * auditPageSize);
  await recordEvent(deps.db, {
    userId: null,
    actorId: act.adminId,
    action: 'admin.viewed-audit',
    at: deps.clock.now(),
    meta: act.meta,
    details: { page },
  });
  return { events: rows.slice(0, auditPageSize), page, hasMore: rows.length > auditPageSize };
}
