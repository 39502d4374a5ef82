/**
 * The languages the product speaks, and each one's own name. Kept free of imports so the
 * configuration (the bottom layer) can check SUPPORTED_LOCALES and DEFAULT_LOCALE against it.
 */
export const locales = ['en', 'uk', 'ru', 'cs'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Each language by its own name, as the switcher, the profile and staff show it. */
export const languageNames: Record<Locale, string> = {
  en: 'English',
  uk: 'Українська',
  ru: 'Русский',
  cs: 'Čeština',
};
