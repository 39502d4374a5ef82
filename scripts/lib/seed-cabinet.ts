import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { passkeys, users } from '../../db/schema';
import { createAdmin } from '../../src/admin/create-admin';
import { createBooking } from '../../src/bookings/bookings-service';
import { recordPayment } from '../../src/bookings/payments-service';
import { confirmSubscription } from '../../src/subscriptions/confirm';
import { requestSubscription } from '../../src/subscriptions/subscribe';
import { mailedToken, type HarnessApp } from './harness-app';
import type { Locale } from '../../src/i18n';

export type SeededPerson = { id: string; email: string; password: string; name: string };

const meta = {
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36',
};

/** A verified account with a role and a language, made the way the command-line helper makes admins. */
export async function makePerson(
  t: HarnessApp,
  p: {
    email: string;
    name: string;
    password?: string;
    role?: 'user' | 'staff' | 'admin';
    locale?: Locale;
    phone?: string;
    videoHandle?: string;
    goals?: string;
  },
): Promise<SeededPerson> {
  const password = p.password ?? 'quiet lantern over harbour 5';
  const made = await createAdmin(t.deps, { email: p.email, password, name: p.name });
  if (!made.ok) throw new Error(made.message);
  const [row] = await t.db
    .update(users)
    .set({
      role: p.role ?? 'user',
      locale: p.locale ?? 'en',
      phone: p.phone ?? null,
      videoHandle: p.videoHandle ?? null,
      goals: p.goals ?? null,
    })
    .where(eq(users.email, p.email))
    .returning({ id: users.id });
  return { id: row!.id, email: p.email, password, name: p.name };
}

/** What staff typed for the seeded lessons and payment: English unless the caller writes it. */
export type LessonWords = { practice: string; grammar: string; notes: string; payment: string };
const englishWords: LessonWords = {
  practice: 'Conversation practice',
  grammar: 'Grammar: past tenses',
  notes: 'Bring the article we discussed.',
  payment: 'Four lessons, March',
};

/**
 * Gives a student something to look at: two upcoming lessons, a recorded payment, two
 * passkeys, and a confirmed subscription to the news list.
 */
export async function seedStudentData(
  t: HarnessApp,
  staffId: string,
  student: SeededPerson,
  words: LessonWords = englishWords,
) {
  const act = { staffId, meta };
  const now = t.clock.now();
  const day = (offset: number) =>
    new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const upcoming = await createBooking(t.deps, act, {
    userId: student.id,
    title: words.practice,
    startsAt: `${day(7)}T10:00`,
    endsAt: `${day(7)}T11:00`,
    timeZone: 'Europe/Kyiv',
    location: 'Zoom',
    notes: words.notes,
  });
  if (!upcoming.ok) throw new Error(`booking: ${JSON.stringify(upcoming)}`);
  await createBooking(t.deps, act, {
    userId: student.id,
    title: words.grammar,
    startsAt: `${day(14)}T17:30`,
    endsAt: `${day(14)}T18:30`,
    timeZone: 'Europe/Kyiv',
    location: 'Room 2, 12 Khreshchatyk St.',
  });
  const paid = await recordPayment(t.deps, act, {
    userId: student.id,
    amount: '1250.50',
    currency: 'UAH',
    description: words.payment,
    paidAt: day(0),
    bookingId: upcoming.booking.id,
  });
  if (!paid.ok) throw new Error(`payment: ${JSON.stringify(paid)}`);
  // Two passkeys to list on the security page (rows only: nobody signs in with them here).
  await t.db.insert(passkeys).values(
    ['Phone', 'Work laptop'].map((name, i) => ({
      userId: student.id,
      credentialId: `seed-${student.id}-${i}`,
      publicKey: 'pQECAyYgASFYIA',
      deviceType: 'multiDevice' as const,
      backedUp: i === 0,
      name,
      createdAt: now,
    })),
  );
  const sub = await requestSubscription(t.deps, { userId: student.id, list: 'news' }, meta);
  if (!sub.ok) throw new Error(`subscription: ${JSON.stringify(sub)}`);
  const token = await mailedToken(t, student.email, '/subscriptions/confirm');
  const confirmed = await confirmSubscription(t.deps, token, meta);
  if (!confirmed.ok) throw new Error(`confirm: ${JSON.stringify(confirmed)}`);
}

/** Signs in through the real form, as a person would. */
export async function signInPage(
  page: Page,
  baseUrl: string,
  p: Pick<SeededPerson, 'email' | 'password'>,
) {
  await page.goto(baseUrl + '/login');
  await page.locator('#f-email').fill(p.email);
  await page.locator('#f-password').fill(p.password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.locator('form[action^="/login"] button[type="submit"]').click(),
  ]);
}
