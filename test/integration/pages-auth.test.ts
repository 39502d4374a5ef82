import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import { eq } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema';
import { problemType, read, signedInMember } from '../helpers/accounts';

const t = useTestApp();

const password = 'violet kettle under moon 42';

describe('the pages work without JavaScript, from registration to sign-out', () => {
  it('walks register → email link → confirm → sign in → cabinet → profile → security → sign out', async () => {
    const browser = createClient(t);
    let res = await browser.form('/register', {
      name: 'Taras',
      email: 'taras@example.com',
      password,
      acceptPrivacyPolicy: 'true',
      confirmAge: 'true',
    });
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

    // The button confirms with the password chosen at registration, and signs in.
    res = await browser.form('/verify-email', { token: link.token, password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
    await browser.form('/logout', {});

    res = await browser.form('/login?next=%2Faccount%2Fprofile', {
      email: 'taras@example.com',
      password,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account/profile');

    res = await browser.get('/account');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Hello, Taras');

    res = await browser.form('/account/profile', {
      name: 'Taras S.',
      phone: '+380 44 123 4567',
      videoHandle: 'taras.skype',
      goals: 'Speak at work',
      locale: 'uk',
    });
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
    const res = await browser.form('/register', {
      name: 'Ira',
      email: 'not-an-email',
      password: 'short',
      acceptPrivacyPolicy: 'true',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="Ira"');
    expect(html).toContain('value="not-an-email"');
    expect(html).toMatch(/id="f-email-error"[^>]*>Enter an email address/);
    expect(html).toMatch(/aria-describedby="f-confirmAge-error"/);
    expect(html).not.toContain('value="short"');
  });

  it('reports every field at once, keeps the ticked boxes, says why the password was cleared and focuses the first error', async () => {
    const browser = createClient(t);
    const res = await browser.form('/register', {
      name: '',
      email: 'ira@example.com',
      password: 'short',
      acceptPrivacyPolicy: 'true',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    // The name, the password's length and the missing age box, in one round.
    expect(html).toMatch(/id="f-name-error"[^>]*>Fill in this field/);
    expect(html).toMatch(/id="f-password-error"[^>]*>Use at least 8 characters/);
    expect(html).toMatch(/id="f-confirmAge-error"[^>]*>Please confirm your age/);
    // The summary links to each field.
    expect(html).toContain('href="#f-name"');
    expect(html).toContain('href="#f-password"');
    // The ticked box stays ticked; the password is never sent back, and the page says so.
    expect(html).toMatch(/<input[^>]*name="acceptPrivacyPolicy"[^>]*checked/);
    expect(html).toContain('For your safety we never send a password back: type it again.');
    expect(html).toMatch(/<input[^>]*id="f-name"[^>]*autofocus/);
    // The policy opens beside the form instead of leaving it.
    expect(html).toMatch(/<a href="\/privacy" target="_blank" rel="noopener"/);
  });

  it('escapes what people type', async () => {
    const browser = createClient(t);
    const res = await browser.form('/register', {
      name: '<script>alert(1)</script>',
      email: 'x',
      password: 'y',
    });
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
      const res = await createClient(t).form(`/login?next=${encodeURIComponent(next)}`, {
        email: 'taras@example.com',
        password,
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/account');
    }
  });
});

describe('the security page keeps what was typed after an error', () => {
  it('shows a refused new address again, escaped, with the error next to it', async () => {
    const { client } = await signedInMember(t, 'keep-email', { ip: '192.0.2.10' });
    const typed = 'olena"><b>@localhost';
    const res = await client.form('/account/security/email', { newEmail: typed });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="olena&quot;&gt;&lt;b&gt;@localhost"');
    expect(html).not.toContain('<b>@localhost');
    expect(html).toMatch(/id="f-newEmail-error"[^>]*>Enter an email address/);
    expect(html).toContain('aria-invalid="true"');
  });

  it('keeps it when the hourly limit of such mails is reached, too', async () => {
    const { client } = await signedInMember(t, 'keep-limit', { ip: '192.0.2.11' });
    for (let i = 0; i < 5; i++) {
      const sent = await client.form('/account/security/email', {
        newEmail: `new.${i}.${Date.now()}@example.org`,
      });
      expect(sent.headers.get('location')).toBe('/account/security?notice=email-sent');
    }
    const res = await client.form('/account/security/email', { newEmail: 'one.more@example.org' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('value="one.more@example.org"');
  });
});

describe('an account time zone', () => {
  const zoneOf = async (id: string) =>
    (await t.db.select({ z: users.timeZone }).from(users).where(eq(users.id, id)))[0]!.z;

  it('is set, shown and cleared through PATCH /api/v1/me; an unknown zone or a wrong type is a 400 problem naming the field', async () => {
    const { id, client } = await signedInMember(t, 'zone-api', { ip: '192.0.2.12' });
    expect((await read(await client.get('/api/v1/me'))).body.timeZone).toBeNull();

    const set = await read(
      await client.patch('/api/v1/me', { timeZone: 'America/Argentina/Buenos_Aires' }),
    );
    expect(set.status).toBe(200);
    expect(set.body.timeZone).toBe('America/Argentina/Buenos_Aires');
    expect((await read(await client.get('/api/v1/me'))).body.timeZone).toBe(
      'America/Argentina/Buenos_Aires',
    );

    for (const bad of ['Mars/Olympus_Mons', 'europe/kyiv', '+02:00', 'Europe/Kyiv/', 'EST5EDT ']) {
      const res = await client.patch('/api/v1/me', { timeZone: bad, name: 'Changed name' });
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = await res.json();
      expect(body.type).toMatch(problemType('validation'));
      expect(body.errors).toEqual([
        { path: 'timeZone', message: 'Use an IANA time zone name, e.g. Europe/Kyiv' },
      ]);
    }
    // Nothing of a refused request was saved, the name included.
    expect(await zoneOf(id)).toBe('America/Argentina/Buenos_Aires');
    expect((await read(await client.get('/api/v1/me'))).body.name).not.toBe('Changed name');

    for (const malformed of [42, ['Europe/Kyiv'], 'Europe/' + 'x'.repeat(80)]) {
      const res = await read(await client.patch('/api/v1/me', { timeZone: malformed }));
      expect(res.status, JSON.stringify(malformed)).toBe(400);
      expect(res.body.errors[0].path).toBe('timeZone');
    }

    const cleared = await read(await client.patch('/api/v1/me', { timeZone: null }));
    expect(cleared.body.timeZone).toBeNull();
    expect(
      (await read(await client.patch('/api/v1/me', { timeZone: 'Europe/Kyiv' }))).body.timeZone,
    ).toBe('Europe/Kyiv');
    expect(
      (await read(await client.patch('/api/v1/me', { timeZone: '' }))).body.timeZone,
    ).toBeNull();
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/v1/openapi.json')).json();
    const patch = doc.paths['/api/v1/me']?.patch ?? doc.paths['/me']?.patch;
    expect(Object.keys(patch.responses)).toContain('400');
    expect(JSON.stringify(patch.requestBody)).toContain('timeZone');
  });

  it('is chosen on the profile page from the same list as the booking form; a bad one gets a field error and stays in the field', async () => {
    const { id, client } = await signedInMember(t, 'zone-page', { ip: '192.0.2.13' });
    const page = await (await client.get('/account/profile')).text();
    expect(page).toMatch(
      /<input id="f-timeZone" name="timeZone" maxlength="64" autocomplete="off" aria-describedby="f-timeZone-hint" type="text" list="time-zones"\/?>/,
    );
    expect(page).toContain('<datalist id="time-zones"><option value="Europe/Kyiv"');
    expect(page).toContain('Left empty, they are shown in UTC.');
    // This device's zone is offered by a small script (with the CSP nonce); without it, the button stays hidden.
    expect(page).toMatch(
      /<script type="module" src="\/assets\/time-zone.js" nonce="[^"]+"><\/script>/,
    );
    expect(page).toContain(
      '<button type="button" id="time-zone-detect" class="button small secondary" data-label="Use this device’s time zone: {zone}" hidden="">',
    );

    const form = { name: 'Zoned', phone: '', videoHandle: '', goals: '', locale: 'en' };
    const bad = await client.form('/account/profile', { ...form, timeZone: 'Europe/Atlantis' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Europe/Atlantis"');
    expect(html).toMatch(
      /id="f-timeZone-error"[^>]*>Choose a time zone from the list, such as Europe\/Kyiv\./,
    );
    expect(await zoneOf(id)).toBeNull();

    const ok = await client.form('/account/profile', { ...form, timeZone: 'Asia/Tokyo' });
    expect(ok.headers.get('location')).toBe('/account/profile?saved=1');
    expect(await zoneOf(id)).toBe('Asia/Tokyo');
    expect(await (await client.get('/account/profile')).text()).toContain('value="Asia/Tokyo"');
    // A form without the field (an older page) leaves the zone as it is; an empty field clears it.
    await client.form('/account/profile', form);
    expect(await zoneOf(id)).toBe('Asia/Tokyo');
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.userId, id));
    expect(
      events.some(
        (e) => e.action === 'profile.updated' && JSON.stringify(e.details).includes('timeZone'),
      ),
    ).toBe(true);
    await client.form('/account/profile', { ...form, timeZone: '' });
    expect(await zoneOf(id)).toBeNull();
  });

  it('says it in Ukrainian on a Ukrainian page', async () => {
    const { client } = await signedInMember(t, 'zone-uk', { ip: '192.0.2.14', locale: 'uk' });
    const bad = await client.form('/account/profile', {
      name: 'Олена',
      locale: 'uk',
      timeZone: 'Kyiv',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Оберіть часовий пояс зі списку, як-от Europe/Kyiv.');
  });

  it('is the zone every time on the cabinet pages is shown in; without one they show UTC, labelled', async () => {
    const { id, client } = await signedInMember(t, 'zone-format', { ip: '192.0.2.15' });
    const at = new Date('2026-07-01T21:30:00Z');
    await t.db.update(users).set({ createdAt: at }).where(eq(users.id, id));
    await t.db.insert(auditEvents).values({ userId: id, action: 'profile.updated', at });

    const utc = await (await client.get('/account')).text();
    expect(utc).toContain('1 Jul 2026, 21:30 UTC');
    expect(await (await client.get('/account/security')).text()).toContain('1 Jul 2026, 21:30 UTC');

    await client.patch('/api/v1/me', { timeZone: 'Europe/Kyiv' });
    expect(await (await client.get('/account')).text()).toContain('2 Jul 2026, 00:30 EEST');
    expect(await (await client.get('/account/security')).text()).toContain(
      '2 Jul 2026, 00:30 EEST',
    );

    await client.patch('/api/v1/me', { timeZone: 'America/New_York', locale: 'uk' });
    const uk = await (await client.get('/account')).text();
    expect(uk).toContain('1 лип. 2026 р., 17:30 GMT-4');

    // A stored zone the runtime does not know (an old ICU, a hand edit) falls back to UTC.
    await t.db.update(users).set({ timeZone: 'Nowhere/Gone' }).where(eq(users.id, id));
    const fallback = await client.get('/account');
    expect(fallback.status).toBe(200);
    expect(await fallback.text()).toContain('1 лип. 2026 р., 21:30 UTC');
  });
});

describe('the overview', () => {
  it('counts live sessions and shows the sign-in before this one, in the person’s time zone', async () => {
    const first = createClient(t, { ip: '192.0.2.31' });
    const p = { email: `overview.${Date.now()}@example.com`, password, name: 'Olena Overview' };
    const { registerAndVerify, signIn } = await import('../helpers/accounts');
    t.clock.set(new Date('2026-03-01T09:00:00Z'));
    const id = await registerAndVerify(t, first, p);
    await t.db.update(users).set({ timeZone: 'Asia/Tokyo' }).where(eq(users.id, id));
    t.clock.set(new Date('2026-03-01T09:15:00Z'));
    await signIn(first, p);
    let page = await (await first.get('/account')).text();
    expect(page).toContain('Signed in on 1 device.');
    // Confirming the address signed in too, at 09:00 UTC: 18:00 in Tokyo.
    expect(page).toMatch(/Previous sign-in: 1 Mar 2026, 18:00 GMT\+9/);

    t.clock.set(new Date('2026-03-01T10:00:00Z'));
    const second = createClient(t, { ip: '192.0.2.32' });
    await signIn(second, p);
    page = await (await second.get('/account')).text();
    expect(page).toContain('Signed in on 2 devices.');
    // 09:15 UTC is 18:15 in Tokyo.
    expect(page).toMatch(/Previous sign-in: 1 Mar 2026, 18:15 GMT\+9/);

    // An ended session no longer counts.
    await first.post('/api/v1/auth/logout', {});
    page = await (await second.get('/account')).text();
    expect(page).toContain('Signed in on 1 device.');
    t.clock.set(new Date());
  });
});

describe('after a password reset', () => {
  it('opens sign-in with the address filled in, without sending it to the server or a log', async () => {
    const person = await signedInMember(t, 'reset-prefill', { ip: '203.0.113.77' });
    const browser = createClient(t);
    await browser.form('/forgot-password', { email: person.email });
    await t.sendMail();
    const token = t.resend.lastLink(person.email, '/reset-password')!.token;
    const res = await browser.form('/reset-password', { token, password: 'new amber lantern 77' });
    expect(res.status).toBe(303);
    // A fragment: the browser keeps it, the request line (and so the access log) never has it.
    expect(res.headers.get('location')).toBe(
      `/login?notice=password-reset#email=${encodeURIComponent(person.email)}`,
    );
    const page = await (await browser.get('/login?notice=password-reset')).text();
    expect(page).toContain('src="/assets/login-hint.js"');
  });
});
