import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

export function newSignInMail(
  ctx: MailContext,
  d: { name: string; when: string; ip: string; device: string; notMeUrl: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.newSignIn.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t('mail.newSignIn.body'),
      t('mail.newSignIn.details', { when: d.when, ip: d.ip, device: d.device }),
    ],
    notMeUrl: d.notMeUrl,
  });
}

export function lockoutMail(
  ctx: MailContext,
  d: { name: string; minutes: number; resetUrl: string; notMeUrl: string },
) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.lockout.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.lockout.body', { minutes: d.minutes }), t('mail.lockout.reset')],
    action: { label: t('mail.reset.action'), url: d.resetUrl },
    notMeUrl: d.notMeUrl,
  });
}

export function notMeDoneMail(ctx: MailContext, d: { name: string; resetUrl: string }) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.notMeDone.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [t('mail.notMeDone.body')],
    action: { label: t('mail.reset.action'), url: d.resetUrl },
  });
}
