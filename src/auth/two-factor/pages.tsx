import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { translator } from '../../i18n';
import { findUserById } from '../../core/users';
import {
  beginTotpSetup,
  disableTotp,
  enableTotp,
  pendingSetup,
  regenerateRecoveryCodes,
  twoFactorStatus,
} from './manage';
import {
  recoveryCodesPage,
  setupExpiredPage,
  twoFactorDisablePage,
  twoFactorSetupPage,
} from './views/two-factor-pages';
import { reauthFor } from '../../http/reauth-link';

const reauthFirst = reauthFor('/account/security#two-factor');
const disablePath = '/account/security/2fa/disable';
const setupPath = '/account/security/2fa/setup';

/**
 * Opening the set-up path again (a reload, the back button): the set-up in progress, with the
 * same key, so the person can still finish it. A GET never starts one; without one in
 * progress (or with two-step sign-in on already) the security page offers to.
 */
async function getSetup(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  if (!auth.isPrivileged) return c.redirect(reauthFor(setupPath), 303);
  const pending = await pendingSetup(c.get('deps'), auth.user);
  if (!pending) return c.redirect('/account/security#two-factor', 303);
  return twoFactorSetupPage(c, pending);
}

/** Confirms enrolment with a code; a wrong code shows the same setup (QR code) again. */
async function postEnable(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  const deps = c.get('deps');
  const t = translator(c.get('locale'));
  const user = await findUserById(deps.db, auth.user.id);
  if (!user) return c.redirect('/login', 303);
  const result = await enableTotp(
    deps,
    user,
    ((await readForm(c)).code ?? '').slice(0, 40),
    requestMeta(c),
  );
  if (result.ok) return recoveryCodesPage(c, { codes: result.recoveryCodes, justEnabled: true });
  if (result.reason === 'already-enabled') return c.redirect('/account/security#two-factor', 303);
  const pending = await pendingSetup(deps, user);
  if (result.reason === 'no-setup' || !pending) return setupExpiredPage(c);
  if (result.reason === 'rate-limited') {
    c.header('Retry-After', String(result.retryAfterSeconds));
    return twoFactorSetupPage(c, {
      ...pending,
      error: t('error.rateLimited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
      status: 429,
    });
  }
  return twoFactorSetupPage(c, {
    ...pending,
    error: t(result.reason === 'code-used' ? 'twoFactor.error.used' : 'twoFactor.error.invalid'),
    status: 400,
  });
}

/** The cabinet's two-step sign-in forms: each works without JavaScript. */
export function twoFactorPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get(setupPath, getSetup);
  app.post(setupPath, async (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFirst, 303);
    const result = await beginTotpSetup(c.get('deps'), auth.user);
    if (!result.ok) return c.redirect('/account/security#two-factor', 303);
    // Post/redirect/get: a reload (or a phone restoring the tab after the authenticator app)
    // shows this key again instead of sending the form again and replacing it.
    return c.redirect(setupPath, 303);
  });

  app.post('/account/security/2fa/enable', postEnable);
  // Form-result paths opened again lead back to their form rather than to a 404.
  app.get('/account/security/2fa/enable', (c) => {
    requireAuth(c);
    return c.redirect(setupPath, 303);
  });
  app.get('/account/security/2fa/recovery-codes', (c) => {
    requireAuth(c);
    return c.redirect('/account/security#two-factor', 303);
  });

  // Turning it off asks first, on its own page; a fresh proof of identity comes before that
  // page, and the person returns to it afterwards.
  app.get(disablePath, async (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFor(disablePath), 303);
    const status = await twoFactorStatus(c.get('deps').db, auth.user.id);
    if (!status.enabled) return c.redirect('/account/security#two-factor', 303);
    return twoFactorDisablePage(c, status);
  });

  app.post(disablePath, async (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFor(disablePath), 303);
    const done = await disableTotp(c.get('deps'), auth.user.id, requestMeta(c));
    return c.redirect(
      done
        ? '/account/security?notice=two-factor-disabled#two-factor'
        : '/account/security#two-factor',
      303,
    );
  });

  app.post('/account/security/2fa/recovery-codes', async (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFirst, 303);
    const codes = await regenerateRecoveryCodes(c.get('deps'), auth.user.id, requestMeta(c));
    if (!codes) return c.redirect('/account/security#two-factor', 303);
    return recoveryCodesPage(c, { codes, justEnabled: false });
  });

  return app;
}
