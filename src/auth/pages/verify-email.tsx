import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { startCookieSession } from '../../http/signed-in';
import { translator } from '../../i18n';
import { emailSchema } from '../../core/email-address';
import type { TokenFailure } from '../../core/email-tokens';
import { resultPage } from '../../views/token-page';
import {
  inspectVerification,
  resendVerification,
  tradeVerificationForReset,
  verifyEmail,
} from '../verify-email';
import { verifyEmailPage } from '../views/verify-email-page';
import { resetPasswordPage } from '../views/password-pages';
import { minutes, tokenOf } from './common';

/** A verification link that cannot be used (any more), with the way back to signing in. */
function badLinkPage(c: Context<AppEnv>, reason: TokenFailure) {
  const t = translator(c.get('locale'));
  return resultPage(c, {
    title: t('verify.title'),
    kind: 'error',
    message: t(`token.${reason}`),
    link: { href: '/login', label: t('login.title') },
  });
}

async function getVerify(c: Context<AppEnv>) {
  const token = tokenOf(c);
  const found = await inspectVerification(c.get('deps'), token);
  if (!found.ok) return badLinkPage(c, found.reason);
  return verifyEmailPage(c, { token, email: found.email });
}

async function postVerify(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const form = await readForm(c);
  const token = (form.token ?? '').slice(0, 200);
  const result = await verifyEmail(
    c.get('deps'),
    { token, password: (form.password ?? '').slice(0, 512) },
    requestMeta(c),
  );
  if (result.ok) {
    await startCookieSession(c, result);
    return c.redirect('/account', 303);
  }
  const email = form.email ?? '';
  if (result.reason === 'invalid-password')
    return verifyEmailPage(c, { token, email, error: t('verify.wrongPassword'), status: 401 });
  if (result.reason === 'rate-limited') {
    c.header('Retry-After', String(result.retryAfterSeconds));
    return verifyEmailPage(c, {
      token,
      email,
      error: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }),
      status: 429,
    });
  }
  return badLinkPage(c, result.reason);
}

async function postNewPassword(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const result = await tradeVerificationForReset(
    c.get('deps'),
    ((await readForm(c)).token ?? '').slice(0, 200),
    requestMeta(c),
  );
  if (!result.ok)
    return resultPage(c, {
      title: t('verify.title'),
      kind: 'error',
      message: t(`token.${result.reason}`),
      link: { href: '/forgot-password', label: t('reset.again') },
    });
  return resetPasswordPage(c, { token: result.resetToken, usable: true });
}

async function postResend(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const email = emailSchema.safeParse((await readForm(c)).email ?? '');
  if (email.success) {
    const result = await resendVerification(c.get('deps'), email.data, requestMeta(c));
    if (!result.ok)
      return resultPage(c, {
        title: t('verify.resend'),
        kind: 'error',
        message: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }),
        status: 429,
      });
  }
  return resultPage(c, {
    title: t('verify.resend'),
    kind: 'success',
    message: t('verify.resent'),
  });
}

/** The emailed verification link: confirm (and sign in), disown the registration, resend. */
export function verifyEmailPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/verify-email', getVerify);
  app.post('/verify-email', postVerify);
  app.post('/verify-email/new-password', postNewPassword);
  app.post('/verify-email/resend', postResend);
  return app;
}
