import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import {
  deliveryCounts,
  deliveryEvents,
  emailOutbox,
  mailSuppressions,
  subscriptionEvents,
  subscriptions,
  users,
} from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { mailedToken, read, signedInMember, type Member } from '../helpers/accounts';
import { resendWebhooks, signWebhook, testWebhookSecret } from '../helpers/fake-resend';
import { countCategories, loadPerson } from '../../src/privacy/registry';
import { foldOldDeliveryEvents } from '../../src/delivery';

const day = 86_400_000;
let ipSeq = 0;
const ip = () => `198.51.100.${++ipSeq}`;

const t = useTestApp({
  env: { TRUST_PROXY: '1', RESEND_WEBHOOK_SECRET: testWebhookSecret, DELETION_GRACE_DAYS: '0' },
});
const hooks = resendWebhooks(t);

let staff: Member;

/** A person confirmed on `news`, the real way (cabinet, then the emailed link). */
async function subscriber(label: string) {
  const m = await signedInMember(t, label, { ip: ip() });
  await m.client.put('/api/v1/me/subscriptions/news', { subscribed: true });
  const token = await mailedToken(t, m.email, '/subscriptions/confirm');
  expect((await createClient(t).form('/subscriptions/confirm', { token })).status).toBe(200);
  return m;
}

async function announce(subject: string) {
  const res = await staff.client.post('/api/v1/staff/announcements', {
    list: 'news',
    subject,
    body: 'Hello.',
  });
  expect(res.status).toBe(202);
  await t.sendMail();
  return (await res.json()) as { id: string; queued: number };
}

const eventsOf = (userId: string) =>
  t.db.select().from(deliveryEvents).where(eq(deliveryEvents.userId, userId));

beforeAll(async () => {
  staff = await signedInMember(t, 'mailstaff', { ip: ip(), role: 'staff' });
});

describe('POST /webhooks/resend: only signed, fresh events count', () => {
  let m: Member;
  beforeAll(async () => {
    m = await subscriber('signed');
    await announce('Signed news');
  });
  beforeEach(async () => t.db.delete(deliveryEvents));

  it('refuses an unsigned request with 400 and changes nothing', async () => {
    const body = JSON.stringify({ type: 'email.bounced', data: { email_id: 'x' } });
    const res = await read(await hooks.post(body, { 'content-type': 'application/json' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await t.db.select().from(deliveryEvents)).toHaveLength(0);
  });

  it('refuses a tampered body, a wrong secret and an old timestamp with 401', async () => {
    const { body } = await hooks.emit('email.delivered', m.email);
    await t.db.delete(deliveryEvents);
    const signed = signWebhook(testWebhookSecret, body);
    const tampered = body.replace('email.delivered', 'email.complained');
    expect((await hooks.post(tampered, signed.headers)).status).toBe(401);
    const wrong = signWebhook(
      `whsec_${Buffer.from('another-key-0123456789').toString('base64')}`,
      body,
    );
    expect((await hooks.post(body, wrong.headers)).status).toBe(401);
    const old = signWebhook(testWebhookSecret, body, { at: new Date(Date.now() - 10 * 60_000) });
    const res = await read(await hooks.post(body, old.headers));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await t.db.select().from(deliveryEvents)).toHaveLength(0);
    expect(await t.db.select().from(mailSuppressions)).toHaveLength(0);
  });

  it('records an event once: a replay under the same svix-id changes nothing', async () => {
    const first = await hooks.emit('email.delivered', m.email);
    expect(first.res.status).toBe(200);
    expect(await first.res.json()).toEqual({ received: true, result: 'recorded' });
    const again = await hooks.emit('email.delivered', m.email, { id: first.id });
    expect(await again.res.json()).toEqual({ received: true, result: 'duplicate' });
    expect(await eventsOf(m.id)).toHaveLength(1);
    const [row] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.providerId, hooks.mailTo(m.email).id));
    expect(row!.deliveryOutcome).toBe('delivered');
  });

  it('keeps the worse news: a delay reported after delivery does not hide it', async () => {
    await hooks.emit('email.delivered', m.email);
    await hooks.emit('email.delivery_delayed', m.email);
    const [row] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.providerId, hooks.mailTo(m.email).id));
    expect(row!.deliveryOutcome).toBe('delivered');
    expect((await eventsOf(m.id)).map((e) => e.outcome).sort()).toEqual(['delayed', 'delivered']);
  });

  it('a soft bounce suppresses nothing', async () => {
    await hooks.bounce(m.email, 'Transient');
    expect(await t.db.select().from(mailSuppressions)).toHaveLength(0);
  });
});

describe('a hard bounce', () => {
  let m: Member;
  beforeAll(async () => {
    m = await subscriber('bouncy');
    await announce('First news');
    const { res } = await hooks.bounce(m.email, 'Permanent', /First news/);
    expect(res.status).toBe(200);
  });

  it('puts the address on the list: the next announcement is held back, service mail still goes', async () => {
    t.resend.reset();
    const next = await announce('Second news');
    expect(next.queued).toBeGreaterThan(0);
    expect(t.resend.to(m.email)).toHaveLength(0);
    const [copy] = await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.userId, m.id), eq(emailOutbox.announcementId, next.id)));
    expect(copy!.status).toBe('suppressed');
    expect(copy!.html).toBeNull();
    await createClient(t, { ip: ip() }).post('/api/v1/auth/password/forgot', { email: m.email });
    await t.sendMail();
    expect(t.resend.to(m.email)).toHaveLength(1);
  });

  it('shows the person a banner, which confirming the address clears', async () => {
    const page = await (await m.client.get('/account')).text();
    expect(page).toContain('id="mail-bounce"');
    expect(page).toContain('Mail to your address bounced');
    const res = await m.client.form('/account/mail-address/reconfirm', {});
    expect(res.status).toBe(303);
    expect(await t.db.select().from(mailSuppressions)).toHaveLength(0);
    expect(await (await m.client.get('/account')).text()).not.toContain('id="mail-bounce"');
    // Cleared, the address gets the next announcement again.
    const before = t.resend.to(m.email).length;
    await announce('After reconfirming');
    expect(t.resend.to(m.email).map((e) => e.subject)).toHaveLength(before + 1);
    expect(t.resend.to(m.email).at(-1)!.subject).toBe('After reconfirming');
    // A hard bounce of service mail suppresses as well.
    await hooks.bounce(m.email, 'Permanent', /^Set a new password$/);
    expect(await t.db.select().from(mailSuppressions)).toHaveLength(1);
  });

  it('staff see the suppressed person and why; the person sees they were listed', async () => {
    const page = await staff.client.get('/staff/suppressions');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(m.email);
    expect(html).toContain('The mail bounced');
    expect((await m.client.get('/staff/suppressions')).status).toBe(403);
    const activity = await read(await m.client.get('/api/v1/me/activity?limit=200'));
    expect((activity.body as { action: string }[]).map((e) => e.action)).toContain(
      'staff.listed-you',
    );
  });

  it('shows in what we hold and in the export; the purge removes it', async () => {
    const person = (await loadPerson(t.db, m.id))!;
    const emails = (await countCategories(t.db, person)).find((c) => c.key === 'emails')!;
    const count = (name: string) => emails.datasets.find((d) => d.name === name)?.count;
    expect(count('delivery-events')).toBeGreaterThanOrEqual(1);
    expect(count('mail-suppressions')).toBe(1);
    const hold = await (await m.client.get('/account/privacy')).text();
    expect(hold).toContain(`data-count="emails">${emails.count}<`);
    expect(hold).toContain('are kept 90 days, then only how many of each');
    const data = await (await m.client.get('/api/v1/me/export?format=json')).json();
    const records = data.categories.emails.records;
    expect(records['delivery-events'][0]).toMatchObject({
      status: 'bounced',
      details: 'Permanent',
    });
    expect(records['mail-suppressions'][0]).toMatchObject({ email: m.email, reason: 'bounce' });
    const zip = unzipSync(
      new Uint8Array(await (await m.client.get('/api/v1/me/export')).arrayBuffer()),
    );
    const csvNames = Object.keys(zip).filter((f) => /delivery|suppression/.test(f));
    expect(csvNames.length).toBe(3);
    const eventsCsv = strFromU8(zip[csvNames.find((f) => f.includes('delivery-events'))!]!);
    expect(eventsCsv).toContain('Permanent');
    expect((await m.client.delete('/api/v1/me')).status).toBe(202);
    expect(await t.db.select().from(users).where(eq(users.id, m.id))).toHaveLength(0);
    expect(await eventsOf(m.id)).toHaveLength(0);
    expect(await t.db.select().from(mailSuppressions)).toHaveLength(0);
  });
});

describe('a complaint', () => {
  it('unsubscribes from the list the mail came from, in the subscription history', async () => {
    const m = await subscriber('complainer');
    await announce('Spammy news');
    await hooks.complain(m.email, /Spammy news/);
    const [sub] = await t.db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, m.id), eq(subscriptions.listSlug, 'news')));
    expect(sub!.status).toBe('unsubscribed');
    const history = await t.db
      .select()
      .from(subscriptionEvents)
      .where(eq(subscriptionEvents.userId, m.id));
    expect(history.at(-1)).toMatchObject({ action: 'unsubscribed', method: 'complaint' });
    const [s] = await t.db.select().from(mailSuppressions).where(eq(mailSuppressions.userId, m.id));
    expect(s!.reason).toBe('complaint');
    expect(await (await m.client.get('/account')).text()).toContain(
      'You marked one of our emails as spam',
    );
  });

  it('sends no "mailings stopped" mail, which leaving the last list by hand does', async () => {
    const stoppedMails = (userId: string) =>
      t.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.userId, userId), eq(emailOutbox.template, 'mailings-stopped')));
    const complainer = await subscriber('quiet-complainer');
    const leaver = await subscriber('leaver');
    await announce('Quiet news');
    await hooks.complain(complainer.email, /Quiet news/);
    expect(await stoppedMails(complainer.id)).toHaveLength(0);
    const left = await leaver.client.put('/api/v1/me/subscriptions/news', { subscribed: false });
    expect(left.status).toBeLessThan(300);
    expect(await stoppedMails(leaver.id)).toHaveLength(1);
  });
});

describe('a changed address', () => {
  it('drops the suppression of an address the person has since left', async () => {
    const m = await subscriber('mover');
    await announce('Moving news');
    await hooks.bounce(m.email, 'Permanent', /Moving news/);
    expect(
      await t.db.select().from(mailSuppressions).where(eq(mailSuppressions.userId, m.id)),
    ).toHaveLength(1);
    await t.db.update(users).set({ email: 'moved.away@example.com' }).where(eq(users.id, m.id));
    expect(await (await m.client.get('/account')).text()).not.toContain('id="mail-bounce"');
    expect((await foldOldDeliveryEvents(t.deps)).suppressionsLeft).toBe(1);
    expect(
      await t.db.select().from(mailSuppressions).where(eq(mailSuppressions.userId, m.id)),
    ).toHaveLength(0);
  });
});

// Last but one: it moves the clock 91 days on, past every session.
describe('retention of delivery events', () => {
  it('keeps them 90 days, then only their counts', async () => {
    const m = await subscriber('retained');
    await announce('Kept news');
    await hooks.emit('email.delivered', m.email, { subject: /Kept news/ });
    t.clock.advance(91 * day);
    expect((await foldOldDeliveryEvents(t.deps)).deliveryEvents).toBeGreaterThanOrEqual(1);
    expect(await eventsOf(m.id)).toHaveLength(0);
    const counts = await t.db.select().from(deliveryCounts).where(eq(deliveryCounts.userId, m.id));
    expect(counts).toEqual([expect.objectContaining({ outcome: 'delivered', count: 1 })]);
  });
});

describe('without RESEND_WEBHOOK_SECRET', () => {
  const bare = useTestApp();
  it('the route does not exist', async () => {
    const res = await bare.app.request('/webhooks/resend', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
