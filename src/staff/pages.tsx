import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { adminPages } from './pages/admin';
import { assignmentPages } from './pages/assignments';
import { bookingFormPages } from './pages/bookings';
import { cancelPages } from './pages/cancel';
import { peoplePages } from './pages/people';
import { restrictionPages } from './pages/restrictions';

/**
 * The staff console pages and its admin pages. Routes are listed one by one (no /staff/*
 * middleware): /staff/announcements belongs to the subscriptions feature.
 */
export function staffPageRoutes() {
  const app = new Hono<AppEnv>();
  app.route('/', peoplePages());
  app.route('/', bookingFormPages());
  app.route('/', cancelPages());
  app.route('/', adminPages());
  app.route('/', assignmentPages());
  app.route('/', restrictionPages());
  return app;
}
