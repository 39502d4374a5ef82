import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { clearSessionCookie } from '../../http/session-cookie';
import { isLocale, translator } from '../../i18n';
import { pageTimeZone } from '../../views/dates';
import { resultPage, tokenActionPage } from '../../views/token-page';
import { cancelDeletionByToken, deletionDate, requestDeletion } from '../deletion';
import { deleteConfirmPage, deleteExplainPage, deleteScheduledPage } from '../views/delete-pages';
import { reauthFor } from '../../http/reauth-link';

const tokenOf = (value: string | undefined) => (value ?? '').slice(0, 200);

async function scheduleDeletion(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  if (!auth.isPrivileged) return c.redirect(reauthFor('/account/delete/confirm'), 303);
  const deps = c.get('deps');
  const at = await requestDeletion(deps, auth.user.id, requestMeta(c));
  if (!at) return c.redirect('/login', 303);
  const timeZone = pageTimeZone(c);
  clearSessionCookie(c, deps.config);
  // Signed out now; the page is rendered for the person who was.
  if (isLocale(auth.user.locale)) c.set('locale', auth.user.locale);
  c.set('auth', null);
  return deleteScheduledPage(c, {
    date: at,
    timeZone,
    erased: deps.config.deletionGraceDays === 0,
  });
}

async function cancelWithToken(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const result = await cancelDeletionByToken(
    c.get('deps'),
    tokenOf((await readForm(c)).token),
    requestMeta(c),
  );
  if (!result.ok)
    return resultPage(c, {
      title: t('deletionCancel.title'),
      kind: 'error',
      message: t(`token.${result.reason}`),
    });
  return resultPage(c, {
    title: t('deletionCancel.title'),
    kind: 'success',
    message: t('deletionCancel.done'),
    link: { href: '/login', label: t('login.title') },
  });
}

/** Deleting the account in two steps, and the emailed "Keep my account" link. */
export function deletePageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/account/delete', (c) => {
    requireAuth(c);
    return deleteExplainPage(c, { graceDays: c.get('deps').config.deletionGraceDays });
  });
  app.get('/account/delete/confirm', (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFor('/account/delete/confirm'), 303);
    const deps = c.get('deps');
    return deleteConfirmPage(c, {
      date: deletionDate(deps),
      now: deps.config.deletionGraceDays === 0,
    });
  });
  app.post('/account/delete', scheduleDeletion);
  app.get('/account/deletion/cancel', (c) => {
    const t = translator(c.get('locale'));
    return tokenActionPage(c, {
      title: t('deletionCancel.title'),
      body: t('deletionCancel.body'),
      button: t('deletionCancel.button'),
      action: '/account/deletion/cancel',
      token: tokenOf(c.req.query('token')),
    });
  });
  app.post('/account/deletion/cancel', cancelWithToken);
  return app;
}
