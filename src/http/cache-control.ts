import type { Context } from 'hono';
import type { AppEnv } from './env';

/**
 * Answers about a signed-in person (their data, a page whose header names them, a staff view
 * of someone else), and answers that set or clear the session cookie or carry its token, must
 * not stay in a browser's or a proxy's HTTP cache: on a school's shared laptop the next person
 * could open them from there after the first signed out (OWASP ASVS 8.2.1). A route that chose
 * its own policy keeps it.
 */
export function keepOutOfCaches(c: Context<AppEnv>) {
  const headers = c.res.headers;
  if (headers.has('cache-control')) return;
  if (c.get('auth') || headers.has('set-cookie')) headers.set('Cache-Control', 'no-store');
}
