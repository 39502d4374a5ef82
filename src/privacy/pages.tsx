import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { privacyCabinetPages } from './cabinet-pages';
import { showPrivacyPolicy } from './policy-page';

/** The public privacy page, and the cabinet's pages for the person's rights. */
export function privacyPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/privacy', showPrivacyPolicy);
  app.route('/', privacyCabinetPages());
  return app;
}
