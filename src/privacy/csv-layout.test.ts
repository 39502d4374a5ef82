import { describe, expect, it } from 'vitest';
import {
  outboxStatuses,
  restrictionOutcomes,
  roles,
  subscriptionStatuses,
  tokenPurposes,
} from '../../db/schema';
import { mailTemplates } from '../../emails';
import { locales } from '../i18n';
import { csvLayout, exportCatalogues, heading, valueKinds } from './csv-layout';
import { localTime } from './local-time';
import { categories } from './registry';

const datasets = categories.flatMap((c) => c.datasets);

describe('localTime', () => {
  it.each([
    ['2026-12-18T08:00:00Z', 'Europe/Kyiv', '2026-12-18 10:00 +02:00'],
    ['2026-07-01T07:30:00Z', 'Europe/Kyiv', '2026-07-01 10:30 +03:00'],
    ['2026-12-18T08:00:00Z', 'America/New_York', '2026-12-18 03:00 -05:00'],
    ['2026-12-18T08:00:00Z', 'UTC', '2026-12-18 08:00 +00:00'],
    ['2026-12-18T08:00:00Z', 'Asia/Kolkata', '2026-12-18 13:30 +05:30'],
    ['2026-12-18T08:00:00Z', 'Asia/Kathmandu', '2026-12-18 13:45 +05:45'],
    ['2026-12-18T08:00:00Z', 'America/St_Johns', '2026-12-18 04:30 -03:30'],
    // Past midnight into the next day, and seconds cut, never rounded up to the next minute.
    ['2026-12-31T22:59:59.999Z', 'Europe/Kyiv', '2027-01-01 00:59 +02:00'],
    // The hour Kyiv's clocks go back: the same wall time twice, told apart by the offset.
    ['2026-10-25T00:30:00Z', 'Europe/Kyiv', '2026-10-25 03:30 +03:00'],
    ['2026-10-25T01:30:00Z', 'Europe/Kyiv', '2026-10-25 03:30 +02:00'],
  ])('%s in %s is %s', (iso, zone, expected) => {
    expect(localTime(new Date(iso), zone)).toBe(expected);
  });
});

describe('the CSV headings', () => {
  it.each(locales)('name every column of every file in %s, never by its code', (locale) => {
    const missing = datasets.flatMap((d) =>
      d.columns.filter((c) => heading(locale, d.name, c) === c).map((c) => `${d.name}.${c}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(locales)(
    'in %s, tell every column of a file apart, even where case does not count',
    (locale) => {
      for (const d of datasets) {
        const { header } = csvLayout(d, { locale, timeZone: 'UTC' });
        const folded = header.map((h) => h.toLowerCase());
        expect(new Set(folded).size, `${d.name}: ${header.join(', ')}`).toBe(header.length);
      }
    },
  );

  it('put the people’s columns first and data.json’s names after them, in the same order', () => {
    const bookings = datasets.find((d) => d.name === 'bookings')!;
    const { header, cells } = csvLayout(bookings, { locale: 'uk', timeZone: 'Europe/Kyiv' });
    const n = bookings.columns.length;
    expect(header.slice(n)).toEqual([...bookings.columns]);
    expect(header.slice(0, 3)).toEqual(['Ідентифікатор', 'Заняття', 'Початок']);
    const startsAt = new Date('2026-12-18T08:00:00Z');
    const row = cells({ id: 'b1', title: 'Урок', startsAt, status: 'confirmed', notes: null });
    expect(row.slice(0, 3)).toEqual(['b1', 'Урок', '2026-12-18 10:00 +02:00']);
    expect(row[bookings.columns.indexOf('status')]).toBe('підтверджено');
    expect(row[n + bookings.columns.indexOf('startsAt')]).toBe(startsAt);
    expect(row[n + bookings.columns.indexOf('status')]).toBe('confirmed');
  });
});

describe('the words for codes', () => {
  it('are given only for files and columns that exist', () => {
    const unknown = Object.entries(valueKinds).flatMap(([name, kinds]) => {
      const d = datasets.find((x) => x.name === name);
      return Object.keys(kinds)
        .filter((c) => !d?.columns.includes(c))
        .map((c) => `${name}.${c}`);
    });
    expect(unknown).toEqual([]);
  });

  const everyCode: Record<string, readonly string[]> = {
    bool: ['true', 'false'],
    locale: locales,
    role: roles,
    signInType: ['password', 'passkey', 'authenticator-app', 'recovery-codes'],
    tokenPurpose: tokenPurposes,
    challengePurpose: ['registration', 'authentication'],
    consentKind: ['privacy-policy', 'age-confirmation'],
    consentGranted: ['granted', 'withdrawn'],
    method: ['registration', 'cabinet', 'api', 'link', 'one-click', 'staff', 'system'],
    restrictionDecision: restrictionOutcomes,
    subscriptionStatus: subscriptionStatuses,
    subscriptionAction: ['requested', 'confirmed', 'unsubscribed'],
    bookingStatus: ['confirmed', 'cancelled'],
    mailStatus: outboxStatuses,
    mailTemplate: Object.keys(mailTemplates),
  };

  it.each(locales)('cover every code the database can hold, in %s', (locale) => {
    const codes = exportCatalogues[locale].codes as Record<string, Record<string, string>>;
    expect(Object.keys(codes).sort()).toEqual(Object.keys(everyCode).sort());
    for (const [set, values] of Object.entries(everyCode)) {
      expect(Object.keys(codes[set]!).sort(), set).toEqual([...values].sort());
    }
  });

  it('explain the two halves in the README with the same placeholders in every language', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const locale of locales)
      expect(names(exportCatalogues[locale].readmeColumns), locale).toEqual([
        'iso',
        'local',
        'zone',
      ]);
  });

  it('are all translated into Ukrainian', () => {
    const flat = (o: object, at = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [[`${at}${k}`, v]] : flat(v as object, `${at}${k}.`),
      );
    const uk = new Map(flat(exportCatalogues.uk));
    const same = flat(exportCatalogues.en).filter(([k, v]) => uk.get(k) === v);
    expect(same).toEqual([]);
  });
});

describe('localTime far from now', () => {
  // A typo such as paid on 0099-01-01 passes validation; its offset must still be a real one.
  it('gives a year before 100 the zone’s offset, not a thousands-of-hours one', () => {
    expect(localTime(new Date('0099-06-01T00:00:00Z'), 'Europe/Kyiv')).toMatch(
      /^0099-06-01 02:0\d \+02:0\d$/,
    );
  });
});
