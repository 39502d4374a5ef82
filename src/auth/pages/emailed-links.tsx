import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { clearSessionCookie } from '../../http/session-cookie';
import { translator } from '../../i18n';
import { resultPage, tokenActionPage } from '../../views/token-page';
import { confirmEmailChange } from '../email-change';
import { reportNotMe } from '../not-me';
import { tokenOf } from './common';

async function postNotMe(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const result = await reportNotMe(c.get('deps'), (await readForm(c)).token ?? '', requestMeta(c));
  if (!result.ok)
    return resultPage(c, {
      title: t('notMe.title'),
      kind: 'error',
      message: t(`token.${result.reason}`),
    });
  clearSessionCookie(c, c.get('deps').config);
  return resultPage(c, { title: t('notMe.title'), kind: 'success', message: t('notMe.done') });
}

async function postEmailConfirm(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const auth = c.get('auth');
  const current = auth ? { userId: auth.user.id, sessionId: auth.session.id } : undefined;
  const result = await confirmEmailChange(
    c.get('deps'),
    (await readForm(c)).token ?? '',
    requestMeta(c),
    current,
  );
  if (!result.ok) {
    const message =
      result.reason === 'taken' ? t('emailConfirm.taken') : t(`token.${result.reason}`);
    return resultPage(c, {
      title: t('emailConfirm.title'),
      kind: 'error',
      message,
      status: result.reason === 'taken' ? 409 : 400,
    });
  }
  return resultPage(c, {
    title: t('emailConfirm.title'),
    kind: 'success',
    message: t('emailConfirm.done', { email: result.email }),
    link: { href: '/account', label: t('nav.account') },
  });
}

/**
 * Links from security mails: "this wasn't me" and confirming a new address. Each GET only
 * shows a button, so a mail scanner following the link changes nothing.
 */
export function emailedLinkPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/not-me', (c) => {
    const t = translator(c.get('locale'));
    return tokenActionPage(c, {
      title: t('notMe.title'),
      body: t('notMe.body'),
      button: t('notMe.button'),
      action: '/not-me',
      token: tokenOf(c),
      danger: true,
    });
  });
  app.post('/not-me', postNotMe);
  app.get('/account/email/confirm', (c) => {
    const t = translator(c.get('locale'));
    return tokenActionPage(c, {
      title: t('emailConfirm.title'),
      body: t('emailConfirm.body'),
      button: t('emailConfirm.button'),
      action: '/account/email/confirm',
      token: tokenOf(c),
    });
  });
  app.post('/account/email/confirm', postEmailConfirm);
  return app;
}
