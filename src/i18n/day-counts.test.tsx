import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv, AppVariables } from '../http/env';
import { exampleController } from '../config-privacy';
import { OptOutOffer } from '../subscriptions/views/opt-out-offer';
import { policyPage, type PolicyPageState } from '../privacy/views/policy-page';
import { locales, type Locale } from './index';
import { mailingsStoppedMail } from '../../emails/mailings-stopped';

/**
 * Issue 22: day counts that come from configuration (the deletion grace period, the retention
 * periods) read right for every number, in each view that shows them, in every language.
 */
const counts = [0, 1, 2, 5, 21, 22] as const;
type Count = (typeof counts)[number];
/** The day phrase each language says for each count, in the case its sentence needs. */
type Phrases = Record<Locale, Record<Count, string>>;

const optOut = async (locale: Locale, graceDays: number) =>
  String(await (<OptOutOffer locale={locale} graceDays={graceDays} />));

async function policy(locale: Locale, days: PolicyPageState['days']) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('locale', locale);
    c.set('auth', null);
    c.set('deps', {
      config: { schoolName: 'School', supportedLocales: locales },
    } as unknown as AppVariables['deps']);
    await next();
  });
  app.get('/privacy', (c) =>
    policyPage(c, {
      now: new Date('2026-01-01T00:00:00Z'),
      current: null,
      versions: [],
      shown: null,
      schoolName: 'School',
      controller: { ...exampleController, isExample: true },
      processors: [],
      days,
    }),
  );
  return (await app.request('/privacy')).text();
}

// "you have {days} to change your mind": English, then the accusative (uk, ru) and, after
// Czech "během", the genitive.
const optOutDays: Phrases = {
  en: { 0: '0 days', 1: '1 day', 2: '2 days', 5: '5 days', 21: '21 days', 22: '22 days' },
  uk: { 0: '0 днів', 1: '1 день', 2: '2 дні', 5: '5 днів', 21: '21 день', 22: '22 дні' },
  ru: { 0: '0 дней', 1: '1 день', 2: '2 дня', 5: '5 дней', 21: '21 день', 22: '22 дня' },
  cs: { 0: '0 dní', 1: '1 dne', 2: '2 dnů', 5: '5 dní', 21: '21 dní', 22: '22 dní' },
};

describe('optOut.how counts the grace days', () => {
  const sentence: Record<Locale, (days: string) => string> = {
    en: (d) => `you have ${d} to change your mind`,
    uk: (d) => `маєте ${d}, щоб передумати`,
    ru: (d) => `у вас есть ${d}, чтобы передумать`,
    cs: (d) => `během ${d} si to můžete rozmyslet`,
  };

  it.each(locales)('in %s', async (locale) => {
    for (const n of counts.filter((n) => n > 0))
      expect(await optOut(locale, n), `${locale} ${n}`).toContain(
        sentence[locale](optOutDays[locale][n]),
      );
  });

  it.each(locales)('in the mail that says mailings stopped, in %s', (locale) => {
    for (const n of counts.filter((n) => n > 0)) {
      const ctx = {
        locale,
        appUrl: 'https://example.test',
        schoolName: 'School',
        controller: { ...exampleController, isExample: true },
      };
      const mail = mailingsStoppedMail(ctx, { name: 'Ann', graceDays: n });
      expect(mail.text, `${locale} ${n}`).toContain(sentence[locale](optOutDays[locale][n]));
    }
  });

  it('says nothing about days when deletion is immediate', async () => {
    expect(await optOut('en', 0)).not.toMatch(/\d+ days?/);
  });
});

describe('privacy.howLong.body counts each retention period', () => {
  // After "and then" / "ще" / "еще" / "a poté": a span of time, the accusative in Czech.
  const span: Phrases = {
    en: optOutDays.en,
    uk: optOutDays.uk,
    ru: optOutDays.ru,
    cs: { 0: '0 dní', 1: '1 den', 2: '2 dny', 5: '5 dní', 21: '21 dní', 22: '22 dní' },
  };
  // After "after" / "через" / "po uplynutí" (genitive in Czech).
  const after: Phrases = { ...optOutDays };

  const inactive: Record<Locale, (d: string) => string> = {
    en: (d) => `and then ${d} after your last sign-in`,
    uk: (d) => `і ще ${d} після вашого останнього входу`,
    ru: (d) => `и еще ${d} после вашего последнего входа`,
    cs: (d) => `a poté ${d} od vašeho posledního přihlášení`,
  };
  const ip: Record<Locale, (d: string) => string> = {
    en: (d) => `IP addresses in security events are removed after ${d}.`,
    uk: (d) => `IP-адреси в подіях безпеки видаляються через ${d}.`,
    ru: (d) => `IP-адреса в событиях безопасности удаляются через ${d}.`,
    cs: (d) => `IP adresy v bezpečnostních záznamech mažeme po uplynutí ${d}.`,
  };
  const unverified: Record<Locale, (d: string) => string> = {
    en: (d) => `Accounts whose email was never confirmed are removed after ${d}.`,
    uk: (d) => `Облікові записи з непідтвердженою поштою видаляються через ${d}.`,
    ru: (d) => `Учетные записи с неподтвержденной почтой удаляются через ${d}.`,
    cs: (d) => `Účty, jejichž e-mail nebyl nikdy potvrzen, mažeme po uplynutí ${d}.`,
  };
  const grace: Record<Locale, (d: string) => string> = {
    en: (d) => `it is removed ${d} later`,
    uk: (d) => `його буде стерто через ${d} (`,
    ru: (d) => `она стирается через ${d} (`,
    cs: (d) => `odstraníme ho po uplynutí ${d} (`,
  };

  it.each(locales)('in %s', async (locale) => {
    for (const n of counts) {
      const html = await policy(locale, { inactive: n, ip: n, unverified: n, grace: n });
      expect(html, `${locale} inactive ${n}`).toContain(inactive[locale](span[locale][n]));
      expect(html, `${locale} ip ${n}`).toContain(ip[locale](after[locale][n]));
      expect(html, `${locale} unverified ${n}`).toContain(unverified[locale](after[locale][n]));
      expect(html, `${locale} grace ${n}`).toContain(grace[locale](after[locale][n]));
    }
  });

  it('says each of the usual periods with its own number', async () => {
    const days = { inactive: 365, ip: 90, unverified: 30, grace: 30 };
    const en = await policy('en', days);
    expect(en).toContain(inactive.en('365 days'));
    expect(en).toContain(ip.en('90 days'));
    expect(en).toContain(unverified.en('30 days'));
    expect(en).toContain(grace.en('30 days'));
    const ru = await policy('ru', days);
    expect(ru).toContain(inactive.ru('365 дней'));
    expect(ru).toContain(ip.ru('90 дней'));
    const cs = await policy('cs', days);
    expect(cs).toContain(inactive.cs('365 dní'));
    expect(cs).toContain(grace.cs('30 dní'));
    const uk = await policy('uk', days);
    expect(uk).toContain(unverified.uk('30 днів'));
  });
});
