import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { readForm } from '../../http/forms';
import { requestMeta } from '../../http/request-meta';
import { translator } from '../../i18n';
import { renderErrorPage } from '../../views/error-page';
import { requireAdmin } from '../access';
import { assignStaff, unassignStaff } from '../assignments';
import { renderFailedForm, toCard, uuid } from './card';

const adminAct = (c: Context<AppEnv>) => ({
  adminId: requireAdmin(c).user.id,
  meta: requestMeta(c),
});

/** The card's "assign a staff member" form (admins). */
async function assign(c: Context<AppEnv>) {
  const act = adminAct(c);
  const userId = uuid.safeParse(c.req.param('id'));
  if (!userId.success) return renderErrorPage(c, 404);
  const raw = ((await readForm(c)).staffId ?? '').slice(0, 100);
  const staffId = uuid.safeParse(raw);
  const result = staffId.success
    ? await assignStaff(c.get('deps'), act, { userId: userId.data, staffId: staffId.data })
    : ({ ok: false, reason: 'not-staff' } as const);
  if (result.ok) return c.redirect(toCard(userId.data, 'assigned'), 303);
  const t = translator(c.get('locale'));
  // An unknown person is a 404 page; a bad choice re-shows the card with the form's error.
  return renderFailedForm(c, userId.data, {
    form: 'assign',
    values: { staffId: raw },
    errors: { staffId: t('staff.assign.notStaff') },
  });
}

async function unassign(c: Context<AppEnv>) {
  const act = adminAct(c);
  const userId = uuid.safeParse(c.req.param('id'));
  const staffId = uuid.safeParse(c.req.param('staffId'));
  if (!userId.success || !staffId.success) return renderErrorPage(c, 404);
  const result = await unassignStaff(c.get('deps'), act, {
    userId: userId.data,
    staffId: staffId.data,
  });
  if (!result.ok) return renderErrorPage(c, 404);
  return c.redirect(toCard(userId.data, 'unassigned'), 303);
}

/** Admins assign and unassign staff on the person's card; plain forms, no JavaScript needed. */
export function assignmentPages() {
  const app = new Hono<AppEnv>();
  app.post('/staff/users/:id/assignments', assign);
  app.post('/staff/users/:id/assignments/:staffId/remove', unassign);
  return app;
}
