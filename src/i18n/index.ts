import { en, type MessageKey } from './en';
import { uk } from './uk';

export const locales = ['en', 'uk'] as const;
export type Locale = (typeof locales)[number];
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, uk };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Looks up a message and fills `{name}` placeholders. Values are plain text; JSX escapes them. */
/** A stored or requested language, or English when it is not one of ours. */
export function localeOr(value: unknown): Locale {
  return isLocale(value) ? value : 'en';
}

export function t(
  locale: Locale,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const template = catalogues[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/** A translator bound to one locale, for views and mail templates. */
export const translator =
  (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) =>
    t(locale, key, params);
export type T = ReturnType<typeof translator>;

/** Picks the best supported locale from an Accept-Language header (q-values respected). */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return 'en';
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
    if (isLocale(base)) return base;
  }
  return 'en';
}
