import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

export function verifyEmailMail(ctx: MailContext, d: { name: string; url: string }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.verify.subject', { school: ctx.schoolName }),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.verify.body'), t('mail.verify.expiry')],
    action: { label: t('mail.verify.action'), url: d.url },
    footer: t('mail.verify.footer'),
  });
}
