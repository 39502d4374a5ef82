import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Executor } from '../platform/db-types';

export type UserRow = typeof users.$inferSelect;

/**
 * The account's deletion date has passed: it is as good as gone (the purge job may just not
 * have run yet), so nothing signs in to it and nothing cancels the deletion.
 */
export const deletionIsDue = (user: Pick<UserRow, 'deletionScheduledFor'>, now: Date) =>
  user.deletionScheduledFor !== null && user.deletionScheduledFor <= now;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}
