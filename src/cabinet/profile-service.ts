import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import type { ProfileInput } from './schemas';

/** Applies a profile edit and records which fields changed (not their values). */
export async function updateProfile(
  deps: Deps,
  userId: string,
  input: ProfileInput,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  const changes = Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v === '' && k !== 'name' ? null : v]),
  );
  return deps.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ ...changes, updatedAt: now })
      .where(eq(users.id, userId))
      .returning();
    if (Object.keys(changes).length > 0) {
      await recordEvent(tx, {
        userId,
        action: 'profile.updated',
        at: now,
        meta,
        details: { fields: Object.keys(changes) },
      });
    }
    return user!;
  });
}
