import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { announcementHistoryPageRoutes } from './pages/announcement-history';
import { announcementPageRoutes } from './pages/announcements';
import { subscriptionCabinetPageRoutes } from './pages/cabinet';
import { subscriptionLinkPageRoutes } from './pages/links';

/** Every page of the feature: the cabinet's list of lists, the emailed links, the staff form. */
export function subscriptionPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', subscriptionCabinetPageRoutes());
  app.route('/', subscriptionLinkPageRoutes());
  app.route('/', announcementPageRoutes());
  app.route('/', announcementHistoryPageRoutes());
  return app;
}
