import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';

/** `__Host-` pins the cookie to our exact host over https; plain-http localhost cannot use it. */
export const sessionCookieName = (config: Pick<Config, 'isHttps'>) =>
  config.isHttps ? '__Host-session' : 'session';

export function setSessionCookie(
  c: Context,
  config: Pick<Config, 'isHttps'>,
  token: string,
  persistentUntil: Date | null,
  now: Date,
) {
  setCookie(c, sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    secure: config.isHttps,
    sameSite: 'Lax',
    // Without "remember me" the cookie dies with the browser; the server-side expiry still rules.
    ...(persistentUntil
      ? { maxAge: Math.max(0, Math.floor((persistentUntil.getTime() - now.getTime()) / 1000)) }
      : {}),
  });
}

export function clearSessionCookie(c: Context, config: Pick<Config, 'isHttps'>) {
  deleteCookie(c, sessionCookieName(config), { path: '/', secure: config.isHttps, httpOnly: true });
}

export function readSessionToken(c: Context, config: Pick<Config, 'isHttps'>) {
  const auth = c.req.header('authorization');
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' as const };
  const cookie = getCookie(c, sessionCookieName(config));
  return cookie ? { token: cookie, via: 'cookie' as const } : null;
}
