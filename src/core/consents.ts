import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { consents, policyVersions, users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { recordEvent, type RequestMeta } from './activity';
import { currentPolicy } from './policies';

export const privacyPolicyKind = 'privacy-policy';

/** The person's consent history, newest first. */
export async function listConsents(db: Executor, userId: string) {
  return db
    .select({
      kind: consents.kind,
      version: consents.version,
      granted: consents.granted,
      method: consents.method,
      ip: consents.ip,
      at: consents.at,
    })
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.at), desc(consents.id));
}

/** Whether the person has accepted `version` of the privacy policy (and not withdrawn it since). */
export async function hasAcceptedPolicy(db: Executor, userId: string, version: string) {
  const [last] = await db
    .select({ granted: consents.granted })
    .from(consents)
    .where(
      and(
        eq(consents.userId, userId),
        eq(consents.kind, privacyPolicyKind),
        eq(consents.version, version),
      ),
    )
    .orderBy(desc(consents.at), desc(consents.id))
    .limit(1);
  return last?.granted === 'granted';
}

/** The policy in force and whether this person accepted it. */
export async function policyStatus(db: Executor, userId: string, now: Date) {
  const current = await currentPolicy(db, now);
  if (!current) return { current: null, accepted: true };
  return { current, accepted: await hasAcceptedPolicy(db, userId, current.version) };
}

export type AcceptResult = { ok: true } | { ok: false; reason: 'unknown-version' };

/**
 * Records acceptance of a privacy policy version: the one in force, or one already
 * published that takes effect later (accepting early from the notice mail is allowed).
 */
export async function acceptPolicy(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { userId: string; version: string; method: 'cabinet' | 'api' },
  meta: RequestMeta,
): Promise<AcceptResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await currentPolicy(tx, now);
    const [upcoming] = await tx
      .select({ version: policyVersions.version })
      .from(policyVersions)
      .where(
        and(
          eq(policyVersions.kind, 'privacy'),
          eq(policyVersions.version, input.version),
          gt(policyVersions.effectiveAt, now),
        ),
      );
    if (current?.version !== input.version && !upcoming)
      return { ok: false, reason: 'unknown-version' } as const;
    if (await hasAcceptedPolicy(tx, input.userId, input.version)) return { ok: true } as const;
    await tx.insert(consents).values({
      userId: input.userId,
      kind: privacyPolicyKind,
      version: input.version,
      granted: 'granted',
      method: input.method,
      ip: meta.ip,
      at: now,
    });
    await recordEvent(tx, {
      userId: input.userId,
      action: 'policy.accepted',
      at: now,
      meta,
      details: { version: input.version },
    });
    return { ok: true } as const;
  });
}

/**
 * The version the gate asks this person to accept, or null. Only people whose account
 * existed before the version took effect are asked: everyone who registered since accepted
 * the version in force as part of registering.
 */
export async function needsPolicyAcceptance(db: Executor, userId: string, now: Date) {
  let query = pendingPolicyQueries.get(db);
  if (!query) pendingPolicyQueries.set(db, (query = preparePendingPolicy(db)));
  const [row] = await query.execute({ userId, at: now.toISOString() });
  return row ?? null;
}

/**
 * The same question as a scalar subquery over the `users` row of an outer query (the session
 * lookup of pages, and the query below): the version due, or null. The outer row is named
 * `users.…` in full: Drizzle writes a single table's columns unqualified, and inside
 * `from consents c` an unqualified "id" would mean the consent's.
 */
export function pendingPolicyVersion(at: SQL) {
  return sql<string | null>`(select p.version from policy_versions p
    where p.id = (
        select p2.id from policy_versions p2
        where p2.kind = 'privacy' and p2.effective_at <= ${at}
        order by p2.effective_at desc limit 1)
      and users.created_at < p.effective_at
      and not exists (
        select 1 from consents c
        where c.user_id = users.id and c.kind = ${privacyPolicyKind}
          and c.version = p.version and c.granted = 'granted'))`;
}

// One prepared round trip for gated API requests and the acceptance page (pages get the answer
// from the session lookup). It reads the version's name, summary and date, never its body.
const pendingPolicyQueries = new WeakMap<Executor, ReturnType<typeof preparePendingPolicy>>();
function preparePendingPolicy(db: Executor) {
  // The version is found by the same subquery the session lookup of pages uses, so the two
  // can never disagree; this one adds the summary and date the acceptance page shows.
  const pending = db
    .select({ version: pendingPolicyVersion(sql`${sql.placeholder('at')}::timestamptz`) })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')));
  return db
    .select({
      version: policyVersions.version,
      summary: policyVersions.summary,
      effectiveAt: policyVersions.effectiveAt,
    })
    .from(policyVersions)
    .where(and(eq(policyVersions.kind, 'privacy'), eq(policyVersions.version, sql`(${pending})`)))
    .prepare('pending_policy');
}

/** Page path prefixes the gate guards by default: the cabinet and the staff console. */
export const gatedPagePrefixes = ['/account', '/staff'] as const;
