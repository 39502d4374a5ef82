import type { Locale } from './index';

export const tags: Record<Locale, string> = { en: 'en-GB', uk: 'uk-UA' };

export function formatDate(date: Date, locale: Locale, timeZone = 'UTC') {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }).format(date);
}

export function formatDateTime(date: Date, locale: Locale, timeZone = 'UTC') {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
