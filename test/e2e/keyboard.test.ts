import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';
import { eq } from 'drizzle-orm';
import { passkeys } from '../../db/schema';
import { userByEmail } from '../helpers/accounts';
import { makePerson, type SeededPerson } from '../helpers/seed-cabinet';

/**
 * Keyboard only: no click, no fill. Tab, Shift+Tab, Enter, Space and typing take a person
 * through sign-in and through deleting the account; at every stop the focused element must
 * show a focus ring and be on screen, and the skip link must be the first stop and move focus
 * to the content. (Reduced motion: the page then scrolls to the focus at once, not smoothly,
 * so "on screen" can be checked right after each key.)
 */
const enabled = hasBrowser();

type Focus = {
  tag: string;
  id: string;
  href: string | null;
  text: string;
  type: string | null;
  visible: boolean;
  ring: string;
  box: string;
  inView: boolean;
};

/** What has the focus, and whether it shows it: an outline (or a box shadow) and on screen. */
const focused = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return {
        tag: 'body',
        id: '',
        href: null,
        text: '',
        type: null,
        visible: false,
        ring: 'none',
        box: '',
        inView: false,
      };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      type: el.getAttribute('type'),
      visible: outline || shadow,
      ring: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      box: `${Math.round(box.width)}×${Math.round(box.height)} at ${Math.round(box.left)},${Math.round(box.top)} in ${innerWidth}×${innerHeight}`,
      inView:
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < innerHeight &&
        box.left < innerWidth,
    };
  });

/** Presses Tab until `want` matches the focused element, checking the ring at every stop. */
async function tabTo(
  page: Page,
  want: (f: Focus) => boolean,
  what: string,
  max = 60,
): Promise<Focus> {
  const stops: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    const name = `${f.tag}${f.id ? '#' + f.id : ''}${f.href ? `[href=${f.href}]` : ''} “${f.text}”`;
    stops.push(name);
    if (f.tag !== 'body') {
      expect(f.visible, `no visible focus on ${name} (${f.ring})`).toBe(true);
      expect(f.inView, `${name} has the focus but is off screen (${f.box})`).toBe(true);
    }
    if (want(f)) return f;
  }
  throw new Error(`Tab never reached ${what}; stops: ${stops.join(' → ')}`);
}

async function expectSkipLinkWorks(page: Page) {
  const skip = await tabTo(page, () => true, 'the first stop', 1);
  expect(skip.href, 'the skip link is the first stop').toBe('#main');
  expect(skip.inView, 'the skip link shows when focused').toBe(true);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
}

describe.skipIf(!enabled)('in Chromium, by keyboard alone', () => {
  const e2e = useServedAppAndBrowser();
  let person: SeededPerson;

  beforeAll(async () => {
    person = await makePerson(e2e.app, { email: 'keys@example.com', name: 'Kateryna Keys' });
  });

  it('signs in: skip link, typing, Space on the checkbox, Enter on the button', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(e2e.app.baseUrl + '/login');
    await expectSkipLinkWorks(page);

    // From the content the next stop is the first field: the header is skipped.
    await tabTo(page, (f) => f.id === 'f-email', 'the email field', 1);
    await page.keyboard.type(person.email);
    await tabTo(page, (f) => f.id === 'f-password', 'the password field', 1);
    await page.keyboard.type(person.password);
    await tabTo(page, (f) => f.id === 'f-remember', 'the “keep me signed in” box', 1);
    await page.keyboard.press('Space');
    expect(await page.locator('#f-remember').isChecked()).toBe(true);
    const submit = await tabTo(
      page,
      (f) => f.tag === 'button' && f.type === 'submit',
      'the sign-in button',
      1,
    );
    expect(submit.text).toBe('Sign in');
    await Promise.all([page.waitForURL(/\/account$/), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Hello, Kateryna Keys' }).waitFor();
    // Ticked with Space: the cookie outlives the browser session.
    expect((await context.cookies()).find((c) => c.name === 'session')?.expires).toBeGreaterThan(0);

    // The language switcher works by keyboard too, and the page comes back in Ukrainian.
    // A form's button (its POST passes the Origin check) that comes back to the same page:
    // the address does not change, so the page's language tells when it is back.
    await tabTo(
      page,
      (f) => f.tag === 'button' && f.text.endsWith('Українська'),
      'the language switcher',
    );
    await page.keyboard.press('Enter');
    await page.locator('html[lang="uk"]').waitFor({ state: 'attached' });
    expect(page.url()).toMatch(/\/account$/);
    await tabTo(
      page,
      (f) => f.tag === 'button' && f.text.endsWith('English'),
      'the language switcher',
    );
    await page.keyboard.press('Enter');
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(page.url()).toMatch(/\/account$/);
    await context.close();
  });

  it('removes a passkey: security page → its confirmation page → done, and Cancel leads back', async () => {
    const owner = await makePerson(e2e.app, {
      email: 'keys.passkey@example.com',
      name: 'Petro Passkey',
    });
    await e2e.app.db.insert(passkeys).values(
      ['Old phone', 'Tablet'].map((name, i) => ({
        userId: owner.id,
        credentialId: `keys-${i}`,
        publicKey: 'pQECAyYgASFYIA',
        deviceType: 'multiDevice' as const,
        backedUp: false,
        name,
      })),
    );
    const [key] = await e2e.app.db
      .select()
      .from(passkeys)
      .where(eq(passkeys.credentialId, 'keys-0'));
    const confirm = `/account/security/passkeys/${key!.id}/remove`;
    const context = await e2e.browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(e2e.app.baseUrl + '/login?next=%2Faccount%2Fsecurity');
    await tabTo(page, (f) => f.id === 'f-email', 'the email field');
    await page.keyboard.type(owner.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(owner.password);
    await Promise.all([page.waitForURL(/\/account\/security$/), page.keyboard.press('Enter')]);

    const remove = await tabTo(page, (f) => f.href === confirm, 'Remove (Old phone)', 120);
    expect(remove.text).toBe('Remove Old phone');
    await Promise.all([
      page.waitForURL((u) => u.pathname === confirm),
      page.keyboard.press('Enter'),
    ]);
    await page.getByRole('heading', { name: 'Remove the passkey “Old phone”?' }).waitFor();

    // Cancel first: back to the security page, nothing removed.
    await tabTo(page, (f) => f.href === '/account/security#passkeys', 'Cancel');
    await Promise.all([
      page.waitForURL(/\/account\/security#passkeys$/),
      page.keyboard.press('Enter'),
    ]);
    expect(
      await e2e.app.db.select().from(passkeys).where(eq(passkeys.userId, owner.id)),
    ).toHaveLength(2);

    await page.goto(e2e.app.baseUrl + confirm);
    await tabTo(
      page,
      (f) => f.tag === 'button' && f.text === 'Yes, remove this passkey',
      'the remove button',
    );
    await Promise.all([page.waitForURL(/notice=passkey-removed/), page.keyboard.press('Space')]);
    await page.getByText('The passkey is removed.').waitFor();
    expect(
      (await e2e.app.db.select().from(passkeys).where(eq(passkeys.userId, owner.id))).map(
        (k) => k.name,
      ),
    ).toEqual(['Tablet']);
    await context.close();
  });

  it('sets the time zone: this device’s zone in one key press, saved, and the cabinet’s times follow it', async () => {
    const zoned = await makePerson(e2e.app, { email: 'keys.zone@example.com', name: 'Zoya Zone' });
    const context = await e2e.browser.newContext({
      locale: 'en-GB',
      reducedMotion: 'reduce',
      timezoneId: 'Europe/Kyiv',
    });
    const page = await context.newPage();
    await page.goto(e2e.app.baseUrl + '/login?next=%2Faccount%2Fprofile');
    await tabTo(page, (f) => f.id === 'f-email', 'the email field');
    await page.keyboard.type(zoned.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(zoned.password);
    await Promise.all([page.waitForURL(/\/account\/profile$/), page.keyboard.press('Enter')]);

    await tabTo(page, (f) => f.id === 'f-timeZone', 'the time-zone field');
    expect(await page.locator('#f-timeZone').inputValue()).toBe('');
    const offer = await tabTo(
      page,
      (f) => f.id === 'time-zone-detect',
      'the “use this device’s zone” button',
      1,
    );
    expect(offer.text).toBe('Use this device’s time zone: Europe/Kyiv');
    await page.keyboard.press('Enter');
    expect(await page.locator('#f-timeZone').inputValue()).toBe('Europe/Kyiv');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-timeZone');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Save changes', 'Save changes', 2);
    await Promise.all([page.waitForURL(/saved=1$/), page.keyboard.press('Enter')]);
    expect((await userByEmail(e2e.app, zoned.email))!.timeZone).toBe('Europe/Kyiv');
    // Saved, the offer is gone: the field already holds this device's zone.
    expect(await page.locator('#time-zone-detect').isHidden()).toBe(true);
    await page.goto(e2e.app.baseUrl + '/account');
    expect(await page.locator('dl.facts').textContent()).toMatch(/\d{2}:\d{2} (EET|EEST)/);
    await context.close();
  });

  it('deletes the account: privacy page → explanation → confirmation → done', async () => {
    const context = await e2e.browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(e2e.app.baseUrl + '/login');
    await tabTo(page, (f) => f.id === 'f-email', 'the email field');
    await page.keyboard.type(person.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(person.password);
    await Promise.all([page.waitForURL(/\/account$/), page.keyboard.press('Enter')]);

    // Through the header into the cabinet navigation, to the privacy page, marked as the current one.
    await tabTo(page, (f) => f.href === '/account/privacy', 'Privacy and data');
    await Promise.all([page.waitForURL(/\/account\/privacy$/), page.keyboard.press('Enter')]);
    expect(
      await page.locator('nav[aria-label="Your account"] a[aria-current="page"]').textContent(),
    ).toBe('Privacy and data');

    const link = await tabTo(page, (f) => f.href === '/account/delete', 'Delete my account…', 120);
    expect(link.text).toBe('Delete my account…');
    await Promise.all([page.waitForURL(/\/account\/delete$/), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { name: 'Delete my account' }).waitFor();

    await tabTo(page, (f) => f.href === '/account/delete/confirm', 'Continue');
    await Promise.all([
      page.waitForURL(/\/account\/delete\/confirm$/),
      page.keyboard.press('Enter'),
    ]);
    // Past the header's own button ("Sign out") to the one in the content.
    await tabTo(
      page,
      (f) => f.tag === 'button' && f.text === 'Yes, delete my account',
      'the delete button',
    );
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Space')]);
    await page.getByRole('heading', { name: 'Your account will be deleted' }).waitFor();
    expect((await userByEmail(e2e.app, person.email))!.deletionScheduledFor).not.toBeNull();
    expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined();
    await context.close();
  });
});
