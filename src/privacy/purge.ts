import { and, eq, isNotNull, lte, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { recordEvent } from '../core/activity';
import { mailLocale, queueMail } from '../mail/queue';
import { actorReferences, categories, personColumns, type Person } from './registry';
import type { MailTemplateId } from '../../emails';

/** The farewell mail's template: after sending, its row keeps no address and no body. */
export const accountDeletedTemplate = 'account-deleted' satisfies MailTemplateId;

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
      else
        await tx
          .update(ref.table)
          .set({ [ref.column.name]: null })
          .where(eq(ref.column, person.id));
    }
  }
  for (const ref of actorReferences) {
    await tx
      .update(ref.column.table)
      .set({ [ref.column.name]: null })
      .where(eq(ref.column, person.id));
  }
  await tx.delete(users).where(eq(users.id, person.id));
}

/**
 * Why an account goes. `scheduled`: a deletion the person asked for, or that inactivity
 * retention scheduled, whose grace period has passed. `unverified`: an address never
 * confirmed within UNVERIFIED_ACCOUNT_DAYS.
 */
export type PurgeReason = 'scheduled' | 'unverified';

type PurgeDeps = Pick<Deps, 'db' | 'clock' | 'config'> &
  Partial<Pick<Deps, 'notifyMail' | 'erasureLedger'>>;

/**
 * THE deletion of an account: every path that removes a users row comes here (self-service
 * and inactivity after the grace period, unverified-account retention). In one transaction,
 * with the row locked and `stillDue` checked again (a sign-in that cancels, or a verification
 * that lands, at the same moment wins or loses cleanly): the registry's purge, a farewell mail
 * when the address was ever confirmed, an operations count naming no one. After the commit the
 * erasure ledger gets the id, so a restored backup deletes the person again.
 */
export async function purgeAccount(
  deps: PurgeDeps,
  userId: string,
  reason: PurgeReason,
  stillDue: SQL | undefined,
): Promise<boolean> {
  const now = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ ...personColumns, locale: users.locale, emailVerifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(and(eq(users.id, userId), stillDue))
      .for('update', { skipLocked: true });
    if (!user) return false;
    await purgePerson(tx, user);
    // Nobody proved owning an address never confirmed: it gets no mail from us.
    if (user.emailVerifiedAt) {
      const locale = mailLocale(deps, user.locale);
      await queueMail(deps, tx, {
        to: user.email,
        userId: null,
        locale,
        template: accountDeletedTemplate,
      });
    }
    // Counted for operations, naming no one.
    await recordEvent(tx, { userId: null, action: 'account.purged', at: now, details: { reason } });
    return true;
  });
  // After the commit: a restored backup replays this so the person stays deleted.
  if (done) await deps.erasureLedger?.append(userId, now);
  return done;
}

/** Deletes every account `due` selects, each through `purgeAccount`; returns how many went. */
export async function purgeAccountsWhere(
  deps: PurgeDeps,
  reason: PurgeReason,
  due: SQL | undefined,
): Promise<number> {
  const rows = await deps.db.select({ id: users.id }).from(users).where(due);
  let purged = 0;
  for (const { id } of rows) if (await purgeAccount(deps, id, reason, due)) purged++;
  if (purged) deps.notifyMail?.();
  return purged;
}

/**
 * The purge job: every account whose deletion date has passed goes (a last mail says it is
 * done; its row forgets the address once sent).
 */
export async function purgeDeletedAccounts(deps: PurgeDeps) {
  const now = deps.clock.now();
  const purged = await purgeAccountsWhere(
    deps,
    'scheduled',
    and(isNotNull(users.deletionScheduledFor), lte(users.deletionScheduledFor, now)),
  );
  return { purged };
}
