import { z } from '@hono/zod-openapi';
import { formErrors } from '../../http/forms';
import type { T } from '../../i18n';
import { translateError } from '../../views/translate-error';
import { currencySchema, readTypedAmount, type InputError } from '../../bookings';
import { isValidTimeZone } from '../../i18n/time';
import type { FormErrors, FormValues } from '../views/booking-forms';

/**
 * The staff forms, parsed with zod like the API, but with catalogue keys as messages so the
 * page shows them in the reader's language. Times come from datetime-local inputs: wall-clock
 * time in the zone typed next to them.
 */
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'staff.error.invalid-time');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null);

export const bookingForm = z.object({
  title: z.string().trim().min(1, 'form.required').max(200),
  startsAt: localDateTime,
  endsAt: localDateTime,
  timeZone: z.string().trim().refine(isValidTimeZone, 'staff.error.timeZone'),
  location: optionalText(300),
  notes: optionalText(2000),
});

export const paymentForm = z.object({
  /** As typed: "1 200,50" and "1200.50" alike (see readTypedAmount); a decimal string out. */
  amount: z.string().transform((v, ctx) => {
    const typed = readTypedAmount(v);
    if (typed.ok) return typed.amount;
    const message =
      typed.reason === 'unclear' ? 'staff.error.amount-unclear' : 'staff.error.amount';
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }),
  currency: z.string().trim().toUpperCase().pipe(currencySchema),
  description: z.string().trim().min(1, 'form.required').max(500),
  paidAt: z.iso.date('staff.error.date'),
  bookingId: z
    .string()
    .transform((v) => v || undefined)
    .pipe(z.uuid().optional()),
});

export const bookingFields = [
  'title',
  'startsAt',
  'endsAt',
  'timeZone',
  'location',
  'notes',
] as const;
export const paymentFields = ['amount', 'currency', 'description', 'paidAt', 'bookingId'] as const;

/** Only the named fields, each a string (a missing one is empty), for parsing and re-showing. */
export function pick(form: Record<string, string>, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((n) => [n, (form[n] ?? '').slice(0, 4000)]));
}

/** zod's field errors in the reader's language; the currency gets one clear sentence. */
export function translatedZodErrors(t: T, error: z.ZodError): FormErrors {
  const out: FormErrors = {};
  for (const [field, message] of Object.entries(formErrors(error))) {
    out[field] = field === 'currency' ? t('staff.error.currency') : translateError(t, message);
  }
  return out;
}

/** A service's refusal, field by field, in the reader's language. */
export function translatedInputErrors(t: T, errors: InputError[], timeZone: string): FormErrors {
  return Object.fromEntries(
    errors.map((e) => [
      e.path === 'userId' ? '_' : e.path,
      t(`staff.error.${e.code}`, { zone: timeZone }),
    ]),
  );
}
