import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/**
 * Sent once, when the person leaves the last optional list: it confirms that no mailing comes
 * any more and offers the rest of "opting out" (some schools promise that leaving the mailings
 * removes the name and address): deleting the account through the normal deletion.
 */
export function mailingsStoppedMail(ctx: MailContext, d: { name: string; graceDays: number }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.mailingsStopped.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.mailingsStopped.body', { school: ctx.schoolName }),
      t('optOut.offer'),
      d.graceDays > 0
        ? t('optOut.how', { days: t.plural('optOut.how.days', d.graceDays) })
        : t('optOut.howNow'),
    ],
    action: { label: t('optOut.button'), url: `${ctx.appUrl}/account/delete` },
  });
}
