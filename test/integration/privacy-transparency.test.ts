import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { sessions, users } from '../../db/schema';
import { useTestApp } from '../helpers/use-test-app';
import { appCookies } from '../../src/http/cookies';
import { createClient } from '../helpers/client';
import {
  loginRequest,
  mailedToken,
  newPerson,
  registerAndVerify,
  signIn,
  userByEmail,
} from '../helpers/accounts';

/**
 * Issue 19: privacy promises that stay true by default and cannot be configured away. Who is
 * responsible and where to complain, who else processes the data, and every cookie as it is.
 */

let ipSeq = 0;
const clientOf = (app: Parameters<typeof createClient>[0]) =>
  createClient(app, { ip: `198.51.100.${(++ipSeq % 250) + 1}` });

const school = {
  CONTROLLER_NAME: 'Kyiv English Club LLC',
  CONTROLLER_ADDRESS: '5 Khreshchatyk Street, Kyiv 01001, Ukraine',
  CONTROLLER_EMAIL: 'privacy@kyiv-english.example',
  CONTROLLER_DPO_EMAIL: 'dpo@kyiv-english.example',
  SUPERVISORY_AUTHORITY: 'Ukrainian Parliament Commissioner for Human Rights',
  SUPERVISORY_AUTHORITY_URL: 'https://ombudsman.gov.ua/',
};
const controllerValues = Object.values(school);

const expectController = (text: string, where: string) => {
  for (const value of controllerValues) expect(text, `${where} names ${value}`).toContain(value);
};

describe('who is responsible for the data, and where to complain', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '1', ...school } });

  it('/privacy names the controller, its data protection officer and the supervisory authority, in both languages', async () => {
    const en = await (await t.app.request('/privacy')).text();
    expectController(en, '/privacy');
    expect(en).toContain('Who is responsible for your data');
    expect(en).toContain(`href="${school.SUPERVISORY_AUTHORITY_URL}"`);
    const uk = await (
      await t.app.request('/privacy', { headers: { 'accept-language': 'uk' } })
    ).text();
    expectController(uk, '/privacy in Ukrainian');
    expect(uk).toContain('Хто відповідає за ваші дані');
    expect(uk).toContain('поскаржитися до наглядового органу');
  });

  it('every mail names them in its footer, HTML and text: service mail and an announcement', async () => {
    const staff = newPerson('transparency-staff');
    const staffBrowser = clientOf(t);
    const staffId = await registerAndVerify(t, staffBrowser, staff);
    await t.db.update(users).set({ role: 'staff' }).where(eq(users.id, staffId));
    await signIn(staffBrowser, staff);

    const reader = newPerson('transparency-reader', { locale: 'uk' });
    const browser = clientOf(t);
    await registerAndVerify(t, browser, reader);
    await signIn(browser, reader);
    expect((await browser.put('/api/v1/me/subscriptions/news', { subscribed: true })).status).toBe(
      200,
    );
    const token = await mailedToken(t, reader.email, '/subscriptions/confirm');
    expect((await clientOf(t).form('/subscriptions/confirm', { token })).status).toBe(200);
    const sent = await staffBrowser.post('/api/v1/staff/announcements', {
      list: 'news',
      subject: 'Summer timetable',
      body: 'Lessons move to mornings.',
    });
    expect(sent.status).toBe(202);
    await t.sendMail();

    const mails = [...t.resend.to(staff.email), ...t.resend.to(reader.email)];
    const announcement = t.resend.to(reader.email).find((m) => m.headers?.['List-Unsubscribe']);
    expect(announcement, 'the announcement arrived').toBeDefined();
    expect(mails.length).toBeGreaterThanOrEqual(4);
    for (const mail of mails) {
      expectController(mail.text ?? '', `the text of "${mail.subject}"`);
      expectController(mail.html ?? '', `the HTML of "${mail.subject}"`);
    }
    // In the reader's language: the verification mail went out in Ukrainian.
    expect(
      t.resend.to(reader.email).some((m) => m.text?.includes('поскаржитися до наглядового органу')),
    ).toBe(true);
  });

  it('the data export’s README names them', async () => {
    const p = newPerson('transparency-export');
    const browser = clientOf(t);
    await registerAndVerify(t, browser, p);
    await signIn(browser, p);
    const res = await browser.get('/api/v1/me/export');
    expect(res.status).toBe(200);
    const readme = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['README.txt']!);
    expectController(readme, 'README.txt');
    expect(readme).toContain('Who is responsible for your data');
  });
});

describe('the embedded demo’s controller', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '1' } });

  it('is the example school, and says it is an example', async () => {
    const page = await (await t.app.request('/privacy')).text();
    expect(page).toContain('Example Language School Ltd');
    expect(page).toContain('privacy@example.org');
    expect(page).toContain('https://edpb.europa.eu/about-edpb/about-edpb/members_en');
    expect(page).toContain('These are the example school’s details');
  });
});

describe('who else processes the data, and where', () => {
  const t = useTestApp({
    env: {
      TRUST_PROXY: '1',
      PROCESSORS: 'Hetzner Online GmbH|hosting|Germany (EU);Cloudflare|CDN|EU and USA',
    },
  });

  const listed = ['Hetzner Online GmbH', 'hosting', 'Germany (EU)', 'Cloudflare', 'CDN'];

  it('/privacy lists the configured processors, and Resend because it sends the mail', async () => {
    const page = await (await t.app.request('/privacy')).text();
    for (const value of listed) expect(page).toContain(value);
    expect(page).toContain('EU and USA');
    expect(page).toContain('<th scope="row">Resend</th>');
    expect(page).toContain('Mail delivery');
  });

  it('the account’s "what we hold" page lists them too', async () => {
    const p = newPerson('transparency-processors');
    const browser = clientOf(t);
    await registerAndVerify(t, browser, p);
    await signIn(browser, p);
    const page = await (await browser.get('/account/privacy')).text();
    expect(page).toContain('Who else processes your data');
    for (const value of listed) expect(page).toContain(value);
    expect(page).toContain('<th scope="row">Resend</th>');
  });

  describe('with none configured and no Resend', () => {
    const bare = useTestApp({ env: { RESEND_API_KEY: '' } });

    it('says there are no other processors, and invents none', async () => {
      const page = await (await bare.app.request('/privacy')).text();
      expect(page).toContain('No other processors');
      expect(page).not.toContain('data-processors="list"');
      expect(page).not.toContain('Resend');
    });
  });
});

/** src/, without tests: where cookies are set. */
const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );

/** The files under src that call hono's setCookie (or deleteCookie) themselves. */
function filesSettingCookies() {
  return sourceFiles(srcDir)
    .filter((file) => /\b(setCookie|deleteCookie)\(/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(srcDir, file));
}

describe('cookies as they are', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '1' } });
  const https = useTestApp({ env: { APP_URL: 'https://accounts.example.org' } });

  it('/cookies has a row for every cookie the code sets', async () => {
    // Every cookie goes through one list (src/http/cookies.ts), so a new one must join it.
    expect(filesSettingCookies()).toEqual([join('http', 'cookies.ts')]);
    const page = await (await t.app.request('/cookies')).text();
    const secure = await (await https.app.request('/cookies')).text();
    const specs = Object.values(appCookies);
    expect(specs.map((c) => c.name).sort()).toEqual(
      ['lang', 'passkey-challenge', 'session', 'two-factor'].sort(),
    );
    for (const cookie of specs) {
      expect(page, `/cookies over http has a row for ${cookie.name}`).toContain(
        `<code>${cookie.name}</code>`,
      );
      const name = cookie.hostOnly ? `__Host-${cookie.name}` : cookie.name;
      expect(secure, `/cookies over https has a row for ${name}`).toContain(`<code>${name}</code>`);
    }
  });

  it('says for each what it is for, how long it lasts and what breaks without it, and how to refuse them', async () => {
    const page = await (await t.app.request('/cookies')).text();
    expect(page).toContain('Without it');
    expect(page).toContain('You cannot sign in.');
    expect(page).toContain('You cannot sign in with a passkey');
    expect(page).toContain('30 days after your last visit');
    expect(page).toContain('5 minutes');
    expect(page).toContain('Refusing cookies');
    expect(page).toContain('browser’s settings');
    expect(page).not.toContain('keeps no cookie after you close the browser');
  });

  it('remembers a sign-in with "remember me" by default', async () => {
    const p = newPerson('cookies-remember');
    const browser = clientOf(t);
    await registerAndVerify(t, browser, p);
    const res = await loginRequest(browser, p, { remember: true });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/^session=[^\n]*Max-Age=\d+/m);
  });
});

describe('PERSISTENT_COOKIES=false', () => {
  const t = useTestApp({ env: { TRUST_PROXY: '1', PERSISTENT_COOKIES: 'false' } });

  /** Every Set-Cookie that sets (not removes) a cookie must end with the browser session. */
  const expectSessionOnly = (res: Response, what: string) => {
    const setting = res.headers
      .getSetCookie()
      .filter((h) => !/max-age=0\b/i.test(h) && !/^[^=]+=;/.test(h));
    expect(setting.length, `${what} sets a cookie`).toBeGreaterThan(0);
    for (const h of setting) expect(h, what).not.toMatch(/max-age|expires/i);
  };

  it('signs in with remember=true (API and page) with no Max-Age or Expires, and the session is not remembered', async () => {
    const p = newPerson('cookies-session-only');
    const api = clientOf(t);
    await registerAndVerify(t, api, p);
    const res = await loginRequest(api, p, { remember: true });
    expect(res.status).toBe(200);
    expectSessionOnly(res, 'the API sign-in');

    const page = clientOf(t);
    const form = await page.form('/login', {
      email: p.email,
      password: p.password,
      remember: 'true',
    });
    expect(form.status).toBe(303);
    expectSessionOnly(form, 'the page sign-in');

    const user = await userByEmail(t, p.email);
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row.isPersistent).toBe(false);
  });

  it('keeps the language and the passkey challenge in browser-session cookies too', async () => {
    const lang = await clientOf(t).form('/lang', { locale: 'uk', next: '/' });
    expect(lang.status).toBe(303);
    expectSessionOnly(lang, 'the language switcher');
    const options = await clientOf(t).post('/api/v1/auth/passkey/options', {});
    expect(options.status).toBe(200);
    expectSessionOnly(options, 'the passkey options');
  });

  it('/cookies says so: every lifetime is "until you close the browser"', async () => {
    const page = await (await t.app.request('/cookies')).text();
    expect(page).toContain('keeps no cookie after you close the browser');
    expect(page.match(/<td data-label="How long it lasts">([^<]*)<\/td>/g)).toEqual(
      Array(4).fill('<td data-label="How long it lasts">Until you close the browser</td>'),
    );
    expect(page).not.toContain('days after your last visit');
  });

  it('/login has no remember-me box', async () => {
    const page = await (await t.app.request('/login')).text();
    expect(page).not.toContain('name="remember"');
  });
});
