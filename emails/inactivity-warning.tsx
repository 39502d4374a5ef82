import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/** 30 days before an unused account is deleted: signing in keeps it. */
export function inactivityWarningMail(ctx: MailContext, d: { name: string; date: string }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.inactivity.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.inactivity.body', { date: d.date }), t('mail.inactivity.keep')],
    action: { label: t('mail.inactivity.action'), url: `${ctx.appUrl}/login` },
  });
}
