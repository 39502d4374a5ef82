import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { bookings, payments } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import type { Client } from '../helpers/client';
import { signedInPerson } from './privacy-fixtures';

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

/** The export's files, unzipped. */
async function exportOf(client: Client) {
  const res = await client.get('/api/v1/me/export');
  expect(res.status).toBe(200);
  return unzipSync(new Uint8Array(await res.arrayBuffer()));
}

/** One CSV file: its header line and its rows by header (RFC 4180, as csv-parse reads it). */
function csvOf(files: Record<string, Uint8Array>, name: string) {
  const bytes = files[name]!;
  expect([...bytes.slice(0, 3)], `${name} starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
  const text = strFromU8(bytes);
  const [header]: string[][] = parse(text, { bom: true, to_line: 1 });
  const rows = parse<Record<string, string>>(text, {
    bom: true,
    columns: true,
    record_delimiter: '\r\n',
  });
  return { header: header!, rows };
}

const rawBookingColumns = [
  'id',
  'title',
  'startsAt',
  'endsAt',
  'timeZone',
  'location',
  'status',
  'notes',
  'createdAt',
  'updatedAt',
];

/** Lessons on a winter day and a summer day (Kyiv is +02:00, then +03:00), one of them cancelled. */
async function seedLessons(userId: string) {
  const [winter] = await t.db
    .insert(bookings)
    .values({
      uid: `csv-winter-${userId}@test`,
      userId,
      title: 'Розмовна практика',
      startsAt: new Date('2026-12-18T08:00:00Z'),
      endsAt: new Date('2026-12-18T09:00:00Z'),
      timeZone: 'Europe/Kyiv',
    })
    .returning({ id: bookings.id });
  await t.db.insert(bookings).values({
    uid: `csv-summer-${userId}@test`,
    userId,
    title: 'Summer lesson',
    startsAt: new Date('2026-07-01T07:30:00Z'),
    endsAt: new Date('2026-07-01T08:30:00Z'),
    timeZone: 'Europe/Kyiv',
    status: 'cancelled',
  });
  await t.db.insert(payments).values({
    userId,
    bookingId: winter!.id,
    amount: '1200.50',
    currency: 'UAH',
    description: 'Чотири заняття',
    paidAt: new Date('2026-12-18T07:15:00Z'),
  });
}

describe('the export’s CSV files, for people and for programs', () => {
  it('speak Ukrainian to a uk person in Kyiv: headings, values in words, local times with the offset, raw columns after', async () => {
    const { client, userId } = await signedInPerson(t, 'csv-uk', { locale: 'uk' });
    expect((await client.patch('/api/v1/me', { timeZone: 'Europe/Kyiv' })).status).toBe(200);
    await seedLessons(userId);
    const files = await exportOf(client);

    const lessons = csvOf(files, 'bookings.csv');
    expect(lessons.header).toEqual([
      'Ідентифікатор',
      'Заняття',
      'Початок',
      'Кінець',
      'Часовий пояс заняття',
      'Місце',
      'Стан',
      'Нотатки',
      'Створено',
      'Востаннє змінено',
      ...rawBookingColumns,
    ]);
    const winter = lessons.rows.find((r) => r.title === 'Розмовна практика')!;
    expect(winter['Початок']).toBe('2026-12-18 10:00 +02:00');
    expect(winter['Кінець']).toBe('2026-12-18 11:00 +02:00');
    expect(winter.startsAt).toBe('2026-12-18T08:00:00.000Z');
    expect(winter['Стан']).toBe('підтверджено');
    expect(winter.status).toBe('confirmed');
    const summer = lessons.rows.find((r) => r.title === 'Summer lesson')!;
    expect(summer['Початок']).toBe('2026-07-01 10:30 +03:00');
    expect(summer['Стан']).toBe('скасовано');
    expect(summer.status).toBe('cancelled');

    const [paid] = csvOf(files, 'payments.csv').rows;
    expect(paid!['Сума']).toBe('1200,50');
    expect(paid!.amount).toBe('1200.50');
    expect(paid!['Коли сплачено']).toBe('2026-12-18 09:15 +02:00');

    const events = csvOf(files, 'security-events.csv').rows;
    const signIn = events.find((e) => e.action === 'sign-in')!;
    expect(signIn['Що сталося']).toBe('Вхід');
    expect(signIn['Діяла школа']).toBe('ні');
    expect(signIn.byStaff).toBe('false');
    expect(signIn['Коли']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \+0[23]:00$/);
    expect(signIn.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const [profile] = csvOf(files, 'profile.csv').rows;
    expect(profile!['Мова']).toBe('українська');
    expect(profile!.locale).toBe('uk');
    expect(profile!['Роль']).toBe('учень');
    expect(profile!.role).toBe('user');

    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('часовому поясі Europe/Kyiv');
    expect(readme).toContain('як у data.json');

    // data.json stays for programs: codes and ISO times in UTC, nothing in words.
    const data = JSON.parse(strFromU8(files['data.json']!));
    const stored = data.categories.bookings.records.bookings as Record<string, unknown>[];
    expect(stored.find((b) => b.title === 'Розмовна практика')).toMatchObject({
      startsAt: '2026-12-18T08:00:00.000Z',
      status: 'confirmed',
    });
    expect(Object.keys(stored[0]!)).toEqual(rawBookingColumns);
  });

  it('speaks English to an en person in New York, with a negative offset', async () => {
    const { client, userId } = await signedInPerson(t, 'csv-en', { locale: 'en' });
    expect((await client.patch('/api/v1/me', { timeZone: 'America/New_York' })).status).toBe(200);
    await seedLessons(userId);
    const files = await exportOf(client);

    const lessons = csvOf(files, 'bookings.csv');
    expect(lessons.header).toEqual([
      'Identifier',
      'Lesson',
      'Starts',
      'Ends',
      'Lesson time zone',
      'Place',
      'State',
      'Lesson notes',
      'Created',
      'Last changed',
      ...rawBookingColumns,
    ]);
    const winter = lessons.rows.find((r) => r.title === 'Розмовна практика')!;
    expect(winter.Starts).toBe('2026-12-18 03:00 -05:00');
    expect(winter.startsAt).toBe('2026-12-18T08:00:00.000Z');
    expect(winter.State).toBe('Confirmed');
    const summer = lessons.rows.find((r) => r.title === 'Summer lesson')!;
    expect(summer.Starts).toBe('2026-07-01 03:30 -04:00');
    expect(summer.State).toBe('Cancelled');

    expect(csvOf(files, 'payments.csv').rows[0]!['Amount paid']).toBe('1200.50');
    const signIn = csvOf(files, 'security-events.csv').rows.find((e) => e.action === 'sign-in')!;
    expect(signIn['What happened']).toBe('Signed in');
    expect(signIn['By the school']).toBe('No');
    const [profile] = csvOf(files, 'profile.csv').rows;
    expect(profile!.Language).toBe('English');
    expect(profile!['Access role']).toBe('Student');

    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('time zone America/New_York');
    expect(readme).toContain('as in data.json');
  });

  it('writes times in UTC, saying so with +00:00, for a person with no time zone', async () => {
    const { client, userId } = await signedInPerson(t, 'csv-utc');
    expect((await client.patch('/api/v1/me', { timeZone: null })).status).toBe(200);
    await seedLessons(userId);
    const files = await exportOf(client);
    const winter = csvOf(files, 'bookings.csv').rows.find((r) => r.title === 'Розмовна практика')!;
    expect(winter.Starts).toBe('2026-12-18 08:00 +00:00');
    expect(strFromU8(files['README.txt']!)).toContain('time zone UTC');
  });
});
