import { z } from '@hono/zod-openapi';
import { listSlugPattern } from './lists';
import type { AnnouncementContent } from './render-announcement';

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

/** The text per locale: the main text is `en`, the fallback for everyone without a translation. */
export const announcementContent = (input: AnnouncementInput): AnnouncementContent => ({
  en: { subject: input.subject, body: input.body },
  ...(input.translations?.uk ? { uk: input.translations.uk } : {}),
});
