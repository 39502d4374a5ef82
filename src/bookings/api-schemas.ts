import { z } from '@hono/zod-openapi';
import type { BookingRow } from './booking-mail';
import type { PaymentRow } from './payments-service';
import type { PersonSummary, PersonCard } from './people';

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

export const personSummarySchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    emailVerified: z.boolean(),
    processingRestricted: z.boolean(),
    deletionScheduledFor: z.string().nullable(),
  })
  .openapi('PersonSummary');

export const personCardSchema = z
  .object({
    user: personSummarySchema.extend({
      phone: z.string().nullable(),
      videoHandle: z.string().nullable(),
      goals: z.string().nullable(),
      locale: z.string(),
      createdAt: z.string(),
      processingRestrictedAt: z.string().nullable(),
      processingRestrictionReason: z.string().nullable(),
    }),
    /** True when the person restricted processing: staff must see the banner and hold back. */
    restricted: z.boolean(),
    bookings: z.array(staffBookingSchema),
    payments: z.array(paymentSchema),
    subscriptions: z.array(z.object({ list: z.string(), name: z.string(), status: z.string() })),
  })
  .openapi('PersonCard');

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

export const toPersonSummaryJson = (p: PersonSummary): z.infer<typeof personSummarySchema> => ({
  id: p.id,
  email: p.email,
  name: p.name,
  role: p.role,
  emailVerified: !!p.emailVerifiedAt,
  processingRestricted: !!p.processingRestrictedAt,
  deletionScheduledFor: p.deletionScheduledFor?.toISOString() ?? null,
});

export function toPersonCardJson(
  card: PersonCard,
  locale: string,
): z.infer<typeof personCardSchema> {
  const u = card.user;
  return {
    user: {
      ...toPersonSummaryJson(u),
      phone: u.phone,
      videoHandle: u.videoHandle,
      goals: u.goals,
      locale: u.locale,
      createdAt: u.createdAt.toISOString(),
      processingRestrictedAt: u.processingRestrictedAt?.toISOString() ?? null,
      processingRestrictionReason: u.processingRestrictionReason,
    },
    restricted: !!u.processingRestrictedAt,
    bookings: card.bookings.map(toStaffBookingJson),
    payments: card.payments.map(toPaymentJson),
    subscriptions: card.subscriptions.map((s) => ({
      list: s.list,
      name: s.names[locale] ?? s.names.en ?? s.list,
      status: s.status,
    })),
  };
}
