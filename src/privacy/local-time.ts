import { offsetMinutes } from '../i18n/time';
import { dateTimeFormat } from '../i18n/format';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const fields = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

/** The wall clock in `timeZone` at `date`, as numbers, read from Intl (which knows the zone's rules). */
function wallClock(date: Date, timeZone: string) {
  const parts = dateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(date);
  const [year, month, day, hour, minute, second] = fields.map((type) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0),
  ) as [number, number, number, number, number, number];
  return { year, month, day, hour, minute, second };
}

/**
 * "2026-12-18 10:00 +02:00": a moment on the person's own clock, with that clock's offset from
 * UTC on that day (so summer and winter time are both right), in an ISO-like order that sorts
 * as text and that nobody can read in the wrong zone.
 */
export function localTime(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  // The zone's own rule, not arithmetic on Date.UTC (which reads years 0–99 as 1900–1999).
  const offset = Math.round(offsetMinutes(timeZone, date));
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} ` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
