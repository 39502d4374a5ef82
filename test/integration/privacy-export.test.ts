import { describe, expect, it, vi } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import {
  auditEvents,
  bookings,
  passkeys,
  payments,
  recoveryCodes,
  sessions,
  subscriptionEvents,
  subscriptions,
  tokens,
  totpCredentials,
  users,
} from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { problemType, read } from '../helpers/accounts';
import { categories } from '../../src/privacy/registry';
import { clientFor, rawRows, signedInPerson } from './privacy-fixtures';

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const minute = 60_000;
const goals = 'Говорити вільно, "без страху"\nна роботі; =SUM(A1)';

/** Decodes UTF-8 keeping a byte-order mark, so tests can see it is there. */
const withBom = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

async function download(res: Response) {
  expect(res.status).toBe(200);
  return unzipSync(new Uint8Array(await res.arrayBuffer()));
}

/** A staff member who books, records and looks: their identity must not reach the export. */
async function seedStaffActivity(userId: string) {
  const [staff] = await t.db
    .insert(users)
    .values({
      email: 'teacher.hidden@example.com',
      name: 'Hidden Teacher',
      role: 'staff',
      emailVerifiedAt: t.clock.now(),
    })
    .returning({ id: users.id });
  const [booking] = await t.db
    .insert(bookings)
    .values({
      uid: `export-${userId}@test`,
      userId,
      staffId: staff!.id,
      title: 'Ukrainian B1, lesson 4',
      startsAt: new Date(t.clock.now().getTime() + 86_400_000),
      endsAt: new Date(t.clock.now().getTime() + 86_400_000 + 3_600_000),
      timeZone: 'Europe/Kyiv',
      location: 'Skype',
      notes: 'Bring the workbook',
    })
    .returning({ id: bookings.id });
  await t.db.insert(payments).values({
    userId,
    bookingId: booking!.id,
    amount: '450.00',
    currency: 'UAH',
    description: 'Four lessons',
    paidAt: t.clock.now(),
    recordedBy: staff!.id,
  });
  await t.db.insert(auditEvents).values({
    userId,
    actorId: staff!.id,
    action: 'staff.viewed',
    at: t.clock.now(),
    details: {
      staffEmail: 'teacher.hidden@example.com',
      note: 'opened by teacher.hidden@example.com',
      section: 'profile',
    },
  });
  return staff!.id;
}

describe('GET /api/v1/me/export', () => {
  it('is a zip of data.json, one CSV per dataset and a README, with everything and nothing of anyone else', async () => {
    const { client, userId, person } = await signedInPerson(t, 'export', { name: 'Олена Коваль' });
    const other = await signedInPerson(t, 'bystander');
    expect(
      (
        await client.patch('/api/v1/me', {
          phone: '+380 44 123 4567',
          videoHandle: 'olena.skype',
          goals,
          timeZone: 'Europe/Kyiv',
        })
      ).status,
    ).toBe(200);
    const staffId = await seedStaffActivity(userId);
    await t.db.insert(passkeys).values({
      userId,
      credentialId: 'cred-secret-id',
      publicKey: 'pk-secret',
      deviceType: 'multiDevice',
      name: 'My phone',
    });
    await t.db
      .insert(totpCredentials)
      .values({ userId, secret: 'TOTPSECRETVALUE', enabledAt: t.clock.now() });
    await t.db.insert(recoveryCodes).values([
      { userId, codeHash: 'rc-hash-1' },
      { userId, codeHash: 'rc-hash-2', usedAt: t.clock.now() },
    ]);
    await t.db
      .insert(subscriptions)
      .values({ userId, listSlug: 'news', status: 'subscribed', confirmedAt: t.clock.now() });
    await t.db
      .insert(subscriptionEvents)
      .values({ userId, listSlug: 'news', action: 'confirmed', method: 'link' });

    const res = await client.get('/api/v1/me/export');
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const files = await download(res);
    const expected = [
      'README.txt',
      'data.json',
      ...categories.flatMap((c) => c.datasets.map((d) => `${d.name}.csv`)),
    ];
    expect(Object.keys(files).sort()).toEqual(expected.sort());

    const data = JSON.parse(strFromU8(files['data.json']!));
    expect(data.schemaVersion).toBe(1);
    expect(data.generatedAt).toBe(t.clock.now().toISOString());
    expect(Object.keys(data.categories)).toEqual(categories.map((c) => c.key));
    const records = (key: string, name = key) =>
      data.categories[key].records[name] as Record<string, unknown>[];
    const [profile] = records('profile');
    expect(profile).toMatchObject({
      id: userId,
      email: person.email,
      name: 'Олена Коваль',
      phone: '+380 44 123 4567',
      videoHandle: 'olena.skype',
      goals,
      timeZone: 'Europe/Kyiv',
    });
    expect(profile!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(data.categories.profile.purpose).toMatch(/name.*time zone/);
    expect(records('sign-in-methods', 'sign-in-methods').map((m) => m.type)).toEqual([
      'password',
      'passkey',
      'authenticator-app',
      'recovery-codes',
    ]);
    expect(records('sign-in-methods', 'sign-in-methods')[3]!.details).toEqual({
      total: 2,
      unused: 1,
    });
    expect(records('sessions')).toEqual([
      expect.objectContaining({ persistent: false, ip: expect.stringMatching(/^198\.51\.100\./) }),
    ]);
    expect(
      records('consents')
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['age-confirmation', 'privacy-policy']);
    expect(records('subscriptions', 'subscriptions')).toEqual([
      expect.objectContaining({ list: 'news', status: 'subscribed' }),
    ]);
    expect(records('subscriptions', 'subscription-events')).toHaveLength(1);
    expect(records('bookings')).toEqual([
      expect.objectContaining({ title: 'Ukrainian B1, lesson 4', notes: 'Bring the workbook' }),
    ]);
    expect(records('payments')).toEqual([
      expect.objectContaining({ amount: '450.00', currency: 'UAH', description: 'Four lessons' }),
    ]);
    expect(records('emails').map((m) => m.template)).toContain('verify-email');
    const staffEvent = records('events', 'security-events').find(
      (e) => e.action === 'staff.viewed',
    )!;
    expect(staffEvent).toMatchObject({
      byStaff: true,
      details: { note: 'opened by [someone else]', section: 'profile' },
    });
    expect(
      records('events', 'security-events').some(
        (e) => e.action === 'sign-in' && e.byStaff === false,
      ),
    ).toBe(true);

    // Nothing secret, nothing about anyone else, anywhere in the archive.
    const [row] = await t.db.select().from(users).where(eq(users.id, userId));
    const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, userId));
    const tokenHashes = (
      await t.db.select({ h: tokens.hash }).from(tokens).where(eq(tokens.userId, userId))
    ).map((r) => r.h);
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const secret of [
      row!.passwordHash!,
      session!.secretHash,
      session!.id,
      ...tokenHashes,
      'cred-secret-id',
      'pk-secret',
      'TOTPSECRETVALUE',
      'rc-hash-1',
    ]) {
      expect(everything).not.toContain(secret);
    }
    for (const foreign of [
      'teacher.hidden@example.com',
      'Hidden Teacher',
      staffId,
      other.person.email,
      other.userId,
      other.person.name,
    ]) {
      expect(everything).not.toContain(foreign);
    }
  });

  it('writes CSVs a spreadsheet opens: UTF-8 BOM, CRLF, RFC 4180 quoting, parsed back by csv-parse', async () => {
    const { client } = await signedInPerson(t, 'csv', { name: 'Тарас, "Шевченко"' });
    await client.patch('/api/v1/me', { goals });
    const files = await download(await client.get('/api/v1/me/export'));
    const profileCsv = files['profile.csv']!;
    expect([...profileCsv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = withBom(profileCsv);
    // Columns for people first (see privacy-export-csv.test.ts), then data.json's own, unchanged.
    const header = text.split('\r\n')[0]!;
    expect(header.startsWith('\uFEFFAccount identifier,Email address,Full name,')).toBe(true);
    expect(
      header.endsWith(
        ',id,email,name,phone,videoHandle,goals,locale,timeZone,role,emailVerifiedAt,createdAt,updatedAt,lastActiveAt,processingRestrictedAt,processingRestrictionReason,deletionScheduledFor,inactivityWarnedAt,passwordResetRequiredAt',
      ),
    ).toBe(true);
    const rows = parse<Record<string, string>>(text, {
      bom: true,
      columns: true,
      record_delimiter: '\r\n',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe('Тарас, "Шевченко"');
    expect(rows[0]!['Full name']).toBe('Тарас, "Шевченко"');
    // The formula guard applies to cells that start with "="; this one starts with a letter.
    expect(rows[0]!.goals).toBe(goals);
    expect(rows[0]!.timeZone).toBe('');
    const events = parse<Record<string, string>>(strFromU8(files['security-events.csv']!), {
      bom: true,
      columns: true,
    });
    expect(events.map((e) => e.action)).toContain('profile.updated');
    expect(events.find((e) => e.action === 'profile.updated')!.details).toBe(
      '{"fields":["goals"]}',
    );
    expect(Object.keys(events[0]!).slice(9)).toEqual([
      'id',
      'at',
      'action',
      'byStaff',
      'byRole',
      'actedBy',
      'ip',
      'userAgent',
      'details',
    ]);
  });

  it('explains the files in README.txt in the person’s language, dated in their time zone (UTC, named, without one)', async () => {
    const { client } = await signedInPerson(t, 'readme', { locale: 'uk' });
    const dated = (zone: string) =>
      new Intl.DateTimeFormat('uk-UA', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
        timeZoneName: 'short',
      }).format(t.clock.now());
    const utc = withBom((await download(await client.get('/api/v1/me/export')))['README.txt']!);
    expect(utc).toContain(`станом на ${dated('UTC')}.`);
    expect(dated('UTC')).toMatch(/UTC$/);
    await client.patch('/api/v1/me', { timeZone: 'Asia/Tokyo' });
    const files = await download(await client.get('/account/privacy/export'));
    const readme = withBom(files['README.txt']!);
    expect(readme).toContain(`станом на ${dated('Asia/Tokyo')}.`);
    expect(dated('Asia/Tokyo')).toMatch(/GMT\+9$/);
    expect(readme.startsWith('\uFEFF')).toBe(true);
    expect(readme).toContain('Цей архів містить усе');
    expect(readme).toContain('security-events.csv');
    expect(readme).toContain('\r\n');
    const data = JSON.parse(strFromU8(files['data.json']!));
    expect(data.locale).toBe('uk');
    expect(data.categories.sessions.title).toBe('Сеанси (пристрої, де виконано вхід)');
  });

  it('gives data.json alone with ?format=json', async () => {
    const { client, userId } = await signedInPerson(t, 'json');
    const res = await client.get('/api/v1/me/export?format=json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="my-data-.*\.json"$/,
    );
    const data = await res.json();
    expect(data.categories.profile.records.profile[0].id).toBe(userId);
    expect((await read(await client.get('/api/v1/me/export?format=xml'))).status).toBe(400);
  });

  it('needs a privileged session, and a session at all', async () => {
    const { client } = await signedInPerson(t, 'unpriv');
    t.clock.advance(11 * minute);
    const res = await read(await client.get('/api/v1/me/export'));
    expect(res.status).toBe(403);
    expect(res.body.type).toMatch(problemType('reauth-required'));
    expect((await clientFor(t).get('/api/v1/me/export')).status).toBe(401);
    // The cabinet button sends people to confirm it is them first, then back to the page, which
    // starts the download (test/integration/privacy-page-flow.test.ts follows it through).
    const page = await client.get('/account/privacy/export');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(
      '/reauth?next=%2Faccount%2Fprivacy%3Fdownload%3Dzip%23export',
    );
  });

  it('is logged in the activity the person sees', async () => {
    const { client } = await signedInPerson(t, 'logged');
    await (await client.get('/api/v1/me/export?format=json')).arrayBuffer();
    const activity = await read(await client.get('/api/v1/me/activity'));
    expect(activity.body[0]).toMatchObject({
      action: 'data.exported',
      details: { format: 'json' },
    });
  });

  it('streams 10,000 events page by page and every one arrives', async () => {
    const { client, userId } = await signedInPerson(t, 'many');
    await rawRows(
      t.db,
      sql`insert into audit_events (user_id, action, ip, user_agent, details, at)
          select ${userId}::uuid, 'seeded.event', '203.0.113.' || (g % 250), 'Seeder/1.0', jsonb_build_object('n', g, 'text', 'row, "quoted"'), now() - g * interval '1 second'
          from generate_series(1, 10000) as g`,
    );
    const events = categories.find((c) => c.key === 'events')!.datasets[0]!;
    const spy = vi.spyOn(events, 'page');
    const started = performance.now();
    const res = await client.get('/api/v1/me/export');
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    // The response is under way while most of the events are still in the database.
    const pagesBeforeFirstChunk = spy.mock.calls.length;
    expect(pagesBeforeFirstChunk).toBeLessThan(3);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
    }
    const ms = performance.now() - started;
    const bytes = chunks.reduce((n, c) => n + c.length, 0);
    const zip = new Uint8Array(bytes);
    let offset = 0;
    for (const c of chunks) {
      zip.set(c, offset);
      offset += c.length;
    }
    const files = unzipSync(zip);
    const csvRows = parse<Record<string, string>>(strFromU8(files['security-events.csv']!), {
      bom: true,
      columns: true,
    });
    expect(csvRows.filter((r) => r.action === 'seeded.event')).toHaveLength(10_000);
    const data = JSON.parse(strFromU8(files['data.json']!));
    const seeded = data.categories.events.records['security-events'].filter(
      (e: { action: string }) => e.action === 'seeded.event',
    );
    expect(seeded).toHaveLength(10_000);
    expect(new Set(seeded.map((e: { details: { n: number } }) => e.details.n)).size).toBe(10_000);
    // Pages of 500: twice over (data.json, then the CSV), never all at once.
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(40);
    expect(spy.mock.calls.every((call) => call[3] === 500)).toBe(true);
    spy.mockRestore();
    console.info(
      `[export] 10,000 events: ${Math.round(ms)} ms, ${chunks.length} chunks, ${Math.round(bytes / 1024)} KiB zipped (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    );
  }, 120_000);
});
