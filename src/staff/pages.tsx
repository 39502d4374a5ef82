import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { adminConsolePages } from './admin-pages';
import { staffConsolePages } from './console-pages';

/**
 * The staff console pages and its admin pages. Routes are listed one by one (no /staff/*
 * middleware): /staff/announcements belongs to the subscriptions feature.
 */
export function staffPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', staffConsolePages());
  app.route('/', adminConsolePages());
  return app;
}
