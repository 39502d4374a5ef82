import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config';
import { negotiateLocale } from './index';

describe('SUPPORTED_LOCALES and DEFAULT_LOCALE', () => {
  it('offer all four languages, English first, unless told', () => {
    const c = parseConfig({});
    expect(c.supportedLocales).toEqual(['en', 'uk', 'ru', 'cs']);
    expect(c.defaultLocale).toBe('en');
  });

  it('take a subset and a default from it', () => {
    const c = parseConfig({ SUPPORTED_LOCALES: 'cs, ru,cs', DEFAULT_LOCALE: 'cs' });
    expect(c.supportedLocales).toEqual(['cs', 'ru']);
    expect(c.defaultLocale).toBe('cs');
  });

  it.each([
    [{ SUPPORTED_LOCALES: 'en,de' }, /^SUPPORTED_LOCALES: /],
    [{ DEFAULT_LOCALE: 'pl' }, /^DEFAULT_LOCALE: /],
    [
      { SUPPORTED_LOCALES: 'uk,ru' },
      /^DEFAULT_LOCALE: must be one of SUPPORTED_LOCALES \(uk, ru\)/,
    ],
  ])('refuse %o', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['uk-UA,uk;q=0.9', 'uk'],
    ['de-DE,uk;q=0.5,en;q=0.4', 'uk'],
    ['en;q=0.2,uk;q=0.8', 'uk'],
    ['cs-CZ,cs;q=0.9,en;q=0.8', 'cs'],
    ['ru', 'ru'],
    ['fr', 'en'],
    ['uk;q=0', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it('chooses only among the languages offered, else the default', () => {
    expect(negotiateLocale('ru,cs;q=0.5', ['en', 'cs'], 'en')).toBe('cs');
    expect(negotiateLocale('ru', ['en', 'cs'], 'cs')).toBe('cs');
    expect(negotiateLocale(undefined, ['uk', 'ru'], 'uk')).toBe('uk');
  });
});
