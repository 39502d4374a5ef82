import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';

/** The second step of a password sign-in: one field takes an app code or a recovery code. */
export function twoFactorLoginPage(
  c: Context<AppEnv>,
  s: { next?: string; error?: string; status?: 200 | 401 | 429 },
) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('twoFactor.login.title'), status: s.status ?? 200 },
    <section class="card narrow">
      <h1>{t('twoFactor.login.title')}</h1>
      <p>{t('twoFactor.login.lead')}</p>
      {s.error ? <Notice kind="error">{s.error}</Notice> : null}
      <form
        method="post"
        action={`/login/2fa${s.next ? `?next=${encodeURIComponent(s.next)}` : ''}`}
      >
        <Field
          name="code"
          label={t('twoFactor.login.label')}
          autocomplete="one-time-code"
          required
          maxlength={40}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('twoFactor.login.submit')}
          </button>
          <a href="/login">{t('form.cancel')}</a>
        </div>
      </form>
    </section>,
  );
}
