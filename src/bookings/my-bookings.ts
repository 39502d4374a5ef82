import { and, asc, desc, eq } from 'drizzle-orm';
import { bookings, payments } from '../../db/schema';
import type { Executor } from '../platform/db-types';

/** The signed-in person's bookings, by start time; nobody else's (the filter is the owner). */
export function listOwnBookings(db: Executor, userId: string) {
  return db
    .select()
    .from(bookings)
    .where(eq(bookings.userId, userId))
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
}

/** One of the person's own bookings; another person's id finds nothing, exactly like a wrong id. */
export async function findOwnBooking(db: Executor, userId: string, bookingId: string) {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.userId, userId)));
  return row ?? null;
}

export function listOwnPayments(db: Executor, userId: string) {
  return db
    .select()
    .from(payments)
    .where(eq(payments.userId, userId))
    .orderBy(desc(payments.paidAt), desc(payments.createdAt));
}
