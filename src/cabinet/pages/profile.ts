import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { formErrors, readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { findUserById } from '../../core/users';
import { isLocale } from '../../i18n';
import { updateProfile } from '../profile-service';
import { profileSchema, timeZoneMessage } from '../schemas';
import { profilePage } from '../views/profile-page';

async function saveProfile(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  const deps = c.get('deps');
  const form = await readForm(c);
  // A field missing from the form (an older page, say) stays as it is; an empty one is cleared.
  const values = {
    name: form.name,
    phone: form.phone,
    videoHandle: form.videoHandle,
    goals: form.goals,
    // One of ours that the school does not offer (SUPPORTED_LOCALES) is not taken from a
    // hand-made post: the field stays as it is. Anything else is the schema's to refuse.
    locale:
      isLocale(form.locale) && !deps.config.supportedLocales.includes(form.locale)
        ? undefined
        : form.locale,
    timeZone: form.timeZone,
  };
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) {
    const user = await findUserById(deps.db, auth.user.id);
    const errors = formErrors(parsed.error);
    // The schema speaks English for the API; the page says it in the person's language.
    if (errors.timeZone === timeZoneMessage) errors.timeZone = 'profile.timeZone.invalid';
    return profilePage(c, { user: user!, values, errors, status: 400 });
  }
  await updateProfile(deps, auth.user.id, parsed.data, requestMeta(c));
  return c.redirect('/account/profile?saved=1', 303);
}

/** /account/profile: the form and its answer. */
export function profilePageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/account/profile', async (c) => {
    const auth = requireAuth(c);
    const user = await findUserById(c.get('deps').db, auth.user.id);
    return profilePage(c, { user: user!, saved: c.req.query('saved') === '1' });
  });
  app.post('/account/profile', saveProfile);
  return app;
}
