import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/** To the new address: prove you own it. */
export function confirmEmailChangeMail(ctx: MailContext, d: { name: string; url: string }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.emailChange.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.emailChange.body'), t('mail.emailChange.ignore')],
    action: { label: t('mail.emailChange.action'), url: d.url },
  });
}

/** To the new address when it already has an account: says so without telling the requester. */
export function emailChangeTakenMail(ctx: MailContext) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.emailChange.subject'),
    paragraphs: [t('mail.emailChangeTaken.body'), t('mail.emailChange.ignore')],
  });
}

/** To the old address after the change: the owner can undo an account takeover from here. */
export function emailChangedMail(
  ctx: MailContext,
  d: { name: string; newEmail: string; notMeUrl: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.emailChanged.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.emailChanged.body', { email: d.newEmail })],
    notMeUrl: d.notMeUrl,
  });
}
