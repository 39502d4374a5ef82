import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { announcementPageRoutes } from './pages/announcements';
import { subscriptionCabinetPageRoutes } from './pages/cabinet';
import { subscriptionLinkPageRoutes } from './pages/links';

/** Every page of the feature: the cabinet's list of lists, the emailed links, the staff form. */
export function subscriptionPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', subscriptionCabinetPageRoutes());
  app.route('/', subscriptionLinkPageRoutes());
  app.route('/', announcementPageRoutes());
  return app;
}
