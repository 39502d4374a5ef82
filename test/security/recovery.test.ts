import { describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { passkeys, recoveryCodes, tokens, totpCredentials } from '../../db/schema';
import { totpCodeAt } from '../../src/auth/two-factor/totp';
import {
  createSoftCredential,
  softAssertion,
  type SoftCredential,
} from '../../src/passkeys/soft-authenticator';
import { runDueJobs } from '../../src/jobs/schedule';
import { createTestApp, appUrl } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import {
  loginRequest,
  newPerson,
  problemType,
  read,
  registerRequest,
  sessionsOf,
  signedInPerson,
  signIn,
  userByEmail,
  type Person,
} from '../helpers/accounts';
import { promises } from './promises';

/**
 * SECURITY.md, "Recovery": one test per line. Each plays the intruder's moves first, then the
 * owner's recovery, then checks that the intruder's way back in is gone.
 */
let ipSeq = 0;
const client = (userAgent?: string) => {
  const c = createClient(t, { ip: `192.0.2.${++ipSeq % 250}` });
  if (!userAgent) return c;
  // A different browser: the owner gets a "new sign-in" notice about it.
  const request: Client['request'] = (method, path, body, options = {}) =>
    c.request(method, path, body, {
      ...options,
      headers: { 'user-agent': userAgent, ...options.headers },
    });
  return {
    ...c,
    request,
    get: (path: string, o?: Parameters<Client['get']>[1]) => request('GET', path, undefined, o),
    post: (path: string, body?: unknown, o?: Parameters<Client['post']>[2]) =>
      request('POST', path, body, o),
    put: (path: string, body?: unknown, o?: Parameters<Client['put']>[2]) =>
      request('PUT', path, body, o),
    patch: (path: string, body?: unknown, o?: Parameters<Client['patch']>[2]) =>
      request('PATCH', path, body, o),
    delete: (path: string, o?: Parameters<Client['delete']>[1]) =>
      request('DELETE', path, undefined, o),
  };
};
const minute = 60_000;
const day = 24 * 60 * minute;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

/** The mailbox of one address, read from a point on: what arrived since `mark()`. */
function mailbox(address: string) {
  let seen = 0;
  return {
    async mark() {
      await t.sendMail();
      seen = t.resend.to(address).length;
    },
    async fresh() {
      await t.sendMail();
      const mails = t.resend.to(address).slice(seen);
      seen += mails.length;
      return mails;
    },
    /** Every `path` token in mails that arrived since the mark, oldest first. */
    async links(path: string) {
      const pattern = new RegExp(
        `https?://[^\\s]+${path.replace(/\//g, '\\/')}\\?token=([a-z2-7]+)`,
        'g',
      );
      return (await this.fresh()).flatMap((m) =>
        [...(m.text ?? '').matchAll(pattern)].map((match) => match[1]!),
      );
    },
    async link(path: string) {
      const found = await this.links(path);
      if (found.length !== 1)
        throw new Error(`expected one ${path} link to ${address}, got ${found.length}`);
      return found[0]!;
    },
  };
}

async function addPasskey(c: Client) {
  const options = await read(await c.post('/api/v1/me/passkeys/options'));
  expect(options.status).toBe(200);
  const made = await createSoftCredential(options.body, appUrl, { userVerified: true });
  expect(
    (await c.post('/api/v1/me/passkeys', { response: made.response, name: 'mine' })).status,
  ).toBe(201);
  return made.credential;
}

async function passkeySignIn(cred: SoftCredential) {
  const c = client();
  const options = await read(await c.post('/api/v1/auth/passkey/options'));
  const response = await softAssertion(cred, options.body, appUrl, { userVerified: true });
  return read(await c.post('/api/v1/auth/passkey/verify', { response }));
}

async function enrolTotp(c: Client) {
  const setup = await read(await c.post('/api/v1/me/2fa/setup'));
  expect(setup.status).toBe(200);
  const enabled = await read(
    await c.post('/api/v1/me/2fa/enable', { code: totpCodeAt(setup.body.secret, t.clock.now()) }),
  );
  expect(enabled.status).toBe(200);
  t.clock.advance(30_000);
  return setup.body.secret as string;
}

async function resetPassword(p: Person, token: string, password: string) {
  expect((await client().post('/api/v1/auth/password/reset', { token, password })).status).toBe(
    204,
  );
  p.password = password;
}

async function factorsOf(userId: string) {
  return {
    passkeys: (await t.db.select().from(passkeys).where(eq(passkeys.userId, userId))).length,
    totp: (await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, userId)))
      .length,
    recoveryCodes: (
      await t.db
        .select()
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    ).length,
  };
}

async function outstandingLinks(userId: string) {
  const rows = await t.db
    .select()
    .from(tokens)
    .where(and(eq(tokens.userId, userId), isNull(tokens.usedAt)));
  return rows
    .filter((r) => r.expiresAt > t.clock.now())
    .map((r) => r.purpose)
    .sort();
}

describe('SECURITY.md: recovery', () => {
  it(promises.recoveryNotMe, async () => {
    const { p, id, c: owner } = await signedInPerson(t, 'not-me-any', () => client());
    const ownerKey = await addPasskey(owner);
    const box = mailbox(p.email);
    t.clock.advance(minute);
    await box.mark();

    // The intruder knows the password: signs in from another browser (the owner is told),
    // asks to move the account to their own address, adds a passkey and turns on a code.
    const intruder = client('Intruder/1.0');
    expect((await read(await loginRequest(intruder, p))).status).toBe(200);
    const alert = await box.link('/not-me');
    const intruderMail = `taken.${p.email}`;
    expect((await intruder.post('/api/v1/me/email', { newEmail: intruderMail })).status).toBe(202);
    const intruderKey = await addPasskey(intruder);
    await enrolTotp(intruder);
    const moveLink = await mailbox(intruderMail).links('/account/email/confirm');
    expect(moveLink).toHaveLength(1);

    // The owner clicks "This wasn't me" on the first notice: the sign-in alert.
    await box.mark();
    expect((await client().post('/api/v1/auth/not-me', { token: alert })).status).toBe(200);

    // Everything the intruder added since that sign-in is gone; the owner's older passkey stays.
    expect(await factorsOf(id)).toEqual({ passkeys: 1, totp: 0, recoveryCodes: 0 });
    expect(await sessionsOf(t, id)).toEqual([]);
    expect((await owner.get('/api/v1/me')).status).toBe(401);
    expect((await intruder.get('/api/v1/me')).status).toBe(401);
    // The pending move to the intruder's address is dead, and so is every other emailed link
    // but the fresh reset link that went to the owner.
    expect((await client().post('/api/v1/me/email/confirm', { token: moveLink[0] })).status).toBe(
      400,
    );
    expect((await outstandingLinks(id)).filter((purpose) => purpose !== 'not-me')).toEqual([
      'reset-password',
    ]);
    const reset = await box.link('/reset-password');

    // Until the reset, no way in: not the password, not even a passkey.
    expect((await passkeySignIn(intruderKey)).status).toBe(401);
    const refused = await passkeySignIn(ownerKey);
    expect(refused.status).toBe(403);
    expect(refused.body.type).toMatch(problemType('password-reset-required'));
    expect((await read(await loginRequest(client(), p))).body.type).toMatch(
      problemType('password-reset-required'),
    );

    // After the reset the owner signs in with the password alone: no intruder's code in the way.
    await resetPassword(p, reset, 'a brand new owner passphrase 9');
    expect((await read(await loginRequest(client(), p))).body.user?.id).toBe(id);
    expect((await passkeySignIn(ownerKey)).status).toBe(200);
    expect((await passkeySignIn(intruderKey)).status).toBe(401);
  });

  it(promises.recoveryReset, async () => {
    const { p, id, c: owner } = await signedInPerson(t, 'reset-keeps', () => client());
    // Someone else who knows the password is signed in too, and starts moving the account to
    // their own address; the owner has a passkey and an authenticator app.
    const other = client();
    await signIn(other, p);
    const ownerKey = await addPasskey(owner);
    await enrolTotp(owner);
    const box = mailbox(p.email);
    const intruderMail = `move.${p.email}`;
    expect((await other.post('/api/v1/me/email', { newEmail: intruderMail })).status).toBe(202);
    const [move] = await mailbox(intruderMail).links('/account/email/confirm');

    // The owner changes the password: other sessions end, the pending move dies.
    await box.mark();
    expect(
      (
        await owner.post('/api/v1/me/password', {
          currentPassword: p.password,
          newPassword: 'owner changed it 4 safety',
        })
      ).status,
    ).toBe(204);
    p.password = 'owner changed it 4 safety';
    expect((await owner.get('/api/v1/me')).status).toBe(200);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await client().post('/api/v1/me/email/confirm', { token: move })).status).toBe(400);

    // A reset link asked for earlier, and a second one asked now: the reset by one kills the
    // other and every session; second factors stay (mailbox access alone cannot strip them).
    expect((await client().post('/api/v1/auth/password/forgot', { email: p.email })).status).toBe(
      202,
    );
    const [first] = await box.links('/reset-password');
    expect((await owner.post('/api/v1/me/email', { newEmail: `again.${p.email}` })).status).toBe(
      202,
    );
    const [again] = await mailbox(`again.${p.email}`).links('/account/email/confirm');
    t.clock.advance(minute);
    expect((await client().post('/api/v1/auth/password/forgot', { email: p.email })).status).toBe(
      202,
    );
    const [second] = await box.links('/reset-password');
    await resetPassword(p, second!, 'reset by the owner 5 times');
    expect(
      (
        await client().post('/api/v1/auth/password/reset', {
          token: first,
          password: 'intruder wants this 1',
        })
      ).status,
    ).toBe(400);
    expect((await client().post('/api/v1/me/email/confirm', { token: again })).status).toBe(400);
    expect(await sessionsOf(t, id)).toEqual([]);
    expect(await factorsOf(id)).toEqual({ passkeys: 1, totp: 1, recoveryCodes: 10 });
    expect((await read(await loginRequest(client(), p))).body).toEqual({ twoFactorRequired: true });

    // "This wasn't me" on the password-changed notice requires a reset: the passkey, though
    // older than the notice and kept, signs nobody in until the reset is done.
    const notMe = (await box.links('/not-me')).at(-1)!;
    await box.mark();
    expect((await client().post('/api/v1/auth/not-me', { token: notMe })).status).toBe(200);
    expect((await passkeySignIn(ownerKey)).status).toBe(403);
    await resetPassword(p, await box.link('/reset-password'), 'owner after not me 6');
    expect((await passkeySignIn(ownerKey)).status).toBe(200);
    expect(await factorsOf(id)).toMatchObject({ passkeys: 1, totp: 1 });
  });

  it(promises.recoveryEmailChange, async () => {
    const { p, id, c: here } = await signedInPerson(t, 'email-change', () => client());
    const elsewhere = client();
    await signIn(elsewhere, p);
    const oldBox = mailbox(p.email);
    // A reset link already out to the old address.
    expect((await client().post('/api/v1/auth/password/forgot', { email: p.email })).status).toBe(
      202,
    );
    const [oldReset] = await oldBox.links('/reset-password');

    const newEmail = `new.${p.email}`;
    expect((await here.post('/api/v1/me/email', { newEmail })).status).toBe(202);
    const [confirm] = await mailbox(newEmail).links('/account/email/confirm');
    expect((await here.post('/api/v1/me/email/confirm', { token: confirm })).status).toBe(200);

    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect(
      (
        await client().post('/api/v1/auth/password/reset', {
          token: oldReset,
          password: 'someone at old address 1',
        })
      ).status,
    ).toBe(400);

    // The old address is told, with an undo that still works on day 6 and puts it back.
    const undo = await oldBox.link('/not-me');
    const [row] = await t.db
      .select()
      .from(tokens)
      .where(and(eq(tokens.userId, id), eq(tokens.purpose, 'not-me'), isNull(tokens.usedAt)));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(7 * day);
    t.clock.advance(6 * day);
    expect((await client().post('/api/v1/auth/not-me', { token: undo })).status).toBe(200);
    expect((await userByEmail(t, p.email))?.id).toBe(id);
    expect(await sessionsOf(t, id)).toEqual([]);
  });

  it(promises.recoveryRegistration, async () => {
    const ownerPassword = 'the owner picked this 1';
    const intruderPassword = 'the intruder picked this 2';
    for (const order of ['owner first', 'intruder first'] as const) {
      const p = newPerson(`prehijack-${order.split(' ')[0]}`);
      const box = mailbox(p.email);
      const owner = { ...p, password: ownerPassword };
      const intruder = { ...p, password: intruderPassword, name: 'Mallory' };
      for (const who of order === 'owner first' ? [owner, intruder] : [intruder, owner]) {
        expect((await registerRequest(client(), who)).status).toBe(202);
        await t.sendMail();
        t.clock.advance(minute);
      }
      const links = await box.links('/verify-email');
      expect(links).toHaveLength(2);

      // The owner clicks every link in the mailbox, newest first, with their own password.
      const results = [];
      for (const token of [...links].reverse()) {
        const c = client();
        results.push({
          c,
          res: await read(
            await c.post('/api/v1/auth/verify-email', { token, password: ownerPassword }),
          ),
        });
      }
      const accepted = results.filter((r) => r.res.status === 200);
      expect(accepted).toHaveLength(1);
      const refused = results.find((r) => r.res.status !== 200)!.res;
      if (order === 'owner first') {
        // The intruder's link, clicked first: a wrong password answers like a wrong login.
        expect(refused.status).toBe(401);
        expect(refused.body.type).toMatch(problemType('invalid-credentials'));
      } else {
        // The intruder's link, clicked after the owner's: confirming voided it.
        expect(refused.status).toBe(400);
        expect(refused.body.type).toMatch(problemType('token-used'));
      }
      // Confirmed and signed in, in one step, under the owner's name.
      expect(accepted[0]!.res.body.user).toMatchObject({
        email: p.email,
        emailVerified: true,
        name: owner.name,
      });
      expect((await accepted[0]!.c.get('/api/v1/me')).status).toBe(200);

      // Only the owner's password opens the account.
      expect((await loginRequest(client(), intruder)).status).toBe(401);
      expect((await loginRequest(client(), owner)).status).toBe(200);
      // A registration of a verified address changes nothing either.
      expect(
        (await registerRequest(client(), { ...intruder, password: 'third try by mallory 3' }))
          .status,
      ).toBe(202);
      expect(
        (await loginRequest(client(), { ...p, password: 'third try by mallory 3' })).status,
      ).toBe(401);
      expect((await loginRequest(client(), owner)).status).toBe(200);
    }
  });

  it('a wrong password leaves the verification link usable, and the link page can trade it for a new password', async () => {
    const p = newPerson('verify-page');
    const box = mailbox(p.email);
    expect((await registerRequest(client(), p)).status).toBe(202);
    const [token] = await box.links('/verify-email');
    const c = client();
    const page = await c.get(`/verify-email?token=${token}`);
    const html = await page.text();
    expect(html).toContain(`value="${p.email}"`);
    expect(html).toMatch(
      /type="password"[^>]*autocomplete="current-password"|autocomplete="current-password"[^>]*type="password"/,
    );
    const wrong = await c.form('/verify-email', {
      token: token!,
      email: p.email,
      password: 'not the one 123',
    });
    expect(wrong.status).toBe(401);
    const right = await c.form('/verify-email', {
      token: token!,
      email: p.email,
      password: p.password,
    });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/account');
    expect((await c.get('/api/v1/me')).status).toBe(200);

    // Someone else's registration of my address: the link turns into a reset of my own.
    const mine = newPerson('verify-not-mine');
    const myBox = mailbox(mine.email);
    expect(
      (await registerRequest(client(), { ...mine, password: 'stranger chose this 77' })).status,
    ).toBe(202);
    const [strangers] = await myBox.links('/verify-email');
    const traded = await client().form('/verify-email/new-password', { token: strangers! });
    expect(traded.status).toBe(200);
    const resetToken = (await traded.text()).match(/name="token" value="([a-z2-7]+)"/)![1]!;
    const set = await client().form('/reset-password', {
      token: resetToken,
      password: mine.password,
    });
    expect(set.status).toBe(303);
    expect((await loginRequest(client(), mine)).status).toBe(200);
    expect(
      (await loginRequest(client(), { ...mine, password: 'stranger chose this 77' })).status,
    ).toBe(401);
    expect(
      (
        await client().post('/api/v1/auth/verify-email', {
          token: strangers,
          password: 'stranger chose this 77',
        })
      ).status,
    ).toBe(400);
  });

  it("an unconfirmed account is kept while its newest registration's link is young", async () => {
    const r = await createTestApp();
    try {
      const p = newPerson('late-retry');
      const c = () => createClient(r);
      expect((await registerRequest(c(), p)).status).toBe(202);
      await r.sendMail();
      const days = r.deps.config.unverifiedAccountDays;
      // The person registers again (the first mail got lost) half a day before the account
      // would go; the retention job then runs with the first registration past its days.
      r.clock.advance((days - 0.5) * day);
      expect((await registerRequest(c(), p)).status).toBe(202);
      r.clock.advance(0.6 * day);
      await runDueJobs(r.deps, { only: ['purge-unverified'] });
      expect(await userByEmail(r, p.email)).not.toBeNull();
      await r.sendMail();
      const token = r.resend.lastLink(p.email, '/verify-email')!.token;
      expect(
        (await c().post('/api/v1/auth/verify-email', { token, password: p.password })).status,
      ).toBe(200);
    } finally {
      await r.close();
    }
  });

  it(promises.recoveryAtRest, async () => {
    // The intruder who copies the database gets no authenticator secret to make codes with.
    const { id, c } = await signedInPerson(t, 'at-rest', () => client());
    const secret = await enrolTotp(c);
    const [row] = await t.db.select().from(totpCredentials).where(eq(totpCredentials.userId, id));
    expect(row!.secret).toBeNull();
    expect(row!.keyId).toMatch(/\S/);
    expect(JSON.stringify(row)).not.toContain(secret);

    // A staff member opens the person's card: the person sees the school, not the staff
    // member's address or browser (more in test/integration/staff-addresses.test.ts).
    const staff = await signedInPerson(
      t,
      'at-rest-staff',
      () => createClient(t, { ip: '203.0.113.250' }),
      { role: 'admin' },
    );
    const seen = await staff.c.get(`/api/v1/staff/users/${id}`, {
      headers: { 'user-agent': 'StaffBrowser/9.9' },
    });
    expect(seen.status).toBe(200);
    const activity = await read(await c.get('/api/v1/me/activity'));
    expect(activity.status).toBe(200);
    expect(activity.body.some((e: { byStaff: boolean }) => e.byStaff)).toBe(true);
    expect(JSON.stringify(activity.body)).not.toMatch(/203\.0\.113\.250|StaffBrowser/);
  });

  it(promises.recoveryMailLimits, async () => {
    const p = newPerson('mail-bomb');
    const box = mailbox(p.email);
    await box.mark();
    // Each request from its own address, so only a per-recipient limit can stop them.
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await registerRequest(client(), p)).status);
    answers.push(
      (await client().post('/api/v1/auth/verify-email/resend', { email: p.email })).status,
    );
    answers.push((await client().post('/api/v1/auth/password/forgot', { email: p.email })).status);
    expect((await box.fresh()).length).toBe(3);
    expect(answers.slice(0, 3)).toEqual([202, 202, 202]);
    expect(answers.slice(3)).toEqual([429, 429, 429]);

    // An email change to someone else's inbox counts against that inbox too.
    const victim = newPerson('mail-bomb-victim');
    const victimBox = mailbox(victim.email);
    for (let i = 0; i < 4; i++) {
      const { c } = await signedInPerson(t, `bomber-${i}`, () => client());
      await c.post('/api/v1/me/email', { newEmail: victim.email });
    }
    expect((await victimBox.fresh()).length).toBe(3);

    // The verification mail carries no text of the registrant's beyond a short name.
    const spam = newPerson('spam-name', {
      name: 'WIN A PRIZE visit https://spam.example/claim now and enter your card number',
    });
    const spamBox = mailbox(spam.email);
    expect((await registerRequest(client(), spam)).status).toBe(202);
    const [mail] = await spamBox.fresh();
    expect(mail!.text).not.toContain('spam.example');
    expect(mail!.html).not.toContain('spam.example');
    expect(mail!.subject).not.toContain('PRIZE');
  });
});
