import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema';
import { recordView } from '../../src/core/activity';
import { read, signedInPerson } from '../helpers/accounts';
import { createClient, type Client } from '../helpers/client';
import { assignToTeacher } from '../helpers/staff';
import { useTestApp } from '../helpers/use-test-app';

/**
 * A staff member who keeps a student's card open and reloads it makes one entry in the
 * student's activity, with how many times and between when, not one row per page load.
 */

type Member = { id: string; client: Client };
type ApiEvent = { action: string; at: string; details: Record<string, unknown> | null };

const t = useTestApp({ env: { TRUST_PROXY: '1' } });
let ipSeq = 0;

async function member(label: string, name: string, opts: { role?: 'staff'; locale?: 'uk' } = {}) {
  const client = createClient(t, { ip: `198.51.100.${++ipSeq + 60}` });
  const { id } = await signedInPerson(t, label, () => client, {
    person: { name, locale: opts.locale },
    role: opts.role,
  });
  return { id, client } satisfies Member;
}

let anna: Member;
let petro: Member;
let olena: Member;
let taras: Member;
let ukStudent: Member;

beforeAll(async () => {
  // Tomorrow at 10:02 UTC: the readers have no time zone, so their pages show UTC.
  const start = new Date(t.clock.now().getTime() + 86_400_000);
  start.setUTCHours(10, 2, 0, 0);
  t.clock.set(start);
  anna = await member('group-anna', 'Anna Bondar', { role: 'staff' });
  petro = await member('group-petro', 'Petro Shevchuk', { role: 'staff' });
  olena = await member('group-olena', 'Olena Koval');
  taras = await member('group-taras', 'Taras Melnyk');
  ukStudent = await member('group-uk', 'Оксана Гнатюк', { locale: 'uk' });
  await assignToTeacher(t, anna.id, olena.id, taras.id, ukStudent.id);
  await assignToTeacher(t, petro.id, olena.id);
});

const openCard = async (staff: Member, person: Member) =>
  expect((await staff.client.get(`/staff/users/${person.id}`)).status).toBe(200);

async function viewsOf(m: Member) {
  const res = await read(await m.client.get('/api/v1/me/activity?limit=200'));
  expect(res.status).toBe(200);
  return (res.body as ApiEvent[]).filter((e) => e.action === 'staff.viewed-profile');
}

const hhmm = (d: Date) => d.toISOString().slice(11, 16);

describe('repeated opens of one card by one staff member', () => {
  let first: Date;
  let last: Date;

  it('are one entry with a count and first and last time (15 opens in two minutes)', async () => {
    first = t.clock.now();
    for (let i = 0; i < 15; i++) {
      if (i) t.clock.advance(9_000);
      await openCard(anna, olena);
    }
    last = t.clock.now();
    const views = await viewsOf(olena);
    expect(views).toHaveLength(1);
    expect(views[0]!.at).toBe(last.toISOString());
    expect(views[0]!.details).toMatchObject({
      count: 15,
      firstAt: first.toISOString(),
      lastAt: last.toISOString(),
    });
    expect([hhmm(first), hhmm(last)]).toEqual(['10:02', '10:04']);
  });

  it('show as one line on the security page: "— 15 times between 10:02 and 10:04"', async () => {
    const html = await (await olena.client.get('/account/security')).text();
    expect(html).toContain('A staff member opened your profile — 15 times between 10:02 and 10:04');
    expect(html.match(/A staff member opened your profile/g)).toHaveLength(1);
  });

  it('keep their count in the export (data.json, ?format=json and security-events.csv)', async () => {
    const json = await olena.client.get('/api/v1/me/export?format=json');
    expect(json.status).toBe(200);
    const data = (await json.json()) as {
      categories: { events: { records: Record<string, ApiEvent[]> } };
    };
    const exported = data.categories.events.records['security-events']!.filter(
      (e) => e.action === 'staff.viewed-profile',
    );
    expect(exported).toHaveLength(1);
    expect(exported[0]!.details).toMatchObject({ count: 15, firstAt: first.toISOString() });

    const zip = await olena.client.get('/api/v1/me/export');
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const rows: string[][] = parse(strFromU8(files['security-events.csv']!), { bom: true });
    const viewRows = rows.filter((r) => r.includes('staff.viewed-profile'));
    expect(viewRows).toHaveLength(1);
    expect(viewRows[0]!.some((cell) => /"count":15\b/.test(cell))).toBe(true);
  });

  it('fold into the last entry while each open is within 30 minutes of the one before', async () => {
    t.clock.advance(29 * 60_000);
    await openCard(anna, olena);
    t.clock.advance(29 * 60_000);
    await openCard(anna, olena);
    const views = await viewsOf(olena);
    expect(views).toHaveLength(1);
    expect(views[0]!.details).toMatchObject({ count: 17, firstAt: first.toISOString() });
  });

  it('start a new entry after 30 minutes without one', async () => {
    t.clock.advance(31 * 60_000);
    await openCard(anna, olena);
    const views = await viewsOf(olena);
    expect(views).toHaveLength(2);
    expect(views[0]!.details).toMatchObject({ count: 1 });
    expect(views[1]!.details).toMatchObject({ count: 17 });
    const html = await (await olena.client.get('/account/security')).text();
    expect(html).toContain('A staff member opened your profile — 17 times between');
    // A single open says nothing about times.
    expect(html.match(/A staff member opened your profile — /g)).toHaveLength(1);
  });

  it('by another staff member, or of another person, are entries of their own', async () => {
    await openCard(petro, olena);
    await openCard(anna, taras);
    await openCard(anna, taras);
    const views = await viewsOf(olena);
    expect(views).toHaveLength(3);
    expect(views[0]!.details).toMatchObject({ count: 1 });
    const tarasViews = await viewsOf(taras);
    expect(tarasViews).toHaveLength(1);
    expect(tarasViews[0]!.details).toMatchObject({ count: 2 });
  });

  it('arriving at the same moment are all counted, in one entry', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () => anna.client.get(`/api/v1/staff/users/${ukStudent.id}`)),
    );
    const views = await viewsOf(ukStudent);
    expect(views).toHaveLength(1);
    expect(views[0]!.details).toMatchObject({ count: 10 });
  });

  it('are counted in Ukrainian with the right plural', async () => {
    let html = await (await ukStudent.client.get('/account/security')).text();
    expect(html).toMatch(/Працівник відкрив ваш профіль — 10 разів між \d\d:\d\d і \d\d:\d\d/);
    t.clock.advance(31 * 60_000);
    for (let i = 0; i < 3; i++) await openCard(anna, ukStudent);
    html = await (await ukStudent.client.get('/account/security')).text();
    expect(html).toMatch(/Працівник відкрив ваш профіль — 3 рази між \d\d:\d\d і \d\d:\d\d/);
  });
});

describe('a card kept open all day', () => {
  // A visit ends two hours after its first open even if the opens keep coming, so the
  // person's list still says when in the day their card was looked at.
  it('is one entry per two hours, each spanning at most two hours', async () => {
    const staff = await member('group-long-staff', 'Iryna Long', { role: 'staff' });
    const person = await member('group-long-person', 'Bohdan Long');
    await assignToTeacher(t, staff.id, person.id);
    t.clock.advance(31 * 60_000);
    // 16 opens, one every 20 minutes: five hours of reloading.
    for (let i = 0; i < 16; i++) {
      if (i) t.clock.advance(20 * 60_000);
      await openCard(staff, person);
    }
    const views = (await viewsOf(person)).reverse();
    expect(views.map((v) => v.details?.count)).toEqual([7, 7, 2]);
    for (const v of views) {
      const span = Date.parse(String(v.details!.lastAt)) - Date.parse(String(v.details!.firstAt));
      expect(span).toBeLessThanOrEqual(2 * 3_600_000);
    }
  });
});

describe('recordView under concurrency', () => {
  // Through HTTP the card's own reads spread the writes out; here ten first views of one pair
  // start together, as two browser tabs would. On PostgreSQL, without the pair's lock, most
  // rounds wrote two or more entries.
  it('folds views that arrive together into one entry counting each, round after round', async () => {
    const [staff] = await t.db
      .insert(users)
      .values({ email: 'race.staff@example.com', name: 'Race Staff', role: 'staff' })
      .returning({ id: users.id });
    for (let round = 0; round < 5; round++) {
      const [person] = await t.db
        .insert(users)
        .values({ email: `race.${round}@example.com`, name: `Race ${round}` })
        .returning({ id: users.id });
      const view = {
        userId: person!.id,
        actorId: staff!.id,
        action: 'staff.viewed-profile',
        at: t.clock.now(),
      };
      await Promise.all(Array.from({ length: 10 }, () => recordView(t.db, view)));
      const rows = await t.db
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.userId, person!.id), eq(auditEvents.actorId, staff!.id)));
      expect(rows, `round ${round}`).toHaveLength(1);
      expect(rows[0]!.details).toMatchObject({ count: 10 });
    }
  });
});
