import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { users } from './users';

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: id(),
    kind: text().$type<'privacy'>().notNull().default('privacy'),
    version: text().notNull(),
    summary: text().notNull(),
    body: text().notNull(),
    publishedAt: at().notNull().defaultNow(),
    effectiveAt: at().notNull(),
    noticeQueuedAt: at(),
  },
  (t) => [uniqueIndex('policy_kind_version_idx').on(t.kind, t.version)],
);

/** Consent history: one row per grant or withdrawal, never updated. */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    version: text(),
    granted: text().$type<'granted' | 'withdrawn'>().notNull(),
    method: text().notNull(),
    ip: text(),
    at: createdAt(),
  },
  (t) => [index('consents_user_idx').on(t.userId)],
);
