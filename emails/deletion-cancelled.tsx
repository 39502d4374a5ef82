import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/**
 * Signing in within the grace period cancels a deletion; the person is told, so a sign-in made
 * to fetch one last thing does not silently keep an account they wanted gone.
 */
export function deletionCancelledMail(
  ctx: MailContext,
  d: { name: string; when: string; notMeUrl: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.deletionCancelled.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.deletionCancelled.body', { when: d.when }),
      t('mail.deletionCancelled.again'),
    ],
    action: { label: t('mail.deletionCancelled.action'), url: `${ctx.appUrl}/account/delete` },
    notMeUrl: d.notMeUrl,
  });
}
