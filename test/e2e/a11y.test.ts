import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { passkeys, totpCredentials } from '../../db/schema';
import type { BrowserContext, Page } from 'playwright-core';
import { hasBrowser, useServedAppAndBrowser } from '../helpers/browser';
import { locales as i18nLocales } from '../../src/i18n';
import { tags } from '../../src/i18n/format';
import {
  controlsOutOfReach,
  desktop,
  failedResponses,
  foreignQuotes,
  gapBelowCabinetNav,
  notAStyledPage,
  overflow,
  phone,
} from './page-checks';
import {
  makePerson,
  seedStudentData,
  signInPage,
  type SeededPerson,
} from '../helpers/seed-cabinet';

/**
 * axe-core on every page, in all four languages and both colour schemes, on a desktop and on a
 * phone (390 px). Any serious or critical violation fails; the moderate and minor ones are
 * printed so they can be looked at. Every page must also be one of ours (HTML in the site
 * layout, styled, with no failed request), and fit a phone: no sideways scrolling at 390 px.
 *
 * The four languages share one markup and one stylesheet; only the words differ. So each
 * language's tab runs axe once per page, in one of four roles that move on from page to page:
 * every rule (light scheme, desktop), the colour rules in the dark scheme, the layout rules at
 * 390 px, or the rules the words can change (names, titles, labels, lang), which the dark and
 * phone runs include too. Every page is audited in full, in dark and on a phone, and every
 * language in every role over the pages; the checks that are not axe's (the page's width at
 * 390 px, quotation marks, the language switcher) run in every language on every page. An axe
 * run costs about the same whatever its rules, and a page waits for its slowest tab: one run
 * per tab instead of three cut the file's time (which CI pays twice, once per database).
 *
 * One server and one browser for everything; one tab per (who, language), reused, and the
 * colour scheme switched with emulateMedia on the loaded page (CSS media queries re-apply
 * without a reload). The four languages of a page are checked side by side, each in its own
 * signed-in tab, so the server and the browser work while one of them waits (the whole file:
 * about 3 minutes on two shared cores). axe's source goes in through page.evaluate, which the page's CSP does
 * not govern, so the page runs with its real CSP.
 */
const enabled = hasBrowser();
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

type Who = 'visitor' | 'student' | 'staff';
type Locale = (typeof i18nLocales)[number];
type Scheme = 'light' | 'dark';
/** The axe passes: everything (light), colours only (dark), what a narrow screen changes (phone). */
type Pass = Scheme | 'phone' | 'words';
type Violation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/** How a page is reached: a path, or a path and a form submitted on it (an error state). */
type Target = {
  name: string;
  who: Who;
  path: string | ((ids: Ids, locale: Locale) => string);
  submit?: string;
  fill?: Record<string, string>;
};
type Ids = { student: string; passkey: Record<Locale, string>; verify: Record<Locale, string> };

const pages: Target[] = [
  { name: 'home', who: 'visitor', path: '/' },
  { name: 'register', who: 'visitor', path: '/register' },
  {
    name: 'register, submitted empty',
    who: 'visitor',
    path: '/register',
    submit: 'form[action="/register"]',
  },
  { name: 'sign in', who: 'visitor', path: '/login' },
  // The sign-in fields are `required`, so an empty form never leaves the browser: a wrong password does.
  {
    name: 'sign in, wrong password',
    who: 'visitor',
    path: '/login',
    submit: 'form[action^="/login"]',
    fill: { '#f-email': 'nobody@example.com', '#f-password': 'not the password' },
  },
  {
    name: 'forgot password, bad address',
    who: 'visitor',
    path: '/forgot-password',
    submit: 'form[action="/forgot-password"]',
    fill: { '#f-email': 'someone@localhost' },
  },
  { name: 'forgot password', who: 'visitor', path: '/forgot-password' },
  { name: 'reset password (bad link)', who: 'visitor', path: '/reset-password?token=x' },
  {
    name: 'verify email',
    who: 'visitor',
    path: (ids, locale) => `/verify-email?token=${ids.verify[locale]}`,
  },
  {
    name: 'verify email, wrong password',
    who: 'visitor',
    path: (ids, locale) => `/verify-email?token=${ids.verify[locale]}`,
    submit: 'form[action="/verify-email"]',
    fill: { '#f-password': 'not the password' },
  },
  { name: 'verify email, bad link', who: 'visitor', path: '/verify-email?token=x' },
  { name: 'privacy policy', who: 'visitor', path: '/privacy' },
  { name: 'cookies', who: 'visitor', path: '/cookies' },
  { name: 'unsubscribe (bad link)', who: 'visitor', path: '/unsubscribe?token=x' },
  { name: 'confirm subscription', who: 'visitor', path: '/subscriptions/confirm?token=x' },
  { name: 'cancel deletion', who: 'visitor', path: '/account/deletion/cancel?token=x' },
  { name: 'not me', who: 'visitor', path: '/not-me?token=x' },
  { name: 'API reference', who: 'visitor', path: '/api/docs' },
  { name: '404', who: 'visitor', path: '/no-such-page' },
  {
    name: 'confirm new address (bad link)',
    who: 'visitor',
    path: '/account/email/confirm?token=x',
  },
  { name: 'overview', who: 'student', path: '/account' },
  { name: 'profile', who: 'student', path: '/account/profile' },
  {
    name: 'profile, unknown time zone',
    who: 'student',
    path: '/account/profile',
    submit: 'form[action="/account/profile"]',
    fill: { '#f-timeZone': 'Europe/Atlantis' },
  },
  { name: 'security', who: 'student', path: '/account/security' },
  {
    name: 'security, bad new address',
    who: 'student',
    path: '/account/security',
    submit: 'form[action="/account/security/email"]',
    fill: { '#f-newEmail': 'someone@localhost' },
  },
  { name: 'end other sessions', who: 'student', path: '/account/security/sessions/end-others' },
  {
    name: 'remove a passkey: confirmation',
    who: 'student',
    path: (ids, locale) => `/account/security/passkeys/${ids.passkey[locale]}/remove`,
  },
  {
    name: 'turn off two-step sign-in: confirmation',
    who: 'student',
    path: '/account/security/2fa/disable',
  },
  { name: 're-authenticate', who: 'student', path: '/reauth?next=%2Faccount%2Fprivacy' },
  { name: 'accept the privacy policy', who: 'student', path: '/account/policy' },
  // A form's result path opened again (a reload, a bookmark) shows a page, never a bare 404.
  { name: 'two-step set-up, opened again', who: 'student', path: '/account/security/2fa/setup' },
  { name: '404, signed in', who: 'student', path: '/account/no-such-page' },
  { name: 'privacy and data', who: 'student', path: '/account/privacy' },
  { name: 'subscriptions', who: 'student', path: '/account/subscriptions' },
  { name: 'bookings', who: 'student', path: '/account/bookings' },
  { name: 'delete: explanation', who: 'student', path: '/account/delete' },
  { name: 'delete: confirmation', who: 'student', path: '/account/delete/confirm' },
  { name: 'staff: search', who: 'staff', path: '/staff?query=a' },
  { name: 'staff: person card', who: 'staff', path: (ids) => `/staff/users/${ids.student}` },
  { name: 'staff: announcements', who: 'staff', path: '/staff/announcements' },
  {
    // The preview is a POST (the form's first button): long messages do not fit in a URL.
    name: 'staff: announcement preview',
    who: 'staff',
    path: '/staff/announcements',
    fill: { '#f-subject': 'Hello', '#f-body': 'Text' },
    submit: 'form[action="/staff/announcements"]',
  },
  { name: 'staff: sent announcements', who: 'staff', path: '/staff/announcements/history' },
  { name: 'staff: suppressed addresses', who: 'staff', path: '/staff/suppressions' },
  { name: 'staff: audit', who: 'staff', path: '/staff/audit' },
  { name: 'staff: restriction reviews', who: 'staff', path: '/staff/restrictions' },
  { name: 'staff: team', who: 'staff', path: '/staff/team' },
];
const locales: Locale[] = [...i18nLocales];
/** The staff member and the student, named as people with that language would be. */
const names: Record<Locale, { staff: string; student: string }> = {
  en: { staff: 'Iryna Teacher', student: 'Taras Student' },
  uk: { staff: 'Ірина Викладачка', student: 'Тарас Шевчук' },
  ru: { staff: 'Ирина Преподавательница', student: 'Тарас Шевченко' },
  cs: { staff: 'Irena Učitelová', student: 'Tomáš Dvořák' },
};
/** The languages that quote in « » (issue 20, item 15), also around what people typed. */
const guillemets: Locale[] = ['uk', 'ru'];
const colourRules = ['color-contrast', 'link-in-text-block'];
/** The rules whose outcome depends on the layout: contrast over what overlaps, scroll regions. */
const layoutRules = [...colourRules, 'scrollable-region-focusable'];
/**
 * The rules whose outcome depends on the words: accessible names, titles, labels, alternative
 * texts, empty headings, and the language attributes.
 */
const wordRules = [
  'document-title',
  'html-has-lang',
  'html-lang-valid',
  'html-xml-lang-mismatch',
  'valid-lang',
  'button-name',
  'input-button-name',
  'link-name',
  'label',
  'label-title-only',
  'select-name',
  'image-alt',
  'input-image-alt',
  'svg-img-alt',
  'role-img-alt',
  'object-alt',
  'area-alt',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-command-name',
  'aria-dialog-name',
  'aria-meter-name',
  'aria-progressbar-name',
  'aria-tooltip-name',
  'aria-treeitem-name',
  'aria-text',
  'empty-heading',
  'empty-table-header',
  'frame-title',
  'summary-name',
];

describe.skipIf(!enabled)(
  'accessibility (axe-core) and phone width: every page, every language',
  () => {
    const e2e = useServedAppAndBrowser({ SCHOOL_NAME: 'Sunflower Language School' });
    const tabs = new Map<string, Page>();
    const contexts: BrowserContext[] = [];
    const ids: Ids = { student: '', passkey: {} as never, verify: {} as never };
    const minor: string[] = [];
    const started = Date.now();
    const timing = { setup: 0, light: 0, dark: 0, phone: 0, words: 0, load: 0 };
    const responses = new Map<Page, ReturnType<typeof failedResponses>>();

    beforeAll(async () => {
      // A staff member (an admin, to reach every console page) and a student per language: the
      // signed-in pages follow the person's own language setting. Made side by side, since
      // password hashing is most of the setup.
      const people: Record<Exclude<Who, 'visitor'>, Record<Locale, SeededPerson>> = {
        student: {} as never,
        staff: {} as never,
      };
      await Promise.all(
        locales.map(async (locale) => {
          people.staff[locale] = await makePerson(e2e.app, {
            email: `staff.${locale}@example.com`,
            name: names[locale].staff,
            role: 'admin',
            locale,
          });
          people.student[locale] = await makePerson(e2e.app, {
            email: `student.${locale}@example.com`,
            name: names[locale].student,
            locale,
            phone: '+380 50 111 2233',
            goals: 'Speak confidently at work.',
          });
        }),
      );
      for (const locale of locales)
        await seedStudentData(e2e.app, people.staff[locale].id, people.student[locale]);
      ids.student = people.student.en.id;
      // A registration per language, waiting to be confirmed: its link opens the verify page.
      for (const locale of locales) {
        const email = `newcomer.${locale}@example.com`;
        const registered = await e2e.app.app.request('/api/v1/auth/register', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: e2e.app.baseUrl },
          body: JSON.stringify({
            email,
            password: 'newcomer lantern harbour 3',
            name: 'Newcomer',
            locale,
            acceptPrivacyPolicy: true,
            confirmAge: true,
          }),
        });
        expect(registered.status).toBe(202);
        await e2e.app.sendMail();
        ids.verify[locale] = e2e.app.resend.lastLink(email, '/verify-email')!.token;
      }
      for (const locale of locales) {
        const [key] = await e2e.app.db
          .select({ id: passkeys.id })
          .from(passkeys)
          .where(and(eq(passkeys.userId, people.student[locale].id), eq(passkeys.name, 'Phone')));
        ids.passkey[locale] = key!.id;
      }
      await Promise.all(
        locales.flatMap((locale) =>
          (['visitor', 'student', 'staff'] as const).map(async (who) => {
            const context = await e2e.browser.newContext({
              locale: tags[locale],
              viewport: desktop,
            });
            contexts.push(context);
            const page = await context.newPage();
            if (who !== 'visitor') await signInPage(page, e2e.app.baseUrl, people[who][locale]);
            tabs.set(`${who}/${locale}`, page);
            responses.set(page, failedResponses(page));
          }),
        ),
      );
      // Two-step sign-in on for the students, once they are signed in (it would ask for a code
      // otherwise), so its confirmation page has something to turn off.
      for (const locale of locales)
        await e2e.app.db.insert(totpCredentials).values({
          userId: people.student[locale].id,
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
          enabledAt: e2e.app.clock.now(),
        });
      timing.setup = Date.now() - started;
    });

    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => {});
      if (minor.length)
        console.info(
          `[a11y] moderate/minor findings (not failing):\n${[...new Set(minor)].join('\n')}`,
        );
      const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
      console.info(
        `[a11y] ${pages.length} pages × ${locales.length} languages, one axe run each (every rule, dark, 390 px or the word rules, in turn), in ${sec(Date.now() - started)}` +
          ` (setup ${sec(timing.setup)}, page loads ${sec(timing.load)}, axe light ${sec(timing.light)}, axe dark ${sec(timing.dark)}, phone ${sec(timing.phone)}, words ${sec(timing.words)})`,
      );
    });

    async function open(page: Page, target: Target, locale: Locale) {
      const path = typeof target.path === 'function' ? target.path(ids, locale) : target.path;
      const res = await page.goto(e2e.app.baseUrl + path);
      if (target.submit) {
        for (const [selector, value] of Object.entries(target.fill ?? {}))
          await page.locator(selector).fill(value);
        await Promise.all([
          page.waitForEvent('load'),
          page.locator(`${target.submit} [type="submit"]`).first().click(),
        ]);
      }
      return res;
    }

    /**
     * Light: every rule. Dark: the rules a colour scheme can change (contrast, and links told
     * apart from text), since the markup is the same. Phone (light, 390 px): the rules a
     * narrower layout can change. Words: the rules the language can change, in every run.
     */
    async function audit(page: Page, pass: Pass): Promise<Violation[]> {
      if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
      const only = (values: string[]) => ({
        resultTypes: ['violations'],
        runOnly: { type: 'rule', values },
      });
      const rules = {
        dark: [...colourRules, ...wordRules],
        phone: [...layoutRules, ...wordRules],
        words: wordRules,
      };
      const options = pass === 'light' ? { resultTypes: ['violations'] } : only(rules[pass]);
      return page.evaluate(async (options) => {
        // @ts-expect-error -- axe is injected above
        const result = await window.axe.run(document, options);
        return result.violations.map((v: Violation) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes
            .slice(0, 5)
            .map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        }));
      }, options);
    }

    /** The page under test, to name it in the printed findings. */
    let current = '';

    /** Runs one axe pass and files each finding: serious and critical ones fail. */
    async function auditInto(page: Page, pass: Pass, label: string, failures: string[]) {
      const t0 = Date.now();
      const violations = await audit(page, pass);
      timing[pass] += Date.now() - t0;
      for (const v of violations) {
        const where = v.nodes
          .map(
            (n) =>
              `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join('\n      ');
        const line = `[${label}] ${v.impact} ${v.id}: ${v.help}\n      ${where}`;
        if (v.impact === 'serious' || v.impact === 'critical') failures.push(line);
        else minor.push(`${current} ${line}`);
      }
    }
    /**
     * The phone checks on the page already loaded: the viewport narrows to 390 px (media queries
     * re-apply without a reload), the page must not scroll sideways, and, in the phone role,
     * axe runs there; then back to the desktop size for the next page.
     */
    async function phoneChecks(page: Page, locale: Locale, role: Pass, failures: string[]) {
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.setViewportSize(phone);
      const { width, culprits } = await overflow(page);
      if (width > phone.width)
        failures.push(
          `[${locale}/390 px] the page is ${width} px wide; sticking out:\n      ${culprits.join('\n      ')}`,
        );
      const unreachable = await controlsOutOfReach(page);
      if (unreachable.length)
        failures.push(
          `[${locale}/390 px] controls off-screen:\n      ${unreachable.join('\n      ')}`,
        );
      // The navigation and the content stack on a phone: the layout's gap (1.5rem) and no more.
      const gap = await gapBelowCabinetNav(page);
      if (gap !== null && gap > 32)
        failures.push(`[${locale}/390 px] ${gap} px of blank space below the cabinet navigation`);
      if (role === 'phone') await auditInto(page, 'phone', `${locale}/390 px`, failures);
      await page.setViewportSize(desktop);
    }

    /** One page in one language, in that language's tab, with axe in `role`; findings into `failures`. */
    async function checkIn(target: Target, locale: Locale, role: Pass, failures: string[]) {
      const page = tabs.get(`${target.who}/${locale}`)!;
      // Reduced motion: the stylesheet then drops its colour transitions, so axe reads the
      // final colours at once after a scheme switch (and not a hover fading in).
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      responses.get(page)!.take();
      const t0 = Date.now();
      await open(page, target, locale);
      timing.load += Date.now() - t0;
      // One of our pages, whatever its status (a 404 too): HTML, in the layout, styled, and
      // nothing it loads (stylesheet, scripts, icon) failed.
      const notOurs = await notAStyledPage(page);
      if (notOurs) failures.push(`[${locale}] ${notOurs}`);
      for (const failed of responses.get(page)!.take()) failures.push(`[${locale}] ${failed}`);
      if (notOurs) return;
      if (guillemets.includes(locale))
        for (const quote of await foreignQuotes(page, locale))
          failures.push(`[${locale}] English quotation marks: ${quote}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      // Every page carries the language switcher, to every other language.
      for (const other of locales.filter((l) => l !== locale))
        expect(
          await page.locator(`header form[action="/lang"] button[value="${other}"]`).count(),
          `language switcher to ${other}`,
        ).toBe(1);
      if (role !== 'phone') {
        const scheme = role === 'dark' ? 'dark' : 'light';
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await auditInto(page, role, `${locale}/${role}`, failures);
      }
      await phoneChecks(page, locale, role, failures);
    }

    // Page i gives language j the role (i + j) mod 4: each role moves to the next language.
    const roles: Pass[] = ['light', 'dark', 'phone', 'words'];
    const rotated = pages.map((target, i) => ({
      ...target,
      roles: locales.map((_, j) => roles[(i + j) % roles.length]!),
      inFull: locales[(roles.length - (i % roles.length)) % roles.length]!,
    }));
    it.each(rotated)('$name (every rule in $inFull)', async ({ roles, ...target }) => {
      current = target.name;
      const failures: string[] = [];
      await Promise.all(locales.map((locale, j) => checkIn(target, locale, roles[j]!, failures)));
      expect(failures, failures.join('\n')).toEqual([]);
    });
  },
);
