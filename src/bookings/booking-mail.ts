import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { mailContext, queueMail } from '../mail/queue';
import type { bookings } from '../../db/schema';
import { buildBookingCalendar, calendarAttachment, parseMailbox } from './ics';
import { formatBookingTime } from './format';

export type BookingRow = typeof bookings.$inferSelect;
export type Student = { id: string; email: string; name: string; locale: string };
export type BookingMailKind = 'confirmed' | 'updated' | 'cancelled';

const calendarMethod = {
  confirmed: 'REQUEST',
  updated: 'REQUEST',
  cancelled: 'CANCEL',
} as const;

/** The booking's .ics as the school publishes it: organizer is the sender of our mail. */
export function bookingCalendar(
  deps: Pick<Deps, 'config' | 'clock'>,
  booking: BookingRow,
  student: Student,
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
) {
  return buildBookingCalendar({
    booking,
    method,
    organizer: parseMailbox(deps.config.mailFrom),
    attendee: { name: student.name, email: student.email },
    now: deps.clock.now(),
    url: `${deps.config.appUrl}/account/bookings`,
    productName: deps.config.schoolName,
  });
}

/**
 * Queues the confirmation, update or cancellation in the caller's transaction, in the
 * student's language, with the calendar file that carries the same UID every time.
 */
export async function queueBookingMail(
  deps: Pick<Deps, 'config' | 'clock'>,
  tx: Executor,
  input: { booking: BookingRow; student: Student; kind: BookingMailKind },
) {
  const { booking, student, kind } = input;
  const ctx = mailContext(deps, student.locale);
  const method = calendarMethod[kind];
  return queueMail(deps, tx, {
    to: student.email,
    userId: student.id,
    locale: ctx.locale,
    template: `booking-${kind}`,
    data: {
      name: student.name,
      title: booking.title,
      when: formatBookingTime(ctx.locale, booking.startsAt, booking.endsAt, booking.timeZone),
      location: booking.location,
      notes: booking.notes,
      url: `${deps.config.appUrl}/account/bookings`,
    },
    attachments: [calendarAttachment(bookingCalendar(deps, booking, student, method), method)],
  });
}
