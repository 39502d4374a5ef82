import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { bom, csvField, csvRecord } from './csv';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('writes ISO dates, JSON objects, empty nulls and CRLF records', () => {
    const line = csvRecord([
      new Date('2026-01-02T03:04:05.678Z'),
      { a: 1 },
      null,
      undefined,
      true,
      12.5,
    ]);
    expect(line).toBe('2026-01-02T03:04:05.678Z,"{""a"":1}",,,true,12.5\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas, but not phone numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+380 44 123 4567')).toBe('+380 44 123 4567');
    expect(csvField('-12.50')).toBe('-12.50');
  });

  it('round-trips through a real CSV parser, Cyrillic and all', () => {
    const rows = [
      ['name', 'goals'],
      ['Олена Коваль', 'Говорити, "вільно"\nна роботі'],
      ['Taras', ''],
    ];
    const text = bom + rows.map(csvRecord).join('');
    expect(parse(text, { bom: true })).toEqual(rows);
  });
});
