import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { auditEvents, sessions, users } from '../../db/schema';
import { createClient, type Client } from '../helpers/client';
import { useTestApp } from '../helpers/use-test-app';
import { problemType, signedInMember, type Member } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';
import { promises } from './promises';

/**
 * SECURITY.md, "No GET changes state; a body over the limit always gets its 413 answer".
 * Our cookie is SameSite=Lax, so a link on another site opens any of our pages with the
 * person's session: such a GET must not record anything in their name, and the language
 * switch, which does change something, is a POST. The second half of the line, the 413 over
 * real sockets, is test/integration/server-body-limit.test.ts.
 */
let ipSeq = 0;
const ip = () => `10.36.0.${++ipSeq}`;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

/** What a browser sends when a link on another site is followed. */
const fromAnotherSite = {
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
};
/** The same link followed from one of our own pages. */
const fromOurPages = {
  'sec-fetch-site': 'same-origin',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
};

const staffViews = async (staffId: string, userId: string) => {
  // Repeated opens within a visit fold into one event with a count (core/activity recordView).
  const [row] = await t.db
    .select({
      n: sql<number>`coalesce(sum(coalesce((${auditEvents.details}->>'count')::int, 1)), 0)::int`,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, staffId), eq(auditEvents.userId, userId)));
  return Number(row!.n);
};

/** Everything a GET could have written for these people: events, sessions, settings. */
async function snapshot(ids: string[]) {
  const events = await t.db.select({ n: count() }).from(auditEvents);
  const rows = [];
  for (const id of ids) {
    const [u] = await t.db
      .select({ locale: users.locale, lastActiveAt: users.lastActiveAt })
      .from(users)
      .where(eq(users.id, id));
    const s = await t.db
      .select({ id: sessions.id, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, id))
      .orderBy(sessions.id);
    rows.push({ u, s });
  }
  return JSON.stringify({ events: events[0]!.n, rows });
}

describe(promises.recoveryNoGetWrites, () => {
  let staff: Member;
  let admin: Member;
  let student: Member;

  beforeAll(async () => {
    staff = await signedInMember(t, 'gw-staff', { ip: ip(), role: 'staff' });
    admin = await signedInMember(t, 'gw-admin', { ip: ip(), role: 'admin' });
    student = await signedInMember(t, 'gw-student', { ip: ip() });
    await assignToTeacher(t, staff.id, student.id);
  });

  it('a person’s card opened from another site reads and records nothing; from the console it does', async () => {
    const card = `/staff/users/${student.id}`;
    const before = await staffViews(staff.id, student.id);
    for (const site of ['cross-site', 'same-site']) {
      const res = await staff.client.get(card, {
        headers: { ...fromAnotherSite, 'sec-fetch-site': site },
      });
      const html = await res.text();
      expect(res.status, site).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html, site).not.toContain(student.email);
      // The way on: the same address as a link on our own page, and the console itself.
      expect(html).toContain(`href="${card}"`);
      expect(html).toContain('href="/staff"');
      expect(html).toContain('staff-console');
    }
    expect(await staffViews(staff.id, student.id)).toBe(before);

    // Followed from our page, the card shows, and the look is on the record.
    const res = await staff.client.get(card, { headers: fromOurPages });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(student.email);
    expect(await staffViews(staff.id, student.id)).toBe(before + 1);
    // A request without Fetch Metadata (an older browser, a script) is served as before.
    expect((await staff.client.get(card)).status).toBe(200);
    expect(await staffViews(staff.id, student.id)).toBe(before + 2);
  });

  it('no GET from another site writes: staff and admin reads, exports, the language link, the session', async () => {
    // Past the renewal interval, so a served request would slide the session forward.
    t.clock.advance(5 * 60_000);
    const before = await snapshot([staff.id, admin.id, student.id]);
    const q = encodeURIComponent(student.email);
    // Each of these would record a read or an export, or change a setting, if served.
    const recorded: [Client, string][] = [
      [staff.client, `/staff?query=${q}`],
      [staff.client, `/staff/users/${student.id}`],
      [admin.client, '/staff/audit'],
      [staff.client, `/api/v1/staff/users?query=${q}`],
      [staff.client, `/api/v1/staff/users/${student.id}`],
      [admin.client, '/api/v1/admin/audit'],
      [student.client, '/api/v1/me/export?format=json'],
      [student.client, '/api/v1/me/export'],
      [student.client, '/account/privacy/export?format=json'],
    ];
    for (const [client, path] of recorded) {
      const res = await client.get(path, { headers: fromAnotherSite });
      const body = await res.text();
      expect(res.status, path).toBe(403);
      expect(body, path).not.toContain(student.email);
      if (path.startsWith('/api/'))
        expect(JSON.parse(body).type, path).toMatch(problemType('cross-site'));
    }
    // These are served (a link to the cabinet from a mail must work), but write nothing either.
    for (const [client, path] of [
      [student.client, '/account'],
      [student.client, '/api/v1/me'],
      [student.client, '/lang/uk?next=/account'],
    ] as const) {
      expect((await client.get(path, { headers: fromAnotherSite })).status, path).toBeLessThan(400);
    }
    expect(await snapshot([staff.id, admin.id, student.id])).toBe(before);

    // The snapshot does see what a request from our own pages writes.
    expect((await student.client.get('/account', { headers: fromOurPages })).status).toBe(200);
    expect(await snapshot([staff.id, admin.id, student.id])).not.toBe(before);
  });

  it('switches the language with a POST form on every page; GET /lang changes nothing', async () => {
    const home = await (await createClient(t).get('/')).text();
    expect(home).toMatch(/<form method="post" action="\/lang" class="lang-switch-form">/);
    expect(home).toMatch(/<button type="submit" name="locale" value="uk"[^>]*>/);
    expect(home).toContain('<input type="hidden" name="next" value="/"/>');
    expect(home).not.toContain('href="/lang/');

    const person = await signedInMember(t, 'gw-lang', { ip: ip() });
    const localeOf = async () =>
      (await t.db.select({ locale: users.locale }).from(users).where(eq(users.id, person.id)))[0]!
        .locale;
    const start = await localeOf();
    expect(start).not.toBe('uk');

    // The old link, even from our own page: back to where it was, nothing set.
    const link = await person.client.get('/lang/uk?next=/account/profile', {
      headers: fromOurPages,
    });
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe('/account/profile');
    expect(link.headers.getSetCookie()).toEqual([]);
    expect(await localeOf()).toBe(start);

    // Another site cannot post it; our own page can.
    const forged = await person.client.form(
      '/lang',
      { locale: 'uk', next: '/account' },
      { origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect(await localeOf()).toBe(start);
    const res = await person.client.form('/lang', { locale: 'uk', next: '/account/profile?x=1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/profile?x=1');
    expect(await localeOf()).toBe('uk');
    expect(await (await person.client.get('/account/profile')).text()).toMatch(/<html lang="uk"/);

    // Signed out: a cookie carries the choice; `next` never leaves the site.
    const visitor = createClient(t);
    const off = await visitor.form('/lang', { locale: 'uk', next: '//evil.example/x' });
    expect(off.headers.get('location')).toBe('/');
    expect(visitor.jar.get('lang')).toBe('uk');
    expect(await (await visitor.get('/privacy')).text()).toMatch(/<html lang="uk"/);
    const unknown = await visitor.form('/lang', { locale: 'xx', next: '/privacy' });
    expect(unknown.headers.get('location')).toBe('/privacy');
    expect(visitor.jar.get('lang')).toBe('uk');
  });
});
