import { isValidTimeZone } from '../i18n/time';

/**
 * The zone a registration form reported (filled in by /assets/browser-time-zone.js): a zone
 * this runtime knows, or null, and the account then shows times in UTC. A made-up or
 * malformed value is not the person's mistake, so it is dropped rather than refused.
 */
export function browserTimeZone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const zone = value.trim();
  return isValidTimeZone(zone) ? zone : null;
}
