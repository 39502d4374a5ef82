import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
  buildBookingCalendar,
  calendarAttachment,
  parseMailbox,
  toBase64,
  type CalendarBooking,
} from './ics';

const booking: CalendarBooking = {
  uid: '5f0c7a52-1111-4a4a-9e9e-123456789abc@school.example',
  sequence: 0,
  title: 'Українська мова: розмовна практика для початківців, рівень A2, заняття 14',
  startsAt: new Date('2026-03-29T07:00:00Z'),
  endsAt: new Date('2026-03-29T08:00:00Z'),
  timeZone: 'Europe/Kyiv',
  location: 'Skype; room, 1',
  notes: 'Bring the workbook.\nPage 12.',
  status: 'confirmed',
};

const build = (b: Partial<CalendarBooking> = {}, method: 'REQUEST' | 'CANCEL' = 'REQUEST') =>
  buildBookingCalendar({
    booking: { ...booking, ...b },
    method,
    organizer: { name: 'School', email: 'no-reply@school.example' },
    attendee: { name: 'Олена Коваль', email: 'olena@example.com' },
    now: new Date('2026-03-01T09:00:00Z'),
    url: 'https://school.example/account/bookings',
    productName: 'School',
  });

/** Parses with ical.js (Mozilla's parser), resolving TZIDs against the file's own VTIMEZONEs. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return { calendar, vevent, event };
}

describe('the booking calendar file', () => {
  it('parses back with the UID, SEQUENCE, METHOD and the times in the booking’s zone', () => {
    const { calendar, vevent, event } = parse(build());
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(booking.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(booking.title);
    expect(event.location).toBe('Skype; room, 1');
    expect(event.description).toBe('Bring the workbook.\nPage 12.');
    expect(event.startDate.zone?.tzid).toBe('Europe/Kyiv');
    expect(event.startDate.toString()).toBe('2026-03-29T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe(
      'mailto:no-reply@school.example',
    );
    // URI schemes are case-insensitive (RFC 3986); ical-generator writes MAILTO: for attendees.
    expect(String(vevent.getFirstPropertyValue('attendee')).toLowerCase()).toBe(
      'mailto:olena@example.com',
    );
  });

  it('uses CRLF line ends and folds lines at 75 octets without splitting a character', () => {
    const ics = build();
    expect(ics.endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.split('\r\n').join('')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n'))
      expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n [^\r\n]/); // the long Ukrainian title is folded
    expect(ics).not.toContain('\uFFFD');
  });

  it('cancels with METHOD:CANCEL, the same UID and the sequence it is given', () => {
    const { calendar, vevent, event } = parse(
      build({ sequence: 2, status: 'cancelled' }, 'CANCEL'),
    );
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(booking.uid);
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('the booking calendar file across DST switches', () => {
  it.each([
    // [zone, start UTC, local wall time, minutes]: the day before and after each 2026 switch.
    ['Europe/Kyiv', '2026-03-28T08:00:00Z', '2026-03-28T10:00:00', 60],
    ['Europe/Kyiv', '2026-03-30T07:00:00Z', '2026-03-30T10:00:00', 60],
    ['Europe/Kyiv', '2026-10-24T07:00:00Z', '2026-10-24T10:00:00', 60],
    ['Europe/Kyiv', '2026-10-26T08:00:00Z', '2026-10-26T10:00:00', 60],
    ['Europe/Prague', '2026-03-28T09:00:00Z', '2026-03-28T10:00:00', 60],
    ['Europe/Prague', '2026-03-30T08:00:00Z', '2026-03-30T10:00:00', 60],
    ['Europe/Prague', '2026-10-24T08:00:00Z', '2026-10-24T10:00:00', 60],
    ['Europe/Prague', '2026-10-26T09:00:00Z', '2026-10-26T10:00:00', 60],
    // Lessons spanning the switch itself: 02:30→04:30 Kyiv lasts 60 minutes, 01:30→03:00 Prague 150.
    ['Europe/Kyiv', '2026-03-29T00:30:00Z', '2026-03-29T02:30:00', 60],
    ['Europe/Prague', '2026-10-24T23:30:00Z', '2026-10-25T01:30:00', 150],
  ])('keeps %s %s at %s across DST', (timeZone, start, local, minutes) => {
    const startsAt = new Date(start);
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    const { event } = parse(build({ timeZone, startsAt, endsAt }));
    expect(event.startDate.zone?.tzid).toBe(timeZone);
    expect(event.startDate.toString()).toBe(local);
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(endsAt.toISOString());
  });

  it('falls back to UTC for the second pass through a repeated hour, which a TZID cannot name', () => {
    const startsAt = new Date('2026-10-25T01:30:00Z'); // 02:30 CET, after 02:30 CEST
    const ics = build({
      timeZone: 'Europe/Prague',
      startsAt,
      endsAt: new Date('2026-10-25T02:15:00Z'),
    });
    expect(ics).toContain('DTSTART:20261025T013000Z');
    expect(parse(ics).event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
  });
});

describe('helpers', () => {
  it('encodes UTF-8 as base64 without Buffer', () => {
    const text = 'SUMMARY:Заняття ✓\r\n';
    expect(toBase64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    expect(calendarAttachment(text, 'CANCEL').contentType).toBe(
      'text/calendar; charset=utf-8; method=CANCEL',
    );
  });

  it('reads the sender mailbox for ORGANIZER', () => {
    expect(parseMailbox('Accounts <no-reply@localhost>')).toEqual({
      name: 'Accounts',
      email: 'no-reply@localhost',
    });
    expect(parseMailbox('"Школа" <a@b.example>')).toEqual({ name: 'Школа', email: 'a@b.example' });
    expect(parseMailbox('a@b.example')).toEqual({ name: 'a@b.example', email: 'a@b.example' });
  });
});
