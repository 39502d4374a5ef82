import type { Deps } from '../deps';
import { findUserById } from '../core/users';
import { listConsents, policyStatus } from '../core/consents';
import { countCategories } from './registry';
import { latestRestrictionDecision } from './restriction-review';

/**
 * Everything the "what we hold about you" page shows about one person: counts per category,
 * the retention periods, restriction and the school's decision on it, pending deletion, the policy and the consent history.
 * Null when the account no longer exists.
 */
export async function loadPrivacyOverview(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  userId: string,
) {
  const { db, clock, config } = deps;
  // The users row is the Person too: one read serves both.
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [counts, status, consents, restrictionDecision] = await Promise.all([
    countCategories(db, user),
    policyStatus(db, userId, clock.now()),
    listConsents(db, userId),
    latestRestrictionDecision(db, userId),
  ]);
  return {
    counts,
    retentionDays: {
      ip: config.ipRetentionDays,
      inactive: config.inactiveAccountDays,
      grace: config.deletionGraceDays,
    },
    restriction: user.processingRestrictedAt
      ? { at: user.processingRestrictedAt, reason: user.processingRestrictionReason }
      : null,
    /** The school's newest decision on a restriction of theirs (kept or lifted), with its reason. */
    restrictionDecision,
    deletionScheduledFor: user.deletionScheduledFor,
    policy: status.current ? { version: status.current.version, accepted: status.accepted } : null,
    consents,
    /** Who else processes the data, for what and where (PROCESSORS; Resend when it sends the mail). */
    processors: config.processors,
  };
}
