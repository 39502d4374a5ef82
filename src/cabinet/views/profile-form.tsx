import { isLocale, languageNames, type Locale, type T } from '../../i18n';
import { Field } from '../../views/components';
import { TimeZoneList } from '../../views/time-zone-list';

export type ProfileValues = Partial<
  Record<'name' | 'phone' | 'videoHandle' | 'goals' | 'locale' | 'timeZone', string | null>
>;

type FieldsProps = {
  t: T;
  v: ProfileValues;
  e: (k: string) => string | undefined;
  /** The languages the school offers (SUPPORTED_LOCALES). */
  offered: readonly Locale[];
};

function AboutFields({ t, v, e }: FieldsProps) {
  return (
    <>
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
    </>
  );
}

function LanguageAndZoneFields({ t, v, e, offered }: FieldsProps) {
  // A language the school has since stopped offering stays listed while it is the person's own,
  // so saving the form never changes it behind their back.
  const choices =
    isLocale(v.locale) && !offered.includes(v.locale) ? [...offered, v.locale] : offered;
  return (
    <>
      <div class="field">
        <label for="f-locale">{t('profile.locale')}</label>
        <select id="f-locale" name="locale">
          {choices.map((l) => (
            <option value={l} selected={v.locale === l} lang={l}>
              {languageNames[l]}
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
    </>
  );
}

/** The profile form; `e` gives a field's error already in the person's language. */
export function ProfileForm(p: FieldsProps) {
  return (
    <form method="post" action="/account/profile" class="card">
      <AboutFields {...p} />
      <LanguageAndZoneFields {...p} />
      <div class="form-actions">
        <button type="submit" class="button">
          {p.t('form.save')}
        </button>
      </div>
    </form>
  );
}
