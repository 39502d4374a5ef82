import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns';
import { users } from './users';

/**
 * Security and access events about a user, shown to that user in the cabinet.
 * `actorId` is someone else (staff) when they acted on or looked at the user's data.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** A sequence, so events written in the same instant still list in the order they happened. */
    id: bigserial({ mode: 'number' }).primaryKey(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    ip: text(),
    userAgent: text(),
    details: jsonb().$type<Record<string, unknown>>(),
    at: at().notNull().defaultNow(),
  },
  (t) => [index('audit_user_at_idx').on(t.userId, t.at), index('audit_actor_idx').on(t.actorId)],
);
