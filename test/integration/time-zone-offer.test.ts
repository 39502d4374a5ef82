import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { createClient } from '../helpers/client';
import {
  mailedToken,
  newPerson,
  problemType,
  read,
  registerRequest,
  signedInPerson,
  userByEmail,
  userById,
  type Person,
} from '../helpers/accounts';

/**
 * Times in the person's own zone from the start (issue 20, item 11): registration takes the
 * zone the browser reports, and the overview offers it while the account has none.
 */
let ipSeq = 0;
const client = () => createClient(t, { ip: `192.0.2.${++ipSeq}` });
const t = useTestApp({ env: { TRUST_PROXY: '1' } });
const script =
  /<script type="module" src="\/assets\/browser-time-zone\.js" nonce="[^"]+"><\/script>/;

const registerForm = (p: Person, timeZone?: string) =>
  client().form('/register', {
    name: p.name,
    email: p.email,
    password: p.password,
    acceptPrivacyPolicy: 'true',
    confirmAge: 'true',
    ...(timeZone === undefined ? {} : { timeZone }),
  });

async function verifyByPage(p: Person) {
  const token = await mailedToken(t, p.email, '/verify-email');
  const c = client();
  const res = await c.form('/verify-email', { token, password: p.password });
  expect(res.status).toBe(303);
  return c;
}

describe('registration takes the time zone the browser reports', () => {
  it('has a hidden field that a same-origin script fills', async () => {
    const html = await (await client().get('/register')).text();
    expect(html).toMatch(
      /<input type="hidden" name="timeZone" value="" data-browser-time-zone=""\/?>/,
    );
    expect(html).toMatch(script);
  });

  it('stores a known zone as the new account’s, and keeps it when the address is confirmed', async () => {
    const p = newPerson('zone-form');
    expect((await registerForm(p, 'Europe/Kyiv')).status).toBe(200);
    expect((await userByEmail(t, p.email))!.timeZone).toBe('Europe/Kyiv');
    await verifyByPage(p);
    expect((await userByEmail(t, p.email))!.timeZone).toBe('Europe/Kyiv');
  });

  it('falls back to none (UTC) for an unknown, malformed or missing zone, and still registers', async () => {
    for (const zone of ['Mars/Olympus', '+02:00', 'europe/kyiv', 'x'.repeat(80), undefined]) {
      const p = newPerson('zone-bad');
      const res = await registerForm(p, zone);
      expect(res.status, String(zone)).toBe(200);
      expect((await userByEmail(t, p.email))!.timeZone, String(zone)).toBeNull();
    }
  });

  it('keeps the reported zone in the form after a rejected attempt', async () => {
    const res = await client().form('/register', {
      name: 'Ira',
      email: 'not-an-email',
      password: 'short',
      timeZone: 'Europe/Kyiv',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /<input type="hidden" name="timeZone" value="Europe\/Kyiv" data-browser-time-zone=""\/?>/,
    );
  });

  it('a second registration of an unconfirmed address brings its own zone with its link', async () => {
    const p = newPerson('zone-again');
    await registerForm(p, 'Europe/Kyiv');
    await t.sendMail(); // the first link goes out before the second registration
    const second = { ...p, password: 'a different long passphrase 9' };
    expect((await registerForm(second, 'America/New_York')).status).toBe(200);
    // The unconfirmed account is never changed by a registration; the link carries the choice.
    expect((await userByEmail(t, p.email))!.timeZone).toBe('Europe/Kyiv');
    await verifyByPage(second);
    expect((await userByEmail(t, p.email))!.timeZone).toBe('America/New_York');
  });

  it('the JSON API takes an optional, validated timeZone, and documents it', async () => {
    const p = newPerson('zone-api');
    expect((await registerRequest(client(), p, { timeZone: 'Asia/Tokyo' })).status).toBe(202);
    expect((await userByEmail(t, p.email))!.timeZone).toBe('Asia/Tokyo');
    const bad = await read(
      await registerRequest(client(), newPerson('zone-api-bad'), { timeZone: 'Mars/Olympus' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.type).toMatch(problemType('validation'));
    expect(JSON.stringify(bad.body)).toContain('timeZone');
    const doc = await (await t.app.request('/api/v1/openapi.json')).json();
    const body = JSON.stringify(
      (doc.paths['/api/v1/auth/register'] ?? doc.paths['/auth/register']).post.requestBody,
    );
    expect(body).toContain('timeZone');
  });
});

describe('the overview offers the browser’s zone while the account has none', () => {
  const offer =
    /<form method="post" action="\/account\/time-zone" id="time-zone-offer"[^>]* hidden="">/;

  it('shows a hidden one-button form that the script fills and reveals', async () => {
    const { c } = await signedInPerson(t, 'offer-page', client);
    const html = await (await c.get('/account')).text();
    expect(html).toMatch(offer);
    expect(html).toMatch(script);
    expect(html).toContain('data-label="Your browser is set to {zone}. Show times in that zone?"');
    expect(html).toMatch(
      /<input type="hidden" name="timeZone" value="" data-browser-time-zone=""\/?>/,
    );
    expect(html).toContain('>Show times in that zone</button>');
  });

  it('the button stores the zone, logs the change, and says so; the offer is gone', async () => {
    const { id, c } = await signedInPerson(t, 'offer-take', client);
    const res = await c.form('/account/time-zone', { timeZone: 'Europe/Kyiv' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account?notice=time-zone-set');
    expect((await userById(t, id))!.timeZone).toBe('Europe/Kyiv');
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, id), eq(auditEvents.action, 'profile.updated')));
    expect(events.map((e) => e.details)).toEqual([{ fields: ['timeZone'] }]);
    const html = await (await c.get('/account?notice=time-zone-set')).text();
    expect(html).toContain('Times are now shown in Europe/Kyiv.');
    expect(html).not.toMatch(offer);
    expect(html).not.toMatch(script);
  });

  it('“Keep UTC” keeps UTC and stops asking', async () => {
    const { id, c } = await signedInPerson(t, 'offer-keep', client);
    const res = await c.form('/account/time-zone', { timeZone: 'Europe/Kyiv', keep: 'utc' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account?notice=time-zone-set');
    expect((await userById(t, id))!.timeZone).toBe('UTC');
    const html = await (await c.get('/account?notice=time-zone-set')).text();
    expect(html).not.toMatch(offer);
    expect(html).toContain('Times are now shown in UTC.');
  });

  it('an unknown zone changes nothing; a chosen zone is never overwritten from here', async () => {
    const { id, c } = await signedInPerson(t, 'offer-bad', client);
    const bad = await c.form('/account/time-zone', { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe('/account');
    expect((await userById(t, id))!.timeZone).toBeNull();

    expect((await c.patch('/api/v1/me', { timeZone: 'Asia/Tokyo' })).status).toBe(200);
    expect(await (await c.get('/account')).text()).not.toMatch(offer);
    const late = await c.form('/account/time-zone', { timeZone: 'Europe/Kyiv' });
    expect(late.headers.get('location')).toBe('/account');
    expect((await userById(t, id))!.timeZone).toBe('Asia/Tokyo');
  });

  it('is a cookie-authenticated write like any other: signed in, and from our own origin', async () => {
    const { id, c } = await signedInPerson(t, 'offer-csrf', client);
    const foreign = await c.form(
      '/account/time-zone',
      { timeZone: 'Europe/Kyiv' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect((await userById(t, id))!.timeZone).toBeNull();
    const anonymous = await client().form('/account/time-zone', { timeZone: 'Europe/Kyiv' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
  });

  it('speaks Ukrainian', async () => {
    const { c } = await signedInPerson(t, 'offer-uk', client, { person: { locale: 'uk' } });
    const html = await (await c.get('/account')).text();
    expect(html).toContain(
      'data-label="Ваш браузер налаштований на часовий пояс {zone}. Показувати час у ньому?"',
    );
    expect(html).toContain('>Показувати час у цьому поясі</button>');
  });
});
