import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { consents, emailOutbox, policyVersions, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { problemType, read, signIn, userById } from '../helpers/accounts';
import { clientFor, signedInAdmin, signedInPerson } from './privacy-fixtures';

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const day = 86_400_000;

describe('restriction of processing', () => {
  it('is set with a reason and lifted through the API, and logged', async () => {
    const { client, userId } = await signedInPerson(t, 'restrict');
    expect((await read(await client.put('/api/v1/me/restriction', { reason: '' }))).status).toBe(
      400,
    );
    expect(
      (await read(await client.put('/api/v1/me/restriction', { reason: 'x', extra: 1 }))).status,
    ).toBe(400);
    expect(
      (await read(await client.put('/api/v1/me/restriction', { reason: 'x'.repeat(1001) }))).status,
    ).toBe(400);
    expect(
      (await client.put('/api/v1/me/restriction', { reason: 'My phone number is wrong' })).status,
    ).toBe(204);
    expect((await (await client.get('/api/v1/me')).json()).processingRestricted).toBe(true);
    let user = await userById(t, userId);
    expect(user!.processingRestrictedAt).toEqual(t.clock.now());
    expect(user!.processingRestrictionReason).toBe('My phone number is wrong');
    expect((await client.delete('/api/v1/me/restriction')).status).toBe(204);
    user = await userById(t, userId);
    expect(user!.processingRestrictedAt).toBeNull();
    expect(user!.processingRestrictionReason).toBeNull();
    expect((await client.delete('/api/v1/me/restriction')).status).toBe(204);
    const activity = (await read(await client.get('/api/v1/me/activity'))).body.map(
      (e: { action: string }) => e.action,
    );
    expect(activity.slice(0, 2)).toEqual(['processing.unrestricted', 'processing.restricted']);
    expect((await clientFor(t).put('/api/v1/me/restriction', { reason: 'x' })).status).toBe(401);
  });

  it('is set and lifted from the cabinet page, with a field error for an empty reason', async () => {
    const { client, userId } = await signedInPerson(t, 'restrict-page');
    let res = await client.form('/account/privacy/restriction', { reason: '   ' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="f-reason-error"[^>]*>Write a short reason\./);
    res = await client.form('/account/privacy/restriction', { reason: 'Name misspelt <b>' });
    expect(res.headers.get('location')).toBe('/account/privacy?notice=restricted#restriction');
    const html = await (await client.get('/account/privacy?notice=restricted')).text();
    expect(html).toContain('Processing of your data is now restricted.');
    expect(html).toContain('“Name misspelt &lt;b&gt;”');
    expect((await userById(t, userId))!.processingRestrictedAt).not.toBeNull();
    res = await client.form('/account/privacy/restriction/lift', {});
    expect(res.headers.get('location')).toBe('/account/privacy?notice=lifted#restriction');
    expect((await userById(t, userId))!.processingRestrictedAt).toBeNull();
  });
});

describe('what we hold about you', () => {
  it('lists every category with its count, purpose and retention, in English and Ukrainian', async () => {
    const { client } = await signedInPerson(t, 'hold');
    let html = await (await client.get('/account/privacy')).text();
    expect(html).toContain('What we hold about you');
    for (const key of [
      'profile',
      'sign-in-methods',
      'sessions',
      'events',
      'links',
      'consents',
      'subscriptions',
      'bookings',
      'payments',
      'emails',
    ]) {
      expect(html).toContain(`data-count="${key}"`);
    }
    expect(html).toMatch(/data-count="profile">1</);
    expect(html).toMatch(/data-count="sessions">1</);
    expect(html).toMatch(/data-count="consents">2</);
    expect(html).toContain('IP addresses are removed after 90 days.');
    expect(html).toContain('goals, language and time zone.');
    expect(html).toContain('href="/account/privacy/export"');
    expect(html).toContain('href="/account/delete"');
    await client.patch('/api/v1/me', { locale: 'uk' });
    html = await (await client.get('/account/privacy')).text();
    expect(html).toContain('Що ми зберігаємо про вас');
    expect(html).toContain('IP-адреси видаляються через 90 днів.');
    expect(html).toContain('цілі, мова та часовий пояс.');
  });
});

describe('consents and policy versions', () => {
  it('lists the consent history', async () => {
    const { client } = await signedInPerson(t, 'consents');
    const res = await read(await client.get('/api/v1/me/consents'));
    expect(res.status).toBe(200);
    expect(res.body.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'age-confirmation',
      'privacy-policy',
    ]);
    expect(res.body.find((c: { kind: string }) => c.kind === 'privacy-policy')).toMatchObject({
      version: '1.0',
      granted: 'granted',
      method: 'registration',
    });
  });

  it('publishes a version (admin only), refuses one that takes effect too soon, mails every active person in their language', async () => {
    const en = await signedInPerson(t, 'notice-en');
    const uk = await signedInPerson(t, 'notice-uk', { locale: 'uk' });
    const leaving = await signedInPerson(t, 'notice-leaving');
    await leaving.client.delete('/api/v1/me');
    const admin = await signedInAdmin(t);
    const body = (days: number, version = '2.0') => ({
      kind: 'privacy',
      version,
      summary: 'We now keep lesson recordings for 30 days.',
      body: 'Full text.\n\nSecond paragraph.',
      effectiveAt: new Date(t.clock.now().getTime() + days * day).toISOString(),
    });

    expect((await en.client.post('/api/v1/admin/policies', body(40))).status).toBe(403);
    expect((await clientFor(t).post('/api/v1/admin/policies', body(40))).status).toBe(401);
    const soon = await read(await admin.client.post('/api/v1/admin/policies', body(29.9)));
    expect(soon.status).toBe(400);
    expect(soon.body.errors[0].path).toBe('effectiveAt');
    expect(
      (
        await read(
          await admin.client.post('/api/v1/admin/policies', { ...body(40), kind: 'cookies' }),
        )
      ).status,
    ).toBe(400);

    const created = await read(await admin.client.post('/api/v1/admin/policies', body(30)));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      version: '2.0',
      summary: 'We now keep lesson recordings for 30 days.',
    });
    expect((await read(await admin.client.post('/api/v1/admin/policies', body(40)))).status).toBe(
      409,
    );
    const [row] = await t.db.select().from(policyVersions).where(eq(policyVersions.version, '2.0'));
    expect(row!.noticeQueuedAt).toEqual(t.clock.now());

    const notices = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'policy-notice'));
    const to = new Set(notices.map((n) => n.toAddress));
    expect(to.has(en.person.email) && to.has(uk.person.email)).toBe(true);
    expect(to.has(leaving.person.email)).toBe(false);
    expect(created.body.noticesQueued).toBe(notices.length);
    await t.sendMail();
    expect(t.resend.to(en.person.email).at(-1)!.subject).toMatch(/^Our privacy policy changes on /);
    expect(t.resend.to(uk.person.email).at(-1)!.subject).toMatch(
      /^Наша політика конфіденційності змінюється /,
    );
    expect(t.resend.to(uk.person.email).at(-1)!.text).toContain('/privacy?version=2.0');

    const listed = await read(await clientFor(t).get('/api/v1/policies/privacy'));
    expect(listed.body.current).toBe('1.0');
    expect(listed.body.versions.map((v: { version: string }) => v.version)).toEqual(['2.0', '1.0']);
  });

  it('once in force, asks people who have not accepted it before they use the cabinet', async () => {
    const early = await signedInPerson(t, 'gate');
    const earlyAccepted = await signedInPerson(t, 'gate-early');
    // Accepting the upcoming version ahead of time, from the notice, counts.
    expect(
      (await earlyAccepted.client.post('/api/v1/me/consents/privacy-policy', { version: '2.0' }))
        .status,
    ).toBe(204);
    expect(
      (
        await read(
          await early.client.post('/api/v1/me/consents/privacy-policy', { version: '9.9' }),
        )
      ).status,
    ).toBe(409);

    t.clock.advance(31 * day);
    const client = createClient(t, { ip: '198.51.100.77' });
    await signIn(client, early.person);
    const blocked = await read(await client.get('/api/v1/me/sessions'));
    expect(blocked.status).toBe(403);
    expect(blocked.body.type).toMatch(problemType('policy-acceptance-required'));
    expect(blocked.body.detail).toContain('2.0');
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await client.get('/api/v1/me/consents')).status).toBe(200);
    expect((await client.get('/api/v1/policies/privacy')).status).toBe(200);

    let page = await client.get('/account/security');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/account/policy?next=%2Faccount%2Fsecurity');
    page = await client.get('/account/policy?next=%2Faccount%2Fsecurity');
    const html = await page.text();
    expect(html).toContain('Our privacy policy has changed');
    expect(html).toContain('We now keep lesson recordings for 30 days.');
    page = await client.form('/account/policy?next=%2Faccount%2Fsecurity', { version: '2.0' });
    expect(page.headers.get('location')).toBe('/account/security');
    const after = await client.get('/account/security');
    expect(after.headers.get('location')).toBeNull();
    expect(after.status).toBe(200);
    expect((await client.get('/api/v1/me/sessions')).status).toBe(200);
    const rows = await t.db
      .select()
      .from(consents)
      .where(and(eq(consents.userId, early.userId), eq(consents.version, '2.0')));
    expect(rows).toEqual([expect.objectContaining({ granted: 'granted', method: 'cabinet' })]);

    const ok = createClient(t, { ip: '198.51.100.78' });
    await signIn(ok, earlyAccepted.person);
    expect((await ok.get('/api/v1/me/sessions')).status).toBe(200);

    // Someone who registers now accepts version 2.0 as part of registering.
    const fresh = await signedInPerson(t, 'gate-new');
    const freshGated = createClient(t, { ip: '198.51.100.79' });
    await signIn(freshGated, fresh.person);
    expect((await freshGated.get('/account')).status).toBe(200);

    // Declining must not trap anyone: signing out, downloading and deleting stay open.
    const other = await signedInPerson(t, 'gate-out');
    // An account from before 2.0 took effect that never accepted it.
    await t.db.delete(consents).where(eq(consents.userId, other.userId));
    await t.db
      .update(users)
      .set({ createdAt: new Date(t.clock.now().getTime() - 30 * day) })
      .where(eq(users.id, other.userId));
    const leaving = createClient(t, { ip: '198.51.100.81' });
    await signIn(leaving, other.person);
    expect((await leaving.get('/api/v1/me/bookings')).status).toBe(403);
    expect((await leaving.get('/api/v1/me/export?format=json')).status).toBe(200);
    expect((await leaving.get('/account/delete')).status).toBe(200);
    expect((await leaving.post('/api/v1/auth/logout')).status).toBe(204);
  });
});
