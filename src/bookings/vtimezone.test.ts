import { describe, expect, it } from 'vitest';
import { buildVtimezone, findTransitions, formatUtcOffset } from './vtimezone';

describe('findTransitions', () => {
  it('finds the 2026 European switches to the millisecond', () => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    for (const zone of ['Europe/Kyiv', 'Europe/Prague']) {
      const found = findTransitions(zone, from, to).map((t) => new Date(t.at).toISOString());
      expect(found, zone).toEqual(['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']);
    }
    expect(findTransitions('Europe/Kyiv', from, to).map((t) => [t.from, t.to])).toEqual([
      [120, 180],
      [180, 120],
    ]);
  });

  it('finds none where the clocks never change', () => {
    expect(findTransitions('Asia/Tokyo', Date.UTC(2025, 0, 1), Date.UTC(2028, 0, 1))).toEqual([]);
  });
});

describe('buildVtimezone', () => {
  it('writes each onset in the local time before it', () => {
    const kyiv = buildVtimezone(
      'Europe/Kyiv',
      new Date('2026-06-01T00:00Z'),
      new Date('2026-06-01T01:00Z'),
    );
    expect(kyiv).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300',
    );
    expect(kyiv).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20261025T040000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200',
    );
    const prague = buildVtimezone(
      'Europe/Prague',
      new Date('2026-06-01T00:00Z'),
      new Date('2026-06-01T01:00Z'),
    );
    expect(prague).toContain('DTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    expect(prague).toContain('DTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
    expect(prague.startsWith('BEGIN:VTIMEZONE\r\nTZID:Europe/Prague\r\n')).toBe(true);
  });

  it('has a single observance for a zone without DST', () => {
    const tokyo = buildVtimezone(
      'Asia/Tokyo',
      new Date('2026-06-01T00:00Z'),
      new Date('2026-06-01T01:00Z'),
    );
    expect(tokyo.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(tokyo).toContain('TZOFFSETTO:+0900');
  });

  it('formats offsets as RFC 5545 UTC-OFFSET', () => {
    expect([
      formatUtcOffset(120),
      formatUtcOffset(-210),
      formatUtcOffset(330),
      formatUtcOffset(0),
    ]).toEqual(['+0200', '-0330', '+0530', '+0000']);
  });
});
