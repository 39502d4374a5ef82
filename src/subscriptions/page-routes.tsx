import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

export function subscriptionPageRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
