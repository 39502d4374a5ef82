import { en, type Catalogue, type MessageKey } from './en';
import { uk } from './uk';
import { ru } from './ru';
import { cs } from './cs';
import { isLocale, locales, type Locale } from './locales';
import { pluralCategory, type PluralBase } from './plural';
import { tags } from './format';

export { isLocale, languageNames, locales, type Locale } from './locales';
export type { MessageKey };
/** A message with plural forms, named without its `.one`/`.other` ending. */
export type PluralKey = PluralBase<MessageKey>;
type Params = Record<string, string | number>;

/** Every language's messages (docs/i18n.md: adding a language). */
export const catalogues: Record<Locale, Catalogue> = { en, uk, ru, cs };

/** A stored or requested language, or `fallback` (English unless told) when it is not one of ours. */
export function localeOr(value: unknown, fallback: Locale = 'en'): Locale {
  return isLocale(value) ? value : fallback;
}

function fill(template: string, params?: Params) {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

const lookup = (locale: Locale, key: string): string | undefined =>
  (catalogues[locale] as Record<string, string | undefined>)[key];

/** Looks up a message and fills `{name}` placeholders. Values are plain text; JSX escapes them. */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  return fill(lookup(locale, key) ?? en[key], params);
}

/**
 * A message that shows a count, in the form the language's plural rules pick for it
 * ("1 device", "2 devices"; "2 пристроях", "5 пристроях"), with `{count}` filled.
 */
export function tp(locale: Locale, base: PluralKey, count: number, params?: Params): string {
  const form = `${base}.${pluralCategory(tags[locale], count)}`;
  const template =
    lookup(locale, form) ?? lookup(locale, `${base}.other`) ?? lookup('en', `${base}.other`)!;
  return fill(template, { count, ...params });
}

/** A translator bound to one locale, for views and mail templates; `.plural` counts. */
export function translator(locale: Locale) {
  const translate = (key: MessageKey, params?: Params) => t(locale, key, params);
  translate.plural = (base: PluralKey, count: number, params?: Params) =>
    tp(locale, base, count, params);
  return translate;
}
export type T = ReturnType<typeof translator>;

/**
 * Picks the best of `supported` from an Accept-Language header (q-values respected, a region
 * falling back to its language: `cs-CZ` → `cs`), or `fallback` when none of them is asked for.
 */
export function negotiateLocale(
  header: string | undefined | null,
  supported: readonly Locale[] = locales,
  fallback: Locale = 'en',
): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base) && supported.includes(base)) return base;
  }
  return fallback;
}
