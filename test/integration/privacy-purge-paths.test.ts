import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { auditEvents, emailOutbox, users } from '../../db/schema';
import { runDueJobs } from '../../src/jobs/schedule';
import { fileErasureLedger } from '../../src/ops/erasure-ledger';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { newPerson, registerRequest, userByEmail, userById } from '../helpers/accounts';
import { clientFor, dumpDatabase, rowsMentioning, signedInPerson } from './privacy-fixtures';

/**
 * Every way an account leaves the database (self-service after the grace period, inactivity
 * retention, unverified-account retention) ends in the same purge: the person is in the
 * erasure ledger, and a full dump of the database no longer names them anywhere, including
 * copies of their identity that no foreign key reaches (mail to their address queued for
 * someone else, an event about someone else that names them).
 */

const day = 86_400_000;
const hour = 3_600_000;

let t: TestApp | undefined;
let ledgerDir: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (ledgerDir) await rm(ledgerDir, { recursive: true, force: true });
  ledgerDir = undefined;
});

async function start() {
  t = await createTestApp({ env: { TRUST_PROXY: '1' } });
  ledgerDir = await mkdtemp(join(tmpdir(), 'ledger-'));
  return { t, ledger: join(ledgerDir, 'erasures.jsonl') };
}

/** The jobs as the Node server runs them: due jobs once, with the server's file ledger. */
const runJobs = (app: TestApp, ledger: string) =>
  runDueJobs({ ...app.deps, erasureLedger: fileErasureLedger(ledger) });

const ledgerIds = async (ledger: string) => {
  const text = await readFile(ledger, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { userId: string }).userId);
};

type Target = { userId: string; email: string; name: string; phone: string };

/**
 * Someone else names the person where no foreign key reaches: a signed-in person tries to
 * change their address to the target's (a note is queued to that address, for nobody's
 * account), and an event about that someone else names the target in its details.
 */
async function namedElsewhere(app: TestApp, target: Target) {
  const witness = await signedInPerson(app, 'witness');
  expect((await witness.client.post('/api/v1/me/email', { newEmail: target.email })).status).toBe(
    202,
  );
  const taken = await app.db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, target.email), eq(emailOutbox.template, 'email-change-taken')),
    );
  expect(taken).toEqual([expect.objectContaining({ userId: null })]);
  await app.db.insert(auditEvents).values({
    userId: witness.userId,
    action: 'support.note',
    at: app.clock.now(),
    details: { about: `${target.name} <${target.email}>, ${target.phone}` },
  });
  return witness;
}

async function expectPurged(app: TestApp, ledger: string, target: Target, witnessId: string) {
  expect(await userById(app, target.userId)).toBeNull();
  // Recorded outside the database by id only, so a restored backup deletes them again.
  expect(await ledgerIds(ledger)).toContain(target.userId);
  expect(await readFile(ledger, 'utf8')).not.toMatch(/@/);
  // The scrubs ran: the note to the address is gone, the other event keeps its shape.
  const [note] = await app.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, witnessId), eq(auditEvents.action, 'support.note')));
  expect(note?.details).toEqual({ about: '[deleted] <[deleted]>, [deleted]' });
  const dump = await dumpDatabase(app.db);
  expect(dump.length).toBeGreaterThan(20);
  const needles = [target.email, target.name, target.phone, target.userId];
  expect(rowsMentioning(dump, needles).map((d) => `${d.table}: ${d.row.slice(0, 300)}`)).toEqual(
    [],
  );
}

/** Proves the dump search finds the person while they exist (so "finds nothing" means something). */
async function expectNamedIn(app: TestApp, target: Target, tables: string[]) {
  const found = new Set(
    rowsMentioning(await dumpDatabase(app.db), [target.email, target.name, target.phone]).map(
      (d) => d.table,
    ),
  );
  for (const table of tables) expect(found, table).toContain(table);
}

describe('UNVERIFIED_ACCOUNT_DAYS (7): an address never confirmed', () => {
  it('is purged by the jobs run like a self-service deletion: in the ledger, and nowhere in a dump', async () => {
    const { t: app, ledger } = await start();
    const client = clientFor(app);
    const p = newPerson('never-confirmed', { name: 'Оксана Unconfirmed' });
    expect((await registerRequest(client, p)).status).toBe(202);
    // Registered again from another device a day later (a second link, a second set of consents).
    app.clock.advance(day);
    expect((await registerRequest(clientFor(app), p)).status).toBe(202);
    // A reset asked for the address: a token and a mail for the account.
    expect(
      (await clientFor(app).post('/api/v1/auth/password/forgot', { email: p.email })).status,
    ).toBe(202);
    await app.sendMail();
    const user = (await userByEmail(app, p.email))!;
    expect(user.emailVerifiedAt).toBeNull();
    // Not reachable through the API before verification; a phone the school typed in by hand.
    const phone = '+380 50 111 2233';
    await app.db.update(users).set({ phone }).where(eq(users.id, user.id));
    const target = { userId: user.id, email: p.email, name: p.name, phone };

    // A confirmed account as old: retention leaves it alone.
    const confirmed = await signedInPerson(app, 'confirmed-same-age');

    app.clock.advance(5 * day + 23 * hour); // 6 days 23 hours after the first registration
    await runJobs(app, ledger);
    expect(await userById(app, target.userId)).not.toBeNull();

    const witness = await namedElsewhere(app, target);
    await expectNamedIn(app, target, ['users', 'email_outbox', 'audit_events']);
    app.clock.advance(2 * hour);
    const results = await runJobs(app, ledger);
    expect(results['purge-unverified']).toEqual({ users: 1 });

    await expectPurged(app, ledger, target, witness.userId);
    expect(await userById(app, confirmed.userId)).not.toBeNull();
    expect(await ledgerIds(ledger)).toEqual([target.userId]);
    // Nobody proved owning the address: no farewell mail goes to it.
    expect(app.resend.to(p.email).map((m) => m.subject)).not.toContain('Your account is deleted');
  });
});

describe('every deletion path goes through the one purge', () => {
  const paths: { name: string; setUp: (app: TestApp, ledger: string) => Promise<Target> }[] = [
    {
      name: 'self-service, after the grace period',
      async setUp(app, ledger) {
        const { client, userId, person } = await signedInPerson(app, 'path-self', {
          name: 'Марта Selfservice',
        });
        const phone = '+380 67 000 1111';
        expect((await client.patch('/api/v1/me', { phone })).status).toBe(200);
        expect((await client.delete('/api/v1/me')).status).toBe(202);
        app.clock.advance(13 * day);
        await runJobs(app, ledger);
        expect(await userById(app, userId)).not.toBeNull();
        app.clock.advance(day + hour);
        return { userId, email: person.email, name: person.name, phone };
      },
    },
    {
      name: 'inactivity retention',
      async setUp(app, ledger) {
        const { client, userId, person } = await signedInPerson(app, 'path-inactive', {
          name: 'Богдан Inactive',
        });
        const phone = '+380 67 000 2222';
        expect((await client.patch('/api/v1/me', { phone })).status).toBe(200);
        app.clock.advance(336 * day);
        await runJobs(app, ledger); // warned
        app.clock.advance(30 * day + hour);
        await runJobs(app, ledger); // scheduled, 14 days of grace
        expect((await userById(app, userId))!.deletionScheduledFor).not.toBeNull();
        app.clock.advance(14 * day + hour);
        return { userId, email: person.email, name: person.name, phone };
      },
    },
    {
      name: 'unverified-account retention',
      async setUp(app) {
        const p = newPerson('path-unverified', { name: 'Ганна Unverified' });
        expect((await registerRequest(clientFor(app), p)).status).toBe(202);
        await app.sendMail();
        const user = (await userByEmail(app, p.email))!;
        const phone = '+380 67 000 3333';
        await app.db.update(users).set({ phone }).where(eq(users.id, user.id));
        app.clock.advance(7 * day + hour);
        return { userId: user.id, email: p.email, name: p.name, phone };
      },
    },
  ];

  it.each(paths)(
    '$name: in the erasure ledger, scrubbed everywhere, nowhere in a dump',
    async ({ setUp }) => {
      const { t: app, ledger } = await start();
      const target = await setUp(app, ledger);
      const witness = await namedElsewhere(app, target);
      await expectNamedIn(app, target, ['users', 'email_outbox', 'audit_events']);
      await runJobs(app, ledger);
      await expectPurged(app, ledger, target, witness.userId);
      // Counted for operations like every other purge, naming no one.
      const purged = await app.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'account.purged'));
      expect(purged).toHaveLength(1);
      expect(purged[0]).toMatchObject({ userId: null, actorId: null, ip: null, userAgent: null });
    },
  );
});

describe('no other way out', () => {
  it('no source file but the purge deletes a users row', async () => {
    const root = join(__dirname, '../../src');
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
    );
    expect(files.length).toBeGreaterThan(50);
    const deleting: string[] = [];
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8');
      if (
        /\.delete\(\s*users\s*\)|delete\s+from\s+("?users"?|\$\{\s*users\s*\})(\s|;|$)/i.test(text)
      )
        deleting.push(file);
    }
    expect(deleting).toEqual(['privacy/purge.ts']);
  });
});
