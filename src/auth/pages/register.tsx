import { Hono, type Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env';
import { formErrors, readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { translator } from '../../i18n';
import { emailSchema, normalizeEmail } from '../../core/email-address';
import { personNameSchema } from '../../core/me';
import { register } from '../register';
import { checkPassword, normalizePassword } from '../../core/password-policy';
import { registerPage, registerSentPage } from '../views/register-page';
import { minutes } from './common';
import { browserTimeZone } from '../time-zone';

const registerForm = z.object({
  name: z.string().trim().min(1, 'form.required').pipe(personNameSchema),
  email: z
    .string()
    .min(1, 'form.required')
    .refine((v) => emailSchema.safeParse(v).success, 'form.invalidEmail')
    .transform(normalizeEmail),
  password: z.string().min(1, 'form.required').max(512),
  acceptPrivacyPolicy: z.literal('true', { message: 'register.mustAccept' }),
  confirmAge: z.literal('true', { message: 'register.mustConfirmAge' }),
});

async function postRegister(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const form = await readForm(c);
  const parsed = registerForm.safeParse(form);
  const values = {
    email: form.email,
    name: form.name,
    acceptPrivacyPolicy: form.acceptPrivacyPolicy === 'true',
    confirmAge: form.confirmAge === 'true',
    passwordTyped: !!form.password,
    timeZone: browserTimeZone(form.timeZone),
  };
  if (!parsed.success) {
    // Every field in one round: the password's strength too, not only once the rest is right.
    const errors = formErrors(parsed.error);
    const problem =
      form.password && !errors.password
        ? checkPassword(normalizePassword(form.password), { email: form.email, name: form.name })
        : null;
    if (problem) errors.password = `password.${problem}`;
    return registerPage(c, values, errors, 400);
  }
  const result = await register(
    c.get('deps'),
    { ...parsed.data, locale: c.get('locale'), timeZone: values.timeZone },
    requestMeta(c),
  );
  if (!result.ok && result.reason === 'rate-limited') {
    return registerPage(
      c,
      values,
      { _: t('error.rateLimited', { minutes: minutes(result.retryAfterSeconds) }) },
      429,
    );
  }
  if (!result.ok && result.reason === 'weak-password')
    return registerPage(c, values, { password: `password.${result.problem}` }, 400);
  return registerSentPage(c, parsed.data.email);
}

/** The registration form; a verification link is mailed from here. */
export function registerPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/register', (c) => (c.get('auth') ? c.redirect('/account', 303) : registerPage(c)));
  app.post('/register', postRegister);
  return app;
}
