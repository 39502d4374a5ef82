import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';

type CookieSpec = {
  name: string;
  /** Readable by scripts? Only the language is; nothing in it is secret. */
  httpOnly: boolean;
  sameSite: 'Lax' | 'Strict';
  /** `__Host-` over https: pinned to this exact host, path /, Secure. */
  hostOnly: boolean;
};

/**
 * Every cookie the product sets, in one list: the only place that calls hono's setCookie is
 * below, and /cookies has a row for each entry (a test checks both).
 */
export const appCookies = {
  session: { name: 'session', httpOnly: true, sameSite: 'Lax', hostOnly: true },
  twoFactor: { name: 'two-factor', httpOnly: true, sameSite: 'Lax', hostOnly: true },
  passkeyChallenge: {
    name: 'passkey-challenge',
    httpOnly: true,
    sameSite: 'Strict',
    hostOnly: true,
  },
  lang: { name: 'lang', httpOnly: false, sameSite: 'Lax', hostOnly: false },
} as const satisfies Record<string, CookieSpec>;

export type AppCookie = (typeof appCookies)[keyof typeof appCookies];
type CookieConfig = Pick<Config, 'isHttps' | 'persistentCookies'>;

export const cookieName = (config: Pick<Config, 'isHttps'>, cookie: AppCookie) =>
  cookie.hostOnly && config.isHttps ? `__Host-${cookie.name}` : cookie.name;

/**
 * Sets one of our cookies. `maxAgeSeconds` makes it outlive the browser, unless the school
 * promises no persistent cookies (PERSISTENT_COOKIES=false): then every cookie ends with the
 * browser, whoever sets it.
 */
export function setAppCookie(
  c: Context,
  config: CookieConfig,
  cookie: AppCookie,
  value: string,
  maxAgeSeconds?: number,
) {
  setCookie(c, cookieName(config, cookie), value, {
    path: '/',
    httpOnly: cookie.httpOnly,
    secure: config.isHttps,
    sameSite: cookie.sameSite,
    ...(maxAgeSeconds !== undefined && config.persistentCookies
      ? { maxAge: Math.max(0, Math.floor(maxAgeSeconds)) }
      : {}),
  });
}

export const readAppCookie = (c: Context, config: Pick<Config, 'isHttps'>, cookie: AppCookie) =>
  getCookie(c, cookieName(config, cookie));

export function clearAppCookie(c: Context, config: Pick<Config, 'isHttps'>, cookie: AppCookie) {
  deleteCookie(c, cookieName(config, cookie), {
    path: '/',
    secure: config.isHttps,
    httpOnly: cookie.httpOnly,
  });
}
