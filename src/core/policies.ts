import { and, desc, eq, lte } from 'drizzle-orm';
import { policyVersions } from '../../db/schema';
import type { Executor } from '../platform/db-types';

/** The version in force at `now`: the newest one whose effective date has passed. */
export async function currentPolicy(db: Executor, now: Date) {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.kind, 'privacy'), lte(policyVersions.effectiveAt, now)))
    .orderBy(desc(policyVersions.effectiveAt))
    .limit(1);
  return row ?? null;
}

/** Every version, upcoming ones included, newest first. */
export async function listPolicies(db: Executor) {
  return db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.kind, 'privacy'))
    .orderBy(desc(policyVersions.effectiveAt));
}
