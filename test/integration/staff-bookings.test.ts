import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { bookings } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { read, signedInMember, type Member } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';
import type { ReceivedEmail } from '../helpers/fake-resend';

/**
 * Booking, rescheduling and cancelling through the staff API: what is stored, what the
 * student is mailed, and the calendar file read back with a real iCalendar parser.
 */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff'; locale?: 'en' | 'uk' } = {}) =>
  signedInMember(t, label, { ...options, ip: `203.0.113.${++ipSeq}` });

let staff: Member;
let olena: Member; // reads Ukrainian
let jan: Member; // reads English

const t = useTestApp({ env: { TRUST_PROXY: '1' } });
beforeAll(async () => {
  staff = await member('teacher', { role: 'staff' });
  olena = await member('olena', { locale: 'uk' });
  jan = await member('jan', { locale: 'en' });
  await assignToTeacher(t, staff.id, olena.id, jan.id);
});

/**
 * Sends the outbox and returns the mail to `address` carrying the calendar file of booking
 * `uid` with the highest SEQUENCE. (Mails queued in the same instant of the test clock may
 * go out in any order, so "the last one received" would be a guess.)
 */
async function calendarMail(
  address: string,
  uid: string,
): Promise<ReceivedEmail & { ics: string }> {
  await t.sendMail();
  const found = t.resend
    .to(address)
    .filter((m) => m.attachments?.length)
    .map((m) => ({ ...m, ics: Buffer.from(m.attachments![0]!.content, 'base64').toString('utf8') }))
    .filter((m) => m.ics.replace(/\r\n /g, '').includes(`UID:${uid}`))
    .sort((a, b) => sequenceOf(a.ics) - sequenceOf(b.ics));
  if (!found.length) throw new Error(`no calendar mail for ${uid} to ${address}`);
  return found.at(-1)!;
}
const sequenceOf = (ics: string) => Number(ics.match(/\r\nSEQUENCE:(\d+)/)?.[1] ?? -1);

/** ical.js, Mozilla's parser: TZIDs resolve against the file's own VTIMEZONE. */
function parseIcs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    vevent,
    event: new ICAL.Event(vevent),
  };
}

const book = (body: Record<string, unknown>) => staff.client.post('/api/v1/staff/bookings', body);

describe('booking a lesson', () => {
  let bookingId: string;
  let uid: string;

  it('answers 201 and mails a confirmation in the student’s language with an .ics invitation', async () => {
    const res = await read(
      await book({
        userId: olena.id,
        title: 'Розмовна практика',
        startsAt: '2026-03-29T10:00',
        endsAt: '2026-03-29T11:00',
        timeZone: 'Europe/Kyiv',
        location: 'Skype',
        notes: 'Підготуйте питання',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userId: olena.id,
      sequence: 0,
      status: 'confirmed',
      timeZone: 'Europe/Kyiv',
    });
    // 10:00 in Kyiv on the day summer time starts is 07:00 UTC.
    expect(res.body.startsAt).toBe('2026-03-29T07:00:00.000Z');
    bookingId = res.body.id;
    uid = res.body.uid;
    expect(uid).toMatch(/^[0-9a-f-]{36}@localhost$/);

    const mail = await calendarMail(olena.email, uid);
    expect(mail.subject).toBe('Заброньовано: Розмовна практика');
    expect(mail.text).toContain('неділя, 29 березня 2026');
    expect(mail.text).toContain('10:00–11:00');
    expect(mail.attachments![0]).toMatchObject({
      filename: 'invite.ics',
      content_type: 'text/calendar; charset=utf-8; method=REQUEST',
    });

    const { method, vevent, event } = parseIcs(mail.ics);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe(uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Розмовна практика');
    expect(event.startDate.zone?.tzid).toBe('Europe/Kyiv');
    expect(event.startDate.toString()).toBe('2026-03-29T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(mail.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(mail.ics.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('shows the act in the student’s activity as done by staff', async () => {
    const events = await read(await olena.client.get('/api/v1/me/activity'));
    expect(
      events.body.find((e: { action: string }) => e.action === 'staff.booking-created'),
    ).toMatchObject({ byStaff: true, details: { bookingId } });
  });

  it('reschedules with the same UID and a higher SEQUENCE, keeping the lesson’s length', async () => {
    const res = await read(
      await staff.client.patch(`/api/v1/staff/bookings/${bookingId}`, {
        startsAt: '2026-10-25T10:00',
        title: 'Розмовна практика (перенесено)',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uid, sequence: 1, status: 'confirmed' });
    // After the October switch Kyiv is UTC+2 again.
    expect(res.body.startsAt).toBe('2026-10-25T08:00:00.000Z');
    expect(res.body.endsAt).toBe('2026-10-25T09:00:00.000Z');

    const mail = await calendarMail(olena.email, uid);
    expect(mail.subject).toBe('Змінено: Розмовна практика (перенесено)');
    const { method, event } = parseIcs(mail.ics);
    expect(method).toBe('REQUEST');
    expect(event.uid).toBe(uid);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toString()).toBe('2026-10-25T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('cancels with METHOD:CANCEL, the same UID and a higher SEQUENCE, once', async () => {
    const res = await read(await staff.client.post(`/api/v1/staff/bookings/${bookingId}/cancel`));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uid, sequence: 2, status: 'cancelled' });
    const mail = await calendarMail(olena.email, uid);
    expect(mail.subject).toBe('Скасовано: Розмовна практика (перенесено)');
    expect(mail.attachments![0]).toMatchObject({
      filename: 'cancel.ics',
      content_type: 'text/calendar; charset=utf-8; method=CANCEL',
    });
    const { method, vevent, event } = parseIcs(mail.ics);
    expect(method).toBe('CANCEL');
    expect(event.uid).toBe(uid);
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');

    const sent = t.resend.to(olena.email).filter((m) => m.attachments?.length).length;
    expect((await staff.client.post(`/api/v1/staff/bookings/${bookingId}/cancel`)).status).toBe(
      409,
    );
    expect(
      (await staff.client.patch(`/api/v1/staff/bookings/${bookingId}`, { title: 'again' })).status,
    ).toBe(409);
    await t.sendMail();
    expect(t.resend.to(olena.email).filter((m) => m.attachments?.length)).toHaveLength(sent);
    const [row] = await t.db.select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row).toMatchObject({ status: 'cancelled', sequence: 2 });
  });

  it('gives every concurrent update its own sequence number', async () => {
    const created = await read(
      await book({
        userId: jan.id,
        title: 'Grammar',
        startsAt: '2026-12-01T10:00:00Z',
        endsAt: '2026-12-01T11:00:00Z',
        timeZone: 'Europe/Prague',
      }),
    );
    const id = created.body.id;
    const results = await Promise.all(
      ['A', 'B', 'C'].map((title) =>
        staff.client.patch(`/api/v1/staff/bookings/${id}`, { title }).then(read),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.sequence).sort()).toEqual([1, 2, 3]);
  });
});

describe('times across the DST switches, in Kyiv and Prague', () => {
  it.each([
    // [zone, wall time sent, instant stored, wall time in the .ics]
    ['Europe/Kyiv', '2026-03-28T10:00', '2026-03-28T08:00:00.000Z'],
    ['Europe/Kyiv', '2026-03-29T10:00', '2026-03-29T07:00:00.000Z'],
    ['Europe/Kyiv', '2026-10-24T10:00', '2026-10-24T07:00:00.000Z'],
    ['Europe/Kyiv', '2026-10-25T10:00', '2026-10-25T08:00:00.000Z'],
    ['Europe/Prague', '2026-03-28T10:00', '2026-03-28T09:00:00.000Z'],
    ['Europe/Prague', '2026-03-29T10:00', '2026-03-29T08:00:00.000Z'],
    ['Europe/Prague', '2026-10-24T10:00', '2026-10-24T08:00:00.000Z'],
    ['Europe/Prague', '2026-10-25T10:00', '2026-10-25T09:00:00.000Z'],
  ])(
    '%s %s is stored as %s and reads back at the same wall time',
    async (timeZone, local, instant) => {
      const res = await read(
        await book({
          userId: jan.id,
          title: `DST ${timeZone} ${local}`,
          startsAt: local,
          endsAt: local.replace('T10:', 'T11:'),
          timeZone,
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body.startsAt).toBe(instant);
      const { event } = parseIcs((await calendarMail(jan.email, res.body.uid)).ics);
      expect(event.uid).toBe(res.body.uid);
      expect(event.startDate.zone?.tzid).toBe(timeZone);
      expect(event.startDate.toString()).toBe(`${local}:00`);
      expect(event.startDate.toJSDate().toISOString()).toBe(instant);
    },
  );

  it('refuses a wall time the clocks skip, naming the field', async () => {
    for (const [timeZone, local] of [
      ['Europe/Kyiv', '2026-03-29T03:30'],
      ['Europe/Prague', '2026-03-29T02:30'],
    ] as const) {
      const res = await read(
        await book({
          userId: jan.id,
          title: 'Gap',
          startsAt: local,
          endsAt: '2026-03-29T05:00',
          timeZone,
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { path: 'startsAt', message: expect.stringContaining('does not exist') },
      ]);
    }
  });

  it('writes the repeated autumn hour’s second pass in UTC, so calendars cannot misread it', async () => {
    const res = await read(
      await book({
        userId: jan.id,
        title: 'Second pass',
        startsAt: '2026-10-25T01:30:00Z',
        endsAt: '2026-10-25T02:30:00Z',
        timeZone: 'Europe/Prague',
      }),
    );
    expect(res.status).toBe(201);
    const mail = await calendarMail(jan.email, res.body.uid);
    expect(mail.ics).toContain('DTSTART:20261025T013000Z');
    expect(parseIcs(mail.ics).event.startDate.toJSDate().toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
    expect(mail.subject).toBe('Booked: Second pass');
  });
});

describe('what the booking routes refuse', () => {
  const good = () => ({
    userId: jan.id,
    title: 'Lesson',
    startsAt: '2026-12-02T10:00',
    endsAt: '2026-12-02T11:00',
    timeZone: 'Europe/Kyiv',
  });
  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an offset instead of a zone', { timeZone: '+02:00' }, 'timeZone'],
    ['an end before the start', { endsAt: '2026-12-02T09:00' }, 'endsAt'],
    ['a lesson over 24 hours', { endsAt: '2026-12-03T11:00' }, 'endsAt'],
    ['a date that does not exist', { startsAt: '2026-02-30T10:00' }, 'startsAt'],
    ['free text as a time', { startsAt: 'tomorrow at ten' }, 'startsAt'],
    ['an empty title', { title: '  ' }, 'title'],
    ['an over-long title', { title: 'x'.repeat(201) }, 'title'],
    ['an unknown field', { colour: 'red' }, ''],
    ['an unknown person', { userId: '00000000-0000-4000-8000-000000000000' }, 'userId'],
  ])('refuses %s with 400', async (_, change, path) => {
    const res = await read(await book({ ...good(), ...change }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('answers 404 for a booking that does not exist and 400 for an empty change', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      (await staff.client.patch(`/api/v1/staff/bookings/${missing}`, { title: 'x' })).status,
    ).toBe(404);
    expect((await staff.client.post(`/api/v1/staff/bookings/${missing}/cancel`)).status).toBe(404);
    const created = await read(await book(good()));
    expect((await staff.client.patch(`/api/v1/staff/bookings/${created.body.id}`, {})).status).toBe(
      400,
    );
  });
});
