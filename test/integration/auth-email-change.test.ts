import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  bearer,
  loginRequest,
  mailedToken,
  newPerson,
  outboxOf,
  problemType,
  read,
  registerAndVerify,
  sessionsOf,
  setCookieFor,
  signedInPerson,
  signIn,
  userById,
} from '../helpers/accounts';

let ipSeq = 0;
const client = () => createClient(t, { ip: `172.16.0.${++ipSeq}` });
const minute = 60_000;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const signedIn = (label: string, options: Parameters<typeof signIn>[2] = {}) =>
  signedInPerson(t, label, client, { signIn: options });
const freshAddress = (label: string) => newPerson(label).email;

describe('privileged routes and POST /auth/reauth', () => {
  it('treat a fresh sign-in as privileged', async () => {
    const { c } = await signedIn('fresh');
    expect((await c.post('/api/v1/me/email', { newEmail: freshAddress('fresh-new') })).status).toBe(
      202,
    );
  });

  it('answer 403 reauth-required after REAUTH_MINUTES; the right password makes the session privileged under a new cookie', async () => {
    const { p, id, c } = await signedIn('reauth');
    t.clock.advance(11 * minute);
    const refused = await read(await c.post('/api/v1/me/email', { newEmail: freshAddress('r1') }));
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(problemType('reauth-required'));

    const wrong = await read(
      await c.post('/api/v1/auth/reauth', { password: 'not the passphrase at all' }),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await c.post('/api/v1/me/email', { newEmail: freshAddress('r2') })).status).toBe(403);

    const before = c.jar.get('session')!;
    const ok = await c.post('/api/v1/auth/reauth', { password: p.password });
    expect(ok.status).toBe(204);
    const after = c.jar.get('session')!;
    expect(setCookieFor(ok, 'session')).toBeDefined();
    expect(after).not.toBe(before);
    expect(await sessionsOf(t, id)).toHaveLength(1); // rotated, not added
    const replay = client();
    replay.jar.set('session', before);
    expect((await replay.get('/api/v1/me')).status).toBe(401);

    expect((await c.post('/api/v1/me/email', { newEmail: freshAddress('r3') })).status).toBe(202);
    t.clock.advance(11 * minute);
    expect((await c.post('/api/v1/me/email', { newEmail: freshAddress('r4') })).status).toBe(403);
  });

  it('carry the old absolute expiry over to the rotated session, so re-authenticating never extends a session', async () => {
    const { p, id, c } = await signedIn('reauth-absolute', { remember: true });
    const [original] = await sessionsOf(t, id);
    t.clock.advance(11 * minute);
    const ok = await c.post('/api/v1/auth/reauth', { password: p.password });
    expect(ok.status).toBe(204);
    const [rotated] = await sessionsOf(t, id);
    expect(rotated!.id).not.toBe(original!.id);
    expect(rotated!.absoluteExpiresAt.getTime()).toBe(original!.absoluteExpiresAt.getTime());
    expect(rotated!.expiresAt.getTime()).toBeLessThanOrEqual(original!.absoluteExpiresAt.getTime());
    // The remembered cookie's Max-Age counts down to the same end, not a fresh 30 days.
    const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookieFor(ok, 'session')!)![1]);
    expect(maxAge).toBe(
      Math.floor((original!.absoluteExpiresAt.getTime() - t.clock.now().getTime()) / 1000),
    );
  });

  it('keep a bearer token as it is and make it privileged', async () => {
    const { p, body } = await signedIn('reauth-bearer', { tokenInBody: true });
    const app = createClient(t);
    const auth = { ...bearer(body.token!), origin: null };
    t.clock.advance(11 * minute);
    expect(
      (await app.post('/api/v1/me/email', { newEmail: freshAddress('b1') }, auth)).status,
    ).toBe(403);
    const ok = await app.post('/api/v1/auth/reauth', { password: p.password }, auth);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('set-cookie')).toBeNull();
    expect(
      (await app.post('/api/v1/me/email', { newEmail: freshAddress('b2') }, auth)).status,
    ).toBe(202);
  });

  it('answers 401 without a session', async () => {
    expect(
      (await client().post('/api/v1/auth/reauth', { password: 'whatever long enough' })).status,
    ).toBe(401);
  });
});

describe('changing the email address', () => {
  it('mails a link to the new address; confirming changes the address and tells the old one, with a not-me link', async () => {
    const { p, id, c } = await signedIn('mover');
    const newEmail = freshAddress('moved');
    const res = await read(await c.post('/api/v1/me/email', { newEmail }));
    expect(res.status).toBe(202);
    const token = await mailedToken(t, newEmail, '/account/email/confirm');
    // Nothing changes until the new mailbox answers.
    expect((await userById(t, id))!.email).toBe(p.email);

    // Confirmed in the same browser, whose session stays (every other one ends).
    const confirmed = await read(await c.post('/api/v1/me/email/confirm', { token }));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ email: newEmail });
    const me = await read(await c.get('/api/v1/me'));
    expect(me.body).toMatchObject({ email: newEmail, emailVerified: true });
    expect(await outboxOf(t, id, 'email-changed')).toEqual([
      expect.objectContaining({ toAddress: p.email }),
    ]);
    expect(await mailedToken(t, p.email, '/not-me')).toMatch(/^[a-z2-7]{32}$/);

    expect((await loginRequest(client(), { email: newEmail, password: p.password })).status).toBe(
      200,
    );
    expect((await loginRequest(client(), p)).status).toBe(401);
  });

  it('puts the old address back when its owner answers "This wasn\'t me", and sends the reset link there', async () => {
    const { p, id, c } = await signedIn('hijacked');
    const hijacker = freshAddress('hijacker');
    expect((await c.post('/api/v1/me/email', { newEmail: hijacker })).status).toBe(202);
    const confirm = await mailedToken(t, hijacker, '/account/email/confirm');
    expect((await client().post('/api/v1/me/email/confirm', { token: confirm })).status).toBe(200);
    // The hijacker also asks for a reset link, which now goes to their address.
    expect((await client().post('/api/v1/auth/password/forgot', { email: hijacker })).status).toBe(
      202,
    );
    const hijackerReset = await mailedToken(t, hijacker, '/reset-password');

    const notMe = await mailedToken(t, p.email, '/not-me');
    expect((await client().post('/api/v1/auth/not-me', { token: notMe })).status).toBe(200);
    expect((await userById(t, id))!.email).toBe(p.email);
    expect(await sessionsOf(t, id)).toHaveLength(0);
    const reset = await mailedToken(t, p.email, '/reset-password');
    const password = 'owner is back passphrase 12';
    // The link in the hijacker's mailbox no longer works; the owner's does.
    expect(
      (await client().post('/api/v1/auth/password/reset', { token: hijackerReset, password }))
        .status,
    ).toBe(400);
    expect(
      (await client().post('/api/v1/auth/password/reset', { token: reset, password })).status,
    ).toBe(204);
    expect((await loginRequest(client(), { email: p.email, password })).status).toBe(200);
    expect((await loginRequest(client(), { email: hijacker, password })).status).toBe(401);
  });

  it('answers the same 202 for an address that is taken, and changes nothing', async () => {
    const { p, id, c } = await signedIn('wants-taken');
    const holder = newPerson('holder');
    const holderId = await registerAndVerify(t, client(), holder);
    const free = await read(await c.post('/api/v1/me/email', { newEmail: freshAddress('free') }));
    const taken = await read(
      await c.post('/api/v1/me/email', { newEmail: holder.email.toUpperCase() }),
    );
    expect(taken.status).toBe(202);
    expect(taken.body).toEqual(free.body);

    await t.sendMail();
    // The holder hears about it, but gets no link that could move anything.
    expect(t.resend.to(holder.email).at(-1)!.text).not.toMatch(/\/account\/email\/confirm\?token=/);
    expect((await userById(t, id))!.email).toBe(p.email);
    expect((await userById(t, holderId))!.email).toBe(holder.email);
  });

  it('refuses a used link with 400 token-used and an expired one (after 24 hours) with 400 token-expired', async () => {
    const first = await signedIn('used');
    const usedEmail = freshAddress('used-new');
    expect((await first.c.post('/api/v1/me/email', { newEmail: usedEmail })).status).toBe(202);
    const usedToken = await mailedToken(t, usedEmail, '/account/email/confirm');
    expect((await client().post('/api/v1/me/email/confirm', { token: usedToken })).status).toBe(
      200,
    );
    const again = await read(await client().post('/api/v1/me/email/confirm', { token: usedToken }));
    expect(again.status).toBe(400);
    expect(again.body.type).toMatch(problemType('token-used'));

    const second = await signedIn('expired');
    const lateEmail = freshAddress('late-new');
    expect((await second.c.post('/api/v1/me/email', { newEmail: lateEmail })).status).toBe(202);
    const lateToken = await mailedToken(t, lateEmail, '/account/email/confirm');
    t.clock.advance(24 * 3_600_000 + minute);
    const expired = await read(
      await client().post('/api/v1/me/email/confirm', { token: lateToken }),
    );
    expect(expired.status).toBe(400);
    expect(expired.body.type).toMatch(problemType('token-expired'));
    expect((await userById(t, second.id))!.email).toBe(second.p.email);
  });
});
