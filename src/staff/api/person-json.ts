import { z } from '@hono/zod-openapi';
import {
  paymentSchema,
  staffBookingSchema,
  toPaymentJson,
  toStaffBookingJson,
} from '../../bookings';
import type { PersonSummary, PersonCard } from '../people';

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
    /** Staff an admin assigned to the person (teachers with lessons see them without one). */
    assignedStaff: z.array(
      z.object({ id: z.string(), email: z.string(), name: z.string(), since: z.string() }),
    ),
  })
  .openapi('PersonCard');

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
    assignedStaff: card.assignedStaff.map((a) => ({
      id: a.id,
      email: a.email,
      name: a.name,
      since: a.since.toISOString(),
    })),
  };
}
