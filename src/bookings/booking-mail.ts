import type { Deps } from '../deps';
import type { Executor } from '../platform/db-types';
import { mailContext, queueMail } from '../mail/queue';
import type { bookings } from '../../db/schema';
import { buildBookingCalendar, calendarAttachment, parseMailbox } from './ics';
import { formatBookingTime } from './format';
import type { Locale } from '../i18n';
import type { BookingChange, BookingUpdatedData } from '../../emails/booking-updated';

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

const when = (locale: Locale, b: BookingRow) =>
  formatBookingTime(locale, b.startsAt, b.endsAt, b.timeZone);

/**
 * What an update changed, old → new, as the student reads it: the time (in the lesson's own
 * zone, so a change of zone shows too), the title and the place. Notes are only flagged: the
 * mail shows the new ones in full.
 */
export function bookingChanges(
  locale: Locale,
  before: BookingRow,
  after: BookingRow,
): Pick<BookingUpdatedData, 'changes' | 'notesChanged'> {
  const changes: BookingChange[] = [];
  if (when(locale, before) !== when(locale, after))
    changes.push({ field: 'when', from: when(locale, before), to: when(locale, after) });
  if (before.title !== after.title)
    changes.push({ field: 'title', from: before.title, to: after.title });
  if ((before.location ?? '') !== (after.location ?? ''))
    changes.push({ field: 'location', from: before.location, to: after.location });
  return { changes, notesChanged: (before.notes ?? '') !== (after.notes ?? '') };
}

/**
 * Queues the confirmation, update or cancellation in the caller's transaction, in the
 * student's language, with the calendar file that carries the same UID every time. An
 * update given the booking as it was (`previous`) says what changed.
 */
export async function queueBookingMail(
  deps: Pick<Deps, 'config' | 'clock'>,
  tx: Executor,
  input: { booking: BookingRow; student: Student; kind: BookingMailKind; previous?: BookingRow },
) {
  const { booking, student, kind, previous } = input;
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
      when: when(ctx.locale, booking),
      location: booking.location,
      notes: booking.notes,
      url: `${deps.config.appUrl}/account/bookings`,
      ...(kind === 'updated' && previous ? bookingChanges(ctx.locale, previous, booking) : {}),
    },
    attachments: [calendarAttachment(bookingCalendar(deps, booking, student, method), method)],
  });
}
