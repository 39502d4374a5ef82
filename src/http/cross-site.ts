import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { problem } from './problem';

/**
 * A GET that another site made the browser send, as Fetch Metadata tells: a followed link, a
 * form, an image. Our session cookie is SameSite=Lax, so it comes along on such navigations
 * (and, from a sibling subdomain, on images too). `same-origin` (our own pages) and `none` (a
 * typed address, a bookmark, another app) are the person's own doing; a client that sends no
 * Sec-Fetch-Site (an older browser, a script) cannot be told apart and is served as before.
 */
export function isForeignGet(c: Context): boolean {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  const site = c.req.header('sec-fetch-site');
  return site === 'cross-site' || site === 'same-site';
}

/**
 * GETs that record something in a person's name (a staff look at someone's data, which that
 * person sees in their activity; a data export) are served on the session cookie only to
 * requests from our own pages. From elsewhere nothing is read or written: the answer is a page
 * with the same address as a link, so opening it is one deliberate click, recorded as usual.
 * `paths` are exact, or prefixes when they end in `*`. Mount after the session loader and the
 * locale.
 */
export function recordedReadsFromOwnPages(options: {
  paths: readonly string[];
  /** The page that offers the same address as a link (the views layer provides it). */
  renderPage: (c: Context<AppEnv>) => Response | Promise<Response>;
}): MiddlewareHandler<AppEnv> {
  const exact = new Set(options.paths.filter((p) => !p.endsWith('*')));
  const prefixes = options.paths.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return async function recordedReadsGuard(c, next) {
    if (c.get('authVia') !== 'cookie' || !isForeignGet(c)) return next();
    const path = c.req.path;
    if (!exact.has(path) && !prefixes.some((p) => path.startsWith(p))) return next();
    if (path.startsWith('/api/')) {
      return problem(c, {
        status: 403,
        type: 'cross-site',
        title: 'Open this from our own pages',
        detail:
          'This GET records a read in the person’s name and came from another site (Sec-Fetch-Site); it is served only to requests from this site.',
      });
    }
    return options.renderPage(c);
  };
}
