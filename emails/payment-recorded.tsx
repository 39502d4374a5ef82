import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

export function paymentRecordedMail(
  ctx: MailContext,
  d: { name: string; amount: string; description: string; paidOn: string; url: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.payment.subject', { amount: d.amount }),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.payment.body', { amount: d.amount, date: d.paidOn }),
      t('mail.payment.for', { description: d.description }),
      t('mail.payment.noCard'),
    ],
    action: { label: t('mail.payment.action'), url: d.url },
  });
}
