import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { users } from './users';

export const tokenPurposes = [
  'verify-email',
  'reset-password',
  'change-email',
  'not-me',
  'cancel-deletion',
  'two-factor-login',
  'confirm-subscription',
] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** Single-use emailed tokens. Only SHA-256 of the token is stored. */
export const tokens = pgTable(
  'tokens',
  {
    id: id(),
    purpose: text().$type<TokenPurpose>().notNull(),
    hash: text().notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    payload: jsonb().$type<Record<string, unknown>>(),
    expiresAt: at().notNull(),
    usedAt: at(),
    createdAt: createdAt(),
  },
  (t) => [index('tokens_user_idx').on(t.userId), index('tokens_expires_idx').on(t.expiresAt)],
);
