import { tp, type Locale, type MessageKey, type translator } from '../i18n';
import { en } from '../i18n/en';
import { dateTimeFormat, formatDate, tags } from '../i18n/format';
import type { PageDates } from './dates';

/** Known actions get a sentence; a new action still shows, by its name, until it has one. */
export const activityLabel = (t: ReturnType<typeof translator>, action: string) =>
  `activity.${action}` in en ? t(`activity.${action}` as MessageKey) : action;

/** One entry standing for several events (a staff member's visit to a card, see recordView). */
export type Repeats = { count: number; firstAt: Date; lastAt: Date };

/** The count and times folded into an event's details; null for an event that happened once. */
export function repeatsOf(details: Record<string, unknown> | null): Repeats | null {
  const count = Number(details?.count);
  if (!Number.isInteger(count) || count < 2) return null;
  const firstAt = new Date(String(details?.firstAt));
  const lastAt = new Date(String(details?.lastAt));
  if (Number.isNaN(firstAt.getTime()) || Number.isNaN(lastAt.getTime())) return null;
  return { count, firstAt, lastAt };
}

/**
 * "15 times between 10:02 and 10:04" / "15 разів між 10:02 і 10:04", in the reader's zone:
 * times alone within one day, dates too when the visit crossed midnight.
 */
export function repeatsLabel(
  t: ReturnType<typeof translator>,
  locale: Locale,
  dates: PageDates,
  r: Repeats,
) {
  const sameDay =
    formatDate(r.firstAt, locale, dates.zone) === formatDate(r.lastAt, locale, dates.zone);
  const time = (d: Date) =>
    sameDay
      ? dateTimeFormat(tags[locale], {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: dates.zone,
        }).format(d)
      : dates.dateTime(d);
  return tp(locale, 'activity.repeated', r.count, {
    first: time(r.firstAt),
    last: time(r.lastAt),
  });
}

/** An activity entry's words, with " — 15 times between …" when it stands for a visit. */
export function activityLine(
  t: ReturnType<typeof translator>,
  locale: Locale,
  dates: PageDates,
  event: { action: string; details?: Record<string, unknown> | null },
) {
  const label = activityLabel(t, event.action);
  const repeats = repeatsOf(event.details ?? null);
  return repeats ? `${label} — ${repeatsLabel(t, locale, dates, repeats)}` : label;
}
