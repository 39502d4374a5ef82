import type { Locale } from '../i18n';
import { dateTimeFormat, formatDate, numberFormat, tags } from '../i18n/format';

/**
 * "Sunday, 29 March 2026, 10:00–11:00 GMT+3": always in the booking's own zone (where the
 * lesson happens), with the zone's name, so nobody has to guess which clock is meant.
 */
export function formatBookingTime(
  locale: Locale,
  startsAt: Date,
  endsAt: Date,
  timeZone: string,
): string {
  return dateTimeFormat(tags[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).formatRange(startsAt, endsAt);
}

/** "1 250,50 ₴" / "UAH 1,250.50": the amount as the reader's locale writes money. */
export function formatMoney(locale: Locale, amount: string, currency: string): string {
  // The amount has at most 12 digits, all exact in a double.
  return numberFormat(tags[locale], { style: 'currency', currency }).format(Number(amount));
}

/** A payment date: the day it was paid, as the school recorded it. */
export function formatPaidAt(locale: Locale, paidAt: Date): string {
  return formatDate(paidAt, locale, 'UTC');
}
