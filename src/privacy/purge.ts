import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { localeOr } from '../i18n';
import { recordEvent } from '../cabinet/activity';
import { mailContext, queueMail } from '../mail/queue';
import { accountDeletedMail } from '../../emails/deletion-completed';
import { actorReferences, categories, personColumns, type Person } from './registry';

/** The farewell mail's template: after sending, its row keeps no address and no body. */
export const accountDeletedTemplate = 'account-deleted';

/**
 * Removes one person, in the caller's transaction, by the registry: scrub copies of their
 * identity that no foreign key reaches, delete or anonymise every registered table, unlink
 * them where they acted for others, then delete the users row (ON DELETE CASCADE is the
 * second net: a table the registry forgot still goes, and the registry test fails).
 */
export async function purgePerson(tx: Executor, person: Person) {
  for (const category of categories) await category.scrub?.(tx, person);
  for (const category of categories) {
    for (const ref of category.tables) {
      if (ref.onPurge === 'delete') await tx.delete(ref.table).where(eq(ref.column, person.id));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the column is known to be nullable (registry test)
      else await tx.update(ref.table).set({ [ref.column.name]: null } as any).where(eq(ref.column, person.id));
    }
  }
  for (const ref of actorReferences) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    await tx.update(ref.column.table).set({ [ref.column.name]: null } as any).where(eq(ref.column, person.id));
  }
  await tx.delete(users).where(eq(users.id, person.id));
}

/**
 * The purge job: every account whose deletion date has passed goes, each in one transaction
 * (row locked and the date checked again, so a sign-in that cancels at the same moment wins
 * or loses cleanly). A last mail says it is done; its row forgets the address once sent.
 */
export async function purgeDeletedAccounts(deps: Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'notifyMail' | 'erasureLedger'>>) {
  const now = deps.clock.now();
  const due = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(isNotNull(users.deletionScheduledFor), lte(users.deletionScheduledFor, now)));
  let purged = 0;
  for (const { id } of due) {
    const done = await deps.db.transaction(async (tx) => {
      const [user] = await tx
        .select({ ...personColumns, locale: users.locale })
        .from(users)
        .where(and(eq(users.id, id), isNotNull(users.deletionScheduledFor), lte(users.deletionScheduledFor, now)))
        .for('update', { skipLocked: true });
      if (!user) return false;
      await purgePerson(tx, user);
      const locale = localeOr(user.locale);
      await queueMail(deps, tx, {
        to: user.email,
        userId: null,
        locale,
        template: accountDeletedTemplate,
        containsSecret: true,
        mail: accountDeletedMail(mailContext(deps, locale)),
      });
      // Counted for operations, naming no one.
      await recordEvent(tx, { userId: null, action: 'account.purged', at: now });
      return true;
    });
    if (done) {
      purged++;
      // After the commit: a restored backup replays this so the person stays deleted.
      await deps.erasureLedger?.append(id, now);
    }
  }
  if (purged) deps.notifyMail?.();
  return { purged };
}
