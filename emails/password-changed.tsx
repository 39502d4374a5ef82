import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

export function passwordChangedMail(
  ctx: MailContext,
  d: { name: string; how: 'changed' | 'reset'; notMeUrl: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.passwordChanged.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t(d.how === 'reset' ? 'mail.passwordChanged.bodyReset' : 'mail.passwordChanged.body'),
      t('mail.passwordChanged.sessions'),
    ],
    notMeUrl: d.notMeUrl,
  });
}
