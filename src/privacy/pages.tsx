import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { deletePageRoutes } from './pages/delete';
import { policyPageRoutes } from './pages/policy';
import { policyAcceptPageRoutes } from './pages/policy-accept';
import { privacyOverviewPageRoutes } from './pages/privacy';

/** The public privacy page, and the cabinet's pages for the person's rights. */
export function privacyPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', policyPageRoutes());
  app.route('/', privacyOverviewPageRoutes());
  app.route('/', policyAcceptPageRoutes());
  app.route('/', deletePageRoutes());
  return app;
}
