import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/env';
import { translator, negotiateLocale, type MessageKey } from '../i18n';
import { renderPage } from './layout';

const known = new Set([400, 403, 404, 413, 429, 500, 503]);

export function renderErrorPage(c: Context<AppEnv>, status: ContentfulStatusCode) {
  // The error may have happened before the locale middleware ran.
  if (!c.get('locale')) {
    const config = c.get('deps')?.config;
    c.set(
      'locale',
      negotiateLocale(
        c.req.header('accept-language'),
        config?.supportedLocales,
        config?.defaultLocale,
      ),
    );
  }
  const code = known.has(status) ? status : status >= 500 ? 500 : 400;
  const t = translator(c.get('locale'));
  if (!c.get('deps')) return c.text(`Error ${status}`, status);
  return renderPage(
    c,
    { title: t(`error.${code}.title` as MessageKey), status: status as 400 },
    <section class="card narrow">
      <h1>{t(`error.${code}.title` as MessageKey)}</h1>
      <p>{t(`error.${code}.body` as MessageKey)}</p>
      <p>
        <a href="/">{t('error.home')}</a>
      </p>
    </section>,
  );
}
