import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { Checkbox, Field, Notice, type FormErrors } from '../../views/components';
import { renderPage } from '../../views/layout';
import { translateError } from '../../views/translate-error';

export type RegisterValues = { email?: string; name?: string };

type FieldError = (field: string) => string | undefined;

/** The two consents the form asks for: the privacy policy, and being old enough. */
function Consents({ t, e, minAge }: { t: T; e: FieldError; minAge: number }) {
  return (
    <>
      <Checkbox
        name="acceptPrivacyPolicy"
        required
        error={e('acceptPrivacyPolicy')}
        label={
          <>
            {t('register.acceptPolicy')} <a href="/privacy">{t('register.policyLink')}</a>
          </>
        }
      />
      <Checkbox
        name="confirmAge"
        required
        error={e('confirmAge')}
        label={t('register.confirmAge', { age: minAge })}
      />
    </>
  );
}

/** The form itself; `e` gives a field's translated error. */
function RegisterForm(p: { t: T; values: RegisterValues; e: FieldError; minAge: number }) {
  const { t, values, e, minAge } = p;
  return (
    <form method="post" action="/register" novalidate>
      <Field
        name="name"
        label={t('register.name')}
        value={values.name}
        error={e('name')}
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
        autocomplete="email"
        required
        inputmode="email"
      />
      <Field
        name="password"
        label={t('register.password')}
        type="password"
        error={e('password')}
        hint={t('register.passwordHint')}
        autocomplete="new-password"
        required
      />
      <Consents t={t} e={e} minAge={minAge} />
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
    { title: t('register.title'), status },
    <section class="card narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      {errors._ ? (
        <Notice kind="error">{e('_')}</Notice>
      ) : Object.keys(errors).length ? (
        <Notice kind="error">{t('form.fixErrors')}</Notice>
      ) : null}
      <RegisterForm t={t} values={values} e={e} minAge={minAge} />
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
