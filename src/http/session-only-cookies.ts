import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

/** A Set-Cookie that removes a cookie (Max-Age=0, or emptied and dated in the past). */
const removes = (header: string) =>
  /;\s*max-age=0\s*(;|$)/i.test(header) || /^[^=;]*=\s*(;|$)/.test(header);

/** The cookie without its Max-Age and Expires: it then ends when the browser closes. */
const untilBrowserCloses = (header: string) =>
  header
    .split(';')
    .filter((part, i) => i === 0 || !/^\s*(max-age|expires)\s*=/i.test(part))
    .join(';');

/**
 * PERSISTENT_COOKIES=false: no cookie the product sets outlives the browser, whichever route
 * set it and however (issue 19). One step on the way out, so a cookie added later cannot
 * forget it. Removals keep their Max-Age=0: removing a cookie keeps nothing.
 */
export function sessionOnlyCookies() {
  return createMiddleware<AppEnv>(async function sessionOnlyCookies(c, next) {
    await next();
    const headers = c.res.headers.getSetCookie();
    if (!headers.some((h) => !removes(h) && /;\s*(max-age|expires)\s*=/i.test(h))) return;
    const res = new Response(c.res.body, c.res);
    res.headers.delete('set-cookie');
    for (const h of headers)
      res.headers.append('set-cookie', removes(h) ? h : untilBrowserCloses(h));
    // Hono's setter copies the old answer's Set-Cookie onto a new one; clear it first.
    c.res = undefined;
    c.res = res;
  });
}
