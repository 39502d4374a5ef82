import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { negotiateLocale, type Locale } from '../i18n';
import type { AppEnv } from './env';

import { appCookies } from './cookies';
import { validationProblem } from './problem';

/**
 * The person's own setting first, then the switcher's cookie, then Accept-Language, each only
 * when it names a language the school offers (SUPPORTED_LOCALES); DEFAULT_LOCALE otherwise.
 */
export function localeResolver(): MiddlewareHandler<AppEnv> {
  return async function resolveLocale(c, next) {
    const { supportedLocales, defaultLocale } = c.get('deps').config;
    const offered = (value: unknown): value is Locale =>
      typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
    const userLocale = c.get('auth')?.user.locale;
    const cookie = getCookie(c, appCookies.lang.name);
    c.set(
      'locale',
      offered(userLocale)
        ? userLocale
        : offered(cookie)
          ? cookie
          : negotiateLocale(c.req.header('accept-language'), supportedLocales, defaultLocale),
    );
    await next();
  };
}

/**
 * A 400 for a `locale` field naming one of ours that the school does not offer
 * (SUPPORTED_LOCALES), or undefined when it is offered or absent. The schemas list every
 * language the product speaks; which of them a school offers is known only at run time.
 */
export function unofferedLocale(c: Context<AppEnv>, locale: string | undefined) {
  const { supportedLocales } = c.get('deps').config;
  if (locale === undefined || (supportedLocales as readonly string[]).includes(locale)) return;
  return validationProblem(c, [
    { path: 'locale', message: `Not offered here; one of: ${supportedLocales.join(', ')}` },
  ]);
}
