import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';

export const roles = ['user', 'staff', 'admin'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text().notNull(),
    passwordHash: text(),
    name: text().notNull(),
    phone: text(),
    videoHandle: text(),
    goals: text(),
    locale: text().notNull().default('en'),
    /** IANA zone the person's pages show times in ("Europe/Kyiv"); null: UTC, labelled. */
    timeZone: text(),
    role: text().$type<Role>().notNull().default('user'),
    emailVerifiedAt: at(),
    lastActiveAt: at(),
    processingRestrictedAt: at(),
    processingRestrictionReason: text(),
    deletionScheduledFor: at(),
    passwordResetRequiredAt: at(),
    inactivityWarnedAt: at(),
    createdAt: createdAt(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    index('users_deletion_idx').on(t.deletionScheduledFor),
  ],
);
