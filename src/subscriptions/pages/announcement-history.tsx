import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { requireRole } from '../../http/require';
import { renderErrorPage } from '../../views/error-page';
import { findAnnouncement, listAnnouncements } from '../announcement-history';
import { decodeCursor, encodeCursor } from '../history-cursor';
import { announcementHistoryPage } from '../views/announcement-history-page';
import { announcementProgressPage } from '../views/announcement-progress-page';
import { announcerRoles } from './announcements';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /staff/announcements/history and /staff/announcements/{id}: what was sent, how far it got. */
export function announcementHistoryPageRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/staff/announcements/history', async (c) => {
    requireRole(c, announcerRoles);
    const raw = c.req.query('cursor');
    const before = raw ? (decodeCursor(raw.slice(0, 100)) ?? undefined) : undefined;
    const page = await listAnnouncements(c.get('deps').db, { locale: c.get('locale'), before });
    return announcementHistoryPage(c, {
      items: page.items,
      next: page.next ? encodeCursor(page.next) : null,
    });
  });

  app.get('/staff/announcements/:id', async (c) => {
    requireRole(c, announcerRoles);
    const id = c.req.param('id');
    if (!uuid.test(id)) return renderErrorPage(c, 404);
    const found = await findAnnouncement(c.get('deps').db, id, c.get('locale'));
    if (!found) return renderErrorPage(c, 404);
    return announcementProgressPage(c, found);
  });

  return app;
}
