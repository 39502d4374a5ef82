import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import { emailSchema } from '../core/email-address';
import { checkPassword, normalizePassword } from '../core/password-policy';
import { findUserByEmail } from '../core/users';
import { recordEvent } from '../core/activity';

/**
 * Creates a verified admin account, or promotes an existing account. The first admin of a
 * fresh installation is made this way, from the command line of the machine.
 */
export async function createAdmin(
  deps: Deps,
  input: { email: string; password: string; name?: string },
): Promise<{ ok: true; created: boolean; email: string } | { ok: false; message: string }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, message: 'That is not a valid email address' };
  const now = deps.clock.now();
  const existing = await findUserByEmail(deps.db, email.data);
  if (existing) {
    await deps.db
      .update(users)
      .set({ role: 'admin', updatedAt: now })
      .where(eq(users.id, existing.id));
    await recordEvent(deps.db, {
      userId: existing.id,
      action: 'role.changed',
      at: now,
      details: { role: 'admin', by: 'cli' },
    });
    return { ok: true, created: false, email: existing.email };
  }
  const password = normalizePassword(input.password);
  const problem = checkPassword(password, { email: email.data, name: input.name });
  if (problem) return { ok: false, message: `Choose another password (${problem})` };
  const [row] = await deps.db
    .insert(users)
    .values({
      email: email.data,
      name: input.name ?? email.data.split('@')[0]!,
      passwordHash: await deps.hasher.hash(password),
      role: 'admin',
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: users.id });
  await recordEvent(deps.db, {
    userId: row!.id,
    action: 'account.registered',
    at: now,
    details: { by: 'cli', role: 'admin' },
  });
  return { ok: true, created: true, email: email.data };
}
