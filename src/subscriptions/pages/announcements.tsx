import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { formErrors, readForm } from '../../http/forms';
import { requireRole } from '../../http/require';
import type { Role } from '../../../db/schema';
import { announcementFormFields, announcementFormSchema } from '../schemas';
import { previewAnnouncement } from '../announcement-preview';
import { sendAnnouncement } from '../announcements';
import { listLists, toListView } from '../lists';
import {
  announcementPage,
  type AnnouncementFormValues,
  type AnnouncementPageState,
} from '../views/announcement-page';

export const announcerRoles: readonly Role[] = ['staff', 'admin'];

async function renderForm(c: Context<AppEnv>, state: Omit<AnnouncementPageState, 'lists'>) {
  // The mandatory list is never offered: service mail is not for announcements.
  const lists = (await listLists(c.get('deps').db))
    .filter((l) => !l.mandatory)
    .map((l) => toListView(l, c.get('locale')));
  return announcementPage(c, { lists, ...state });
}

const pickValues = (read: (name: string) => string | undefined): AnnouncementFormValues =>
  Object.fromEntries(announcementFormFields.map((f) => [f, (read(f) ?? '').slice(0, 20_000)]));

/**
 * The preview (or, with `confirm`, the "send to N people?" step) of what the form holds.
 * Nothing is queued; a list nobody is subscribed to is said so, with 400.
 */
async function reviewForm(c: Context<AppEnv>, values: AnnouncementFormValues, confirm: boolean) {
  const parsed = announcementFormSchema.safeParse(values);
  if (!parsed.success)
    return renderForm(c, { values, errors: formErrors(parsed.error), status: 400 });
  const preview = await previewAnnouncement(c.get('deps'), parsed.data, c.get('locale'));
  if (!preview.ok)
    return renderForm(c, { values, errors: { list: 'announce.error.list' }, status: 400 });
  return renderForm(c, { values, preview, confirm, status: preview.recipients ? 200 : 400 });
}

/**
 * /staff/announcements: write, preview, confirm the count, send. Staff and admins only.
 * Sending takes two POSTs: the form's button shows the count, only `confirm=1` queues.
 */
export function announcementPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/staff/announcements', async (c) => {
    requireRole(c, announcerRoles);
    const queued = Number(c.req.query('queued'));
    return renderForm(c, {
      queued: Number.isSafeInteger(queued) && queued >= 0 ? queued : undefined,
    });
  });

  app.post('/staff/announcements/preview', async (c) => {
    requireRole(c, announcerRoles);
    const form = await readForm(c);
    return reviewForm(
      c,
      pickValues((f) => form[f]),
      false,
    );
  });

  app.post('/staff/announcements', async (c) => {
    const auth = requireRole(c, announcerRoles);
    const form = await readForm(c);
    const values = pickValues((f) => form[f]);
    if (form.confirm !== '1') return reviewForm(c, values, true);
    const parsed = announcementFormSchema.safeParse(values);
    if (!parsed.success)
      return renderForm(c, { values, errors: formErrors(parsed.error), status: 400 });
    const result = await sendAnnouncement(c.get('deps'), { ...parsed.data, staffId: auth.user.id });
    if (!result.ok)
      return renderForm(c, { values, errors: { list: 'announce.error.list' }, status: 400 });
    // Post/redirect/get: reloading the result page cannot send the announcement twice. The
    // announcement's own page then shows it going out.
    return c.redirect(
      result.queued ? `/staff/announcements/${result.id}` : '/staff/announcements?queued=0',
      303,
    );
  });

  return app;
}
