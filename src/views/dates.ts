import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { personTimeZone } from '../i18n/time-zone';
import { formatDate, formatDateTime } from '../i18n/format';

/**
 * The zone a page shows times in: the signed-in person's own (set on the profile page), else
 * UTC, which formatDateTime names, so nobody has to guess which clock is meant. A stored zone
 * the runtime no longer knows falls back to UTC rather than failing the page.
 */
export function pageTimeZone(c: Context<AppEnv>): string {
  return personTimeZone(c.get('auth')?.user);
}

export type PageDates = { zone: string; date(d: Date): string; dateTime(d: Date): string };

/** Date and time formatters bound to the page's language and the reader's time zone. */
export function pageDates(c: Context<AppEnv>, zone = pageTimeZone(c)): PageDates {
  const locale = c.get('locale');
  return {
    zone,
    date: (d) => formatDate(d, locale, zone),
    dateTime: (d) => formatDateTime(d, locale, zone),
  };
}
