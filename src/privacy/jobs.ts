import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { auditEvents, consents, emailOutbox, policyVersions, sessions } from '../../db/schema';
import type { Deps } from '../deps';
import { actedBySchoolSql } from '../core/activity';
import { inactivityWarningDays, retireInactiveAccounts } from './inactive-accounts';
import { queuePolicyNotice } from './policy-admin';
import { accountDeletedTemplate, purgeDeletedAccounts } from './purge';

export { inactivityWarningDays, purgeDeletedAccounts, retireInactiveAccounts };

const day = 86_400_000;
type JobDeps = Pick<Deps, 'db' | 'clock' | 'config'> & Partial<Pick<Deps, 'notifyMail'>>;

/** How long sent mail keeps its text (the record of it stays). */
export const mailBodyRetentionDays = 30;

/**
 * IP_RETENTION_DAYS (default 90): IP addresses are for protection against abuse only, so
 * they are removed from security events, sessions and consent records once that old. A staff
 * member's address on an event about someone else goes at once (see `recordEvent`).
 */
export async function removeOldIpAddresses(deps: JobDeps) {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.ipRetentionDays * day);
  const events = await deps.db
    .update(auditEvents)
    .set({ ip: null })
    .where(and(isNotNull(auditEvents.ip), lt(auditEvents.at, cutoff)))
    .returning({ id: auditEvents.id });
  const s = await deps.db
    .update(sessions)
    .set({ ip: null })
    .where(and(isNotNull(sessions.ip), lt(sessions.createdAt, cutoff)))
    .returning({ id: sessions.id });
  const c = await deps.db
    .update(consents)
    .set({ ip: null })
    .where(and(isNotNull(consents.ip), lt(consents.at, cutoff)))
    .returning({ id: consents.id });
  // A staff member's address and browser on someone else's event (written before recordEvent
  // stopped storing them) are nobody's business there: removed whatever their age.
  const staff = await deps.db
    .update(auditEvents)
    .set({ ip: null, userAgent: null })
    .where(and(actedBySchoolSql, or(isNotNull(auditEvents.ip), isNotNull(auditEvents.userAgent))))
    .returning({ id: auditEvents.id });
  return {
    events: events.length,
    sessions: s.length,
    consents: c.length,
    staffAddresses: staff.length,
  };
}

/** Sent (or given-up) mail keeps subject, template, date and status; its text goes after 30 days. */
export async function dropOldMailBodies(deps: JobDeps) {
  const cutoff = new Date(deps.clock.now().getTime() - mailBodyRetentionDays * day);
  const rows = await deps.db
    .update(emailOutbox)
    .set({ html: null, text: null, attachments: null, headers: null })
    .where(
      and(
        inArray(emailOutbox.status, ['sent', 'failed']),
        sql`coalesce(${emailOutbox.sentAt}, ${emailOutbox.createdAt}) < ${cutoff.toISOString()}::timestamptz`,
        or(
          isNotNull(emailOutbox.html),
          isNotNull(emailOutbox.text),
          isNotNull(emailOutbox.attachments),
          isNotNull(emailOutbox.headers),
        ),
      ),
    )
    .returning({ id: emailOutbox.id });
  return { dropped: rows.length };
}

/**
 * The farewell mail to a deleted person must leave nothing behind once it went (or was given
 * up on). The dispatcher should do this right after sending; this catches any it did not.
 */
export async function eraseFarewellAddresses(deps: Pick<Deps, 'db'>) {
  const rows = await deps.db
    .update(emailOutbox)
    .set({ toAddress: 'erased', html: null, text: null, headers: null, attachments: null })
    .where(
      and(
        eq(emailOutbox.template, accountDeletedTemplate),
        inArray(emailOutbox.status, ['sent', 'failed']),
        sql`${emailOutbox.toAddress} <> 'erased'`,
      ),
    )
    .returning({ id: emailOutbox.id });
  return { erased: rows.length };
}

/**
 * Safety net for versions that reached the table without the admin API (SQL, a migration):
 * upcoming versions whose notice was never queued get it now. Versions already in force are
 * left alone: a notice after the fact helps no one, and the acceptance gate asks anyway.
 */
export async function queuePendingPolicyNotices(deps: JobDeps) {
  const now = deps.clock.now();
  let queued = 0;
  const pending = await deps.db
    .select({ id: policyVersions.id })
    .from(policyVersions)
    .where(
      and(
        isNull(policyVersions.noticeQueuedAt),
        sql`${policyVersions.effectiveAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
  for (const { id } of pending) {
    await deps.db.transaction(async (tx) => {
      const [policy] = await tx
        .select()
        .from(policyVersions)
        .where(and(eq(policyVersions.id, id), isNull(policyVersions.noticeQueuedAt)))
        .for('update', { skipLocked: true });
      if (!policy) return;
      queued += await queuePolicyNotice(deps, tx, policy);
      await tx.update(policyVersions).set({ noticeQueuedAt: now }).where(eq(policyVersions.id, id));
    });
  }
  if (queued) deps.notifyMail?.();
  return { versions: pending.length, queued };
}

/** What to register in src/jobs/schedule.ts, with how often each runs. */
export const privacyJobs = [
  { name: 'purge-deleted-accounts', everyMs: 5 * 60_000, run: purgeDeletedAccounts },
  { name: 'remove-old-ips', everyMs: 6 * 3_600_000, run: removeOldIpAddresses },
  { name: 'retire-inactive-accounts', everyMs: 6 * 3_600_000, run: retireInactiveAccounts },
  { name: 'drop-old-mail-bodies', everyMs: 6 * 3_600_000, run: dropOldMailBodies },
  { name: 'erase-farewell-addresses', everyMs: 5 * 60_000, run: eraseFarewellAddresses },
  { name: 'queue-policy-notices', everyMs: 60 * 60_000, run: queuePendingPolicyNotices },
] satisfies { name: string; everyMs: number; run(deps: Deps): Promise<unknown> }[];
