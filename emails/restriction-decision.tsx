import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/**
 * The school's decision on the person's restriction of processing: kept or lifted, with the
 * reason the admin gave (plain text, escaped like every paragraph), and where to see it.
 */
export function restrictionDecisionMail(
  ctx: MailContext,
  d: { name: string; decision: 'upheld' | 'lifted'; reason: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t(`mail.restrictionDecision.${d.decision}.subject`),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t(`mail.restrictionDecision.${d.decision}.body`, { school: ctx.schoolName }),
      t('mail.restrictionDecision.reason', { reason: d.reason }),
      d.decision === 'upheld'
        ? t('mail.restrictionDecision.upheld.next')
        : t('mail.restrictionDecision.lifted.next'),
    ],
    action: {
      label: t('mail.restrictionDecision.button'),
      url: `${ctx.appUrl}/account/privacy#restriction`,
    },
  });
}
