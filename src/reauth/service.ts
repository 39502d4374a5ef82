import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { findUserById } from '../core/users';
import type { Executor } from '../platform/db-types';
import { elevateSession } from '../sessions/privilege';
import type { SessionContext } from '../sessions/validate';
import { checkCurrentPassword } from '../auth';
import { listPasskeys, verifyPasskeyForSession } from '../passkeys';

type PasskeyResponse = Parameters<typeof verifyPasskeyForSession>[1]['response'];

/**
 * A cookie session that got a new id with its privilege, for the caller to set; null when the
 * session kept its id (bearer clients).
 */
export type RenewedSession = { token: string; persistentUntil: Date | null } | null;

/** Which ways of re-authenticating the person has: a passkey-only account has no password. */
export async function reauthProofs(db: Executor, userId: string) {
  const [user, keys] = await Promise.all([findUserById(db, userId), listPasskeys(db, userId)]);
  return { hasPassword: !!user?.passwordHash, hasPasskeys: keys.length > 0 };
}

/** After a right proof: the session becomes privileged (a cookie one under a new id), noted. */
async function elevate(
  deps: Deps,
  auth: SessionContext,
  method: 'password' | 'passkey',
  rotate: boolean,
  meta: RequestMeta,
): Promise<RenewedSession> {
  // The privilege and its audit event land together or not at all.
  const rotated = await deps.db.transaction(async (tx) => {
    const result = await elevateSession({ ...deps, db: tx }, auth.session, rotate, meta);
    await recordEvent(tx, {
      userId: auth.user.id,
      action: 'reauth',
      at: deps.clock.now(),
      meta,
      details: { method },
    });
    return result;
  });
  if (!rotated) return null;
  return {
    token: rotated.token,
    persistentUntil: auth.session.isPersistent ? rotated.session.absoluteExpiresAt : null,
  };
}

/** Re-authentication with the password; wrong guesses count per account. */
export async function reauthWithPassword(
  deps: Deps,
  auth: SessionContext,
  password: string,
  rotate: boolean,
  meta: RequestMeta,
) {
  const checked = await checkCurrentPassword(deps, auth.user.id, password, meta);
  if (!checked.ok) return checked;
  return { ok: true as const, renewed: await elevate(deps, auth, 'password', rotate, meta) };
}

/** Re-authentication with one of the person's own passkeys, bound to this session. */
export async function reauthWithPasskey(
  deps: Deps,
  auth: SessionContext,
  response: PasskeyResponse,
  rotate: boolean,
  meta: RequestMeta,
) {
  const checked = await verifyPasskeyForSession(
    deps,
    { response, userId: auth.user.id, sessionId: auth.session.id },
    meta,
  );
  if (!checked.ok) return checked;
  return { ok: true as const, renewed: await elevate(deps, auth, 'passkey', rotate, meta) };
}
