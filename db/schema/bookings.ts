import { index, integer, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id } from './columns';
import { users } from './users';

export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    /** Stable iCalendar UID: every update and the cancellation reuse it with a higher SEQUENCE. */
    uid: text().notNull().unique(),
    sequence: integer().notNull().default(0),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    staffId: uuid().references(() => users.id, { onDelete: 'set null' }),
    title: text().notNull(),
    startsAt: at().notNull(),
    endsAt: at().notNull(),
    timeZone: text().notNull(),
    location: text(),
    notes: text(),
    status: text().$type<'confirmed' | 'cancelled'>().notNull().default('confirmed'),
    createdAt: createdAt(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [index('bookings_user_idx').on(t.userId, t.startsAt)],
);

/**
 * Payments recorded by staff: amount, currency, description, date; never card data. The law
 * requires keeping them, so a deleted person's payments stay with `userId` set to null.
 */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    bookingId: uuid().references(() => bookings.id, { onDelete: 'set null' }),
    amount: numeric({ precision: 12, scale: 2 }).notNull(),
    currency: text().notNull(),
    description: text().notNull(),
    paidAt: at().notNull(),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('payments_user_idx').on(t.userId)],
);
