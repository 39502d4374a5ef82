import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';
import { userByEmail } from '../helpers/accounts';
import { makePerson, signInPage } from '../helpers/seed-cabinet';
import { totpCodeAt } from '../../src/auth/two-factor/totp';

/**
 * Issue 20, items 9 and 11, in Chromium at phone width: the scripts behind the copy buttons,
 * the recovery-code download, the sign-in code field, and the browser's time zone taken at
 * registration and offered on the overview; and without JavaScript, nothing breaks.
 */
const enabled = hasBrowser();
const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  locale: 'en-GB',
  reducedMotion: 'reduce',
};

describe.runIf(enabled)('two-step sign-in and time zones on a phone', () => {
  const e2e = useServedAppAndBrowser();

  it('registration sends the browser’s zone, and the new account shows times in it', async () => {
    const context = await e2e.browser.newContext({ ...phone, timezoneId: 'Europe/Kyiv' });
    const page = await context.newPage();
    await page.goto(e2e.app.baseUrl + '/register');
    await page.locator('#f-name').fill('Kyiv Phone');
    await page.locator('#f-email').fill('kyiv.phone@example.com');
    await page.locator('#f-password').fill('violet kettle under moon 42');
    await page.locator('#f-acceptPrivacyPolicy').check();
    await page.locator('#f-confirmAge').check();
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('form[action="/register"] button').click(),
    ]);
    await page.getByText('Check your email').first().waitFor();
    expect((await userByEmail(e2e.app, 'kyiv.phone@example.com'))!.timeZone).toBe('Europe/Kyiv');
    await context.close();

    // Without JavaScript the registration works the same, and the zone is simply UTC.
    const plain = await e2e.browser.newContext({ ...phone, javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.goto(e2e.app.baseUrl + '/register');
    await noJs.locator('#f-name').fill('Plain Phone');
    await noJs.locator('#f-email').fill('plain.phone@example.com');
    await noJs.locator('#f-password').fill('violet kettle under moon 42');
    await noJs.locator('#f-acceptPrivacyPolicy').check();
    await noJs.locator('#f-confirmAge').check();
    await Promise.all([
      noJs.waitForLoadState('load'),
      noJs.locator('form[action="/register"] button').click(),
    ]);
    await noJs.getByText('Check your email').first().waitFor();
    expect((await userByEmail(e2e.app, 'plain.phone@example.com'))!.timeZone).toBeNull();
    await plain.close();
  });

  it('the overview offers the browser’s zone in one press while the account has none', async () => {
    const person = await makePerson(e2e.app, { email: 'offer.phone@example.com', name: 'Offer' });
    const utc = await e2e.browser.newContext({ ...phone, timezoneId: 'UTC' });
    const utcPage = await utc.newPage();
    await signInPage(utcPage, e2e.app.baseUrl, person);
    await utcPage.goto(e2e.app.baseUrl + '/account');
    // A browser on UTC has nothing better to offer.
    expect(await utcPage.locator('#time-zone-offer').isHidden()).toBe(true);
    await utc.close();

    const context = await e2e.browser.newContext({ ...phone, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await signInPage(page, e2e.app.baseUrl, person);
    await page.goto(e2e.app.baseUrl + '/account');
    const offer = page.locator('#time-zone-offer');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.locator('p').textContent()).toBe(
      'Your browser is set to America/New_York. Show times in that zone?',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await Promise.all([
      page.waitForURL(/notice=time-zone-set$/),
      offer.getByRole('button', { name: 'Show times in that zone' }).click(),
    ]);
    await page.getByText('Times are now shown in America/New_York.').waitFor();
    expect(await page.locator('#time-zone-offer').count()).toBe(0);
    expect((await userByEmail(e2e.app, person.email))!.timeZone).toBe('America/New_York');
    await context.close();
  });

  it('copies the key and the codes, downloads the codes, and signs in with a recovery code', async () => {
    const person = await makePerson(e2e.app, { email: 'totp.phone@example.com', name: 'Totp' });
    const context = await e2e.browser.newContext({ ...phone, timezoneId: 'UTC' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: e2e.app.baseUrl,
    });
    const page = await context.newPage();
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await signInPage(page, e2e.app.baseUrl, person);
    await page.goto(e2e.app.baseUrl + '/account/security');
    await Promise.all([
      page.waitForURL(/\/2fa\/setup$/),
      page.locator('form[action="/account/security/2fa/setup"] button').click(),
    ]);
    const secret = (await page.locator('#totp-secret').textContent())!.replace(/ /g, '');
    expect(await page.locator('#totp-open-app').getAttribute('href')).toMatch(
      new RegExp(`^otpauth://totp/.*[?&]secret=${secret}(&|$)`),
    );
    await page.getByRole('button', { name: 'Copy the key' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await clipboard()).toBe(secret);
    // Re-loading the set-up shows the same key again instead of an error.
    await page.reload();
    expect((await page.locator('#totp-secret').textContent())!.replace(/ /g, '')).toBe(secret);

    await page.locator('#f-code').fill(totpCodeAt(secret, e2e.app.clock.now()));
    await Promise.all([
      page.waitForURL(/\/2fa\/enable$/),
      page.getByRole('button', { name: 'Turn on' }).click(),
    ]);
    const codes = (await page.locator('#recovery-codes code').allTextContents()).map((s) =>
      s.trim(),
    );
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'Copy the codes' }).click();
    await page.getByText('Copied.').waitFor();
    expect((await clipboard()).split('\n')).toEqual(codes);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as a text file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^recovery-codes-[a-z0-9-]+\.txt$/);
    const file = await readFile(await download.path(), 'utf8');
    for (const code of codes) expect(file).toContain(code);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    await context.clearCookies();
    await page.goto(e2e.app.baseUrl + '/login');
    await page.locator('#f-email').fill(person.email);
    await page.locator('#f-password').fill(person.password);
    await Promise.all([
      page.waitForURL(/\/login\/2fa$/),
      page.locator('form[action^="/login"] button[type="submit"]').click(),
    ]);
    expect(await page.locator('#f-code').getAttribute('inputmode')).toBe('numeric');
    await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
    expect(await page.locator('#f-code').getAttribute('inputmode')).toBe('text');
    await page.locator('#f-code').fill(codes[3]!);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/login')),
      page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    await context.close();
  });
});
