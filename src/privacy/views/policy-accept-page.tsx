import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { renderPage } from '../../views/layout';

/** Where the policy gate sends people: what changed, the full text, and one Accept button. */
export function policyAcceptPage(
  c: Context<AppEnv>,
  s: { version: string; summary: string; effectiveAt: Date; next: string },
) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('policyAccept.title') },
    <section class="card narrow">
      <h1>{t('policyAccept.title')}</h1>
      <p>
        {t('policyAccept.lead', { version: s.version, date: pageDates(c).date(s.effectiveAt) })}
      </p>
      <p>
        <strong>{t('policyAccept.summary')}</strong> {s.summary}
      </p>
      <p>
        <a href={`/privacy?version=${encodeURIComponent(s.version)}`}>{t('policyAccept.read')}</a>
      </p>
      <form method="post" action={`/account/policy?next=${encodeURIComponent(s.next)}`}>
        <input type="hidden" name="version" value={s.version} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('policyAccept.button')}
          </button>
        </div>
      </form>
      <p class="meta">
        {t('policyAccept.alternatives')} <a href="/account/privacy/export">{t('export.zip')}</a> ·{' '}
        <a href="/account/delete">{t('delete.link')}</a>
      </p>
    </section>,
  );
}
