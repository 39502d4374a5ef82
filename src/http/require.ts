import type { Context } from 'hono';
import type { AppEnv } from './env';
import { ProblemError, problems } from './problem';
import type { Role } from '../../db/schema';

/** Ends the request with 401 unless signed in; returns the session context. */
export function requireAuth(c: Context<AppEnv>) {
  const auth = c.get('auth');
  if (!auth) throw new ProblemError(problems.unauthenticated);
  return auth;
}

/** Sensitive acts need a session that proved a credential within REAUTH_MINUTES. */
export function requirePrivileged(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  if (!auth.isPrivileged) throw new ProblemError(problems.reauthRequired);
  return auth;
}

export function requireRole(c: Context<AppEnv>, roles: readonly Role[]) {
  const auth = requireAuth(c);
  if (!roles.includes(auth.user.role)) throw new ProblemError(problems.forbidden);
  return auth;
}
