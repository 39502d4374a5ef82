import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { isForeignGet } from '../../http/cross-site';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { requireAuth } from '../../http/require';
import { acceptPolicy } from '../../core/consents';
import { downloadPersonalData } from '../download';
import { loadPrivacyOverview } from '../overview';
import { liftRestriction, restrictProcessing } from '../restriction';
import { restrictionReasonSchema } from '../schemas';
import { exportPath, privacyPage, type PrivacyPageState } from '../views/privacy-page';
import { reauthFor } from '../../http/reauth-link';

type Handler = (c: Context<AppEnv>) => Promise<Response>;

const notices = ['restricted', 'lifted', 'accepted'] as const;
const formats = ['zip', 'json'] as const;

async function renderPrivacy(c: Context<AppEnv>, extra: Partial<PrivacyPageState> = {}) {
  const auth = requireAuth(c);
  const overview = await loadPrivacyOverview(c.get('deps'), auth.user.id);
  if (!overview) return c.redirect('/login', 303);
  const notice = notices.find((n) => n === c.req.query('notice'));
  // Never from a link on another site: the Refresh would be sent as same-origin and start an
  // export the person did not ask for (coming back from /reauth is our own 303).
  const download = isForeignGet(c) ? undefined : formats.find((f) => f === c.req.query('download'));
  // Back from confirming it is them: start the download they asked for. Refresh (not a redirect)
  // so the page stays in view with a link in case the browser does not follow it.
  if (download && auth.isPrivileged) c.header('Refresh', `0; url=${exportPath(download)}`);
  return privacyPage(c, {
    ...overview,
    isPrivileged: auth.isPrivileged,
    notice,
    download: auth.isPrivileged ? download : undefined,
    ...extra,
  });
}

const downloadData: Handler = async (c) => {
  const auth = requireAuth(c);
  const format = c.req.query('format') === 'json' ? 'json' : 'zip';
  // Sensitive: a fresh proof first, then back to the page, which starts this download (a
  // redirect straight into it would leave the person looking at the sign-in form).
  if (!auth.isPrivileged)
    return c.redirect(reauthFor(`/account/privacy?download=${format}#export`), 303);
  const download = await downloadPersonalData(
    c.get('deps'),
    {
      userId: auth.user.id,
      format,
      locale: c.get('locale'),
    },
    requestMeta(c),
  );
  if (!download) return c.redirect('/login', 303);
  return new Response(download.body, { status: 200, headers: download.headers });
};

const restrict: Handler = async (c) => {
  const auth = requireAuth(c);
  const form = await readForm(c);
  const parsed = restrictionReasonSchema.safeParse(form.reason ?? '');
  if (!parsed.success) {
    return renderPrivacy(c, {
      reasonValue: form.reason,
      reasonError: parsed.error.issues[0]?.message,
      status: 400,
    });
  }
  await restrictProcessing(c.get('deps'), auth.user.id, parsed.data, requestMeta(c));
  return c.redirect('/account/privacy?notice=restricted#restriction', 303);
};

const lift: Handler = async (c) => {
  const auth = requireAuth(c);
  await liftRestriction(c.get('deps'), auth.user.id, requestMeta(c));
  return c.redirect('/account/privacy?notice=lifted#restriction', 303);
};

const acceptFromPrivacyPage: Handler = async (c) => {
  const auth = requireAuth(c);
  const version = ((await readForm(c)).version ?? '').slice(0, 20);
  const result = await acceptPolicy(
    c.get('deps'),
    { userId: auth.user.id, version, method: 'cabinet' },
    requestMeta(c),
  );
  return c.redirect(
    result.ok ? '/account/privacy?notice=accepted#consents' : '/account/privacy#consents',
    303,
  );
};

/** /account/privacy: what we hold, the download, restriction and the consent history. */
export function privacyOverviewPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/account/privacy', (c) => renderPrivacy(c));
  app.get('/account/privacy/export', downloadData);
  app.post('/account/privacy/restriction', restrict);
  app.post('/account/privacy/restriction/lift', lift);
  app.post('/account/privacy/consent', acceptFromPrivacyPage);
  return app;
}
