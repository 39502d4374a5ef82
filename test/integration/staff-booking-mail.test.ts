import { beforeAll, describe, expect, it } from 'vitest';
import { formatBookingTime } from '../../src/bookings';
import { useTestApp } from '../helpers/use-test-app';
import { read, signedInMember, type Member } from '../helpers/accounts';
import { assignToTeacher } from '../helpers/staff';

/** The "booking changed" mail says what changed, old → new, in the HTML and the text part. */

let ipSeq = 0;
const member = (label: string, options: { role?: 'staff'; locale?: 'en' | 'uk' } = {}) =>
  signedInMember(t, label, { ...options, ip: `198.51.100.${++ipSeq}` });

let staff: Member;
let olena: Member; // reads Ukrainian
let jan: Member; // reads English

const t = useTestApp({ env: { TRUST_PROXY: '1' }, now: new Date('2026-11-25T12:00:00Z') });
beforeAll(async () => {
  staff = await member('teacher', { role: 'staff' });
  olena = await member('olena', { locale: 'uk' });
  jan = await member('jan', { locale: 'en' });
  await assignToTeacher(t, staff.id, olena.id, jan.id);
});

async function book(userId: string, extra: Record<string, unknown> = {}) {
  const res = await read(
    await staff.client.post('/api/v1/staff/bookings', {
      userId,
      title: 'Grammar',
      startsAt: '2026-12-01T10:00',
      endsAt: '2026-12-01T11:00',
      timeZone: 'Europe/Kyiv',
      location: 'Room 2',
      ...extra,
    }),
  );
  expect(res.status).toBe(201);
  return res.body as { id: string; startsAt: string; endsAt: string };
}

/** The newest "changed" mail to `address`. */
async function changedMail(address: string, subject: string) {
  await t.sendMail();
  const found = t.resend.to(address).filter((m) => m.subject === subject);
  expect(found.length, subject).toBeGreaterThan(0);
  const mail = found.at(-1)!;
  return { text: mail.text ?? '', html: mail.html ?? '' };
}

/** HTML to the text a reader sees: tags gone, entities read. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

describe('the booking-changed mail', () => {
  it('tells a Ukrainian reader the old and new time, title and place', async () => {
    const before = await book(olena.id);
    const res = await staff.client.patch(`/api/v1/staff/bookings/${before.id}`, {
      title: 'Граматика',
      startsAt: '2026-12-02T15:00',
      location: 'https://meet.example/abc',
    });
    expect(res.status).toBe(200);
    const after = (await read(res)).body as { startsAt: string; endsAt: string };
    const when = (b: { startsAt: string; endsAt: string }) =>
      formatBookingTime('uk', new Date(b.startsAt), new Date(b.endsAt), 'Europe/Kyiv');
    const mail = await changedMail(olena.email, 'Змінено: Граматика');
    const lines = [
      'Що змінилося:',
      `Час: ${when(before)} → ${when(after)}`,
      'Назва: Grammar → Граматика',
      'Місце: Room 2 → https://meet.example/abc',
    ];
    for (const line of lines) {
      expect(oneLine(mail.text)).toContain(oneLine(line));
      expect(visible(mail.html)).toContain(oneLine(line));
    }
  });

  it('tells an English reader, and names only what changed', async () => {
    const before = await book(jan.id, { title: 'Reading' });
    await staff.client.patch(`/api/v1/staff/bookings/${before.id}`, { location: null });
    const mail = await changedMail(jan.email, 'Changed: Reading');
    for (const part of [oneLine(mail.text), visible(mail.html)]) {
      expect(part).toContain('What changed:');
      expect(part).toContain('Place: Room 2 → none');
      expect(part).not.toContain('Time:');
      expect(part).not.toContain('Title:');
    }
  });

  it('says so when a reschedule from the card moves the lesson', async () => {
    const before = await book(jan.id, { title: 'Moved' });
    const res = await staff.client.form(`/staff/bookings/${before.id}`, {
      title: 'Moved',
      startsAt: '2026-12-01T12:00',
      endsAt: '2026-12-01T13:00',
      timeZone: 'Europe/Kyiv',
      location: 'Room 2',
      notes: '',
    });
    expect(res.status).toBe(303);
    const mail = await changedMail(jan.email, 'Changed: Moved');
    const old = formatBookingTime(
      'en',
      new Date(before.startsAt),
      new Date(before.endsAt),
      'Europe/Kyiv',
    );
    expect(oneLine(mail.text)).toContain(oneLine(`Time: ${old} → `));
    expect(visible(mail.html)).toContain(oneLine(`Time: ${old} → `));
    expect(oneLine(mail.text)).not.toContain('Place:');
  });
});
