import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/** Sent instead of revealing, to whoever registered, that the address already has an account. */
export function alreadyRegisteredMail(ctx: MailContext, d: { name: string; resetUrl: string }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.alreadyRegistered.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.alreadyRegistered.body'), t('mail.alreadyRegistered.ignore')],
    action: { label: t('mail.alreadyRegistered.action'), url: d.resetUrl },
  });
}
