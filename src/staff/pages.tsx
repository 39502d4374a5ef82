import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { adminConsolePages } from './admin-pages';
import { bookingsCabinetPages } from './cabinet-pages';
import { staffConsolePages } from './staff-pages';

/**
 * The staff console pages, its admin pages, and the student's bookings page. Routes are
 * listed one by one (no /staff/* middleware): /staff/announcements belongs to another router.
 */
export function staffPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', staffConsolePages());
  app.route('/', adminConsolePages());
  app.route('/', bookingsCabinetPages());
  return app;
}
