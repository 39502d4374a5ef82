import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { AppEnv } from '../http/env';
import { localeCookieName } from '../http/locale';
import { safeNextPath } from '../http/safe-next';
import { isLocale } from '../i18n';
import { cookiesPage } from './cookies-page';
import { homePage } from './home-page';

export function siteRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', homePage);
  app.get('/cookies', cookiesPage);
  // The language switcher is a link so it works without JavaScript; changing the language
  // is harmless, so a GET may do it. A signed-in person's setting follows the choice.
  app.get('/lang/:locale', async (c) => {
    const locale = c.req.param('locale');
    const next = safeNextPath(c.req.query('next'), '/');
    if (!isLocale(locale)) return c.redirect(next, 303);
    const { config, db } = c.get('deps');
    setCookie(c, localeCookieName, locale, {
      path: '/',
      sameSite: 'Lax',
      secure: config.isHttps,
      maxAge: 365 * 86400,
    });
    const auth = c.get('auth');
    if (auth) await db.update(users).set({ locale }).where(eq(users.id, auth.user.id));
    return c.redirect(next, 303);
  });
  return app;
}
