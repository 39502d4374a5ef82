import { z } from '@hono/zod-openapi';
import { locales } from '../i18n';
import { isValidTimeZone } from '../i18n/time';
import { personNameSchema } from '../core/me';

/** Free text: no control characters (they break CSV exports and mail headers). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(
      (s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
      'Contains characters that are not allowed',
    );

export const timeZoneMessage = 'Use an IANA time zone name, e.g. Europe/Kyiv';

/**
 * The zone the person's pages show times in. The shape (a string of at most 64 characters)
 * is `timeZoneShape`; whether the runtime knows the zone is the refinement. Empty or null
 * clears it: times then show in UTC, labelled as such.
 */
export const timeZoneShape = z.string().trim().max(64);
const timeZoneField = timeZoneShape.refine((s) => s === '' || isValidTimeZone(s), timeZoneMessage);

/** A profile edit, from the API's JSON body or the profile page's form alike. */
export const profileSchema = z.strictObject({
  name: personNameSchema.optional(),
  phone: text(32)
    .refine(
      (s) => s === '' || /^\+?[0-9 ()\-.]{5,32}$/.test(s),
      'Enter a phone number such as +380 44 123 4567',
    )
    .nullable()
    .optional(),
  videoHandle: text(100).nullable().optional(),
  goals: text(2000).nullable().optional(),
  locale: z.enum(locales).optional(),
  timeZone: timeZoneField.nullable().optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;
