import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { users } from './users';

/** Optional mailing lists; the mandatory "service messages" category is one too, shown as not unsubscribable. */
export const mailingLists = pgTable('mailing_lists', {
  slug: text().primaryKey(),
  names: jsonb().$type<Record<string, string>>().notNull(),
  descriptions: jsonb().$type<Record<string, string>>().notNull(),
  mandatory: boolean().notNull().default(false),
  sortOrder: integer().notNull().default(0),
});

export const subscriptionStatuses = ['pending', 'subscribed', 'unsubscribed'] as const;

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listSlug: text()
      .notNull()
      .references(() => mailingLists.slug, { onDelete: 'cascade' }),
    status: text().$type<(typeof subscriptionStatuses)[number]>().notNull(),
    requestedAt: at(),
    confirmedAt: at(),
    unsubscribedAt: at(),
    updatedAt: at().notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subscriptions_user_list_idx').on(t.userId, t.listSlug),
    index('subscriptions_list_status_idx').on(t.listSlug, t.status),
  ],
);

/** Every subscription change, kept: when and how (cabinet, link, one-click). */
export const subscriptionEvents = pgTable(
  'subscription_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listSlug: text().notNull(),
    action: text().$type<'requested' | 'confirmed' | 'unsubscribed'>().notNull(),
    method: text()
      .$type<'cabinet' | 'link' | 'one-click' | 'staff' | 'system' | 'complaint'>()
      .notNull(),
    at: createdAt(),
  },
  (t) => [index('subscription_events_user_idx').on(t.userId)],
);

export const announcements = pgTable('announcements', {
  id: id(),
  listSlug: text()
    .notNull()
    .references(() => mailingLists.slug),
  /** Subject and body per locale; `en` is the fallback. */
  subjects: jsonb().$type<Record<string, string>>().notNull(),
  bodies: jsonb().$type<Record<string, string>>().notNull(),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  recipientCount: integer(),
  queuedAt: at(),
  createdAt: createdAt(),
});
