import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { pageDates } from '../../views/dates';
import { describeDevice } from '../../views/device-label';
import { activityLabel } from '../../views/activity-label';
import { Field, Notice } from '../../views/components';
import { renderPage } from '../../views/layout';
import type { PasskeyRow } from '../../passkeys';
import { PasskeysSection } from '../../passkeys';
import type { TwoFactorStatus } from '../../auth';
import { TwoFactorSection } from '../../auth';
import { actedByLabel, type ActivityRow } from '../../core/activity';

type SessionRow = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
};
/** As `listActivity` gives them: the school's acts carry no staff member's address or browser. */
type EventRow = Pick<ActivityRow, 'id' | 'action' | 'at' | 'ip' | 'byStaff' | 'byRole'>;

export type SecurityState = {
  sessions: SessionRow[];
  currentSessionId: string;
  events: EventRow[];
  userId: string;
  notice?: string;
  errors?: { currentPassword?: string; newPassword?: string; newEmail?: string; _?: string };
  /** What was typed into a form that came back with an error (never a password). */
  values?: { newEmail?: string };
  status?: 200 | 400 | 409 | 429;
  passkeys: PasskeyRow[];
  twoFactor: TwoFactorStatus;
  isPrivileged: boolean;
};

export function securityPage(c: Context<AppEnv>, s: SecurityState) {
  const locale = c.get('locale');
  const t = translator(locale);
  const when = pageDates(c);
  const others = s.sessions.filter((x) => x.id !== s.currentSessionId).length;
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

      <section class="card" aria-labelledby="password-h">
        <h2 id="password-h">{t('security.password')}</h2>
        <form method="post" action="/account/security/password">
          <input
            type="text"
            name="username"
            autocomplete="username"
            value={c.get('auth')?.user.email ?? ''}
            hidden
          />
          <Field
            name="currentPassword"
            label={t('security.currentPassword')}
            type="password"
            autocomplete="current-password"
            error={s.errors?.currentPassword}
            required
          />
          <Field
            name="newPassword"
            label={t('reset.password')}
            type="password"
            autocomplete="new-password"
            hint={t('register.passwordHint')}
            error={s.errors?.newPassword}
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

      <PasskeysSection c={c} passkeys={s.passkeys} isPrivileged={s.isPrivileged} />
      <TwoFactorSection c={c} status={s.twoFactor} />

      <section class="card" aria-labelledby="email-h" id="email">
        <h2 id="email-h">{t('security.email')}</h2>
        <p>{t('security.email.lead')}</p>
        <form method="post" action="/account/security/email">
          <Field
            name="newEmail"
            label={t('security.newEmail')}
            type="email"
            autocomplete="email"
            value={s.values?.newEmail}
            error={s.errors?.newEmail}
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

      <section class="card" aria-labelledby="sessions-h" id="sessions">
        <h2 id="sessions-h">{t('security.sessions')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('security.col.device')}</th>
              <th scope="col">{t('security.col.ip')}</th>
              <th scope="col">{t('security.col.lastSeen')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('security.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.sessions.map((x) => (
              <tr>
                <td title={x.userAgent ?? ''}>{describeDevice(x.userAgent)}</td>
                <td>{x.ip ?? '—'}</td>
                <td>{when.dateTime(x.lastSeenAt)}</td>
                <td>
                  {x.id === s.currentSessionId ? (
                    <span class="badge ok">{t('security.thisDevice')}</span>
                  ) : (
                    <form
                      method="post"
                      action={`/account/security/sessions/${x.id}/end`}
                      class="inline-form"
                    >
                      <button type="submit" class="button small secondary">
                        {t('security.endSession')}
                        <span class="visually-hidden">{` (${describeDevice(x.userAgent)}, ${x.ip ?? '—'})`}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {others > 0 ? (
          <p>
            <a class="button secondary" href="/account/security/sessions/end-others">
              {t('security.endOthers', { count: others })}
            </a>
          </p>
        ) : null}
      </section>

      <section class="card" aria-labelledby="activity-h" id="activity">
        <h2 id="activity-h">{t('security.activity')}</h2>
        <p class="meta">{t('security.activity.lead')}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('security.col.when')}</th>
              <th scope="col">{t('security.col.what')}</th>
              <th scope="col">{t('security.col.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {s.events.map((e) => (
              <tr>
                <td>{when.dateTime(e.at)}</td>
                <td>
                  {activityLabel(t, e.action)}{' '}
                  {e.byStaff ? <span class="badge warn">{actedByLabel(t, e)}</span> : null}
                </td>
                <td>{e.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>,
  );
}

export function endOthersConfirmPage(c: Context<AppEnv>, count: number) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('security.endOthers.title'), section: 'security' },
    <section class="card narrow">
      <h1>{t('security.endOthers.title')}</h1>
      <p>{t('security.endOthers.body', { count })}</p>
      <form method="post" action="/account/security/sessions/end-others" class="form-actions">
        <button type="submit" class="button danger">
          {t('security.endOthers', { count })}
        </button>
        <a href="/account/security#sessions">{t('form.cancel')}</a>
      </form>
    </section>,
  );
}
