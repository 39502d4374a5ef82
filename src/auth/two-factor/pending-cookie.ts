import type { Context } from 'hono';
import type { Config } from '../../config';
import { tokenTtlMs } from '../../core/email-tokens';
import { appCookies, clearAppCookie, readAppCookie, setAppCookie } from '../../http/cookies';

/**
 * Holds the pending two-step sign-in between the password and the code: HttpOnly (scripts
 * cannot read it), SameSite=Lax, gone after five minutes. It is not a session cookie, so no
 * route but the code step treats its holder as signed in.
 */
export function setPendingCookie(
  c: Context,
  config: Pick<Config, 'isHttps' | 'persistentCookies'>,
  token: string,
) {
  setAppCookie(c, config, appCookies.twoFactor, token, tokenTtlMs['two-factor-login'] / 1000);
}

export const readPendingCookie = (c: Context, config: Pick<Config, 'isHttps'>) =>
  readAppCookie(c, config, appCookies.twoFactor)?.slice(0, 100) ?? null;

export const clearPendingCookie = (c: Context, config: Pick<Config, 'isHttps'>) =>
  clearAppCookie(c, config, appCookies.twoFactor);
