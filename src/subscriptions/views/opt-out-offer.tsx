import type { Locale } from '../../i18n';
import { translator } from '../../i18n';

/**
 * Shown once the person is on no optional list: some schools promise that opting out of the
 * mailings removes the name and address, so the rest of opting out is one link away. It leads
 * to the normal deletion (explanation, re-authentication, grace period, mail, purge).
 */
export function OptOutOffer(p: { locale: Locale; graceDays: number }) {
  const t = translator(p.locale);
  return (
    <section class="card" aria-labelledby="opt-out-h">
      <h2 id="opt-out-h">{t('optOut.title')}</h2>
      <p>{t('optOut.offer')}</p>
      <p class="hint">
        {p.graceDays > 0
          ? t('optOut.how', { days: t.plural('optOut.how.days', p.graceDays) })
          : t('optOut.howNow')}
      </p>
      <p>
        <a class="button secondary" href="/account/delete">
          {t('optOut.button')}
        </a>
      </p>
    </section>
  );
}
