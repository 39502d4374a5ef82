import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { auditEvents, bookings, payments, sessions, tokens, users } from '../../db/schema';
import { parseConfig } from '../../src/config';
import { runDueJobs } from '../../src/jobs/schedule';
import { createJsonLogger } from '../../src/platform/logger';
import { hashSecret } from '../../src/platform/secret-tokens';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  mailedToken,
  newPerson,
  read,
  registerAndVerify,
  registerRequest,
  signedInPerson,
  signIn,
  userById,
  userByEmail,
} from '../helpers/accounts';
import { dumpDatabase, rowsMentioning } from '../integration/privacy-fixtures';
import { promises } from './promises';

/** SECURITY.md, "Data protection": one test per line. */
const logLines: string[] = [];
let ipSeq = 0;
const client = (app: Pick<TestApp, 'app'> = t) =>
  createClient(app, { ip: `10.35.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}` });
const day = 86_400_000;

const t = useTestApp({
  env: { TRUST_PROXY: '1' },
  log: createJsonLogger((line) => logLines.push(line)),
});

async function signedIn(label: string, overrides = {}) {
  const s = await signedInPerson(t, label, client, {
    person: overrides,
    signIn: { tokenInBody: true },
  });
  return { ...s, token: s.body.token! };
}

/** A staff member books and charges the person: records the law makes the school keep. */
async function bookAndCharge(userId: string, staffId: string, label: string) {
  const start = new Date(t.clock.now().getTime() + 2 * day);
  const [booking] = await t.db
    .insert(bookings)
    .values({
      uid: `dp-${userId}@test`,
      userId,
      staffId,
      title: `${label} lesson`,
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      timeZone: 'Europe/Kyiv',
      notes: `${label} notes`,
    })
    .returning({ id: bookings.id });
  await t.db.insert(payments).values({
    userId,
    bookingId: booking!.id,
    amount: '320.00',
    currency: 'UAH',
    description: `${label} payment`,
    paidAt: t.clock.now(),
    recordedBy: staffId,
  });
  return booking!.id;
}

describe('Data protection', () => {
  it(promises.noSecretsLeak, async () => {
    logLines.length = 0;
    const p = newPerson('secrets', { password: 'my very secret passphrase 314' });
    expect((await registerRequest(client(), p)).status).toBe(202);
    const verify = await mailedToken(t, p.email, '/verify-email');
    // The emailed link opened in a browser: the token is in the URL of that request.
    expect((await client().get(`/verify-email?token=${verify}`)).status).toBe(200);
    expect(
      (await client().post('/api/v1/auth/verify-email', { token: verify, password: p.password }))
        .status,
    ).toBe(200);
    const c = client();
    const login = await c.post('/api/v1/auth/login', {
      email: p.email,
      password: p.password,
      tokenInBody: true,
    });
    const session = (await login.json()).token as string;
    const cookie = c.jar.get('session')!;
    // Failures, with the password in the request.
    const wrong = await read(
      await client().post('/api/v1/auth/login', { email: p.email, password: `${p.password}x` }),
    );
    const weak = await read(
      await registerRequest(client(), newPerson('weak', { password: 'short' })),
    );
    const badJson = await read(
      await t.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"email":"${p.email}","password":"${p.password}"`,
      }),
    );
    const reauth = await read(
      await c.post('/api/v1/auth/reauth', { password: 'not it at all, sorry' }),
    );
    // A reset, a two-step set-up secret, an export.
    await client().post('/api/v1/auth/password/forgot', { email: p.email });
    const reset = await mailedToken(t, p.email, '/reset-password');
    expect((await client().get(`/reset-password?token=${reset}`)).status).toBe(200);
    const newPassword = 'another secret passphrase 271';
    expect(
      (await client().post('/api/v1/auth/password/reset', { token: reset, password: newPassword }))
        .status,
    ).toBe(204);
    const me = client();
    const { token: second } = await signIn(
      me,
      { email: p.email, password: newPassword },
      { tokenInBody: true },
    );
    const setup = await read(await me.post('/api/v1/me/2fa/setup'));
    expect(setup.status).toBeLessThan(300);
    const totpSecret = String(setup.body.secret ?? setup.body.otpauthUrl ?? '').replace(
      /^.*secret=([A-Z2-7]+).*$/,
      '$1',
    );
    expect(totpSecret.length).toBeGreaterThanOrEqual(16);
    const exported = await me.get('/api/v1/me/export?format=json');
    expect(exported.status).toBe(200);
    const exportText = await exported.text();
    const zip = unzipSync(new Uint8Array(await (await me.get('/api/v1/me/export')).arrayBuffer()));
    const zipText = Object.values(zip)
      .map((f) => strFromU8(f))
      .join('\n');
    const user = await userByEmail(t, p.email);
    const hashes = [
      user!.passwordHash!,
      ...(await t.db.select().from(sessions).where(eq(sessions.userId, user!.id))).map(
        (s) => s.secretHash,
      ),
    ];

    const secrets: [string, string][] = [
      ['password', p.password],
      ['new password', newPassword],
      ['verification token', verify],
      ['reset token', reset],
      ['session token', session],
      ['session secret', session.split('.')[1]!],
      ['second session secret', second!.split('.')[1]!],
      ['cookie', cookie.split('.')[1]!],
      ['two-step secret', totpSecret],
      ['password hash', hashes[0]!],
      ...hashes.slice(1).map((h): [string, string] => ['session secret hash', h]),
      ['hash of the verification token', hashSecret(verify)],
    ];
    const logs = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(10);
    for (const [what, secret] of secrets) {
      expect(logs.includes(secret), `${what} in the logs`).toBe(false);
      expect(exportText.includes(secret), `${what} in the export`).toBe(false);
      expect(zipText.includes(secret), `${what} in the export zip`).toBe(false);
    }
    for (const [what, res] of [
      ['wrong password', wrong],
      ['weak password', weak],
      ['broken JSON', badJson],
      ['failed reauth', reauth],
    ] as const) {
      const text = JSON.stringify(res.body);
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(text.includes(p.password), `${what}: password echoed`).toBe(false);
      expect(text.includes('short'), `${what}: password echoed`).toBe(false);
    }
    // The export names the person's sign-in methods without their secrets.
    expect(exportText).not.toMatch(
      /"(passwordHash|password_hash|secretHash|secret_hash|codeHash|code_hash|publicKey|public_key)"/,
    );
  });

  it(promises.deletion, async () => {
    const staff = await signedIn('dp-staff');
    await t.db.update(users).set({ role: 'staff' }).where(eq(users.id, staff.id));
    const person = await signedIn('dp-gone', { name: 'Мирослава Видаленко' });
    const phone = '+380 67 000 1122';
    expect(
      (
        await person.c.patch('/api/v1/me', {
          phone,
          videoHandle: 'myroslava.gone',
          goals: 'B2 by summer',
        })
      ).status,
    ).toBe(200);
    const bookingId = await bookAndCharge(person.id, staff.id, 'Myroslava');
    expect((await person.c.put('/api/v1/me/subscriptions/news', { subscribed: true })).status).toBe(
      200,
    );
    // Staff looked at the person (audit rows about them, with staff as actor).
    expect(
      (
        await createClient(t).get(`/api/v1/staff/users/${person.id}`, {
          headers: { authorization: `Bearer ${staff.token}` },
        })
      ).status,
    ).toBe(200);
    const survivor = await signedIn('dp-survivor');
    await t.sendMail();

    // The person asks for deletion through the API; the grace period passes; the jobs run.
    const del = await read(await person.c.delete('/api/v1/me'));
    expect(del.status).toBe(202);
    t.clock.advance(parseConfig({}).deletionGraceDays * day + 60_000);
    const ran = await runDueJobs(t.deps);
    expect(ran['purge-deleted-accounts']).toMatchObject({ purged: 1 });
    await t.sendMail();
    await runDueJobs(t.deps, { force: true, only: ['erase-farewell-addresses'] });

    const dump = await dumpDatabase(t.db);
    const needles = [
      person.p.email,
      person.p.name,
      phone,
      phone.replace(/\s/g, ''),
      'myroslava.gone',
      person.id,
    ];
    expect(rowsMentioning(dump, needles).map((d) => `${d.table}: ${d.row.slice(0, 200)}`)).toEqual(
      [],
    );
    // The payment stays, without the person; the other people are untouched.
    const kept = (await t.db.select().from(payments)).filter(
      (x) => x.bookingId === bookingId || x.description.includes('payment'),
    );
    expect(kept.filter((x) => x.userId === null && x.amount === '320.00')).toHaveLength(1);
    expect(await userById(t, survivor.id)).not.toBeNull();
    expect(await userById(t, staff.id)).not.toBeNull();
  });

  it(
    promises.retention,
    async () => {
      // Each rule is a documented setting with its default in the README.
      const readme = readFileSync(
        fileURLToPath(new URL('../../README.md', import.meta.url)),
        'utf8',
      );
      const defaults = parseConfig({});
      const documented = (name: string, value: number) =>
        expect(readme, name).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|\\s*\`${value}\``));
      documented('UNVERIFIED_ACCOUNT_DAYS', defaults.unverifiedAccountDays);
      documented('IP_RETENTION_DAYS', defaults.ipRetentionDays);
      documented('INACTIVE_ACCOUNT_DAYS', defaults.inactiveAccountDays);
      documented('SESSION_IDLE_MINUTES', defaults.sessionIdleMs / 60_000);
      documented('SESSION_ABSOLUTE_HOURS', defaults.sessionAbsoluteMs / 3_600_000);
      documented('DELETION_GRACE_DAYS', defaults.deletionGraceDays);

      // On a database of its own, the clock moved through a year of jobs running as scheduled.
      const r = await createTestApp({ env: { TRUST_PROXY: '1' } });
      try {
        const rc = (ip: string) => createClient(r, { ip });
        const unverified = newPerson('never-verified');
        expect((await registerRequest(rc('10.36.0.1'), unverified)).status).toBe(202);
        const idle = newPerson('idle');
        const idleId = await registerAndVerify(r, rc('10.36.0.2'), idle);
        const stays = newPerson('stays');
        const staysId = await registerAndVerify(r, rc('10.36.0.3'), stays);
        const staysClient = rc('10.36.0.4');
        await signIn(staysClient, stays);
        // The jobs as the scheduler runs them (each at most every few hours), at the moments that
        // matter; the person who stays signs in now and then, the idle one never again.
        const at = async (dayNumber: number, keepActive = true) => {
          r.clock.set(new Date(start + dayNumber * day));
          if (keepActive) await signIn(rc(`10.36.1.${dayNumber % 250}`), stays);
          return runDueJobs(r.deps);
        };
        const start = r.clock.now().getTime();
        await at(defaults.unverifiedAccountDays + 1);
        expect(await userByEmail(r, unverified.email)).toBeNull();
        // Used and expired tokens, and sessions past their end, are gone.
        expect(await r.db.select().from(tokens).where(eq(tokens.userId, idleId))).toEqual([]);
        expect(await r.db.select().from(sessions).where(eq(sessions.userId, idleId))).toEqual([]);

        // IP addresses older than IP_RETENTION_DAYS are removed, newer ones kept.
        await at(defaults.ipRetentionDays + 2);
        const events = await r.db.select().from(auditEvents).where(eq(auditEvents.userId, staysId));
        const cutoff = r.clock.now().getTime() - defaults.ipRetentionDays * day;
        expect(events.filter((e) => e.at.getTime() < cutoff).length).toBeGreaterThan(0);
        expect(events.filter((e) => e.at.getTime() < cutoff).every((e) => e.ip === null)).toBe(
          true,
        );
        expect(events.some((e) => e.at.getTime() >= cutoff && e.ip !== null)).toBe(true);

        // The inactive account: warned 30 days before, then scheduled, then purged after the grace.
        await at(defaults.inactiveAccountDays - 29);
        expect((await userById(r, idleId))!.inactivityWarnedAt).not.toBeNull();
        await at(defaults.inactiveAccountDays + 2);
        expect((await userById(r, idleId))!.deletionScheduledFor).not.toBeNull();
        await at(defaults.inactiveAccountDays + defaults.deletionGraceDays + 3);
        await r.sendMail();
        expect(
          r.resend
            .to(idle.email)
            .some((m) => /inactiv|unused|30 days|deleted/i.test(`${m.subject} ${m.text}`)),
        ).toBe(true);
        expect(await userById(r, idleId)).toBeNull();
        expect(await userById(r, staysId)).not.toBeNull();
      } finally {
        await r.close();
      }
    },
    60_000,
  );

  it(promises.export, async () => {
    const staff = await signedIn('ex-staff', { name: 'Staff Hiddenname' });
    await t.db.update(users).set({ role: 'staff' }).where(eq(users.id, staff.id));
    const person = await signedIn('ex-person', { name: 'Ярина Експорт' });
    const other = await signedIn('ex-other', { name: 'Other Bystander' });
    expect(
      (
        await person.c.patch('/api/v1/me', {
          phone: '+380 50 111 2233',
          videoHandle: 'yaryna.export',
          goals: 'Speak at work',
        })
      ).status,
    ).toBe(200);
    expect(
      (await other.c.patch('/api/v1/me', { phone: '+380 50 999 8877', goals: 'Other goals' }))
        .status,
    ).toBe(200);
    await bookAndCharge(person.id, staff.id, 'Yaryna');
    await bookAndCharge(other.id, staff.id, 'Bystander');
    expect(
      (await person.c.put('/api/v1/me/subscriptions/lessons', { subscribed: true })).status,
    ).toBe(200);
    expect(
      (await person.c.put('/api/v1/me/restriction', { reason: 'Checking accuracy' })).status,
    ).toBe(204);
    expect((await person.c.delete('/api/v1/me/restriction')).status).toBe(204);

    const json = await person.c.get('/api/v1/me/export?format=json');
    expect(json.status).toBe(200);
    const text = await json.text();
    // Everything held about the person: profile, sign-ins and sessions, activity, consents,
    // subscriptions, bookings, payments.
    for (const held of [
      person.p.email,
      person.p.name,
      '+380 50 111 2233',
      'yaryna.export',
      'Speak at work',
      'Yaryna lesson',
      'Yaryna payment',
      'Yaryna notes',
      'privacy-policy',
      'age-confirmation',
      'lessons',
      'sign-in',
      'processing.restricted',
      '10.35.',
    ]) {
      expect(text, held).toContain(held);
    }
    // …and nothing about anyone else: not the other person, not the staff member.
    for (const foreign of [
      other.p.email,
      other.p.name,
      other.id,
      '+380 50 999 8877',
      'Other goals',
      'Bystander lesson',
      'Bystander payment',
      staff.p.email,
      staff.p.name,
      staff.id,
    ]) {
      expect(text.includes(foreign), `export names ${foreign}`).toBe(false);
    }
    // The zip holds the same data.json, a CSV per category and a README.
    const zip = unzipSync(
      new Uint8Array(await (await person.c.get('/api/v1/me/export')).arrayBuffer()),
    );
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['data.json', 'README.txt']));
    expect(Object.keys(zip).filter((n) => n.endsWith('.csv')).length).toBeGreaterThanOrEqual(5);
    const all = Object.values(zip)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).toContain('Yaryna payment');
    for (const foreign of [other.p.email, other.p.name, staff.p.email, staff.p.name])
      expect(all.includes(foreign), foreign).toBe(false);
  });
});
