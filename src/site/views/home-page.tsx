import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { renderPage } from '../../views/layout';

export function homePage(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const auth = c.get('auth');
  return renderPage(
    c,
    { title: t('home.title') },
    <>
      <section class="hero">
        <h1>{t('home.heading', { school: c.get('deps').config.schoolName })}</h1>
        <p class="lead">{t('home.lead')}</p>
        <div class="actions">
          {auth ? (
            <a class="button" href="/account">
              {t('home.openCabinet')}
            </a>
          ) : (
            <>
              <a class="button" href="/register">
                {t('home.register')}
              </a>
              <a class="button secondary" href="/login">
                {t('home.signIn')}
              </a>
            </>
          )}
        </div>
      </section>
      <section class="promises" aria-labelledby="promises-heading">
        <h2 id="promises-heading">{t('home.promises')}</h2>
        <ul class="cards">
          <li class="card">
            <h3>{t('home.p.hash.title')}</h3>
            <p>{t('home.p.hash.body')}</p>
          </li>
          <li class="card">
            <h3>{t('home.p.see.title')}</h3>
            <p>{t('home.p.see.body')}</p>
          </li>
          <li class="card">
            <h3>{t('home.p.delete.title')}</h3>
            <p>{t('home.p.delete.body')}</p>
          </li>
          <li class="card">
            <h3>{t('home.p.mail.title')}</h3>
            <p>{t('home.p.mail.body')}</p>
          </li>
        </ul>
      </section>
    </>,
  );
}
