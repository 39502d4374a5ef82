import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';
import { PasskeyButton } from '../../passkeys';

export type ReauthState = {
  next: string;
  error?: string;
  status?: 200 | 401 | 429;
  /** Which proofs the person can give: a passkey-only account gets no password field. */
  hasPassword: boolean;
  hasPasskeys: boolean;
};

export function reauthPage(c: Context<AppEnv>, s: ReauthState) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    {
      title: t('reauth.title'),
      status: s.status ?? 200,
      scripts: s.hasPasskeys ? ['/assets/passkey-login.js'] : [],
    },
    <section class="card narrow">
      <h1>{t('reauth.title')}</h1>
      <p>{s.hasPassword ? t('reauth.lead') : t('passkey.reauth.noPassword')}</p>
      {s.error ? <Notice kind="error">{s.error}</Notice> : null}
      {s.hasPasskeys ? (
        <PasskeyButton locale={c.get('locale')} mode="reauth" next={s.next} />
      ) : null}
      {s.hasPassword ? (
        <form method="post" action={`/reauth?next=${encodeURIComponent(s.next)}`}>
          <input
            type="text"
            name="username"
            value={c.get('auth')?.user.email ?? ''}
            autocomplete="username"
            hidden
          />
          <Field
            name="password"
            label={t('login.password')}
            type="password"
            autocomplete="current-password"
            required
          />
          <div class="form-actions">
            <button type="submit" class="button">
              {t('reauth.submit')}
            </button>
            <a href={s.next}>{t('form.cancel')}</a>
          </div>
        </form>
      ) : (
        <p>
          <a href={s.next}>{t('form.cancel')}</a>
        </p>
      )}
    </section>,
  );
}
