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
    translations: z.strictObject({ uk: z.strictObject({ subject, body }).optional() }).optional(),
  })
  .openapi('AnnouncementInput');

export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

/**
 * The staff page's form, as strings; messages are catalogue keys shown next to the fields.
 * It turns into the same input the API takes, so both paths send alike.
 */
export const announcementFormSchema = z
  .object({
    list: z.string().min(1, 'form.required').max(50),
    subject: z.string().trim().min(1, 'form.required').max(200),
    body: z.string().trim().min(1, 'form.required').max(20_000),
    ukSubject: z.string().trim().max(200).default(''),
    ukBody: z.string().trim().max(20_000).default(''),
  })
  .refine((v) => !v.ukSubject === !v.ukBody, { message: 'announce.error.translation' })
  .transform((v): AnnouncementInput => ({
    list: v.list,
    subject: v.subject,
    body: v.body,
    ...(v.ukSubject ? { translations: { uk: { subject: v.ukSubject, body: v.ukBody } } } : {}),
  }));

export const announcementFormFields = ['list', 'subject', 'body', 'ukSubject', 'ukBody'] as const;
