import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditEvents, consents, emailOutbox, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  loginRequest,
  mailedToken,
  newPerson,
  outboxOf,
  problemType,
  read,
  registerAndVerify,
  registerRequest,
  strongPassword,
  userByEmail,
} from '../helpers/accounts';

let ipSeq = 0;
// Each test poses as its own client address, so per-address limits never couple tests.
const client = () => createClient(t, { ip: `198.51.100.${++ipSeq}` });

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

describe('POST /auth/register', () => {
  it('answers 202 with the same body for a new and a taken address, and mails the verified owner instead', async () => {
    const owner = newPerson('owner');
    const ownerId = await registerAndVerify(t, client(), owner);

    const fresh = await read(await registerRequest(client(), newPerson('fresh')));
    const taken = await read(
      await registerRequest(client(), {
        ...owner,
        password: 'another long passphrase 42',
        name: 'Intruder',
      }),
    );
    expect(fresh.status).toBe(202);
    expect(taken.status).toBe(202);
    expect(taken.body).toEqual(fresh.body);
    expect(fresh.body).toEqual({ status: 'verification_sent' });

    expect(await outboxOf(t, ownerId, 'already-registered')).toHaveLength(1);
    // The notice offers a way back in (a reset link), not a verification link.
    expect(await mailedToken(t, owner.email, '/reset-password')).toMatch(/^[a-z2-7]{32}$/);
    // Nothing about the account changed: the original password and name still hold.
    const row = await userByEmail(t, owner.email);
    expect(row!.name).toBe(owner.name);
    expect((await loginRequest(client(), owner)).status).toBe(200);
  });

  it('records consent to privacy policy 1.0 and the age confirmation, with the client address', async () => {
    const p = newPerson('consent');
    const res = await registerRequest(createClient(t, { ip: '203.0.113.7' }), p);
    expect(res.status).toBe(202);
    const user = await userByEmail(t, p.email);
    // A registration is only an attempt: its consents count once its link is confirmed.
    expect(await t.db.select().from(consents).where(eq(consents.userId, user!.id))).toEqual([]);
    const token = await mailedToken(t, p.email, '/verify-email');
    expect(
      (
        await createClient(t, { ip: '198.51.100.9' }).post('/api/v1/auth/verify-email', {
          token,
          password: p.password,
        })
      ).status,
    ).toBe(200);
    const rows = await t.db.select().from(consents).where(eq(consents.userId, user!.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.kind === 'privacy-policy')).toMatchObject({
      version: '1.0',
      granted: 'granted',
      method: 'registration',
      ip: '203.0.113.7',
    });
    expect(rows.find((r) => r.kind === 'age-confirmation')).toMatchObject({
      granted: 'granted',
      ip: '203.0.113.7',
    });
  });

  it.each([
    ['acceptPrivacyPolicy missing', { acceptPrivacyPolicy: undefined }, 'acceptPrivacyPolicy'],
    ['acceptPrivacyPolicy false', { acceptPrivacyPolicy: false }, 'acceptPrivacyPolicy'],
    ['confirmAge missing', { confirmAge: undefined }, 'confirmAge'],
    ['confirmAge false', { confirmAge: false }, 'confirmAge'],
  ])('refuses with 400 and a field error when %s', async (_label, extra, field) => {
    const p = newPerson('noconsent');
    const res = await read(await registerRequest(client(), p, extra));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await userByEmail(t, p.email)).toBeNull();
  });

  it.each([
    // 7 code points but 14 UTF-16 units: a .length check would wrongly accept it.
    ['too short in code points', () => newPerson('short', { password: '🔒🔒🔒🔒🔒🔒🔒' })],
    ['common', () => newPerson('common', { password: 'password123' })],
    [
      'equal to the email',
      () => {
        const p = newPerson('sameemail');
        return { ...p, password: p.email.toUpperCase() };
      },
    ],
    [
      'equal to the name',
      () =>
        newPerson('samename', {
          name: 'Olena Kovalenko-Shevchuk',
          password: 'olena kovalenko-shevchuk',
        }),
    ],
  ])('refuses a password that is %s with 400 weak-password', async (_label, make) => {
    const p = make();
    const res = await read(await registerRequest(client(), p));
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(problemType('weak-password'));
    expect(res.body.errors[0].path).toBe('password');
    expect(await userByEmail(t, p.email)).toBeNull();
  });

  it('accepts eight code points of emoji (the limit counts code points, not UTF-16 units)', async () => {
    const res = await registerRequest(
      client(),
      newPerson('emoji', { password: '🔒🔑🔒🔑🔒🔑🔒🔑' }),
    );
    expect(res.status).toBe(202);
  });

  it('NFKC-normalises the password: full-width letters sign in with their ASCII form', async () => {
    const p = newPerson('nfkc', { password: 'ｃｏｒｒｅｃｔ horse battery' });
    await registerAndVerify(t, client(), p);
    expect(
      (await loginRequest(client(), { email: p.email, password: 'correct horse battery' })).status,
    ).toBe(200);
    expect(
      (await loginRequest(client(), { email: p.email, password: 'correct horse batteries' }))
        .status,
    ).toBe(401);
  });

  it('normalises the address (trimmed, domain lower-cased) and keeps it unique case-insensitively', async () => {
    const local = `Mixed.Case.${Date.now()}`;
    const p = newPerson('mixed', { email: `  ${local}@EXAMPLE.Com ` });
    const c = client();
    expect((await registerRequest(c, p)).status).toBe(202);
    const stored = `${local}@example.com`;
    // The link goes to the normalised address, and verifying it proves that spelling.
    const token = await mailedToken(t, stored, '/verify-email');
    expect(
      (await c.post('/api/v1/auth/verify-email', { token, password: p.password })).status,
    ).toBe(200);
    const row = await userByEmail(t, stored);
    expect(row!.email).toBe(stored);
    expect(row!.emailVerifiedAt).not.toBeNull();

    const again = await registerRequest(client(), {
      ...p,
      email: `${local.toUpperCase()}@example.COM`,
    });
    expect(again.status).toBe(202);
    const same = await t.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${stored.toLowerCase()}`);
    expect(same).toHaveLength(1);
    expect(await outboxOf(t, row!.id, 'already-registered')).toHaveLength(1);
    // Signing in with the address typed in another case finds the same account.
    expect(
      (
        await loginRequest(client(), {
          email: `${local.toLowerCase()}@Example.com`,
          password: p.password,
        })
      ).status,
    ).toBe(200);
  });

  it('lets a new registration of an unverified address, typed in another case, verify and sign in', async () => {
    const local = `Late.Verifier.${Date.now()}`;
    const first = newPerson('late', { email: `${local}@example.com` });
    expect((await registerRequest(client(), first)).status).toBe(202);
    // Nobody proved owning the address yet, so a second registration gets a link of its own,
    // bound to its own password (test/security/recovery.test.ts plays both orders).
    const second = {
      ...first,
      email: `${local.toLowerCase()}@example.com`,
      password: 'second long passphrase 99',
    };
    expect((await registerRequest(client(), second)).status).toBe(202);
    const token = await mailedToken(t, second.email, '/verify-email');
    expect(
      (await client().post('/api/v1/auth/verify-email', { token, password: second.password }))
        .status,
    ).toBe(200);

    expect((await loginRequest(client(), second)).status).toBe(200);
    expect((await loginRequest(client(), first)).status).toBe(401);
  });

  it('stores an argon2id PHC string (m=19456, t=2, p=1) and never shows the password anywhere', async () => {
    const p = newPerson('secret', { password: 'unique secret phrase 4711 zebra' });
    const c = client();
    const seen: string[] = [];
    const keep = async (res: Response) => {
      seen.push(await res.clone().text(), JSON.stringify([...res.headers]));
      return res;
    };
    expect((await keep(await registerRequest(c, p))).status).toBe(202);
    const outboxBeforeSend = await t.db.select().from(emailOutbox);
    const token = await mailedToken(t, p.email, '/verify-email');
    expect(
      (await keep(await c.post('/api/v1/auth/verify-email', { token, password: p.password })))
        .status,
    ).toBe(200);
    expect((await keep(await loginRequest(c, p))).status).toBe(200);
    expect((await keep(await loginRequest(c, { ...p, password: `${p.password}x` }))).status).toBe(
      401,
    );
    expect((await keep(await c.get('/api/v1/me'))).status).toBe(200);

    const user = await userByEmail(t, p.email);
    expect(user!.passwordHash).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
    );
    const everything = JSON.stringify({
      seen,
      outboxBeforeSend,
      outbox: await t.db.select().from(emailOutbox),
      audit: await t.db.select().from(auditEvents),
      sent: t.resend.emails,
    });
    expect(everything).toContain(p.email); // the search itself works
    expect(everything).not.toContain(p.password);
    expect(everything).not.toContain(user!.passwordHash!);
  });
});

describe('POST /auth/verify-email', () => {
  it('works once; the second use of a link answers 400 token-used', async () => {
    const p = newPerson('once');
    const c = client();
    expect((await registerRequest(c, p)).status).toBe(202);
    const token = await mailedToken(t, p.email, '/verify-email');
    const first = await read(
      await c.post('/api/v1/auth/verify-email', { token, password: p.password }),
    );
    expect(first.status).toBe(200);
    const second = await read(
      await c.post('/api/v1/auth/verify-email', { token, password: p.password }),
    );
    expect(second.status).toBe(400);
    expect(second.body.type).toMatch(problemType('token-used'));
  });

  it('accepts a link for 24 hours and answers 400 token-expired after that', async () => {
    const early = newPerson('early');
    const late = newPerson('late');
    expect((await registerRequest(client(), early)).status).toBe(202);
    expect((await registerRequest(client(), late)).status).toBe(202);
    const earlyToken = await mailedToken(t, early.email, '/verify-email');
    const lateToken = await mailedToken(t, late.email, '/verify-email');

    t.clock.advance(24 * 3_600_000 - 60_000);
    expect(
      (
        await client().post('/api/v1/auth/verify-email', {
          token: earlyToken,
          password: early.password,
        })
      ).status,
    ).toBe(200);
    t.clock.advance(2 * 60_000);
    const expired = await read(
      await client().post('/api/v1/auth/verify-email', {
        token: lateToken,
        password: late.password,
      }),
    );
    expect(expired.status).toBe(400);
    expect(expired.body.type).toMatch(problemType('token-expired'));
    expect((await userByEmail(t, late.email))!.emailVerifiedAt).toBeNull();
  });

  it.each([
    ['an unknown token', 'abcdefghijklmnopqrstuvwxyz234567'],
    ['a malformed token', 'not a token at all!'],
  ])('answers 400 token-invalid for %s', async (_label, token) => {
    const res = await read(
      await client().post('/api/v1/auth/verify-email', { token, password: strongPassword }),
    );
    expect(res.status).toBe(400);
    expect(res.body.type).toMatch(problemType('token-invalid'));
  });
});

describe('signing in before verifying', () => {
  it('answers 403 email-not-verified only after the right password; a wrong one looks like an unknown address', async () => {
    const p = newPerson('unverified');
    expect((await registerRequest(client(), p)).status).toBe(202);

    const right = await read(await loginRequest(client(), p));
    expect(right.status).toBe(403);
    expect(right.body.type).toMatch(problemType('email-not-verified'));

    const wrong = await read(
      await loginRequest(client(), { ...p, password: 'wrong long passphrase 1' }),
    );
    const unknown = await read(
      await loginRequest(client(), {
        email: newPerson('nobody').email,
        password: 'wrong long passphrase 1',
      }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });
});

describe('POST /auth/verify-email/resend', () => {
  it('sends a fresh link for the same registration (same password); once one is used the other is void; an unknown address gets the same answer', async () => {
    const p = newPerson('resend');
    const c = client();
    expect((await registerRequest(c, p)).status).toBe(202);
    const oldToken = await mailedToken(t, p.email, '/verify-email');

    const known = await read(await c.post('/api/v1/auth/verify-email/resend', { email: p.email }));
    const nobody = newPerson('nobody');
    const unknown = await read(
      await c.post('/api/v1/auth/verify-email/resend', { email: nobody.email }),
    );
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const newToken = await mailedToken(t, p.email, '/verify-email');
    expect(newToken).not.toBe(oldToken);
    expect(t.resend.to(nobody.email)).toHaveLength(0);
    expect(
      (await c.post('/api/v1/auth/verify-email', { token: newToken, password: p.password })).status,
    ).toBe(200);
    expect(
      (await c.post('/api/v1/auth/verify-email', { token: oldToken, password: p.password })).status,
    ).toBe(400);
    expect((await loginRequest(c, { email: p.email, password: strongPassword })).status).toBe(200);
  });
});
