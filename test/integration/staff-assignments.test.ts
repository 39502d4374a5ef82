import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { bookings, staffAssignments, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { problemType, read, signedInMember, userByEmail, type Member } from '../helpers/accounts';
import { signedInAdmin } from './privacy-fixtures';

/**
 * "Only the staff who work with you": a teacher sees a person they have a lesson with (in the
 * last 12 months or ahead) or that an admin assigned to them; admins see everyone. Anyone else
 * answers exactly as an id that does not exist.
 */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff'; locale?: 'en' | 'uk' } = {}) =>
  signedInMember(t, label, { ...options, ip: `192.0.2.${100 + ++ipSeq}` });

const now = new Date('2026-11-25T12:00:00Z');
const t = useTestApp({ env: { TRUST_PROXY: '1' }, now });

let admin: Member;
let teacherA: Member;
let teacherB: Member;
let person: Member;
let stranger: Member;
let lessonId: string;

const missing = '00000000-0000-4000-8000-000000000000';
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

/** A lesson between a teacher and a person, written directly: how they came to work together. */
async function lesson(staffId: string, userId: string, startsAt: Date) {
  const [row] = await t.db
    .insert(bookings)
    .values({
      uid: `assign-${Math.random().toString(36).slice(2)}@test`,
      userId,
      staffId,
      title: 'Ukrainian A2',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      timeZone: 'Europe/Kyiv',
    })
    .returning({ id: bookings.id });
  return row!.id;
}

beforeAll(async () => {
  const a = await signedInAdmin(t);
  admin = { id: (await userByEmail(t, a.email))!.id, email: a.email, client: a.client };
  teacherA = await member('teacher-a', { role: 'staff' });
  teacherB = await member('teacher-b', { role: 'staff' });
  person = await member('pupil');
  stranger = await member('stranger');
  lessonId = await lesson(teacherA.id, person.id, new Date(now.getTime() + 86_400_000));
});

const card = (m: Member, id: string) => m.client.get(`/api/v1/staff/users/${id}`);
const cardPage = (m: Member, id: string) => m.client.get(`/staff/users/${id}`);
async function found(m: Member, who: Member) {
  const res = await read(
    await m.client.get(`/api/v1/staff/users?query=${encodeURIComponent(who.email)}`),
  );
  expect(res.status).toBe(200);
  return res.body.users.map((u: { id: string }) => u.id).includes(who.id);
}
const foundOnPage = async (m: Member, who: Member) =>
  (await (await m.client.get(`/staff?query=${encodeURIComponent(who.email)}`)).text()).includes(
    `href="/staff/users/${who.id}"`,
  );

async function activityOf(m: Member) {
  const res = await read(await m.client.get('/api/v1/me/activity?limit=200'));
  return res.body as { action: string; byStaff: boolean; details: unknown }[];
}

/** Everything a teacher who must not see `personId` tries, each answering as for nobody. */
async function expectHidden(m: Member, who: Member) {
  const res = await read(await card(m, who.id));
  expect(res.status).toBe(404);
  expect(res.body).toEqual({
    ...(await read(await card(m, missing))).body,
    instance: res.body.instance,
  });
  expect((await cardPage(m, who.id)).status).toBe(404);
  expect(await found(m, who)).toBe(false);
  expect(await foundOnPage(m, who)).toBe(false);
}

describe('a teacher sees the people they work with', () => {
  it('finds and opens a person they have a lesson with', async () => {
    expect(await found(teacherA, person)).toBe(true);
    expect(await foundOnPage(teacherA, person)).toBe(true);
    const res = await read(await card(teacherA, person.id));
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(person.id);
    expect((await cardPage(teacherA, person.id)).status).toBe(200);
    const consolePage = await (await teacherA.client.get('/staff')).text();
    expect(consolePage).toContain('You find only the people you work with');
    expect(await (await admin.client.get('/staff')).text()).not.toContain('You find only');
  });

  it('answers 404 to another teacher, exactly as for an id that does not exist, and logs no view', async () => {
    const viewsBefore = (await activityOf(person)).filter(
      (e) => e.action === 'staff.viewed-profile',
    ).length;
    await expectHidden(teacherB, person);
    const viewsAfter = (await activityOf(person)).filter(
      (e) => e.action === 'staff.viewed-profile',
    ).length;
    expect(viewsAfter).toBe(viewsBefore);
  });

  it('lets no other teacher book, change, cancel or record a payment for the person', async () => {
    const booking = (userId: string) => ({
      userId,
      title: 'x',
      startsAt: '2026-12-01T10:00',
      endsAt: '2026-12-01T11:00',
      timeZone: 'Europe/Kyiv',
    });
    const hidden = await read(
      await teacherB.client.post('/api/v1/staff/bookings', booking(person.id)),
    );
    const unknown = await read(
      await teacherB.client.post('/api/v1/staff/bookings', booking(missing)),
    );
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors).toEqual(unknown.body.errors);
    const payment = (userId: string) => ({
      userId,
      amount: '10.00',
      currency: 'UAH',
      description: 'x',
      paidAt: '2026-11-20',
    });
    const hiddenPay = await read(
      await teacherB.client.post('/api/v1/staff/payments', payment(person.id)),
    );
    const unknownPay = await read(
      await teacherB.client.post('/api/v1/staff/payments', payment(missing)),
    );
    expect(hiddenPay.status).toBe(400);
    expect(hiddenPay.body.errors).toEqual(unknownPay.body.errors);
    expect(
      (await teacherB.client.patch(`/api/v1/staff/bookings/${lessonId}`, { title: 'y' })).status,
    ).toBe(404);
    expect((await teacherB.client.post(`/api/v1/staff/bookings/${lessonId}/cancel`)).status).toBe(
      404,
    );
    for (const path of [
      `/staff/users/${person.id}/bookings`,
      `/staff/users/${person.id}/payments`,
      `/staff/bookings/${lessonId}`,
      `/staff/bookings/${lessonId}/cancel`,
    ])
      expect((await teacherB.client.form(path, { title: 'y' })).status, path).toBe(404);
    const rows = await t.db.select().from(bookings).where(eq(bookings.userId, person.id));
    expect(rows.map((r) => [r.title, r.status])).toEqual([['Ukrainian A2', 'confirmed']]);
  });

  it('stops counting a lesson that started more than 12 months ago', async () => {
    const old = await member('teacher-old', { role: 'staff' });
    const recent = await member('teacher-recent', { role: 'staff' });
    await lesson(old.id, stranger.id, daysAgo(370));
    await lesson(recent.id, stranger.id, daysAgo(330));
    await expectHidden(old, stranger);
    expect((await card(recent, stranger.id)).status).toBe(200);
    expect(await found(recent, stranger)).toBe(true);
  });

  it('lets admins see everyone', async () => {
    const loner = await member('loner');
    expect((await card(admin, loner.id)).status).toBe(200);
    expect((await cardPage(admin, loner.id)).status).toBe(200);
    expect(await found(admin, loner)).toBe(true);
  });
});

describe('admins assign staff to a person', () => {
  const assignment = (m: Member, method: 'PUT' | 'DELETE', staffId = teacherB.id) =>
    m.client.request(method, `/api/v1/staff/users/${person.id}/assignments/${staffId}`);

  it('through the API: the assigned teacher sees the person, and loses them when unassigned', async () => {
    let res = await read(await assignment(admin, 'PUT'));
    expect(res).toMatchObject({
      status: 200,
      body: { userId: person.id, staffId: teacherB.id, assigned: true, changed: true },
    });
    expect((await read(await assignment(admin, 'PUT'))).body.changed).toBe(false);
    expect(await found(teacherB, person)).toBe(true);
    const opened = await read(await card(teacherB, person.id));
    expect(opened.status).toBe(200);
    expect(opened.body.assignedStaff.map((s: { id: string }) => s.id)).toEqual([teacherB.id]);
    expect((await cardPage(teacherB, person.id)).status).toBe(200);
    // Every open is shown to the person, as before.
    expect((await activityOf(person))[0]).toMatchObject({
      action: 'staff.viewed-profile',
      byStaff: true,
    });

    res = await read(await assignment(admin, 'DELETE'));
    expect(res.body).toMatchObject({ assigned: false, changed: true });
    expect((await read(await assignment(admin, 'DELETE'))).body.changed).toBe(false);
    await expectHidden(teacherB, person);
  });

  it('refuses teachers, accounts that are not staff, and unknown people', async () => {
    expect((await assignment(teacherA, 'PUT')).status).toBe(403);
    expect((await assignment(teacherA, 'DELETE')).status).toBe(403);
    const notStaff = await read(await assignment(admin, 'PUT', stranger.id));
    expect(notStaff.status).toBe(409);
    expect(notStaff.body.type).toMatch(problemType('not-staff'));
    expect(
      (await admin.client.put(`/api/v1/staff/users/${missing}/assignments/${teacherB.id}`)).status,
    ).toBe(404);
    expect((await assignment(admin, 'PUT', missing)).status).toBe(404);
  });

  it('on the card, with plain forms', async () => {
    let html = await (await cardPage(admin, person.id)).text();
    expect(html).toContain(`action="/staff/users/${person.id}/assignments"`);
    expect(html).toContain(`<option value="${teacherB.id}"`);
    let res = await admin.client.form(`/staff/users/${person.id}/assignments`, {
      staffId: teacherB.id,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/staff/users/${person.id}?notice=assigned#card-message`,
    );
    html = await (await admin.client.get(res.headers.get('location')!)).text();
    expect(html).toContain('Assigned. They now see this person in the console.');
    expect(html).toContain(`action="/staff/users/${person.id}/assignments/${teacherB.id}/remove"`);
    expect(await foundOnPage(teacherB, person)).toBe(true);
    // A teacher sees who is assigned but gets no forms.
    const teacherView = await (await cardPage(teacherB, person.id)).text();
    expect(teacherView).toContain('Staff who work with this person');
    expect(teacherView).not.toContain('/assignments"');
    expect(
      (
        await teacherB.client.form(`/staff/users/${person.id}/assignments`, {
          staffId: teacherB.id,
        })
      ).status,
    ).toBe(403);

    res = await admin.client.form(`/staff/users/${person.id}/assignments`, {
      staffId: stranger.id,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose a staff member from the list.');

    res = await admin.client.form(
      `/staff/users/${person.id}/assignments/${teacherB.id}/remove`,
      {},
    );
    expect(res.headers.get('location')).toBe(
      `/staff/users/${person.id}?notice=unassigned#card-message`,
    );
    expect((await cardPage(teacherB, person.id)).status).toBe(404);
  });

  it('records each assignment and its end in the trail and the person’s activity', async () => {
    const trail = await read(await admin.client.get('/api/v1/admin/audit'));
    const acts = trail.body.events.filter(
      (e: { action: string; user: { id: string } }) =>
        /^admin\.(un)?assigned-staff$/.test(e.action) && e.user.id === person.id,
    );
    expect(acts.map((e: { action: string }) => e.action)).toEqual([
      'admin.unassigned-staff',
      'admin.assigned-staff',
      'admin.unassigned-staff',
      'admin.assigned-staff',
    ]);
    expect(acts[0]).toMatchObject({
      actor: { email: admin.email },
      details: { staffId: teacherB.id },
    });
    const seen = (await activityOf(person)).filter((e) => /assigned-staff$/.test(e.action));
    expect(seen).toHaveLength(4);
    // The person sees that an admin acted, not which staff member's id.
    for (const e of seen) {
      expect(e.byStaff).toBe(true);
      expect(JSON.stringify(e.details ?? {})).not.toContain(teacherB.id);
    }
    const page = await (await person.client.get('/account/security')).text();
    expect(page).toContain('An admin assigned a staff member to work with you');
  });
});

describe('the person’s own data', () => {
  it('lists the assigned teachers by name in the export and in what we hold', async () => {
    await read(
      await admin.client.put(`/api/v1/staff/users/${person.id}/assignments/${teacherA.id}`),
    );
    const res = await person.client.get('/api/v1/me/export');
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const data = JSON.parse(strFromU8(files['data.json']!));
    const rows = data.categories.staff.records['assigned-staff'];
    const teacher = await userByEmail(t, teacherA.email);
    expect(rows).toEqual([{ teacher: teacher!.name, assignedAt: now.toISOString() }]);
    expect(strFromU8(files['assigned-staff.csv']!)).toContain(teacher!.name);
    expect(strFromU8(files['data.json']!)).not.toContain(teacherA.email);
    const html = await (await person.client.get('/account/privacy')).text();
    expect(html).toMatch(/data-count="staff">1</);
    expect(html).toContain('Staff who work with you');
  });

  it('goes with either account', async () => {
    const gone = await member('gone', { role: 'staff' });
    await t.db.insert(staffAssignments).values({ staffId: gone.id, userId: stranger.id });
    await t.db.delete(users).where(eq(users.id, gone.id));
    const left = await t.db
      .select()
      .from(staffAssignments)
      .where(and(eq(staffAssignments.staffId, gone.id), eq(staffAssignments.userId, stranger.id)));
    expect(left).toEqual([]);
  });
});
