import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { MailAttachment } from '../../db/schema';
import { inZone, isExpressibleAsWallTime } from '../i18n/time';
import { buildVtimezone } from './vtimezone';

export type CalendarBooking = {
  uid: string;
  sequence: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  notes: string | null;
  status: 'confirmed' | 'cancelled';
};

export type CalendarInput = {
  booking: CalendarBooking;
  /** REQUEST for a new or changed booking, CANCEL when it is called off, PUBLISH for a download. */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** DTSTAMP: when this version of the event was written. */
  now: Date;
  url: string;
  productName: string;
};

const methods = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
} as const;

/**
 * One booking as an RFC 5545 calendar (iTIP, RFC 5546): the UID never changes, SEQUENCE rises
 * with every update, and the times are wall-clock times with TZID plus a VTIMEZONE, so the
 * lesson stays at 10:00 Kyiv time in every calendar even across a DST switch (UTC times in
 * the rare case a wall time would be ambiguous). ical-generator
 * does the escaping, CRLF line ends and folding at 75 octets.
 */
export function buildBookingCalendar(input: CalendarInput): string {
  const { booking: b } = input;
  const useZone =
    isExpressibleAsWallTime(b.startsAt, b.timeZone) &&
    isExpressibleAsWallTime(b.endsAt, b.timeZone);
  const calendar = ical({
    prodId: { company: input.productName, product: 'Bookings', language: 'EN' },
    method: methods[input.method],
    timezone: { name: null, generator: (tz) => buildVtimezone(tz, b.startsAt, b.endsAt) },
  });
  calendar.createEvent({
    id: b.uid,
    sequence: b.sequence,
    stamp: input.now,
    // Without a zone ical-generator writes UTC ("…Z"): exact, if less friendly to read.
    start: useZone ? inZone(b.startsAt, b.timeZone) : b.startsAt,
    end: useZone ? inZone(b.endsAt, b.timeZone) : b.endsAt,
    timezone: useZone ? b.timeZone : null,
    summary: b.title,
    description: b.notes ?? undefined,
    location: b.location ?? undefined,
    url: input.url,
    status:
      input.method === 'CANCEL' || b.status === 'cancelled'
        ? ICalEventStatus.CANCELLED
        : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: [
      {
        ...input.attendee,
        role: ICalAttendeeRole.REQ,
        // The school does not read replies, so calendars should not offer to send one.
        rsvp: false,
        // The lesson was agreed with the student before staff booked it.
        status: input.method === 'CANCEL' ? null : ICalAttendeeStatus.ACCEPTED,
      },
    ],
  });
  return calendar.toString();
}

/** Base64 of UTF-8 with Web APIs only (no Buffer), so it also runs on Workers. */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The calendar as a mail attachment; `method=` in the type is what makes clients offer "add". */
export function calendarAttachment(ics: string, method: CalendarInput['method']): MailAttachment {
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    contentBase64: toBase64(ics),
  };
}

/** "Accounts <no-reply@school.example>" → its parts, for ORGANIZER. */
export function parseMailbox(from: string): { name: string; email: string } {
  const match = from.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
  if (match) return { name: match[1] || match[2]!, email: match[2]!.trim() };
  return { name: from.trim(), email: from.trim() };
}
