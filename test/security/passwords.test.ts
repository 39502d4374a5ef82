import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dictionary } from '@zxcvbn-ts/language-common';
import { rateLimits, users } from '../../db/schema';
import { createApp } from '../../src/app';
import type { Deps } from '../../src/deps';
import { createNodeHasher } from '../../src/platform/hasher.node.ts';
import { openPostgres } from '../../src/platform/db.postgres';
import type { PasswordHasher } from '../../src/platform/hasher';
import type { TestApp } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  loginRequest,
  newPerson,
  problemType,
  read,
  registerAndVerify,
  registerRequest,
  signIn,
  userById,
  userByEmail,
  type Person,
} from '../helpers/accounts';
import { promises } from './promises';

/** SECURITY.md, "Passwords and credentials": one test per line. */
let ipSeq = 0;
const client = (app: Pick<TestApp, 'app'> = t) =>
  createClient(app, { ip: `10.31.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}` });

const t = useTestApp({
  env: {
    TRUST_PROXY: '1',
    RATE_LOGIN_FAILURES_PER_ACCOUNT: '3',
    RATE_LOGIN_FAILURES_PER_IP: '6',
  },
});

/** The app with a hasher that counts its calls: "hash a dummy" is checked by counting. */
function countingApp() {
  const real = t.deps.hasher;
  const calls = { hash: 0, verify: 0 };
  const hasher: PasswordHasher = {
    hash: (p) => (calls.hash++, real.hash(p)),
    verify: (h, p) => (calls.verify++, real.verify(h, p)),
    needsRehash: (h) => real.needsRehash(h),
  };
  const deps: Deps = { ...t.deps, hasher };
  return { app: createApp(deps), calls };
}

async function timed(fn: () => Promise<Response>) {
  const start = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  return performance.now() - start;
}
/** Status and body with the request id (which differs per request) taken out. */
async function answer(res: Response) {
  const r = await read(res);
  return { status: r.status, body: r.body, cookie: res.headers.getSetCookie().length };
}

describe('Passwords and credentials', () => {
  it(promises.argon2, async () => {
    const p = newPerson('argon');
    const id = await registerAndVerify(t, client(), p);
    const stored = (await userById(t, id))!.passwordHash!;
    const phc =
      /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{16,}\$[A-Za-z0-9+/]{32,}$/.exec(
        stored,
      );
    expect(phc, stored).not.toBeNull();
    expect(Number(phc![1])).toBeGreaterThanOrEqual(19456);
    expect(Number(phc![2])).toBeGreaterThanOrEqual(2);
    expect(Number(phc![3])).toBeGreaterThanOrEqual(1);

    // A hash made with weaker parameters (an older release) is replaced at the next sign-in.
    const weak = await createNodeHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 }).hash(
      p.password,
    );
    await t.db.update(users).set({ passwordHash: weak }).where(eq(users.id, id));
    await signIn(client(), p);
    const rehashed = (await userById(t, id))!.passwordHash!;
    expect(rehashed).not.toBe(weak);
    expect(rehashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signIn(client(), p);
    // Hashes already at the parameters in force are left alone.
    expect((await userById(t, id))!.passwordHash).toBe(rehashed);
  });

  it(promises.passwordRules, async () => {
    const tryRegister = async (password: string, overrides: Partial<Person> = {}) =>
      read(await registerRequest(client(), newPerson('rules', { password, ...overrides })));
    const weak = (reason: RegExp) => ({
      status: 400,
      body: expect.objectContaining({
        type: expect.stringMatching(problemType('weak-password')),
        errors: [
          expect.objectContaining({ path: 'password', message: expect.stringMatching(reason) }),
        ],
      }),
    });

    // Code points, not UTF-16 units: 7 astral characters are 14 units but still too short.
    const astral = '𝒜';
    expect(await tryRegister(astral.repeat(7))).toMatchObject(weak(/.+/));
    expect((await tryRegister(astral.repeat(8))).status).toBe(202);
    expect((await tryRegister(astral.repeat(64) + 'k'.repeat(64))).status).toBe(202);
    expect(await tryRegister('k'.repeat(129))).toMatchObject(weak(/.+/));
    // No composition rules: lower-case words alone are fine.
    expect((await tryRegister('quiet meadow lantern river')).status).toBe(202);
    // A common-password list.
    for (const common of ['password123', 'qwertyuiop', 'iloveyou1']) {
      expect(dictionary['passwords-common']).toContain(common);
      expect(await tryRegister(common), common).toMatchObject(weak(/.+/));
    }
    // Equal to the email or the name.
    const p = newPerson('same');
    expect(await tryRegister(p.email, { email: p.email })).toMatchObject(weak(/.+/));
    expect(await tryRegister('Marianna Kovalenko', { name: 'Marianna Kovalenko' })).toMatchObject(
      weak(/.+/),
    );

    // NFKC before hashing: the full-width spelling and the plain one are the same password.
    const fullWidth = newPerson('nfkc', {
      password: 'ｆｕｌｌｗｉｄｔｈ ｐａｓｓｐｈｒａｓｅ ４２',
    });
    const id = await registerAndVerify(t, client(), fullWidth);
    await signIn(client(), { email: fullWidth.email, password: 'fullwidth passphrase 42' });
    const ligature = newPerson('nfkc', { password: 'ﬁne ﬂowers ﬀorever 2024' });
    await registerAndVerify(t, client(), ligature);
    await signIn(client(), { email: ligature.email, password: 'fine flowers fforever 2024' });
    expect((await userById(t, id))!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it(promises.noEnumeration, async () => {
    const { app, calls } = countingApp();
    const counted = { app };
    const known = newPerson('known');
    await registerAndVerify(t, client(), known);
    const unverified = newPerson('unverified');
    expect((await registerRequest(client(), unverified)).status).toBe(202);
    const wrong = 'a wrong passphrase entirely';

    // Sign-in: an unknown address, a known one with a wrong password, an unverified one.
    const before = { ...calls };
    const unknownAnswer = await answer(
      await loginRequest(client(counted), { email: 'nobody.here@example.com', password: wrong }),
    );
    expect(calls.verify - before.verify).toBe(1); // the dummy hash was checked
    const knownAnswer = await answer(
      await loginRequest(client(counted), { email: known.email, password: wrong }),
    );
    const unverifiedAnswer = await answer(
      await loginRequest(client(counted), { email: unverified.email, password: wrong }),
    );
    expect(calls.verify - before.verify).toBe(3);
    expect(knownAnswer).toEqual(unknownAnswer);
    expect(unverifiedAnswer).toEqual(unknownAnswer);
    expect(unknownAnswer.status).toBe(401);

    // Similar time: the unknown address costs a hash too (a missing dummy would answer in a
    // few milliseconds against tens for a real verification). The fastest of several is
    // compared: other load on the machine only ever adds time.
    const unknownMs: number[] = [];
    const knownMs: number[] = [];
    for (let i = 0; i < 6; i++) {
      unknownMs.push(
        await timed(() =>
          loginRequest(client(counted), { email: `ghost${i}@example.com`, password: wrong }),
        ),
      );
      knownMs.push(
        await timed(() =>
          loginRequest(client(counted), { email: known.email, password: `${wrong} ${i}` }),
        ),
      );
      // The per-account limit must not turn the known address into a 429 here.
      await t.db.delete(rateLimits);
    }
    const fastest = (xs: number[]) => Math.min(...xs);
    console.info(
      `sign-in, fastest of 6: unknown ${fastest(unknownMs).toFixed(1)} ms, wrong password ${fastest(knownMs).toFixed(1)} ms`,
    );
    expect(
      fastest(unknownMs),
      `unknown ${unknownMs.map(Math.round).join()} vs known ${knownMs.map(Math.round).join()}`,
    ).toBeGreaterThan(fastest(knownMs) * 0.4);

    // Registration: a taken address and a new one answer alike, and both hash.
    const hashesBefore = calls.hash;
    const taken = await answer(
      await registerRequest(client(counted), { ...known, name: 'Someone Else' }),
    );
    const fresh = await answer(await registerRequest(client(counted), newPerson('fresh')));
    expect(taken).toEqual(fresh);
    expect(taken.status).toBe(202);
    expect(calls.hash - hashesBefore).toBe(2);

    // Reset: always accepted, the same body.
    const resetKnown = await answer(
      await client(counted).post('/api/v1/auth/password/forgot', { email: known.email }),
    );
    const resetUnknown = await answer(
      await client(counted).post('/api/v1/auth/password/forgot', {
        email: 'nobody.here@example.com',
      }),
    );
    expect(resetKnown).toEqual(resetUnknown);
    expect(resetKnown.status).toBe(202);

    // Re-auth: a wrong password, and an account with no password at all (passkeys only), answer
    // alike and both cost a verification.
    const passwordless = newPerson('passwordless');
    const plId = await registerAndVerify(t, client(), passwordless);
    const plClient = client(counted);
    await signIn(plClient, passwordless);
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, plId));
    const knownClient = client(counted);
    await signIn(knownClient, known);
    const v0 = calls.verify;
    const reauthWrong = await answer(
      await knownClient.post('/api/v1/auth/reauth', { password: wrong }),
    );
    const reauthNone = await answer(
      await plClient.post('/api/v1/auth/reauth', { password: wrong }),
    );
    expect(reauthNone).toEqual(reauthWrong);
    expect(reauthWrong.status).toBe(401);
    expect(calls.verify - v0).toBe(2);
  });

  it(promises.bruteForce, async () => {
    // Two instances of the service with nothing in common but the database (on PostgreSQL each
    // has its own connection pool); a third made afterwards has seen nothing in memory.
    const second = t.dbHandle.url ? openPostgres(t.dbHandle.url, { max: 2 }) : null;
    try {
      const other = { app: createApp({ ...t.deps, db: second?.db ?? t.db }) };
      const p = newPerson('brute');
      await registerAndVerify(t, client(), p);
      const wrong = { ...p, password: 'guessing wrongly again' };
      expect((await loginRequest(client(), wrong)).status).toBe(401);
      expect((await loginRequest(client(other), wrong)).status).toBe(401);
      expect((await loginRequest(client(), wrong)).status).toBe(401);
      for (const app of [other, t, { app: createApp(t.deps) }]) {
        const res = await loginRequest(client(app), p);
        expect(res.status).toBe(429);
        expect((await read(res)).body.type).toMatch(problemType('rate-limited'));
        expect(res.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      }
      // Per address: unknown accounts from one address, alternating instances.
      const ip = '203.0.113.77';
      for (let i = 0; i < 6; i++) {
        const res = await loginRequest(createClient(i % 2 ? other : t, { ip }), {
          email: `brute${i}@example.com`,
          password: 'guessing wrongly again',
        });
        expect(res.status).toBe(401);
      }
      const blocked = await loginRequest(createClient(other, { ip }), {
        email: 'brute-after@example.com',
        password: 'guessing wrongly again',
      });
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(
        (
          await loginRequest(createClient(t, { ip: '203.0.113.78' }), {
            email: 'brute-x@example.com',
            password: 'guessing wrongly again',
          })
        ).status,
      ).toBe(401);
      // The counters are rows in the database.
      const rows = await t.db.select().from(rateLimits);
      expect(rows.some((r) => r.key.startsWith('login-fail-acct:') && r.count >= 3)).toBe(true);
      expect(rows.some((r) => r.key.startsWith('login-fail-ip:') && r.count >= 6)).toBe(true);
      expect(rows.every((r) => !r.key.includes(p.email) && !r.key.includes(ip))).toBe(true);
    } finally {
      await second?.close();
    }
    expect(await userByEmail(t, 'brute0@example.com')).toBeNull();
  });
});
