import type { Context } from 'hono';
import type { Config } from '../../config';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { renderPage } from '../../views/layout';
import { appCookies, cookieName } from '../../http/cookies';
import { challengeTtlMs } from '../../passkeys';
import { tokenTtlMs } from '../../core/email-tokens';

type CookieRow = { name: string; purpose: string; lifetime: string; without: string };

/**
 * Every cookie the product sets, as it sets it here (test/security/cookies.test.ts fails when a
 * cookie set in src has no row). With PERSISTENT_COOKIES=false none outlives the browser.
 */
export function cookieRows(config: Config, t: T): CookieRow[] {
  const persistent = config.persistentCookies;
  const lasts = (text: string) => (persistent ? text : t('cookies.untilClosed'));
  const minutes = (ms: number) => lasts(t.plural('cookies.minutes', Math.round(ms / 60_000)));
  return [
    {
      name: cookieName(config, appCookies.session),
      purpose: t('cookies.session.purpose'),
      lifetime: lasts(
        t.plural('cookies.session.lifetimeRemember', Math.round(config.rememberMeMs / 86_400_000)),
      ),
      without: t('cookies.session.without'),
    },
    {
      name: cookieName(config, appCookies.twoFactor),
      purpose: t('cookies.twoFactor.purpose'),
      lifetime: minutes(tokenTtlMs['two-factor-login']),
      without: t('cookies.twoFactor.without'),
    },
    {
      name: cookieName(config, appCookies.passkeyChallenge),
      purpose: t('cookies.passkey.purpose'),
      lifetime: minutes(challengeTtlMs),
      without: t('cookies.passkey.without'),
    },
    {
      name: cookieName(config, appCookies.lang),
      purpose: t('cookies.lang.purpose'),
      lifetime: lasts(t('cookies.lang.lifetime')),
      without: t('cookies.lang.without'),
    },
  ];
}

export function cookiesPage(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const { config } = c.get('deps');
  return renderPage(
    c,
    { title: t('cookies.title') },
    <article class="prose">
      <h1>{t('cookies.title')}</h1>
      <p>{t('cookies.intro')}</p>
      {config.persistentCookies ? null : (
        <p data-cookies="session-only">{t('cookies.sessionOnly')}</p>
      )}
      <div class="table-wrap">
        <table class="stack-sm" data-cookies="list">
          <thead>
            <tr>
              <th scope="col">{t('cookies.col.name')}</th>
              <th scope="col">{t('cookies.col.purpose')}</th>
              <th scope="col">{t('cookies.col.lifetime')}</th>
              <th scope="col">{t('cookies.col.without')}</th>
            </tr>
          </thead>
          <tbody>
            {cookieRows(config, t).map((row) => (
              <tr>
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                <td data-label={t('cookies.col.purpose')}>{row.purpose}</td>
                <td data-label={t('cookies.col.lifetime')}>{row.lifetime}</td>
                <td data-label={t('cookies.col.without')}>{row.without}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('cookies.none')}</p>
      <h2>{t('cookies.refuse.heading')}</h2>
      <p>{t('cookies.refuse.body')}</p>
    </article>,
  );
}
