import type { Locale } from './locales';

/** The BCP 47 tag each catalogue formats with: day-month order and 24-hour clocks in all. */
export const tags: Record<Locale, string> = { en: 'en-GB', uk: 'uk-UA', ru: 'ru-RU', cs: 'cs-CZ' };

/**
 * The zone times are shown in when the caller has none better: a person who has not chosen
 * a time zone on the profile page (see src/views/dates.ts), and mail, see UTC, named as such
 * by formatDateTime. A lesson is always shown in its own zone (src/bookings/format.ts).
 */
export const defaultTimeZone = 'UTC';

// Building an Intl formatter costs far more than using one (a page with two dates spent ~6 %
// of its CPU constructing them), so each (language, options, zone) gets one, kept for good:
// the keys are bounded by four languages × a few option sets × the zones in use.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A shared Intl.DateTimeFormat; throws like the constructor for an unknown zone. */
export function dateTimeFormat(
  tag: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) dateTimeFormats.set(key, (f = new Intl.DateTimeFormat(tag, options)));
  return f;
}

/** A shared Intl.NumberFormat; throws like the constructor for an unknown currency. */
export function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(tag, options)));
  return f;
}

/** The year word Intl abbreviates at the end of a long date, and how it is spelt out. */
const yearInFull: Partial<Record<Locale, [RegExp, string]>> = {
  uk: [/(\s)р\.$/u, '$1року'],
  ru: [/(\s)г\.$/u, '$1года'],
};

/**
 * "25 November 2026" / "25 листопада 2026 року" / "25 ноября 2026 года" / "25. listopadu 2026":
 * a calendar day, in the reader's language. Ukrainian and Russian spell out the "р."/"г." that
 * Intl abbreviates: dates end sentences ("…буде видалено {date}."), and an abbreviation's full
 * stop and the sentence's made "р.." there.
 */
export function formatDate(date: Date, locale: Locale, timeZone = defaultTimeZone) {
  const text = dateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }).format(date);
  const full = yearInFull[locale];
  return full ? text.replace(full[0], full[1]) : text;
}

/**
 * "25 Nov 2026, 14:05 UTC" / "25 лист. 2026 р., 14:05 UTC": a moment, with the zone's name,
 * so nobody has to guess which clock is meant.
 */
export function formatDateTime(date: Date, locale: Locale, timeZone = defaultTimeZone) {
  return dateTimeFormat(tags[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** "1,250.50" / "1 250,50": a plain number as the reader's language writes it. */
export function formatNumber(
  value: number,
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
) {
  return numberFormat(tags[locale], options).format(value);
}

/** "UAH 1,250.50" / "1 250,50 грн": an amount of money in its currency. */
export function formatAmount(amount: number | string, currency: string, locale: Locale) {
  return formatNumber(Number(amount), locale, { style: 'currency', currency });
}
