import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { auditEvents, emailOutbox, users } from '../../db/schema';
import { openPostgres } from '../../src/platform/db.postgres';
import { purgeDeletedAccounts } from '../../src/privacy/jobs';
import type { Deps } from '../../src/deps';
import { systemClock } from '../../src/platform/clock';
import { parseConfig } from '../../src/config';
import { silentLogger } from '../../src/platform/logger';
import { createNodeHasher } from '../../src/platform/hasher.node.ts';
import { createDevMailer } from '../../src/platform/mailer.dev';
import { openTestDatabase, usePostgres } from '../helpers/database';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { strongPassword } from '../helpers/accounts';
import {
  api,
  killAllServers,
  runCli,
  startGateway,
  startServer,
  waitFor,
  type ServerProcess,
} from './support';

/**
 * Two Node server processes on one PostgreSQL, sharing nothing but the database: sessions,
 * rate limits, mail claims, job claims and scheduled deletions must hold across them.
 */
const skipReason = usePostgres()
  ? null
  : 'needs PostgreSQL (DATABASE_URL=postgres://…); PGlite is one process only';
if (skipReason) console.warn(`[multi-instance] skipped: ${skipReason}`);

describe.skipIf(!!skipReason)('two server processes on one PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof openTestDatabase>>;
  let fake: FakeResend;
  let gateways: Awaited<ReturnType<typeof startGateway>>[];
  let a: ServerProcess;
  let b: ServerProcess;
  let ipSeq = 0;
  const ip = () => ({
    'x-forwarded-for': `10.44.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`,
  });
  const common = {
    TRUST_PROXY: '1',
    MAIL_POLL_SECONDS: '1',
    RATE_LOGIN_FAILURES_PER_ACCOUNT: '3',
    RATE_LOGIN_FAILURES_PER_IP: '5',
  };

  beforeAll(async () => {
    pg = await openTestDatabase();
    fake = await startFakeResend();
    // Each instance reaches the provider through a gateway of its own, to tell who sent.
    gateways = [await startGateway(fake.url), await startGateway(fake.url)];
    const env = (i: number) => ({
      ...common,
      DATABASE_URL: pg.url!,
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: gateways[i]!.url,
    });
    [a, b] = await Promise.all([startServer(env(0)), startServer(env(1))]);
    console.info(`two instances ready in ${a.startedInMs} and ${b.startedInMs} ms`);
  }, 90_000);
  afterAll(async () => {
    await killAllServers();
    for (const g of gateways ?? []) await g.close();
    await fake?.close();
    await pg?.close();
  });

  /** Registers on one instance and confirms the emailed link on the other. */
  async function person(label: string, registerOn: ServerProcess, verifyOn: ServerProcess) {
    const email = `${label}.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.com`;
    const reg = await api(
      registerOn,
      'POST',
      '/api/v1/auth/register',
      {
        email,
        password: strongPassword,
        name: `Multi ${label}`,
        acceptPrivacyPolicy: true,
        confirmAge: true,
      },
      ip(),
    );
    expect(reg.status).toBe(202);
    const link = await waitFor(
      `the verification mail to ${email}`,
      () => fake.lastLink(email, '/verify-email'),
      15_000,
    );
    expect(
      (
        await api(verifyOn, 'POST', '/api/v1/auth/verify-email', {
          token: link.token,
          password: strongPassword,
        })
      ).status,
    ).toBe(200);
    return email;
  }
  const login = async (on: ServerProcess, email: string, password = strongPassword) =>
    api(on, 'POST', '/api/v1/auth/login', { email, password, tokenInBody: true }, ip());
  const cookieOf = (res: { headers: Headers }) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('session='))!
      .split(';')[0]!;

  it('a session made on one instance works on the other, and ends on both', async () => {
    const email = await person('session', a, b);
    const onA = await login(a, email);
    expect(onA.status).toBe(200);
    const bearer = { authorization: `Bearer ${onA.body.token}` };
    const me = await api(b, 'GET', '/api/v1/me', undefined, bearer);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);

    // A browser cookie from B, used on A (same-origin writes carry A's Origin there).
    const onB = await login(b, email);
    const cookie = { cookie: cookieOf(onB) };
    expect(
      (await api(a, 'PATCH', '/api/v1/me', { goals: 'set on A with a cookie from B' }, cookie))
        .status,
    ).toBe(200);
    expect((await api(b, 'GET', '/api/v1/me', undefined, cookie)).body.goals).toBe(
      'set on A with a cookie from B',
    );
    expect((await api(a, 'POST', '/api/v1/auth/logout', undefined, cookie)).status).toBe(204);
    expect((await api(b, 'GET', '/api/v1/me', undefined, cookie)).status).toBe(401);
    // The bearer session is a different one and lives on.
    expect((await api(a, 'GET', '/api/v1/me', undefined, bearer)).status).toBe(200);
  });

  it('rate limits count across both instances, per account and per client address', async () => {
    const email = await person('limits', b, a);
    const wrong = 'not the right passphrase at all';
    // Failures alternate between the instances, each from its own address.
    expect((await login(a, email, wrong)).status).toBe(401);
    expect((await login(b, email, wrong)).status).toBe(401);
    expect((await login(a, email, wrong)).status).toBe(401);
    for (const server of [b, a]) {
      const limited = await login(server, email);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    }

    const busy = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 5; i++) {
      const res = await api(
        i % 2 ? a : b,
        'POST',
        '/api/v1/auth/login',
        { email: `nobody${i}@example.com`, password: wrong },
        busy,
      );
      expect(res.status).toBe(401);
    }
    expect(
      (
        await api(
          a,
          'POST',
          '/api/v1/auth/login',
          { email: 'nobody-more@example.com', password: wrong },
          busy,
        )
      ).status,
    ).toBe(429);
    expect(
      (
        await api(
          b,
          'POST',
          '/api/v1/auth/login',
          { email: 'nobody-more@example.com', password: wrong },
          busy,
        )
      ).status,
    ).toBe(429);
  });

  it('mail sent by both timers and the CLI at once goes out exactly once per message', async () => {
    const total = 80;
    const now = new Date();
    const rows = await pg.db
      .insert(emailOutbox)
      .values(
        Array.from({ length: total }, (_, i) => ({
          toAddress: `bulk${i}@example.com`,
          template: 'test',
          locale: 'en',
          subject: `Bulk ${i}`,
          html: `<p>${i}</p>`,
          text: `${i}`,
          nextAttemptAt: now,
          createdAt: now,
        })),
      )
      .returning({ id: emailOutbox.id });
    const ids = rows.map((r) => r.id);
    fake.setLatency(25);
    const before = gateways.map((g) => g.requests);
    const requestsBefore = fake.log.length;
    const cli = runCli(['jobs'], {
      DATABASE_URL: pg.url!,
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
    });
    await waitFor(
      `all ${total} delivered`,
      () => ids.every((id) => fake.emails.some((e) => e.idempotencyKey === id)),
      60_000,
      100,
    );
    const ran = await cli;
    fake.setLatency(0);
    expect(ran.code, ran.stderr).toBe(0);

    const requests = fake.log.slice(requestsBefore).filter((l) => ids.includes(l.idempotencyKey!));
    // One request per message: no sender ever asked twice, not even a replay the key would absorb.
    expect(requests).toHaveLength(total);
    expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(total);
    expect(requests.every((r) => r.outcome === 'delivered')).toBe(true);
    const after = await pg.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(after.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const byA = gateways[0]!.requests - before[0]!;
    const byB = gateways[1]!.requests - before[1]!;
    const byCli = total - byA - byB;
    console.info(`${total} mails: ${byA} sent by instance A, ${byB} by B, ${byCli} by the CLI`);
    // Every sender took part (the CLI starts seconds later, so it may find nothing left).
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
  }, 90_000);

  /** Three people who asked on A to be deleted; B must no longer know their sessions. */
  async function deletedOnA(label: string) {
    const emails = [
      await person(label, a, b),
      await person(label, b, a),
      await person(label, a, a),
    ];
    const ids: string[] = [];
    for (const email of emails) {
      const onB = await login(b, email);
      const onA = await login(a, email);
      ids.push(onA.body.user.id);
      // A fresh sign-in is privileged; the deletion is asked for on A.
      const del = await api(a, 'DELETE', '/api/v1/me', undefined, {
        authorization: `Bearer ${onA.body.token}`,
      });
      expect(del.status).toBe(202);
      expect(
        (
          await api(b, 'GET', '/api/v1/me', undefined, {
            authorization: `Bearer ${onB.body.token}`,
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await api(b, 'GET', '/api/v1/me', undefined, {
            authorization: `Bearer ${onA.body.token}`,
          })
        ).status,
      ).toBe(401);
    }
    // The grace period has passed (with DELETION_GRACE_DAYS=0 the request itself would erase).
    await pg.db
      .update(users)
      .set({ deletionScheduledFor: new Date(Date.now() - 60_000) })
      .where(inArray(users.id, ids));
    return { emails, ids };
  }
  const purgedEvents = async () =>
    (
      await pg.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(eq(auditEvents.action, 'account.purged'))
    )[0]!.n;

  const farewellIds = async () =>
    new Set(
      (
        await pg.db
          .select({ id: emailOutbox.id })
          .from(emailOutbox)
          .where(eq(emailOutbox.template, 'account-deleted'))
      ).map((r) => r.id),
    );

  /** Gone, counted once each, and one farewell mail each, delivered once. */
  async function expectPurgedOnce(
    emails: string[],
    ids: string[],
    before: { events: number; farewells: Set<string> },
  ) {
    expect(await pg.db.select().from(users).where(inArray(users.id, ids))).toEqual([]);
    expect((await purgedEvents()) - before.events).toBe(ids.length);
    const fresh = [...(await farewellIds())].filter((id) => !before.farewells.has(id));
    expect(fresh).toHaveLength(ids.length);
    await waitFor(
      'the farewell mails',
      () => emails.every((e) => fake.to(e).some((m) => fresh.includes(m.idempotencyKey!))),
      20_000,
    );
    for (const e of emails)
      expect(fake.to(e).filter((m) => fresh.includes(m.idempotencyKey!))).toHaveLength(1);
  }

  it('a deletion scheduled on one is honoured by the other; two purges racing past the job lock remove each person once', async () => {
    const { emails, ids } = await deletedOnA('delete-race');
    const before = { events: await purgedEvents(), farewells: await farewellIds() };
    const pools = [openPostgres(pg.url!, { max: 2 }), openPostgres(pg.url!, { max: 2 })];
    try {
      const config = parseConfig({ DATABASE_URL: pg.url! });
      const deps = (db: Deps['db']): Deps => ({
        db,
        hasher: createNodeHasher(),
        mailer: createDevMailer(() => {}),
        clock: systemClock,
        config,
        log: silentLogger,
        notifyMail: () => {},
      });
      const [p1, p2] = await Promise.all([
        purgeDeletedAccounts(deps(pools[0]!.db)),
        purgeDeletedAccounts(deps(pools[1]!.db)),
      ]);
      expect(p1.purged + p2.purged).toBe(3);
      console.info(`purges racing on two pools: ${p1.purged} + ${p2.purged}`);
    } finally {
      for (const p of pools) await p.close();
    }
    await expectPurgedOnce(emails, ids, before);
  }, 60_000);

  it('two `npm run cli -- jobs --force` at once purge each person once', async () => {
    const { emails, ids } = await deletedOnA('delete-cli');
    const before = { events: await purgedEvents(), farewells: await farewellIds() };
    const cliEnv = {
      DATABASE_URL: pg.url!,
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
    };
    const runs = await Promise.all([
      runCli(['jobs', '--force'], cliEnv),
      runCli(['jobs', '--force'], cliEnv),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const purged = runs.map(
      (run) =>
        (JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, { purged?: number }>)[
          'purge-deleted-accounts'
        ]?.purged ?? 0,
    );
    expect(purged[0]! + purged[1]!).toBe(3);
    console.info(`purges by two CLI runs: ${purged.join(' + ')}`);
    await expectPurgedOnce(emails, ids, before);
  }, 60_000);
});
