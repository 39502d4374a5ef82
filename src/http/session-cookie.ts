import type { Context } from 'hono';
import type { Config } from '../config';
import { appCookies, clearAppCookie, cookieName, readAppCookie, setAppCookie } from './cookies';

export const sessionCookieName = (config: Pick<Config, 'isHttps'>) =>
  cookieName(config, appCookies.session);

export function setSessionCookie(
  c: Context,
  config: Pick<Config, 'isHttps' | 'persistentCookies'>,
  token: string,
  persistentUntil: Date | null,
  now: Date,
) {
  // Without "remember me" the cookie dies with the browser; the server-side expiry still rules.
  const maxAge = persistentUntil ? (persistentUntil.getTime() - now.getTime()) / 1000 : undefined;
  setAppCookie(c, config, appCookies.session, token, maxAge);
}

export function clearSessionCookie(c: Context, config: Pick<Config, 'isHttps'>) {
  clearAppCookie(c, config, appCookies.session);
}

export function readSessionToken(c: Context, config: Pick<Config, 'isHttps'>) {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' as const };
  const cookie = readAppCookie(c, config, appCookies.session);
  return cookie ? { token: cookie, via: 'cookie' as const } : null;
}
