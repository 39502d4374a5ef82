import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';
import { t, type MessageKey } from './index';
import { uk } from './uk';

const day = new Date('2026-12-18T12:00:00Z');

describe('formatDate', () => {
  it('writes a Ukrainian date with "року" in full, so it never ends in a full stop', () => {
    expect(formatDate(day, 'uk')).toBe('18 грудня 2026 року');
    expect(formatDate(day, 'uk', 'Pacific/Kiritimati')).toBe('19 грудня 2026 року');
  });

  it('leaves the English date as Intl writes it', () => {
    expect(formatDate(day, 'en')).toBe('18 December 2026');
  });

  it('leaves date and time as they are: they end in the zone’s name', () => {
    expect(formatDateTime(day, 'uk')).toBe('18 груд. 2026 р., 12:00 UTC');
  });
});

/**
 * "Ваш обліковий запис буде видалено 18 грудня 2026 р.." (issue 20, item 15): a sentence that
 * ends on a date must end in one full stop. Every Ukrainian message with a placeholder right
 * before a full stop is filled with dates, as pages and mails fill them.
 */
describe('Ukrainian sentences that end on a date', () => {
  /** The placeholders that carry a calendar day (a moment ends in its zone's name instead). */
  const dates = /\{(date|effective|published)\}\./;
  const endingOnDate = (Object.keys(uk) as MessageKey[]).filter((k) => dates.test(uk[k]));

  it('exist (the check below looks at something)', () => {
    expect(endingOnDate).toEqual(
      expect.arrayContaining(['delete.confirm.body', 'mail.payment.body']),
    );
  });

  it.each(endingOnDate)('%s ends in one full stop', (key) => {
    const names = [...uk[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const filled = t('uk', key, Object.fromEntries(names.map((n) => [n, formatDate(day, 'uk')])));
    expect(filled).not.toMatch(/\.\./);
  });

  it('reads naturally where a deletion date ends the sentence', () => {
    expect(t('uk', 'delete.confirm.body', { date: formatDate(day, 'uk') })).toBe(
      'Ваш обліковий запис буде видалено 18 грудня 2026 року. Зараз ви вийдете з системи.',
    );
  });
});
