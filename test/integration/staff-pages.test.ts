import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bookings, payments, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';

import { read, signedInMember, type NamedMember } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';

/** The staff console as a browser without JavaScript uses it: plain forms, redirects, re-shown errors. */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff'; locale?: 'en' | 'uk' } = {}) =>
  signedInMember(t, label, { ip: `100.64.0.${++ipSeq}`, ...options });

let staff: NamedMember;
let student: NamedMember;

const t = useTestApp({ env: { TRUST_PROXY: '1' }, now: new Date('2026-11-25T12:00:00Z') });
beforeAll(async () => {
  staff = await member('teacher', { role: 'staff' });
  student = await member('student', { locale: 'uk' });
  await assignToTeacher(t, staff.id, student.id);
});

const cardPath = () => `/staff/users/${student.id}`;
const bookingsOf = (userId: string) =>
  t.db.select().from(bookings).where(eq(bookings.userId, userId));

describe('the search page', () => {
  it('is clearly the staff console, and opening it lists (and logs) nobody', async () => {
    const before = (await read(await student.client.get('/api/v1/me/activity'))).body.length;
    const html = await (await staff.client.get('/staff')).text();
    expect(html).toContain('<h1>Staff console</h1>');
    expect(html).toContain('You are in the staff console.');
    expect(html).toContain('role="search"');
    expect(html).not.toContain('Results');
    expect((await read(await student.client.get('/api/v1/me/activity'))).body.length).toBe(before);
  });

  it('finds people by name or email and links to their cards', async () => {
    const html = await (
      await staff.client.get(`/staff?query=${encodeURIComponent(student.name)}`)
    ).text();
    expect(html).toContain(`href="/staff/users/${student.id}"`);
    expect(html).toContain(student.email);
    const now = t.clock.now();
    const crowd = await t.db
      .insert(users)
      .values(
        Array.from({ length: 21 }, (_, i) => ({
          email: `crowd.${i}@example.org`,
          name: `Crowd ${i}`,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: users.id });
    await assignToTeacher(t, staff.id, ...crowd.map((u) => u.id));
    const first = await (await staff.client.get('/staff?query=crowd')).text();
    expect(first).toContain('href="/staff?query=crowd&amp;page=2" rel="next"');
    const second = await (await staff.client.get('/staff?query=crowd&page=2')).text();
    expect(second).toContain('href="/staff?query=crowd&amp;page=1" rel="prev"');
    expect(second).not.toContain('rel="next"');
    const none = await (await staff.client.get('/staff?query=%3Cscript%3E')).text();
    expect(none).toContain('Nobody matches “&lt;script&gt;”.');
  });
});

describe('the person card', () => {
  it('shows the profile, the restriction banner only when restricted, and the forms', async () => {
    let html = await (await staff.client.get(cardPath())).text();
    expect(html).toContain(student.email);
    expect(html).toContain('action="/staff/users/' + student.id + '/bookings"');
    expect(html).toContain('action="/staff/users/' + student.id + '/payments"');
    expect(html).not.toContain('restriction-banner');
    await t.db
      .update(users)
      .set({ processingRestrictedAt: t.clock.now() })
      .where(eq(users.id, student.id));
    html = await (await staff.client.get(cardPath())).text();
    expect(html).toContain('restriction-banner');
    expect(html).toContain('processing restricted');
    await t.db.update(users).set({ processingRestrictedAt: null }).where(eq(users.id, student.id));
    expect((await staff.client.get('/staff/users/nope')).status).toBe(404);
  });

  it('books a lesson from the form: wall time in the chosen zone, then a redirect with a notice', async () => {
    const res = await staff.client.form(`${cardPath()}/bookings`, {
      title: 'Speaking club',
      startsAt: '2026-12-03T18:30',
      endsAt: '2026-12-03T19:30',
      timeZone: 'Europe/Prague',
      location: '',
      notes: 'Bring questions',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${cardPath()}?notice=booking-created#card-message`);
    const [row] = await bookingsOf(student.id);
    expect(row).toMatchObject({
      title: 'Speaking club',
      timeZone: 'Europe/Prague',
      location: null,
      notes: 'Bring questions',
      sequence: 0,
    });
    expect(row!.startsAt.toISOString()).toBe('2026-12-03T17:30:00.000Z');
    const html = await (await staff.client.get(`${cardPath()}?notice=booking-created`)).text();
    expect(html).toContain('Booked. The confirmation with the calendar file is on its way.');
    expect(html).toContain('Thursday, 3 December 2026, 18:30–19:30 CET');
    expect(html).toContain('value="2026-12-03T18:30"');
    await t.sendMail();
    const mail = t.resend.to(student.email).find((m) => m.attachments?.length);
    expect(mail?.subject).toBe('Заброньовано: Speaking club');
  });

  it('re-shows a failed form with its values and errors next to the fields', async () => {
    const res = await staff.client.form(`${cardPath()}/bookings`, {
      title: 'Gap lesson',
      startsAt: '2026-03-29T03:30',
      endsAt: '2026-03-29T04:30',
      timeZone: 'Europe/Kyiv',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="Gap lesson"');
    expect(html).toMatch(
      /id="new-booking-startsAt-error"[^>]*>This time does not exist in Europe\/Kyiv/,
    );
    const zone = await (
      await staff.client.form(`${cardPath()}/bookings`, {
        title: 'x',
        startsAt: '2026-12-01T10:00',
        endsAt: '2026-12-01T11:00',
        timeZone: 'Kyiv',
      })
    ).text();
    expect(zone).toMatch(
      /id="new-booking-timeZone-error"[^>]*>Use a time zone name such as Europe\/Kyiv/,
    );
    expect(await bookingsOf(student.id)).toHaveLength(1);
  });

  it('reschedules from the inline form and sends the update', async () => {
    const [row] = await bookingsOf(student.id);
    const res = await staff.client.form(`/staff/bookings/${row!.id}`, {
      title: 'Speaking club',
      startsAt: '2026-12-04T18:30',
      endsAt: '2026-12-04T19:45',
      timeZone: 'Europe/Prague',
      location: 'Room 2',
      notes: '',
    });
    expect(res.headers.get('location')).toBe(`${cardPath()}?notice=booking-updated#card-message`);
    const [updated] = await bookingsOf(student.id);
    expect(updated).toMatchObject({ uid: row!.uid, sequence: 1, location: 'Room 2', notes: null });
    expect(updated!.endsAt.toISOString()).toBe('2026-12-04T18:45:00.000Z');
    const bad = await staff.client.form(`/staff/bookings/${row!.id}`, {
      title: 'Speaking club',
      startsAt: '2026-12-04T18:30',
      endsAt: '2026-12-04T17:00',
      timeZone: 'Europe/Prague',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(
      new RegExp(`id="booking-${row!.id}-endsAt-error"[^>]*>The end must be after the start`),
    );
    expect(html).toContain('<details open="">');
  });

  it('cancels from the card after confirming, and a second cancel just says so', async () => {
    const [row] = await bookingsOf(student.id);
    const confirm = { confirm: 'yes' };
    let res = await staff.client.form(`/staff/bookings/${row!.id}/cancel`, confirm);
    expect(res.headers.get('location')).toBe(`${cardPath()}?notice=booking-cancelled#card-message`);
    res = await staff.client.form(`/staff/bookings/${row!.id}/cancel`, confirm);
    expect(res.headers.get('location')).toBe(`${cardPath()}?notice=cancelled-already#card-message`);
    const [cancelled] = await bookingsOf(student.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    await t.sendMail();
    expect(
      t.resend.to(student.email).filter((m) => m.subject.startsWith('Скасовано')),
    ).toHaveLength(1);
  });

  it('records a payment from the form, and re-shows wrong amounts', async () => {
    const bad = await staff.client.form(`${cardPath()}/payments`, {
      amount: '12,555',
      currency: 'uah',
      description: 'Lessons',
      paidAt: '2026-11-24',
      bookingId: '',
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="payment-amount-error"[^>]*>Unclear amount/);
    expect(html).toContain('value="12,555"');
    const res = await staff.client.form(`${cardPath()}/payments`, {
      amount: '12,5',
      currency: 'uah',
      description: 'Lessons',
      paidAt: '2026-11-24',
      bookingId: '',
    });
    expect(res.headers.get('location')).toBe(`${cardPath()}?notice=payment-recorded#card-message`);
    const [payment] = await t.db.select().from(payments).where(eq(payments.userId, student.id));
    expect(payment).toMatchObject({
      amount: '12.50',
      currency: 'UAH',
      bookingId: null,
      recordedBy: staff.id,
    });
  });

  it('shows in Ukrainian to a staff member who reads Ukrainian', async () => {
    await t.db.update(users).set({ locale: 'uk' }).where(eq(users.id, staff.id));
    const html = await (await staff.client.get(cardPath())).text();
    expect(html).toContain('<html lang="uk"');
    expect(html).toContain('Ви в консолі працівника.');
    expect(html).toContain('Забронювати заняття');
    expect(html).toContain('скасовано');
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, staff.id));
  });
});
