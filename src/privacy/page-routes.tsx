import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { privacyPage } from './policy-page';

export function privacyPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/privacy', privacyPage);
  return app;
}
