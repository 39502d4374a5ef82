import { z } from '@hono/zod-openapi';
import { isValidTimeZone, parseLocalDateTime } from '../i18n/time';

/**
 * Input shapes shared by the JSON API and the staff forms. Whether a time exists in its
 * zone, or ends after it starts, depends on the booking as stored, so the services check
 * that and answer with field errors as values.
 */

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'Use an IANA time zone name, e.g. Europe/Kyiv')
  .openapi({ example: 'Europe/Kyiv' });

/** An instant with an offset ("2026-03-29T07:00:00Z"), or wall-clock time read in the booking's zone. */
export const dateTimeInputSchema = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/,
    'Use ISO 8601: 2026-03-29T10:00 (in the booking’s time zone) or 2026-03-29T07:00:00Z',
  )
  .openapi({ example: '2026-03-29T10:00' });

export const bookingTextSchemas = {
  title: z.string().trim().min(1).max(200),
  location: z.string().trim().max(300).nullable(),
  notes: z.string().trim().max(2000).nullable(),
};

export const createBookingSchema = z.strictObject({
  userId: z.uuid(),
  title: bookingTextSchemas.title,
  startsAt: dateTimeInputSchema,
  endsAt: dateTimeInputSchema,
  timeZone: timeZoneSchema,
  location: bookingTextSchemas.location.optional(),
  notes: bookingTextSchemas.notes
    .optional()
    .openapi({ description: 'Shown to the student in the confirmation' }),
});

export const updateBookingSchema = z
  .strictObject({
    title: bookingTextSchemas.title.optional(),
    startsAt: dateTimeInputSchema.optional(),
    endsAt: dateTimeInputSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    location: bookingTextSchemas.location.optional(),
    notes: bookingTextSchemas.notes.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Change at least one field');

export type BookingChanges = z.infer<typeof updateBookingSchema>;

/** Why a booking or payment was refused, as a code: the API words it in English, pages in the reader's language. */
export type InputErrorCode =
  | 'invalid-time'
  | 'nonexistent'
  | 'order'
  | 'too-long'
  | 'range'
  | 'not-own-booking'
  | 'future'
  | 'no-person';
export type InputError = { path: string; code: InputErrorCode };

export const inputErrorMessages: Record<InputErrorCode, string> = {
  'invalid-time': 'Not a real date and time',
  nonexistent: 'This time does not exist in the booking’s time zone (the clocks go forward then)',
  order: 'Must be after the start',
  'too-long': 'At most 24 hours after the start',
  range: 'Between the years 2000 and 2100',
  'not-own-booking': 'Not a booking of this person',
  future: 'Cannot be in the future',
  'no-person': 'No such person',
};

export type Resolved =
  { ok: true; date: Date } | { ok: false; code: 'invalid-time' | 'nonexistent' };

/** Reads a validated date-time input: an offset means an instant, none means the zone's wall clock. */
export function resolveDateTime(value: string, timeZone: string): Resolved {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? { ok: false, code: 'invalid-time' } : { ok: true, date };
  }
  const local = parseLocalDateTime(value.replace(/\.\d+$/, ''), timeZone);
  if (local.ok) return local;
  return { ok: false, code: local.reason === 'nonexistent' ? 'nonexistent' : 'invalid-time' };
}

/** Amounts are decimal strings with at most two decimals; a number is taken as it prints. */
export const amountSchema = z
  .union([z.string().max(20), z.number()])
  .refine(
    (v) => /^\d{1,10}(\.\d{1,2})?$/.test(String(v)) && Number(v) > 0,
    'A positive amount with at most two decimals, e.g. "450.00"',
  )
  .openapi({
    example: '450.00',
    description:
      'A decimal point and no thousands separators. (The staff pages also read what people type, e.g. "1 200,50"; the API does not guess.)',
  });

/** "12.5" → "12.50": the form the numeric(12,2) column stores and the API returns. */
export function normalizeAmount(v: string | number): string {
  const [whole, fraction = ''] = String(v).split('.');
  return `${BigInt(whole!)}.${fraction.padEnd(2, '0')}`;
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'An ISO 4217 code in capitals, e.g. UAH')
  .refine((v) => currencies.has(v), 'Not an ISO 4217 currency code')
  .openapi({ example: 'UAH', maxLength: 3 });

/** A calendar date ("2026-11-25") or an instant with an offset. */
export const paidAtSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true }).max(64)])
  .openapi({ example: '2026-11-25' });

/**
 * A date alone is stored at 12:00 UTC, so it shows as the same day in every zone from
 * UTC−11 to UTC+11, which is every zone our schools and their students are in.
 */
export const readPaidAt = (v: string) =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T12:00:00Z` : v);

export const recordPaymentSchema = z.strictObject({
  userId: z.uuid(),
  amount: amountSchema,
  currency: currencySchema,
  description: z.string().trim().min(1).max(500),
  paidAt: paidAtSchema,
  bookingId: z.uuid().optional(),
});
