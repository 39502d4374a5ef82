import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { overviewPageRoutes } from './pages/overview';
import { profilePageRoutes } from './pages/profile';
import { securityPageRoutes } from './pages/security';
import { sessionsPageRoutes } from './pages/sessions';
import { timeZonePageRoutes } from './pages/time-zone';

export { renderSecurity } from './pages/security';

/** The cabinet's HTML pages under /account (the passkey forms are the passkeys feature's). */
export function cabinetPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', overviewPageRoutes());
  app.route('/', profilePageRoutes());
  app.route('/', securityPageRoutes());
  app.route('/', sessionsPageRoutes());
  app.route('/', timeZonePageRoutes());
  return app;
}
