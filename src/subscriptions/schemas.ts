import { z } from '@hono/zod-openapi';
import { listSlugPattern } from './lists';

const subject = z.string().trim().min(1).max(200);
const body = z.string().trim().min(1).max(20_000);

/**
 * What staff send. The subject may hold anything typed, CR/LF included: it is made safe
 * where the mail is rendered (safeSubject), so no input can add a header.
 */
export const announcementInputSchema = z
  .strictObject({
    list: z.string().max(50).regex(listSlugPattern),
    subject,
    body,
    translations: z
      .strictObject({
        uk: z.strictObject({ subject, body }).optional(),
        ru: z.strictObject({ subject, body }).optional(),
        cs: z.strictObject({ subject, body }).optional(),
      })
      .optional(),
  })
  .openapi('AnnouncementInput');

export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

/** The languages an announcement may carry beside English, each optional. */
export const translationLocales = ['uk', 'ru', 'cs'] as const;
type TranslationLocale = (typeof translationLocales)[number];

const optionalSubject = z.string().trim().max(200).default('');
const optionalBody = z.string().trim().max(20_000).default('');

/** Both fields of a translation or neither; the message names the language. */
const bothOrNeither = (l: TranslationLocale) => (v: Record<string, string>) =>
  !v[`${l}Subject`] === !v[`${l}Body`];
const translationError = {
  uk: 'announce.error.translation',
  ru: 'announce.error.translation.ru',
  cs: 'announce.error.translation.cs',
} as const;

/**
 * The staff page's form, as strings; messages are catalogue keys shown next to the fields.
 * It turns into the same input the API takes, so both paths send alike.
 */
export const announcementFormSchema = z
  .object({
    list: z.string().min(1, 'form.required').max(50),
    subject: z.string().trim().min(1, 'form.required').max(200),
    body: z.string().trim().min(1, 'form.required').max(20_000),
    ukSubject: optionalSubject,
    ukBody: optionalBody,
    ruSubject: optionalSubject,
    ruBody: optionalBody,
    csSubject: optionalSubject,
    csBody: optionalBody,
  })
  .refine(bothOrNeither('uk'), { message: translationError.uk })
  .refine(bothOrNeither('ru'), { message: translationError.ru })
  .refine(bothOrNeither('cs'), { message: translationError.cs })
  .transform((v): AnnouncementInput => {
    const translations = Object.fromEntries(
      translationLocales.flatMap((l) =>
        v[`${l}Subject`] ? [[l, { subject: v[`${l}Subject`], body: v[`${l}Body`] }]] : [],
      ),
    );
    return {
      list: v.list,
      subject: v.subject,
      body: v.body,
      ...(Object.keys(translations).length ? { translations } : {}),
    };
  });

export const announcementFormFields = [
  'list',
  'subject',
  'body',
  ...translationLocales.flatMap((l) => [`${l}Subject`, `${l}Body`] as const),
] as const;
