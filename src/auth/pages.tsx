import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { emailedLinkPageRoutes } from './pages/emailed-links';
import { passwordPageRoutes } from './pages/password';
import { registerPageRoutes } from './pages/register';
import { signInPageRoutes, type AuthPageOptions } from './pages/sign-in';
import { verifyEmailPageRoutes } from './pages/verify-email';
import { twoFactorPageRoutes } from './two-factor/pages';

export type { AuthPageOptions };

/** Every page of accounts and signing in; the cabinet's two-step sign-in forms among them. */
export function authPageRoutes(options: AuthPageOptions = {}) {
  const app = new Hono<AppEnv>();
  app.route('/', registerPageRoutes());
  app.route('/', signInPageRoutes(options));
  app.route('/', verifyEmailPageRoutes());
  app.route('/', passwordPageRoutes());
  app.route('/', emailedLinkPageRoutes());
  app.route('/', twoFactorPageRoutes());
  return app;
}
