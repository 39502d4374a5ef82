import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { subscriptionCabinetPageRoutes } from './cabinet-pages';
import { subscriptionLinkPageRoutes } from './link-pages';
import { announcementPageRoutes } from './announcement-pages';

/** Every page of the feature: the cabinet's list of lists, the emailed links, the staff form. */
export function subscriptionPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', subscriptionCabinetPageRoutes());
  app.route('/', subscriptionLinkPageRoutes());
  app.route('/', announcementPageRoutes());
  return app;
}
