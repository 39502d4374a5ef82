import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { bookings, passkeys, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import { problemType, read, sessionIdOf, signedInPerson, userById } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';
import { promises } from './promises';

/** SECURITY.md, "Access control": one test per line. */
let ipSeq = 0;
const client = () =>
  createClient(t, { ip: `10.33.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}` });
const minute = 60_000;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const signedIn = (label: string, role: 'user' | 'staff' | 'admin' = 'user') =>
  signedInPerson(t, label, client, { role });
const statusOf = async (res: Promise<Response>) => (await res).status;

async function ownedThings(userId: string, staffId: string) {
  const [pk] = await t.db
    .insert(passkeys)
    .values({
      userId,
      credentialId: `cred-${userId}`,
      publicKey: 'AAAA',
      deviceType: 'singleDevice',
      name: 'Their key',
    })
    .returning({ id: passkeys.id });
  const start = new Date(t.clock.now().getTime() + 86_400_000);
  const [bk] = await t.db
    .insert(bookings)
    .values({
      uid: `acl-${userId}@test`,
      userId,
      staffId,
      title: 'Their lesson',
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      timeZone: 'Europe/Kyiv',
    })
    .returning({ id: bookings.id });
  return { passkeyId: pk!.id, bookingId: bk!.id };
}

describe('Access control', () => {
  it(promises.ownership, async () => {
    const staff = await signedIn('acl-staff', 'staff');
    const alice = await signedIn('acl-alice');
    const bob = await signedIn('acl-bob');
    const bobSession = sessionIdOf(bob.c.jar.get('session')!);
    const bobs = await ownedThings(bob.id, staff.id);
    const alices = await ownedThings(alice.id, staff.id);

    // Another person's ids answer 404, exactly like ids that do not exist.
    const notFound = async (res: Promise<Response>) => {
      const r = await read(await res);
      expect(r.status).toBe(404);
      expect(r.body.type).toMatch(problemType('not-found'));
    };
    await notFound(alice.c.delete(`/api/v1/me/sessions/${bobSession}`));
    await notFound(alice.c.patch(`/api/v1/me/passkeys/${bobs.passkeyId}`, { name: 'Mine now' }));
    await notFound(alice.c.delete(`/api/v1/me/passkeys/${bobs.passkeyId}`));
    await notFound(alice.c.get(`/api/v1/me/bookings/${bobs.bookingId}/calendar`));
    // …while their own ids work.
    expect(await statusOf(alice.c.get(`/api/v1/me/bookings/${alices.bookingId}/calendar`))).toBe(
      200,
    );
    expect(
      await statusOf(alice.c.patch(`/api/v1/me/passkeys/${alices.passkeyId}`, { name: 'Renamed' })),
    ).toBe(200);
    // The cabinet page form for ending a session checks the owner too: nothing ended, no notice.
    const page = await alice.c.form(`/account/security/sessions/${bobSession}/end`, {});
    expect(page.headers.get('location')).toBe('/account/security#sessions');

    // Bob's things are untouched, and bob is still signed in.
    expect((await bob.c.get('/api/v1/me')).status).toBe(200);
    const [pk] = await t.db.select().from(passkeys).where(eq(passkeys.id, bobs.passkeyId));
    expect(pk!.name).toBe('Their key');
    expect((await t.db.select().from(bookings).where(eq(bookings.id, bobs.bookingId))).length).toBe(
      1,
    );
    expect((await bob.c.get('/api/v1/me/bookings')).status).toBe(200);
    const aliceBookings = (await read(await alice.c.get('/api/v1/me/bookings'))).body as {
      id: string;
    }[];
    expect(aliceBookings.map((b) => b.id)).toEqual([alices.bookingId]);

    // /me routes take no one's id from the request: a user id in the body is refused, not obeyed.
    const spoof = await read(await alice.c.patch('/api/v1/me', { id: bob.id, name: 'Not Bob' }));
    expect(spoof.status).toBe(400);
    expect((await userById(t, bob.id))!.name).toBe(bob.p.name);
    const me = await read(await alice.c.get(`/api/v1/me?userId=${bob.id}&id=${bob.id}`));
    expect(me.body.id).toBe(alice.id);
  });

  it(promises.roles, async () => {
    const learner = await signedIn('role-learner');
    const target = await signedIn('role-target');
    const staffRoutes = (c: Client) => [
      c.get('/api/v1/staff/users?query=role'),
      c.get(`/api/v1/staff/users/${target.id}`),
      c.post('/api/v1/staff/bookings', {
        userId: target.id,
        title: 'x',
        startsAt: '2030-01-01T10:00',
        endsAt: '2030-01-01T11:00',
        timeZone: 'Europe/Kyiv',
      }),
      c.post('/api/v1/staff/announcements', { list: 'news', subject: 's', body: 'b' }),
      c.get('/staff'),
    ];
    const adminRoutes = (c: Client) => [
      c.get('/api/v1/admin/audit'),
      c.post(`/api/v1/admin/users/${target.id}/role`, { role: 'staff' }),
    ];
    for (const res of [...staffRoutes(learner.c), ...adminRoutes(learner.c)])
      expect(await statusOf(res)).toBe(403);
    // Signed out: the API asks for a session (401), the console page sends to the sign-in.
    const signedOut = staffRoutes(createClient(t));
    const toSignIn = await signedOut.pop()!; // GET /staff, the only page in the list
    for (const res of signedOut) expect(await statusOf(res)).toBe(401);
    expect(toSignIn.status).toBe(303);
    expect(toSignIn.headers.get('location')).toBe('/login?next=%2Fstaff');

    // The role is read on every request: granted, it works in the same session; taken back,
    // it stops at once, with no new sign-in either way.
    await t.db.update(users).set({ role: 'staff' }).where(eq(users.id, learner.id));
    expect(await statusOf(learner.c.get('/api/v1/staff/users?query=role'))).toBe(200);
    for (const res of adminRoutes(learner.c)) expect(await statusOf(res)).toBe(403);
    await t.db.update(users).set({ role: 'user' }).where(eq(users.id, learner.id));
    for (const res of staffRoutes(learner.c)) expect(await statusOf(res)).toBe(403);

    // Each staff read of a person's data is in that person's own activity.
    const staff = await signedIn('role-staff', 'staff');
    await assignToTeacher(t, staff.id, target.id);
    expect(await statusOf(staff.c.get(`/api/v1/staff/users/${target.id}`))).toBe(200);
    expect(
      await statusOf(
        staff.c.get(`/api/v1/staff/users?query=${encodeURIComponent(target.p.email)}`),
      ),
    ).toBe(200);
    expect(await statusOf(staff.c.get(`/staff/users/${target.id}`))).toBe(200);
    const activity = (await read(await target.c.get('/api/v1/me/activity'))).body as {
      action: string;
    }[];
    const actions = (
      Array.isArray(activity)
        ? activity
        : (activity as unknown as { events: { action: string }[] }).events
    ).map((e) => e.action);
    expect(actions).toContain('staff.viewed-profile');
    expect(actions).toContain('staff.listed-you');
    // And they show on the person's own security page.
    expect(await (await target.c.get('/account/security')).text()).toMatch(/staff member/i);
  });

  it(promises.privileged, async () => {
    const { c, p, id } = await signedIn('privileged');
    const [own] = await t.db
      .insert(passkeys)
      .values({
        userId: id,
        credentialId: `cred-priv-${id}`,
        publicKey: 'AAAA',
        deviceType: 'singleDevice',
        name: 'Own key',
      })
      .returning({ id: passkeys.id });
    const sensitive = () =>
      [
        ['export', c.get('/api/v1/me/export')],
        ['export json', c.get('/api/v1/me/export?format=json')],
        ['delete', c.delete('/api/v1/me')],
        [
          'email change',
          c.post('/api/v1/me/email', { newEmail: `other.${Date.now()}@example.com` }),
        ],
        ['passkey options', c.post('/api/v1/me/passkeys/options')],
        [
          'passkey add',
          c.post('/api/v1/me/passkeys', {
            response: {
              id: 'x',
              rawId: 'x',
              type: 'public-key',
              response: { clientDataJSON: 'x', attestationObject: 'x' },
              clientExtensionResults: {},
            },
          }),
        ],
        ['passkey remove', c.delete(`/api/v1/me/passkeys/${own!.id}`)],
      ] as const;
    // Past REAUTH_MINUTES (10) since the sign-in: every sensitive act asks to re-authenticate.
    t.clock.advance(11 * minute);
    for (const [what, res] of sensitive()) {
      const r = await read(await res);
      expect(r.status, what).toBe(403);
      expect(r.body.type, what).toMatch(problemType('reauth-required'));
    }
    expect(await userById(t, id)).toMatchObject({ deletionScheduledFor: null, email: p.email });
    expect(await t.db.select().from(passkeys).where(eq(passkeys.id, own!.id))).toHaveLength(1);
    // Pages too: the export page sends the person to re-authenticate.
    expect((await c.get('/account/delete/confirm')).headers.get('location')).toMatch(
      /^\/reauth\?next=/,
    );

    // Proving the password again makes the session privileged.
    expect((await c.post('/api/v1/auth/reauth', { password: p.password })).status).toBe(204);
    const exported = await c.get('/api/v1/me/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe('application/zip');
    expect((await c.delete(`/api/v1/me/passkeys/${own!.id}`)).status).toBe(204);
  });
});
