import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Timestamps are always stored with a time zone and read as `Date`. */
export const at = (name?: string) =>
  name
    ? timestamp(name, { withTimezone: true, mode: 'date' })
    : timestamp({ withTimezone: true, mode: 'date' });

export const id = () => uuid().primaryKey().defaultRandom();

export const createdAt = () => at().notNull().defaultNow();
