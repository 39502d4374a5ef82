import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { createAdmin } from '../../src/admin/create-admin';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  problemType,
  read,
  signIn,
  strongPassword,
  signedInMember,
  type Member,
} from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';

/**
 * Who may use the staff console and its admin side, checked on every route, and how every
 * look at a person's data ends up in that person's own activity and in the admins' trail.
 */

let ipSeq = 0;
const member = (label: string, role?: 'staff') =>
  signedInMember(t, label, { ip: `198.51.100.${++ipSeq}`, role });

let admin: Member;
let staff: Member;
let student: Member;
let other: Member;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });
beforeAll(async () => {
  // The first admin of an installation comes from the command line.
  const email = 'head.teacher@example.com';
  const created = await createAdmin(t.deps, {
    email,
    password: strongPassword,
    name: 'Head Teacher',
  });
  expect(created.ok).toBe(true);
  const adminClient = createClient(t, { ip: '198.51.100.250' });
  const login = await signIn(adminClient, { email, password: strongPassword });
  admin = { id: login.user.id, email, client: adminClient };
  staff = await member('staff', 'staff');
  student = await member('student');
  other = await member('other');
  // A teacher sees only the people they work with: these two are assigned to them.
  await assignToTeacher(t, staff.id, student.id, other.id);
});

const uuid = '00000000-0000-4000-8000-000000000000';
const staffRoutes = (userId: string): [string, string, unknown?][] => [
  ['GET', '/api/v1/staff/users?query=a'],
  ['GET', `/api/v1/staff/users/${userId}`],
  [
    'POST',
    '/api/v1/staff/bookings',
    {
      userId,
      title: 'x',
      startsAt: '2026-12-01T10:00',
      endsAt: '2026-12-01T11:00',
      timeZone: 'Europe/Kyiv',
    },
  ],
  ['PATCH', `/api/v1/staff/bookings/${uuid}`, { title: 'y' }],
  ['POST', `/api/v1/staff/bookings/${uuid}/cancel`],
  [
    'POST',
    '/api/v1/staff/payments',
    { userId, amount: '10.00', currency: 'UAH', description: 'x', paidAt: '2026-01-01' },
  ],
  // An invalid body must not tell a non-staff caller anything either: 403 comes first.
  ['POST', '/api/v1/staff/bookings', { nonsense: true }],
];
const adminRoutes = (userId: string): [string, string, unknown?][] => [
  ['GET', '/api/v1/admin/audit'],
  ['POST', `/api/v1/admin/users/${userId}/role`, { role: 'staff' }],
];

async function activityOf(m: Member) {
  const res = await read(await m.client.get('/api/v1/me/activity?limit=200'));
  expect(res.status).toBe(200);
  return res.body as {
    action: string;
    byStaff: boolean;
    details: Record<string, unknown> | null;
  }[];
}

describe('roles are checked on every request', () => {
  it('answers 401 to nobody and 403 to a plain user on every staff and admin route', async () => {
    for (const [method, path, body] of [...staffRoutes(other.id), ...adminRoutes(other.id)]) {
      const anonymous = await createClient(t).request(method, path, body);
      expect(anonymous.status, `${method} ${path} anonymous`).toBe(401);
      const res = await read(await student.client.request(method, path, body));
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.type).toMatch(problemType('forbidden'));
    }
  });

  it('answers 403 to staff on the admin routes', async () => {
    for (const [method, path, body] of adminRoutes(other.id)) {
      const res = await staff.client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });

  it('lets staff and admins into the staff routes', async () => {
    for (const m of [staff, admin]) {
      const res = await m.client.get(`/api/v1/staff/users/${other.id}`);
      expect(res.status).toBe(200);
    }
  });

  it('refuses the console pages the same way', async () => {
    for (const path of [
      '/staff',
      '/staff?query=a',
      `/staff/users/${other.id}`,
      '/staff/audit',
      '/staff/team',
    ]) {
      expect((await student.client.get(path)).status, path).toBe(403);
      expect((await createClient(t).get(path)).headers.get('location'), path).toMatch(
        /^\/login\?next=/,
      );
    }
    for (const path of ['/staff/audit', '/staff/team'])
      expect((await staff.client.get(path)).status, path).toBe(403);
    expect((await staff.client.form('/staff/team/grant', { email: student.email })).status).toBe(
      403,
    );
    expect(
      (await student.client.form(`/staff/users/${other.id}/bookings`, { title: 'x' })).status,
    ).toBe(403);
  });
});

describe('every look is shown to the person looked at', () => {
  it('writes an access event with the staff member as actor for each person in a result list', async () => {
    const res = await read(
      await staff.client.get(`/api/v1/staff/users?query=${encodeURIComponent(student.email)}`),
    );
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: { id: string }) => u.id)).toEqual([student.id]);
    const listed = (await activityOf(student)).filter((e) => e.action === 'staff.listed-you');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.byStaff).toBe(true);
    // Nobody else was listed, so nobody else got an event.
    expect((await activityOf(other)).some((e) => e.action === 'staff.listed-you')).toBe(false);
  });

  it('writes a view event when a card is opened, and shows it in the security page', async () => {
    await staff.client.get(`/api/v1/staff/users/${other.id}`);
    const events = await activityOf(other);
    expect(events[0]).toMatchObject({ action: 'staff.viewed-profile', byStaff: true });
    const page = await (await other.client.get('/account/security')).text();
    expect(page).toContain('A staff member opened your profile');
  });

  it('treats % and _ in a query as letters, not wildcards', async () => {
    const res = await read(await staff.client.get('/api/v1/staff/users?query=%25'));
    expect(res.body.users).toEqual([]);
  });

  it('pages through many people', async () => {
    const now = t.clock.now();
    const pagers = await t.db
      .insert(users)
      .values(
        Array.from({ length: 23 }, (_, i) => ({
          email: `pager.${i}@example.org`,
          name: `Pager ${String(i).padStart(2, '0')}`,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: users.id });
    await assignToTeacher(t, staff.id, ...pagers.map((u) => u.id));
    const first = await read(await staff.client.get('/api/v1/staff/users?query=pager.&page=1'));
    expect(first.body).toMatchObject({ page: 1, pageSize: 20, hasMore: true });
    expect(first.body.users).toHaveLength(20);
    const second = await read(await staff.client.get('/api/v1/staff/users?query=pager.&page=2'));
    expect(second.body).toMatchObject({ page: 2, hasMore: false });
    expect(second.body.users.map((u: { name: string }) => u.name)).toEqual([
      'Pager 20',
      'Pager 21',
      'Pager 22',
    ]);
    expect((await staff.client.get('/api/v1/staff/users?page=0')).status).toBe(400);
    expect((await staff.client.get(`/api/v1/staff/users?query=${'x'.repeat(101)}`)).status).toBe(
      400,
    );
  });

  it('shows a restricted person’s card with the restriction flag and banner', async () => {
    await t.db
      .update(users)
      .set({
        processingRestrictedAt: t.clock.now(),
        processingRestrictionReason: 'My phone number is wrong',
      })
      .where(eq(users.id, other.id));
    const card = await read(await staff.client.get(`/api/v1/staff/users/${other.id}`));
    expect(card.body.restricted).toBe(true);
    expect(card.body.user.processingRestrictionReason).toBe('My phone number is wrong');
    const page = await (await staff.client.get(`/staff/users/${other.id}`)).text();
    expect(page).toContain('class="notice notice-error restriction-banner"');
    expect(page).toContain('Processing restricted');
    expect(page).toContain('My phone number is wrong');
    const plain = await (await staff.client.get(`/staff/users/${student.id}`)).text();
    expect(plain).not.toContain('restriction-banner');
    await t.db
      .update(users)
      .set({ processingRestrictedAt: null, processingRestrictionReason: null })
      .where(eq(users.id, other.id));
  });

  it('answers 404 for a card that does not exist and 400 for an id that is not one', async () => {
    expect((await staff.client.get(`/api/v1/staff/users/${uuid}`)).status).toBe(404);
    expect((await staff.client.get('/api/v1/staff/users/not-an-id')).status).toBe(400);
  });
});

describe('the admins’ audit trail', () => {
  it('lists what staff did and saw, with who and about whom, newest first', async () => {
    const res = await read(await admin.client.get('/api/v1/admin/audit'));
    expect(res.status).toBe(200);
    const views = res.body.events.filter(
      (e: { action: string }) => e.action === 'staff.viewed-profile',
    );
    expect(views.length).toBeGreaterThan(0);
    expect(views[0].actor.email).toBe(staff.email);
    expect(views.some((e: { user: { id: string } }) => e.user.id === other.id)).toBe(true);
    expect(res.body.events.some((e: { action: string }) => e.action === 'staff.searched')).toBe(
      true,
    );
    // Reading the trail is on the trail.
    const again = await read(await admin.client.get('/api/v1/admin/audit'));
    expect(again.body.events[0]).toMatchObject({
      action: 'admin.viewed-audit',
      actor: { email: admin.email },
    });
    const page = await (await admin.client.get('/staff/audit')).text();
    expect(page).toContain('Audit trail');
    expect(page).toContain(staff.email);
  });
});

describe('granting and removing staff access', () => {
  it('lets an admin make someone staff and take it back, shown in their activity', async () => {
    expect((await other.client.get('/api/v1/staff/users?query=a')).status).toBe(403);
    let res = await read(
      await admin.client.post(`/api/v1/admin/users/${other.id}/role`, { role: 'staff' }),
    );
    expect(res).toMatchObject({ status: 200, body: { role: 'staff', changed: true } });
    expect((await other.client.get('/api/v1/staff/users?query=a')).status).toBe(200);
    res = await read(
      await admin.client.post(`/api/v1/admin/users/${other.id}/role`, { role: 'user' }),
    );
    expect(res.body.role).toBe('user');
    // The role is read on every request: the very next call is refused.
    expect((await other.client.get('/api/v1/staff/users?query=a')).status).toBe(403);
    const changes = (await activityOf(other)).filter((e) => e.action === 'admin.role-changed');
    expect(changes.map((e) => e.details)).toEqual([
      { from: 'staff', to: 'user' },
      { from: 'user', to: 'staff' },
    ]);
    expect(changes.every((e) => e.byStaff)).toBe(true);
  });

  it('refuses to change the admin’s own role, to make admins, and bad ids', async () => {
    const self = await read(
      await admin.client.post(`/api/v1/admin/users/${admin.id}/role`, { role: 'user' }),
    );
    expect(self.status).toBe(409);
    expect(self.body.type).toMatch(problemType('own-role'));
    expect(
      (await admin.client.post(`/api/v1/admin/users/${other.id}/role`, { role: 'admin' })).status,
    ).toBe(400);
    expect(
      (await admin.client.post(`/api/v1/admin/users/${uuid}/role`, { role: 'staff' })).status,
    ).toBe(404);
    const [row] = await t.db.select({ role: users.role }).from(users).where(eq(users.id, admin.id));
    expect(row!.role).toBe('admin');
  });

  it('works from the team page without JavaScript', async () => {
    let res = await admin.client.form('/staff/team/grant', { email: other.email.toUpperCase() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/team?notice=granted');
    let page = await (await admin.client.get('/staff/team?notice=granted')).text();
    expect(page).toContain('Staff access given.');
    expect(page).toContain(other.email);
    res = await admin.client.form(`/staff/team/${other.id}/remove`, {});
    expect(res.headers.get('location')).toBe('/staff/team?notice=removed');
    res = await admin.client.form('/staff/team/grant', { email: 'nobody@example.com' });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('No account has this email address.');
    page = await (await admin.client.get('/staff/team')).text();
    expect(page).not.toContain(other.email);
  });

  it('needs a recent proof of the admin’s password', async () => {
    t.clock.advance(11 * 60_000); // past REAUTH_MINUTES (10)
    const res = await read(
      await admin.client.post(`/api/v1/admin/users/${other.id}/role`, { role: 'staff' }),
    );
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(problemType('reauth-required'));
    const form = await admin.client.form('/staff/team/grant', { email: other.email });
    expect(form.headers.get('location')).toBe('/reauth?next=%2Fstaff%2Fteam');
    expect((await admin.client.get('/api/v1/admin/audit')).status).toBe(200);
  });
});
