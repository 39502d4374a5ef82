import { sessions } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { generateSecureRandomString, hashSecret } from '../platform/secret-tokens';

export type NewSessionInput = {
  userId: string;
  remember: boolean;
  ip: string | null;
  userAgent: string | null;
  /** A session that just proved a credential is privileged for REAUTH_MINUTES. */
  privileged?: boolean;
  /**
   * Keeps the absolute end of a session being replaced (rotation at re-authentication), so
   * proving a credential again can never stretch a session past its original lifetime.
   */
  absoluteExpiresAt?: Date;
};

/**
 * Every sign-in gets a brand-new session id (no fixation: an id planted before sign-in is
 * never promoted). Remembered sessions slide over REMEMBER_ME_DAYS instead of the idle
 * window; both end at the absolute limit.
 */
export async function createSession(
  deps: Pick<Deps, 'clock' | 'config'>,
  db: Executor,
  input: NewSessionInput,
) {
  const now = deps.clock.now();
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  const absoluteExpiresAt =
    input.absoluteExpiresAt ?? new Date(now.getTime() + deps.config.sessionAbsoluteMs);
  // PERSISTENT_COOKIES=false: "remember me" is ignored, whoever asks (the cookie dies with the
  // browser, so a long idle window would only keep a session nobody can reach alive).
  const remember = input.remember && deps.config.persistentCookies;
  const idleMs = remember ? deps.config.rememberMeMs : deps.config.sessionIdleMs;
  const expiresAt = new Date(Math.min(now.getTime() + idleMs, absoluteExpiresAt.getTime()));
  const row = {
    id,
    secretHash: hashSecret(secret),
    userId: input.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    absoluteExpiresAt,
    isPersistent: remember,
    privilegedUntil:
      input.privileged === false ? null : new Date(now.getTime() + deps.config.reauthMs),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  };
  await db.insert(sessions).values(row);
  return { token: `${id}.${secret}`, session: row };
}
