import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, passkeys, users } from '../../db/schema';
import { appUrl } from '../helpers/test-app';
import { useTestApp } from '../helpers/use-test-app';
import { createClient, type Client } from '../helpers/client';
import { outboxOf, read, signedInPerson } from '../helpers/accounts';
import { createSoftCredential } from '../../src/passkeys/soft-authenticator';

let ipSeq = 0;
const client = () => createClient(t, { ip: `192.0.2.${200 + ++ipSeq}` });
const minute = 60_000;

const t = useTestApp({ env: { TRUST_PROXY: '1' } });

const signedIn = (label: string) => signedInPerson(t, label, client);

async function addPasskey(c: Client, name: string) {
  const options = await read(await c.post('/api/v1/me/passkeys/options'));
  const made = await createSoftCredential(options.body, appUrl);
  const res = await read(await c.post('/api/v1/me/passkeys', { response: made.response, name }));
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe('the sign-in page', () => {
  it('loads the passkey script as a module with the CSP nonce; its button starts hidden, so without JavaScript only the password form shows', async () => {
    const res = await client().get('/login?next=%2Faccount%2Fprivacy');
    const html = await res.text();
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(
      res.headers.get('content-security-policy')!,
    )![1];
    expect(html).toContain(
      `<script type="module" src="/assets/passkey-login.js" nonce="${nonce}"></script>`,
    );
    expect(html).toMatch(
      /<div id="passkey-login"[^>]* data-mode="login" data-next="\/account\/privacy"[^>]* hidden/,
    );
    expect(html).toContain('autocomplete="username webauthn"');
    expect(html).not.toMatch(/\son(click|submit|load)=/i);
    const messages = /data-messages="([^"]+)"/
      .exec(html)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(JSON.parse(messages)['challenge-expired']).toMatch(/expired/);
  });

  it('speaks Ukrainian too', async () => {
    const html = await (
      await client().get('/login', { headers: { 'accept-language': 'uk' } })
    ).text();
    expect(html).toContain('Увійти з ключем доступу');
  });
});

describe('the security page', () => {
  it('lists passkeys with a rename form, a link to remove one, and an add form driven by passkey-register.js', async () => {
    const { c } = await signedIn('page-list');
    const key = await addPasskey(c, 'Kitchen tablet');
    const html = await (await c.get('/account/security')).text();
    expect(html).toContain('src="/assets/passkey-register.js"');
    expect(html).toContain('Kitchen tablet');
    expect(html).toContain(`action="/account/security/passkeys/${key.id}/rename"`);
    // Removing goes through its own confirmation page: no form on this page posts it.
    expect(html).toContain(`href="/account/security/passkeys/${key.id}/remove"`);
    expect(html).not.toContain(`action="/account/security/passkeys/${key.id}/remove"`);
    expect(html).toContain('id="passkey-add"');
  });

  it('renames and removes without JavaScript; removal asks to re-authenticate first, then comes back to its confirmation', async () => {
    const { p, c } = await signedIn('page-forms');
    const key = await addPasskey(c, 'Old name');
    const renamed = await c.form(`/account/security/passkeys/${key.id}/rename`, {
      name: 'New name',
    });
    expect(renamed.headers.get('location')).toBe(
      '/account/security?notice=passkey-renamed#passkeys',
    );
    expect((await read(await c.get('/api/v1/me/passkeys'))).body[0].name).toBe('New name');
    expect(
      (
        await c.form('/account/security/passkeys/00000000-0000-4000-8000-000000000000/rename', {
          name: 'x',
        })
      ).status,
    ).toBe(404);

    t.clock.advance(11 * minute);
    const confirmPage = `/account/security/passkeys/${key.id}/remove`;
    const reauth = `/reauth?next=${encodeURIComponent(confirmPage)}`;
    for (const res of [await c.get(confirmPage), await c.form(confirmPage, {})]) {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(reauth);
    }
    expect((await read(await c.get('/api/v1/me/passkeys'))).body).toHaveLength(1);
    const add = await c.form('/account/security/passkeys/add', {});
    expect(add.headers.get('location')).toBe('/reauth?next=%2Faccount%2Fsecurity%23passkeys');

    const proved = await c.form(reauth, { password: p.password });
    expect(proved.headers.get('location')).toBe(confirmPage);
    expect((await c.get(confirmPage)).status).toBe(200);
    expect((await c.form(confirmPage, {})).headers.get('location')).toBe(
      '/account/security?notice=passkey-removed#passkeys',
    );
    expect((await read(await c.get('/api/v1/me/passkeys'))).body).toEqual([]);
  });

  it('without JavaScript, a privileged "add" explains that JavaScript is needed', async () => {
    const { c } = await signedIn('page-nojs');
    const add = await c.form('/account/security/passkeys/add', {});
    expect(add.headers.get('location')).toBe('/account/security?notice=passkey-needs-js#passkeys');
    expect(await (await c.get('/account/security?notice=passkey-needs-js')).text()).toContain(
      'Adding a passkey needs JavaScript',
    );
  });

  it('refuses to remove the last way to sign in: the confirmation says so without a button, and the POST is a 409', async () => {
    const { id, c } = await signedIn('page-last');
    const key = await addPasskey(c, 'Only key');
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, id));
    const page = await c.get(`/account/security/passkeys/${key.id}/remove`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('This passkey is your only way to sign in');
    expect(html).not.toContain(`action="/account/security/passkeys/${key.id}/remove"`);
    expect(html).toContain('href="/account/security#passkeys"');
    const res = await c.form(`/account/security/passkeys/${key.id}/remove`, {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('This passkey is your only way to sign in');
    expect((await read(await c.get('/api/v1/me/passkeys'))).body).toHaveLength(1);
  });
});

describe('removing a passkey asks first, on its own page', () => {
  const passkeyCount = async (userId: string) =>
    (await t.db.select().from(passkeys).where(eq(passkeys.userId, userId))).length;

  it('names the passkey, when it was added and last used; opening it or cancelling changes nothing', async () => {
    const { id, c } = await signedIn('confirm-show');
    const key = await addPasskey(c, 'Garden <laptop>');
    await t.db
      .update(passkeys)
      .set({
        createdAt: new Date('2026-03-01T09:30:00Z'),
        lastUsedAt: new Date('2026-03-04T18:05:00Z'),
      })
      .where(eq(passkeys.id, key.id));
    const res = await c.get(`/account/security/passkeys/${key.id}/remove`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'nonce-");
    const html = await res.text();
    expect(html).toContain('<h1>Remove the passkey “Garden &lt;laptop&gt;”?</h1>');
    expect(html).toContain('1 Mar 2026, 09:30 UTC');
    expect(html).toContain('4 Mar 2026, 18:05 UTC');
    expect(html).toContain('You will no longer be able to sign in here with this passkey');
    // One form, one button, and a way back; the header's sign-out form aside.
    expect(
      html.match(/<form method="post" action="\/account\/security\/passkeys\/[^"]+\/remove">/g),
    ).toEqual([`<form method="post" action="/account/security/passkeys/${key.id}/remove">`]);
    expect(html).toMatch(
      /<button type="submit" class="button danger">Yes, remove this passkey<\/button>\s*<a href="\/account\/security#passkeys">Cancel<\/a>/,
    );
    expect(await passkeyCount(id)).toBe(1);
    // Cancel is a plain link back to the security page, where the passkey is still listed.
    const back = await (await c.get('/account/security')).text();
    expect(back).toContain('Garden &lt;laptop&gt;');
    expect(await passkeyCount(id)).toBe(1);
    expect(await outboxOf(t, id, 'passkey-removed')).toEqual([]);
  });

  it('shows the times in the person’s own time zone once they chose one', async () => {
    const { c } = await signedIn('confirm-zone');
    const key = await addPasskey(c, 'Phone');
    await t.db
      .update(passkeys)
      .set({ createdAt: new Date('2026-03-01T09:30:00Z') })
      .where(eq(passkeys.id, key.id));
    expect((await c.patch('/api/v1/me', { timeZone: 'Europe/Kyiv' })).status).toBe(200);
    const html = await (await c.get(`/account/security/passkeys/${key.id}/remove`)).text();
    expect(html).toContain('1 Mar 2026, 11:30 EET');
  });

  it('removes it with the POST: logged, mailed, and gone from the list', async () => {
    const { id, c } = await signedIn('confirm-post');
    const key = await addPasskey(c, 'Old phone');
    const keep = await addPasskey(c, 'New phone');
    const res = await c.form(`/account/security/passkeys/${key.id}/remove`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/security?notice=passkey-removed#passkeys');
    expect(
      (await read(await c.get('/api/v1/me/passkeys'))).body.map((k: { id: string }) => k.id),
    ).toEqual([keep.id]);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.userId, id));
    expect(events.filter((e) => e.action === 'passkey.removed').map((e) => e.details)).toEqual([
      { name: 'Old phone' },
    ]);
    expect(await outboxOf(t, id, 'passkey-removed')).toHaveLength(1);
    expect(await (await c.get('/account/security?notice=passkey-removed')).text()).toContain(
      'The passkey is removed.',
    );
    // Gone: its confirmation page is now a 404.
    expect((await c.get(`/account/security/passkeys/${key.id}/remove`)).status).toBe(404);
  });

  it('answers 404 for another person’s passkey, a made-up id and a malformed one, and removes nothing', async () => {
    const owner = await signedIn('confirm-owner');
    const theirs = await addPasskey(owner.c, 'Not yours');
    const { c } = await signedIn('confirm-intruder');
    await addPasskey(c, 'Mine');
    for (const id of [
      theirs.id,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      '..%2F..%2Faccount',
    ]) {
      expect((await c.get(`/account/security/passkeys/${id}/remove`)).status, id).toBe(404);
      expect((await c.form(`/account/security/passkeys/${id}/remove`, {})).status, id).toBe(404);
    }
    expect(await passkeyCount(owner.id)).toBe(1);
  });

  it('follows the same cross-site rules as every other form: a foreign or missing Origin is refused', async () => {
    const { id, c } = await signedIn('confirm-csrf');
    const key = await addPasskey(c, 'Phone');
    const path = `/account/security/passkeys/${key.id}/remove`;
    expect((await c.form(path, {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await c.form(path, {}, { origin: null })).status).toBe(403);
    expect(await passkeyCount(id)).toBe(1);
    const anonymous = await client().get(path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
  });

  it('speaks Ukrainian', async () => {
    const { c } = await signedIn('confirm-uk');
    const key = await addPasskey(c, 'Телефон');
    expect((await c.patch('/api/v1/me', { locale: 'uk' })).status).toBe(200);
    const html = await (await c.get(`/account/security/passkeys/${key.id}/remove`)).text();
    expect(html).toContain('<html lang="uk"');
    expect(html).toContain('Видалити ключ доступу «Телефон»?');
    expect(html).toContain('Так, видалити цей ключ');
  });
});

describe('the re-authentication page', () => {
  it('offers a passkey when the person has one, and only a passkey when they have no password', async () => {
    const { id, c } = await signedIn('page-reauth');
    expect(await (await c.get('/reauth')).text()).not.toContain('id="passkey-login"');
    await addPasskey(c, 'Key');
    const both = await (await c.get('/reauth?next=%2Faccount%2Fsecurity')).text();
    expect(both).toMatch(
      /id="passkey-login"[^>]* data-mode="reauth" data-next="\/account\/security"/,
    );
    expect(both).toContain('name="password"');
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, id));
    const only = await (await c.get('/reauth')).text();
    expect(only).not.toContain('name="password"');
    expect(only).toContain('Your account has no password');
  });
});
