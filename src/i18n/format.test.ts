import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatDateTime } from './format';
import { catalogues, t, type MessageKey } from './index';

const day = new Date('2026-12-18T12:00:00Z');

describe('formatDate', () => {
  it('writes a Ukrainian date with "року" in full, so it never ends in a full stop', () => {
    expect(formatDate(day, 'uk')).toBe('18 грудня 2026 року');
    expect(formatDate(day, 'uk', 'Pacific/Kiritimati')).toBe('19 грудня 2026 року');
  });

  it('writes a Russian date with "года" in full, for the same reason', () => {
    expect(formatDate(day, 'ru')).toBe('18 декабря 2026 года');
  });

  it('leaves the English and Czech dates as Intl writes them', () => {
    expect(formatDate(day, 'en')).toBe('18 December 2026');
    expect(formatDate(day, 'cs')).toBe('18. prosince 2026');
  });

  it('leaves date and time as they are: they end in the zone’s name', () => {
    expect(formatDateTime(day, 'uk')).toBe('18 груд. 2026 р., 12:00 UTC');
    expect(formatDateTime(day, 'ru', 'Europe/Moscow')).toBe('18 дек. 2026 г., 15:00 GMT+3');
    expect(formatDateTime(day, 'cs', 'Europe/Prague')).toBe('18. 12. 2026 13:00 SEČ');
  });
});

describe('formatAmount', () => {
  // Intl's spaces are no-break ones (U+00A0 in groups, U+202F before some symbols): normalised.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it.each([
    ['en', 'UAH', 'UAH 1,250.50'],
    ['uk', 'UAH', '1 250,50 ₴'],
    ['ru', 'RUB', '1 250,50 ₽'],
    ['cs', 'CZK', '1 250,50 Kč'],
    ['cs', 'EUR', '1 250,50 €'],
  ] as const)('%s %s', (locale, currency, text) => {
    expect(plain(formatAmount('1250.50', currency, locale))).toBe(text);
  });
});

/**
 * "Ваш обліковий запис буде видалено 18 грудня 2026 р.." (issue 20, item 15): a sentence that
 * ends on a date must end in one full stop. Every Ukrainian and Russian message with a
 * placeholder right before a full stop is filled with dates, as pages and mails fill them.
 */
describe.each(['uk', 'ru'] as const)('%s sentences that end on a date', (locale) => {
  /** The placeholders that carry a calendar day (a moment ends in its zone's name instead). */
  const dates = /\{(date|effective|published)\}\./;
  const texts = catalogues[locale] as Record<string, string>;
  const endingOnDate = Object.keys(texts).filter((k) => dates.test(texts[k]!)) as MessageKey[];

  it('exist (the check below looks at something)', () => {
    expect(endingOnDate).toEqual(
      expect.arrayContaining(['delete.confirm.body', 'mail.payment.body']),
    );
  });

  it.each(endingOnDate)('%s ends in one full stop', (key) => {
    const names = [...texts[key]!.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const date = formatDate(day, locale);
    const filled = t(locale, key, Object.fromEntries(names.map((n) => [n, date])));
    expect(filled).not.toMatch(/\.\./);
  });
});

describe('a deletion date that ends the sentence', () => {
  it('reads naturally', () => {
    expect(t('uk', 'delete.confirm.body', { date: formatDate(day, 'uk') })).toBe(
      'Ваш обліковий запис буде видалено 18 грудня 2026 року. Зараз ви вийдете з системи.',
    );
    expect(t('ru', 'delete.confirm.body', { date: formatDate(day, 'ru') })).toMatch(
      /18 декабря 2026 года\./,
    );
  });
});
