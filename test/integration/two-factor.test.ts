import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, recoveryCodes, totpCredentials } from '../../db/schema';
import { appUrl } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import {
  loginRequest,
  mailedToken,
  outboxOf,
  problemType,
  read,
  setCookieFor,
  signedInPerson,
  type Person,
} from '../helpers/accounts';
import { totpCodeAt } from '../../src/auth/two-factor/totp';
import { createSoftCredential, softAssertion } from '../../src/passkeys/soft-authenticator';

let ipSeq = 0;
const client = () => createClient(t, { ip: `203.0.113.${++ipSeq}` });
const minute = 60_000;
const step = 30_000;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const signedIn = (label: string) => signedInPerson(t, label, client);

/** Turns two-step sign-in on; the clock then moves to the next step, as a person would wait. */
async function enrol(c: Client) {
  const setup = await read(await c.post('/api/v1/me/2fa/setup'));
  expect(setup.status).toBe(200);
  const enabled = await read(
    await c.post('/api/v1/me/2fa/enable', { code: totpCodeAt(setup.body.secret, t.clock.now()) }),
  );
  expect(enabled.status).toBe(200);
  t.clock.advance(step);
  return { secret: setup.body.secret as string, codes: enabled.body.recoveryCodes as string[] };
}

async function enrolled(label: string) {
  const s = await signedIn(label);
  return { ...s, ...(await enrol(s.c)) };
}

/** The password step: answers {twoFactorRequired: true} and leaves the pending cookie. */
async function passwordStep(c: Client, p: Person) {
  const res = await read(await loginRequest(c, p));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ twoFactorRequired: true });
  return res;
}

describe('enrolment', () => {
  it('gives a secret, an otpauth URI and an SVG QR code, and turns on only with a right code; ten recovery codes come back once', async () => {
    const { p, id, c } = await signedIn('enrol');
    expect((await read(await c.get('/api/v1/me/2fa'))).body).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    const setup = await read(await c.post('/api/v1/me/2fa/setup'));
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.body.otpauthUrl);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('secret')).toBe(setup.body.secret);
    expect(uri.searchParams.get('issuer')).toBe(t.deps.config.schoolName);
    expect(decodeURIComponent(uri.pathname)).toContain(p.email);
    expect(setup.body.qrSvg).toMatch(/^<svg [^>]*viewBox/);

    // Not in force yet: the password alone still signs in.
    expect((await read(await loginRequest(client(), p))).body.user.id).toBe(id);

    const wrong = await read(
      await c.post('/api/v1/me/2fa/enable', {
        code: '000000' === totpCodeAt(setup.body.secret, t.clock.now()) ? '111111' : '000000',
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.type).toMatch(problemType('invalid-code'));

    const ok = await read(
      await c.post('/api/v1/me/2fa/enable', { code: totpCodeAt(setup.body.secret, t.clock.now()) }),
    );
    expect(ok.status).toBe(200);
    const codes: string[] = ok.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    // Stored hashed: no code appears in the table.
    const stored = await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id));
    expect(stored).toHaveLength(10);
    for (const row of stored)
      expect(codes.map((x) => x.replace(/-/g, ''))).not.toContain(row.codeHash);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);

    const status = await read(await c.get('/api/v1/me/2fa'));
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await outboxOf(t, id, 'two-factor-enabled')).toHaveLength(1);
    expect((await read(await c.post('/api/v1/me/2fa/setup'))).status).toBe(409);
  });

  it('setup needs a privileged session; an unconfirmed setup expires after 30 minutes', async () => {
    const { c } = await signedIn('enrol-priv');
    t.clock.advance(11 * minute);
    const refused = await read(await c.post('/api/v1/me/2fa/setup'));
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(problemType('reauth-required'));

    const { c: c2 } = await signedIn('enrol-expire');
    const setup = await read(await c2.post('/api/v1/me/2fa/setup'));
    t.clock.advance(31 * minute);
    const late = await read(
      await c2.post('/api/v1/me/2fa/enable', {
        code: totpCodeAt(setup.body.secret, t.clock.now()),
      }),
    );
    expect(late.status).toBe(409);
    expect(late.body.type).toMatch(problemType('two-factor-setup-missing'));
  });
});

describe('signing in with two-step sign-in on', () => {
  it('answers {twoFactorRequired: true} with no session after the password, then signs in with the app code', async () => {
    const { p, id, secret } = await enrolled('signin');
    const c = client();
    const step1 = await loginRequest(c, p);
    expect(await step1.clone().json()).toEqual({ twoFactorRequired: true });
    expect(setCookieFor(step1, 'session')).toBeUndefined();
    const pending = setCookieFor(step1, 'two-factor')!;
    expect(pending).toMatch(/HttpOnly/i);
    expect(pending).toMatch(/Max-Age=300/);
    expect((await c.get('/api/v1/me')).status).toBe(401); // half signed in is not signed in

    const wrong = await read(
      await c.post('/api/v1/auth/2fa', {
        code: totpCodeAt(secret, new Date(t.clock.now().getTime() + 10 * step)),
      }),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toMatch(problemType('invalid-code'));

    const done = await c.post('/api/v1/auth/2fa', { code: totpCodeAt(secret, t.clock.now()) });
    expect(done.status).toBe(200);
    expect(setCookieFor(done, 'session')).toMatch(/HttpOnly/i);
    expect(setCookieFor(done, 'two-factor')).toMatch(/Max-Age=0/i);
    expect((await read(await c.get('/api/v1/me'))).body.id).toBe(id);
    const signIns = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'sign-in')));
    expect(signIns.map((e) => e.details)).toContainEqual({ method: 'password+totp' });
  });

  it('does not finish a sign-in whose code comes after the account’s deletion date', async () => {
    const { p, id, c: own, secret } = await enrolled('past-due');
    expect((await own.delete('/api/v1/me')).status).toBe(202);
    const due = (await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, id) }))!
      .deletionScheduledFor!;
    // The password step a minute before the date, the code a minute after it.
    t.clock.set(new Date(due.getTime() - minute));
    const c = client();
    await passwordStep(c, p);
    t.clock.set(new Date(due.getTime() + minute));
    const late = await c.post('/api/v1/auth/2fa', { code: totpCodeAt(secret, t.clock.now()) });
    expect(late.status).toBe(401);
    expect(setCookieFor(late, 'session')).toBeUndefined();
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const cancelled = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'deletion.cancelled')));
    expect(cancelled).toEqual([]);
  });

  it('takes a code once: the same code again, or an older one after a newer, is refused', async () => {
    const { p, secret } = await enrolled('reuse');
    const code = totpCodeAt(secret, t.clock.now());
    const first = client();
    await passwordStep(first, p);
    expect((await first.post('/api/v1/auth/2fa', { code })).status).toBe(200);

    const second = client();
    await passwordStep(second, p);
    const again = await read(await second.post('/api/v1/auth/2fa', { code }));
    expect(again.status).toBe(401);
    expect(again.body.type).toMatch(problemType('code-used'));

    // One step of drift is allowed, but not going back behind a code already used.
    const ahead = totpCodeAt(secret, new Date(t.clock.now().getTime() + step));
    expect((await second.post('/api/v1/auth/2fa', { code: ahead })).status).toBe(200);
    t.clock.advance(step);
    const third = client();
    await passwordStep(third, p);
    const older = totpCodeAt(secret, new Date(t.clock.now().getTime() - step));
    expect((await read(await third.post('/api/v1/auth/2fa', { code: older }))).body.type).toMatch(
      problemType('code-used'),
    );
  });

  it('ends the half-signed-in state after 5 minutes, and without its cookie', async () => {
    const { p, secret } = await enrolled('pending-expiry');
    const c = client();
    await passwordStep(c, p);
    const noCookie = await read(
      await client().post('/api/v1/auth/2fa', { code: totpCodeAt(secret, t.clock.now()) }),
    );
    expect(noCookie.status).toBe(401);
    expect(noCookie.body.type).toMatch(problemType('two-factor-expired'));
    t.clock.advance(5 * minute + 1000);
    const late = await read(
      await c.post('/api/v1/auth/2fa', { code: totpCodeAt(secret, t.clock.now()) }),
    );
    expect(late.status).toBe(401);
    expect(late.body.type).toMatch(problemType('two-factor-expired'));
  });

  it('limits wrong codes per account: 429 with Retry-After, even for the right code', async () => {
    const { p, secret } = await enrolled('limit');
    const c = client();
    await passwordStep(c, p);
    const bad = totpCodeAt(secret, new Date(t.clock.now().getTime() + 20 * step));
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/v1/auth/2fa', { code: bad })).status).toBe(401);
    // A new password step from another address does not reset the account's count.
    const other = client();
    await passwordStep(other, p);
    const limited = await read(
      await other.post('/api/v1/auth/2fa', { code: totpCodeAt(secret, t.clock.now()) }),
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(31 * minute);
    const fresh = client();
    await passwordStep(fresh, p);
    expect(
      (await fresh.post('/api/v1/auth/2fa', { code: totpCodeAt(secret, t.clock.now()) })).status,
    ).toBe(200);
  });

  it('works for token clients: the pending token comes in the body and goes back with the code', async () => {
    const { p, secret } = await enrolled('token-client');
    const app = createClient(t);
    const step1 = await read(await loginRequest(app, p, { tokenInBody: true, origin: null }));
    expect(step1.body).toEqual({
      twoFactorRequired: true,
      twoFactorToken: expect.stringMatching(/^[a-z2-7]{32}$/),
    });
    const cookieless = createClient(t);
    const done = await read(
      await cookieless.post(
        '/api/v1/auth/2fa',
        {
          code: totpCodeAt(secret, t.clock.now()),
          twoFactorToken: step1.body.twoFactorToken,
          tokenInBody: true,
        },
        { origin: null },
      ),
    );
    expect(done.status).toBe(200);
    expect(done.body.token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
  });
});

describe('recovery codes', () => {
  it('sign in instead of an app code, once each; using one is logged and mailed', async () => {
    const { p, id, codes } = await enrolled('recovery');
    const c = client();
    await passwordStep(c, p);
    // As printed, in capitals, with spaces: all the same code.
    const typed = codes[0]!.toUpperCase().replace(/-/g, ' ');
    const res = await c.post('/api/v1/auth/2fa', { code: typed });
    expect(res.status).toBe(200);
    const signIns = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'sign-in')));
    expect(signIns.map((e) => e.details)).toContainEqual({ method: 'password+recovery-code' });
    const used = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.userId, id), eq(auditEvents.action, 'two-factor.recovery-code-used')),
      );
    expect(used.map((e) => e.details)).toEqual([{ left: 9 }]);
    const mails = await outboxOf(t, id, 'recovery-code-used');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toMatch(/Recovery codes left: 9\./);
    expect(mails[0]!.text).toMatch(/\/not-me\?token=/);

    const again = client();
    await passwordStep(again, p);
    const reused = await read(await again.post('/api/v1/auth/2fa', { code: codes[0] }));
    expect(reused.status).toBe(401);
    expect(reused.body.type).toMatch(problemType('invalid-code'));
  });

  it('run out: after all ten, none works and the last mail says so', async () => {
    const { p, id, c: cabinet, codes } = await enrolled('exhaust');
    for (const code of codes) {
      const c = client();
      await passwordStep(c, p);
      expect((await c.post('/api/v1/auth/2fa', { code })).status).toBe(200);
    }
    expect((await read(await cabinet.get('/api/v1/me/2fa'))).body.recoveryCodesLeft).toBe(0);
    const c = client();
    await passwordStep(c, p);
    for (const code of codes.slice(0, 3))
      expect((await read(await c.post('/api/v1/auth/2fa', { code }))).body.type).toMatch(
        problemType('invalid-code'),
      );
    const mails = await outboxOf(t, id, 'recovery-code-used');
    expect(mails).toHaveLength(10);
    expect(mails.some((m) => /last recovery code/.test(m.text ?? ''))).toBe(true);
  });

  it('can be replaced (privileged): the old ones stop working', async () => {
    const { p, id, c, codes } = await enrolled('regenerate');
    const fresh = await read(await c.post('/api/v1/me/2fa/recovery-codes'));
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect(fresh.body.recoveryCodes).not.toContain(codes[0]);
    const d = client();
    await passwordStep(d, p);
    expect((await d.post('/api/v1/auth/2fa', { code: codes[0] })).status).toBe(401);
    expect((await d.post('/api/v1/auth/2fa', { code: fresh.body.recoveryCodes[0] })).status).toBe(
      200,
    );
    expect(await outboxOf(t, id, 'recovery-codes-regenerated')).toHaveLength(1);
    t.clock.advance(11 * minute);
    expect((await c.post('/api/v1/me/2fa/recovery-codes')).status).toBe(403);
  });
});

describe('turning two-step sign-in off', () => {
  it('needs a privileged session; afterwards the password alone signs in again', async () => {
    const { p, id, c } = await enrolled('disable');
    t.clock.advance(11 * minute);
    const refused = await read(await c.delete('/api/v1/me/2fa'));
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(problemType('reauth-required'));
    expect((await c.post('/api/v1/auth/reauth', { password: p.password })).status).toBe(204);
    expect((await c.delete('/api/v1/me/2fa')).status).toBe(204);
    expect((await read(await c.delete('/api/v1/me/2fa'))).status).toBe(409);
    expect(await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, id))).toEqual(
      [],
    );
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id))).toEqual([]);
    expect((await read(await loginRequest(client(), p))).body.user.id).toBe(id);
    expect(await outboxOf(t, id, 'two-factor-disabled')).toHaveLength(1);
  });

  it('"This wasn’t me" on the enabled notice turns it off again, so an intruder cannot lock the owner out', async () => {
    const { p, id } = await enrolled('not-me-2fa');
    const token = await mailedToken(t, p.email, '/not-me');
    expect((await client().post('/api/v1/auth/not-me', { token })).status).toBe(200);
    expect(await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, id))).toEqual(
      [],
    );
  });
});

describe('passkeys with two-step sign-in on', () => {
  it('sign in without a code, but only when the authenticator verified the person', async () => {
    const { c } = await signedIn('passkey-2fa');
    const options = await read(await c.post('/api/v1/me/passkeys/options'));
    const { credential, response } = await createSoftCredential(options.body, appUrl);
    expect((await c.post('/api/v1/me/passkeys', { response })).status).toBe(201);
    await enrol(c);
    const tryWith = async (userVerified: boolean) => {
      const b = client();
      const o = await read(await b.post('/api/v1/auth/passkey/options'));
      return read(
        await b.post('/api/v1/auth/passkey/verify', {
          response: await softAssertion(credential, o.body, appUrl, { userVerified }),
        }),
      );
    };
    const presenceOnly = await tryWith(false);
    expect(presenceOnly.status).toBe(401);
    expect(presenceOnly.body.type).toMatch(problemType('passkey-user-not-verified'));
    expect((await tryWith(true)).status).toBe(200);
  });
});

describe('pages', () => {
  it('the password form leads to /login/2fa, which takes the code and signs in', async () => {
    const { p, secret } = await enrolled('pages');
    const c = client();
    const form = await c.form('/login?next=%2Faccount%2Fsecurity', {
      email: p.email,
      password: p.password,
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/login/2fa?next=%2Faccount%2Fsecurity');
    expect(setCookieFor(form, 'session')).toBeUndefined();
    const page = await c.get('/login/2fa?next=%2Faccount%2Fsecurity');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('autocomplete="one-time-code"');
    expect(html).toContain('action="/login/2fa?next=%2Faccount%2Fsecurity"');

    const wrong = await c.form('/login/2fa?next=%2Faccount%2Fsecurity', { code: '12345' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That code is not right');
    const ok = await c.form('/login/2fa?next=%2Faccount%2Fsecurity', {
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/account/security');
    expect((await c.get('/api/v1/me')).status).toBe(200);

    const stranger = await client().get('/login/2fa');
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe('/login?notice=two-factor-expired');
  });

  it('the cabinet enrols without JavaScript: QR image and key, code, then the recovery codes once', async () => {
    const { c } = await signedIn('pages-enrol');
    const security = await (await c.get('/account/security')).text();
    expect(security).toContain('action="/account/security/2fa/setup"');
    const started = await c.form('/account/security/2fa/setup', {});
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe('/account/security/2fa/setup');
    const setup = await c.get('/account/security/2fa/setup');
    expect(setup.status).toBe(200);
    const html = await setup.text();
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="QR code/);
    const secret = /<code id="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
    const wrong = await c.form('/account/security/2fa/enable', { code: 'abc' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain(secret.slice(0, 4));
    const done = await c.form('/account/security/2fa/enable', {
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(done.status).toBe(200);
    const codesPage = await done.text();
    expect(codesPage.match(/<li><code>[a-z2-7-]{19}<\/code><\/li>/g)).toHaveLength(10);
    const after = await (await c.get('/account/security')).text();
    expect(after).toContain('Recovery codes left: 10 of 10.');
    // Turning it off goes through its own confirmation page: no form on this page posts it.
    expect(after).toContain('href="/account/security/2fa/disable"');
    expect(after).not.toContain('action="/account/security/2fa/disable"');
  });
});

describe('turning two-step sign-in off from the cabinet asks first, on its own page', () => {
  const page = '/account/security/2fa/disable';
  const isOn = async (userId: string) =>
    (await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId))).length ===
    1;

  it('says since when it is on and how many recovery codes are left; opening it or cancelling changes nothing', async () => {
    const enabledAt = t.clock.now();
    const { id, c } = await enrolled('confirm-show');
    const res = await c.get(page);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Turn off two-step sign-in?</h1>');
    const when = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(enabledAt);
    expect(html).toContain(when);
    expect(html).toContain('10 of 10 unused');
    expect(html).toContain('every recovery code is deleted');
    expect(
      html.match(/<form method="post" action="\/account\/security\/2fa\/disable">/g),
    ).toHaveLength(1);
    expect(html).toMatch(
      /<button type="submit" class="button danger">Turn off two-step sign-in<\/button>\s*<a href="\/account\/security#two-factor">Cancel<\/a>/,
    );
    // Cancel is a plain link back; nothing was turned off and nothing was mailed.
    expect(await (await c.get('/account/security')).text()).toContain(
      'Recovery codes left: 10 of 10.',
    );
    expect(await isOn(id)).toBe(true);
    expect(await outboxOf(t, id, 'two-factor-disabled')).toEqual([]);
  });

  it('turns it off with the POST: logged, mailed, and the page says so', async () => {
    const { id, c } = await enrolled('confirm-post');
    const res = await c.form(page, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      '/account/security?notice=two-factor-disabled#two-factor',
    );
    expect(await isOn(id)).toBe(false);
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id))).toEqual([]);
    expect(
      await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'two-factor.disabled'))),
    ).toHaveLength(1);
    expect(await outboxOf(t, id, 'two-factor-disabled')).toHaveLength(1);
    expect(await (await c.get('/account/security?notice=two-factor-disabled')).text()).toContain(
      'Two-step sign-in is off.',
    );
    // Off already: the confirmation page has nothing to ask and leads back.
    const again = await c.get(page);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/account/security#two-factor');
  });

  it('asks to re-authenticate first, then comes back to the confirmation', async () => {
    const { p, id, c } = await enrolled('confirm-reauth');
    t.clock.advance(11 * minute);
    const reauth = `/reauth?next=${encodeURIComponent(page)}`;
    for (const res of [await c.get(page), await c.form(page, {})]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(reauth);
    }
    expect(await isOn(id)).toBe(true);
    expect((await c.form(reauth, { password: p.password })).headers.get('location')).toBe(page);
    expect((await c.get(page)).status).toBe(200);
  });

  it('follows the same cross-site rules as every other form: a foreign or missing Origin is refused', async () => {
    const { id, c } = await enrolled('confirm-csrf');
    expect((await c.form(page, {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await c.form(page, {}, { origin: null })).status).toBe(403);
    expect(await isOn(id)).toBe(true);
    const anonymous = await client().get(page);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(page)}`);
  });

  it('speaks Ukrainian', async () => {
    const { c } = await enrolled('confirm-uk');
    expect((await c.patch('/api/v1/me', { locale: 'uk' })).status).toBe(200);
    const html = await (await c.get(page)).text();
    expect(html).toContain('<html lang="uk"');
    expect(html).toContain('Вимкнути двоетапний вхід?');
    expect(html).toContain('невикористаних: 10 з 10');
  });
});
