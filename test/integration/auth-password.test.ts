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
  signIn,
  type Person,
} from '../helpers/accounts';

let ipSeq = 0;
const client = () => createClient(t, { ip: `198.18.0.${++ipSeq}` });

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const newPassword = 'a completely new passphrase 21';

async function forgot(p: Pick<Person, 'email'>) {
  return read(await client().post('/api/v1/auth/password/forgot', { email: p.email }));
}
async function reset(token: string, password: string) {
  return read(await client().post('/api/v1/auth/password/reset', { token, password }));
}

describe('POST /auth/password/forgot', () => {
  it('answers 202 with the same body for a known and an unknown address, and mails only the known one', async () => {
    const known = newPerson('forgot');
    const id = await registerAndVerify(t, client(), known);
    const unknown = newPerson('stranger');
    const a = await forgot(known);
    const b = await forgot(unknown);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.body).toEqual(a.body);
    expect(await mailedToken(t, known.email, '/reset-password')).toMatch(/^[a-z2-7]{32}$/);
    expect(await outboxOf(t, id, 'reset-password')).toHaveLength(1);
    expect(t.resend.to(unknown.email)).toHaveLength(0);
  });
});

describe('POST /auth/password/reset', () => {
  it('accepts a link for an hour and answers 400 token-expired after that', async () => {
    const early = newPerson('reset-early');
    const late = newPerson('reset-late');
    await registerAndVerify(t, client(), early);
    await registerAndVerify(t, client(), late);
    await forgot(early);
    await forgot(late);
    const earlyToken = await mailedToken(t, early.email, '/reset-password');
    const lateToken = await mailedToken(t, late.email, '/reset-password');

    t.clock.advance(59 * 60_000);
    expect((await reset(earlyToken, newPassword)).status).toBe(204);
    t.clock.advance(2 * 60_000);
    const expired = await reset(lateToken, newPassword);
    expect(expired.status).toBe(400);
    expect(expired.body.type).toMatch(problemType('token-expired'));
    expect((await loginRequest(client(), late)).status).toBe(200); // nothing changed
  });

  it('works once; the second use answers 400 token-used', async () => {
    const p = newPerson('reset-once');
    await registerAndVerify(t, client(), p);
    await forgot(p);
    const token = await mailedToken(t, p.email, '/reset-password');
    expect((await reset(token, newPassword)).status).toBe(204);
    const again = await reset(token, 'yet another long passphrase 6');
    expect(again.status).toBe(400);
    expect(again.body.type).toMatch(problemType('token-used'));
    expect((await loginRequest(client(), { ...p, password: newPassword })).status).toBe(200);
  });

  it('refuses a weak new password with 400 without using up the link', async () => {
    const p = newPerson('reset-weak');
    await registerAndVerify(t, client(), p);
    await forgot(p);
    const token = await mailedToken(t, p.email, '/reset-password');
    const weak = await reset(token, 'password123');
    expect(weak.status).toBe(400);
    expect(weak.body.type).toMatch(problemType('weak-password'));
    expect(weak.body.errors[0].path).toBe('password');
    expect((await reset(token, newPassword)).status).toBe(204);
  });

  it('ends every session of the person, mails a notice, and the new password replaces the old', async () => {
    const p = newPerson('reset-all');
    const id = await registerAndVerify(t, client(), p);
    const laptop = client();
    await signIn(laptop, p);
    const { token: appToken } = await signIn(client(), p, { tokenInBody: true });
    expect(await sessionsOf(t, id)).toHaveLength(2);

    await forgot(p);
    const token = await mailedToken(t, p.email, '/reset-password');
    // Reset from the signed-in laptop: the response also drops its cookie.
    const res = await laptop.post('/api/v1/auth/password/reset', { token, password: newPassword });
    expect(res.status).toBe(204);
    expect(setCookieFor(res, 'session')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    expect(await sessionsOf(t, id)).toHaveLength(0);
    expect((await createClient(t).get('/api/v1/me', bearer(appToken!))).status).toBe(401);
    expect(await outboxOf(t, id, 'password-changed')).toHaveLength(1);
    expect(await mailedToken(t, p.email, '/not-me')).toMatch(/^[a-z2-7]{32}$/);
    expect((await loginRequest(client(), p)).status).toBe(401);
    expect((await loginRequest(client(), { ...p, password: newPassword })).status).toBe(200);
  });
});

describe('POST /me/password', () => {
  it('needs the current password: a wrong one answers 400 and changes nothing', async () => {
    const p = newPerson('change-wrong');
    await registerAndVerify(t, client(), p);
    const c = client();
    await signIn(c, p);
    const res = await read(
      await c.post('/api/v1/me/password', {
        currentPassword: 'not my passphrase at all',
        newPassword,
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(problemType('wrong-password'));
    expect(res.body.errors[0].path).toBe('currentPassword');
    expect((await loginRequest(client(), { ...p, password: newPassword })).status).toBe(401);
  });

  it('refuses a weak new password with 400 weak-password', async () => {
    const p = newPerson('change-weak');
    await registerAndVerify(t, client(), p);
    const c = client();
    await signIn(c, p);
    const res = await read(
      await c.post('/api/v1/me/password', { currentPassword: p.password, newPassword: p.email }),
    );
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(problemType('weak-password'));
    expect(res.body.errors[0].path).toBe('newPassword');
  });

  it('ends the other sessions, keeps this one, and mails a notice', async () => {
    const p = newPerson('change');
    const id = await registerAndVerify(t, client(), p);
    const here = client();
    await signIn(here, p);
    const elsewhere = client();
    await signIn(elsewhere, p);

    const res = await here.post('/api/v1/me/password', {
      currentPassword: p.password,
      newPassword,
    });
    expect(res.status).toBe(204);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect(await sessionsOf(t, id)).toHaveLength(1);
    expect(await outboxOf(t, id, 'password-changed')).toHaveLength(1);
    expect((await loginRequest(client(), p)).status).toBe(401);
    expect((await loginRequest(client(), { ...p, password: newPassword })).status).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await createClient(t).post('/api/v1/me/password', {
      currentPassword: 'x'.repeat(10),
      newPassword,
    });
    expect(res.status).toBe(401);
  });
});
