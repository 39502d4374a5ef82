import { z } from '@hono/zod-openapi';
import type { AnnouncementInput } from './announcement-input';

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
