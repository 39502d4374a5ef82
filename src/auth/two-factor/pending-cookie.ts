import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config';
import { tokenTtlMs } from '../../core/email-tokens';

const cookieName = (config: Pick<Config, 'isHttps'>) =>
  config.isHttps ? '__Host-two-factor' : 'two-factor';

/**
 * Holds the pending two-step sign-in between the password and the code: HttpOnly (scripts
 * cannot read it), SameSite=Lax, gone after five minutes. It is not a session cookie, so no
 * route but the code step treats its holder as signed in.
 */
export function setPendingCookie(c: Context, config: Pick<Config, 'isHttps'>, token: string) {
  setCookie(c, cookieName(config), token, {
    path: '/',
    httpOnly: true,
    secure: config.isHttps,
    sameSite: 'Lax',
    maxAge: Math.floor(tokenTtlMs['two-factor-login'] / 1000),
  });
}

export const readPendingCookie = (c: Context, config: Pick<Config, 'isHttps'>) =>
  getCookie(c, cookieName(config))?.slice(0, 100) ?? null;

export function clearPendingCookie(c: Context, config: Pick<Config, 'isHttps'>) {
  deleteCookie(c, cookieName(config), { path: '/', secure: config.isHttps, httpOnly: true });
}
