import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileErasureLedger } from '../../src/ops/erasure-ledger';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents, bookings, emailOutbox, payments, users } from '../../db/schema';
import { createTestApp } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import {
  loginRequest,
  mailedToken,
  outboxOf,
  problemType,
  read,
  sessionsOf,
  setCookieFor,
  signIn,
  userById,
} from '../helpers/accounts';
import { purgeDeletedAccounts, eraseFarewellAddresses } from '../../src/privacy/jobs';
import { clientFor, dumpDatabase, rowsMentioning, signedInPerson } from './privacy-fixtures';

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const day = 86_400_000;
const minute = 60_000;

describe('DELETE /api/v1/me', () => {
  it("dates the notice in the person's own time zone", async () => {
    // Deleted 14 days on at 12:00 UTC on 1 May: already 2 May in Kiritimati (UTC+14).
    t.clock.set(new Date('2026-04-17T12:00:00Z'));
    let userId = '';
    try {
      const made = await signedInPerson(t, 'del-zone');
      userId = made.userId;
      const { client, person } = made;
      await t.db.update(users).set({ timeZone: 'Pacific/Kiritimati' }).where(eq(users.id, userId));
      expect((await client.delete('/api/v1/me')).status).toBe(202);
      await t.sendMail();
      const notice = t.resend
        .to(person.email)
        .map((m) => m.text ?? '')
        .find((x) => x.includes('2026'))!;
      expect(notice).toContain('2 May 2026');
      expect(notice).not.toContain('1 May 2026');
    } finally {
      t.clock.set(new Date());
      // Out of the way of the purge tests below, which count who goes.
      if (userId) await t.db.delete(users).where(eq(users.id, userId));
    }
  });

  it('needs a privileged session', async () => {
    const { client } = await signedInPerson(t, 'del-unpriv');
    t.clock.advance(11 * minute);
    const res = await read(await client.delete('/api/v1/me'));
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(problemType('reauth-required'));
  });

  it('schedules deletion after the grace period, ends every session and mails a cancel link', async () => {
    const { client, userId, person } = await signedInPerson(t, 'del');
    const second = clientFor(t);
    await signIn(second, person);
    expect(await sessionsOf(t, userId)).toHaveLength(2);
    const res = await client.delete('/api/v1/me');
    const body = await res.json();
    expect(res.status).toBe(202);
    expect(body.deletionScheduledFor).toBe(
      new Date(t.clock.now().getTime() + 14 * day).toISOString(),
    );
    expect(setCookieFor(res, 'session')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await sessionsOf(t, userId)).toHaveLength(0);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await userById(t, userId))!.deletionScheduledFor!.toISOString()).toBe(
      body.deletionScheduledFor,
    );
    const [mail] = await outboxOf(t, userId, 'deletion-scheduled');
    expect(mail!.containsSecret).toBe(true);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    expect(events.map((e) => e.action)).toContain('deletion.scheduled');
  });

  it('is cancelled through the emailed link: opening it changes nothing, the button does', async () => {
    const { client, userId, person } = await signedInPerson(t, 'del-link');
    await client.delete('/api/v1/me');
    const token = await mailedToken(t, person.email, '/account/deletion/cancel');
    const browser = clientFor(t);
    const page = await browser.get(`/account/deletion/cancel?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${token}"`);
    expect((await userById(t, userId))!.deletionScheduledFor).not.toBeNull();
    const done = await browser.form('/account/deletion/cancel', { token });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('The deletion is cancelled');
    expect((await userById(t, userId))!.deletionScheduledFor).toBeNull();
    const again = await browser.form('/account/deletion/cancel', { token });
    expect(again.status).toBe(400);
    // And the person can sign in again.
    await signIn(clientFor(t), person);
  });

  it('is cancelled by POST /me/deletion/cancel: signed in, or with the emailed token', async () => {
    const a = await signedInPerson(t, 'del-api');
    await a.client.delete('/api/v1/me');
    const token = await mailedToken(t, a.person.email, '/account/deletion/cancel');
    const anonymous = clientFor(t);
    expect((await anonymous.post('/api/v1/me/deletion/cancel')).status).toBe(401);
    expect(
      (await read(await anonymous.post('/api/v1/me/deletion/cancel', { token: 'a'.repeat(32) })))
        .body.type,
    ).toMatch(problemType('token-invalid'));
    expect((await anonymous.post('/api/v1/me/deletion/cancel', { token })).status).toBe(204);
    expect((await userById(t, a.userId))!.deletionScheduledFor).toBeNull();

    // Signed in again (which itself cancels), the route is a harmless 204.
    const b = await signedInPerson(t, 'del-api2');
    await b.client.delete('/api/v1/me');
    await signIn(b.client, b.person);
    expect((await userById(t, b.userId))!.deletionScheduledFor).toBeNull();
    expect((await b.client.post('/api/v1/me/deletion/cancel')).status).toBe(204);
  });

  it('walks the cabinet pages: explanation, re-authentication, confirmation, signed out', async () => {
    const { client, userId } = await signedInPerson(t, 'del-pages', { locale: 'uk' });
    let res = await client.get('/account/delete');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Оплати залишаться');
    t.clock.advance(11 * minute);
    res = await client.get('/account/delete/confirm');
    expect(res.headers.get('location')).toBe('/reauth?next=%2Faccount%2Fdelete%2Fconfirm');
    expect((await client.form('/account/delete', {})).headers.get('location')).toBe(
      '/reauth?next=%2Faccount%2Fdelete%2Fconfirm',
    );
    res = await client.form('/reauth?next=%2Faccount%2Fdelete%2Fconfirm', {
      password: 'correct horse battery staple 7',
    });
    expect(res.headers.get('location')).toBe('/account/delete/confirm');
    res = await client.get('/account/delete/confirm');
    expect(await res.text()).toContain('Так, видалити мій обліковий запис');
    res = await client.form('/account/delete', {});
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Ваш обліковий запис буде видалено');
    expect(setCookieFor(res, 'session')).toBeDefined();
    expect((await userById(t, userId))!.deletionScheduledFor).not.toBeNull();
    expect((await client.get('/account')).status).toBe(303);
  });
});

describe('the purge', () => {
  it('removes every row that names the person and keeps payments without them; the dump finds nothing', async () => {
    const { client, userId, person } = await signedInPerson(t, 'purge', {
      name: 'Ірина Purgeable',
    });
    await client.patch('/api/v1/me', {
      phone: '+380 67 765 4321',
      videoHandle: 'iryna.purge.skype',
      goals: 'Pass the B2 exam',
    });
    const other = await signedInPerson(t, 'survivor');
    const [staff] = await t.db
      .insert(users)
      .values({ email: 'staff.keeps@example.com', name: 'Staff Keeps', role: 'staff' })
      .returning({ id: users.id });
    const [booking] = await t.db
      .insert(bookings)
      .values({
        uid: `purge-${userId}`,
        userId,
        staffId: staff!.id,
        title: 'Lesson',
        startsAt: t.clock.now(),
        endsAt: t.clock.now(),
        timeZone: 'UTC',
        notes: 'Iryna prefers mornings',
      })
      .returning({ id: bookings.id });
    await t.db.insert(payments).values({
      userId,
      bookingId: booking!.id,
      amount: '300.00',
      currency: 'UAH',
      description: 'Lessons for Ірина Purgeable',
      paidAt: t.clock.now(),
      recordedBy: staff!.id,
    });
    // The person also acted on someone else (as a staff member might), and is named there.
    await t.db.insert(auditEvents).values({
      userId: other.userId,
      actorId: userId,
      action: 'staff.viewed',
      details: { staffEmail: person.email, by: 'Ірина Purgeable' },
    });
    // Mail that reached the address without the account's id.
    await t.db.insert(emailOutbox).values({
      toAddress: person.email.toUpperCase(),
      template: 'already-registered',
      locale: 'en',
      subject: 's',
      html: 'h',
      text: 't',
      status: 'sent',
    });

    // The search below does find the person while they exist.
    const needles = [person.email, person.name, '+380 67 765 4321', 'iryna.purge.skype', userId];
    expect(new Set(rowsMentioning(await dumpDatabase(t.db), needles).map((r) => r.table))).toEqual(
      new Set([
        'users',
        'sessions',
        'tokens',
        'audit_events',
        'consents',
        'email_outbox',
        'bookings',
        'payments',
      ]),
    );

    await client.delete('/api/v1/me');
    await t.sendMail();
    expect((await purgeDeletedAccounts(t.deps)).purged).toBe(0);
    t.clock.advance(14 * day + minute);
    // Earlier tests' deletions fall due too.
    expect((await purgeDeletedAccounts(t.deps)).purged).toBeGreaterThanOrEqual(1);

    expect(await userById(t, userId)).toBeNull();
    const kept = await t.db.select().from(payments).where(isNull(payments.userId));
    expect(kept).toEqual([
      expect.objectContaining({
        amount: '300.00',
        currency: 'UAH',
        description: 'Lessons for [deleted]',
        recordedBy: staff!.id,
      }),
    ]);
    const [theirAct] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, other.userId), eq(auditEvents.action, 'staff.viewed')));
    expect(theirAct).toMatchObject({
      actorId: null,
      details: { staffEmail: '[deleted]', by: '[deleted]' },
    });
    expect(await userById(t, other.userId)).not.toBeNull();

    // The farewell mail goes out, and then its row forgets the address.
    await t.sendMail();
    const farewell = t.resend.to(person.email).at(-1)!;
    expect(farewell.subject).toBe('Your account is deleted');
    await eraseFarewellAddresses(t.deps);
    const farewells = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'account-deleted'));
    expect(farewells.length).toBeGreaterThanOrEqual(1);
    for (const row of farewells)
      expect(row).toMatchObject({
        toAddress: 'erased',
        html: null,
        text: null,
        status: 'sent',
        userId: null,
      });

    const dump = await dumpDatabase(t.db);
    expect(dump.length).toBeGreaterThan(20);
    expect(rowsMentioning(dump, needles)).toEqual([]);
  });

  it('with DELETION_GRACE_DAYS=0 erases the account in the request, through the one purge', async () => {
    const ledgerFile = join(await mkdtemp(join(tmpdir(), 'ledger-')), 'erasures.jsonl');
    const now = await createTestApp({ env: { TRUST_PROXY: '1', DELETION_GRACE_DAYS: '0' } });
    // The app reads its deps per request, so the ledger can be put in after it was built.
    now.deps.erasureLedger = fileErasureLedger(ledgerFile);
    try {
      const { client, userId, person } = await signedInPerson(now, 'grace0');
      const res = await client.delete('/api/v1/me');
      expect(res.status).toBe(202);
      expect((await res.json()).deletionScheduledFor).toBe(now.clock.now().toISOString());
      // Gone before any job runs: no row, no session, no way to sign in and cancel.
      expect(await userById(now, userId)).toBeNull();
      expect((await client.get('/api/v1/me')).status).toBe(401);
      expect((await loginRequest(clientFor(now), person)).status).toBe(401);
      // The purge's own traces: the farewell mail (no "scheduled" notice with a cancel link)
      // and the erasure ledger, by internal id only.
      const mails = await now.db
        .select({ template: emailOutbox.template, to: emailOutbox.toAddress })
        .from(emailOutbox)
        .where(eq(emailOutbox.toAddress, person.email));
      expect(mails.map((m) => m.template)).toEqual(['account-deleted']);
      const lines = (await readFile(ledgerFile, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!).userId).toBe(userId);
      expect(lines[0]).not.toMatch(/@|grace0/);
      // Once the farewell has gone, its row forgets the address.
      await now.sendMail();
      const [farewell] = await now.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.template, 'account-deleted'));
      expect(farewell).toMatchObject({ status: 'sent', toAddress: 'erased', html: null });
    } finally {
      await now.close();
    }
  });

  it('never lets a sign-in cancel a deletion whose grace period is over', async () => {
    const { client, userId, person } = await signedInPerson(t, 'grace-over');
    expect((await client.delete('/api/v1/me')).status).toBe(202);
    // The purge job has not run yet (it runs every few minutes), but the date has passed.
    t.clock.advance(14 * day + minute);
    const res = await loginRequest(clientFor(t), person);
    expect(res.status).toBe(401);
    expect((await userById(t, userId))?.deletionScheduledFor).not.toBeNull();
    const cancelled = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, userId), eq(auditEvents.action, 'deletion.cancelled')));
    expect(cancelled).toEqual([]);
    expect(await purgeDeletedAccounts(t.deps)).toEqual({ purged: 1 });
    expect(await userById(t, userId)).toBeNull();
  });

  it('never lets the emailed "keep my account" link cancel a deletion whose grace period is over', async () => {
    const { client, userId, person } = await signedInPerson(t, 'grace-link');
    expect((await client.delete('/api/v1/me')).status).toBe(202);
    const token = await mailedToken(t, person.email, '/account/deletion/cancel');
    t.clock.advance(14 * day + minute);
    const res = await clientFor(t).post('/api/v1/me/deletion/cancel', { token });
    expect(res.status).toBe(400);
    expect((await read(res)).body.type).toMatch(problemType('token-expired'));
    expect((await userById(t, userId))?.deletionScheduledFor).not.toBeNull();
  });

  it('leaves an account alone whose deletion was cancelled in time', async () => {
    const { client, userId, person } = await signedInPerson(t, 'purge-cancel');
    await client.delete('/api/v1/me');
    t.clock.advance(13 * day);
    await signIn(clientFor(t), person);
    t.clock.advance(2 * day);
    await purgeDeletedAccounts(t.deps);
    expect(await userById(t, userId)).not.toBeNull();
  });

  it('says so when a sign-in cancelled the deletion: a banner on the cabinet and a mail', async () => {
    const { client, userId, person } = await signedInPerson(t, 'cancel-told');
    await client.delete('/api/v1/me');
    t.clock.advance(3 * day);
    const browser = clientFor(t);
    await signIn(browser, person);
    const html = await (await browser.get('/account')).text();
    expect(html).toContain('Signing in cancelled the deletion of your account');
    expect(html).toContain('href="/account/delete"');
    const [mail] = await outboxOf(t, userId, 'deletion-cancelled');
    expect(mail?.text).toContain('http://localhost:3000/account/delete');
    // The next sign-in cancels nothing, so it says nothing.
    t.clock.advance(minute);
    await signIn(browser, person);
    expect(await (await browser.get('/account')).text()).not.toContain(
      'Signing in cancelled the deletion',
    );
    expect(await outboxOf(t, userId, 'deletion-cancelled')).toHaveLength(1);
  });
});
