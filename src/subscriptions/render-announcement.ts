import type { Deps } from '../deps';
import type { Locale } from '../i18n';
import { mailContext } from '../mail/queue';
import { announcementMail } from '../../emails/announcement';
import type { RenderedMail } from '../../emails/layout';
import { localized } from './lists';
import type { AnnouncementInput } from './schemas';

export type AnnouncementContent = { en: { subject: string; body: string } } & Partial<
  Record<Locale, { subject: string; body: string }>
>;

/** The text per locale: the main text is `en`, the fallback for everyone without a translation. */
export const announcementContent = (input: AnnouncementInput): AnnouncementContent => ({
  en: { subject: input.subject, body: input.body },
  ...(input.translations?.uk ? { uk: input.translations.uk } : {}),
  ...(input.translations?.ru ? { ru: input.translations.ru } : {}),
  ...(input.translations?.cs ? { cs: input.translations.cs } : {}),
});

/** The announcement once per locale it was written in, with `unsubscribeUrl` in the footer. */
export function renderAnnouncement(
  deps: Pick<Deps, 'config'>,
  a: { content: AnnouncementContent; listNames: Record<string, string> },
  unsubscribeUrl: string,
): { locale: Locale; mail: RenderedMail }[] {
  return Object.entries(a.content).map(([locale, c]) => {
    const ctx = mailContext(deps, locale);
    const mail = announcementMail(ctx, {
      subject: c.subject,
      body: c.body,
      listName: localized(a.listNames, ctx.locale),
      unsubscribeUrl,
      manageUrl: `${deps.config.appUrl}/account/subscriptions`,
    });
    return { locale: ctx.locale, mail };
  });
}
