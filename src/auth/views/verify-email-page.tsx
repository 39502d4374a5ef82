import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';

/**
 * The page a verification link opens. Confirming takes the password chosen at registration,
 * so a link proves both the mailbox and the registration (decision 013). Whoever did not
 * register with this address, or forgot the password, chooses a new one instead.
 */
export function verifyEmailPage(
  c: Context<AppEnv>,
  s: { token: string; email: string; error?: string; status?: 200 | 401 | 429 },
) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('verify.title'), status: s.status ?? 200 },
    <section class="card narrow">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.body')}</p>
      {s.error ? <Notice kind="error">{s.error}</Notice> : null}
      <form method="post" action="/verify-email">
        <input type="hidden" name="token" value={s.token} />
        <Field
          name="email"
          label={t('login.email')}
          type="email"
          value={s.email}
          autocomplete="username"
          readonly
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
            {t('verify.button')}
          </button>
        </div>
      </form>
      <form method="post" action="/verify-email/new-password" class="inline-form">
        <input type="hidden" name="token" value={s.token} />
        <p>
          {t('verify.notMine')}{' '}
          <button type="submit" class="link-button">
            {t('verify.newPassword')}
          </button>
        </p>
      </form>
    </section>,
  );
}
