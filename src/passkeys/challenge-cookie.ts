import type { Context } from 'hono';
import type { Config } from '../config';
import { appCookies, clearAppCookie, readAppCookie, setAppCookie } from '../http/cookies';
import { challengeTtlMs } from './relying-party';

/**
 * A sign-in ceremony has no session to bind its challenge to, so the browser that asked for
 * the options keeps the challenge's row id in a short-lived HttpOnly cookie; only that
 * browser can finish it. It holds no secret: the challenge itself is checked in the database.
 */
export function setChallengeCookie(
  c: Context,
  config: Pick<Config, 'isHttps' | 'persistentCookies'>,
  challengeId: string,
) {
  setAppCookie(c, config, appCookies.passkeyChallenge, challengeId, challengeTtlMs / 1000);
}

export const readChallengeCookie = (c: Context, config: Pick<Config, 'isHttps'>) =>
  readAppCookie(c, config, appCookies.passkeyChallenge)?.slice(0, 64) ?? null;

export const clearChallengeCookie = (c: Context, config: Pick<Config, 'isHttps'>) =>
  clearAppCookie(c, config, appCookies.passkeyChallenge);
