import { Hono, type Context } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../../../db/schema';
import type { Deps } from '../../deps';
import { recordEvent, type RequestMeta } from '../../core/activity';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { isValidTimeZone } from '../../i18n/time';

/**
 * Takes the zone the browser reported as the account's, only while the account has none:
 * the condition is part of the UPDATE, so a zone chosen meanwhile (another tab, the profile
 * page) is never overwritten from an old overview. Logged like any profile edit.
 */
export async function adoptTimeZone(deps: Deps, userId: string, zone: string, meta: RequestMeta) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ timeZone: zone, updatedAt: now })
      .where(and(eq(users.id, userId), isNull(users.timeZone)))
      .returning({ id: users.id });
    if (!row) return false;
    await recordEvent(tx, {
      userId,
      action: 'profile.updated',
      at: now,
      meta,
      details: { fields: ['timeZone'] },
    });
    return true;
  });
}

/** The overview's "show times in your browser's zone?" form: that zone, or UTC for good. */
async function postTimeZone(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  const form = await readForm(c);
  const zone = form.keep === 'utc' ? 'UTC' : (form.timeZone ?? '').trim();
  if (!isValidTimeZone(zone)) return c.redirect('/account', 303);
  const done = await adoptTimeZone(c.get('deps'), auth.user.id, zone, requestMeta(c));
  return c.redirect(done ? '/account?notice=time-zone-set' : '/account', 303);
}

/** POST /account/time-zone, from the overview. */
export function timeZonePageRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/account/time-zone', postTimeZone);
  return app;
}
