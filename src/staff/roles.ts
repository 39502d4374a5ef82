import { eq, inArray, asc } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { recordEvent, type RequestMeta } from '../core/activity';
import { findUserByEmail } from '../core/users';

export type RoleChangeResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string }; changed: boolean }
  | { ok: false; reason: 'not-found' | 'self' };

/**
 * Grants or removes staff access. Admins are made only from the command line, and an admin
 * cannot demote themselves, so the last admin cannot lock everyone out by a mistaken click.
 * The role is read from the database on every request, so the change takes effect at once.
 */
export async function changeRole(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: { adminId: string; meta: RequestMeta },
  input: { userId: string; role: 'user' | 'staff' },
): Promise<RoleChangeResult> {
  if (input.userId === act.adminId) return { ok: false, reason: 'self' };
  return deps.db.transaction(async (tx): Promise<RoleChangeResult> => {
    const [current] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!current) return { ok: false, reason: 'not-found' };
    if (current.role === input.role) return { ok: true, user: current, changed: false };
    const now = deps.clock.now();
    await tx
      .update(users)
      .set({ role: input.role, updatedAt: now })
      .where(eq(users.id, current.id));
    await recordEvent(tx, {
      userId: current.id,
      actorId: act.adminId,
      action: 'admin.role-changed',
      at: now,
      meta: act.meta,
      details: { from: current.role, to: input.role },
    });
    return { ok: true, user: { ...current, role: input.role }, changed: true };
  });
}

/** Gives staff access to the account with this email: the team page names people by email. */
export async function grantStaffByEmail(
  deps: Pick<Deps, 'db' | 'clock'>,
  act: { adminId: string; meta: RequestMeta },
  email: string,
): Promise<RoleChangeResult> {
  const person = await findUserByEmail(deps.db, email);
  if (!person) return { ok: false, reason: 'not-found' };
  return changeRole(deps, act, { userId: person.id, role: 'staff' });
}

/** Everyone with console access, for the admins' team page. */
export function listTeam(db: Deps['db']) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(inArray(users.role, ['staff', 'admin']))
    .orderBy(asc(users.role), asc(users.name));
}
