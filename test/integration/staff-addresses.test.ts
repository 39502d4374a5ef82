import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { runDueJobs } from '../../src/jobs/schedule';
import { useTestApp } from '../helpers/use-test-app';
import { read, signedInMember, type Member } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';

/**
 * When the school acts on a student's data (a staff member opens their card, books a lesson,
 * records a payment), the student sees that the school did it and in which role, never the
 * staff member's IP address or browser: not in the cabinet page, not in the API, not in the
 * export. The staff member's own events (their own sign-in) keep theirs.
 */

let staff: Member;
let student: Member;
let ukStudent: Member;

const staffIp = '203.0.113.197';
const staffAgent = 'Mozilla/5.0 (X11; Linux) SchoolDeskBrowser/77.3 teacher-laptop-b12';
const asStaff = { headers: { 'user-agent': staffAgent } };

const t = useTestApp({ env: { TRUST_PROXY: '1' } });
beforeAll(async () => {
  staff = await signedInMember(t, 'addr-teacher', { ip: staffIp, role: 'staff' });
  student = await signedInMember(t, 'addr-student', { ip: '198.51.100.31' });
  ukStudent = await signedInMember(t, 'addr-student-uk', { ip: '198.51.100.32', locale: 'uk' });
  await assignToTeacher(t, staff.id, student.id, ukStudent.id);
  for (const s of [student, ukStudent]) {
    // The staff member opens the card (API and console page) and books a lesson.
    expect((await staff.client.get(`/api/v1/staff/users/${s.id}`, asStaff)).status).toBe(200);
    expect((await staff.client.get(`/staff/users/${s.id}`, asStaff)).status).toBe(200);
    const booked = await staff.client.post(
      '/api/v1/staff/bookings',
      {
        userId: s.id,
        title: 'Lesson 1',
        startsAt: '2031-03-03T10:00',
        endsAt: '2031-03-03T11:00',
        timeZone: 'Europe/Kyiv',
      },
      asStaff,
    );
    expect(booked.status).toBe(201);
    const paid = await staff.client.post(
      '/api/v1/staff/payments',
      {
        userId: s.id,
        amount: '400.00',
        currency: 'UAH',
        description: 'Lesson 1',
        paidAt: t.clock.now().toISOString().slice(0, 10),
      },
      asStaff,
    );
    expect(paid.status).toBe(201);
  }
});

const leaks = (text: string) =>
  [staffIp, staffAgent, 'SchoolDeskBrowser'].filter((needle) => text.includes(needle));

type ApiEvent = {
  action: string;
  ip: string | null;
  userAgent: string | null;
  byStaff: boolean;
  byRole: string | null;
  actedBy: string | null;
};
async function activityOf(m: Member) {
  const res = await read(await m.client.get('/api/v1/me/activity?limit=200'));
  expect(res.status).toBe(200);
  return { events: res.body as ApiEvent[], text: JSON.stringify(res.body) };
}

describe("a staff member's address and browser", () => {
  it('are not stored on the events about the student', async () => {
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, student.id), eq(auditEvents.actorId, staff.id)));
    expect(rows.map((r) => r.action).sort()).toEqual([
      'staff.booking-created',
      'staff.payment-recorded',
      'staff.viewed-profile',
    ]);
    // The card opened twice in one visit (API, then page) is one entry with a count.
    expect(rows.find((r) => r.action === 'staff.viewed-profile')!.details).toMatchObject({
      count: 2,
    });
    for (const r of rows)
      expect({ ip: r.ip, userAgent: r.userAgent }).toEqual({ ip: null, userAgent: null });
  });

  it('are not in GET /api/v1/me/activity, which says "by the school (staff)"', async () => {
    const { events, text } = await activityOf(student);
    expect(leaks(text)).toEqual([]);
    const bySchool = events.filter((e) => e.action.startsWith('staff.'));
    expect(bySchool.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'staff.viewed-profile',
        'staff.booking-created',
        'staff.payment-recorded',
      ]),
    );
    for (const e of bySchool)
      expect(e).toMatchObject({
        byStaff: true,
        byRole: 'staff',
        actedBy: 'by the school (staff)',
        ip: null,
        userAgent: null,
      });
    // The student's own sign-in still shows their own address.
    expect(events.find((e) => e.action === 'sign-in')).toMatchObject({
      byStaff: false,
      byRole: null,
      actedBy: null,
      ip: '198.51.100.31',
    });
  });

  it("are not on /account/security, which says who acted in the reader's language", async () => {
    const html = await (await student.client.get('/account/security')).text();
    expect(leaks(html)).toEqual([]);
    expect(html).toContain('by the school (staff)');
    const uk = await (await ukStudent.client.get('/account/security')).text();
    expect(leaks(uk)).toEqual([]);
    expect(uk).toContain('з боку школи (працівник)');
    expect(
      (await activityOf(ukStudent)).events.find((e) => e.action === 'staff.booking-created')!
        .actedBy,
    ).toBe('з боку школи (працівник)');
  });

  it('are not in the export (zip: data.json and security-events.csv; ?format=json), which says "by the school"', async () => {
    const json = await student.client.get('/api/v1/me/export?format=json');
    expect(json.status).toBe(200);
    const text = await json.text();
    expect(leaks(text)).toEqual([]);
    const data = JSON.parse(text);
    const events = data.categories.events.records['security-events'] as ApiEvent[];
    const viewed = events.find((e) => e.action === 'staff.viewed-profile')!;
    expect(viewed).toMatchObject({
      byStaff: true,
      byRole: 'staff',
      actedBy: 'by the school (staff)',
      ip: null,
      userAgent: null,
    });

    const zip = await student.client.get('/api/v1/me/export');
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toContain('security-events.csv');
    for (const [name, bytes] of Object.entries(files))
      expect(leaks(strFromU8(bytes)), name).toEqual([]);
    expect(strFromU8(files['security-events.csv']!)).toContain('by the school (staff)');

    const ukData = JSON.parse(
      await (await ukStudent.client.get('/api/v1/me/export?format=json')).text(),
    );
    const ukEvents = ukData.categories.events.records['security-events'] as ApiEvent[];
    expect(ukEvents.find((e) => e.action === 'staff.payment-recorded')!.actedBy).toBe(
      'з боку школи (працівник)',
    );
  });

  it("stay on the staff member's own events (their own sign-in)", async () => {
    const { events } = await activityOf(staff);
    expect(events.find((e) => e.action === 'sign-in')).toMatchObject({
      ip: staffIp,
      byStaff: false,
    });
  });
});

describe('events written before the fix, with a staff address on them', () => {
  it('are shown without it, and the retention job removes it from the database', async () => {
    const legacy = { ip: '192.0.2.250', userAgent: 'LegacyStaffBrowser/1.0 front-desk' };
    await t.db.insert(auditEvents).values([
      {
        userId: student.id,
        actorId: staff.id,
        action: 'staff.viewed-profile',
        at: t.clock.now(),
        ...legacy,
      },
      // Its staff member's account is gone since (the purge sets the actor to null).
      {
        userId: student.id,
        actorId: null,
        action: 'staff.booking-created',
        at: t.clock.now(),
        ...legacy,
      },
    ]);
    const seen = (text: string) => [legacy.ip, legacy.userAgent].filter((n) => text.includes(n));
    const { events, text } = await activityOf(student);
    expect(seen(text)).toEqual([]);
    expect(
      events.filter((e) => e.action === 'staff.booking-created').map((e) => e.actedBy),
    ).toContain('by the school');
    expect(seen(await (await student.client.get('/account/security')).text())).toEqual([]);
    expect(seen(await (await student.client.get('/api/v1/me/export?format=json')).text())).toEqual(
      [],
    );

    await runDueJobs(t.deps, { only: ['remove-old-ips'] });
    const stored = await t.db.select().from(auditEvents).where(eq(auditEvents.userId, student.id));
    expect(stored.filter((r) => r.ip === legacy.ip || r.userAgent === legacy.userAgent)).toEqual(
      [],
    );
    // The student's own events keep their address until IP_RETENTION_DAYS.
    expect(stored.find((r) => r.action === 'sign-in')!.ip).toBe('198.51.100.31');
  });
});
