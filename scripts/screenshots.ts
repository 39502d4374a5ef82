/**
 * `npm run screenshots`: starts the whole service on a fresh in-memory database (the e2e
 * tests' harness, mail to a local fake), seeds a student with a profile, two lessons, a
 * payment and a subscription, and saves PNGs of the main pages at phone (390×844) and
 * desktop (1280×800) widths into docs/screenshots/: English, plus two Ukrainian ones and
 * one dark. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 *
 *   npm run screenshots             # all of them
 *   npm run screenshots -- home     # only the shots whose name contains "home"
 *   npm run screenshots -- --full   # whole pages, not just the first screen
 *   SCREENSHOTS_DIR=/tmp/shots npm run screenshots   # somewhere else
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

// The screenshots never touch a real database, whatever the shell has set.
delete process.env.DATABASE_URL;

const { launchBrowser, startServedApp } = await import('../test/helpers/browser');
const { makePerson, seedStudentData, signInPage } = await import('../test/helpers/seed-cabinet');

const args = process.argv.slice(2);
const fullPage = args.includes('--full');
const only = args.find((a) => !a.startsWith('--'));
const outDir = process.env.SCREENSHOTS_DIR ?? join(process.cwd(), 'docs', 'screenshots');

type Who = 'visitor' | 'student' | 'staff';
type Shot = {
  name: string;
  who: Who;
  path: string | (() => string);
  /** Something to do on the page first (submit a form, open a section). */
  act?: (page: Page) => Promise<unknown>;
  locale?: 'en' | 'uk';
  dark?: boolean;
  /** Scroll this element to the top of the viewport before the shot. */
  scrollTo?: string;
  widths?: ('phone' | 'desktop')[];
};

const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

let studentId = '';
const shots: Shot[] = [
  { name: 'home', who: 'visitor', path: '/' },
  {
    name: 'register-errors',
    who: 'visitor',
    path: '/register',
    act: async (page) => {
      await page.locator('#f-name').fill('Olena Koval');
      await page.locator('#f-email').fill('olena@example');
      await Promise.all([
        page.waitForEvent('load'),
        page.locator('form[action="/register"] button[type="submit"]').click(),
      ]);
    },
  },
  { name: 'sign-in', who: 'visitor', path: '/login' },
  { name: 'overview', who: 'student', path: '/account' },
  { name: 'profile', who: 'student', path: '/account/profile' },
  { name: 'security', who: 'student', path: '/account/security' },
  { name: 'privacy', who: 'student', path: '/account/privacy' },
  { name: 'subscriptions', who: 'student', path: '/account/subscriptions' },
  { name: 'bookings', who: 'student', path: '/account/bookings' },
  { name: 'delete-confirm', who: 'student', path: '/account/delete', widths: ['phone'] },
  { name: 'staff-card', who: 'staff', path: () => `/staff/users/${studentId}` },
  { name: 'uk-overview', who: 'student', path: '/account', locale: 'uk' },
  { name: 'uk-bookings', who: 'student', path: '/account/bookings', locale: 'uk' },
  { name: 'dark-privacy', who: 'student', path: '/account/privacy', dark: true },
];

async function main() {
  const started = Date.now();
  await mkdir(outDir, { recursive: true });
  const s = await startServedApp({
    SCHOOL_NAME: 'Sunflower Language School',
    MAIL_FROM: 'Sunflower Language School <hello@sunflower.example>',
  });
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  try {
    const staff = await makePerson(s, {
      email: 'iryna@sunflower.example',
      name: 'Iryna Melnyk',
      role: 'staff',
      locale: 'en',
    });
    const people = {
      en: await makePerson(s, {
        email: 'taras.shevchuk@example.com',
        name: 'Taras Shevchuk',
        locale: 'en',
        phone: '+380 50 111 2233',
        videoHandle: 'taras.shevchuk',
        goals: 'Speak confidently in meetings at work, and pass B2 by summer.',
      }),
      uk: await makePerson(s, {
        email: 'olena.koval@example.com',
        name: 'Олена Коваль',
        locale: 'uk',
        phone: '+380 67 222 3344',
        goals: 'Підготуватися до співбесіди англійською.',
      }),
    };
    await seedStudentData(s, staff.id, people.en);
    await seedStudentData(s, staff.id, people.uk);
    studentId = people.en.id;

    browser = await launchBrowser();
    const tabs = new Map<string, Page>();
    async function tab(who: Who, locale: 'en' | 'uk', width: 'phone' | 'desktop') {
      const key = `${who}/${locale}/${width}`;
      let page = tabs.get(key);
      if (!page) {
        const context = await browser!.newContext({
          locale: locale === 'uk' ? 'uk-UA' : 'en-GB',
          viewport: viewports[width],
          deviceScaleFactor: 1,
          isMobile: width === 'phone',
          hasTouch: width === 'phone',
          reducedMotion: 'reduce',
        });
        contexts.push(context);
        page = await context.newPage();
        if (who === 'student') await signInPage(page, s.baseUrl, people[locale]);
        if (who === 'staff') await signInPage(page, s.baseUrl, staff);
        tabs.set(key, page);
      }
      return page;
    }

    let count = 0;
    for (const shot of shots) {
      if (only && !shot.name.includes(only)) continue;
      for (const width of shot.widths ?? (['phone', 'desktop'] as const)) {
        const page = await tab(shot.who, shot.locale ?? 'en', width);
        await page.emulateMedia({
          colorScheme: shot.dark ? 'dark' : 'light',
          reducedMotion: 'reduce',
        });
        const path = typeof shot.path === 'function' ? shot.path() : shot.path;
        await page.goto(s.baseUrl + path);
        if (shot.act) await shot.act(page);
        // No focus ring or hover left over from the navigation in the picture.
        await page.mouse.move(0, 0);
        await page.evaluate(
          'document.activeElement && document.activeElement.blur && document.activeElement.blur()',
        );
        if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView());
        const file = join(outDir, `${shot.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage });
        count += 1;
        console.log(`  ${file.replace(process.cwd() + '/', '')}`);
      }
    }
    console.log(`${count} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await s.close();
  }
}

await main();
