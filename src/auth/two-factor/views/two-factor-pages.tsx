import type { Context } from 'hono';
import type { AppEnv } from '../../../http/env';
import { translator } from '../../../i18n';
import { pageDates } from '../../../views/dates';
import { Field, Notice } from '../../../views/components';
import { renderPage } from '../../../views/layout';
import type { TwoFactorStatus } from '../manage';
import { CopyButton, KeepCodes, copyScript } from './keep-codes';

const back = '/account/security#two-factor';

/**
 * The "Two-step sign-in" card of the security page; every action is a plain form, and turning
 * it off first asks on its own page (twoFactorDisablePage).
 */
export function TwoFactorSection(p: { c: Context<AppEnv>; status: TwoFactorStatus }) {
  const t = translator(p.c.get('locale'));
  const s = p.status;
  return (
    <section class="card" aria-labelledby="two-factor-h" id="two-factor">
      <h2 id="two-factor-h">{t('twoFactor.section')}</h2>
      <p>{t('twoFactor.lead')}</p>
      {s.enabled ? (
        <>
          <p>
            <span class="badge ok">
              {t('twoFactor.on', { when: pageDates(p.c).dateTime(s.enabledAt!) })}
            </span>
          </p>
          <p>{t('twoFactor.codesLeft', { count: s.recoveryCodesLeft })}</p>
          <div class="actions">
            <form method="post" action="/account/security/2fa/recovery-codes" class="inline-form">
              <button type="submit" class="button secondary">
                {t('twoFactor.regenerate')}
              </button>
            </form>
            <a class="button danger" href="/account/security/2fa/disable">
              {t('twoFactor.disable')}
            </a>
          </div>
        </>
      ) : (
        <>
          <p>{t('twoFactor.off')}</p>
          <form method="post" action="/account/security/2fa/setup" class="inline-form">
            <button type="submit" class="button">
              {t('twoFactor.enable')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/**
 * Enrolment: the QR code (an SVG made on the server, shown as an image so the page's strict
 * CSP stays intact), the same key as an otpauth:// link for the app on this very phone, the
 * key as text to type or copy, and the confirmation code field. Never cached: it holds a secret.
 */
export function twoFactorSetupPage(
  c: Context<AppEnv>,
  s: {
    secret: string;
    otpauthUrl: string;
    qrSvg: string;
    error?: string;
    status?: 200 | 400 | 429;
  },
) {
  const t = translator(c.get('locale'));
  const qr = `data:image/svg+xml;base64,${btoa(s.qrSvg)}`;
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    {
      title: t('twoFactor.setup.title'),
      section: 'security',
      status: s.status ?? 200,
      scripts: [copyScript],
    },
    <section class="card narrow">
      <h1>{t('twoFactor.setup.title')}</h1>
      {s.error ? <Notice kind="error">{s.error}</Notice> : null}
      <p>{t('twoFactor.setup.scan')}</p>
      <p>
        <img src={qr} alt={t('twoFactor.setup.qrAlt')} width={220} height={220} id="totp-qr" />
      </p>
      <p>
        <a href={s.otpauthUrl} class="button secondary" id="totp-open-app">
          {t('twoFactor.setup.openApp')}
        </a>
      </p>
      <p class="hint">{t('twoFactor.setup.manual')}</p>
      <p>
        <code id="totp-secret">{s.secret.match(/.{1,4}/g)!.join(' ')}</code>{' '}
        <CopyButton t={t} text={s.secret} label={t('twoFactor.copy.key')} />
      </p>
      <form method="post" action="/account/security/2fa/enable">
        <p>{t('twoFactor.setup.enter')}</p>
        <Field
          name="code"
          label={t('twoFactor.code')}
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={10}
          required
        />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('twoFactor.setup.submit')}
          </button>
          <a href={back}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>,
  );
}

/** The recovery codes, shown once, right after they were made; never cached. */
export function recoveryCodesPage(
  c: Context<AppEnv>,
  s: { codes: string[]; justEnabled: boolean },
) {
  const t = translator(c.get('locale'));
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    { title: t('twoFactor.codes.title'), section: 'security', scripts: [copyScript] },
    <section class="card narrow">
      <h1>{t('twoFactor.codes.title')}</h1>
      {s.justEnabled ? <Notice kind="success">{t('twoFactor.codes.enabled')}</Notice> : null}
      <p>{t('twoFactor.codes.lead')}</p>
      <ol id="recovery-codes">
        {s.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <KeepCodes c={c} codes={s.codes} />
      <p>
        <a class="button" href={back}>
          {t('twoFactor.codes.done')}
        </a>
      </p>
    </section>,
  );
}

export function setupExpiredPage(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('twoFactor.setup.title'), section: 'security', status: 400 },
    <section class="card narrow">
      <h1>{t('twoFactor.setup.title')}</h1>
      <Notice kind="error">{t('twoFactor.error.setupExpired')}</Notice>
      <form method="post" action="/account/security/2fa/setup" class="form-actions">
        <button type="submit" class="button">
          {t('twoFactor.enable')}
        </button>
        <a href={back}>{t('form.cancel')}</a>
      </form>
    </section>,
  );
}

/**
 * "Turn off two-step sign-in?" on its own page: since when it is on, what goes (the app's key
 * and every recovery code), one button that POSTs, and a way back.
 */
export function twoFactorDisablePage(c: Context<AppEnv>, s: TwoFactorStatus) {
  const t = translator(c.get('locale'));
  const when = pageDates(c);
  return renderPage(
    c,
    { title: t('twoFactor.disableConfirm.title'), section: 'security' },
    <section class="card narrow">
      <h1>{t('twoFactor.disableConfirm.title')}</h1>
      <dl class="facts" id="two-factor-facts">
        <dt>{t('twoFactor.disableConfirm.since')}</dt>
        <dd>{s.enabledAt ? when.dateTime(s.enabledAt) : '—'}</dd>
        <dt>{t('twoFactor.disableConfirm.codes')}</dt>
        <dd>{t('twoFactor.disableConfirm.codesLeft', { count: s.recoveryCodesLeft })}</dd>
      </dl>
      <p>{t('twoFactor.disableConfirm.body')}</p>
      <form method="post" action="/account/security/2fa/disable">
        <div class="form-actions">
          <button type="submit" class="button danger">
            {t('twoFactor.disable')}
          </button>
          <a href={back}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>,
  );
}
