import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

export function privacyCabinetPageRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
