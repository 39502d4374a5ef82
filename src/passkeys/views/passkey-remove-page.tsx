import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { Notice } from '../../views/components';
import { pageDates } from '../../views/dates';
import { renderPage } from '../../views/layout';
import type { PasskeyRow } from '../credentials';

const back = '/account/security#passkeys';

/**
 * "Remove this passkey?" on its own page: which one (name, when added, when last used), what
 * removing it means, one button that POSTs, and a way back. When it is the last way in (no
 * password, no other passkey) the page says so instead of offering the button.
 */
export function passkeyRemovePage(
  c: Context<AppEnv>,
  s: { passkey: PasskeyRow; isLast: boolean; status?: 200 | 409 },
) {
  const t = translator(c.get('locale'));
  const when = pageDates(c);
  const k = s.passkey;
  const title = t('passkey.removeConfirm.title', { name: k.name });
  return renderPage(
    c,
    { title, section: 'security', status: s.status ?? 200 },
    <section class="card narrow">
      <h1>{title}</h1>
      <dl class="facts" id="passkey-facts">
        <dt>{t('passkey.col.name')}</dt>
        <dd>
          {k.name} {k.backedUp ? <span class="badge ok">{t('passkey.synced')}</span> : null}
        </dd>
        <dt>{t('passkey.col.created')}</dt>
        <dd>{when.dateTime(k.createdAt)}</dd>
        <dt>{t('passkey.col.lastUsed')}</dt>
        <dd>{k.lastUsedAt ? when.dateTime(k.lastUsedAt) : t('passkey.never')}</dd>
      </dl>
      {s.isLast ? (
        <>
          <Notice kind="error">{t('passkey.error.last')}</Notice>
          <p>
            <a href={back}>{t('passkey.removeConfirm.back')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('passkey.removeConfirm.body')}</p>
          <form method="post" action={`/account/security/passkeys/${k.id}/remove`}>
            <div class="form-actions">
              <button type="submit" class="button danger">
                {t('passkey.removeConfirm.button')}
              </button>
              <a href={back}>{t('form.cancel')}</a>
            </div>
          </form>
        </>
      )}
    </section>,
  );
}
