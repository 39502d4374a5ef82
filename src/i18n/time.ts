import { DateTime, IANAZone } from 'luxon';

/**
 * IANA names as people write them ("Europe/Kyiv", "America/Argentina/Buenos_Aires", "UTC").
 * The shape check comes first because Intl also takes offsets ("+02:00") and odd casing,
 * which would make a TZID other calendars cannot match.
 */
const zoneShape = /^(?:UTC|[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z0-9][A-Za-z0-9_+-]*){1,2})$/;

/**
 * True when the runtime's Intl (the same ICU data every page and mail uses) knows the zone under
 * exactly this spelling. Intl ignores case, so "EuRoPe/KyIv" would pass it: a name counts only
 * when it is ICU's own spelling, or a renamed zone's new name written the usual way
 * ("Europe/Kyiv", which this ICU still calls Europe/Kiev).
 */
export function isValidTimeZone(name: string): boolean {
  if (name.length > 64 || !zoneShape.test(name)) return false;
  // Every page asks this of the reader's zone. Only valid names are remembered, and those are
  // a fixed few hundred: a stream of made-up spellings costs a lookup each, never memory.
  if (knownZones.has(name)) return true;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  const ok =
    resolved === name || (resolved.toLowerCase() !== name.toLowerCase() && isUsualSpelling(name));
  if (ok) knownZones.add(name);
  return ok;
}
const knownZones = new Set<string>();

/**
 * An alias as people write it: each word capitalised once ("Europe/Kyiv"), or a short
 * abbreviation ("US/Eastern", "Etc/UTC"), so zones saved before this check still save again.
 */
function isUsualSpelling(name: string) {
  return name.split(/[/_-]/).every((word) => /^(?:[A-Z][a-z]*|[A-Z]{2,3})$/.test(word));
}

/** The zone's offset from UTC, in minutes, at an instant. */
export function offsetMinutes(timeZone: string, at: Date | number): number {
  return IANAZone.create(timeZone).offset(typeof at === 'number' ? at : at.getTime());
}

export type LocalParse =
  { ok: true; date: Date } | { ok: false; reason: 'invalid' | 'nonexistent' };

const dayMs = 86_400_000;

/**
 * Every instant whose wall-clock time in the zone is `wallMs` (a wall time written as if it
 * were UTC), earliest first: none in a spring-forward gap, two in the repeated autumn hour.
 */
function instantsAtWallTime(wallMs: number, timeZone: string): number[] {
  const zone = IANAZone.create(timeZone);
  const offsets = new Set([
    zone.offset(wallMs - dayMs),
    zone.offset(wallMs),
    zone.offset(wallMs + dayMs),
  ]);
  return [...offsets]
    .map((o) => wallMs - o * 60_000)
    .filter((u) => zone.offset(u) * 60_000 === wallMs - u)
    .sort((a, b) => a - b);
}

/**
 * A wall-clock time ("2026-03-29T10:00", what `<input type="datetime-local">` sends) read in
 * an IANA zone. A time skipped by a spring-forward switch does not exist and is refused
 * rather than silently moved; a time repeated in autumn means its first occurrence, which is
 * how RFC 5545 reads a TZID time too, so the form, the pages and the .ics always agree.
 */
export function parseLocalDateTime(local: string, timeZone: string): LocalParse {
  const m = local.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/);
  if (!m) return { ok: false, reason: 'invalid' };
  const [y, mo, d, h, mi, s] = m.slice(1).map<number>((x) => Number(x ?? 0));
  const wallMs = Date.UTC(y!, mo! - 1, d, h, mi, s);
  const wall = new Date(wallMs);
  // Date.UTC rolls 2026-02-30 over to March; a real calendar date reads back unchanged.
  if (
    wall.getUTCMonth() !== mo! - 1 ||
    wall.getUTCDate() !== d! ||
    h! > 23 ||
    mi! > 59 ||
    s! > 59
  ) {
    return { ok: false, reason: 'invalid' };
  }
  const [first] = instantsAtWallTime(wallMs, timeZone);
  return first === undefined
    ? { ok: false, reason: 'nonexistent' }
    : { ok: true, date: new Date(first) };
}

/**
 * False for the one case a TZID wall time cannot express: an instant in the *second* pass
 * through a repeated autumn hour (a reader takes the first). Those get UTC times instead.
 */
export function isExpressibleAsWallTime(date: Date, timeZone: string): boolean {
  const wallMs = date.getTime() + IANAZone.create(timeZone).offset(date.getTime()) * 60_000;
  return instantsAtWallTime(wallMs, timeZone)[0] === date.getTime();
}

/** The inverse, for filling a form: the instant as wall-clock time in the zone. */
export function toLocalInput(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The instant as a Luxon date in the zone: what the iCalendar writer turns into TZID wall time. */
export function inZone(date: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(date, { zone: timeZone });
}
