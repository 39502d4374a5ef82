import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import {
  auditEvents,
  consents,
  emailOutbox,
  policyVersions,
  sessions,
  users,
} from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { outboxOf, signIn, userById } from '../helpers/accounts';
import {
  dropOldMailBodies,
  purgeDeletedAccounts,
  queuePendingPolicyNotices,
  removeOldIpAddresses,
  retireInactiveAccounts,
} from '../../src/privacy/jobs';
import { clientFor, signedInAdmin, signedInPerson } from './privacy-fixtures';

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const day = 86_400_000;

describe('IP_RETENTION_DAYS (90)', () => {
  it('removes IP addresses from events, sessions and consents once older, keeps newer ones', async () => {
    const { userId, person } = await signedInPerson(t, 'ip');
    t.clock.advance(89 * day);
    await removeOldIpAddresses(t.deps);
    const before = await t.db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    expect(before.every((e) => e.ip !== null)).toBe(true);

    t.clock.advance(2 * day);
    await signIn(clientFor(t), person); // a fresh event and session with an address
    const result = await removeOldIpAddresses(t.deps);
    expect(result.events).toBeGreaterThanOrEqual(before.length);
    expect(result.consents).toBeGreaterThanOrEqual(2);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    const cutoff = t.clock.now().getTime() - 90 * day;
    for (const e of events)
      expect(e.ip === null, `${e.action} at ${e.at.toISOString()}`).toBe(e.at.getTime() < cutoff);
    const s = await t.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(s.map((x) => x.ip === null).sort()).toEqual([false, true]);
    const c = await t.db.select().from(consents).where(eq(consents.userId, userId));
    expect(c.every((x) => x.ip === null)).toBe(true);
  });
});

describe('INACTIVE_ACCOUNT_DAYS (365)', () => {
  beforeEach(() => t.resend.reset());

  it('warns once 30 days before, then schedules deletion like a self-service one, then purges', async () => {
    const { userId, person } = await signedInPerson(t, 'inactive');
    const active = await signedInPerson(t, 'active');

    t.clock.advance(334 * day);
    await signIn(clientFor(t), active.person);
    expect((await retireInactiveAccounts(t.deps)).warned).toBe(0);

    t.clock.advance(2 * day); // 336 days without activity
    const first = await retireInactiveAccounts(t.deps);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    expect((await userById(t, userId))!.inactivityWarnedAt).toEqual(t.clock.now());
    expect((await userById(t, active.userId))!.inactivityWarnedAt).toBeNull();
    expect(await outboxOf(t, userId, 'inactivity-warning')).toHaveLength(1);
    await t.sendMail();
    expect(t.resend.to(person.email).at(-1)!.subject).toBe(
      'Your account will be deleted unless you sign in',
    );

    await retireInactiveAccounts(t.deps);
    expect(await outboxOf(t, userId, 'inactivity-warning')).toHaveLength(1);

    t.clock.advance(29 * day + 23 * 3_600_000); // 365 days and a bit: not yet 30 days after the warning
    expect((await userById(t, userId))!.deletionScheduledFor).toBeNull();
    t.clock.advance(2 * 3_600_000);
    await retireInactiveAccounts(t.deps);
    const scheduled = await userById(t, userId);
    expect(scheduled!.deletionScheduledFor).toEqual(new Date(t.clock.now().getTime() + 14 * day));
    expect(await outboxOf(t, userId, 'deletion-scheduled')).toHaveLength(1);
    await t.sendMail();
    expect(t.resend.to(person.email).at(-1)!.text).toContain('not used for a long time');

    t.clock.advance(14 * day + 1);
    await purgeDeletedAccounts(t.deps);
    expect(await userById(t, userId)).toBeNull();
  });

  it('starts again after activity: a stale warning does not lead to deletion', async () => {
    const { userId, person } = await signedInPerson(t, 'returns');
    t.clock.advance(336 * day);
    await retireInactiveAccounts(t.deps);
    expect((await userById(t, userId))!.inactivityWarnedAt).not.toBeNull();
    await signIn(clientFor(t), person); // signing in clears the warning
    expect((await userById(t, userId))!.inactivityWarnedAt).toBeNull();
    t.clock.advance(40 * day);
    await retireInactiveAccounts(t.deps);
    expect((await userById(t, userId))!.deletionScheduledFor).toBeNull();

    // Active through a remembered session only (no sign-in): the old warning is stale too.
    await t.db.update(users).set({ inactivityWarnedAt: t.clock.now() }).where(eq(users.id, userId));
    t.clock.advance(1000);
    await t.db.update(users).set({ lastActiveAt: t.clock.now() }).where(eq(users.id, userId));
    t.clock.advance(366 * day);
    const res = await retireInactiveAccounts(t.deps);
    expect(res.scheduled).toBe(0);
    expect((await userById(t, userId))!.deletionScheduledFor).toBeNull();
    expect((await userById(t, userId))!.inactivityWarnedAt).toEqual(t.clock.now());
  });
});

describe('INACTIVE_ACCOUNT_DAYS counts every use of the service, not only sign-ins', () => {
  /** 'YYYY-MM-DDTHH:mm' in UTC, `days` from the test clock's now. */
  const localIn = (days: number) =>
    new Date(t.clock.now().getTime() + days * day).toISOString().slice(0, 16);
  async function book(userId: string, startsInDays: number) {
    const staff = await signedInAdmin(t);
    const res = await staff.client.post('/api/v1/staff/bookings', {
      userId,
      title: 'Lesson',
      startsAt: localIn(startsInDays),
      endsAt: localIn(startsInDays + 1 / 24),
      timeZone: 'UTC',
    });
    expect(res.status).toBe(201);
  }
  const warnings = async (userId: string) =>
    (await outboxOf(t, userId, 'inactivity-warning')).length;

  it('a student staff book into lessons, who never signs in, is not warned while taking them', async () => {
    const { userId } = await signedInPerson(t, 'booked-student');
    t.clock.advance(100 * day);
    await book(userId, 100); // a lesson on day 200
    t.clock.advance(240 * day); // day 340: 340 days since the last sign-in, 140 since the lesson
    await retireInactiveAccounts(t.deps);
    expect(await warnings(userId)).toBe(0);
    expect((await userById(t, userId))!.inactivityWarnedAt).toBeNull();
  });

  it('a recorded payment counts as use, too', async () => {
    const { userId } = await signedInPerson(t, 'paying-student');
    t.clock.advance(200 * day);
    const staff = await signedInAdmin(t);
    const paid = await staff.client.post('/api/v1/staff/payments', {
      userId,
      amount: '100',
      currency: 'EUR',
      description: 'Lessons',
      paidAt: new Date(t.clock.now()).toISOString().slice(0, 10),
    });
    expect(paid.status).toBe(201);
    t.clock.advance(140 * day);
    await retireInactiveAccounts(t.deps);
    expect(await warnings(userId)).toBe(0);
  });

  it('never warns or schedules the deletion of a person with a lesson still ahead', async () => {
    const { userId } = await signedInPerson(t, 'future-lesson');
    await book(userId, 600); // booked far ahead, then nothing for over a year
    t.clock.advance(400 * day);
    await retireInactiveAccounts(t.deps);
    t.clock.advance(40 * day);
    await retireInactiveAccounts(t.deps);
    expect(await warnings(userId)).toBe(0);
    expect((await userById(t, userId))!.deletionScheduledFor).toBeNull();
  });

  it('"what we hold" states the rule in those words', async () => {
    const { client } = await signedInPerson(t, 'reads-rule');
    const html = await (await client.get('/account/privacy')).text();
    expect(html).toContain(
      '365 days after your last sign-in, lesson, payment or change to your profile',
    );
    expect(html).toContain('never while a lesson is still ahead');
  });
});

describe('mail bodies', () => {
  it('are dropped 30 days after sending; subject, template, date and status stay', async () => {
    const { userId } = await signedInPerson(t, 'bodies');
    await t.sendMail();
    const [sent] = await outboxOf(t, userId, 'verify-email');
    expect(sent!.status).toBe('sent');
    await t.db
      .update(emailOutbox)
      .set({ html: '<p>kept for now</p>', text: 'kept for now' })
      .where(eq(emailOutbox.id, sent!.id));
    await t.db.insert(emailOutbox).values({
      userId,
      toAddress: 'x@example.com',
      template: 'pending-one',
      locale: 'en',
      subject: 'later',
      html: 'h',
      text: 't',
    });
    t.clock.advance(29 * day);
    await dropOldMailBodies(t.deps);
    expect((await outboxOf(t, userId, 'verify-email'))[0]!.html).not.toBeNull();
    t.clock.advance(2 * day);
    expect((await dropOldMailBodies(t.deps)).dropped).toBeGreaterThanOrEqual(1);
    const [after] = await outboxOf(t, userId, 'verify-email');
    expect(after).toMatchObject({
      html: null,
      text: null,
      subject: sent!.subject,
      template: 'verify-email',
      status: 'sent',
      sentAt: sent!.sentAt,
    });
    // Not yet sent: nothing is taken from it.
    expect((await outboxOf(t, userId, 'pending-one'))[0]!.html).toBe('h');
  });
});

describe('policy notices for versions added without the API', () => {
  it('are queued once for upcoming versions whose notice was never sent', async () => {
    const { userId } = await signedInPerson(t, 'notice-job');
    await t.db.insert(policyVersions).values({
      version: 'sql-3.0',
      summary: 'Added by hand.',
      body: 'Text.',
      publishedAt: t.clock.now(),
      effectiveAt: new Date(t.clock.now().getTime() + 20 * day),
    });
    const first = await queuePendingPolicyNotices(t.deps);
    expect(first.versions).toBe(1);
    expect(await outboxOf(t, userId, 'policy-notice')).toHaveLength(1);
    expect((await queuePendingPolicyNotices(t.deps)).versions).toBe(0);
    expect(await outboxOf(t, userId, 'policy-notice')).toHaveLength(1);
    const [row] = await t.db
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.version, 'sql-3.0'), isNotNull(policyVersions.noticeQueuedAt)));
    expect(row).toBeDefined();
  });
});
