import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { read, signedInMember, type Member } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';

/** The student's side: their bookings and payments in the API and on /account/bookings, and nobody else's. */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff'; locale?: 'en' | 'uk' } = {}) =>
  signedInMember(t, label, { ...options, ip: `198.18.0.${++ipSeq}` });

let staff: Member;
let anna: Member;
let petr: Member;
let annaLesson: { id: string; uid: string };

const t = useTestApp({ env: { TRUST_PROXY: '1' }, now: new Date('2026-11-25T12:00:00Z') });
beforeAll(async () => {
  staff = await member('staff', { role: 'staff' });
  anna = await member('anna', { locale: 'uk' });
  petr = await member('petr', { locale: 'en' });
  await assignToTeacher(t, staff.id, anna.id, petr.id);
  const book = async (userId: string, title: string, startsAt: string, timeZone: string) => {
    const res = await read(
      await staff.client.post('/api/v1/staff/bookings', {
        userId,
        title,
        startsAt,
        endsAt: startsAt.replace('T10:', 'T11:'),
        timeZone,
        location: 'Zoom',
      }),
    );
    expect(res.status).toBe(201);
    return res.body as { id: string; uid: string };
  };
  annaLesson = await book(anna.id, 'Anna: speaking', '2026-12-01T10:00', 'Europe/Kyiv');
  await book(anna.id, 'Anna: past lesson', '2026-11-01T10:00', 'Europe/Kyiv');
  const cancelled = await book(anna.id, 'Anna: cancelled', '2026-12-02T10:00', 'Europe/Kyiv');
  await staff.client.post(`/api/v1/staff/bookings/${cancelled.id}/cancel`);
  await book(petr.id, 'Petr: grammar', '2026-12-01T10:00', 'Europe/Prague');
  await staff.client.post('/api/v1/staff/payments', {
    userId: anna.id,
    amount: '900',
    currency: 'UAH',
    description: 'December lessons',
    paidAt: '2026-11-20',
  });
});

describe('GET /me/bookings', () => {
  it('lists the person’s own bookings with id, title, times, zone, location and status', async () => {
    const res = await read(await anna.client.get('/api/v1/me/bookings'));
    expect(res.status).toBe(200);
    expect(res.body.map((b: { title: string }) => b.title)).toEqual([
      'Anna: past lesson',
      'Anna: speaking',
      'Anna: cancelled',
    ]);
    expect(res.body[1]).toEqual({
      id: annaLesson.id,
      title: 'Anna: speaking',
      startsAt: '2026-12-01T08:00:00.000Z',
      endsAt: '2026-12-01T09:00:00.000Z',
      timeZone: 'Europe/Kyiv',
      location: 'Zoom',
      status: 'confirmed',
    });
    expect(res.body[2].status).toBe('cancelled');
  });

  it('never shows another student’s booking (IDOR)', async () => {
    const res = await read(await petr.client.get('/api/v1/me/bookings'));
    expect(res.body.map((b: { title: string }) => b.title)).toEqual(['Petr: grammar']);
    expect(JSON.stringify(res.body)).not.toContain(annaLesson.id);
    expect((await petr.client.get(`/api/v1/me/bookings/${annaLesson.id}/calendar`)).status).toBe(
      404,
    );
    expect(
      (await petr.client.get('/api/v1/me/bookings/00000000-0000-4000-8000-000000000000/calendar'))
        .status,
    ).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await createClient(t).get('/api/v1/me/bookings')).status).toBe(401);
    expect((await createClient(t).get('/api/v1/me/payments')).status).toBe(401);
  });

  it('hands the owner the booking as an .ics with the same UID', async () => {
    const res = await anna.client.get(`/api/v1/me/bookings/${annaLesson.id}/calendar`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    for (const vtz of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(event.uid).toBe(annaLesson.uid);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });
});

describe('the /account/bookings page', () => {
  it('lists lessons in each lesson’s own time zone and the payments, in Ukrainian', async () => {
    const res = await anna.client.get('/account/bookings');
    expect(res.status).toBe(200);
    // Intl puts no-break spaces in Ukrainian dates and amounts; compare them as plain spaces.
    const html = (await res.text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(html).toContain('<html lang="uk"');
    expect(html).toContain('<h1>Заняття й оплати</h1>');
    expect(html).toContain('aria-current="page"');
    // 10:00 Kyiv, shown as Kyiv time whatever the server's own zone.
    expect(html).toContain('вівторок, 1 грудня 2026 р., 10:00–11:00');
    expect(html).toContain('Anna: cancelled');
    expect(html).toContain('скасовано');
    expect(html).toContain('December lessons');
    expect(html).toContain('900,00 ₴');
    expect(html).not.toContain('Petr');
  });

  it('speaks English to an English reader, in the lesson’s zone (Prague)', async () => {
    const html = await (await petr.client.get('/account/bookings')).text();
    expect(html).toContain('Bookings and payments');
    expect(html).toContain('Tuesday, 1 December 2026, 10:00–11:00 CET');
    expect(html).toContain('No payments recorded.');
    expect(html).not.toContain('Anna');
  });

  it('makes a lesson’s video link a link, and nothing else', async () => {
    for (const location of ['https://meet.example.org/abc-defg', 'javascript:alert(1)']) {
      const res = await staff.client.post('/api/v1/staff/bookings', {
        userId: petr.id,
        title: `Online ${location.slice(0, 5)}`,
        startsAt: '2026-12-03T10:00',
        endsAt: '2026-12-03T11:00',
        timeZone: 'Europe/Prague',
        location,
      });
      expect(res.status).toBe(201);
    }
    const html = await (await petr.client.get('/account/bookings')).text();
    expect(html).toContain(
      '<a href="https://meet.example.org/abc-defg" rel="noopener noreferrer">',
    );
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:alert(1)');
  });

  it('sends a visitor without a session to sign in', async () => {
    const res = await createClient(t).get('/account/bookings');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Faccount%2Fbookings');
  });
});
