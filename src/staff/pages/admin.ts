import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { translator } from '../../i18n';
import { emailSchema } from '../../core/email-address';
import { renderErrorPage } from '../../views/error-page';
import { requireAdmin } from '../access';
import { listAuditTrail } from '../audit-trail';
import { changeRole, grantStaffByEmail, listTeam } from '../roles';
import { pageQuerySchema } from '../schemas';
import { auditPage } from '../views/audit-page';
import { teamPage } from '../views/team-page';
import { uuid } from './card';
import { reauthFor } from '../../http/reauth-link';

/**
 * Role changes open everyone's data to someone, so they need a session that proved the
 * admin's password recently; otherwise the admin is sent to confirm it and comes back here.
 */
function requirePrivilegedAdmin(c: Context<AppEnv>) {
  const auth = requireAdmin(c);
  return auth.isPrivileged ? auth : null;
}

const confirmFirst = (c: Context<AppEnv>) => c.redirect(reauthFor('/staff/team'), 303);

async function renderTeam(
  c: Context<AppEnv>,
  extra: { error?: string; email?: string; status?: 400 | 404 | 409 } = {},
) {
  const auth = requireAdmin(c);
  const t = translator(c.get('locale'));
  const notice = c.req.query('notice');
  return teamPage(c, {
    members: await listTeam(c.get('deps').db),
    selfId: auth.user.id,
    notice:
      notice === 'granted' || notice === 'removed' ? t(`staff.team.notice.${notice}`) : undefined,
    ...extra,
  });
}

async function showAuditTrail(c: Context<AppEnv>) {
  const auth = requireAdmin(c);
  const page = pageQuerySchema.safeParse(c.req.query('page') ?? 1);
  const trail = await listAuditTrail(
    c.get('deps'),
    { adminId: auth.user.id, meta: requestMeta(c) },
    page.success ? page.data : 1,
  );
  return auditPage(c, trail);
}

/** The team page's "give staff access" form: the person is named by email. */
async function grantStaff(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const auth = requirePrivilegedAdmin(c);
  if (!auth) return confirmFirst(c);
  const raw = ((await readForm(c)).email ?? '').slice(0, 320);
  const email = emailSchema.safeParse(raw);
  if (!email.success)
    return renderTeam(c, { error: t('form.invalidEmail'), email: raw, status: 400 });
  const result = await grantStaffByEmail(
    c.get('deps'),
    { adminId: auth.user.id, meta: requestMeta(c) },
    email.data,
  );
  if (!result.ok && result.reason === 'not-found')
    return renderTeam(c, { error: t('staff.team.notFound'), email: raw, status: 404 });
  if (!result.ok) return renderTeam(c, { error: t('staff.team.self'), email: raw, status: 409 });
  return c.redirect('/staff/team?notice=granted', 303);
}

async function removeStaff(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const auth = requirePrivilegedAdmin(c);
  if (!auth) return confirmFirst(c);
  const id = uuid.safeParse(c.req.param('id'));
  if (!id.success) return renderErrorPage(c, 404);
  const result = await changeRole(
    c.get('deps'),
    { adminId: auth.user.id, meta: requestMeta(c) },
    { userId: id.data, role: 'user' },
  );
  if (!result.ok)
    return result.reason === 'self'
      ? renderTeam(c, { error: t('staff.team.self'), status: 409 })
      : renderErrorPage(c, 404);
  return c.redirect('/staff/team?notice=removed', 303);
}

/** The admin side of the console: the audit trail and who has staff access. */
export function adminPages() {
  const app = new Hono<AppEnv>();
  app.get('/staff/audit', showAuditTrail);
  app.get('/staff/team', (c) => renderTeam(c));
  app.post('/staff/team/grant', grantStaff);
  app.post('/staff/team/:id/remove', removeStaff);
  return app;
}
