import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env';
import { requireRole } from '../http/require';
import { requestMeta } from '../http/request-meta';
import type { StaffActor } from './visibility';

/**
 * The role is checked on the server on every request, from the user row the session loader
 * read in this request, so removing someone's staff access takes effect on their next click.
 */
export const requireStaff = (c: Context<AppEnv>) => requireRole(c, ['staff', 'admin']);
export const requireAdmin = (c: Context<AppEnv>) => requireRole(c, ['admin']);

/** Checks the role and names the actor for the trail; the role decides whom they see. */
export function staffActor(c: Context<AppEnv>): StaffActor {
  const { user } = requireStaff(c);
  return { staffId: user.id, role: user.role, meta: requestMeta(c) };
}

/**
 * Route middleware: runs before the body and query are validated, so someone without the
 * role gets 403 whatever they sent, and learns nothing from validation errors.
 */
export const staffOnly: MiddlewareHandler<AppEnv> = async function staffOnly(c, next) {
  requireStaff(c);
  await next();
};

export const adminOnly: MiddlewareHandler<AppEnv> = async function adminOnly(c, next) {
  requireAdmin(c);
  await next();
};
