import { startCookieSession } from '../http/signed-in';
import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { formErrors, readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { safeNextPath } from '../http/safe-next';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie';
import { translator } from '../i18n';
import { recordEvent } from '../core/activity';
import { invalidateSession } from '../sessions/invalidate';
import { elevateSession } from '../sessions/privilege';
import { emailSchema, normalizeEmail } from '../core/email-address';
import { personNameSchema } from '../core/me';
import { confirmEmailChange } from './email-change';
import { login } from './login';
import { reportNotMe } from './not-me';
import { checkCurrentPassword } from './password-change';
import { isResetTokenUsable, requestPasswordReset, resetPassword } from './password-reset';
import { register } from './register';
import {
  inspectVerification,
  resendVerification,
  tradeVerificationForReset,
  verifyEmail,
} from './verify-email';
import { verifyEmailPage } from './views/verify-email-page';
import { loginPage, type LoginState } from './views/login-page';
import { forgotPasswordPage, resetPasswordPage } from './views/password-pages';
import { registerPage, registerSentPage } from './views/register-page';
import { resultPage, tokenActionPage } from '../views/token-page';
import { twoFactorLoginPage } from './views/two-factor-login-page';
import {
  clearPendingCookie,
  readPendingCookie,
  setPendingCookie,
} from './two-factor/pending-cookie';
import { completeTwoFactorSignIn, pendingTwoFactorUser } from './two-factor/sign-in';
import { twoFactorPageRoutes } from './two-factor/pages';
import { findUserById } from '../core/users';

const registerForm = z.object({
  name: z.string().trim().min(1, 'form.required').pipe(personNameSchema),
  email: z
    .string()
    .min(1, 'form.required')
    .refine((v) => emailSchema.safeParse(v).success, 'form.invalidEmail')
    .transform(normalizeEmail),
  password: z.string().min(1, 'form.required').max(512),
  acceptPrivacyPolicy: z.literal('true', { message: 'register.mustAccept' }),
  confirmAge: z.literal('true', { message: 'register.mustConfirmAge' }),
});

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

const tokenOf = (c: Context<AppEnv>) => (c.req.query('token') ?? '').slice(0, 200);

export type AuthPageOptions = {
  /** Other ways to sign in, shown under the password form (the passkey button). */
  otherSignInMethods?: (c: Context<AppEnv>, next: string) => Child;
};

export function authPageRoutes(options: AuthPageOptions = {}) {
  const app = new Hono<AppEnv>();
  const showLogin = (c: Context<AppEnv>, s: LoginState = {}) =>
    loginPage(c, s, options.otherSignInMethods?.(c, safeNextPath(s.next)));

  app.get('/register', (c) => (c.get('auth') ? c.redirect('/account', 303) : registerPage(c)));
  app.post('/register', async (c) => {
    const t = translator(c.get('locale'));
    const form = await readForm(c);
    const parsed = registerForm.safeParse(form);
    const values = { email: form.email, name: form.name };
    if (!parsed.success) return registerPage(c, values, formErrors(parsed.error), 400);
    const result = await register(
      c.get('deps'),
      { ...parsed.data, locale: c.get('locale') },
      requestMeta(c),
    );
    if (!result.ok && result.reason === 'rate-limited') {
      return registerPage(
        c,
        values,
        { _: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }) },
        429,
      );
    }
    if (!result.ok && result.reason === 'weak-password')
      return registerPage(c, values, { password: `password.${result.problem}` }, 400);
    return registerSentPage(c, parsed.data.email);
  });

  app.get('/login', (c) => {
    if (c.get('auth')) return c.redirect(safeNextPath(c.req.query('next')), 303);
    const notice = c.req.query('notice');
    const known = [
      'signed-out',
      'password-reset',
      'email-verified',
      'secured',
      'two-factor-expired',
    ] as const;
    return showLogin(c, { next: c.req.query('next'), notice: known.find((k) => k === notice) });
  });
  app.post('/login', async (c) => {
    const deps = c.get('deps');
    const form = await readForm(c);
    const next = c.req.query('next');
    const email = emailSchema.safeParse(form.email ?? '');
    const state: LoginState = { email: form.email, next };
    if (!email.success || !form.password) return showLogin(c, { ...state, error: 'invalid-input' });
    const result = await login(
      deps,
      { email: email.data, password: form.password, remember: form.remember === 'true' },
      requestMeta(c),
    );
    if (!result.ok) {
      if (result.reason === 'rate-limited') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        return showLogin(c, {
          ...state,
          error: 'rate-limited',
          retryAfterMinutes: minutes(result.retryAfterSeconds),
        });
      }
      return showLogin(c, { ...state, error: result.reason });
    }
    if (result.ok === 'two-factor') {
      setPendingCookie(c, deps.config, result.pendingToken);
      return c.redirect(
        `/login/2fa${next ? `?next=${encodeURIComponent(safeNextPath(next))}` : ''}`,
        303,
      );
    }
    await startCookieSession(c, result);
    return c.redirect(safeNextPath(next), 303);
  });

  app.get('/login/2fa', async (c) => {
    const deps = c.get('deps');
    const pending = readPendingCookie(c, deps.config);
    if (!pending || !(await pendingTwoFactorUser(deps, pending)))
      return c.redirect('/login?notice=two-factor-expired', 303);
    return twoFactorLoginPage(c, { next: c.req.query('next') });
  });
  app.post('/login/2fa', async (c) => {
    const deps = c.get('deps');
    const t = translator(c.get('locale'));
    const next = c.req.query('next');
    const code = ((await readForm(c)).code ?? '').slice(0, 40);
    const result = await completeTwoFactorSignIn(
      deps,
      readPendingCookie(c, deps.config) ?? '',
      code,
      requestMeta(c),
    );
    if (!result.ok) {
      if (result.reason === 'expired') {
        clearPendingCookie(c, deps.config);
        return c.redirect('/login?notice=two-factor-expired', 303);
      }
      if (result.reason === 'rate-limited') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        return twoFactorLoginPage(c, {
          next,
          error: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }),
          status: 429,
        });
      }
      return twoFactorLoginPage(c, {
        next,
        error: t(
          result.reason === 'code-used' ? 'twoFactor.error.used' : 'twoFactor.error.invalid',
        ),
        status: 401,
      });
    }
    clearPendingCookie(c, deps.config);
    await startCookieSession(c, result);
    return c.redirect(safeNextPath(next), 303);
  });

  app.post('/logout', async (c) => {
    const deps = c.get('deps');
    const auth = c.get('auth');
    if (auth) {
      await invalidateSession(deps.db, auth.session.id);
      await recordEvent(deps.db, {
        userId: auth.user.id,
        action: 'sign-out',
        at: deps.clock.now(),
        meta: requestMeta(c),
      });
    }
    clearSessionCookie(c, deps.config);
    return c.redirect('/login?notice=signed-out', 303);
  });

  app.get('/verify-email', async (c) => {
    const t = translator(c.get('locale'));
    const token = tokenOf(c);
    const found = await inspectVerification(c.get('deps'), token);
    if (!found.ok)
      return resultPage(c, {
        title: t('verify.title'),
        kind: 'error',
        message: t(`token.${found.reason}`),
        link: { href: '/login', label: t('login.title') },
      });
    return verifyEmailPage(c, { token, email: found.email });
  });
  app.post('/verify-email', async (c) => {
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
    return resultPage(c, {
      title: t('verify.title'),
      kind: 'error',
      message: t(`token.${result.reason}`),
      link: { href: '/login', label: t('login.title') },
    });
  });
  app.post('/verify-email/new-password', async (c) => {
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
  });
  app.post('/verify-email/resend', async (c) => {
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
  });

  app.get('/forgot-password', (c) => forgotPasswordPage(c));
  app.post('/forgot-password', async (c) => {
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
  });

  app.get('/reset-password', async (c) => {
    const token = tokenOf(c);
    return resetPasswordPage(c, { token, usable: await isResetTokenUsable(c.get('deps'), token) });
  });
  app.post('/reset-password', async (c) => {
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
      return c.redirect('/login?notice=password-reset', 303);
    }
    if (result.reason === 'weak-password')
      return resetPasswordPage(c, {
        token,
        usable: true,
        error: t(`password.${result.problem}`),
        status: 400,
      });
    return resetPasswordPage(c, { token, usable: false, status: 400 });
  });

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
  app.post('/not-me', async (c) => {
    const t = translator(c.get('locale'));
    const result = await reportNotMe(
      c.get('deps'),
      (await readForm(c)).token ?? '',
      requestMeta(c),
    );
    if (!result.ok)
      return resultPage(c, {
        title: t('notMe.title'),
        kind: 'error',
        message: t(`token.${result.reason}`),
      });
    clearSessionCookie(c, c.get('deps').config);
    return resultPage(c, { title: t('notMe.title'), kind: 'success', message: t('notMe.done') });
  });

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
  app.post('/account/email/confirm', async (c) => {
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
  });

  app.route('/', twoFactorPageRoutes());
  return app;
}
