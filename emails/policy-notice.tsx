import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/**
 * Sent to every active person when a new privacy policy version is published, at least
 * POLICY_NOTICE_DAYS before it takes effect. No name, so one rendering per locale serves all.
 */
export function policyNoticeMail(
  ctx: MailContext,
  d: { version: string; date: string; summary: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.policyNotice.subject', { date: d.date }),
    paragraphs: [
      t('mail.policyNotice.body', { version: d.version, date: d.date }),
      t('mail.policyNotice.summary', { summary: d.summary }),
      t('mail.policyNotice.after'),
    ],
    action: {
      label: t('mail.policyNotice.action'),
      url: `${ctx.appUrl}/privacy?version=${encodeURIComponent(d.version)}`,
    },
  });
}
