import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/** After "Delete my account" (or the inactivity rule): when it happens and how to stop it. */
export function deletionScheduledMail(
  ctx: MailContext,
  d: { name: string; date: string; cancelUrl: string; reason: 'self-service' | 'inactivity' },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.deletionScheduled.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t(
        d.reason === 'inactivity'
          ? 'mail.deletionScheduled.inactive'
          : 'mail.deletionScheduled.body',
        { date: d.date },
      ),
      t('mail.deletionScheduled.cancel'),
    ],
    action: { label: t('mail.deletionScheduled.action'), url: d.cancelUrl },
  });
}
