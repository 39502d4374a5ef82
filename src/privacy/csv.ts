/** UTF-8 byte-order mark: tells spreadsheet programs the file is UTF-8, so Cyrillic shows right. */
export const bom = '\uFEFF';

// A cell a spreadsheet would run as a formula (=HYPERLINK(…), @SUM…) gets a leading apostrophe
// (OWASP "CSV injection"); plain numbers and phone numbers like +380 44 … are left alone.
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?[\d\s().,-]*$/;

/** Text of one cell: ISO dates, JSON for objects, nothing for null. */
export function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  switch (typeof value) {
    case 'undefined':
      return '';
    case 'object':
      return value === null ? '' : JSON.stringify(value);
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
    case 'symbol':
    case 'function':
      return String(value);
  }
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: unknown): string {
  let s = cellText(value);
  if (formulaStart.test(s) && !plainNumber.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
