import { isValidTimeZone } from './time';
import { defaultTimeZone } from './format';

/**
 * The zone a person's pages and mails show times in: their own (set on the profile page),
 * else UTC, which formatDateTime names. A stored zone the runtime no longer knows falls back
 * to UTC rather than failing a page or a mail.
 */
export function personTimeZone(person: { timeZone?: string | null } | null | undefined): string {
  const zone = person?.timeZone;
  return zone && isValidTimeZone(zone) ? zone : defaultTimeZone;
}
