import { IANAZone } from 'luxon';

const dayMs = 86_400_000;

export type Transition = { at: number; from: number; to: number };

/**
 * Every offset change of `timeZone` between two instants, found with the runtime's Intl
 * data (ICU): a day-by-day scan, then a binary search to the millisecond of each switch.
 * No bundled tz database, so the definitions never lag behind the times pages show.
 */
export function findTransitions(timeZone: string, fromMs: number, toMs: number): Transition[] {
  const zone = IANAZone.create(timeZone);
  const out: Transition[] = [];
  let prevAt = fromMs;
  let prevOffset = zone.offset(fromMs);
  for (let t = fromMs + dayMs; prevAt < toMs; t += dayMs) {
    const at = Math.min(t, toMs);
    const offset = zone.offset(at);
    if (offset !== prevOffset) {
      let lo = prevAt;
      let hi = at;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zone.offset(mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: prevOffset, to: zone.offset(hi) });
    }
    prevAt = at;
    prevOffset = offset;
  }
  return out;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** "+0300", "-0330": the UTC-OFFSET value type of RFC 5545. */
export function formatUtcOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}${pad(minutes % 60)}`;
}

/** An instant as local DATE-TIME ("20260329T030000") in a fixed offset. */
function localStamp(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

function observance(
  zone: IANAZone,
  kind: 'STANDARD' | 'DAYLIGHT',
  at: number,
  from: number,
  to: number,
) {
  return [
    `BEGIN:${kind}`,
    // RFC 5545 §3.6.5: the onset is local time in the offset in force *before* it.
    `DTSTART:${localStamp(at, from)}`,
    `TZOFFSETFROM:${formatUtcOffset(from)}`,
    `TZOFFSETTO:${formatUtcOffset(to)}`,
    `TZNAME:${zone.offsetName(at, { format: 'short', locale: 'en-US' }) ?? formatUtcOffset(to)}`,
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE for `timeZone` that is exact from a year before `from` to a year after `to`:
 * one observance for the offset in force at the start, then one per switch, each with its
 * own DTSTART and no RRULE (allowed by RFC 5545, and never wrong when a country changes its
 * rules, which a recurrence rule guessed from one year would be).
 */
export function buildVtimezone(timeZone: string, from: Date, to: Date): string {
  const zone = IANAZone.create(timeZone);
  const start = from.getTime() - 366 * dayMs;
  const end = to.getTime() + 366 * dayMs;
  const transitions = findTransitions(timeZone, start, end);
  const initial = zone.offset(start);
  // Summer time is the larger of the two offsets a switch moves between.
  const initialKind = transitions[0] && transitions[0].to < initial ? 'DAYLIGHT' : 'STANDARD';
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    `X-LIC-LOCATION:${timeZone}`,
    ...observance(zone, initialKind, start, initial, initial),
    ...transitions.flatMap((t) =>
      observance(zone, t.to > t.from ? 'DAYLIGHT' : 'STANDARD', t.at, t.from, t.to),
    ),
    'END:VTIMEZONE',
  ];
  return lines.join('\r\n');
}
