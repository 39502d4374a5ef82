import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { formErrors, readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { translator, type MessageKey } from '../i18n';
import { findUserById } from '../core/users';
import { emailSchema } from '../core/email-address';
import { changePassword } from '../auth';
import { requestEmailChange } from '../auth';
import { invalidateUserSessions } from '../sessions/invalidate';
import { listPasskeys } from '../passkeys';
import { twoFactorStatus } from '../auth';
import { listActivity, recordEvent } from '../core/activity';
import { profileSchema, timeZoneMessage, updateProfile } from './profile';
import { endOwnSession, listSessions, overviewSummary } from './sessions-service';
import { overviewPage } from './views/overview-page';
import { profilePage } from './views/profile-page';
import { endOthersConfirmPage, securityPage, type SecurityState } from './views/security-page';

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

export function cabinetPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/account', async (c) => {
    const auth = requireAuth(c);
    const { db, clock } = c.get('deps');
    // The session lookup already read the person; what it does not know comes in one query.
    const summary = await overviewSummary(db, auth.user.id, clock.now());
    return overviewPage(c, { user: auth.user, ...summary });
  });

  app.get('/account/profile', async (c) => {
    const auth = requireAuth(c);
    const user = await findUserById(c.get('deps').db, auth.user.id);
    return profilePage(c, { user: user!, saved: c.req.query('saved') === '1' });
  });
  app.post('/account/profile', async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const form = await readForm(c);
    // A field missing from the form (an older page, say) stays as it is; an empty one is cleared.
    const values = {
      name: form.name,
      phone: form.phone,
      videoHandle: form.videoHandle,
      goals: form.goals,
      locale: form.locale,
      timeZone: form.timeZone,
    };
    const parsed = profileSchema.safeParse(values);
    if (!parsed.success) {
      const user = await findUserById(deps.db, auth.user.id);
      const errors = formErrors(parsed.error);
      // The schema speaks English for the API; the page says it in the person's language.
      if (errors.timeZone === timeZoneMessage) errors.timeZone = 'profile.timeZone.invalid';
      return profilePage(c, { user: user!, values, errors, status: 400 });
    }
    await updateProfile(deps, auth.user.id, parsed.data, requestMeta(c));
    return c.redirect('/account/profile?saved=1', 303);
  });

  app.get('/account/security', (c) => renderSecurity(c));
  app.post('/account/security/password', async (c) => {
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
        errors: {
          _: t('error.rateLimited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
        },
        status: 429,
      });
    if (result.reason === 'weak-password')
      return renderSecurity(c, {
        errors: { newPassword: t(`password.${result.problem}`) },
        status: 400,
      });
    return renderSecurity(c, { errors: { currentPassword: t('reauth.wrong') }, status: 400 });
  });
  app.post('/account/security/email', async (c) => {
    const auth = requireAuth(c);
    const t = translator(c.get('locale'));
    // Sensitive: an email change needs a fresh proof; come back to the form afterwards.
    if (!auth.isPrivileged)
      return c.redirect(`/reauth?next=${encodeURIComponent('/account/security#email')}`, 303);
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
        errors: {
          _: t('error.rateLimited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }),
        },
        values,
        status: 429,
      });
    }
    return c.redirect('/account/security?notice=email-sent', 303);
  });
  app.post('/account/security/sessions/:id/end', async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const ended = await endOwnSession(deps.db, auth.user.id, c.req.param('id').slice(0, 64));
    if (ended)
      await recordEvent(deps.db, {
        userId: auth.user.id,
        action: 'session.ended',
        at: deps.clock.now(),
        meta: requestMeta(c),
      });
    return c.redirect(
      ended ? '/account/security?notice=session-ended#sessions' : '/account/security#sessions',
      303,
    );
  });
  app.get('/account/security/sessions/end-others', async (c) => {
    const auth = requireAuth(c);
    const { db, clock } = c.get('deps');
    const sessions = await listSessions(db, auth.user.id, clock.now());
    return endOthersConfirmPage(c, sessions.filter((s) => s.id !== auth.session.id).length);
  });
  app.post('/account/security/sessions/end-others', async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const n = await invalidateUserSessions(deps.db, auth.user.id, auth.session.id);
    await recordEvent(deps.db, {
      userId: auth.user.id,
      action: 'sessions.ended-others',
      at: deps.clock.now(),
      meta: requestMeta(c),
      details: { count: n },
    });
    return c.redirect('/account/security?notice=others-ended#sessions', 303);
  });

  return app;
}
