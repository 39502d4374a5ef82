import { describe, expect, it } from 'vitest';
import {
  amountSchema,
  currencySchema,
  normalizeAmount,
  readPaidAt,
  resolveDateTime,
  timeZoneSchema,
} from './schemas';

describe('amounts', () => {
  it.each([
    ['450', '450.00'],
    ['12.5', '12.50'],
    [12.5, '12.50'],
    ['007.05', '7.05'],
    ['9999999999.99', '9999999999.99'],
  ])('normalises %j to %s', (input, out) => {
    expect(amountSchema.safeParse(input).success).toBe(true);
    expect(normalizeAmount(input)).toBe(out);
  });

  it.each(['0', '0.00', '-1', '1.001', '1e3', '1,50', ' 1', '', 'NaN', '12345678901'])(
    'refuses %j',
    (input) => {
      expect(amountSchema.safeParse(input).success).toBe(false);
    },
  );
});

describe('currencies and zones', () => {
  it('takes ISO 4217 codes only', () => {
    expect(['UAH', 'EUR', 'CZK', 'USD'].every((c) => currencySchema.safeParse(c).success)).toBe(
      true,
    );
    expect(['uah', 'ABC', 'EU', 'EURO'].some((c) => currencySchema.safeParse(c).success)).toBe(
      false,
    );
  });

  it('takes IANA zones only', () => {
    expect(timeZoneSchema.safeParse('Europe/Kyiv').success).toBe(true);
    expect(timeZoneSchema.safeParse('GMT+2').success).toBe(false);
  });
});

describe('dates', () => {
  it('reads an offset as an instant and a bare time in the zone', () => {
    expect(resolveDateTime('2026-03-29T10:00:00+03:00', 'Europe/Prague')).toEqual({
      ok: true,
      date: new Date('2026-03-29T07:00:00Z'),
    });
    expect(resolveDateTime('2026-03-29T10:00', 'Europe/Prague')).toEqual({
      ok: true,
      date: new Date('2026-03-29T08:00:00Z'),
    });
    expect(resolveDateTime('2026-03-29T02:30', 'Europe/Prague')).toEqual({
      ok: false,
      code: 'nonexistent',
    });
  });

  it('keeps a payment date on its day in every zone', () => {
    expect(readPaidAt('2026-11-24').toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(readPaidAt('2026-11-24T23:30:00+02:00').toISOString()).toBe('2026-11-24T21:30:00.000Z');
  });
});
