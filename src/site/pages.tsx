import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { appCookies, setAppCookie } from '../http/cookies';
import { safeNextPath } from '../http/safe-next';
import { isLocale } from '../i18n';
import { rememberLocale } from './language';
import { cookiesPage } from './views/cookies-page';
import { homePage } from './views/home-page';

/** The public pages: home, the cookie list, and the language switcher every page posts to. */
export function siteRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', homePage);
  app.get('/cookies', cookiesPage);
  // The language switcher is a form (one button per language) in every page's header: it
  // stores a cookie and a signed-in person's setting, so it is a POST, and the Origin check
  // keeps other sites from posting it.
  app.post('/lang', async (c) => {
    const form = await readForm(c);
    const next = safeNextPath(form.next, '/');
    const { config, db } = c.get('deps');
    // Only a language this school offers: SUPPORTED_LOCALES may leave some of ours out.
    if (!isLocale(form.locale) || !config.supportedLocales.includes(form.locale))
      return c.redirect(next, 303);
    setAppCookie(c, config, appCookies.lang, form.locale, 365 * 86400);
    const auth = c.get('auth');
    if (auth) await rememberLocale(db, auth.user.id, form.locale);
    return c.redirect(next, 303);
  });
  // The switcher was once a link here. A page still open from before, or a copied link, lands
  // back where it was (where the form now is) and changes nothing: a GET must not.
  app.get('/lang/:locale', (c) => c.redirect(safeNextPath(c.req.query('next'), '/'), 303));
  return app;
}
