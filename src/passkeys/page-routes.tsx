import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { translator } from '../i18n';
import { renderErrorPage } from '../views/error-page';
import { renderSecurity } from '../cabinet/page-routes';
import { passkeyNameSchema } from './credentials';
import { removeOwnPasskey, renameOwnPasskey } from './manage';

const reauthFirst = `/reauth?next=${encodeURIComponent('/account/security#passkeys')}`;

/** The no-JavaScript half of passkey management on /account/security. */
export function passkeyPageRoutes() {
  const app = new Hono<AppEnv>();

  // With JavaScript, passkey-register.js handles the form; without it, say why nothing happens
  // (after a re-authentication, so a later retry with JavaScript goes straight through).
  app.post('/account/security/passkeys/add', (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFirst, 303);
    return c.redirect('/account/security?notice=passkey-needs-js#passkeys', 303);
  });

  app.post('/account/security/passkeys/:id/rename', async (c) => {
    const auth = requireAuth(c);
    const t = translator(c.get('locale'));
    const name = passkeyNameSchema.safeParse((await readForm(c)).name ?? '');
    if (!name.success) return renderSecurity(c, { errors: { _: t('form.required') }, status: 400 });
    const row = await renameOwnPasskey(c.get('deps'), auth.user.id, c.req.param('id').slice(0, 64), name.data, requestMeta(c));
    if (!row) return renderErrorPage(c, 404);
    return c.redirect('/account/security?notice=passkey-renamed#passkeys', 303);
  });

  app.post('/account/security/passkeys/:id/remove', async (c) => {
    const auth = requireAuth(c);
    if (!auth.isPrivileged) return c.redirect(reauthFirst, 303);
    const t = translator(c.get('locale'));
    const result = await removeOwnPasskey(c.get('deps'), auth.user.id, c.req.param('id').slice(0, 64), requestMeta(c));
    if (!result.ok && result.reason === 'not-found') return renderErrorPage(c, 404);
    if (!result.ok) return renderSecurity(c, { errors: { _: t('passkey.error.last') }, status: 409 });
    return c.redirect('/account/security?notice=passkey-removed#passkeys', 303);
  });

  return app;
}
