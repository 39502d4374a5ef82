import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { signedInMember, type Member } from '../helpers/accounts';
import { resendWebhooks, testWebhookSecret } from '../helpers/fake-resend';
import { claimDueMail } from '../../src/mail/outbox';
import { sendClaimed, stopControl } from '../../src/mail/outbox-send';

const t = useTestApp({ env: { RESEND_WEBHOOK_SECRET: testWebhookSecret } });
const hooks = resendWebhooks(t);
const n = 1000;
const address = (i: number) => `reader${i}@example.com`;

let staff: Member;
let plain: Member;

/** `n` confirmed subscribers of `news`, straight into the database (the API path is tested elsewhere). */
async function seedSubscribers() {
  await t.db.execute(sql`
    with made as (
      insert into users (email, name, email_verified_at)
      select 'reader' || i || '@example.com', 'Reader ' || i, now()
      from generate_series(0, ${n - 1}) as i
      returning id
    )
    insert into subscriptions (user_id, list_slug, status, confirmed_at)
    select id, 'news', 'subscribed', now() from made`);
}

async function announce(subject: string) {
  // A minute apart, so the history's newest-first order is the order they were sent in.
  t.clock.advance(60_000);
  const res = await staff.client.post('/api/v1/staff/announcements', {
    list: 'news',
    subject,
    body: 'Hello, everyone.',
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { id: string; queued: number };
}

const progress = async (id: string) => {
  const res = await staff.client.get(`/api/v1/staff/announcements/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { counts: Record<string, number>; done: boolean };
};

beforeAll(async () => {
  staff = await signedInMember(t, 'sender', { ip: '192.0.2.10', role: 'staff' });
  plain = await signedInMember(t, 'plain', { ip: '192.0.2.11' });
  await seedSubscribers();
});

describe('an announcement to 1,000 people, with a bounce and a complaint while it sends', () => {
  it('counts add up, nothing is sent twice, and the suppressed get nothing more', async () => {
    const first = await announce('First news');
    expect(first.queued).toBe(n);
    expect((await progress(first.id)).counts).toMatchObject({ recipients: n, queued: n, sent: 0 });
    await t.sendMail();
    expect((await progress(first.id)).counts).toMatchObject({ queued: 0, sent: n });

    const second = await announce('Second news');
    // One sender has claimed the first 100 copies of the second when the reports come in.
    const claimed = await claimDueMail(t.db, t.clock.now(), 100, 'bulk');
    expect(claimed).toHaveLength(100);
    const bouncedWhileClaimed = claimed[0]!.toAddress;
    const claimedSet = new Set(claimed.map((r) => r.toAddress));
    const waiting = [...Array(n).keys()].map(address).filter((a) => !claimedSet.has(a));
    const [bouncedWaiting, complainer] = waiting;

    for (const a of [bouncedWhileClaimed, bouncedWaiting!]) {
      expect((await hooks.bounce(a, 'Permanent', /First news/)).res.status).toBe(200);
    }
    expect((await hooks.complain(complainer!, /First news/)).res.status).toBe(200);

    const midway = (await progress(second.id)).counts;
    expect(midway).toMatchObject({ recipients: n, suppressed: 1, cancelled: 1, sent: 0 });
    expect(midway.queued).toBe(n - 2);

    await sendClaimed(t.deps, claimed, { sent: 0, retried: 0, failed: 0 }, stopControl({}));
    await t.sendMail();

    const done = await progress(second.id);
    expect(done.done).toBe(true);
    expect(done.counts).toMatchObject({
      recipients: n,
      queued: 0,
      sent: n - 3,
      failed: 0,
      suppressed: 2,
      cancelled: 1,
    });
    const c = done.counts;
    expect(c.queued! + c.sent! + c.failed! + c.suppressed! + c.cancelled!).toBe(n);

    const seconds = t.resend.emails.filter((e) => e.subject === 'Second news');
    expect(seconds).toHaveLength(n - 3);
    const perAddress = new Set(seconds.map((e) => e.to[0]));
    expect(perAddress.size).toBe(seconds.length);
    for (const a of [bouncedWhileClaimed, bouncedWaiting!, complainer!]) {
      expect(perAddress.has(a), a).toBe(false);
    }
    expect(t.resend.emails.filter((e) => e.subject === 'First news')).toHaveLength(n);

    // And a third: the complainer has left the list, the bounced are held back again.
    const third = await announce('Third news');
    expect(third.queued).toBe(n - 1);
    await t.sendMail();
    expect((await progress(third.id)).counts).toMatchObject({ sent: n - 3, suppressed: 2 });
    const [held] = await t.db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, bouncedWhileClaimed),
          eq(emailOutbox.announcementId, third.id),
        ),
      );
    expect(held!.status).toBe('suppressed');
    expect(t.resend.emails.filter((e) => e.subject === 'Third news')).toHaveLength(n - 3);
  }, 60_000);
});

describe('the history and progress pages', () => {
  it('list every announcement with its counts, in HTML and JSON', async () => {
    const list = await staff.client.get('/api/v1/staff/announcements');
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { subject: string }[]; next: string | null };
    expect(body.items.map((i) => i.subject)).toEqual(['Third news', 'Second news', 'First news']);
    expect(body.next).toBeNull();

    const page = await staff.client.get('/staff/announcements/history');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Second news');
    const id = /href="\/staff\/announcements\/([0-9a-f-]{36})"/.exec(html)![1]!;
    const one = await (await staff.client.get(`/staff/announcements/${id}`)).text();
    expect(one).toContain('<progress');
    expect(one).toContain('data-count="suppressed"');
  });

  it('show a sending announcement with the polling script and a refresh link', async () => {
    const sending = await announce('Fourth news');
    const html = await (await staff.client.get(`/staff/announcements/${sending.id}`)).text();
    expect(html).toContain('/assets/announcement-progress.js');
    expect(html).toContain(`data-api="/api/v1/staff/announcements/${sending.id}"`);
    expect(html).toMatch(/<progress[^>]*value="0"/);
    await t.sendMail();
  });

  it('are for staff only, and 404 for an unknown id', async () => {
    expect((await plain.client.get('/api/v1/staff/announcements')).status).toBe(403);
    expect((await plain.client.get('/staff/announcements/history')).status).toBe(403);
    const missing = await staff.client.get(
      '/api/v1/staff/announcements/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect((await staff.client.get('/api/v1/staff/announcements?cursor=nope')).status).toBe(400);
  });
});

describe('Russian and Czech translations', () => {
  it('go to the people who chose those languages; the rest get English', async () => {
    await t.db.execute(sql`update users set locale = 'ru' where email = ${address(10)}`);
    await t.db.execute(sql`update users set locale = 'cs' where email = ${address(11)}`);
    t.resend.reset();
    const res = await staff.client.post('/api/v1/staff/announcements', {
      list: 'news',
      subject: 'Holiday',
      body: 'We are closed on Monday.',
      translations: {
        ru: { subject: 'Выходной', body: 'В понедельник мы закрыты.' },
        cs: { subject: 'Volno', body: 'V pondělí máme zavřeno.' },
      },
    });
    expect(res.status).toBe(202);
    await t.sendMail();
    expect(t.resend.to(address(10))[0]!.subject).toBe('Выходной');
    expect(t.resend.to(address(11))[0]!.subject).toBe('Volno');
    expect(t.resend.to(address(12))[0]!.subject).toBe('Holiday');
  });

  it('the staff form takes them too, both fields or neither', async () => {
    const fields = { list: 'news', subject: 'Hi', body: 'Text' };
    const half = await staff.client.form('/staff/announcements/preview', {
      ...fields,
      csSubject: 'Ahoj',
    });
    expect(half.status).toBe(400);
    expect(await half.text()).toContain('Fill in both the Czech subject and message, or neither.');
    const both = await staff.client.form('/staff/announcements/preview', {
      ...fields,
      ruSubject: 'Привет',
      ruBody: 'Текст',
    });
    expect(both.status).toBe(200);
    const html = await both.text();
    expect(html).toContain('name="ruSubject"');
    expect(html).toContain('lang="ru"');
  });
});
