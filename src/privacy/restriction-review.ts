import { and, asc, desc, eq, gte, isNotNull, notExists } from 'drizzle-orm';
import { restrictionDecisions, users, type RestrictionOutcome } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { recordEvent, recordListed, type RequestMeta } from '../core/activity';
import { queueMail } from '../mail/queue';

/** The admin acting on the queue, for the trail. */
export type ReviewAct = { adminId: string; meta: RequestMeta };

export type DecisionResult =
  | { ok: true; decision: RestrictionOutcome; reason: string; decidedAt: Date; restricted: boolean }
  | { ok: false; reason: 'not-found' | 'not-restricted' };

/**
 * Restricted and not decided since: no decision at or after the time they restricted it
 * (a decision about an earlier restriction, lifted and set again since, does not count).
 */
const undecided = (db: Executor) =>
  and(
    isNotNull(users.processingRestrictedAt),
    notExists(
      db
        .select({ id: restrictionDecisions.id })
        .from(restrictionDecisions)
        .where(
          and(
            eq(restrictionDecisions.userId, users.id),
            gte(restrictionDecisions.decidedAt, users.processingRestrictedAt),
          ),
        ),
    ),
  );

/**
 * The admins' queue: the people waiting for a decision, with their own reason, oldest first.
 * Seeing someone's reason is seeing their data: each person listed gets an access event, and
 * the admin's look at the queue is on the trail.
 */
export async function listRestrictionRequests(deps: Pick<Deps, 'db' | 'clock'>, act: ReviewAct) {
  const requests = await deps.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      restrictedAt: users.processingRestrictedAt,
      reason: users.processingRestrictionReason,
    })
    .from(users)
    .where(undecided(deps.db))
    .orderBy(asc(users.processingRestrictedAt), asc(users.id));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await recordListed(tx, {
      actorId: act.adminId,
      userIds: requests.map((p) => p.id),
      at: now,
      meta: act.meta,
    });
    await recordEvent(tx, {
      userId: null,
      actorId: act.adminId,
      action: 'admin.viewed-restrictions',
      at: now,
      meta: act.meta,
      details: { results: requests.length },
    });
  });
  return requests.map((r) => ({ ...r, restrictedAt: r.restrictedAt! }));
}
export type RestrictionRequest = Awaited<ReturnType<typeof listRestrictionRequests>>[number];

/** The newest decision about the person's restriction, for their privacy page and the API. */
export async function latestRestrictionDecision(db: Executor, userId: string) {
  const [row] = await db
    .select({
      decision: restrictionDecisions.decision,
      reason: restrictionDecisions.reason,
      decidedAt: restrictionDecisions.decidedAt,
    })
    .from(restrictionDecisions)
    .where(eq(restrictionDecisions.userId, userId))
    .orderBy(desc(restrictionDecisions.decidedAt), desc(restrictionDecisions.id))
    .limit(1);
  return row ?? null;
}
export type LatestDecision = Awaited<ReturnType<typeof latestRestrictionDecision>>;

/**
 * An admin decides on a restriction: "upheld" keeps it, "lifted" ends it. One transaction
 * holds the decision, the flag cleared (when lifted), the event on the person's activity and
 * the admins' trail, and the mail that tells the person the decision and the reason.
 */
export function decideRestriction(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  act: ReviewAct,
  input: { userId: string; decision: RestrictionOutcome; reason: string },
): Promise<DecisionResult> {
  return deps.db.transaction(async (tx): Promise<DecisionResult> => {
    const [person] = await tx
      .select({
        email: users.email,
        name: users.name,
        locale: users.locale,
        restrictedAt: users.processingRestrictedAt,
      })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!person) return { ok: false, reason: 'not-found' };
    if (!person.restrictedAt) return { ok: false, reason: 'not-restricted' };
    const now = deps.clock.now();
    const { decision, reason, userId } = input;
    await tx.insert(restrictionDecisions).values({
      userId,
      decidedBy: act.adminId,
      decision,
      reason,
      decidedAt: now,
    });
    if (decision === 'lifted')
      await tx
        .update(users)
        .set({ processingRestrictedAt: null, processingRestrictionReason: null, updatedAt: now })
        .where(eq(users.id, userId));
    // The reason stays in its own table (exported, purged); the event says what was decided.
    await recordEvent(tx, {
      userId,
      actorId: act.adminId,
      action: `admin.restriction-${decision}`,
      at: now,
      meta: act.meta,
      details: { restrictedSince: person.restrictedAt.toISOString() },
    });
    await queueMail(deps, tx, {
      to: person.email,
      userId,
      locale: person.locale,
      template: 'restriction-decision',
      data: { name: person.name, decision, reason },
    });
    return { ok: true, decision, reason, decidedAt: now, restricted: decision === 'upheld' };
  });
}
