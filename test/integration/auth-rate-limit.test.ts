import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import type { Deps } from '../../src/deps';
import { authRules } from '../../src/auth/rules';
import { openPostgres } from '../../src/platform/db.postgres';
import type { DbHandle } from '../../src/platform/db-types';
import type { PasswordHasher } from '../../src/platform/hasher';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  loginRequest,
  newPerson,
  outboxOf,
  problemType,
  read,
  registerAndVerify,
  registerRequest,
  signIn,
  type Person,
} from '../helpers/accounts';

let ipSeq = 0;
const nextIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;
const client = () => createClient(t, { ip: nextIp() });
const wrong = (p: Person) => ({ ...p, password: 'definitely the wrong passphrase' });
const env = {
  TRUST_PROXY: '1',
  RATE_LOGIN_FAILURES_PER_ACCOUNT: '3',
  RATE_LOGIN_FAILURES_PER_IP: '5',
  RATE_REGISTRATIONS_PER_IP: '3',
};

const t = useTestApp({ env });

/** A 429 problem whose Retry-After is a positive whole number of seconds. */
async function expectRateLimited(res: Response) {
  const body = await read(res);
  expect(body.status).toBe(429);
  expect(body.body.type).toMatch(problemType('rate-limited'));
  const retryAfter = res.headers.get('retry-after');
  expect(retryAfter).toMatch(/^[1-9][0-9]*$/);
  return Number(retryAfter);
}

async function verifiedPerson(label: string) {
  const p = newPerson(label);
  return { p, id: await registerAndVerify(t, client(), p) };
}

describe('failed sign-ins per account', () => {
  it('answer 429 with Retry-After after the limit, even for the right password, and mail the owner once', async () => {
    const { p, id } = await verifiedPerson('locked');
    // Each attempt from its own address: only the per-account limit is in play.
    for (let i = 0; i < 3; i++) expect((await loginRequest(client(), wrong(p))).status).toBe(401);
    await expectRateLimited(await loginRequest(client(), wrong(p)));
    const retryAfter = await expectRateLimited(await loginRequest(client(), p));
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await outboxOf(t, id, 'lockout')).toHaveLength(1);

    // Waiting as long as told is enough.
    t.clock.advance(retryAfter * 1000);
    expect((await loginRequest(client(), p)).status).toBe(200);
    expect(await outboxOf(t, id, 'lockout')).toHaveLength(1);
  });

  it('hold against a burst of parallel guesses', async () => {
    const { p, id } = await verifiedPerson('burst');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => loginRequest(client(), wrong(p))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(await outboxOf(t, id, 'lockout')).toHaveLength(1);
  });

  it('are counted in the database, shared by every instance', async () => {
    let second: DbHandle | null = null;
    try {
      // On PostgreSQL the second instance has a connection pool of its own.
      if (t.dbHandle.url) second = openPostgres(t.dbHandle.url, { max: 2 });
      const deps2: Deps = { ...t.deps, db: second?.db ?? t.db };
      const other = { app: createApp(deps2) };
      const { p } = await verifiedPerson('shared');
      expect((await loginRequest(client(), wrong(p))).status).toBe(401);
      expect((await loginRequest(createClient(other, { ip: nextIp() }), wrong(p))).status).toBe(
        401,
      );
      expect((await loginRequest(client(), wrong(p))).status).toBe(401);
      await expectRateLimited(await loginRequest(createClient(other, { ip: nextIp() }), p));
      await expectRateLimited(await loginRequest(client(), p));
    } finally {
      await second?.close();
    }
  });
});

describe('failed sign-ins per client address', () => {
  it('block that address after the limit but not another one', async () => {
    const { p } = await verifiedPerson('bystander');
    const busy = createClient(t, { ip: '203.0.113.66' });
    // Five different unknown accounts: no per-account limit is reached.
    for (let i = 0; i < 5; i++) {
      expect((await loginRequest(busy, wrong(newPerson('guess')))).status).toBe(401);
    }
    await expectRateLimited(await loginRequest(busy, wrong(newPerson('guess'))));
    await expectRateLimited(await loginRequest(busy, p));
    expect((await loginRequest(createClient(t, { ip: '203.0.113.67' }), p)).status).toBe(200);
  });
});

describe('failed re-authentication', () => {
  it('is limited per account like sign-in', async () => {
    const { p } = await verifiedPerson('reauth-guess');
    const c = client();
    await signIn(c, p);
    for (let i = 0; i < 3; i++) {
      expect(
        (await c.post('/api/v1/auth/reauth', { password: 'wrong guess number x' })).status,
      ).toBe(401);
    }
    await expectRateLimited(await c.post('/api/v1/auth/reauth', { password: p.password }));
  });
});

describe('registrations per client address', () => {
  it('answer 429 after the limit, and waiting Retry-After seconds is enough', async () => {
    const ip = '198.51.100.200';
    const c = createClient(t, { ip });
    // Weak passwords are refused after counting, so these cost no hashing.
    const weak = () => registerRequest(c, newPerson('many', { password: 'short' }));
    for (let i = 0; i < 3; i++) expect((await weak()).status).toBe(400);
    await expectRateLimited(await weak());
    const retryAfter = await expectRateLimited(await weak());
    expect(
      (
        await registerRequest(
          createClient(t, { ip: '198.51.100.201' }),
          newPerson('elsewhere', { password: 'short' }),
        )
      ).status,
    ).toBe(400);

    t.clock.advance(retryAfter * 1000);
    expect((await weak()).status).toBe(400);
  });
});

describe('default limits per client address (a school behind one NAT address)', () => {
  it('are at least 50 registrations and 100 failed sign-ins an hour, with far fewer per account', () => {
    const rules = authRules(parseConfig({}));
    const hour = 3_600_000;
    expect(
      rules.registrationsPerIp.limit / (rules.registrationsPerIp.windowMs / hour),
    ).toBeGreaterThanOrEqual(50);
    expect(
      rules.loginFailuresPerIp.limit / (rules.loginFailuresPerIp.windowMs / hour),
    ).toBeGreaterThanOrEqual(100);
    expect(rules.loginFailuresPerAccount.limit).toBeLessThan(rules.loginFailuresPerIp.limit / 5);
  });

  it('let 50 registrations and 100 failed sign-ins through from one address', async () => {
    // An instance with the default limits on the same database; a hasher that answers at
    // once keeps 100 failed sign-ins cheap while every other step runs for real.
    const fast: PasswordHasher = {
      hash: () => Promise.resolve('$fake$'),
      verify: () => Promise.resolve(false),
      needsRehash: () => false,
    };
    const config = parseConfig({
      TRUST_PROXY: '1',
      RESEND_API_KEY: t.resend.apiKey,
      RESEND_BASE_URL: t.resend.url,
    });
    const school = createClient(
      { app: createApp({ ...t.deps, config, hasher: fast }) },
      { ip: '192.0.2.250' },
    );

    const registrations: number[] = [];
    for (let i = 0; i < 50; i++)
      registrations.push(
        (await registerRequest(school, newPerson('pupil', { password: 'short' }))).status,
      );
    expect(registrations.filter((s) => s !== 400)).toEqual([]);
    await expectRateLimited(
      await registerRequest(school, newPerson('pupil', { password: 'short' })),
    );

    const failures: number[] = [];
    for (let i = 0; i < 100; i++)
      failures.push((await loginRequest(school, wrong(newPerson('pupil')))).status);
    expect(failures.filter((s) => s !== 401)).toEqual([]);
    await expectRateLimited(await loginRequest(school, wrong(newPerson('pupil'))));
  });
});
