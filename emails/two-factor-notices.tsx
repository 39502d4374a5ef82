import { translator } from '../src/i18n';
import { renderSimpleMessage, type MailContext } from './layout';

export type TwoFactorNotice =
  | { kind: 'enabled' }
  | { kind: 'disabled' }
  | { kind: 'recovery-codes-regenerated' }
  | { kind: 'recovery-code-used'; left: number };

/** Two-step sign-in changed, or a recovery code was used; every one carries "not me". */
export function twoFactorNoticeMail(
  ctx: MailContext,
  d: { name: string; when: string; notMeUrl: string; notice: TwoFactorNotice },
) {
  const t = translator(ctx.locale);
  const n = d.notice;
  const subject =
    n.kind === 'enabled'
      ? t('mail.twoFactorEnabled.subject')
      : n.kind === 'disabled'
        ? t('mail.twoFactorDisabled.subject')
        : n.kind === 'recovery-codes-regenerated'
          ? t('mail.recoveryCodesNew.subject')
          : t('mail.recoveryCodeUsed.subject');
  const paragraphs =
    n.kind === 'enabled'
      ? [t('mail.twoFactorEnabled.body', { when: d.when })]
      : n.kind === 'disabled'
        ? [t('mail.twoFactorDisabled.body', { when: d.when })]
        : n.kind === 'recovery-codes-regenerated'
          ? [t('mail.recoveryCodesNew.body', { when: d.when })]
          : [
              t('mail.recoveryCodeUsed.body', { when: d.when }),
              n.left > 0
                ? t('mail.recoveryCodeUsed.left', { count: n.left })
                : t('mail.recoveryCodeUsed.none'),
            ];
  return renderSimpleMessage(ctx, {
    subject,
    greeting: t('mail.greeting', { name: d.name }),
    paragraphs,
    notMeUrl: d.notMeUrl,
  });
}
