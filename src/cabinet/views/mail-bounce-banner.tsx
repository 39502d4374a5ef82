import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { suppressionOf } from '../../mail/suppressions';
import { Notice } from '../../views/components';

/**
 * "Mail to your address bounced — check it", while the current address is on the
 * suppression list; changing the address (profile) or saying it works again clears it.
 * Reads its own row so the overview page needs no other change.
 */
export async function MailBounceBanner({ c }: { c: Context<AppEnv> }) {
  const auth = c.get('auth');
  if (!auth) return null;
  const t = translator(c.get('locale'));
  if (c.req.query('notice') === 'mail-reconfirmed') {
    return <Notice kind="success">{t('delivery.banner.cleared')}</Notice>;
  }
  const suppression = await suppressionOf(c.get('deps').db, auth.user.id);
  if (!suppression) return null;
  return (
    <section class="notice notice-error" aria-labelledby="mail-bounce-h" id="mail-bounce">
      <h2 id="mail-bounce-h">{t(`delivery.banner.${suppression.reason}.title`)}</h2>
      <p>{t(`delivery.banner.${suppression.reason}.body`, { email: auth.user.email })}</p>
      <form method="post" action="/account/mail-address/reconfirm" class="actions">
        <button type="submit" class="button small">
          {t('delivery.banner.reconfirm')}
        </button>
        <a href="/account/security#email">{t('delivery.banner.change')}</a>
      </form>
    </section>
  );
}
