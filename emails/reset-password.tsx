import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

export function resetPasswordMail(ctx: MailContext, d: { name: string; url: string }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.reset.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.reset.body'), t('mail.reset.expiry'), t('mail.reset.ignore')],
    action: { label: t('mail.reset.action'), url: d.url },
  });
}
