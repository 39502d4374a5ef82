import { Hono, type Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { safeNextPath } from '../../http/safe-next';
import { clearSessionCookie } from '../../http/session-cookie';
import { startCookieSession } from '../../http/signed-in';
import { translator } from '../../i18n';
import { emailSchema } from '../../core/email-address';
import { login } from '../login';
import { signOut } from '../sign-out';
import { loginPage, type LoginState } from '../views/login-page';
import { codeKindOf, twoFactorLoginPage } from '../views/two-factor-login-page';
import {
  clearPendingCookie,
  readPendingCookie,
  setPendingCookie,
} from '../two-factor/pending-cookie';
import { completeTwoFactorSignIn, pendingTwoFactorUser } from '../two-factor/sign-in';
import { minutes } from './common';

export type AuthPageOptions = {
  /** Other ways to sign in, shown under the password form (the passkey button). */
  otherSignInMethods?: (c: Context<AppEnv>, next: string) => Child;
};

type ShowLogin = (c: Context<AppEnv>, s?: LoginState) => Response | Promise<Response>;

const knownNotices = [
  'signed-out',
  'password-reset',
  'email-verified',
  'secured',
  'two-factor-expired',
] as const;

async function postLogin(c: Context<AppEnv>, showLogin: ShowLogin) {
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
}

async function getTwoFactorStep(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const pending = readPendingCookie(c, deps.config);
  if (!pending || !(await pendingTwoFactorUser(deps, pending)))
    return c.redirect('/login?notice=two-factor-expired', 303);
  return twoFactorLoginPage(c, {
    next: c.req.query('next'),
    kind: codeKindOf(c.req.query('use')),
  });
}

async function postTwoFactorStep(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const t = translator(c.get('locale'));
  const next = c.req.query('next');
  const kind = codeKindOf(c.req.query('use'));
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
        kind,
        error: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }),
        status: 429,
      });
    }
    return twoFactorLoginPage(c, {
      next,
      kind,
      error: t(result.reason === 'code-used' ? 'twoFactor.error.used' : 'twoFactor.error.invalid'),
      status: 401,
    });
  }
  clearPendingCookie(c, deps.config);
  await startCookieSession(c, result);
  return c.redirect(safeNextPath(next), 303);
}

async function postLogout(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const auth = c.get('auth');
  if (auth)
    await signOut(deps, { userId: auth.user.id, sessionId: auth.session.id }, requestMeta(c));
  clearSessionCookie(c, deps.config);
  return c.redirect('/login?notice=signed-out', 303);
}

/** Signing in with a password, its code step (/login/2fa), and signing out. */
export function signInPageRoutes(options: AuthPageOptions) {
  const app = new Hono<AppEnv>();
  const showLogin: ShowLogin = (c, s = {}) =>
    loginPage(c, s, options.otherSignInMethods?.(c, safeNextPath(s.next)));

  app.get('/login', (c) => {
    if (c.get('auth')) return c.redirect(safeNextPath(c.req.query('next')), 303);
    const notice = c.req.query('notice');
    return showLogin(c, {
      next: c.req.query('next'),
      notice: knownNotices.find((k) => k === notice),
    });
  });
  app.post('/login', (c) => postLogin(c, showLogin));
  app.get('/login/2fa', getTwoFactorStep);
  app.post('/login/2fa', postTwoFactorStep);
  app.post('/logout', postLogout);
  return app;
}
