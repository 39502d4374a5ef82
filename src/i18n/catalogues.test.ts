import { describe, expect, it } from 'vitest';
import { catalogues, locales, t } from './index';
import { exportEn } from './en/export';
import { exportUk } from './uk/export';
import { exportRu } from './ru/export';
import { exportCs } from './cs/export';

type Flat = Record<string, string | undefined>;
const en = catalogues.en as Flat;
const others = locales.filter((l) => l !== 'en');
const pluralForm = /\.(zero|one|two|few|many|other)$/;
/** Plain keys, and plural messages by their base (their forms are plural.test.ts's to check). */
const shape = (c: Flat) =>
  [
    ...new Set(
      Object.keys(c).map((k) => (pluralForm.test(k) ? `${k.replace(pluralForm, '')}.*` : k)),
    ),
  ].sort();
const names = (s: string | undefined) =>
  [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * The only values a translation may share with English, each with its reason. Anything else
 * identical to English is a string nobody translated.
 */
const sameAsEnglish: Record<string, string> = {
  'nav.api': '"API" is the word in every one of these languages',
};

describe('catalogues', () => {
  it.each(others)('%s has every key English has, and no other', (locale) => {
    expect(shape(catalogues[locale] as Flat)).toEqual(shape(en));
  });

  it.each(others)('%s keeps the placeholders of every message', (locale) => {
    const c = catalogues[locale] as Flat;
    for (const [key, text] of Object.entries(c)) {
      const english = pluralForm.test(key) ? en[key.replace(pluralForm, '.other')] : en[key];
      expect(names(text), `${locale} ${key}`).toEqual(names(english));
    }
  });

  it.each(others)('%s leaves nothing in English except the allow-list', (locale) => {
    const c = catalogues[locale] as Flat;
    const same = Object.keys(en).filter((k) => c[k] === en[k] && !(k in sameAsEnglish));
    expect(same).toEqual([]);
    expect(Object.values(c).filter((v) => !v?.trim())).toEqual([]);
  });

  it.each([
    ['uk', exportUk],
    ['ru', exportRu],
    ['cs', exportCs],
  ] as const)('the export’s words are all in %s', (_locale, words) => {
    const flat = (o: object, at = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [[`${at}${k}`, v]] : flat(v as object, `${at}${k}.`),
      );
    const theirs = new Map(flat(words));
    expect(flat(exportEn).filter(([k, v]) => theirs.get(k) === v)).toEqual([]);
  });

  // "device(s)", "устройств(а)", "zařízení(ch)", "přihlásil(a)": plural forms or other wording instead.
  it('never hedges a plural with "(s)": a count is said so it reads right for any number', () => {
    for (const locale of locales) {
      const hedged = Object.entries(catalogues[locale]).filter(([, text]) =>
        /\p{L}\(-?\p{L}{1,3}\)/u.test(String(text)),
      );
      expect(hedged.map(([key]) => `${locale} ${key}`)).toEqual([]);
    }
  });

  it('fills placeholders', () => {
    expect(t('uk', 'overview.hello', { name: 'Олена' })).toBe('Вітаємо, Олена');
    expect(t('cs', 'overview.hello', { name: 'Jana' })).toMatch(/Jana/);
  });

  it('names every language in every language’s export', () => {
    for (const words of [exportEn, exportUk, exportRu, exportCs])
      expect(Object.keys(words.codes.locale).sort()).toEqual([...locales].sort());
  });
});
