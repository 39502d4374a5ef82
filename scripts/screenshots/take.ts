import { mkdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { bookings } from '../../db/schema';
import { restrictProcessing } from '../../src/privacy/restriction';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServedApp, type ServedApp } from '../lib/browser';
import { makePerson, seedStudentData, signInPage, type SeededPerson } from '../lib/seed-cabinet';
import { shots, viewports, type Shot, type Who, type Width } from './shots';

export type ScreenshotOptions = { outDir: string; fullPage: boolean; only?: string };

type Cast = { staff: SeededPerson; people: Record<'en' | 'uk', SeededPerson> };

/** A staff member and two students, one per language, each with lessons, a payment and a list. */
async function seedCast(s: ServedApp): Promise<Cast> {
  const staff = await makePerson(s, {
    email: 'iryna@sunflower.example',
    name: 'Iryna Melnyk',
    // An admin, so the restriction queue (admins decide) can be shown too.
    role: 'admin',
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
  // A third student who asked to restrict processing: the admins' queue shows the request.
  const marko = await makePerson(s, {
    email: 'marko.lysenko@example.com',
    name: 'Marko Lysenko',
    locale: 'en',
  });
  await restrictProcessing(
    s.deps,
    marko.id,
    'My old phone number is still on my record; please stop using it until it is corrected.',
    { ip: null, userAgent: null },
  );
  return { staff, people };
}

/**
 * One signed-in tab per person, language and width, opened on first use and kept: signing in
 * again for every shot would fill the pictures with sign-in notices.
 */
function tabs(browser: Browser, baseUrl: string, cast: Cast, contexts: BrowserContext[]) {
  const open = new Map<string, Page>();
  return async (who: Who, locale: 'en' | 'uk', width: Width) => {
    const key = `${who}/${locale}/${width}`;
    let page = open.get(key);
    if (!page) {
      const context = await browser.newContext({
        locale: locale === 'uk' ? 'uk-UA' : 'en-GB',
        viewport: viewports[width],
        deviceScaleFactor: 1,
        isMobile: width === 'phone',
        hasTouch: width === 'phone',
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      page = await context.newPage();
      if (who === 'student') await signInPage(page, baseUrl, cast.people[locale]);
      if (who === 'staff') await signInPage(page, baseUrl, cast.staff);
      open.set(key, page);
    }
    return page;
  };
}

/** One shot at one width: open the page, act, settle, save. Returns the file written. */
async function shoot(page: Page, url: string, shot: Shot, width: Width, o: ScreenshotOptions) {
  await page.emulateMedia({ colorScheme: shot.dark ? 'dark' : 'light', reducedMotion: 'reduce' });
  await page.goto(url);
  if (shot.act) await shot.act(page);
  // No focus ring or hover left over from the navigation in the picture.
  await page.mouse.move(0, 0);
  await page.evaluate(
    'document.activeElement && document.activeElement.blur && document.activeElement.blur()',
  );
  if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView());
  const file = join(o.outDir, `${shot.name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: o.fullPage });
  return file;
}

/** Seeds a fresh in-memory service and saves every shot (or those matching `only`) as PNGs. */
export async function takeScreenshots(o: ScreenshotOptions) {
  const started = Date.now();
  await mkdir(o.outDir, { recursive: true });
  const s = await startServedApp({
    SCHOOL_NAME: 'Sunflower Language School',
    MAIL_FROM: 'Sunflower Language School <hello@sunflower.example>',
  });
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  try {
    const cast = await seedCast(s);
    const [booking] = await s.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(eq(bookings.userId, cast.people.en.id))
      .orderBy(bookings.startsAt)
      .limit(1);
    const seeded = { studentId: cast.people.en.id, bookingId: booking!.id };
    browser = await launchBrowser();
    const tab = tabs(browser, s.baseUrl, cast, contexts);
    let count = 0;
    for (const shot of shots) {
      if (o.only && !shot.name.includes(o.only)) continue;
      const path = typeof shot.path === 'function' ? shot.path(seeded) : shot.path;
      for (const width of shot.widths ?? (['phone', 'desktop'] as const)) {
        const page = await tab(shot.who, shot.locale ?? 'en', width);
        const file = await shoot(page, s.baseUrl + path, shot, width, o);
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
