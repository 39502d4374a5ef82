import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { createTestApp, appUrl, type TestApp } from '../helpers/test-app';
import { createClient, type Client } from '../helpers/client';
import { newPerson, read, registerAndVerify, signIn } from '../helpers/accounts';
import { createSoftCredential } from '../../src/passkeys/soft-authenticator';

let t: TestApp;
let ipSeq = 0;
const client = () => createClient(t, { ip: `192.0.2.${200 + ++ipSeq}` });
const minute = 60_000;

beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: '1' } });
});
afterAll(() => t.close());

async function signedIn(label: string) {
  const p = newPerson(label);
  const id = await registerAndVerify(t, client(), p);
  const c = client();
  await signIn(c, p);
  return { p, id, c };
}

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
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)![1];
    expect(html).toContain(`<script type="module" src="/assets/passkey-login.js" nonce="${nonce}"></script>`);
    expect(html).toMatch(/<div id="passkey-login"[^>]* data-mode="login" data-next="\/account\/privacy"[^>]* hidden/);
    expect(html).toContain('autocomplete="username webauthn"');
    expect(html).not.toMatch(/\son(click|submit|load)=/i);
    const messages = /data-messages="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(JSON.parse(messages)['challenge-expired']).toMatch(/expired/);
  });

  it('speaks Ukrainian too', async () => {
    const html = await (await client().get('/login', { headers: { 'accept-language': 'uk' } })).text();
    expect(html).toContain('Увійти з ключем доступу');
  });
});

describe('the security page', () => {
  it('lists passkeys with rename and remove forms, and an add form driven by passkey-register.js', async () => {
    const { c } = await signedIn('page-list');
    const key = await addPasskey(c, 'Kitchen tablet');
    const html = await (await c.get('/account/security')).text();
    expect(html).toContain('src="/assets/passkey-register.js"');
    expect(html).toContain('Kitchen tablet');
    expect(html).toContain(`action="/account/security/passkeys/${key.id}/rename"`);
    expect(html).toContain(`action="/account/security/passkeys/${key.id}/remove"`);
    expect(html).toContain('id="passkey-add"');
  });

  it('renames and removes without JavaScript; removal asks to re-authenticate first', async () => {
    const { c } = await signedIn('page-forms');
    const key = await addPasskey(c, 'Old name');
    const renamed = await c.form(`/account/security/passkeys/${key.id}/rename`, { name: 'New name' });
    expect(renamed.headers.get('location')).toBe('/account/security?notice=passkey-renamed#passkeys');
    expect((await read(await c.get('/api/v1/me/passkeys'))).body[0].name).toBe('New name');
    expect((await c.form('/account/security/passkeys/00000000-0000-4000-8000-000000000000/rename', { name: 'x' })).status).toBe(404);

    t.clock.advance(11 * minute);
    const refused = await c.form(`/account/security/passkeys/${key.id}/remove`, {});
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe('/reauth?next=%2Faccount%2Fsecurity%23passkeys');
    const add = await c.form('/account/security/passkeys/add', {});
    expect(add.headers.get('location')).toBe('/reauth?next=%2Faccount%2Fsecurity%23passkeys');
  });

  it('without JavaScript, a privileged "add" explains that JavaScript is needed', async () => {
    const { c } = await signedIn('page-nojs');
    const add = await c.form('/account/security/passkeys/add', {});
    expect(add.headers.get('location')).toBe('/account/security?notice=passkey-needs-js#passkeys');
    expect(await (await c.get('/account/security?notice=passkey-needs-js')).text()).toContain('Adding a passkey needs JavaScript');
  });

  it('refuses to remove the last way to sign in, with a message on the page', async () => {
    const { id, c } = await signedIn('page-last');
    const key = await addPasskey(c, 'Only key');
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, id));
    const res = await c.form(`/account/security/passkeys/${key.id}/remove`, {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('This passkey is your only way to sign in');
  });
});

describe('the re-authentication page', () => {
  it('offers a passkey when the person has one, and only a passkey when they have no password', async () => {
    const { id, c } = await signedIn('page-reauth');
    expect(await (await c.get('/reauth')).text()).not.toContain('id="passkey-login"');
    await addPasskey(c, 'Key');
    const both = await (await c.get('/reauth?next=%2Faccount%2Fsecurity')).text();
    expect(both).toMatch(/id="passkey-login"[^>]* data-mode="reauth" data-next="\/account\/security"/);
    expect(both).toContain('name="password"');
    await t.db.update(users).set({ passwordHash: null }).where(eq(users.id, id));
    const only = await (await c.get('/reauth')).text();
    expect(only).not.toContain('name="password"');
    expect(only).toContain('Your account has no password');
  });
});
