import { inArray } from 'drizzle-orm';
import { emailOutbox, type MailAttachment } from '../../db/schema';
import type { Executor } from '../../src/platform/db-types';
import type { TestApp } from './test-app';

/**
 * A raw outbox row, for tests of the dispatcher itself (any subject, any template name);
 * the product queues through `queueMail`, which renders one of `emails/`.
 */
export async function insertOutboxRow(
  db: Executor,
  row: Omit<typeof emailOutbox.$inferInsert, 'nextAttemptAt' | 'createdAt'>,
  now: Date,
) {
  const [inserted] = await db
    .insert(emailOutbox)
    .values({ ...row, nextAttemptAt: now, createdAt: now })
    .returning({ id: emailOutbox.id });
  return inserted!.id;
}

/**
 * Queues `n` mails straight into the outbox. Bulk ones look like announcements (priority 1,
 * a List-Unsubscribe header, a live link, so the body is scrubbed once sent); transactional
 * ones like any other notice.
 */
export async function enqueueTestMail(
  t: TestApp,
  n: number,
  label: string,
  kind: 'bulk' | 'transactional',
  extra: { attachments?: MailAttachment[] } = {},
) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await insertOutboxRow(
        t.db,
        {
          toAddress: `${label}${i}@example.com`,
          template: kind === 'bulk' ? 'announcement' : 'test',
          locale: 'en',
          subject: `${label} ${i}`,
          html: `<p>${label} ${i}</p>`,
          text: `${label} ${i}`,
          priority: kind === 'bulk' ? 1 : 0,
          containsSecret: kind === 'bulk',
          headers:
            kind === 'bulk'
              ? { 'List-Unsubscribe': `<http://localhost:3000/unsubscribe?token=${label}${i}>` }
              : undefined,
          ...extra,
        },
        t.clock.now(),
      ),
    );
  }
  return ids;
}

/** The outbox rows with these ids. */
export const outboxRows = (t: TestApp, ids: string[]) =>
  t.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
