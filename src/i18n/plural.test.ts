import { describe, expect, it } from 'vitest';
import { catalogues, locales, tp, translator } from './index';
import { tags } from './format';

const pluralForm = /\.(zero|one|two|few|many|other)$/;

/** Each plural message's forms in a catalogue, by base key. */
function formsOf(c: Record<string, string | undefined>) {
  const forms = new Map<string, string[]>();
  for (const key of Object.keys(c)) {
    const m = pluralForm.exec(key);
    if (!m) continue;
    const base = key.slice(0, m.index);
    forms.set(base, [...(forms.get(base) ?? []), m[1]!].sort());
  }
  return forms;
}

describe('plural forms', () => {
  it('exist (the checks below look at something)', () => {
    expect([...formsOf(catalogues.en).keys()]).toEqual(
      expect.arrayContaining([
        'overview.security.sessions',
        'activity.repeated',
        'cookies.minutes',
      ]),
    );
  });

  it.each(locales)('%s gives every plural message exactly the forms its rules select', (locale) => {
    const needed = [
      ...new Intl.PluralRules(tags[locale]).resolvedOptions().pluralCategories,
    ].sort();
    for (const [base, forms] of formsOf(catalogues[locale])) expect(forms, base).toEqual(needed);
  });

  it.each(locales)('%s says every plural message with its count', (locale) => {
    for (const [key, text] of Object.entries(catalogues[locale]))
      if (pluralForm.test(key)) expect(String(text), key).toMatch(/\{count\}/);
  });
});

describe('tp', () => {
  const counts = [0, 1, 2, 5, 21, 22];
  const devices = (locale: (typeof locales)[number]) =>
    counts.map((n) => tp(locale, 'overview.security.sessions', n));

  it('counts devices in English', () => {
    expect(devices('en')).toEqual([
      'Signed in on 0 devices.',
      'Signed in on 1 device.',
      'Signed in on 2 devices.',
      'Signed in on 5 devices.',
      'Signed in on 21 devices.',
      'Signed in on 22 devices.',
    ]);
  });

  it('counts devices in Ukrainian', () => {
    expect(devices('uk')).toEqual([
      'Вхід виконано на 0 пристроях.',
      'Вхід виконано на 1 пристрої.',
      'Вхід виконано на 2 пристроях.',
      'Вхід виконано на 5 пристроях.',
      'Вхід виконано на 21 пристрої.',
      'Вхід виконано на 22 пристроях.',
    ]);
  });

  it('counts devices in Russian', () => {
    expect(devices('ru')).toEqual([
      'Вход выполнен на 0 устройствах.',
      'Вход выполнен на 1 устройстве.',
      'Вход выполнен на 2 устройствах.',
      'Вход выполнен на 5 устройствах.',
      'Вход выполнен на 21 устройстве.',
      'Вход выполнен на 22 устройствах.',
    ]);
  });

  it('counts devices in Czech', () => {
    expect(devices('cs')).toEqual([
      'Přihlášeno na 0 zařízeních.',
      'Přihlášeno na 1 zařízení.',
      'Přihlášeno na 2 zařízeních.',
      'Přihlášeno na 5 zařízeních.',
      'Přihlášeno na 21 zařízeních.',
      'Přihlášeno na 22 zařízeních.',
    ]);
  });

  it('counts minutes and days with the noun each number takes', () => {
    const minutes = (locale: (typeof locales)[number]) =>
      counts.map((n) => tp(locale, 'cookies.minutes', n));
    expect(minutes('en')).toEqual([
      '0 minutes',
      '1 minute',
      '2 minutes',
      '5 minutes',
      '21 minutes',
      '22 minutes',
    ]);
    expect(minutes('uk')).toEqual([
      '0 хвилин',
      '1 хвилина',
      '2 хвилини',
      '5 хвилин',
      '21 хвилина',
      '22 хвилини',
    ]);
    expect(minutes('ru')).toEqual([
      '0 минут',
      '1 минута',
      '2 минуты',
      '5 минут',
      '21 минута',
      '22 минуты',
    ]);
    expect(minutes('cs')).toEqual([
      '0 minut',
      '1 minuta',
      '2 minuty',
      '5 minut',
      '21 minut',
      '22 minut',
    ]);
    expect(tp('ru', 'delete.what.3', 21)).toMatch(/через 21 день;/);
    expect(tp('cs', 'delete.what.3', 3)).toMatch(/za 3 dny;/);
  });

  it('counts repeats and keeps the other placeholders', () => {
    const p = { first: '10:02', last: '10:04' };
    expect(tp('ru', 'activity.repeated', 22, p)).toBe('22 раза с 10:02 до 10:04');
    expect(tp('uk', 'activity.repeated', 5, p)).toBe('5 разів між 10:02 і 10:04');
    expect(tp('en', 'activity.repeated', 1, p)).toBe('1 time between 10:02 and 10:04');
  });

  it('is on every translator as .plural', () => {
    expect(translator('cs').plural('overview.profile.missing', 2)).toMatch(/^2 nepovinné údaje/);
  });
});
