import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { Checkbox, Field, Notice, type FormErrors } from '../../views/components';
import { renderPage } from '../../views/layout';
import { translateError } from '../../views/translate-error';

export type RegisterValues = {
  email?: string;
  name?: string;
  acceptPrivacyPolicy?: boolean;
  confirmAge?: boolean;
  /** A password was typed: it is not sent back, and the page says why. */
  passwordTyped?: boolean;
  /** The zone the browser reported (a known one, else none). */
  timeZone?: string | null;
};

/** The form's fields in page order: the first with an error gets the focus. */
const fieldOrder = ['name', 'email', 'password', 'acceptPrivacyPolicy', 'confirmAge'] as const;
type FieldName = (typeof fieldOrder)[number];

type FieldError = (field: string) => string | undefined;

type FormProps = {
  t: T;
  values: RegisterValues;
  e: FieldError;
  minAge: number;
  focus: FieldName | undefined;
};

/** The two consents the form asks for: the privacy policy, and being old enough. */
function Consents({ t, e, minAge, values, focus }: FormProps) {
  return (
    <>
      <Checkbox
        name="acceptPrivacyPolicy"
        required
        checked={values.acceptPrivacyPolicy}
        autofocus={focus === 'acceptPrivacyPolicy'}
        error={e('acceptPrivacyPolicy')}
        label={
          <>
            {t('register.acceptPolicy')}{' '}
            {/* A new tab: reading the policy must not lose what was typed. */}
            <a href="/privacy" target="_blank" rel="noopener">
              {t('register.policyLink')}
            </a>
          </>
        }
      />
      <Checkbox
        name="confirmAge"
        required
        checked={values.confirmAge}
        autofocus={focus === 'confirmAge'}
        error={e('confirmAge')}
        label={t('register.confirmAge', { age: minAge })}
      />
    </>
  );
}

/** The form itself; `e` gives a field's translated error. */
function RegisterForm(p: FormProps) {
  const { t, values, e, focus } = p;
  return (
    <form method="post" action="/register" novalidate>
      <Field
        name="name"
        label={t('register.name')}
        value={values.name}
        error={e('name')}
        autofocus={focus === 'name'}
        autocomplete="name"
        required
        maxlength={100}
      />
      <Field
        name="email"
        label={t('register.email')}
        type="email"
        value={values.email}
        error={e('email')}
        autofocus={focus === 'email'}
        autocomplete="email"
        required
        inputmode="email"
      />
      <Field
        name="password"
        label={t('register.password')}
        type="password"
        error={e('password')}
        autofocus={focus === 'password'}
        hint={
          values.passwordTyped
            ? `${t('register.passwordHint')} ${t('register.passwordCleared')}`
            : t('register.passwordHint')
        }
        autocomplete="new-password"
        required
      />
      <Consents {...p} />
      {/* Filled by /assets/browser-time-zone.js: the new account shows times in this zone. */}
      <input
        type="hidden"
        name="timeZone"
        value={values.timeZone ?? ''}
        data-browser-time-zone=""
      />
      <div class="form-actions">
        <button type="submit" class="button">
          {t('register.submit')}
        </button>
      </div>
    </form>
  );
}

export function registerPage(
  c: Context<AppEnv>,
  values: RegisterValues = {},
  errors: FormErrors = {},
  status: 200 | 400 | 429 = 200,
) {
  const t = translator(c.get('locale'));
  const e = (k: string) => translateError(t, errors[k]);
  const minAge = c.get('deps').config.minAge;
  return renderPage(
    c,
    { title: t('register.title'), status, scripts: ['/assets/browser-time-zone.js'] },
    <section class="card narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      {errors._ ? (
        <Notice kind="error">{e('_')}</Notice>
      ) : Object.keys(errors).length ? (
        <Notice kind="error">
          {t('form.fixErrors')}
          <ul>
            {fieldOrder
              .filter((f) => errors[f])
              .map((f) => (
                <li>
                  <a href={`#f-${f}`}>{e(f)}</a>
                </li>
              ))}
          </ul>
        </Notice>
      ) : null}
      <RegisterForm
        t={t}
        values={values}
        e={e}
        minAge={minAge}
        focus={fieldOrder.find((f) => errors[f])}
      />
      <p>
        {t('register.haveAccount')} <a href="/login">{t('register.signIn')}</a>
      </p>
    </section>,
  );
}

export function registerSentPage(c: Context<AppEnv>, email: string) {
  const t = translator(c.get('locale'));
  return renderPage(
    c,
    { title: t('register.sent.title') },
    <section class="card narrow">
      <h1>{t('register.sent.title')}</h1>
      <Notice kind="success">{t('register.sent.body', { email })}</Notice>
      <p>{t('register.sent.spam')}</p>
      <form method="post" action="/verify-email/resend" class="inline-form">
        <input type="hidden" name="email" value={email} />
        <button type="submit" class="button secondary">
          {t('verify.resend')}
        </button>
      </form>
    </section>,
  );
}
