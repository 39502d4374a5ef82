import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createNodeHasher } from '../../src/platform/hasher.node.ts';
import type { PasswordHasher } from '../../src/platform/hasher';
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
  sessionIdOf,
  sessionsOf,
  setCookieFor,
  signIn,
  userById,
} from '../helpers/accounts';

let ipSeq = 0;
const client = () => createClient(t, { ip: `192.0.2.${++ipSeq}` });

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const windowsChrome =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
const iphoneSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1';

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, not Secure on http, and has no Max-Age without "remember me"', async () => {
    const p = newPerson('cookie');
    await registerAndVerify(t, client(), p);
    const res = await loginRequest(client(), p);
    expect(res.status).toBe(200);
    const line = setCookieFor(res, 'session')!;
    expect(line).toMatch(/^session=[a-z2-7]{24}\.[a-z2-7]{24};/);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\/(;|$)/);
    expect(line).not.toMatch(/Max-Age|Expires/i);
    expect(line).not.toMatch(/Secure/i);
  });

  it('carries Max-Age up to the session end when "remember me" is ticked', async () => {
    const p = newPerson('remember');
    await registerAndVerify(t, client(), p);
    const line = setCookieFor(await loginRequest(client(), p, { remember: true }), 'session')!;
    // SESSION_ABSOLUTE_HOURS defaults to 720: the remembered cookie lives exactly that long.
    expect(line).toMatch(/;\s*Max-Age=2592000(;|$)/);
  });

  it('is called __Host-session and is Secure when APP_URL is https', async () => {
    const httpsOrigin = 'https://accounts.example';
    const config = parseConfig({
      APP_URL: httpsOrigin,
      TRUST_PROXY: '1',
      RESEND_API_KEY: t.resend.apiKey,
      RESEND_BASE_URL: t.resend.url,
    });
    const httpsClient = createClient({ app: createApp({ ...t.deps, config }) });
    const p = newPerson('https');
    await registerAndVerify(t, client(), p);
    const res = await loginRequest(httpsClient, p, { origin: httpsOrigin });
    expect(res.status).toBe(200);
    expect(setCookieFor(res, 'session')).toBeUndefined();
    const line = setCookieFor(res, '__Host-session')!;
    expect(line).toMatch(/;\s*Secure/i);
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*Path=\//);
    expect(line).not.toMatch(/Domain=/i);
    // The https instance reads its session from the prefixed cookie.
    expect((await httpsClient.get('/api/v1/me')).status).toBe(200);
  });
});

describe('POST /auth/login with tokenInBody', () => {
  it('returns the token only when asked, and it works as Authorization: Bearer', async () => {
    const p = newPerson('bearer');
    await registerAndVerify(t, client(), p);
    const plain = await signIn(client(), p);
    expect(plain).not.toHaveProperty('token');
    expect(plain.user).not.toHaveProperty('passwordHash');

    const { token } = await signIn(client(), p, { tokenInBody: true });
    expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
    const cookieless = createClient(t);
    const me = await read(await cookieless.get('/api/v1/me', bearer(token!)));
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(p.email);
    const tampered = token!.slice(0, -1) + (token!.endsWith('a') ? 'b' : 'a');
    expect((await cookieless.get('/api/v1/me', bearer(tampered))).status).toBe(401);
  });
});

describe('session fixation', () => {
  it('replaces a session cookie present before sign-in with a new id, and the old one stops working', async () => {
    const attacker = newPerson('planter');
    const victim = newPerson('victim');
    await registerAndVerify(t, client(), attacker);
    await registerAndVerify(t, client(), victim);
    const attackerClient = client();
    await signIn(attackerClient, attacker);
    const planted = attackerClient.jar.get('session')!;

    // The attacker's cookie sits in the victim's browser when the victim signs in.
    const browser = client();
    browser.jar.set('session', planted);
    const body = await signIn(browser, victim);
    const fresh = browser.jar.get('session')!;
    expect(fresh).not.toBe(planted);
    expect(sessionIdOf(fresh)).not.toBe(sessionIdOf(planted));
    expect(body.user.email).toBe(victim.email);
    expect((await read(await browser.get('/api/v1/me'))).body.email).toBe(victim.email);

    const replay = client();
    replay.jar.set('session', planted);
    expect((await replay.get('/api/v1/me')).status).toBe(401);
  });

  it('does the same for the sign-in page', async () => {
    const planter = newPerson('page-planter');
    const victim = newPerson('page-victim');
    await registerAndVerify(t, client(), planter);
    await registerAndVerify(t, client(), victim);
    const planterClient = client();
    await signIn(planterClient, planter);
    const planted = planterClient.jar.get('session')!;

    const browser = client();
    browser.jar.set('session', planted);
    const res = await browser.form('/login', { email: victim.email, password: victim.password });
    expect(res.status).toBe(303);
    expect(sessionIdOf(browser.jar.get('session')!)).not.toBe(sessionIdOf(planted));
    expect((await read(await browser.get('/api/v1/me'))).body.email).toBe(victim.email);
    const replay = client();
    replay.jar.set('session', planted);
    expect((await replay.get('/api/v1/me')).status).toBe(401);
  });
});

describe('password hashes', () => {
  it('are upgraded on sign-in when the stored one has weaker parameters', async () => {
    const p = newPerson('rehash');
    const id = await registerAndVerify(t, client(), p);
    const weak = await createNodeHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 }).hash(
      p.password,
    );
    await t.db.update(users).set({ passwordHash: weak }).where(eq(users.id, id));

    await signIn(client(), p);
    const stored = (await userById(t, id))!.passwordHash!;
    expect(stored).not.toBe(weak);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signIn(client(), p);
    expect((await userById(t, id))!.passwordHash).toBe(stored); // no rehash once strong
  });
});

describe('an unknown address and a wrong password', () => {
  // Wall-clock timing on a busy machine is noisy; a real regression fails every retry.
  it(
    'get the same answer in similar time, because a dummy hash is verified for unknown addresses',
    { retry: 2 },
    async () => {
      const p = newPerson('timing');
      await registerAndVerify(t, client(), p);
      const real = t.deps.hasher;
      let verifies = 0;
      const counting: PasswordHasher = {
        ...real,
        verify: (h, pw) => (verifies++, real.verify(h, pw)),
      };
      t.deps.hasher = counting;
      try {
        const c = client();
        const unknownEmail = newPerson('ghost').email;
        const attempt = async (email: string) => {
          const before = verifies;
          const started = performance.now();
          const res = await read(
            await loginRequest(c, { email, password: 'wrong long passphrase 3' }),
          );
          const ms = performance.now() - started;
          expect(verifies - before).toBe(1); // one argon2 verify on either path
          return { ...res, ms };
        };
        await attempt(unknownEmail); // warms up the dummy hash
        // What one argon2 verify costs here, measured alongside: both paths must spend that.
        const hash = await real.hash('some other long passphrase');
        const unknown: number[] = [];
        const wrong: number[] = [];
        const verifyMs: number[] = [];
        let unknownBody: unknown;
        let wrongBody: unknown;
        for (let i = 0; i < 7; i++) {
          const u = await attempt(unknownEmail);
          const w = await attempt(p.email);
          const started = performance.now();
          await real.verify(hash, 'nope nope nope nope');
          verifyMs.push(performance.now() - started);
          expect(u.status).toBe(401);
          expect(w.status).toBe(401);
          unknown.push(u.ms);
          wrong.push(w.ms);
          unknownBody = u.body;
          wrongBody = w.body;
        }
        expect(unknownBody).toEqual(wrongBody);
        expect((wrongBody as { type: string }).type).toMatch(problemType('invalid-credentials'));

        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const [mu, mw, mv] = [median(unknown), median(wrong), median(verifyMs)];
        const summary = `unknown ${mu.toFixed(1)}ms, wrong ${mw.toFixed(1)}ms, one verify ${mv.toFixed(1)}ms`;
        expect(mu, summary).toBeGreaterThan(mv * 0.8);
        expect(mw, summary).toBeGreaterThan(mv * 0.8);
        expect(Math.max(mu, mw) / Math.min(mu, mw), summary).toBeLessThan(2);
      } finally {
        t.deps.hasher = real;
      }
    },
  );
});

describe('new-device notice and "This wasn\'t me"', () => {
  it("tells the time in the person's own time zone, or in UTC, named, when none is set", async () => {
    const p = newPerson('zone-mail');
    const id = await registerAndVerify(t, client(), p);
    await signIn(client(), p);
    t.clock.set(new Date('2026-07-01T09:15:00Z'));
    try {
      await signIn(client(), p, { headers: { 'user-agent': windowsChrome } });
      await t.db.update(users).set({ timeZone: 'America/New_York' }).where(eq(users.id, id));
      await signIn(client(), p, { headers: { 'user-agent': iphoneSafari } });
      await t.sendMail();
      const texts = t.resend.to(p.email).map((m) => m.text ?? '');
      expect(texts.find((x) => x.includes('Chrome / Windows'))).toMatch(/1 Jul 2026, 09:15 UTC/);
      // 09:15 UTC is 05:15 in New York in summer.
      expect(texts.find((x) => x.includes('Safari / iOS'))).toMatch(/1 Jul 2026, 05:15 GMT-4/);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('mails on a sign-in from another browser, not from the same one', async () => {
    const p = newPerson('devices');
    const id = await registerAndVerify(t, client(), p);
    // A script that sends no User-Agent is one device too, not a new one every time.
    await signIn(client(), p);
    await signIn(client(), p);
    expect(await outboxOf(t, id, 'new-sign-in')).toHaveLength(0);
    await signIn(client(), p, { headers: { 'user-agent': windowsChrome } });
    expect(await outboxOf(t, id, 'new-sign-in')).toHaveLength(1);
    await signIn(client(), p, { headers: { 'user-agent': windowsChrome } });
    expect(await outboxOf(t, id, 'new-sign-in')).toHaveLength(1);
    await signIn(client(), p, { headers: { 'user-agent': iphoneSafari } });
    expect(await outboxOf(t, id, 'new-sign-in')).toHaveLength(2);
    // The notice names the device and carries the "This wasn't me" link.
    expect(await mailedToken(t, p.email, '/not-me')).toMatch(/^[a-z2-7]{32}$/);
    const notices = t.resend.to(p.email).map((m) => m.text ?? '');
    expect(notices.filter((text) => text.includes('Chrome / Windows'))).toHaveLength(1);
    expect(notices.filter((text) => text.includes('Safari / iOS'))).toHaveLength(1);
  });

  it('ends every session from the mailed link and requires a reset before the password works again', async () => {
    const p = newPerson('notme');
    const id = await registerAndVerify(t, client(), p);
    const laptop = client();
    await signIn(laptop, p, { headers: { 'user-agent': windowsChrome } });
    const intruder = client();
    await signIn(intruder, p, { headers: { 'user-agent': iphoneSafari } });
    expect(await sessionsOf(t, id)).toHaveLength(2);

    const notMe = await mailedToken(t, p.email, '/not-me');
    const res = await read(await createClient(t).post('/api/v1/auth/not-me', { token: notMe }));
    expect(res.status).toBe(200);
    expect(await sessionsOf(t, id)).toHaveLength(0);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    expect((await intruder.get('/api/v1/me')).status).toBe(401);

    const blocked = await read(await loginRequest(client(), p));
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toMatch(problemType('password-reset-required'));
    // A wrong password still tells nothing more than any wrong password.
    expect(
      (await loginRequest(client(), { ...p, password: 'wrong long passphrase 5' })).status,
    ).toBe(401);
    // The link acts once.
    expect((await createClient(t).post('/api/v1/auth/not-me', { token: notMe })).status).toBe(400);

    const reset = await mailedToken(t, p.email, '/reset-password');
    const newPassword = 'brand new long passphrase 8';
    expect(
      (
        await createClient(t).post('/api/v1/auth/password/reset', {
          token: reset,
          password: newPassword,
        })
      ).status,
    ).toBe(204);
    expect((await loginRequest(client(), p)).status).toBe(401);
    expect((await loginRequest(client(), { ...p, password: newPassword })).status).toBe(200);
  });
});
