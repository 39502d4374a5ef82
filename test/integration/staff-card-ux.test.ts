import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { bookings, emailOutbox, payments, users } from '../../db/schema';
import { formatBookingTime } from '../../src/bookings';
import { useTestApp } from '../helpers/use-test-app';

import { signedInMember, type NamedMember } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';

/**
 * The person card as staff meet it in a browser without JavaScript: a cancellation that asks
 * first, feedback that lands where the form was, honest wording for changed bookings,
 * amounts typed the way the page prints them, and tables that fit a phone.
 */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff' | 'admin'; locale?: 'en' | 'uk' } = {}) =>
  signedInMember(t, label, { ip: `100.64.1.${++ipSeq}`, ...options });

let staff: NamedMember;
let admin: NamedMember;
let second: NamedMember; // a teacher not yet assigned, for the admin's assignment form
let student: NamedMember;

const t = useTestApp({ env: { TRUST_PROXY: '1' }, now: new Date('2026-11-25T12:00:00Z') });
beforeAll(async () => {
  staff = await member('teacher', { role: 'staff' });
  admin = await member('boss', { role: 'admin' });
  second = await member('second', { role: 'staff' });
  student = await member('student', { locale: 'uk' });
  await assignToTeacher(t, staff.id, student.id);
  // The teacher reads times in New York; the lessons happen in Kyiv.
  await t.db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, staff.id));
});

const cardPath = () => `/staff/users/${student.id}`;
const lesson = {
  title: 'Speaking club',
  startsAt: '2026-12-03T18:30',
  endsAt: '2026-12-03T19:30',
  timeZone: 'Europe/Kyiv',
  location: 'Room 2',
  notes: '',
};

async function bookOne(title = lesson.title) {
  const res = await staff.client.form(`${cardPath()}/bookings`, { ...lesson, title });
  expect(res.status).toBe(303);
  const [row] = await t.db
    .select()
    .from(bookings)
    .where(and(eq(bookings.userId, student.id), eq(bookings.title, title)));
  return row!;
}

const cancellationsQueued = async () =>
  (
    await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.userId, student.id), eq(emailOutbox.template, 'booking-cancelled')))
  ).length;

/** The text from the element with this id to the end of the first `</close>` after it. */
function partFrom(html: string, marker: string, close: string): string {
  const start = html.indexOf(marker);
  if (start < 0) throw new Error(`no ${marker} in the page`);
  return html.slice(start, html.indexOf(close, start) + close.length);
}
const sectionOf = (html: string, id: string) => partFrom(html, `id="${id}"`, '</section>');
const formOf = (html: string, action: string) => partFrom(html, `action="${action}"`, '</form>');
const tableIn = (part: string) => partFrom(part, '<table', '</table>');

/** The one message the page lands on: its opening tag and its text. */
function landingMessage(html: string) {
  const tags = html.match(/<[^>]*id="card-message"[^>]*>/g) ?? [];
  expect(tags, 'exactly one landing message').toHaveLength(1);
  const tag = tags[0]!;
  const text = partFrom(html, tag, '</div>').replace(/<[^>]+>/g, '');
  return { tag, text };
}

describe('cancelling a booking asks first, without JavaScript', () => {
  it('the card links to a confirmation page instead of posting the cancellation', async () => {
    const row = await bookOne('Cancel me');
    const html = await (await staff.client.get(cardPath())).text();
    const confirmPath = `${cardPath()}/bookings/${row.id}/cancel`;
    expect(html).toContain(`href="${confirmPath}"`);
    expect(html).not.toContain(`action="/staff/bookings/${row.id}/cancel"`);
  });

  it('names the lesson, its time in the staff member’s zone and the student, and changes nothing', async () => {
    const [row] = await t.db.select().from(bookings).where(eq(bookings.title, 'Cancel me'));
    const res = await staff.client.get(`${cardPath()}/bookings/${row!.id}/cancel`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Cancel me');
    const inNewYork = formatBookingTime('en', row!.startsAt, row!.endsAt, 'America/New_York');
    expect(inNewYork).toContain('11:30');
    expect(html).toContain(inNewYork);
    expect(html).toContain(student.name);
    const form = formOf(html, `/staff/bookings/${row!.id}/cancel`);
    expect(html).toContain(`<form method="post" action="/staff/bookings/${row!.id}/cancel">`);
    expect(form).toContain('name="confirm"');
    expect(form).toContain(`Yes, cancel the booking and tell ${student.name}`);
    expect(html).toMatch(
      new RegExp(`<a[^>]*href="${cardPath()}#booking-${row!.id}"[^>]*>Keep the booking</a>`),
    );
    const [still] = await t.db.select().from(bookings).where(eq(bookings.id, row!.id));
    expect(still!.status).toBe('confirmed');
    expect(await cancellationsQueued()).toBe(0);
  });

  it('a cancel POST that did not come from the confirmation form only leads to it', async () => {
    const [row] = await t.db.select().from(bookings).where(eq(bookings.title, 'Cancel me'));
    const res = await staff.client.form(`/staff/bookings/${row!.id}/cancel`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${cardPath()}/bookings/${row!.id}/cancel`);
    const [still] = await t.db.select().from(bookings).where(eq(bookings.id, row!.id));
    expect(still!.status).toBe('confirmed');
    expect(await cancellationsQueued()).toBe(0);
  });

  it('refuses the confirmation from another site', async () => {
    const [row] = await t.db.select().from(bookings).where(eq(bookings.title, 'Cancel me'));
    const res = await staff.client.form(
      `/staff/bookings/${row!.id}/cancel`,
      { confirm: 'yes' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    const [still] = await t.db.select().from(bookings).where(eq(bookings.id, row!.id));
    expect(still!.status).toBe('confirmed');
  });

  it('cancels once confirmed, tells the student, and the page then says it is done', async () => {
    const [row] = await t.db.select().from(bookings).where(eq(bookings.title, 'Cancel me'));
    const res = await staff.client.form(`/staff/bookings/${row!.id}/cancel`, { confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${cardPath()}?notice=booking-cancelled#card-message`);
    const [cancelled] = await t.db.select().from(bookings).where(eq(bookings.id, row!.id));
    expect(cancelled!.status).toBe('cancelled');
    expect(await cancellationsQueued()).toBe(1);
    const again = await staff.client.get(`${cardPath()}/bookings/${row!.id}/cancel`);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(
      `${cardPath()}?notice=cancelled-already#card-message`,
    );
  });

  it('answers 404 for a booking under another person or one the teacher may not see', async () => {
    const [row] = await t.db.select().from(bookings).where(eq(bookings.title, 'Cancel me'));
    const stranger = await member('stranger');
    expect(
      (await staff.client.get(`/staff/users/${stranger.id}/bookings/${row!.id}/cancel`)).status,
    ).toBe(404);
    expect((await stranger.client.get(`${cardPath()}/bookings/${row!.id}/cancel`)).status).toBe(
      403,
    );
  });

  it('speaks Ukrainian to a staff member who reads it', async () => {
    const row = await bookOne('Скасувати українською');
    await t.db.update(users).set({ locale: 'uk' }).where(eq(users.id, staff.id));
    const html = await (await staff.client.get(`${cardPath()}/bookings/${row.id}/cancel`)).text();
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, staff.id));
    expect(html).toContain(`Так, скасувати бронювання й повідомити: ${student.name}`);
    expect(html).toContain('Залишити бронювання');
  });
});

describe('after every form on the card, the page lands on a message that names the form', () => {
  it('a failed new booking: the message is in that form, focused, and says which form', async () => {
    const res = await staff.client.form(`${cardPath()}/bookings`, {
      ...lesson,
      startsAt: '2026-03-29T03:30',
      endsAt: '2026-03-29T04:30',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    const { tag, text } = landingMessage(html);
    expect(tag).toContain('tabindex="-1"');
    expect(tag).toContain('autofocus');
    expect(text).toMatch(/^The new booking was not saved: /);
    expect(formOf(html, `${cardPath()}/bookings`)).toContain('id="card-message"');
  });

  it('a failed reschedule names the booking, inside its own form', async () => {
    const row = await bookOne('Reschedule me');
    const res = await staff.client.form(`/staff/bookings/${row.id}`, {
      ...lesson,
      title: 'Reschedule me',
      endsAt: '2026-12-03T17:00',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(landingMessage(html).text).toMatch(/^The change to “Reschedule me” was not saved: /);
    expect(formOf(html, `/staff/bookings/${row.id}`)).toContain('id="card-message"');
  });

  it('a failed payment names the payment form, inside it', async () => {
    const res = await staff.client.form(`${cardPath()}/payments`, {
      amount: 'ten',
      currency: 'UAH',
      description: 'Lessons',
      paidAt: '2026-11-24',
      bookingId: '',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(landingMessage(html).text).toMatch(/^The payment was not recorded: /);
    expect(formOf(html, `${cardPath()}/payments`)).toContain('id="card-message"');
  });

  it('a refusal while processing is restricted names the form too', async () => {
    await t.db
      .update(users)
      .set({ processingRestrictedAt: t.clock.now() })
      .where(eq(users.id, student.id));
    const res = await staff.client.form(`${cardPath()}/bookings`, lesson);
    await t.db.update(users).set({ processingRestrictedAt: null }).where(eq(users.id, student.id));
    expect(res.status).toBe(409);
    const html = await res.text();
    const { tag, text } = landingMessage(html);
    expect(tag).toContain('autofocus');
    expect(text).toMatch(/^The new booking was not saved: /);
    expect(sectionOf(html, 'new-booking')).toContain('id="card-message"');
  });

  it('a failed assignment names the assignment form', async () => {
    const res = await admin.client.form(`${cardPath()}/assignments`, { staffId: 'nobody' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(landingMessage(html).text).toMatch(/^The assignment was not saved: /);
    expect(formOf(html, `${cardPath()}/assignments`)).toContain('id="card-message"');
  });

  it.each([
    ['a new booking', 'booking-created', 'bookings', 'Booked.'],
    ['a payment', 'payment-recorded', 'payments', 'Payment recorded.'],
  ])(
    'after %s the redirect lands on the message in the section it changed',
    async (_, notice, section, words) => {
      const html = await (await staff.client.get(`${cardPath()}?notice=${notice}`)).text();
      const { tag, text } = landingMessage(html);
      expect(tag).toContain('tabindex="-1"');
      expect(text).toContain(words);
      expect(sectionOf(html, section)).toContain('id="card-message"');
    },
  );

  it('every successful form redirects to the message', async () => {
    const created = await staff.client.form(`${cardPath()}/bookings`, { ...lesson, title: 'Land' });
    expect(created.headers.get('location')).toBe(
      `${cardPath()}?notice=booking-created#card-message`,
    );
    const [row] = await t.db.select().from(bookings).where(eq(bookings.title, 'Land'));
    const updated = await staff.client.form(`/staff/bookings/${row!.id}`, {
      ...lesson,
      title: 'Land',
    });
    expect(updated.headers.get('location')).toBe(
      `${cardPath()}?notice=booking-updated#card-message`,
    );
    const paid = await staff.client.form(`${cardPath()}/payments`, {
      amount: '450',
      currency: 'UAH',
      description: 'Lessons',
      paidAt: '2026-11-24',
      bookingId: '',
    });
    expect(paid.headers.get('location')).toBe(`${cardPath()}?notice=payment-recorded#card-message`);
    const assigned = await admin.client.form(`${cardPath()}/assignments`, { staffId: second.id });
    expect(assigned.headers.get('location')).toBe(`${cardPath()}?notice=assigned#card-message`);
    const page = await (await admin.client.get(`${cardPath()}?notice=assigned`)).text();
    expect(sectionOf(page, 'assignments')).toContain('id="card-message"');
  });
});

describe('how a booking’s history is told', () => {
  it('says “confirmed” for a new booking and “changed” once it changed, never a version number', async () => {
    const row = await bookOne('History');
    let html = await (await staff.client.get(cardPath())).text();
    let cells = partFrom(html, `id="booking-${row.id}"`, '</tr>');
    expect(cells).toContain('confirmed');
    expect(cells).not.toMatch(/changed/);
    expect(html).not.toMatch(/version \d/);
    await staff.client.form(`/staff/bookings/${row.id}`, {
      ...lesson,
      title: 'History',
      location: 'Room 3',
    });
    html = await (await staff.client.get(cardPath())).text();
    cells = partFrom(html, `id="booking-${row.id}"`, '</tr>');
    expect(cells).toContain('confirmed');
    expect(cells).toContain('changed on 25 November 2026');
    expect(html).not.toMatch(/version \d/);
    await t.db.update(users).set({ locale: 'uk' }).where(eq(users.id, staff.id));
    html = await (await staff.client.get(cardPath())).text();
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, staff.id));
    cells = partFrom(html, `id="booking-${row.id}"`, '</tr>');
    expect(cells).toContain('змінено 25 листопада 2026');
    expect(html).not.toMatch(/версія \d/);
  });
});

describe('amounts typed as the page prints them', () => {
  const pay = (amount: string) =>
    staff.client.form(`${cardPath()}/payments`, {
      amount,
      currency: 'UAH',
      description: `Paid [${amount}]`,
      paidAt: '2026-11-24',
      bookingId: '',
    });
  const stored = async (amount: string) => {
    const [row] = await t.db
      .select()
      .from(payments)
      .where(eq(payments.description, `Paid [${amount}]`));
    return row?.amount;
  };

  it.each([
    ['1200,50', '1200.50'],
    ['1 200,50', '1200.50'],
    ['1\u00a0200,5', '1200.50'],
    ['1\u202f200\u202f300,05', '1200300.05'],
    ['1200.50', '1200.50'],
    [' 75 ', '75.00'],
  ])('takes %j as %s', async (typed, amount) => {
    const res = await pay(typed);
    expect(res.status).toBe(303);
    expect(await stored(typed)).toBe(amount);
  });

  it('takes back the amount exactly as the Ukrainian page prints it', async () => {
    const printed = new Intl.NumberFormat('uk-UA', { minimumFractionDigits: 2 }).format(1200.5);
    expect(printed).not.toBe('1200,50');
    expect((await pay(printed)).status).toBe(303);
    expect(await stored(printed)).toBe('1200.50');
  });

  it.each([
    ['1,200', 'Unclear amount'],
    ['1.200,50', 'Unclear amount'],
    ['1,200.50', 'Unclear amount'],
    ['12 00', 'Unclear amount'],
    ['12abc', 'A positive amount'],
    ['0,00', 'A positive amount'],
    ['10,505', 'Unclear amount'],
    ['-5', 'A positive amount'],
  ])('refuses %j with a clear field error', async (typed, words) => {
    const res = await pay(typed);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(partFrom(html, 'id="payment-amount-error"', '</p>')).toContain(words);
    expect(await stored(typed)).toBeUndefined();
  });
});

describe('the card’s tables on a phone', () => {
  it('bookings and payments collapse into labelled stacked cards', async () => {
    const html = await (await staff.client.get(cardPath())).text();
    for (const section of ['bookings', 'payments']) {
      const table = tableIn(sectionOf(html, section));
      expect(table).toMatch(/<table class="stack-sm"/);
      const cells = table.match(/<td[^>]*>/g) ?? [];
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell).toMatch(/data-label="[^"]+"/);
    }
    const actions = tableIn(sectionOf(html, 'bookings')).match(/<td data-label="Actions"/g);
    expect(actions?.length).toBeGreaterThan(0);
  });
});
