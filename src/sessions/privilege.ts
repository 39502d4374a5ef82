import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { Deps } from '../deps';
import { createSession } from './create';

/**
 * Makes a session privileged after a fresh proof of a credential. Cookie sessions get a new
 * id at the same time (privilege change = rotation, so a fixated id never gains rights);
 * bearer clients keep their token, since nothing can plant one in a browser for them.
 */
export async function elevateSession(
  deps: Deps,
  current: { id: string; userId: string; isPersistent: boolean; absoluteExpiresAt: Date },
  rotate: boolean,
  meta: { ip: string | null; userAgent: string | null },
) {
  const now = deps.clock.now();
  const privilegedUntil = new Date(now.getTime() + deps.config.reauthMs);
  if (!rotate) {
    await deps.db.update(sessions).set({ privilegedUntil }).where(eq(sessions.id, current.id));
    return null;
  }
  return deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, current.id));
    // The new id inherits the old absolute end: re-authenticating must not extend a session.
    return createSession(deps, tx, {
      userId: current.userId,
      remember: current.isPersistent,
      ip: meta.ip,
      userAgent: meta.userAgent,
      privileged: true,
      absoluteExpiresAt: current.absoluteExpiresAt,
    });
  });
}
