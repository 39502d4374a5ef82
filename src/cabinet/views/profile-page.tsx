import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { locales, translator } from '../../i18n';
import type { UserRow } from '../../core/users';
import { Field, Notice, type FormErrors } from '../../views/components';
import { renderPage } from '../../views/layout';
import { translateError } from '../../views/translate-error';
import { TimeZoneList } from '../../views/time-zone-list';

export type ProfileValues = Partial<
  Record<'name' | 'phone' | 'videoHandle' | 'goals' | 'locale' | 'timeZone', string | null>
>;

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
      <form method="post" action="/account/profile" class="card">
        <Field
          name="name"
          label={t('register.name')}
          value={v.name}
          error={e('name')}
          autocomplete="name"
          required
          maxlength={100}
        />
        <Field
          name="phone"
          label={t('profile.phone')}
          type="tel"
          value={v.phone}
          error={e('phone')}
          autocomplete="tel"
          hint={t('profile.phone.hint')}
          maxlength={32}
        />
        <Field
          name="videoHandle"
          label={t('profile.videoHandle')}
          value={v.videoHandle}
          error={e('videoHandle')}
          hint={t('profile.videoHandle.hint')}
          maxlength={100}
        />
        <Field
          name="goals"
          label={t('profile.goals')}
          value={v.goals}
          error={e('goals')}
          hint={t('profile.goals.hint')}
          textarea
          maxlength={2000}
        />
        <div class="field">
          <label for="f-locale">{t('profile.locale')}</label>
          <select id="f-locale" name="locale">
            {locales.map((l) => (
              <option value={l} selected={v.locale === l}>
                {l === 'uk' ? 'Українська' : 'English'}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="timeZone"
          label={t('profile.timeZone')}
          value={v.timeZone}
          error={e('timeZone')}
          hint={t('profile.timeZone.hint')}
          maxlength={64}
          list="time-zones"
          autocomplete="off"
        />
        <TimeZoneList />
        {/* Shown by /assets/time-zone.js when this device's zone is not the one in the field. */}
        <button
          type="button"
          id="time-zone-detect"
          class="button small secondary"
          data-label={t('profile.timeZone.detect')}
          hidden
        ></button>
        <div class="form-actions">
          <button type="submit" class="button">
            {t('form.save')}
          </button>
        </div>
      </form>
      <section class="card">
        <h2>{t('profile.email')}</h2>
        <p>
          {s.user.email} — <a href="/account/security#email">{t('profile.email.change')}</a>
        </p>
      </section>
    </>,
  );
}
