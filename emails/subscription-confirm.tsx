import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/** Double opt-in: the link proves that the owner of the address wants the list. */
export function subscriptionConfirmMail(
  ctx: MailContext,
  d: { name: string; listName: string; url: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.subscriptionConfirm.subject', { list: d.listName }),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.subscriptionConfirm.body', { list: d.listName, school: ctx.schoolName }),
      t('mail.subscriptionConfirm.expiry'),
    ],
    action: { label: t('mail.subscriptionConfirm.action'), url: d.url },
    footer: t('mail.subscriptionConfirm.footer'),
  });
}
