import { boolean, index, integer, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { announcements } from './subscriptions';
import { users } from './users';

export type MailAttachment = { filename: string; contentType: string; contentBase64: string };
/** `suppressed`: optional mail not sent because the address bounced hard or complained. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;
/** What the provider later reported about a sent mail (Resend webhooks). */
export const deliveryOutcomes = ['delivered', 'delayed', 'bounced', 'complained'] as const;
export type DeliveryOutcome = (typeof deliveryOutcomes)[number];

/**
 * Transactional outbox: features insert rendered mail in their own transaction; only the
 * dispatcher talks to the provider. The row id is the provider idempotency key.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    template: text().notNull(),
    locale: text().notNull(),
    subject: text().notNull(),
    html: text(),
    text: text(),
    headers: jsonb().$type<Record<string, string>>(),
    attachments: jsonb().$type<MailAttachment[]>(),
    /** Bodies that carry a live secret link are dropped right after a real send. */
    containsSecret: boolean().notNull().default(false),
    status: text().$type<(typeof outboxStatuses)[number]>().notNull().default('pending'),
    /** 0: transactional (sign-in, bookings) goes first; 1: bulk announcements wait behind it. */
    priority: smallint().notNull().default(0),
    attempts: integer().notNull().default(0),
    nextAttemptAt: at().notNull().defaultNow(),
    claimedUntil: at(),
    lastError: text(),
    providerId: text(),
    sentAt: at(),
    /** The announcement this copy is of: its progress is counted from these rows. */
    announcementId: uuid().references(() => announcements.id, { onDelete: 'set null' }),
    /** The last outcome the provider reported (webhook), and when. */
    deliveryOutcome: text().$type<DeliveryOutcome>(),
    deliveryAt: at(),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.priority, t.nextAttemptAt),
    index('outbox_user_idx').on(t.userId),
    index('outbox_announcement_idx').on(t.announcementId, t.status),
    index('outbox_provider_idx').on(t.providerId),
  ],
);
