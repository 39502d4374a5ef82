import { and, asc, eq, notExists } from 'drizzle-orm';
import { staffAssignments, users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { recordEvent, type RequestMeta } from '../core/activity';

type AdminAct = { adminId: string; meta: RequestMeta };

export type AssignmentResult =
  { ok: true; changed: boolean } | { ok: false; reason: 'not-found' | 'not-staff' };

/** The staff assigned to a person, for their card: who, and since when. */
export function listAssignedStaff(db: Executor, userId: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      since: staffAssignments.createdAt,
    })
    .from(staffAssignments)
    .innerJoin(users, eq(users.id, staffAssignments.staffId))
    .where(eq(staffAssignments.userId, userId))
    .orderBy(asc(users.name), asc(users.email));
}

export type AssignedStaff = Awaited<ReturnType<typeof listAssignedStaff>>[number];

/** Staff members not yet assigned to the person: the choices of the card's "assign" form. */
export function listAssignableStaff(db: Executor, userId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.role, 'staff'),
        notExists(
          db
            .select({ id: staffAssignments.id })
            .from(staffAssignments)
            .where(
              and(eq(staffAssignments.staffId, users.id), eq(staffAssignments.userId, userId)),
            ),
        ),
      ),
    )
    .orderBy(asc(users.name), asc(users.email));
}

/** Both accounts, locked: the person must exist, and the other end must be a staff member. */
async function checkPair(tx: Executor, userId: string, staffId: string) {
  const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
  const [member] = await tx
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, staffId))
    .for('share');
  if (!person || !member) return 'not-found' as const;
  return member.role === 'staff' ? null : ('not-staff' as const);
}

/**
 * An admin assigns a teacher to a person: from now on the teacher sees them in the console.
 * Recorded in the person's activity (they see that an admin did it, not whom) and the trail.
 */
export function assignStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: AdminAct,
  pair: { userId: string; staffId: string },
): Promise<AssignmentResult> {
  return deps.db.transaction(async (tx): Promise<AssignmentResult> => {
    const refusal = await checkPair(tx, pair.userId, pair.staffId);
    if (refusal) return { ok: false, reason: refusal };
    const now = deps.clock.now();
    const added = await tx
      .insert(staffAssignments)
      .values({ ...pair, assignedBy: act.adminId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: staffAssignments.id });
    if (!added.length) return { ok: true, changed: false };
    await recordEvent(tx, {
      userId: pair.userId,
      actorId: act.adminId,
      action: 'admin.assigned-staff',
      at: now,
      meta: act.meta,
      details: { staffId: pair.staffId },
    });
    return { ok: true, changed: true };
  });
}

/** Ends an assignment; the teacher keeps seeing the person only through their lessons. */
export function unassignStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: AdminAct,
  pair: { userId: string; staffId: string },
): Promise<AssignmentResult> {
  return deps.db.transaction(async (tx): Promise<AssignmentResult> => {
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, pair.userId));
    if (!person) return { ok: false, reason: 'not-found' };
    const removed = await tx
      .delete(staffAssignments)
      .where(
        and(eq(staffAssignments.userId, pair.userId), eq(staffAssignments.staffId, pair.staffId)),
      )
      .returning({ id: staffAssignments.id });
    if (!removed.length) return { ok: true, changed: false };
    await recordEvent(tx, {
      userId: pair.userId,
      actorId: act.adminId,
      action: 'admin.unassigned-staff',
      at: deps.clock.now(),
      meta: act.meta,
      details: { staffId: pair.staffId },
    });
    return { ok: true, changed: true };
  });
}
