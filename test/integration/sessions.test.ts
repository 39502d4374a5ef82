import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import {
  bearer,
  loginRequest,
  newPerson,
  problemType,
  read,
  registerAndVerify,
  sessionIdOf,
  sessionsOf,
  setCookieFor,
  signedInPerson,
  signIn,
} from '../helpers/accounts';

let ipSeq = 0;
const client = () => createClient(t, { ip: `100.64.0.${++ipSeq}` });
const minute = 60_000;

// Short windows so expiry is checked in minutes of manual clock, not days.
const t = useTestApp({
  env: { TRUST_PROXY: '1', SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2' },
});

async function signedIn(label: string, options: Parameters<typeof signIn>[2] = {}) {
  const s = await signedInPerson(t, label, client, { signIn: options });
  return { ...s, sessionId: sessionIdOf(s.c.jar.get('session')!) };
}
const status = async (c: Client) => (await c.get('/api/v1/me')).status;
const row = async (id: string) =>
  (await t.db.select().from(sessions).where(eq(sessions.id, id)))[0];

describe('idle and absolute expiry', () => {
  it('ends a session left idle longer than SESSION_IDLE_MINUTES, on the server too', async () => {
    const { c, sessionId } = await signedIn('idle');
    t.clock.advance(30 * minute + 1000);
    const res = await c.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(setCookieFor(res, 'session')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await row(sessionId)).toBeUndefined();
  });

  it('slides the idle window with activity, beyond the first idle period', async () => {
    const { c } = await signedIn('sliding');
    for (let i = 0; i < 3; i++) {
      t.clock.advance(20 * minute);
      expect(await status(c)).toBe(200); // 60 minutes in, twice the idle window
    }
    t.clock.advance(31 * minute);
    expect(await status(c)).toBe(401);
  });

  it('writes the renewal at most once a minute', async () => {
    const { c, id, sessionId } = await signedIn('renewal');
    const signedInAt = (await row(sessionId))!.lastSeenAt.getTime();
    t.clock.advance(10_000);
    expect(await status(c)).toBe(200);
    t.clock.advance(40_000);
    expect(await status(c)).toBe(200);
    expect((await row(sessionId))!.lastSeenAt.getTime()).toBe(signedInAt);
    t.clock.advance(11_000);
    expect(await status(c)).toBe(200);
    const renewed = await row(sessionId);
    expect(renewed!.lastSeenAt.getTime()).toBe(signedInAt + 61_000);
    expect(renewed!.expiresAt.getTime()).toBe(signedInAt + 61_000 + 30 * minute);
    const [user] = await t.db.select().from(users).where(eq(users.id, id));
    expect(user!.lastActiveAt!.getTime()).toBe(signedInAt + 61_000);
  });

  it('ends a session at SESSION_ABSOLUTE_HOURS however active it is, remembered or not', async () => {
    const active = await signedIn('absolute');
    const remembered = await signedIn('absolute-remember', { remember: true });
    for (let i = 0; i < 5; i++) {
      t.clock.advance(20 * minute);
      expect(await status(active.c)).toBe(200);
    }
    // 100 minutes untouched: past the idle window, but "remember me" slides over days.
    expect(await status(remembered.c)).toBe(200);
    t.clock.advance(19 * minute);
    expect(await status(active.c)).toBe(200);
    t.clock.advance(minute);
    expect(await status(active.c)).toBe(401);
    expect(await status(remembered.c)).toBe(401);
  });
});

describe('GET /me/sessions', () => {
  it("lists the person's sessions with address, browser and which one is current", async () => {
    const p = newPerson('list');
    const id = await registerAndVerify(t, client(), p);
    const laptop = createClient(t, { ip: '203.0.113.10' });
    await signIn(laptop, p, { headers: { 'user-agent': 'Laptop Browser/1.0' } });
    const phone = createClient(t, { ip: '203.0.113.20' });
    await signIn(phone, p, { headers: { 'user-agent': 'Phone Browser/2.0' } });
    await signedIn('someone-else');

    const res = await read(await laptop.get('/api/v1/me/sessions'));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    const laptopId = sessionIdOf(laptop.jar.get('session')!);
    const phoneId = sessionIdOf(phone.jar.get('session')!);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: laptopId,
          current: true,
          ip: '203.0.113.10',
          userAgent: 'Laptop Browser/1.0',
        }),
        expect.objectContaining({
          id: phoneId,
          current: false,
          ip: '203.0.113.20',
          userAgent: 'Phone Browser/2.0',
        }),
      ]),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/secret|hash/i);
    expect((await sessionsOf(t, id)).map((s) => s.id).sort()).toEqual([laptopId, phoneId].sort());
  });
});

describe('DELETE /me/sessions/{id}', () => {
  it("answers 404 for another person's session, which keeps working", async () => {
    const mallory = await signedIn('mallory');
    const alice = await signedIn('alice');
    const res = await read(await mallory.c.delete(`/api/v1/me/sessions/${alice.sessionId}`));
    expect(res.status).toBe(404);
    expect(res.body.type).toMatch(problemType('not-found'));
    expect(await status(alice.c)).toBe(200);
  });

  it("ends one of the person's own other sessions", async () => {
    const { p, c } = await signedIn('end-one');
    const other = client();
    await signIn(other, p);
    const otherId = sessionIdOf(other.jar.get('session')!);
    expect((await c.delete(`/api/v1/me/sessions/${otherId}`)).status).toBe(204);
    expect(await status(other)).toBe(401);
    expect(await status(c)).toBe(200);
  });
});

describe('DELETE /me/sessions', () => {
  it('ends every session but the current one', async () => {
    const { p, id, c, sessionId } = await signedIn('end-others');
    const others = [client(), client()];
    for (const o of others) await signIn(o, p);
    expect(await sessionsOf(t, id)).toHaveLength(3);
    expect((await c.delete('/api/v1/me/sessions')).status).toBe(204);
    expect((await sessionsOf(t, id)).map((s) => s.id)).toEqual([sessionId]);
    for (const o of others) expect(await status(o)).toBe(401);
    expect(await status(c)).toBe(200);
  });
});

describe('POST /auth/logout', () => {
  it('ends the session on the server: the old cookie value fails even when replayed', async () => {
    const { c, sessionId } = await signedIn('logout');
    const cookie = c.jar.get('session')!;
    const res = await c.post('/api/v1/auth/logout');
    expect(res.status).toBe(204);
    expect(setCookieFor(res, 'session')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await row(sessionId)).toBeUndefined();
    const replay = client();
    replay.jar.set('session', cookie);
    expect(await status(replay)).toBe(401);
  });

  it('ends a bearer session too', async () => {
    const { body } = await signedIn('logout-bearer', { tokenInBody: true });
    const app = createClient(t);
    expect(
      (await app.post('/api/v1/auth/logout', undefined, { ...bearer(body.token!), origin: null }))
        .status,
    ).toBe(204);
    expect((await app.get('/api/v1/me', bearer(body.token!))).status).toBe(401);
  });
});

describe('CSRF: unsafe cookie-authenticated requests need our Origin', () => {
  it.each([
    ['a foreign Origin', 'https://evil.example'],
    ['no Origin', null],
  ])('refuses %s with a 403 problem and changes nothing', async (_label, origin) => {
    const { p, c } = await signedIn('csrf');
    const other = client();
    await signIn(other, p);
    const res = await read(await c.delete('/api/v1/me/sessions', { origin }));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.type).toMatch(problemType('bad-origin'));
    expect(await status(other)).toBe(200);
    const logout = await c.post('/api/v1/auth/logout', undefined, { origin });
    expect(logout.status).toBe(403);
    expect(await status(c)).toBe(200);
  });

  it('lets a bearer-token client act without an Origin', async () => {
    const { p, body } = await signedIn('csrf-bearer', { tokenInBody: true });
    const other = client();
    await signIn(other, p);
    const res = await createClient(t).delete('/api/v1/me/sessions', {
      ...bearer(body.token!),
      origin: null,
    });
    expect(res.status).toBe(204);
    expect(await status(other)).toBe(401);
  });

  it('refuses a sign-in posted from a foreign site (login CSRF)', async () => {
    const p = newPerson('login-csrf');
    await registerAndVerify(t, client(), p);
    const res = await loginRequest(client(), p, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('GET /me/activity', () => {
  it('shows sign-ins, failed attempts, the password change and ended sessions, newest first', async () => {
    const p = newPerson('activity');
    await registerAndVerify(t, client(), p);
    const c = client();
    const step = () => t.clock.advance(1000);
    step();
    await signIn(c, p);
    step();
    expect(
      (await loginRequest(client(), { ...p, password: 'wrong long passphrase 9' })).status,
    ).toBe(401);
    step();
    const newPassword = 'activity new passphrase 77';
    expect(
      (await c.post('/api/v1/me/password', { currentPassword: p.password, newPassword })).status,
    ).toBe(204);
    step();
    const other = client();
    await signIn(other, { ...p, password: newPassword });
    step();
    expect(
      (await c.delete(`/api/v1/me/sessions/${sessionIdOf(other.jar.get('session')!)}`)).status,
    ).toBe(204);
    step();
    await signIn(client(), { ...p, password: newPassword });
    step();
    expect((await c.delete('/api/v1/me/sessions')).status).toBe(204);
    await signedIn('activity-bystander'); // someone else's events must not show

    const res = await read(await c.get('/api/v1/me/activity'));
    expect(res.status).toBe(200);
    const events = res.body as { action: string; at: string; byStaff: boolean }[];
    expect(events.map((e) => e.action).slice(0, 7)).toEqual([
      'sessions.ended-others',
      'sign-in',
      'session.ended',
      'sign-in',
      'password.changed',
      'sign-in.failed',
      'sign-in',
    ]);
    // Registration, and confirming (which signs in; the helper then signs out): one instant.
    expect(
      events
        .map((e) => e.action)
        .slice(7)
        .sort(),
    ).toEqual(['account.registered', 'email.verified', 'sign-in', 'sign-out']);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(events.every((e) => !e.byStaff)).toBe(true);
  });
});
