import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

/**
 * The last mail: no name, no link. Its outbox row keeps no trace of the address once sent
 * (template 'account-deleted').
 */
export function accountDeletedMail(ctx: MailContext) {
  const t = translator(ctx.locale);
  return renderSimpleMessage(ctx, {
    subject: t('mail.accountDeleted.subject'),
    paragraphs: [t('mail.accountDeleted.body'), t('mail.accountDeleted.kept')],
  });
}
