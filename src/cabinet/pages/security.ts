import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { translator, type MessageKey, type T } from '../../i18n';
import { emailSchema } from '../../core/email-address';
import { changePassword, requestEmailChange, twoFactorStatus } from '../../auth';
import { listPasskeys } from '../../passkeys';
import { listActivity } from '../../core/activity';
import { listSessions } from '../sessions-service';
import { securityPage, type SecurityState } from '../views/security-page';
import { reauthFor } from '../../http/reauth-link';

const notices = [
  'password-changed',
  'email-sent',
  'session-ended',
  'others-ended',
  'passkey-added',
  'passkey-renamed',
  'passkey-removed',
  'passkey-needs-js',
  'two-factor-disabled',
] as const;

/** The security page with its current data; other features' forms re-render it with errors. */
export async function renderSecurity(c: Context<AppEnv>, extra: Partial<SecurityState> = {}) {
  const auth = requireAuth(c);
  const { db, clock } = c.get('deps');
  const t = translator(c.get('locale'));
  const [sessions, events, passkeys, twoFactor] = await Promise.all([
    listSessions(db, auth.user.id, clock.now()),
    listActivity(db, auth.user.id, { limit: 30 }),
    listPasskeys(db, auth.user.id),
    twoFactorStatus(db, auth.user.id),
  ]);
  const notice = notices.find((n) => n === c.req.query('notice'));
  return securityPage(c, {
    sessions,
    events,
    currentSessionId: auth.session.id,
    userId: auth.user.id,
    passkeys,
    twoFactor,
    isPrivileged: auth.isPrivileged,
    notice: notice ? t(`security.notice.${notice}` as MessageKey) : undefined,
    ...extra,
  });
}

const rateLimitedError = (t: T, retryAfterSeconds: number) => ({
  _: t('error.rateLimited', { minutes: Math.ceil(retryAfterSeconds / 60) }),
});

async function changePasswordFromForm(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  const t = translator(c.get('locale'));
  const form = await readForm(c);
  const result = await changePassword(
    c.get('deps'),
    {
      userId: auth.user.id,
      sessionId: auth.session.id,
      currentPassword: (form.currentPassword ?? '').slice(0, 512),
      newPassword: (form.newPassword ?? '').slice(0, 512),
    },
    requestMeta(c),
  );
  if (result.ok) return c.redirect('/account/security?notice=password-changed', 303);
  if (result.reason === 'rate-limited')
    return renderSecurity(c, {
      errors: rateLimitedError(t, result.retryAfterSeconds),
      status: 429,
    });
  if (result.reason === 'weak-password')
    return renderSecurity(c, {
      errors: { newPassword: t(`password.${result.problem}`) },
      status: 400,
    });
  return renderSecurity(c, { errors: { currentPassword: t('reauth.wrong') }, status: 400 });
}

async function changeEmailFromForm(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  const t = translator(c.get('locale'));
  // Sensitive: an email change needs a fresh proof; come back to the form afterwards.
  if (!auth.isPrivileged) return c.redirect(reauthFor('/account/security#email'), 303);
  const newEmail = ((await readForm(c)).newEmail ?? '').slice(0, 320);
  // After an error the address is shown again as typed, so it can be corrected, not retyped.
  const values = { newEmail };
  const parsed = emailSchema.safeParse(newEmail);
  if (!parsed.success)
    return renderSecurity(c, {
      errors: { newEmail: t('form.invalidEmail') },
      values,
      status: 400,
    });
  const result = await requestEmailChange(
    c.get('deps'),
    { userId: auth.user.id, newEmail: parsed.data },
    requestMeta(c),
  );
  if (!result.ok) {
    c.header('Retry-After', String(result.retryAfterSeconds));
    return renderSecurity(c, {
      errors: rateLimitedError(t, result.retryAfterSeconds),
      values,
      status: 429,
    });
  }
  return c.redirect('/account/security?notice=email-sent', 303);
}

/** /account/security with its password and email forms. */
export function securityPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/account/security', (c) => renderSecurity(c));
  app.post('/account/security/password', changePasswordFromForm);
  app.post('/account/security/email', changeEmailFromForm);
  return app;
}
