import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { emailOutbox, type DeliveryOutcome } from './mail';
import { users } from './users';

/**
 * One provider report about one mail (a Resend webhook event), kept 90 days and then folded
 * into `delivery_counts`. The id is the webhook's `svix-id`: a redelivered event inserts
 * nothing, so it changes nothing.
 */
export const deliveryEvents = pgTable(
  'delivery_events',
  {
    id: text().primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    outboxId: uuid().references(() => emailOutbox.id, { onDelete: 'set null' }),
    outcome: text().$type<DeliveryOutcome>().notNull(),
    /** Bounces only: Resend's `Permanent`, `Transient` or `Undetermined`. */
    bounceType: text(),
    occurredAt: at().notNull(),
    receivedAt: createdAt(),
  },
  (t) => [
    index('delivery_events_user_idx').on(t.userId),
    index('delivery_events_received_idx').on(t.receivedAt),
  ],
);

/** What remains of delivery events older than 90 days: how many of each outcome, per person. */
export const deliveryCounts = pgTable(
  'delivery_counts',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    outcome: text().$type<DeliveryOutcome>().notNull(),
    count: integer().notNull().default(0),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('delivery_counts_user_outcome_idx').on(t.userId, t.outcome)],
);

export const suppressionReasons = ['bounce', 'complaint'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/**
 * Addresses that bounced hard or complained: optional mail (announcements) to them is marked
 * suppressed instead of sent; service mail still tries. Keyed on the lower-cased address, so
 * a person who changes their address is not suppressed at the new one.
 */
export const mailSuppressions = pgTable(
  'mail_suppressions',
  {
    id: id(),
    address: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    reason: text().$type<SuppressionReason>().notNull(),
    /** The event that caused it (svix-id), for staff following it up. */
    eventId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('mail_suppressions_address_idx').on(t.address),
    index('mail_suppressions_user_idx').on(t.userId),
  ],
);
