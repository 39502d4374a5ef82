import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createClient } from '../helpers/client';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const password = 'violet kettle under moon 42';

describe('the pages work without JavaScript, from registration to sign-out', () => {
  it('walks register → email link → confirm → sign in → cabinet → profile → security → sign out', async () => {
    const browser = createClient(t);
    let res = await browser.form('/register', { name: 'Taras', email: 'taras@example.com', password, acceptPrivacyPolicy: 'true', confirmAge: 'true' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Check your email');
    await t.sendMail();
    const link = t.resend.lastLink('taras@example.com', '/verify-email')!;
    expect(link.url.startsWith('http://localhost:3000/verify-email?token=')).toBe(true);

    // Opening the link changes nothing (mail scanners prefetch links); only the button acts.
    res = await browser.get(new URL(link.url).pathname + new URL(link.url).search);
    const page = await res.text();
    expect(page).toContain(`value="${link.token}"`);
    res = await browser.form('/login', { email: 'taras@example.com', password });
    expect(res.status).toBe(403);

    res = await browser.form('/verify-email', { token: link.token });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?notice=email-verified');

    res = await browser.form('/login?next=%2Faccount%2Fprofile', { email: 'taras@example.com', password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/profile');

    res = await browser.get('/account');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Hello, Taras');

    res = await browser.form('/account/profile', { name: 'Taras S.', phone: '+380 44 123 4567', videoHandle: 'taras.skype', goals: 'Speak at work', locale: 'uk' });
    expect(res.status).toBe(303);
    res = await browser.get('/account/profile?saved=1');
    const profile = await res.text();
    expect(profile).toContain('<html lang="uk"');
    expect(profile).toContain('value="taras.skype"');

    res = await browser.get('/account/security');
    const security = await res.text();
    expect(security).toContain('Цей пристрій');
    expect(security).toContain('Профіль оновлено');

    res = await browser.form('/logout', {});
    expect(res.headers.get('location')).toBe('/login?notice=signed-out');
    res = await browser.get('/account');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Faccount');
  });

  it('keeps the input and shows field errors next to the fields', async () => {
    const browser = createClient(t);
    const res = await browser.form('/register', { name: 'Ira', email: 'not-an-email', password: 'short', acceptPrivacyPolicy: 'true' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="Ira"');
    expect(html).toContain('value="not-an-email"');
    expect(html).toMatch(/id="f-email-error"[^>]*>Enter an email address/);
    expect(html).toMatch(/aria-describedby="f-confirmAge-error"/);
    expect(html).not.toContain('value="short"');
  });

  it('escapes what people type', async () => {
    const browser = createClient(t);
    const res = await browser.form('/register', { name: '<script>alert(1)</script>', email: 'x', password: 'y' });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses a form posted from another site', async () => {
    const browser = createClient(t);
    await browser.get('/');
    browser.jar.set('session', 'x'.repeat(24) + '.' + 'y'.repeat(24));
    const res = await browser.form('/logout', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('sends people who are not signed in to sign-in, with a safe way back', async () => {
    const res = await t.app.request('/account/security');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Faccount%2Fsecurity');
    // Taras registered and confirmed in the first test.
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example']) {
      const res = await createClient(t).form(`/login?next=${encodeURIComponent(next)}`, { email: 'taras@example.com', password });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/account');
    }
  });
});
