import { Hono, type Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { readForm } from '../http/forms';
import { requestMeta } from '../http/request-meta';
import { translator } from '../i18n';
import { emailSchema } from '../core/email-address';
import { findUserByEmail } from '../core/users';
import { renderErrorPage } from '../views/error-page';
import { requireAdmin } from './access';
import { listAuditTrail } from './audit-trail';
import { changeRole, listTeam } from './roles';
import { pageQuerySchema } from './schemas';
import { auditPage } from './views/audit-page';
import { teamPage } from './views/team-page';

const uuid = z.uuid();

/**
 * Role changes open everyone's data to someone, so they need a session that proved the
 * admin's password recently; otherwise the admin is sent to confirm it and comes back here.
 */
function requirePrivilegedAdmin(c: Context<AppEnv>) {
  const auth = requireAdmin(c);
  return auth.isPrivileged ? auth : null;
}

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

/** The admin side of the console: the audit trail and who has staff access. */
export function adminConsolePages() {
  const app = new Hono<AppEnv>();

  app.get('/staff/audit', async (c) => {
    const auth = requireAdmin(c);
    const page = pageQuerySchema.safeParse(c.req.query('page') ?? 1);
    const trail = await listAuditTrail(
      c.get('deps'),
      { adminId: auth.user.id, meta: requestMeta(c) },
      page.success ? page.data : 1,
    );
    return auditPage(c, trail);
  });

  app.get('/staff/team', (c) => renderTeam(c));

  app.post('/staff/team/grant', async (c) => {
    const t = translator(c.get('locale'));
    const auth = requirePrivilegedAdmin(c);
    if (!auth) return c.redirect(`/reauth?next=${encodeURIComponent('/staff/team')}`, 303);
    const raw = ((await readForm(c)).email ?? '').slice(0, 320);
    const email = emailSchema.safeParse(raw);
    if (!email.success)
      return renderTeam(c, { error: t('form.invalidEmail'), email: raw, status: 400 });
    const person = await findUserByEmail(c.get('deps').db, email.data);
    if (!person) return renderTeam(c, { error: t('staff.team.notFound'), email: raw, status: 404 });
    const result = await changeRole(
      c.get('deps'),
      { adminId: auth.user.id, meta: requestMeta(c) },
      { userId: person.id, role: 'staff' },
    );
    if (!result.ok) return renderTeam(c, { error: t('staff.team.self'), email: raw, status: 409 });
    return c.redirect('/staff/team?notice=granted', 303);
  });

  app.post('/staff/team/:id/remove', async (c) => {
    const t = translator(c.get('locale'));
    const auth = requirePrivilegedAdmin(c);
    if (!auth) return c.redirect(`/reauth?next=${encodeURIComponent('/staff/team')}`, 303);
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
  });

  return app;
}
