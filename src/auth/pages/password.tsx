import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { clearSessionCookie } from '../../http/session-cookie';
import { translator } from '../../i18n';
import { emailSchema } from '../../core/email-address';
import { isResetTokenUsable, requestPasswordReset, resetPassword } from '../password-reset';
import { forgotPasswordPage, resetPasswordPage } from '../views/password-pages';
import { minutes, tokenOf } from './common';

async function postForgot(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const form = await readForm(c);
  const email = emailSchema.safeParse(form.email ?? '');
  if (!email.success)
    return forgotPasswordPage(c, {
      email: form.email,
      error: t('form.invalidEmail'),
      status: 400,
    });
  const result = await requestPasswordReset(c.get('deps'), email.data, requestMeta(c));
  if (!result.ok)
    return forgotPasswordPage(c, {
      email: form.email,
      error: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }),
      status: 429,
    });
  return forgotPasswordPage(c, { sent: true });
}

async function postReset(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const form = await readForm(c);
  const token = (form.token ?? '').slice(0, 200);
  const result = await resetPassword(
    c.get('deps'),
    { token, password: (form.password ?? '').slice(0, 512) },
    requestMeta(c),
  );
  if (result.ok) {
    clearSessionCookie(c, c.get('deps').config);
    // The address in the fragment only: public/login-hint.js fills the field with it.
    const hint = `#email=${encodeURIComponent(result.email)}`;
    return c.redirect(`/login?notice=password-reset${hint}`, 303);
  }
  if (result.reason === 'weak-password')
    return resetPasswordPage(c, {
      token,
      usable: true,
      error: t(`password.${result.problem}`),
      status: 400,
    });
  return resetPasswordPage(c, { token, usable: false, status: 400 });
}

/** A forgotten password: ask for a reset link, then choose a new password with it. */
export function passwordPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/forgot-password', (c) => forgotPasswordPage(c));
  app.post('/forgot-password', postForgot);
  app.get('/reset-password', async (c) => {
    const token = tokenOf(c);
    return resetPasswordPage(c, { token, usable: await isResetTokenUsable(c.get('deps'), token) });
  });
  app.post('/reset-password', postReset);
  return app;
}
