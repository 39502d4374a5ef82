import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { appSecrets, subscriptionEvents, subscriptions } from '../../db/schema';
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
import { loadUnsubscribeKey, unsubscribeKeyName } from '../../src/subscriptions/signing-key';
import {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from '../../src/subscriptions/unsubscribe-token';
import { hmacPadsSql, unsubscribeTokenSql } from '../../src/subscriptions/unsubscribe-token-sql';

let ipSeq = 0;
const client = () => createClient(t, { ip: `198.51.100.${++ipSeq}` });

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

type Member = { person: Person; id: string; browser: Client };

async function member(label: string, overrides: Partial<Person> = {}): Promise<Member> {
  const person = newPerson(label, overrides);
  const browser = client();
  const id = await registerAndVerify(t, browser, person);
  await signIn(browser, person);
  return { person, id, browser };
}

const statusOf = async (userId: string, list: string) => {
  const [row] = await t.db
    .select({ status: subscriptions.status })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.listSlug, list)));
  return row?.status ?? null;
};
const eventsOf = (userId: string) =>
  t.db
    .select({
      list: subscriptionEvents.listSlug,
      action: subscriptionEvents.action,
      method: subscriptionEvents.method,
    })
    .from(subscriptionEvents)
    .where(eq(subscriptionEvents.userId, userId))
    .orderBy(subscriptionEvents.id);
const activityOf = async (m: Member) =>
  ((await read(await m.browser.get('/api/v1/me/activity'))).body as { action: string }[]).map(
    (e) => e.action,
  );
const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const unsubscribeToken = async (userId: string, list: string) =>
  signUnsubscribeToken(await loadUnsubscribeKey(t.db), { userId, list });

/** Exactly what a mail provider sends for RFC 8058 one-click: no cookie, no Origin, one form field. */
const oneClick = (path: string) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

describe('GET /lists and /me/subscriptions', () => {
  it('lists the mailing lists publicly, in the request language', async () => {
    const en = await read(await t.app.request('/api/v1/lists'));
    expect(en.status).toBe(200);
    expect(en.body.map((l: { list: string }) => l.list)).toEqual(['service', 'lessons', 'news']);
    expect(en.body[0]).toMatchObject({
      list: 'service',
      name: 'Service messages',
      mandatory: true,
    });
    const uk = await read(
      await t.app.request('/api/v1/lists', { headers: { 'accept-language': 'uk' } }),
    );
    expect(uk.body[2]).toMatchObject({
      list: 'news',
      name: 'Оголошення й новини',
      mandatory: false,
    });
  });

  it('shows my status on every list, the mandatory one always subscribed, in my language', async () => {
    expect((await client().get('/api/v1/me/subscriptions')).status).toBe(401);
    const m = await member('lists', { locale: 'uk' });
    const res = await read(await m.browser.get('/api/v1/me/subscriptions'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        list: 'service',
        mandatory: true,
        status: 'subscribed',
        name: 'Службові повідомлення',
      }),
      expect.objectContaining({ list: 'lessons', mandatory: false, status: 'unsubscribed' }),
      expect.objectContaining({ list: 'news', mandatory: false, status: 'unsubscribed' }),
    ]);
  });
});

describe('double opt-in', () => {
  it('stays pending until the emailed link is used; opening the link changes nothing', async () => {
    const m = await member('optin');
    const put = await read(
      await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: true }),
    );
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ list: 'news', status: 'pending', mandatory: false });
    expect(await statusOf(m.id, 'news')).toBe('pending');

    const token = await mailedToken(t, m.person.email, '/subscriptions/confirm');
    const mail = t.resend.to(m.person.email).at(-1)!;
    expect(mail.subject).toBe('Confirm your subscription: Announcements and news');
    expect(mail.text).toContain(`http://localhost:3000/subscriptions/confirm?token=${token}`);

    // A mail scanner (or the person) opening the link: a page with one button, nothing else.
    const page = await client().get(`/subscriptions/confirm?token=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="${token}"`);
    expect(html).toMatch(/<form method="post" action="\/subscriptions\/confirm">/);
    expect(await statusOf(m.id, 'news')).toBe('pending');

    // Only the button acts; it needs no session (the link may be opened on another device).
    const confirmed = await client().form('/subscriptions/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('you are subscribed to “Announcements and news”');
    expect(await statusOf(m.id, 'news')).toBe('subscribed');
    expect((await read(await m.browser.get('/api/v1/me/subscriptions'))).body[2]).toMatchObject({
      list: 'news',
      status: 'subscribed',
    });

    expect(await eventsOf(m.id)).toEqual([
      { list: 'news', action: 'requested', method: 'cabinet' },
      { list: 'news', action: 'confirmed', method: 'link' },
    ]);
    expect(await activityOf(m)).toEqual(
      expect.arrayContaining(['subscription.requested', 'subscription.confirmed']),
    );
  });

  it('uses a confirmation token once, and never after it expires', async () => {
    const m = await member('token');
    await m.browser.put('/api/v1/me/subscriptions/lessons', { subscribed: true });
    const token = await mailedToken(t, m.person.email, '/subscriptions/confirm');
    const first = await read(await client().post('/api/v1/subscriptions/confirm', { token }));
    expect(first).toMatchObject({ status: 200, body: { list: 'lessons', status: 'subscribed' } });
    const again = await read(await client().post('/api/v1/subscriptions/confirm', { token }));
    expect(again.status).toBe(400);
    expect(again.body.type).toMatch(problemType('token-used'));

    await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: true });
    const late = await mailedToken(t, m.person.email, '/subscriptions/confirm');
    t.clock.advance(7 * 24 * 3_600_000 + 1);
    const expired = await read(
      await client().post('/api/v1/subscriptions/confirm', { token: late }),
    );
    expect(expired.status).toBe(400);
    expect(expired.body.type).toMatch(problemType('token-expired'));
    expect(await statusOf(m.id, 'news')).toBe('pending');
    const garbage = await read(
      await client().post('/api/v1/subscriptions/confirm', { token: 'not-a-token' }),
    );
    expect(garbage.body.type).toMatch(problemType('token-invalid'));
  });

  it('voids an older link when a new one is sent, and any link once the person leaves the list', async () => {
    const m = await member('relink');
    await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: true });
    const older = await mailedToken(t, m.person.email, '/subscriptions/confirm');
    await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: true });
    const newer = await mailedToken(t, m.person.email, '/subscriptions/confirm');
    expect(newer).not.toBe(older);
    expect((await client().post('/api/v1/subscriptions/confirm', { token: older })).status).toBe(
      400,
    );

    expect(
      (await read(await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: false }))).body
        .status,
    ).toBe('unsubscribed');
    expect((await client().post('/api/v1/subscriptions/confirm', { token: newer })).status).toBe(
      400,
    );
    expect(await statusOf(m.id, 'news')).toBe('unsubscribed');
  });

  it('limits confirmation mails per account', async () => {
    const m = await member('flood');
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) {
      answers.push(
        (await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: true })).status,
      );
    }
    expect(answers.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: true });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('PUT /me/subscriptions/{list}', () => {
  it('never lets anyone leave the mandatory list, and answers 404 for an unknown one', async () => {
    const m = await member('mandatory');
    const leave = await read(
      await m.browser.put('/api/v1/me/subscriptions/service', { subscribed: false }),
    );
    expect(leave.status).toBe(409);
    expect(leave.headers.get('content-type')).toBe('application/problem+json');
    expect(leave.body.type).toMatch(problemType('mandatory-list'));
    expect(
      (await read(await m.browser.put('/api/v1/me/subscriptions/service', { subscribed: true })))
        .body.status,
    ).toBe('subscribed');
    expect(
      (await m.browser.put('/api/v1/me/subscriptions/nope', { subscribed: true })).status,
    ).toBe(404);
    expect(
      (await m.browser.put('/api/v1/me/subscriptions/nope', { subscribed: false })).status,
    ).toBe(404);
    const bad = await read(
      await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: 'yes', extra: 1 }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.length).toBeGreaterThan(0);
    expect((await client().put('/api/v1/me/subscriptions/news', { subscribed: true })).status).toBe(
      401,
    );
    expect(await eventsOf(m.id)).toEqual([]);
  });

  it('unsubscribes at once and records it', async () => {
    const m = await member('leave');
    await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: true });
    await client().post('/api/v1/subscriptions/confirm', {
      token: await mailedToken(t, m.person.email, '/subscriptions/confirm'),
    });
    const res = await read(
      await m.browser.put('/api/v1/me/subscriptions/news', { subscribed: false }),
    );
    expect(res).toMatchObject({ status: 200, body: { list: 'news', status: 'unsubscribed' } });
    expect((await eventsOf(m.id)).at(-1)).toEqual({
      list: 'news',
      action: 'unsubscribed',
      method: 'cabinet',
    });
    expect(await activityOf(m)).toContain('subscription.unsubscribed');
  });
});

describe('unsubscribe links', () => {
  async function subscribed(label: string, list = 'news') {
    const m = await member(label);
    await m.browser.put(`/api/v1/me/subscriptions/${list}`, { subscribed: true });
    await client().post('/api/v1/subscriptions/confirm', {
      token: await mailedToken(t, m.person.email, '/subscriptions/confirm'),
    });
    expect(await statusOf(m.id, list)).toBe('subscribed');
    return m;
  }

  it('takes the exact RFC 8058 one-click POST with no session and no Origin', async () => {
    const m = await subscribed('oneclick');
    const token = await unsubscribeToken(m.id, 'news');
    const res = await read(
      await oneClick(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`),
    );
    expect(res).toMatchObject({ status: 200, body: { list: 'news', status: 'unsubscribed' } });
    expect(await statusOf(m.id, 'news')).toBe('unsubscribed');
    // A second POST (providers retry) is still fine and records nothing new.
    expect((await oneClick(`/api/v1/unsubscribe?token=${token}`)).status).toBe(200);
    expect((await eventsOf(m.id)).filter((e) => e.action === 'unsubscribed')).toEqual([
      { list: 'news', action: 'unsubscribed', method: 'one-click' },
    ]);
    expect(await activityOf(m)).toContain('subscription.unsubscribed');
  });

  it('takes the one-click POST at the List-Unsubscribe URL itself (the page)', async () => {
    const m = await subscribed('oneclick-page', 'lessons');
    const res = await oneClick(`/unsubscribe?token=${await unsubscribeToken(m.id, 'lessons')}`);
    expect(res.status).toBe(200);
    expect(await statusOf(m.id, 'lessons')).toBe('unsubscribed');
    expect((await eventsOf(m.id)).at(-1)).toEqual({
      list: 'lessons',
      action: 'unsubscribed',
      method: 'one-click',
    });
  });

  it('takes one-click from a webmail page on another origin, even with our cookie present', async () => {
    const m = await subscribed('oneclick-webmail');
    const token = await unsubscribeToken(m.id, 'news');
    // The token is the authority and the route never reads the session: nothing to forge.
    const res = await m.browser.request(
      'POST',
      `/api/v1/unsubscribe?token=${encodeURIComponent(token)}`,
      new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
      { origin: 'https://mail.example.net' },
    );
    expect(res.status).toBe(200);
    expect(await statusOf(m.id, 'news')).toBe('unsubscribed');
    // Other cookie-authenticated writes from that origin are still refused.
    expect(
      (
        await m.browser.put(
          '/api/v1/me/subscriptions/news',
          { subscribed: true },
          { origin: 'https://mail.example.net' },
        )
      ).status,
    ).toBe(403);
  });

  it('shows one button on GET and acts only on the POST of the form', async () => {
    const m = await subscribed('page');
    const token = await unsubscribeToken(m.id, 'news');
    const page = await client().get(`/unsubscribe?token=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop sending “Announcements and news” to this address?');
    expect(html).toContain(`value="${token}"`);
    expect(await statusOf(m.id, 'news')).toBe('subscribed');
    // The form POST from a browser that is signed in (cookie + our Origin) works as well.
    const done = await m.browser.form('/unsubscribe', { token });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed from “Announcements and news”');
    expect((await eventsOf(m.id)).at(-1)).toEqual({
      list: 'news',
      action: 'unsubscribed',
      method: 'link',
    });
  });

  it('rejects forged and altered tokens with 400 and changes nothing', async () => {
    const victim = await subscribed('victim');
    const attacker = await subscribed('attacker');
    const own = await unsubscribeToken(attacker.id, 'news');
    const [payload, mac] = own.split('.') as [string, string];
    const victimPayload = (await unsubscribeToken(victim.id, 'news')).split('.')[0]!;
    const otherKey = await crypto.subtle.importKey(
      'raw',
      crypto.getRandomValues(new Uint8Array(32)),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    // The last of 43 characters carries 4 bits of the mac and 2 spare ones: flip a spare one.
    const spareBitFlipped = (ch: string) => b64[b64.indexOf(ch) ^ 1]!;
    const flip = (s: string, i: number) =>
      s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const forged = [
      `${victimPayload}.${mac}`, // someone else's id under my mac
      `${payload}.${flip(mac, 5)}`, // one character of the mac changed
      `${payload}.${mac.slice(0, -1)}${spareBitFlipped(mac.at(-1)!)}`, // same bytes, another spelling
      `${flip(payload, 3)}.${mac}`,
      await signUnsubscribeToken(otherKey, { userId: victim.id, list: 'news' }), // signed with another key
      `${payload}.`,
      'garbage',
    ];
    for (const token of forged) {
      const res = await read(
        await oneClick(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`),
      );
      expect(res.status, token).toBe(400);
      expect(res.body.type).toMatch(problemType('token-invalid'));
      expect((await client().get(`/unsubscribe?token=${encodeURIComponent(token)}`)).status).toBe(
        400,
      );
      expect((await oneClick(`/unsubscribe?token=${encodeURIComponent(token)}`)).status).toBe(400);
    }
    expect(await statusOf(victim.id, 'news')).toBe('subscribed');
    expect(await statusOf(attacker.id, 'news')).toBe('subscribed');
  });

  it('accepts only the one-click body on the API route', async () => {
    const m = await subscribed('body');
    const token = await unsubscribeToken(m.id, 'news');
    const wrong = await t.app.request(`/api/v1/unsubscribe?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=Yes',
    });
    expect(wrong.status).toBe(400);
    const json = await t.app.request(`/api/v1/unsubscribe?token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect((await oneClick('/api/v1/unsubscribe')).status).toBe(400);
    expect(await statusOf(m.id, 'news')).toBe('subscribed');
    // RFC 8058 allows multipart/form-data as well.
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    expect(
      (await t.app.request(`/api/v1/unsubscribe?token=${token}`, { method: 'POST', body: form }))
        .status,
    ).toBe(200);
    expect(await statusOf(m.id, 'news')).toBe('unsubscribed');
  });

  it('refuses to unsubscribe from the mandatory list even with a validly signed token', async () => {
    const m = await member('service-token');
    const res = await read(
      await oneClick(`/api/v1/unsubscribe?token=${await unsubscribeToken(m.id, 'service')}`),
    );
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(problemType('mandatory-list'));
  });

  it('signs in the database (bulk) exactly as Web Crypto does (single links, verification)', async () => {
    const key = await loadUnsubscribeKey(t.db);
    const ids = [
      '00000000-0000-4000-8000-000000000000',
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
      crypto.randomUUID(),
    ];
    for (const list of ['news', 'a', 'x'.repeat(50)]) {
      const result = await t.db.execute(sql`
        select ${unsubscribeTokenSql(sql`v.id`, list, 'pads')} as token
        from (select unnest(${`{${ids.join(',')}}`}::uuid[]) as id) v cross join ${hmacPadsSql} as pads`);
      const fromDb = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
        token: string;
      }[];
      const fromJs = await Promise.all(
        ids.map((userId) => signUnsubscribeToken(key, { userId, list })),
      );
      expect(fromDb.map((r) => r.token)).toEqual(fromJs);
      for (const [i, { token }] of fromDb.entries())
        expect(await verifyUnsubscribeToken(key, token)).toEqual({ userId: ids[i], list });
    }
  });

  it('keeps one signing key in app_secrets, whoever creates it first', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const keys = await Promise.all([
      loadUnsubscribeKey(t.db),
      loadUnsubscribeKey(t.db),
      loadUnsubscribeKey(t.db),
    ]);
    const tokens = await Promise.all(
      keys.map((k) => signUnsubscribeToken(k, { userId: id, list: 'news' })),
    );
    expect(new Set(tokens).size).toBe(1);
    const rows = await t.db
      .select()
      .from(appSecrets)
      .where(eq(appSecrets.name, unsubscribeKeyName));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('the cabinet page /account/subscriptions', () => {
  it('shows every list with its status and a button; the mandatory one with the reason instead', async () => {
    const m = await member('page-en');
    const res = await m.browser.get('/account/subscriptions');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('Service messages');
    expect(html).toContain('Always on');
    expect(html).toContain('These cannot be turned off');
    expect(html).not.toContain('action="/account/subscriptions/service/');
    expect(html).toContain('action="/account/subscriptions/news/subscribe"');
    expect(html).toContain('action="/account/subscriptions/lessons/subscribe"');
  });

  it('subscribes with a button, says what happens next, and unsubscribes with another', async () => {
    const m = await member('page-flow');
    let res = await m.browser.form('/account/subscriptions/news/subscribe', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      '/account/subscriptions?notice=pending&list=news#list-news',
    );
    let html = await (
      await m.browser.get('/account/subscriptions?notice=pending&list=news')
    ).text();
    expect(html).toContain(
      'open the link we just sent to your email to confirm “Announcements and news”',
    );
    expect(html).toContain('Waiting for your confirmation');
    expect(html).toContain(m.person.email);
    expect(await statusOf(m.id, 'news')).toBe('pending');

    await m.browser.form('/subscriptions/confirm', {
      token: await mailedToken(t, m.person.email, '/subscriptions/confirm'),
    });
    html = await (await m.browser.get('/account/subscriptions')).text();
    expect(html).toContain('action="/account/subscriptions/news/unsubscribe"');

    res = await m.browser.form('/account/subscriptions/news/unsubscribe', {});
    expect(res.headers.get('location')).toBe(
      '/account/subscriptions?notice=unsubscribed&list=news#list-news',
    );
    expect(await statusOf(m.id, 'news')).toBe('unsubscribed');

    res = await m.browser.form('/account/subscriptions/service/unsubscribe', {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('“Service messages” cannot be turned off.');
    expect((await m.browser.form('/account/subscriptions/nope/subscribe', {})).status).toBe(404);
    // Cross-site forms are refused before anything happens.
    expect(
      (
        await m.browser.form(
          '/account/subscriptions/news/subscribe',
          {},
          { origin: 'https://evil.example' },
        )
      ).status,
    ).toBe(403);
  });

  it('stops asking for confirmation once the link was used, even on the pending page reloaded', async () => {
    const m = await member('reload-after-confirm');
    await m.browser.form('/account/subscriptions/news/subscribe', {});
    await m.browser.form('/subscriptions/confirm', {
      token: await mailedToken(t, m.person.email, '/subscriptions/confirm'),
    });
    // The tab that asked still has ?notice=pending in its address; reloading it tells the truth.
    const html = await (
      await m.browser.get('/account/subscriptions?notice=pending&list=news')
    ).text();
    expect(html).not.toContain('open the link we just sent');
    expect(html).toContain('You are subscribed to “Announcements and news”.');
  });

  it('speaks Ukrainian to a Ukrainian user and needs a session', async () => {
    const m = await member('page-uk', { locale: 'uk' });
    const html = await (await m.browser.get('/account/subscriptions')).text();
    expect(html).toContain('<html lang="uk"');
    expect(html).toContain('Завжди ввімкнено');
    expect(html).toContain('Підписатися');
    const anonymous = await client().get('/account/subscriptions');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Faccount%2Fsubscriptions');
  });
});

describe('opting out of everything', () => {
  async function subscribedTo(label: string, lists: string[]) {
    const m = await member(label);
    for (const list of lists) {
      await m.browser.put(`/api/v1/me/subscriptions/${list}`, { subscribed: true });
      await client().post('/api/v1/subscriptions/confirm', {
        token: await mailedToken(t, m.person.email, '/subscriptions/confirm'),
      });
      expect(await statusOf(m.id, list)).toBe('subscribed');
    }
    return m;
  }
  const stoppedMails = async (m: Member) => {
    await t.sendMail();
    return t.resend
      .to(m.person.email)
      .filter((mail) => mail.subject === 'You will get no more mailings from us');
  };
  const offer = 'Would you also like us to delete your account and everything we hold about you?';

  it('offers, after the last optional list is left in the cabinet, to delete the account too', async () => {
    const m = await subscribedTo('leaves-all', ['news', 'lessons']);
    await m.browser.form('/account/subscriptions/news/unsubscribe', {});
    let html = await (
      await m.browser.get('/account/subscriptions?notice=unsubscribed&list=news')
    ).text();
    expect(html).not.toContain(offer);
    expect(await stoppedMails(m)).toHaveLength(0);

    await m.browser.form('/account/subscriptions/lessons/unsubscribe', {});
    html = await (
      await m.browser.get('/account/subscriptions?notice=unsubscribed&list=lessons')
    ).text();
    expect(html).toContain(offer);
    // The normal deletion: explanation, re-authentication, grace period, mail, purge.
    expect(html).toContain('href="/account/delete"');
    const [mail] = await stoppedMails(m);
    expect(mail?.text).toContain(offer);
    expect(mail?.text).toContain('http://localhost:3000/account/delete');
  });

  it('makes the same offer after a one-click unsubscribe link, and in its confirmation mail', async () => {
    const m = await subscribedTo('link-leaves-all', ['news']);
    const token = signUnsubscribeToken(await loadUnsubscribeKey(t.db), {
      userId: m.id,
      list: 'news',
    });
    const page = await client().form('/unsubscribe', { token: await token });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(offer);
    expect(html).toContain('href="/account/delete"');
    expect(await stoppedMails(m)).toHaveLength(1);
    // A second use of the link (providers retry) sends nothing more.
    await client().form('/unsubscribe', { token: await token });
    expect(await stoppedMails(m)).toHaveLength(1);
  });
});
