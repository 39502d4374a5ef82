import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/**
 * Anyone can make us send this to any address, so it carries nothing the registrant typed:
 * not even the name, which spammers fill with their message. The person enters their
 * password on the page the link opens (decision 013).
 */
export function verifyEmailMail(ctx: MailContext, d: { url: string }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.verify.subject', { school: ctx.schoolName }),
    greeting: t('mail.verify.greeting'),
    paragraphs: [t('mail.verify.body'), t('mail.verify.expiry')],
    action: { label: t('mail.verify.action'), url: d.url },
    footer: t('mail.verify.footer'),
  });
}
