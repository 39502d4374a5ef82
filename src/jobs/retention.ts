import { and, isNull, lt, or, sql } from 'drizzle-orm';
import { rateLimits, sessions, tokens, users, webauthnChallenges } from '../../db/schema';
import type { Deps } from '../deps';
import { purgeAccountsWhere } from '../privacy';
import { foldOldDeliveryEvents } from '../delivery';

const day = 86_400_000;

/** Expired sessions and tokens (used or not), and rate-limit windows no rule still reads. */
export async function purgeExpired(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now();
  const s = await deps.db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)))
    .returning({ id: sessions.id });
  // Used tokens are kept a day so a second click can say "already used" rather than "invalid".
  const t = await deps.db
    .delete(tokens)
    .where(or(lt(tokens.expiresAt, now), lt(tokens.usedAt, new Date(now.getTime() - day))))
    .returning({ id: tokens.id });
  const r = await deps.db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - 2 * day)))
    .returning({ key: rateLimits.key });
  const w = await deps.db
    .delete(webauthnChallenges)
    .where(lt(webauthnChallenges.expiresAt, now))
    .returning({ id: webauthnChallenges.id });
  // Delivery events: 90 days one by one, then only how many of each (docs/operations.md).
  const d = await foldOldDeliveryEvents(deps);
  return {
    sessions: s.length,
    tokens: t.length,
    rateLimits: r.length,
    webauthnChallenges: w.length,
    ...d,
  };
}

/**
 * Accounts whose address was never confirmed, UNVERIFIED_ACCOUNT_DAYS after their latest
 * registration (a registration made on day 6 keeps its link's full day):
 * deleted by the one purge every deletion goes through (scrubs, erasure ledger), never by a
 * bare DELETE that would leave copies of the address behind.
 */
export async function purgeUnverified(
  deps: Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'notifyMail' | 'erasureLedger'>>,
) {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.unverifiedAccountDays * day);
  // Qualified by hand: Drizzle leaves a one-table select's columns bare, and a bare "id"
  // inside the subquery would be the token's.
  const noRecentRegistration = sql`not exists (select 1 from tokens v
    where v.user_id = "users"."id" and v.purpose = 'verify-email' and v.created_at >= ${cutoff.toISOString()}::timestamptz)`;
  const purged = await purgeAccountsWhere(
    deps,
    'unverified',
    and(isNull(users.emailVerifiedAt), lt(users.createdAt, cutoff), noRecentRegistration),
  );
  return { users: purged };
}
