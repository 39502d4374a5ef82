import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { announcements, emailOutbox, subscriptions, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import {
  mailedToken,
  newPerson,
  problemType,
  read,
  registerAndVerify,
  signIn,
  type Person,
} from '../helpers/accounts';
import { queueAnnouncement } from '../../src/subscriptions/queue-announcement';

let ipSeq = 0;
const client = () => createClient(t, { ip: `203.0.113.${++ipSeq}` });

type Member = { person: Person; id: string; browser: Client };

async function member(label: string, overrides: Partial<Person> = {}): Promise<Member> {
  const person = newPerson(label, overrides);
  const browser = client();
  const id = await registerAndVerify(t, browser, person);
  await signIn(browser, person);
  return { person, id, browser };
}

/** Subscribes the real way: the cabinet request, then the emailed confirmation link. */
async function confirmedSubscriber(label: string, list: string, overrides: Partial<Person> = {}) {
  const m = await member(label, overrides);
  expect(
    (await m.browser.put(`/api/v1/me/subscriptions/${list}`, { subscribed: true })).status,
  ).toBe(200);
  const token = await mailedToken(t, m.person.email, '/subscriptions/confirm');
  expect((await client().form('/subscriptions/confirm', { token })).status).toBe(200);
  return m;
}

/** An account made straight in the database, for states the API cannot reach (never verified). */
async function seededSubscriber(
  label: string,
  state: Partial<typeof users.$inferInsert>,
  status: 'subscribed' | 'pending' = 'subscribed',
) {
  const email = newPerson(label).email;
  const [u] = await t.db
    .insert(users)
    .values({ email, name: label, emailVerifiedAt: new Date(), ...state })
    .returning({ id: users.id });
  await t.db
    .insert(subscriptions)
    .values({ userId: u!.id, listSlug: 'news', status, confirmedAt: new Date() });
  return email;
}

let staff: Member;
let plain: Member;
let alice: Member;
let olena: Member;
const excluded: string[] = [];

const t = useTestApp({ env: { TRUST_PROXY: '1' } });
beforeAll(async () => {
  staff = await member('staff');
  await t.db.update(users).set({ role: 'staff' }).where(eq(users.id, staff.id));
  plain = await member('plain');
  alice = await confirmedSubscriber('alice', 'news');
  olena = await confirmedSubscriber('olena', 'news', { locale: 'uk' });

  // Everyone who must NOT get a news announcement, each for one reason.
  const pending = await member('pending');
  await pending.browser.put('/api/v1/me/subscriptions/news', { subscribed: true });
  const restricted = await confirmedSubscriber('restricted', 'news');
  await t.db
    .update(users)
    .set({ processingRestrictedAt: new Date(), processingRestrictionReason: 'dispute' })
    .where(eq(users.id, restricted.id));
  const leaving = await confirmedSubscriber('leaving', 'news');
  await t.db
    .update(users)
    .set({ deletionScheduledFor: new Date(Date.now() + 14 * 86_400_000) })
    .where(eq(users.id, leaving.id));
  const left = await confirmedSubscriber('left', 'news');
  await left.browser.put('/api/v1/me/subscriptions/news', { subscribed: false });
  const lessons = await confirmedSubscriber('lessons', 'lessons');
  excluded.push(
    pending.person.email,
    restricted.person.email,
    leaving.person.email,
    left.person.email,
    lessons.person.email,
    staff.person.email,
    plain.person.email,
    await seededSubscriber('unverified', { emailVerifiedAt: null }),
  );
  await t.sendMail();
});
beforeEach(() => t.resend.reset());

const announcementMails = () => t.resend.emails.filter((e) => e.headers?.['List-Unsubscribe']);
const post = (c: Client, body: unknown) => c.post('/api/v1/staff/announcements', body);
const statusOf = async (userId: string, list: string) =>
  (
    await t.db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.listSlug, list)))
  )[0]?.status;

describe('POST /staff/announcements', () => {
  it('is for staff and admins only', async () => {
    const body = { list: 'news', subject: 'Hi', body: 'Hello' };
    expect((await post(client(), body)).status).toBe(401);
    const forbidden = await read(await post(plain.browser, body));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.type).toMatch(problemType('forbidden'));
    expect(await t.db.select().from(announcements)).toHaveLength(0);
  });

  it('refuses the mandatory list (400), unknown lists (404) and bad input (400)', async () => {
    const service = await read(
      await post(staff.browser, { list: 'service', subject: 'Hi', body: 'Hello' }),
    );
    expect(service.status).toBe(400);
    expect(service.body.type).toMatch(problemType('mandatory-list'));
    expect((await post(staff.browser, { list: 'nope', subject: 'Hi', body: 'Hello' })).status).toBe(
      404,
    );
    expect((await post(staff.browser, { list: 'news', subject: '', body: 'Hello' })).status).toBe(
      400,
    );
    expect(
      (
        await post(staff.browser, {
          list: 'news',
          subject: 'Hi',
          body: 'Hello',
          bcc: 'x@example.com',
        })
      ).status,
    ).toBe(400);
    expect(
      (await post(staff.browser, { list: 'news', subject: 'x'.repeat(201), body: 'Hello' })).status,
    ).toBe(400);
    expect(
      (
        await post(staff.browser, {
          list: 'news',
          subject: 'Hi',
          body: 'Hello',
          translations: { de: { subject: 'a', body: 'b' } },
        })
      ).status,
    ).toBe(400);
    expect(await t.db.select().from(announcements)).toHaveLength(0);
  });

  it('reaches exactly the confirmed, verified, unrestricted subscribers not being deleted, each in their language', async () => {
    const res = await read(
      await post(staff.browser, {
        list: 'news',
        subject: 'Summer timetable\r\nBcc: everyone@example.com',
        body: 'Lessons move to mornings.\n\nSee you <b>soon</b>!',
        translations: { uk: { subject: 'Літній розклад', body: 'Заняття переходять на ранок.' } },
      }),
    );
    expect(res.status).toBe(202);
    expect(res.body.queued).toBe(2);
    await t.sendMail();

    const mails = announcementMails();
    expect(mails.flatMap((m) => m.to).sort()).toEqual(
      [alice.person.email, olena.person.email].sort(),
    );
    for (const address of excluded) expect(t.resend.to(address)).toEqual([]);

    const en = t.resend.to(alice.person.email)[0]!;
    // CR/LF in the subject can never start a header of its own.
    expect(en.subject).toBe('Summer timetable Bcc: everyone@example.com');
    expect(en.headers).not.toHaveProperty('Bcc');
    expect(en.text).toContain('Lessons move to mornings.');
    expect(en.html).toContain('See you &lt;b&gt;soon&lt;/b&gt;!');
    expect(en.text).toContain(
      'You get this mail because you subscribed to “Announcements and news”.',
    );

    const uk = t.resend.to(olena.person.email)[0]!;
    expect(uk.subject).toBe('Літній розклад');
    expect(uk.text).toContain('Заняття переходять на ранок.');
    expect(uk.html).toContain('<html lang="uk"');
    expect(uk.text).toContain('Відписатися від розсилки');
    // The link opens a page with one button (scanners must not unsubscribe anyone): no "one click".
    for (const mail of [en, uk]) expect(mail.text).not.toMatch(/one click|одним натиском/i);

    const [row] = await t.db.select().from(announcements).where(eq(announcements.id, res.body.id));
    expect(row).toMatchObject({
      listSlug: 'news',
      recipientCount: 2,
      createdBy: staff.id,
      subjects: { en: expect.any(String), uk: 'Літній розклад' },
    });
  });

  it('carries List-Unsubscribe headers whose one-click link works, and a matching footer link', async () => {
    const lessonsFan = await confirmedSubscriber('fan', 'lessons');
    t.resend.reset();
    expect(
      (
        await read(
          await post(staff.browser, {
            list: 'lessons',
            subject: 'Holiday',
            body: 'No lessons on Friday.',
          }),
        )
      ).body.queued,
    ).toBe(2);
    await t.sendMail();
    const mail = t.resend.to(lessonsFan.person.email)[0]!;
    expect(mail.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const header = mail.headers!['List-Unsubscribe']!;
    const match = header.match(
      /^<(http:\/\/localhost:3000\/unsubscribe\?token=([A-Za-z0-9_.-]+))>$/,
    );
    expect(match, header).not.toBeNull();
    const [, url, token] = match!;
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${url}"`);

    // What Gmail or Yahoo do: POST the header's URL, with the RFC 8058 body, nothing else.
    const res = await t.app.request(url!.replace('http://localhost:3000', ''), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await statusOf(lessonsFan.id, 'lessons')).toBe('unsubscribed');
    // The link names one person and one list: the other lessons subscriber is untouched.
    expect(await statusOf(lessonsFan.id, 'news')).toBeUndefined();
    const other = t.resend.emails.find((e) => e !== mail && e.headers?.['List-Unsubscribe']);
    expect(other!.headers!['List-Unsubscribe']).not.toContain(token);

    t.resend.reset();
    expect(
      (
        await read(
          await post(staff.browser, { list: 'lessons', subject: 'Again', body: 'Another one.' }),
        )
      ).body.queued,
    ).toBe(1);
    await t.sendMail();
    // Only the one-time "no more mailings" note (the last list was left), not the announcement.
    expect(t.resend.to(lessonsFan.person.email).map((m) => m.subject)).toEqual([
      'You will get no more mailings from us',
    ]);
  });

  it('never queues one announcement twice for one person, and drops waiting mail when someone leaves', async () => {
    const res = await read(
      await post(staff.browser, { list: 'news', subject: 'Once', body: 'Only once.' }),
    );
    expect(res.body.queued).toBe(2);
    const id = res.body.id as string;
    const again = await t.db.transaction((tx) =>
      queueAnnouncement(
        t.deps,
        tx,
        {
          id,
          list: 'news',
          listNames: { en: 'News' },
          content: { en: { subject: 'Once', body: 'Only once.' } },
        },
        t.clock.now(),
      ),
    );
    expect(again).toBe(0);
    const rows = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'announcement'));
    const mine = rows.filter((r) => r.subject === 'Once');
    expect(mine).toHaveLength(2);
    // The outbox id is derived from (announcement, person): that is the unique key.
    const expected = await t.db.execute(
      sql`select md5(${id} || ':' || ${alice.id})::uuid::text as id`,
    );
    const expectedId = (
      (Array.isArray(expected) ? expected : (expected as { rows: unknown[] }).rows) as {
        id: string;
      }[]
    )[0]!.id;
    expect(mine.map((r) => r.id)).toContain(expectedId);

    // Olena leaves before the sender runs: her copy is not delivered after she said stop.
    await olena.browser.put('/api/v1/me/subscriptions/news', { subscribed: false });
    await t.sendMail();
    expect(announcementMails().map((m) => m.to[0])).toEqual([alice.person.email]);
    await olena.browser.put('/api/v1/me/subscriptions/news', { subscribed: true });
    await client().post('/api/v1/subscriptions/confirm', {
      token: await mailedToken(t, olena.person.email, '/subscriptions/confirm'),
    });
  });
});

describe('the staff page /staff/announcements', () => {
  it('is refused to people without the role', async () => {
    expect((await plain.browser.get('/staff/announcements')).status).toBe(403);
    expect(
      (await plain.browser.form('/staff/announcements', { list: 'news', subject: 'x', body: 'y' }))
        .status,
    ).toBe(403);
    expect((await client().get('/staff/announcements')).headers.get('location')).toBe(
      '/login?next=%2Fstaff%2Fannouncements',
    );
  });

  it('previews with a POST that queues nothing and keeps the text, 20,000 characters included', async () => {
    const form = await staff.browser.get('/staff/announcements');
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('<option value="news"');
    expect(formHtml).not.toContain('<option value="service"');
    expect(formHtml).toContain('formaction="/staff/announcements/preview"');

    const before = (await t.db.select().from(emailOutbox)).length;
    const res = await staff.browser.form('/staff/announcements/preview', {
      list: 'news',
      subject: 'Open <day>',
      body: 'Come <script>x()</script>',
      ukSubject: 'День',
      ukBody: 'Приходьте',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Confirmed subscribers of “Announcements and news” it will go to: 2.');
    expect(html).toContain('&lt;!doctype html&gt;');
    expect(html).not.toContain('<script>x()</script>');
    expect(html).toContain('Приходьте');
    expect(html).toContain('value="Open &lt;day&gt;"');
    expect((await t.db.select().from(emailOutbox)).length).toBe(before);

    // About 2,700 characters per language ended in HTTP 431 when the preview was a GET.
    const long = 'Lesson plans for the spring term. '.repeat(580).slice(0, 19_990);
    const big = await staff.browser.form('/staff/announcements/preview', {
      list: 'news',
      subject: 'Long',
      body: long,
      ukSubject: 'Довге',
      ukBody: long,
    });
    expect(big.status).toBe(200);
    expect(await big.text()).toContain(long.slice(0, 200));
    // The old GET no longer previews (nor queues) anything.
    expect(
      await (
        await staff.browser.get('/staff/announcements?preview=1&list=news&subject=a&body=b')
      ).text(),
    ).not.toContain('It will go to');

    const half = await staff.browser.form('/staff/announcements/preview', {
      list: 'news',
      subject: 'a',
      body: 'b',
      ukSubject: 'тільки тема',
    });
    expect(half.status).toBe(400);
    expect(await half.text()).toContain(
      'Fill in both the Ukrainian subject and message, or neither.',
    );
  });

  it('asks "send to N people?" before queuing, and sends only on the confirmation', async () => {
    const fields = {
      list: 'news',
      subject: 'From the page',
      body: 'Hello all',
      ukSubject: '',
      ukBody: '',
    };
    const before = (await t.db.select().from(emailOutbox)).length;
    const ask = await staff.browser.form('/staff/announcements', fields);
    expect(ask.status).toBe(200);
    const askHtml = await ask.text();
    expect(askHtml).toContain('Send this announcement?');
    expect(askHtml).toContain(
      'It goes to every confirmed subscriber of “Announcements and news” (2 in all).',
    );
    expect(askHtml).toContain('name="confirm" value="1"');
    expect((await t.db.select().from(emailOutbox)).length).toBe(before);

    const res = await staff.browser.form('/staff/announcements', { ...fields, confirm: '1' });
    expect(res.status).toBe(303);
    // Straight to the announcement's own page, which shows it going out.
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/staff\/announcements\/[0-9a-f-]{36}$/);
    const progress = await (await staff.browser.get(location)).text();
    expect(progress).toContain('<h1>From the page</h1>');
    expect(progress).toContain('Sending: 0 of 2 handed to the mail service so far.');
    expect(await (await staff.browser.get('/staff/announcements?queued=2')).text()).toContain(
      'The announcement is queued. Recipients: 2.',
    );
    await t.sendMail();
    expect(announcementMails().filter((m) => m.subject === 'From the page')).toHaveLength(2);
    expect(
      (
        await staff.browser.form('/staff/announcements', {
          list: 'service',
          subject: 'x',
          body: 'y',
          confirm: '1',
        })
      ).status,
    ).toBe(400);
  });

  it('refuses a list nobody is subscribed to with a clear message, never a green success', async () => {
    const fields = { list: 'lessons', subject: 'Nobody', body: 'here', confirm: '1' };
    await t.db.delete(subscriptions).where(eq(subscriptions.listSlug, 'lessons'));
    const ask = await staff.browser.form('/staff/announcements', { ...fields, confirm: '' });
    expect(ask.status).toBe(400);
    const html = await ask.text();
    expect(html).toContain(
      'Nobody has confirmed a subscription to “Organisational messages about lessons” yet',
    );
    expect(html).not.toContain('name="confirm" value="1"');
    const empty = await staff.browser.get('/staff/announcements?queued=0');
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('Nothing was queued: nobody is subscribed to that list any more.');
    expect(emptyHtml).not.toContain('notice-success');
  });
});
