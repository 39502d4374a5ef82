import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { Checkbox, Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';
import type { Child } from 'hono/jsx';

export type LoginState = {
  email?: string;
  next?: string;
  error?: 'invalid' | 'unverified' | 'reset-required' | 'rate-limited' | 'invalid-input';
  notice?: 'signed-out' | 'password-reset' | 'email-verified' | 'secured' | 'two-factor-expired';
  retryAfterMinutes?: number;
};

const statusOf = {
  invalid: 401,
  unverified: 403,
  'reset-required': 403,
  'rate-limited': 429,
  'invalid-input': 400,
} as const;

/** The notice after an earlier step (signed out, reset, ...) and the error of this attempt. */
function LoginNotices({ t, s }: { t: T; s: LoginState }) {
  return (
    <>
      {s.notice === 'two-factor-expired' ? (
        <Notice kind="error">{t('twoFactor.login.expired')}</Notice>
      ) : null}
      {s.notice && s.notice !== 'two-factor-expired' ? (
        <Notice kind="success">{t(`login.notice.${s.notice}`)}</Notice>
      ) : null}
      {s.error === 'invalid' || s.error === 'invalid-input' ? (
        <Notice kind="error">{t('login.error.invalid')}</Notice>
      ) : null}
      {s.error === 'rate-limited' ? (
        <Notice kind="error">
          {t('login.error.rateLimited', { minutes: s.retryAfterMinutes ?? 1 })}
        </Notice>
      ) : null}
      {s.error === 'reset-required' ? (
        <Notice kind="error">
          {t('login.error.resetRequired')} <a href="/forgot-password">{t('login.forgot')}</a>
        </Notice>
      ) : null}
      {s.error === 'unverified' ? (
        <Notice kind="error">
          <p>{t('login.error.unverified')}</p>
          <form method="post" action="/verify-email/resend" class="inline-form">
            <input type="hidden" name="email" value={s.email ?? ''} />
            <button type="submit" class="button small">
              {t('verify.resend')}
            </button>
          </form>
        </Notice>
      ) : null}
    </>
  );
}

/** `otherMethods`: further ways to sign in (the passkey button), passed in by the app. */
export function loginPage(c: Context<AppEnv>, s: LoginState = {}, otherMethods?: Child) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    {
      title: t('login.title'),
      status: s.error ? statusOf[s.error] : 200,
      scripts: ['/assets/passkey-login.js', '/assets/login-hint.js'],
    },
    <section class="card narrow">
      <h1>{t('login.title')}</h1>
      <LoginNotices t={t} s={s} />
      <form method="post" action={`/login${s.next ? `?next=${encodeURIComponent(s.next)}` : ''}`}>
        <Field
          name="email"
          label={t('login.email')}
          type="email"
          value={s.email}
          autocomplete="username webauthn"
          required
          inputmode="email"
        />
        <Field
          name="password"
          label={t('login.password')}
          type="password"
          autocomplete="current-password"
          required
        />
        {/* A school that promises no persistent cookies has no "remember me" (PERSISTENT_COOKIES). */}
        {c.get('deps').config.persistentCookies ? (
          <Checkbox name="remember" label={t('login.remember')} />
        ) : null}
        <div class="form-actions">
          <button type="submit" class="button">
            {t('login.submit')}
          </button>
          <a href="/forgot-password">{t('login.forgot')}</a>
        </div>
      </form>
      {otherMethods}
      <p>
        {t('login.noAccount')} <a href="/register">{t('login.register')}</a>
      </p>
    </section>,
  );
}
