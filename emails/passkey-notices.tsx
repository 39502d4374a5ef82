import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/** A passkey was added to or removed from the account; the owner can undo it with "not me". */
export function passkeyNoticeMail(
  ctx: MailContext,
  d: { kind: 'added' | 'removed'; name: string; passkey: string; when: string; notMeUrl: string },
) {
  const t = translator(ctx.locale);
  const added = d.kind === 'added';
  return renderSimpleMessage(ctx, {
    subject: t(added ? 'mail.passkeyAdded.subject' : 'mail.passkeyRemoved.subject'),
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs: [
      t(added ? 'mail.passkeyAdded.body' : 'mail.passkeyRemoved.body', {
        passkey: d.passkey,
        when: d.when,
      }),
      ...(added ? [t('mail.passkeyAdded.notMe')] : []),
    ],
    notMeUrl: d.notMeUrl,
  });
}
