import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { isLocale, negotiateLocale } from '../i18n';
import type { AppEnv } from './env';

import { appCookies } from './cookies';

/** The person's own setting first, then the switcher's cookie, then Accept-Language. */
export function localeResolver(): MiddlewareHandler<AppEnv> {
  return async function resolveLocale(c, next) {
    const userLocale = c.get('auth')?.user.locale;
    const cookie = getCookie(c, appCookies.lang.name);
    c.set(
      'locale',
      isLocale(userLocale)
        ? userLocale
        : isLocale(cookie)
          ? cookie
          : negotiateLocale(c.req.header('accept-language')),
    );
    await next();
  };
}
