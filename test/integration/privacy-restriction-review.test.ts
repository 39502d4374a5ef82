import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { bookings, restrictionDecisions, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import {
  outboxOf,
  problemType,
  read,
  signedInMember,
  userByEmail,
  userById,
  type Member,
} from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';
import { signedInAdmin } from './privacy-fixtures';

/**
 * Restriction is acted on (GDPR art. 18): admins see the people who restricted processing and
 * are not decided yet, decide "upheld" or "lifted" with a reason the person is told, and
 * while the restriction stands staff cannot change the person's data.
 */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff' } = {}) =>
  signedInMember(t, label, { ...options, ip: `192.0.2.${150 + ++ipSeq}` });

const now = new Date('2026-11-25T12:00:00Z');
const t = useTestApp({ env: { TRUST_PROXY: '1' }, now });

let admin: Member;
let teacher: Member;
let first: Member;
let second: Member;
let outsider: Member;

const queueApi = '/api/v1/staff/restrictions';
const decide = (m: Member, id: string, body: Record<string, unknown>) =>
  m.client.post(`/api/v1/staff/users/${id}/restriction-decision`, body);
const restrict = async (m: Member, reason: string) =>
  expect((await m.client.put('/api/v1/me/restriction', { reason })).status).toBe(204);

const lesson = {
  title: 'Speaking club',
  startsAt: '2026-12-03T18:30',
  endsAt: '2026-12-03T19:30',
  timeZone: 'Europe/Kyiv',
};
const payment = { amount: '20', currency: 'EUR', description: 'One lesson', paidAt: '2026-11-24' };

beforeAll(async () => {
  const a = await signedInAdmin(t);
  admin = { id: (await userByEmail(t, a.email))!.id, email: a.email, client: a.client };
  teacher = await member('review-teacher', { role: 'staff' });
  first = await member('review-first');
  second = await member('review-second');
  outsider = await member('review-outsider');
  await assignToTeacher(t, teacher.id, first.id, second.id);
  await restrict(first, 'My name is misspelt <b>here</b>');
  t.clock.advance(60_000);
  await restrict(second, 'The phone number is not mine');
});

describe('the queue of restriction requests', () => {
  it('lists restricted people with their reason and date, oldest first', async () => {
    const res = await read(await admin.client.get(queueApi));
    expect(res.status).toBe(200);
    const ids = res.body.requests.map((r: { user: { id: string } }) => r.user.id);
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids).not.toContain(outsider.id);
    expect(res.body.requests[ids.indexOf(first.id)]).toMatchObject({
      user: { id: first.id, email: first.email },
      reason: 'My name is misspelt <b>here</b>',
      restrictedAt: now.toISOString(),
    });
    const page = await admin.client.get('/staff/restrictions');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Restriction requests');
    expect(html).toContain('My name is misspelt &lt;b&gt;here&lt;/b&gt;');
    expect(html).not.toContain('<b>here</b>');
    expect(html.indexOf(first.email)).toBeLessThan(html.indexOf(second.email));
    expect(html).toContain('href="/staff/restrictions"');
  });

  it('is for admins only: teachers get 403, people without a staff role too', async () => {
    for (const m of [teacher, outsider]) {
      expect((await m.client.get(queueApi)).status).toBe(403);
      expect((await m.client.get('/staff/restrictions')).status).toBe(403);
      const res = await read(await decide(m, first.id, { decision: 'lifted', reason: 'ok' }));
      expect(res.status).toBe(403);
      const form = await m.client.form(`/staff/restrictions/${first.id}`, {
        decision: 'lifted',
        reason: 'ok',
      });
      expect(form.status).toBe(403);
    }
    expect((await userById(t, first.id))!.processingRestrictedAt).not.toBeNull();
  });
});

describe('while processing is restricted', () => {
  it('refuses staff edits through the API with 409 processing-restricted; cancelling still works', async () => {
    const booked = await read(
      await teacher.client.post('/api/v1/staff/bookings', { userId: first.id, ...lesson }),
    );
    expect(booked.status).toBe(409);
    expect(booked.body.type).toMatch(problemType('processing-restricted'));
    expect(booked.body.title).toMatch(/restricted/i);
    const paid = await read(
      await admin.client.post('/api/v1/staff/payments', { userId: first.id, ...payment }),
    );
    expect(paid.status).toBe(409);
    expect(paid.body.type).toMatch(problemType('processing-restricted'));

    const [row] = await t.db
      .insert(bookings)
      .values({
        uid: `review-${Math.random().toString(36).slice(2)}@test`,
        userId: first.id,
        staffId: teacher.id,
        title: 'Grammar',
        startsAt: new Date('2026-12-01T10:00:00Z'),
        endsAt: new Date('2026-12-01T11:00:00Z'),
        timeZone: 'Europe/Kyiv',
      })
      .returning({ id: bookings.id });
    const moved = await read(
      await teacher.client.patch(`/api/v1/staff/bookings/${row!.id}`, { title: 'Moved' }),
    );
    expect(moved.status).toBe(409);
    expect(moved.body.type).toMatch(problemType('processing-restricted'));
    const cancelled = await read(
      await teacher.client.post(`/api/v1/staff/bookings/${row!.id}/cancel`),
    );
    expect(cancelled.status).toBe(200);
  });

  it('refuses the card’s forms with a clear message and shows why instead of the forms', async () => {
    const card = `/staff/users/${first.id}`;
    const html = await (await teacher.client.get(card)).text();
    expect(html).toContain('You cannot change this person’s data while processing is restricted');
    expect(html).not.toContain(`action="${card}/bookings"`);
    expect(html).not.toContain(`action="${card}/payments"`);
    const res = await teacher.client.form(`${card}/bookings`, {
      ...lesson,
      location: '',
      notes: '',
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(
      'You cannot change this person’s data while processing is restricted',
    );
    const pay = await admin.client.form(`${card}/payments`, payment);
    expect(pay.status).toBe(409);
  });

  it('offers the person a way to lift it on their subscriptions page', async () => {
    const html = await (await first.client.get('/account/subscriptions')).text();
    expect(html).toContain('href="/account/privacy#restriction"');
  });
});

describe('a decision', () => {
  it('needs a reason and a known decision (400), on the API and on the page', async () => {
    for (const body of [
      { decision: 'upheld' },
      { decision: 'upheld', reason: '   ' },
      { decision: 'upheld', reason: 'x'.repeat(1001) },
      { decision: 'maybe', reason: 'Because' },
    ]) {
      expect((await read(await decide(admin, first.id, body))).status).toBe(400);
    }
    const res = await admin.client.form(`/staff/restrictions/${first.id}`, {
      decision: 'upheld',
      reason: '',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Write the reason for your decision.');
    expect(await t.db.select().from(restrictionDecisions)).toEqual([]);
  });

  it('"upheld" keeps the restriction, leaves the queue and tells the person', async () => {
    const res = await read(
      await decide(admin, first.id, {
        decision: 'upheld',
        reason: 'We are checking the spelling with the office',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ decision: 'upheld', restricted: true });
    expect((await userById(t, first.id))!.processingRestrictedAt).not.toBeNull();
    const queue = await read(await admin.client.get(queueApi));
    const ids = queue.body.requests.map((r: { user: { id: string } }) => r.user.id);
    expect(ids).not.toContain(first.id);
    expect(ids).toContain(second.id);
    expect(await outboxOf(t, first.id, 'restriction-decision')).toHaveLength(1);
    const [mail] = await outboxOf(t, first.id, 'restriction-decision');
    expect(mail!.text).toContain('We are checking the spelling with the office');
    const status = await read(await first.client.get('/api/v1/me/restriction'));
    expect(status.body).toMatchObject({
      restricted: true,
      reason: 'My name is misspelt <b>here</b>',
      latestDecision: {
        decision: 'upheld',
        reason: 'We are checking the spelling with the office',
      },
    });
    const html = await (await first.client.get('/account/privacy')).text();
    expect(html).toContain('The school kept the restriction');
    expect(html).toContain('We are checking the spelling with the office');
  });

  it('"lifted" from the page clears the restriction, mails the person, and staff edits work again', async () => {
    t.clock.advance(60_000);
    const res = await admin.client.form(`/staff/restrictions/${first.id}`, {
      decision: 'lifted',
      reason: 'The name is corrected now',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/restrictions?notice=lifted');
    const user = await userById(t, first.id);
    expect(user!.processingRestrictedAt).toBeNull();
    expect(user!.processingRestrictionReason).toBeNull();
    expect(await outboxOf(t, first.id, 'restriction-decision')).toHaveLength(2);
    const status = await read(await first.client.get('/api/v1/me/restriction'));
    expect(status.body).toMatchObject({
      restricted: false,
      latestDecision: { decision: 'lifted', reason: 'The name is corrected now' },
    });
    const html = await (await first.client.get('/account/privacy')).text();
    expect(html).toContain('The school lifted the restriction');
    expect(html).toContain('The name is corrected now');

    const booked = await read(
      await teacher.client.post('/api/v1/staff/bookings', { userId: first.id, ...lesson }),
    );
    expect(booked.status).toBe(201);
    const card = await (await teacher.client.get(`/staff/users/${first.id}`)).text();
    expect(card).toContain(`action="/staff/users/${first.id}/bookings"`);
  });

  it('answers 409 for a person who is not restricted and 404 for nobody', async () => {
    const res = await read(await decide(admin, outsider.id, { decision: 'upheld', reason: 'x' }));
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(problemType('not-restricted'));
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await decide(admin, missing, { decision: 'upheld', reason: 'x' })).status).toBe(404);
  });

  it('is on the audit trail and in the person’s activity', async () => {
    const trail = await read(await admin.client.get('/api/v1/admin/audit'));
    const mine = trail.body.events.filter((e: { user: { id: string } }) => e.user.id === first.id);
    const actions = mine.map((e: { action: string }) => e.action);
    expect(actions).toContain('admin.restriction-upheld');
    expect(actions).toContain('admin.restriction-lifted');
    const activity = await read(await first.client.get('/api/v1/me/activity?limit=200'));
    const decided = activity.body.filter((e: { action: string }) =>
      /^admin\.restriction-/.test(e.action),
    );
    expect(decided).toHaveLength(2);
    expect(decided.every((e: { byStaff: boolean }) => e.byStaff)).toBe(true);
    expect(JSON.stringify(decided)).not.toContain(admin.id);
    const page = await (await first.client.get('/account/security')).text();
    expect(page).toContain('An admin decided on your restriction of processing');
  });

  it('is in what we hold and in the export, without the admin', async () => {
    const html = await (await first.client.get('/account/privacy')).text();
    expect(html).toMatch(/data-count="restriction">2</);
    const res = await first.client.get('/api/v1/me/export');
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const data = JSON.parse(strFromU8(files['data.json']!));
    const rows = data.categories.restriction.records['restriction-decisions'];
    expect(rows.map((r: { decision: string }) => r.decision)).toEqual(['upheld', 'lifted']);
    expect(rows[1]).toMatchObject({ reason: 'The name is corrected now' });
    expect(strFromU8(files['restriction-decisions.csv']!)).toContain('The name is corrected now');
    expect(strFromU8(files['data.json']!)).not.toContain(admin.email);
    expect(strFromU8(files['data.json']!)).not.toContain(admin.id);
  });

  it('goes with the person’s account', async () => {
    await t.db.delete(users).where(eq(users.id, first.id));
    const left = await t.db
      .select()
      .from(restrictionDecisions)
      .where(eq(restrictionDecisions.userId, first.id));
    expect(left).toEqual([]);
  });
});
