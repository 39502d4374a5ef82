import { Hono, type Context } from 'hono';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { requireAuth } from '../http/require';
import { translator } from '../i18n';
import { renderErrorPage } from '../views/error-page';
import { findOwnPasskey, passkeyNameSchema, type PasskeyRow } from './credentials';
import { isLastWayIn, removeOwnPasskey, renameOwnPasskey } from './manage';
import { passkeyRemovePage } from './views/passkey-remove-page';
import { reauthFor } from '../http/reauth-link';

const reauthFirst = reauthFor('/account/security#passkeys');
const removePath = (key: PasskeyRow) => `/account/security/passkeys/${key.id}/remove`;

/** The passkey only if it is the person's own: someone else's id, or a made-up one, is a 404. */
async function ownPasskey(c: Context<AppEnv>) {
  const auth = requireAuth(c);
  return findOwnPasskey(c.get('deps').db, auth.user.id, (c.req.param('id') ?? '').slice(0, 64));
}

/**
 * The no-JavaScript half of passkey management on /account/security. That page belongs to the
 * cabinet, above this feature: app.ts passes in how to show it again with an error.
 */
export function passkeyPageRoutes(options: {
  renderSecurity: (
    c: Context<AppEnv>,
    extra: { errors: Record<string, string>; status: 400 },
  ) => Response | Promise<Response>;
}) {
  const { renderSecurity } = options;
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
    const row = await renameOwnPasskey(
      c.get('deps'),
      auth.user.id,
      c.req.param('id').slice(0, 64),
      name.data,
      requestMeta(c),
    );
    if (!row) return renderErrorPage(c, 404);
    return c.redirect('/account/security?notice=passkey-renamed#passkeys', 303);
  });

  // Removing asks first, on its own page; a fresh proof of identity comes before that page,
  // and the person returns to it afterwards.
  app.get('/account/security/passkeys/:id/remove', async (c) => {
    const auth = requireAuth(c);
    const key = await ownPasskey(c);
    if (!key) return renderErrorPage(c, 404);
    if (!auth.isPrivileged) return c.redirect(reauthFor(removePath(key)), 303);
    return passkeyRemovePage(c, { passkey: key, isLast: await isLastWayIn(c.get('deps').db, key) });
  });

  app.post('/account/security/passkeys/:id/remove', async (c) => {
    const auth = requireAuth(c);
    const key = await ownPasskey(c);
    if (!key) return renderErrorPage(c, 404);
    if (!auth.isPrivileged) return c.redirect(reauthFor(removePath(key)), 303);
    const result = await removeOwnPasskey(c.get('deps'), auth.user.id, key.id, requestMeta(c));
    if (!result.ok && result.reason === 'not-found') return renderErrorPage(c, 404);
    if (!result.ok) return passkeyRemovePage(c, { passkey: key, isLast: true, status: 409 });
    return c.redirect('/account/security?notice=passkey-removed#passkeys', 303);
  });

  return app;
}
