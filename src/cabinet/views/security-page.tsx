import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';
import type { PasskeyRow } from '../../passkeys';
import { PasskeysSection } from '../../passkeys';
import type { TwoFactorStatus } from '../../auth';
import { TwoFactorSection } from '../../auth';
import { ActivitySection, type EventRow } from './activity-section';
import { SessionsSection, type SessionRow } from './sessions-section';

type Errors = { currentPassword?: string; newPassword?: string; newEmail?: string; _?: string };

export type SecurityState = {
  sessions: SessionRow[];
  currentSessionId: string;
  events: EventRow[];
  userId: string;
  notice?: string;
  errors?: Errors;
  /** What was typed into a form that came back with an error (never a password). */
  values?: { newEmail?: string };
  status?: 200 | 400 | 409 | 429;
  passkeys: PasskeyRow[];
  twoFactor: TwoFactorStatus;
  isPrivileged: boolean;
};

function PasswordSection(p: { t: T; email: string; errors?: Errors }) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="password-h">
      <h2 id="password-h">{t('security.password')}</h2>
      <form method="post" action="/account/security/password">
        {/* For password managers: which account this new password belongs to. */}
        <input type="text" name="username" autocomplete="username" value={p.email} hidden />
        <Field
          name="currentPassword"
          label={t('security.currentPassword')}
          type="password"
          autocomplete="current-password"
          error={p.errors?.currentPassword}
          required
        />
        <Field
          name="newPassword"
          label={t('reset.password')}
          type="password"
          autocomplete="new-password"
          hint={t('register.passwordHint')}
          error={p.errors?.newPassword}
          required
        />
        <p class="hint">{t('security.password.others')}</p>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('security.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EmailSection(p: { t: T; value?: string; error?: string }) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="email-h" id="email">
      <h2 id="email-h">{t('security.email')}</h2>
      <p>{t('security.email.lead')}</p>
      <form method="post" action="/account/security/email">
        <Field
          name="newEmail"
          label={t('security.newEmail')}
          type="email"
          autocomplete="email"
          value={p.value}
          error={p.error}
          required
          inputmode="email"
          maxlength={254}
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('security.email.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function securityPage(c: Context<AppEnv>, s: SecurityState) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    {
      title: t('security.title'),
      section: 'security',
      status: s.status ?? 200,
      scripts: ['/assets/passkey-register.js'],
    },
    <>
      <h1>{t('security.title')}</h1>
      {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
      {s.errors?._ ? <Notice kind="error">{s.errors._}</Notice> : null}
      <PasswordSection t={t} email={c.get('auth')?.user.email ?? ''} errors={s.errors} />
      <PasskeysSection c={c} passkeys={s.passkeys} isPrivileged={s.isPrivileged} />
      <TwoFactorSection c={c} status={s.twoFactor} />
      <EmailSection t={t} value={s.values?.newEmail} error={s.errors?.newEmail} />
      <SessionsSection c={c} sessions={s.sessions} currentSessionId={s.currentSessionId} />
      <ActivitySection c={c} events={s.events} />
    </>,
  );
}
