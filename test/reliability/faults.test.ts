import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { emailOutbox, users } from '../../db/schema';
import { dispatchMail, outboxPolicy } from '../../src/mail/outbox';
import { createResendMailer } from '../../src/platform/mailer.resend';
import { openPglite } from '../../src/platform/db.pglite';
import type { DbHandle, Executor } from '../../src/platform/db-types';
import { purgeDeletedAccounts } from '../../src/privacy/jobs';
import { openTestDatabase, usePostgres } from '../helpers/database';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { newPerson, registerRequest, strongPassword } from '../helpers/accounts';
import { dumpDatabase, rawRows, signedInPerson } from '../integration/privacy-fixtures';
import {
  api,
  killAllServers,
  ownPostgresUnavailable,
  sleep,
  startGateway,
  startOwnPostgres,
  runCli,
  startServer,
  waitFor,
  type GatewayMode,
  type ServerProcess,
} from './support';

/**
 * Faults: the mail provider failing for a while, the server killed mid-batch, PostgreSQL
 * going away under a running server, and a purge interrupted half-way.
 */
afterAll(killAllServers);

/** Every outbox row, by id, with what the fake saw for its idempotency key. */
async function deliveriesByRow(db: Executor, fake: FakeResend) {
  const rows = await db
    .select({ id: emailOutbox.id, status: emailOutbox.status, attempts: emailOutbox.attempts })
    .from(emailOutbox);
  return rows.map((r) => ({
    ...r,
    delivered: fake.emails.filter((e) => e.idempotencyKey === r.id).length,
    requests: fake.log.filter((l) => l.idempotencyKey === r.id).length,
  }));
}

describe('the Resend API failing for a while', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '1' } });
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let ip = 0;
  beforeAll(async () => {
    gateway = await startGateway(t.resend.url);
  });
  // Runs before useTestApp's own afterAll: the gateway goes first, as it sits in front of the app.
  afterAll(async () => {
    await gateway?.close();
  });

  const modes: [GatewayMode, string][] = [
    ['error500', 'answering 500'],
    ['hang', 'timing out'],
    ['refuse', 'refusing connections'],
  ];

  it.each(modes)(
    '%s (%s): every mail is retried and delivered exactly once afterwards',
    async (mode) => {
      await t.db.delete(emailOutbox);
      t.resend.reset();
      // The sender, as the server builds it, but through the gateway; a short timeout while the
      // provider is out (so a hang costs little test time), the default one once it is back.
      const outage = {
        ...t.deps,
        mailer: createResendMailer(t.resend.apiKey, gateway.url, { timeoutMs: 400 }),
      };
      const deps = { ...t.deps, mailer: createResendMailer(t.resend.apiKey, gateway.url) };
      const people = [
        newPerson(`outage-${mode}`),
        newPerson(`outage-${mode}`),
        newPerson(`outage-${mode}`),
      ];
      for (const p of people)
        expect((await registerRequest(createClient(t, { ip: `10.77.0.${++ip}` }), p)).status).toBe(
          202,
        );

      await gateway.setMode(mode);
      // Three passes during the outage, each after the back-off has passed.
      for (let pass = 1; pass <= 3; pass++) {
        const result = await dispatchMail(outage);
        expect(result).toEqual({ sent: 0, retried: 3, failed: 0 });
        const rows = await t.db.select().from(emailOutbox);
        expect(rows.map((r) => [r.status, r.attempts, r.claimedUntil])).toEqual(
          rows.map(() => ['pending', pass, null]),
        );
        t.clock.advance(outboxPolicy.backoffMs(pass));
      }
      expect(t.resend.emails).toHaveLength(0);

      await gateway.setMode('up');
      // Back up: the next passes deliver everything (a connection the client kept from the
      // outage may fail once more; that mail just waits for the next pass).
      const totals = { sent: 0, retried: 0, failed: 0 };
      for (let pass = 4; pass <= 6 && totals.sent < 3; pass++) {
        const r = await dispatchMail(deps);
        totals.sent += r.sent;
        totals.retried += r.retried;
        totals.failed += r.failed;
        t.clock.advance(outboxPolicy.backoffMs(pass));
      }
      expect(totals.sent).toBe(3);
      expect(totals.failed).toBe(0);
      t.clock.advance(outboxPolicy.backoffMs(8));
      expect(await dispatchMail(deps)).toEqual({ sent: 0, retried: 0, failed: 0 });
      const seen = await deliveriesByRow(t.db, t.resend);
      expect(seen.map((r) => [r.status, r.delivered])).toEqual(seen.map(() => ['sent', 1]));
      for (const p of people) expect(t.resend.to(p.email)).toHaveLength(1);
    },
  );

  it('an outage that changes its nature between passes still ends in one delivery per mail', async () => {
    await t.db.delete(emailOutbox);
    t.resend.reset();
    const outage = {
      ...t.deps,
      mailer: createResendMailer(t.resend.apiKey, gateway.url, { timeoutMs: 400 }),
    };
    const deps = { ...t.deps, mailer: createResendMailer(t.resend.apiKey, gateway.url) };
    const p = newPerson('outage-mixed');
    expect((await registerRequest(createClient(t, { ip: `10.77.1.${++ip}` }), p)).status).toBe(202);
    let attempt = 0;
    for (const mode of ['refuse', 'error500', 'hang', 'refuse'] as const) {
      await gateway.setMode(mode);
      expect((await dispatchMail(outage)).retried).toBe(1);
      t.clock.advance(outboxPolicy.backoffMs(++attempt));
    }
    // Back up, but the first answer that comes back is lost after the mail was accepted: the
    // retry must not deliver it again. (A connection kept from the outage may fail once more
    // before that; it is one more retry.)
    await gateway.setMode('up');
    t.resend.dropAfterAcceptNext();
    for (
      let pass = 0;
      pass < 4 && !(await t.db.select().from(emailOutbox)).every((r) => r.status === 'sent');
      pass++
    ) {
      await dispatchMail(deps);
      t.clock.advance(outboxPolicy.backoffMs(++attempt));
    }
    expect(t.resend.log.map((l) => l.outcome)).toEqual(['dropped', 'replayed']);
    expect(t.resend.to(p.email)).toHaveLength(1);
    const [row] = await t.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: 'sent' });
  });
});

describe('the server killed with SIGKILL in the middle of a batch', () => {
  it('loses no mail, and the idempotency key stops the interrupted one from going out twice', async () => {
    const fake = await startFakeResend();
    const dataDir = await mkdtemp(join(tmpdir(), 'accounts-kill-'));
    const pg = usePostgres() ? await openTestDatabase() : null;
    // The server owns an embedded database while it runs: the test opens it only in between.
    const openDb = async (): Promise<DbHandle> => {
      if (pg) return pg;
      const h = await openPglite(dataDir);
      return h;
    };
    const closeDb = async (h: DbHandle) => {
      if (!pg) await h.close();
    };
    try {
      const total = 30;
      let h = await openDb();
      await h.migrate();
      const now = new Date();
      await h.db.insert(emailOutbox).values(
        Array.from({ length: total }, (_, i) => ({
          toAddress: `batch${i}@example.com`,
          template: 'test',
          locale: 'en',
          subject: `Batch ${i}`,
          html: `<p>${i}</p>`,
          text: `${i}`,
          nextAttemptAt: now,
          createdAt: now,
        })),
      );
      const ids = (await h.db.select({ id: emailOutbox.id }).from(emailOutbox)).map((r) => r.id);
      await closeDb(h);

      // Slow answers, so a batch of 25 takes seconds and the kill lands inside it.
      fake.setLatency(100);
      const env = {
        RESEND_API_KEY: fake.apiKey,
        RESEND_BASE_URL: fake.url,
        MAIL_POLL_SECONDS: '1',
        ...(pg ? { DATABASE_URL: pg.url! } : { DATA_DIR: dataDir }),
      };
      const first = await startServer(env);
      await waitFor('the 6th send to reach the provider', () => fake.log.length >= 6, 30_000, 2);
      await first.kill('SIGKILL');
      const inFlight = fake.log.at(-1)!.idempotencyKey!;

      h = await openDb();
      const before = await h.db
        .select({ id: emailOutbox.id, status: emailOutbox.status })
        .from(emailOutbox);
      const stuck = before.filter((r) => r.status === 'sending').map((r) => r.id);
      // Killed mid-batch: some sent, the rest of the claimed batch still marked "sending".
      expect(before.filter((r) => r.status === 'sent').length).toBeGreaterThan(0);
      expect(stuck).toContain(inFlight);
      // A crashed sender's claim is taken over once it is older than claimMs (2 minutes);
      // instead of waiting that long, the claims are aged here.
      await h.db
        .update(emailOutbox)
        .set({ claimedUntil: new Date(Date.now() - 1000) })
        .where(eq(emailOutbox.status, 'sending'));
      await closeDb(h);

      // The interrupted request still reaches the provider after the kill.
      await waitFor(
        'the in-flight send to land',
        () => fake.emails.some((e) => e.idempotencyKey === inFlight),
        5000,
      );
      const second = await startServer(env);
      await waitFor(
        `all ${total} mails delivered`,
        () => new Set(fake.emails.map((e) => e.idempotencyKey)).size === total,
        45_000,
      );
      expect((await second.kill('SIGTERM')).code).toBe(0);

      h = await openDb();
      const seen = await deliveriesByRow(h.db, fake);
      await closeDb(h);
      expect(seen).toHaveLength(total);
      expect(seen.filter((r) => r.status !== 'sent')).toEqual([]);
      // Exactly one delivery per mail; the row killed in flight was asked again and replayed.
      expect(seen.filter((r) => r.delivered !== 1)).toEqual([]);
      expect(fake.emails).toHaveLength(total);
      expect(new Set(fake.emails.map((e) => e.idempotencyKey))).toEqual(new Set(ids));
      const replays = fake.log.filter((l) => l.outcome === 'replayed').map((l) => l.idempotencyKey);
      expect(replays).toContain(inFlight);
      console.info(
        `SIGKILL mid-batch: servers ready in ${first.startedInMs} and ${second.startedInMs} ms; ${stuck.length} rows were left "sending", ${replays.length} replayed by key, ${total} delivered once each`,
      );
    } finally {
      await pg?.close();
      await fake.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

const ownPgProblem = usePostgres()
  ? ownPostgresUnavailable()
  : 'runs in the PostgreSQL pass (DATABASE_URL=postgres://…)';
if (ownPgProblem) console.warn(`[faults] PostgreSQL restart test skipped: ${ownPgProblem}`);

describe.skipIf(!!ownPgProblem)(
  "PostgreSQL stopped under a running server (a cluster of the test's own)",
  () => {
    it('answers 503 problem+json fast while it is down, recovers by itself, and leaves no half-written account', async () => {
      const own = await startOwnPostgres();
      const fake = await startFakeResend();
      try {
        const server = await startServer({
          DATABASE_URL: own.url,
          RESEND_API_KEY: fake.apiKey,
          RESEND_BASE_URL: fake.url,
          TRUST_PROXY: '1',
          MAIL_POLL_SECONDS: '1',
        });
        let ipSeq = 0;
        const ipHeader = () => ({ 'x-forwarded-for': `10.55.0.${++ipSeq}` });
        const register = (email: string) =>
          api(
            server,
            'POST',
            '/api/v1/auth/register',
            {
              email,
              password: strongPassword,
              name: 'Outage Person',
              acceptPrivacyPolicy: true,
              confirmAge: true,
            },
            ipHeader(),
          );

        const email = `pg-outage-${Date.now()}@example.com`;
        expect((await register(email)).status).toBe(202);
        const link = await waitFor(
          'the verification mail',
          () => fake.lastLink(email, '/verify-email'),
          15_000,
        );
        expect(
          (
            await api(server, 'POST', '/api/v1/auth/verify-email', {
              token: link.token,
              password: strongPassword,
            })
          ).status,
        ).toBe(200);
        const login = await api(
          server,
          'POST',
          '/api/v1/auth/login',
          { email, password: strongPassword, tokenInBody: true },
          ipHeader(),
        );
        expect(login.status).toBe(200);
        const bearer = { authorization: `Bearer ${login.body.token}` };

        own.stop('fast');
        const during = [
          await api(server, 'GET', '/api/v1/me', undefined, bearer),
          await api(server, 'PATCH', '/api/v1/me', { goals: 'written during the outage' }, bearer),
          await api(
            server,
            'POST',
            '/api/v1/auth/login',
            { email, password: strongPassword },
            ipHeader(),
          ),
          await register(`pg-outage-during@example.com`),
          await api(server, 'GET', '/api/v1/lists'),
        ];
        for (const res of during) {
          expect(res.status, res.text).toBe(503);
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(res.body).toMatchObject({
            status: 503,
            type: expect.stringMatching(/\/problems\/unavailable$/),
          });
          expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
          expect(res.ms).toBeLessThan(5000);
        }
        console.info(
          `PostgreSQL down: API answers took ${during.map((r) => Math.round(r.ms)).join(', ')} ms`,
        );
        // Pages answer 503 too (HTML), and the process stays alive and says it is not ready.
        const page = await api(server, 'GET', '/account', undefined, bearer);
        expect(page.status).toBe(503);
        expect((await server.fetch('/readyz')).status).toBe(503);
        expect((await server.fetch('/healthz')).status).toBe(200);

        own.start();
        await waitFor(
          'ready again without a restart',
          async () => (await server.fetch('/readyz')).status === 200,
          20_000,
          200,
        );
        expect((await api(server, 'GET', '/api/v1/me', undefined, bearer)).status).toBe(200);
        // The registration refused during the outage left nothing; every account is whole.
        const check = postgres(own.url, { max: 1, onnotice: () => {} });
        try {
          const people = await check<
            { email: string; consents: number; tokens: number; mails: number; events: number }[]
          >`
          select u.email,
            (select count(*)::int from consents c where c.user_id = u.id) as consents,
            (select count(*)::int from tokens t where t.user_id = u.id and t.purpose = 'verify-email') as tokens,
            (select count(*)::int from email_outbox o where o.user_id = u.id and o.template = 'verify-email') as mails,
            (select count(*)::int from audit_events a where a.user_id = u.id and a.action = 'account.registered') as events
          from users u`;
          expect(people.map((p) => p.email)).toEqual([email]);
          expect(people[0]).toMatchObject({ consents: 2, tokens: 1, mails: 1, events: 1 });
        } finally {
          await check.end();
        }
        // And the service works normally again.
        expect((await register('pg-outage-during@example.com')).status).toBe(202);
        expect((await api(server, 'PATCH', '/api/v1/me', { goals: 'after' }, bearer)).status).toBe(
          200,
        );
        await server.kill('SIGTERM');
      } finally {
        await killAllServers();
        await fake.close();
        await own.destroy();
      }
    }, 120_000);
  },
);

describe('a purge interrupted half-way', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '1' } });

  /** A person with something in most tables, scheduled for deletion; their rows, as text. */
  async function doomedPerson(label: string) {
    const { client, userId, person } = await signedInPerson(t, label, {
      name: `Doomed ${label} Person`,
    });
    expect(
      (await client.patch('/api/v1/me', { phone: '+380 67 111 2233', goals: `goals of ${label}` }))
        .status,
    ).toBe(200);
    expect(
      (await client.put('/api/v1/me/subscriptions/news', { subscribed: true })).status,
    ).toBeLessThan(300);
    expect((await client.delete('/api/v1/me')).status).toBe(202);
    // The grace period has passed, by the test's clock and by the CLI's real one.
    const past = Math.min(t.clock.now().getTime(), Date.now()) - 60_000;
    await t.db
      .update(users)
      .set({ deletionScheduledFor: new Date(past) })
      .where(eq(users.id, userId));
    return { userId, person };
  }
  const footprint = async (userId: string, email: string) =>
    (await dumpDatabase(t.db))
      .filter((d) => d.row.includes(userId) || d.row.toLowerCase().includes(email.toLowerCase()))
      .map((d) => `${d.table} ${d.row}`)
      .sort();
  /** The footprint without the outbox's delivery state (sending a queued mail is not losing it). */
  const undelivered = (rows: string[]) =>
    rows.map((r) => {
      if (!r.startsWith('email_outbox ')) return r;
      const row = JSON.parse(r.slice('email_outbox '.length)) as Record<string, unknown>;
      for (const k of [
        'status',
        'attempts',
        'next_attempt_at',
        'claimed_until',
        'last_error',
        'provider_id',
        'sent_at',
      ])
        delete row[k];
      return `email_outbox ${JSON.stringify(row)}`;
    });

  it('by an error in its last statement leaves the whole person', async () => {
    const { userId, person } = await doomedPerson('purge-error');
    const before = await footprint(userId, person.email);
    expect(new Set(before.map((d) => d.split(' ')[0])).size).toBeGreaterThanOrEqual(5);
    await t.db.execute(
      sql.raw(`create or replace function reliability_fail_purge() returns trigger language plpgsql as
        $$ begin raise exception 'purge interrupted by the test'; end $$`),
    );
    await t.db.execute(
      sql.raw(
        'create trigger reliability_fail_purge before delete on users for each row execute function reliability_fail_purge()',
      ),
    );
    try {
      await expect(purgeDeletedAccounts(t.deps)).rejects.toThrow();
    } finally {
      await t.db.execute(sql.raw('drop trigger reliability_fail_purge on users'));
      await t.db.execute(sql.raw('drop function reliability_fail_purge()'));
    }
    expect(await footprint(userId, person.email)).toEqual(before);
    // Run again, it completes: nothing of the person is left.
    expect(await purgeDeletedAccounts(t.deps)).toMatchObject({ purged: 1 });
    const after = await footprint(userId, person.email);
    // Left: the farewell mail (its address goes once sent) and rate-limit windows keyed by the
    // bare id, which name no one once the users row is gone and expire within two days.
    expect(
      after.filter(
        (d) =>
          !(d.startsWith('email_outbox ') && d.includes('"template":"account-deleted"')) &&
          !d.startsWith('rate_limits '),
      ),
    ).toEqual([]);
  });

  it.skipIf(!usePostgres())(
    'by pg_terminate_backend mid-transaction (npm run cli -- jobs) leaves the whole person (PostgreSQL)',
    async () => {
      const { userId, person } = await doomedPerson('purge-kill');
      const before = await footprint(userId, person.email);
      // Another connection holds a row the purge must change, so it stops half-way; then its
      // backend is terminated. The job runs as `npm run cli -- jobs`, a process of its own.
      const locker = postgres(t.dbHandle.url!, { max: 1, onnotice: () => {} });
      const watcher = postgres(t.dbHandle.url!, { max: 1, onnotice: () => {} });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      try {
        await new Promise<void>((locked) => {
          void locker.begin(async (tx) => {
            await tx`select 1 from consents where user_id = ${userId} for update`;
            locked();
            await held;
          });
        });
        const cli = runCli(['jobs', '--force'], {
          DATABASE_URL: t.dbHandle.url!,
        });
        const blocked = await waitFor(
          'the purge to block mid-transaction',
          async () => {
            const rows = await watcher<{ pid: number; query: string; xid: string | null }[]>`
            select pid, query, backend_xid::text as xid from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
            return rows[0];
          },
          30_000,
        );
        // It has already written inside its transaction (it holds an xid) when it is killed.
        expect(blocked.xid).not.toBeNull();
        await watcher`select pg_terminate_backend(${blocked.pid})`;
        const ran = await cli;
        release();
        console.info(
          `purge killed while waiting on: ${blocked.query.slice(0, 60)}; cli exit ${ran.code}`,
        );
        // The job process survives its killed connection (patches/postgres+3.4.9.patch), reports
        // the purge as failed and goes on with the jobs after it: the outbox, last, delivers the
        // person's queued mails. Every row of theirs is still there.
        expect(ran.code, ran.stderr.slice(-2000)).toBe(0);
        expect(
          JSON.parse(ran.stdout.trim().split('\n').at(-1)!)['purge-deleted-accounts'],
        ).toMatchObject({ error: expect.any(String) });
        expect(undelivered(await footprint(userId, person.email))).toEqual(undelivered(before));
        expect(await purgeDeletedAccounts(t.deps)).toMatchObject({ purged: 1 });
        const [gone] = await rawRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from users where id = ${userId}`,
        );
        expect(gone!.n).toBe(0);
      } finally {
        release();
        await locker.end();
        await watcher.end();
      }
    },
    60_000,
  );
});

/**
 * When a connection dies inside a transaction, postgres.js 3.4.9 sends begin()'s ROLLBACK on
 * it anyway: the write goes to a socket closed() has already set to null, from a setImmediate,
 * and the TypeError ends the whole process (porsager/postgres#1154, #1208). Worse, once that
 * is fixed, the FATAL error the killed query got stays behind and fails the first query of the
 * connection's next socket. Both are patched in patches/postgres+3.4.9.patch (applied by
 * patch-package on npm install / npm ci); the first test below fails without either part.
 */
describe.skipIf(!usePostgres())(
  'a connection killed in the middle of a transaction (PostgreSQL)',
  () => {
    let pg: Awaited<ReturnType<typeof openTestDatabase>>;
    let fake: FakeResend;
    let server: ServerProcess;
    let watcher: postgres.Sql;
    let env: Record<string, string>;
    beforeAll(async () => {
      pg = await openTestDatabase();
      fake = await startFakeResend();
      watcher = postgres(pg.url!, { max: 1, onnotice: () => {} });
      env = {
        DATABASE_URL: pg.url!,
        RESEND_API_KEY: fake.apiKey,
        RESEND_BASE_URL: fake.url,
        TRUST_PROXY: '1',
        MAIL_POLL_SECONDS: '1',
      };
      server = await startServer(env);
    });
    afterAll(async () => {
      await killAllServers();
      await watcher?.end();
      await fake?.close();
      await pg?.close();
    });

    /** Holds `lockSql` in a transaction of its own until the returned release() is called. */
    async function hold(lockSql: string) {
      const locker = postgres(pg.url!, { max: 1, onnotice: () => {} });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await new Promise<void>((locked) => {
        void locker.begin(async (tx) => {
          await tx.unsafe(lockSql);
          locked();
          await held;
        });
      });
      return async () => {
        release();
        await locker.end();
      };
    }
    const blockedBackend = () =>
      waitFor(
        'a request to block on the lock',
        async () =>
          (
            await watcher<{ pid: number; xid: string | null; query: string }[]>`
            select pid, backend_xid::text as xid, query from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`
          )[0],
        15_000,
      );

    it('a registration killed after its users row was written leaves no account at all', async () => {
      const email = `killed-mid-register-${Date.now()}@example.com`;
      // INSERT into tokens (the registration's own link) waits for this lock: the users row is
      // already written by then.
      const release = await hold('lock table tokens in share mode');
      try {
        const answer = api(
          server,
          'POST',
          '/api/v1/auth/register',
          {
            email,
            password: strongPassword,
            name: 'Killed Midway',
            acceptPrivacyPolicy: true,
            confirmAge: true,
          },
          { 'x-forwarded-for': '10.66.0.1' },
        ).catch((err: Error) => ({
          status: 0,
          text: String((err.cause as Error | undefined) ?? err),
        }));
        const blocked = await blockedBackend();
        expect(blocked.query).toMatch(/insert into "tokens"/);
        expect(blocked.xid).not.toBeNull();
        await watcher`select pg_terminate_backend(${blocked.pid})`;
        const res = await answer;
        expect(res.status, res.text).toBe(503);
      } finally {
        await release();
      }
      const rows = await watcher<{ users: number; events: number; mails: number }[]>`
      select (select count(*)::int from users where email = ${email}) as users,
             (select count(*)::int from audit_events where action = 'account.registered') as events,
             (select count(*)::int from email_outbox where to_address = ${email}) as mails`;
      expect(rows[0]).toEqual({ users: 0, events: 0, mails: 0 });
    });

    it('postgres.js: a transaction whose backend is killed rejects, and its connection then serves the next query', async () => {
      const sql = postgres(pg.url!, { max: 1, onnotice: () => {} });
      try {
        for (let round = 0; round < 3; round++) {
          let pid: number | null = null;
          const tx = sql.begin(async (t) => {
            pid = (await t<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid;
            await t`select pg_sleep(10)`;
          });
          const settled = tx.then(
            () => 'committed',
            (err: { code?: string }) => err.code,
          );
          await watcher`select pg_terminate_backend(${await waitFor('the transaction to start', () => pid, 5000, 10)})`;
          expect(await settled).toBe('CONNECTION_CLOSED');
          // The pool's only connection, on a new socket: not failed with the killed query's error.
          expect(await sql`select ${round}::int as round`).toEqual([{ round }]);
        }
      } finally {
        await sql.end({ timeout: 1 });
      }
    });

    it('the server keeps serving after one of its connections was killed mid-transaction', async () => {
      // The same server as the test above: the registration it killed must not have ended it.
      expect(server.alive, server.output()).toBe(true);
      const email = `survivor-${Date.now()}@example.com`;
      expect(
        (
          await api(
            server,
            'POST',
            '/api/v1/auth/register',
            {
              email,
              password: strongPassword,
              name: 'Survivor',
              acceptPrivacyPolicy: true,
              confirmAge: true,
            },
            { 'x-forwarded-for': '10.66.0.2' },
          )
        ).status,
      ).toBe(202);
      const link = await waitFor(
        'the verification mail',
        () => fake.lastLink(email, '/verify-email'),
        15_000,
      );
      expect(
        (
          await api(server, 'POST', '/api/v1/auth/verify-email', {
            token: link.token,
            password: strongPassword,
          })
        ).status,
      ).toBe(200);
      const login = await api(
        server,
        'POST',
        '/api/v1/auth/login',
        { email, password: strongPassword, tokenInBody: true },
        { 'x-forwarded-for': '10.66.0.3' },
      );
      const bearer = { authorization: `Bearer ${login.body.token}` };
      for (let round = 0; round < 3; round++) {
        // A profile edit waits on a row lock; its backend is terminated while it waits.
        const release = await hold('select 1 from users for update');
        try {
          const answer = api(
            server,
            'PATCH',
            '/api/v1/me',
            { goals: `round ${round}` },
            bearer,
          ).catch(() => null);
          const blocked = await blockedBackend();
          await watcher`select pg_terminate_backend(${blocked.pid})`;
          expect((await answer)?.status).toBe(503);
        } finally {
          await release();
        }
        // Alive, and its connections still answer.
        for (let i = 0; i < 6; i++) {
          const res = await Promise.race([
            api(server, 'GET', '/api/v1/me', undefined, bearer).then(
              (r) => r.status,
              (err: Error) => `failed: ${String((err.cause as Error | undefined) ?? err)}`,
            ),
            sleep(3000).then(() => 'no answer within 3 s'),
          ]);
          expect(res, `round ${round}, read ${i}: ${server.out.stderr.slice(0, 300)}`).toBe(200);
        }
      }
      expect(server.alive, server.output()).toBe(true);
      expect(server.out.stderr).not.toMatch(/TypeError|uncaught/i);
    });
  },
);
