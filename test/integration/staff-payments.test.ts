import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bookings, payments, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { outboxOf, read, signedInMember, type Member } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';

/** Payments recorded by staff: validation, the confirmation mail, and what survives deletion. */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff'; locale?: 'en' | 'uk' } = {}) =>
  signedInMember(t, label, { ...options, ip: `192.0.2.${++ipSeq}` });

let staff: Member;
let olena: Member;
let jan: Member;

const t = useTestApp({ env: { TRUST_PROXY: '1' }, now: new Date('2026-11-25T12:00:00Z') });
beforeAll(async () => {
  staff = await member('cashier', { role: 'staff' });
  olena = await member('olena', { locale: 'uk' });
  jan = await member('jan', { locale: 'en' });
  await assignToTeacher(t, staff.id, olena.id, jan.id);
});

const pay = (body: Record<string, unknown>) => staff.client.post('/api/v1/staff/payments', body);
const good = (userId: string) => ({
  userId,
  amount: '1250.5',
  currency: 'UAH',
  description: 'Four lessons, November',
  paidAt: '2026-11-24',
});

/** The newest payment confirmation to `address` (sign-in notices may arrive too). */
async function paymentMail(address: string) {
  await t.sendMail();
  return t.resend
    .to(address)
    .filter((m) => /^(Оплату отримано|Payment received)/.test(m.subject))
    .at(-1)!;
}

describe('recording a payment', () => {
  it('answers 201 with the amount to the cent and mails the student, amount in their locale', async () => {
    const res = await read(await pay(good(olena.id)));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      amount: '1250.50',
      currency: 'UAH',
      description: 'Four lessons, November',
      bookingId: null,
    });
    expect(res.body.paidAt).toBe('2026-11-24T12:00:00.000Z');
    const [outbox] = await outboxOf(t, olena.id, 'payment-recorded');
    expect(outbox).toBeDefined();
    const mail = await paymentMail(olena.email);
    const amount = new Intl.NumberFormat('uk-UA', { style: 'currency', currency: 'UAH' }).format(
      1250.5,
    );
    expect(amount).toMatch(/^1\s250,50\s₴$/);
    expect(mail.subject).toBe(`Оплату отримано: ${amount}`);
    expect(mail.text).toContain('24 листопада 2026');
    expect(mail.attachments ?? []).toEqual([]);

    const english = await read(
      await pay({
        ...good(jan.id),
        amount: 12.5,
        currency: 'EUR',
        paidAt: '2026-11-25T09:30:00+01:00',
      }),
    );
    expect(english.body.amount).toBe('12.50');
    const janMail = await paymentMail(jan.email);
    expect(janMail.subject).toBe('Payment received: €12.50');
    expect(janMail.text).toContain('25 November 2026');
  });

  it('shows the act in the student’s activity as done by staff', async () => {
    const events = await read(await olena.client.get('/api/v1/me/activity'));
    expect(
      events.body.find((e: { action: string }) => e.action === 'staff.payment-recorded'),
    ).toMatchObject({ byStaff: true });
  });

  it.each([
    ['zero', { amount: '0' }, 'amount'],
    ['a negative amount', { amount: -5 }, 'amount'],
    ['three decimals', { amount: '10.005' }, 'amount'],
    ['a float that prints long', { amount: 0.1 + 0.2 }, 'amount'],
    ['a comma decimal', { amount: '10,50' }, 'amount'],
    ['a huge amount', { amount: 1e21 }, 'amount'],
    ['text', { amount: 'ten' }, 'amount'],
    ['a lower-case currency', { currency: 'uah' }, 'currency'],
    ['a made-up currency', { currency: 'ABC' }, 'currency'],
    ['a long currency', { currency: 'EURO' }, 'currency'],
    ['a date in the future', { paidAt: '2026-12-31' }, 'paidAt'],
    ['a date that is no date', { paidAt: '2026-13-01' }, 'paidAt'],
    ['an empty description', { description: '' }, 'description'],
    ['card data fields', { cardNumber: '4111111111111111' }, ''],
  ])('refuses %s', async (_, change, path) => {
    const res = await read(await pay({ ...good(jan.id), ...change }));
    expect(res.status).toBe(400);
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('links a payment only to a booking of the same student', async () => {
    const booking = await read(
      await staff.client.post('/api/v1/staff/bookings', {
        userId: olena.id,
        title: 'Lesson',
        startsAt: '2026-11-20T10:00',
        endsAt: '2026-11-20T11:00',
        timeZone: 'Europe/Kyiv',
      }),
    );
    const foreign = await read(await pay({ ...good(jan.id), bookingId: booking.body.id }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ path: 'bookingId', message: expect.any(String) }]);
    const own = await read(await pay({ ...good(olena.id), bookingId: booking.body.id }));
    expect(own.status).toBe(201);
    expect(own.body.bookingId).toBe(booking.body.id);
  });

  it('lists each student’s own payments only', async () => {
    const mine = await read(await olena.client.get('/api/v1/me/payments'));
    expect(mine.body.length).toBe(2);
    expect(mine.body.every((p: { currency: string }) => p.currency === 'UAH')).toBe(true);
    const his = await read(await jan.client.get('/api/v1/me/payments'));
    expect(his.body.map((p: { amount: string }) => p.amount)).toEqual(['12.50']);
  });
});

describe('when the student is deleted', () => {
  it('keeps the payment, anonymised: user id null, amount, currency, description and date intact', async () => {
    const before = await t.db.select().from(payments).where(eq(payments.userId, olena.id));
    expect(before).toHaveLength(2);
    await t.db.delete(users).where(eq(users.id, olena.id));
    const after = await t.db.select().from(payments).where(eq(payments.id, before[0]!.id));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      userId: null,
      amount: before[0]!.amount,
      currency: before[0]!.currency,
      description: before[0]!.description,
      paidAt: before[0]!.paidAt,
      recordedBy: staff.id,
    });
    const linked = before.find((p) => p.bookingId)!;
    const [kept] = await t.db.select().from(payments).where(eq(payments.id, linked.id));
    // The booking named the person and went with them; the payment only loses the link.
    expect(kept).toMatchObject({ userId: null, bookingId: null, amount: linked.amount });
    expect(await t.db.select().from(bookings).where(eq(bookings.userId, olena.id))).toEqual([]);
  });

  it('refuses a payment for a person who no longer exists', async () => {
    const res = await read(await pay(good(olena.id)));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'userId', message: 'No such person' }]);
  });
});
