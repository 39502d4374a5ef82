import { z } from '@hono/zod-openapi';
import type { BookingRow } from './booking-mail';
import type { PaymentRow } from './payments-service';

export const bookingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    location: z.string().nullable(),
    status: z.enum(['confirmed', 'cancelled']),
  })
  .openapi('Booking');

/** What staff see of a booking: the student's view plus the calendar identity and notes. */
export const staffBookingSchema = bookingSchema
  .extend({
    userId: z.string(),
    uid: z.string(),
    sequence: z.number().int(),
    notes: z.string().nullable(),
  })
  .openapi('StaffBooking');

export const paymentSchema = z
  .object({
    id: z.string(),
    amount: z.string().openapi({ example: '450.00' }),
    currency: z.string(),
    description: z.string(),
    paidAt: z.string(),
    bookingId: z.string().nullable(),
  })
  .openapi('Payment');

export function toBookingJson(b: BookingRow): z.infer<typeof bookingSchema> {
  return {
    id: b.id,
    title: b.title,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    timeZone: b.timeZone,
    location: b.location,
    status: b.status,
  };
}

export const toStaffBookingJson = (b: BookingRow): z.infer<typeof staffBookingSchema> => ({
  ...toBookingJson(b),
  userId: b.userId,
  uid: b.uid,
  sequence: b.sequence,
  notes: b.notes,
});

export const toPaymentJson = (p: PaymentRow): z.infer<typeof paymentSchema> => ({
  id: p.id,
  amount: p.amount,
  currency: p.currency,
  description: p.description,
  paidAt: p.paidAt.toISOString(),
  bookingId: p.bookingId,
});
