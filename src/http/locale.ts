import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { negotiateLocale, type Locale } from '../i18n';
import type { AppEnv } from './env';

import { appCookies } from './cookies';

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
