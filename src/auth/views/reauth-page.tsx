import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';

export function reauthPage(c: Context<AppEnv>, s: { next: string; error?: string; status?: 200 | 401 | 429 }) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('reauth.title'), status: s.status ?? 200 },
    <section class="card narrow">
      <h1>{t('reauth.title')}</h1>
      <p>{t('reauth.lead')}</p>
      {s.error ? <Notice kind="error">{s.error}</Notice> : null}
      <form method="post" action={`/reauth?next=${encodeURIComponent(s.next)}`}>
        <input type="text" name="username" value={c.get('auth')?.user.email ?? ''} autocomplete="username" hidden />
        <Field name="password" label={t('login.password')} type="password" autocomplete="current-password" required />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('reauth.submit')}
          </button>
          <a href={s.next}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>,
  );
}
