import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

export function passkeyPageRoutes() {
  const app = new Hono<AppEnv>();
  return app;
}
