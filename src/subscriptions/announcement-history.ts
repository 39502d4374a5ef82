import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { announcements, emailOutbox, mailingLists, users } from '../../db/schema';
import type { Executor } from '../platform/db-types';
import type { Locale } from '../i18n';
import { localized } from './lists';

/** How far one announcement has gone: every recipient is in exactly one of the first five. */
export type AnnouncementCounts = {
  recipients: number;
  queued: number;
  sent: number;
  failed: number;
  suppressed: number;
  /** Left the list (or the service) before their copy went: it was dropped, never sent. */
  cancelled: number;
  /** Of the sent: what Resend reported since. */
  delivered: number;
  bounced: number;
  complained: number;
};

export type AnnouncementSummary = {
  id: string;
  list: string;
  listName: string;
  subject: string;
  author: string | null;
  createdAt: Date;
  counts: AnnouncementCounts;
  done: boolean;
};

export const historyPageSize = 50;

const zero = (recipients: number): AnnouncementCounts => ({
  recipients,
  queued: 0,
  sent: 0,
  failed: 0,
  suppressed: 0,
  cancelled: 0,
  delivered: 0,
  bounced: 0,
  complained: 0,
});

/** The outbox rows of these announcements, counted by status and reported outcome (one query). */
async function countOutbox(db: Executor, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, Omit<AnnouncementCounts, 'recipients' | 'cancelled'>>();
  const rows = await db
    .select({
      id: emailOutbox.announcementId,
      queued: sql<number>`count(*) filter (where ${emailOutbox.status} in ('pending', 'sending'))::int`,
      sent: sql<number>`count(*) filter (where ${emailOutbox.status} = 'sent')::int`,
      failed: sql<number>`count(*) filter (where ${emailOutbox.status} = 'failed')::int`,
      suppressed: sql<number>`count(*) filter (where ${emailOutbox.status} = 'suppressed')::int`,
      delivered: sql<number>`count(*) filter (where ${emailOutbox.deliveryOutcome} = 'delivered')::int`,
      bounced: sql<number>`count(*) filter (where ${emailOutbox.deliveryOutcome} = 'bounced')::int`,
      complained: sql<number>`count(*) filter (where ${emailOutbox.deliveryOutcome} = 'complained')::int`,
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.announcementId, ids))
    .groupBy(emailOutbox.announcementId);
  return new Map(rows.map(({ id, ...counts }) => [id!, counts]));
}

type Row = {
  id: string;
  list: string;
  listNames: Record<string, string>;
  subjects: Record<string, string>;
  author: string | null;
  createdAt: Date;
  recipients: number | null;
};

const columns = {
  id: announcements.id,
  list: announcements.listSlug,
  listNames: mailingLists.names,
  subjects: announcements.subjects,
  author: users.name,
  createdAt: announcements.createdAt,
  recipients: announcements.recipientCount,
};

async function summarise(
  db: Executor,
  rows: Row[],
  locale: Locale,
): Promise<AnnouncementSummary[]> {
  const counted = await countOutbox(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const recipients = r.recipients ?? 0;
    const c = { ...zero(recipients), ...counted.get(r.id) };
    c.cancelled = Math.max(0, recipients - c.queued - c.sent - c.failed - c.suppressed);
    return {
      id: r.id,
      list: r.list,
      listName: localized(r.listNames, locale),
      subject: r.subjects[locale] ?? r.subjects.en ?? '',
      author: r.author,
      createdAt: r.createdAt,
      counts: c,
      done: c.queued === 0,
    };
  });
}

/**
 * Announcements, newest first, a page at a time (keyset on time and id, so a new one sent
 * meanwhile does not shift the pages), each with its live counts from the outbox.
 */
export async function listAnnouncements(
  db: Executor,
  input: { locale: Locale; before?: { at: Date; id: string }; limit?: number },
) {
  const limit = input.limit ?? historyPageSize;
  const b = input.before;
  const rows = await db
    .select(columns)
    .from(announcements)
    .innerJoin(mailingLists, eq(mailingLists.slug, announcements.listSlug))
    .leftJoin(users, eq(users.id, announcements.createdBy))
    .where(
      b
        ? or(
            lt(announcements.createdAt, b.at),
            and(eq(announcements.createdAt, b.at), lt(announcements.id, b.id)),
          )
        : undefined,
    )
    .orderBy(desc(announcements.createdAt), desc(announcements.id))
    .limit(limit + 1);
  const items = await summarise(db, rows.slice(0, limit), input.locale);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { at: last.createdAt, id: last.id } : null };
}

/** One announcement with its counts, or null. */
export async function findAnnouncement(db: Executor, id: string, locale: Locale) {
  const rows = await db
    .select(columns)
    .from(announcements)
    .innerJoin(mailingLists, eq(mailingLists.slug, announcements.listSlug))
    .leftJoin(users, eq(users.id, announcements.createdBy))
    .where(eq(announcements.id, id));
  const [one] = await summarise(db, rows, locale);
  return one ?? null;
}
