import { mkdir } from 'node:fs/promises';
import { and, desc, eq } from 'drizzle-orm';
import { bookings, emailOutbox } from '../../db/schema';
import type { Locale } from '../../src/i18n';
import { tags } from '../../src/i18n/format';
import { restrictProcessing } from '../../src/privacy/restriction';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, startServedApp, type ServedApp } from '../lib/browser';
import {
  makePerson,
  seedStudentData,
  signInPage,
  type LessonWords,
  type SeededPerson,
} from '../lib/seed-cabinet';
import { shots, viewports, type Shot, type Who, type Width } from './shots';

export type ScreenshotOptions = { outDir: string; fullPage: boolean; only?: string };

type Cast = { staff: SeededPerson; people: Record<Locale, SeededPerson> };

type Student = { person: Parameters<typeof makePerson>[1]; words?: LessonWords };

/** A student per language; Russian and Czech ones with lessons as their school would type them. */
const students: Record<Locale, Student> = {
  en: {
    person: {
      email: 'taras.shevchuk@example.com',
      name: 'Taras Shevchuk',
      locale: 'en',
      phone: '+380 50 111 2233',
      videoHandle: 'taras.shevchuk',
      goals: 'Speak confidently in meetings at work, and pass B2 by summer.',
    },
  },
  uk: {
    person: {
      email: 'olena.koval@example.com',
      name: 'Олена Коваль',
      locale: 'uk',
      phone: '+380 67 222 3344',
      goals: 'Підготуватися до співбесіди англійською.',
    },
  },
  ru: {
    person: {
      email: 'anna.smirnova@example.com',
      name: 'Анна Смирнова',
      locale: 'ru',
      phone: '+420 601 234 567',
      goals: 'Сдать экзамен B2 к лету.',
    },
    words: {
      practice: 'Разговорная практика',
      grammar: 'Грамматика: прошедшее время',
      notes: 'Принесите статью, которую мы обсуждали.',
      payment: 'Четыре занятия, март',
    },
  },
  cs: {
    person: {
      email: 'jana.novakova@example.com',
      name: 'Jana Nováková',
      locale: 'cs',
      phone: '+420 602 345 678',
      goals: 'Mluvit plynně na pracovních schůzkách.',
    },
    words: {
      practice: 'Konverzace',
      grammar: 'Gramatika: minulý čas',
      notes: 'Přineste článek, o kterém jsme mluvili.',
      payment: 'Čtyři lekce, březen',
    },
  },
};

/** A staff member and a student per language, each with lessons, a payment and a list. */
async function seedCast(s: ServedApp): Promise<Cast> {
  const staff = await makePerson(s, {
    email: 'iryna@sunflower.example',
    name: 'Iryna Melnyk',
    // An admin, so the restriction queue (admins decide) can be shown too.
    role: 'admin',
    locale: 'en',
  });
  const people = {} as Record<Locale, SeededPerson>;
  for (const [locale, student] of Object.entries(students) as [Locale, Student][]) {
    people[locale] = await makePerson(s, student.person);
    await seedStudentData(s, staff.id, people[locale], student.words);
  }
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
  return async (who: Who, locale: Locale, width: Width) => {
    const key = `${who}/${locale}/${width}`;
    let page = open.get(key);
    if (!page) {
      const context = await browser.newContext({
        locale: tags[locale],
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

/** The HTML of the latest mail of `template` to `email`, as the recipient's mail app gets it. */
async function mailHtml(s: ServedApp, email: string, template: string) {
  const [row] = await s.db
    .select({ html: emailOutbox.html })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, template)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  if (!row?.html) throw new Error(`no ${template} mail to ${email}`);
  return row.html;
}

/** One shot at one width: open the page (or the mail), act, settle, save. Returns the file. */
async function shoot(
  page: Page,
  url: string | { html: string },
  shot: Shot,
  width: Width,
  o: ScreenshotOptions,
) {
  await page.emulateMedia({ colorScheme: shot.dark ? 'dark' : 'light', reducedMotion: 'reduce' });
  if (typeof url === 'string') await page.goto(url);
  else {
    // From a blank page: setContent writes into the current document, whose CSP (the app's,
    // with nonces) would block the mail's own inline styles.
    await page.goto('about:blank');
    await page.setContent(url.html, { waitUntil: 'load' });
  }
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
        const locale = shot.locale ?? 'en';
        const page = await tab(shot.who, locale, width);
        const target = shot.mail
          ? { html: await mailHtml(s, cast.people[locale].email, shot.mail) }
          : s.baseUrl + path;
        const file = await shoot(page, target, shot, width, o);
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
