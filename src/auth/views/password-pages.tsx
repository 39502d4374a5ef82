import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';

export function forgotPasswordPage(
  c: Context<AppEnv>,
  s: { email?: string; sent?: boolean; error?: string; status?: 200 | 400 | 429 } = {},
) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('forgot.title'), status: s.status ?? 200 },
    <section class="card narrow">
      <h1>{t('forgot.title')}</h1>
      {s.sent ? (
        <Notice kind="success">{t('forgot.sent')}</Notice>
      ) : (
        <>
          <p>{t('forgot.lead')}</p>
          {s.error ? <Notice kind="error">{s.error}</Notice> : null}
          <form method="post" action="/forgot-password">
            <Field
              name="email"
              label={t('login.email')}
              type="email"
              value={s.email}
              autocomplete="email"
              required
              inputmode="email"
            />
            <div class="form-actions">
              <button type="submit" class="button">
                {t('forgot.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <a href="/login">{t('forgot.back')}</a>
      </p>
    </section>,
  );
}

export function resetPasswordPage(
  c: Context<AppEnv>,
  s: { token: string; usable: boolean; error?: string; status?: 200 | 400 },
) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('reset.title'), status: s.status ?? 200 },
    <section class="card narrow">
      <h1>{t('reset.title')}</h1>
      {!s.usable ? (
        <>
          <Notice kind="error">{t('token.unusable')}</Notice>
          <p>
            <a href="/forgot-password">{t('reset.again')}</a>
          </p>
        </>
      ) : (
        <form method="post" action="/reset-password">
          <input type="hidden" name="token" value={s.token} />
          <Field
            name="password"
            label={t('reset.password')}
            type="password"
            autocomplete="new-password"
            hint={t('register.passwordHint')}
            error={s.error}
            required
          />
          <p class="hint">{t('reset.sessions')}</p>
          <div class="form-actions">
            <button type="submit" class="button">
              {t('reset.submit')}
            </button>
          </div>
        </form>
      )}
    </section>,
  );
}
