import type { SuppressionReason } from '../../../db/schema';
import type { UserRow } from '../../core/users';
import type { T } from '../../i18n';
import { Notice } from '../../views/components';

/**
 * "Mail to your address bounced — check it", while the current address is on the
 * suppression list (the overview's summary query reads it); changing the address (profile)
 * or saying it works again clears it.
 */
export function MailBounceBanner(p: {
  t: T;
  user: Pick<UserRow, 'email'>;
  reason: SuppressionReason | null;
  reconfirmed: boolean;
}) {
  const { t } = p;
  if (p.reconfirmed) return <Notice kind="success">{t('delivery.banner.cleared')}</Notice>;
  if (!p.reason) return null;
  return (
    <section class="notice notice-error" aria-labelledby="mail-bounce-h" id="mail-bounce">
      <h2 id="mail-bounce-h">{t(`delivery.banner.${p.reason}.title`)}</h2>
      <p>{t(`delivery.banner.${p.reason}.body`, { email: p.user.email })}</p>
      <form method="post" action="/account/mail-address/reconfirm" class="actions">
        <button type="submit" class="button small">
          {t('delivery.banner.reconfirm')}
        </button>
        <a href="/account/security#email">{t('delivery.banner.change')}</a>
      </form>
    </section>
  );
}
