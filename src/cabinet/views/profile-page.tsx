import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import type { UserRow } from '../../core/users';
import { Notice, type FormErrors } from '../../views/components';
import { renderPage } from '../../views/layout';
import { translateError } from '../../views/translate-error';
import { ProfileForm, type ProfileValues } from './profile-form';

export function profilePage(
  c: Context<AppEnv>,
  s: {
    user: UserRow;
    values?: ProfileValues;
    errors?: FormErrors;
    saved?: boolean;
    status?: 200 | 400;
  },
) {
  const t = translator(c.get('locale'));
  const v: ProfileValues = s.values ?? s.user;
  const e = (k: string) => translateError(t, s.errors?.[k]);
  return renderPage(
    c,
    {
      title: t('profile.title'),
      section: 'profile',
      status: s.status ?? 200,
      scripts: ['/assets/time-zone.js'],
    },
    <>
      <h1>{t('profile.title')}</h1>
      <p class="lead">{t('profile.lead')}</p>
      {s.saved ? <Notice kind="success">{t('form.saved')}</Notice> : null}
      {s.errors && Object.keys(s.errors).length ? (
        <Notice kind="error">{t('form.fixErrors')}</Notice>
      ) : null}
      <ProfileForm t={t} v={v} e={e} offered={c.get('deps').config.supportedLocales} />
      <section class="card">
        <h2>{t('profile.email')}</h2>
        <p>
          {s.user.email} — <a href="/account/security#email">{t('profile.email.change')}</a>
        </p>
      </section>
    </>,
  );
}
