import { eq, getTableColumns, sql } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Db } from '../platform/db-types';
import { hashSecret, isSameHash } from '../platform/secret-tokens';
import { splitSessionToken } from './token';
import { pendingPolicyVersion } from '../core/consents';

/** Sliding renewal writes at most once a minute, not on every request. */
export const renewIntervalMs = 60_000;

function userColumnsWithoutSecrets() {
  const { passwordHash: _omitted, ...rest } = getTableColumns(users);
  return rest;
}

const sessionColumns = {
  session: {
    id: sessions.id,
    secretHash: sessions.secretHash,
    userId: sessions.userId,
    createdAt: sessions.createdAt,
    lastSeenAt: sessions.lastSeenAt,
    expiresAt: sessions.expiresAt,
    absoluteExpiresAt: sessions.absoluteExpiresAt,
    privilegedUntil: sessions.privilegedUntil,
    isPersistent: sessions.isPersistent,
  },
  // The whole person but the password hash: GET /me needs no second query, and no handler
  // can leak a hash it never received.
  user: userColumnsWithoutSecrets(),
};

// The lookup runs on every authenticated request, so it is a prepared statement, one per db.
// Cabinet and staff pages use a second one that also answers the policy gate's question
// (which privacy policy version, if any, this person still has to accept), saving a round trip.
const preparedLookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
const preparedPageLookups = new WeakMap<Db, ReturnType<typeof preparePageLookup>>();
function prepareLookup(db: Db) {
  return db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_lookup');
}
function preparePageLookup(db: Db) {
  return db
    .select({
      ...sessionColumns,
      pendingPolicy: pendingPolicyVersion(sql`${sql.placeholder('at')}::timestamptz`),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_page_lookup');
}

export type SessionContext = NonNullable<Awaited<ReturnType<typeof validateSessionToken>>>;

/**
 * Returns the session and its user, or null for anything invalid, expired or tampered.
 * `readOnly`: nothing is written (no renewal, an expired row is left for the purge job).
 */
export async function validateSessionToken(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  token: string,
  options: { forPage?: boolean; readOnly?: boolean } = {},
) {
  const parts = splitSessionToken(token);
  if (!parts) return null;
  let row:
    | (Awaited<ReturnType<ReturnType<typeof prepareLookup>['execute']>>[number] & {
        pendingPolicy?: string | null;
      })
    | undefined;
  if (options.forPage) {
    let lookup = preparedPageLookups.get(deps.db);
    if (!lookup) preparedPageLookups.set(deps.db, (lookup = preparePageLookup(deps.db)));
    [row] = await lookup.execute({ id: parts.id, at: deps.clock.now().toISOString() });
  } else {
    let lookup = preparedLookups.get(deps.db);
    if (!lookup) preparedLookups.set(deps.db, (lookup = prepareLookup(deps.db)));
    [row] = await lookup.execute({ id: parts.id });
  }
  if (!row) return null;
  // Constant-time, so timing does not leak how much of a guessed secret was right.
  if (!isSameHash(hashSecret(parts.secret), row.session.secretHash)) return null;
  const now = deps.clock.now();
  if (row.session.expiresAt <= now || row.session.absoluteExpiresAt <= now) {
    if (!options.readOnly) await deps.db.delete(sessions).where(eq(sessions.id, row.session.id));
    return null;
  }
  if (!options.readOnly && now.getTime() - row.session.lastSeenAt.getTime() >= renewIntervalMs) {
    const idleMs = row.session.isPersistent ? deps.config.rememberMeMs : deps.config.sessionIdleMs;
    const expiresAt = new Date(
      Math.min(now.getTime() + idleMs, row.session.absoluteExpiresAt.getTime()),
    );
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt })
      .where(eq(sessions.id, row.session.id));
    await deps.db.update(users).set({ lastActiveAt: now }).where(eq(users.id, row.user.id));
    row.session.lastSeenAt = now;
    row.session.expiresAt = expiresAt;
  }
  const isPrivileged = !!row.session.privilegedUntil && row.session.privilegedUntil > now;
  // undefined: not asked (API requests); null: nothing to accept; else the version due.
  return { session: row.session, user: row.user, isPrivileged, pendingPolicy: row.pendingPolicy };
}
