import { describe, expect, it } from 'vitest';
import { isExpressibleAsWallTime, isValidTimeZone, parseLocalDateTime, toLocalInput } from './time';

describe('isValidTimeZone', () => {
  it.each(['Europe/Kyiv', 'Europe/Prague', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT-14'])(
    'accepts %s',
    (z) => {
      expect(isValidTimeZone(z)).toBe(true);
    },
  );
  it.each(['europe/kyiv', '+02:00', 'Mars/Olympus_Mons', '', 'Europe/Kyiv\n', 'EST5EDT '])(
    'refuses %j',
    (z) => {
      expect(isValidTimeZone(z)).toBe(false);
    },
  );
});

// 2026: Europe switches on 29 March and 25 October at 01:00 UTC (Kyiv 03:00→04:00 and 04:00→03:00, Prague 02:00→03:00 and 03:00→02:00).
describe('parseLocalDateTime across the DST switches', () => {
  const at = (local: string, zone: string) => {
    const r = parseLocalDateTime(local, zone);
    return r.ok ? r.date.toISOString() : r.reason;
  };

  it('reads ordinary times on both sides of the March switch', () => {
    expect(at('2026-03-28T10:00', 'Europe/Kyiv')).toBe('2026-03-28T08:00:00.000Z');
    expect(at('2026-03-29T10:00', 'Europe/Kyiv')).toBe('2026-03-29T07:00:00.000Z');
    expect(at('2026-03-28T10:00', 'Europe/Prague')).toBe('2026-03-28T09:00:00.000Z');
    expect(at('2026-03-29T10:00', 'Europe/Prague')).toBe('2026-03-29T08:00:00.000Z');
  });

  it('refuses a time the spring-forward switch skips', () => {
    expect(at('2026-03-29T03:30', 'Europe/Kyiv')).toBe('nonexistent');
    expect(at('2026-03-29T02:30', 'Europe/Prague')).toBe('nonexistent');
    expect(at('2026-03-29T04:00', 'Europe/Kyiv')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a repeated autumn time as its first occurrence, as RFC 5545 does', () => {
    expect(at('2026-10-25T03:30', 'Europe/Kyiv')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25T02:30', 'Europe/Prague')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-26T10:00', 'Europe/Kyiv')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(at('2026-02-30T10:00', 'Europe/Kyiv')).toBe('invalid');
    expect(at('2026-03-01T24:00', 'Europe/Kyiv')).toBe('invalid');
    expect(at('tomorrow', 'Europe/Kyiv')).toBe('invalid');
  });

  it('writes form values back as the same wall time', () => {
    expect(toLocalInput(new Date('2026-10-25T00:30:00Z'), 'Europe/Kyiv')).toBe('2026-10-25T03:30');
  });
});

describe('isExpressibleAsWallTime', () => {
  it('is false only for the second pass through a repeated hour', () => {
    expect(isExpressibleAsWallTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Prague')).toBe(true);
    expect(isExpressibleAsWallTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Prague')).toBe(false);
    expect(isExpressibleAsWallTime(new Date('2026-10-25T02:30:00Z'), 'Europe/Prague')).toBe(true);
    expect(isExpressibleAsWallTime(new Date('2026-07-01T10:00:00Z'), 'UTC')).toBe(true);
  });
});

describe('isValidTimeZone', () => {
  // Intl ignores case: without the spelling check every casing of every zone was a new "valid"
  // name, stored on accounts, written as a calendar TZID and remembered for good.
  it('takes a zone only in its usual spelling', () => {
    for (const ok of [
      'Europe/Kyiv',
      'Europe/Kiev',
      'UTC',
      'America/Argentina/Buenos_Aires',
      'America/New_York',
      'US/Eastern',
      'Etc/UTC',
      'Asia/Kolkata',
    ])
      expect(isValidTimeZone(ok), ok).toBe(true);
    for (const bad of [
      'EuRoPe/KyIv',
      'europe/kyiv',
      'EUROPE/KYIV',
      'America/NEW_YORK',
      'Europe/Nowhere',
      '+02:00',
    ])
      expect(isValidTimeZone(bad), bad).toBe(false);
  });
});
