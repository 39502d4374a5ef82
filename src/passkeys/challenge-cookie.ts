import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';
import { challengeTtlMs } from './relying-party';

const cookieName = (config: Pick<Config, 'isHttps'>) =>
  config.isHttps ? '__Host-passkey-challenge' : 'passkey-challenge';

/**
 * A sign-in ceremony has no session to bind its challenge to, so the browser that asked for
 * the options keeps the challenge's row id in a short-lived HttpOnly cookie; only that
 * browser can finish it. It holds no secret: the challenge itself is checked in the database.
 */
export function setChallengeCookie(
  c: Context,
  config: Pick<Config, 'isHttps'>,
  challengeId: string,
) {
  setCookie(c, cookieName(config), challengeId, {
    path: '/',
    httpOnly: true,
    secure: config.isHttps,
    sameSite: 'Strict',
    maxAge: Math.floor(challengeTtlMs / 1000),
  });
}

export const readChallengeCookie = (c: Context, config: Pick<Config, 'isHttps'>) =>
  getCookie(c, cookieName(config))?.slice(0, 64) ?? null;

export function clearChallengeCookie(c: Context, config: Pick<Config, 'isHttps'>) {
  deleteCookie(c, cookieName(config), { path: '/', secure: config.isHttps, httpOnly: true });
}
